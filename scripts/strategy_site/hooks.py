"""MkDocs hooks (mkdocs.yml `hooks:`): render the pages from data/ before every build, and have
`mkdocs serve` watch data/ and the templates, so that the two MkDocs commands are the whole pipeline."""

from __future__ import annotations

import logging
import sys
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

log = logging.getLogger("mkdocs.hooks.search")
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from strategy_site import pipeline, search_index, urls  # noqa: E402
from strategy_site.problems import DataError  # noqa: E402
from strategy_site.render import TEMPLATES, RenderError  # noqa: E402

_last: tuple | None = None
_loaded: tuple | None = None  # (fingerprint, (strategy, files))
_serving = False
_refresher = search_index.Refresher(lambda message: log.warning(message))


def _load(root: Path) -> tuple:
    """The validated model and files, read again only when the data changed: on_config and
    on_pre_build share one reading (at 1,900 measures each reading takes seconds)."""
    global _loaded
    stamp = pipeline.fingerprint(root)
    if _loaded is None or _loaded[0] != stamp:
        try:
            _loaded = (stamp, pipeline.load_checked(root) or pipeline.load(root))
        except DataError as exc:
            raise PluginError("The data has problems, so the site was not built:\n" + str(exc)) from None
    return _loaded[1]


def _strategy(root: Path):
    return _load(root)[0]


def nav(strategy) -> list:
    """The navigation, from the data: the pillars in their order. Titles come from each page's
    heading, so they are in the page's language."""
    return [
        urls.HOME,
        {"Pillars": [urls.pillar(p.id) for p in strategy.pillars]},
        urls.MEASURES, urls.PROGRESS, urls.BUDGET, urls.HISTORY, urls.GLOSSARY, urls.SUMMARY,
        urls.ABOUT, urls.DATA,
    ]


def on_config(config, **kwargs):
    config.nav = nav(_strategy(Path(config.config_file_path).resolve().parent))
    return config


def on_pre_build(config, **kwargs):
    global _last
    root = Path(config.config_file_path).resolve().parent
    docs = Path(config.docs_dir)
    stamp = (pipeline.fingerprint(root), config.site_url, str(docs))
    if stamp == _last and (docs / "ja" / "index.md").exists():
        return
    try:
        pipeline.render_docs(root, config.site_url or "", docs, loaded=_load(root))
    except DataError as exc:
        raise PluginError("The data has problems, so the site was not built:\n" + str(exc)) from None
    except RenderError as exc:
        raise PluginError(f"A page could not be rendered: {exc}") from None
    _last = stamp


def on_serve(server, config, builder, **kwargs):
    root = Path(config.config_file_path).resolve().parent
    server.watch(str(root / "data"))
    server.watch(str(TEMPLATES))
    return server


def on_startup(command, **kwargs):
    global _serving
    _serving = command == "serve"


@event_priority(-110)  # after mkdocs-static-i18n's (-100), which builds the other languages in it
def on_post_build(config, **kwargs):
    """Under `mkdocs serve`, refresh the search index in the background once every language is
    built (`strategy_site build` indexes the site itself, before it replaces site/)."""
    if _serving and not getattr(config.plugins.get("i18n"), "building", False):
        _refresher.request(Path(config.site_dir))
