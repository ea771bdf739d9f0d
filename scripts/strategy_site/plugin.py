"""The MkDocs side: a plugin (mkdocs.yml `plugins: - strategy-site`) that renders the pages from
data/ before every build and has `mkdocs serve` watch data/ and the templates, so that `mkdocs
build` and `mkdocs serve` are the whole pipeline. Its state lives on the instance: MkDocs makes a
new one for every build (`mkdocs serve` too, at each rebuild).
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.livereload import LiveReloadServer
from mkdocs.plugins import BasePlugin

from . import pages, pipeline
from .problems import DataError
from .render import TEMPLATES, RenderError
from .ui import theme_words


def project_root(config: MkDocsConfig) -> Path:
    """The project that `config` (its mkdocs.yml) belongs to."""
    return Path(config.config_file_path).resolve().parent


class StrategySitePlugin(BasePlugin):
    def __init__(self) -> None:
        # The data of this build: its fingerprint and what pipeline.load made of it.
        self.checked: tuple[pipeline.Fingerprint, pipeline.Checked] | None = None

    def use(self, root: Path, checked: pipeline.Checked) -> None:
        """Take data that the caller has just checked (`strategy_site build`), so that this build
        does not read and validate it again. It is used only while nothing has changed since."""
        self.checked = (pipeline.fingerprint(root), checked)

    def data(self, root: Path) -> pipeline.Checked:
        """The validated data, read once per build (on_config and on_pre_build share it)."""
        stamp = pipeline.fingerprint(root)
        if self.checked is None or self.checked[0] != stamp:
            try:
                self.checked = (stamp, pipeline.load(root))
            except DataError as exc:
                raise PluginError("The data has problems, so the site was not built:\n" + str(exc)) from None
        return self.checked[1]

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        config.nav = pages.nav(self.data(project_root(config)).strategy)
        config.extra["words"] = theme_words()  # the site's own words that theme/main.html prints
        return config

    def on_pre_build(self, *, config: MkDocsConfig) -> None:
        root = project_root(config)
        try:
            pipeline.render_docs(root, config.site_url or "", Path(config.docs_dir), checked=self.data(root))
        except RenderError as exc:
            raise PluginError(f"A page could not be rendered: {exc}") from None

    def on_serve(self, server: LiveReloadServer, *, config: MkDocsConfig, builder) -> LiveReloadServer:
        server.watch(str(project_root(config) / "data"))
        server.watch(str(TEMPLATES))
        return server
