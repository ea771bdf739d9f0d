"""MkDocs hooks (mkdocs.yml `hooks:`): render the pages from data/ before every build, and have
`mkdocs serve` watch data/ and the templates, so that the two MkDocs commands are the whole pipeline."""

from __future__ import annotations

import sys
from pathlib import Path

from mkdocs.exceptions import PluginError

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from strategy_site import pipeline, preview_errors, urls  # noqa: E402
from strategy_site.problems import DataError  # noqa: E402
from strategy_site.render import TEMPLATES, RenderError  # noqa: E402

_last: tuple | None = None
_loaded: tuple | None = None  # (fingerprint, (strategy, files))
_serving = False  # mkdocs serve (./scripts/serve): data problems are shown on the pages, not raised
_problems: str | None = None  # while serving: the report of the data's problems, if it has any
_good_nav: list | None = None  # while serving: the navigation of the last good data


class DataProblems(PluginError):
    """The data has problems; `report` is what `./scripts/build --check` prints for them."""

    def __init__(self, report: str):
        self.report = report
        super().__init__("The data has problems, so the site was not built:\n" + report)


def _load(root: Path) -> tuple:
    """The validated model and files, read again only when the data changed: on_config and
    on_pre_build share one reading (at 1,900 measures each reading takes seconds)."""
    global _loaded
    stamp = pipeline.fingerprint(root)
    if _loaded is None or _loaded[0] != stamp:
        try:
            _loaded = (stamp, pipeline.load_checked(root) or pipeline.load(root))
        except DataError as exc:
            raise DataProblems(str(exc)) from None
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
        urls.ABOUT, urls.DATA, urls.ACCESSIBILITY,
    ]


def on_startup(command, **kwargs):
    global _serving
    _serving = command == "serve"


def on_config(config, **kwargs):
    global _problems, _good_nav
    try:
        config.nav = nav(_strategy(Path(config.config_file_path).resolve().parent))
    except DataProblems as exc:
        if not _serving:
            raise
        # The preview keeps the last good pages and navigation, and on_post_build shows the problems.
        _problems = exc.report
        config.nav = _good_nav or _fallback_nav(Path(config.docs_dir))
        return config
    _problems, _good_nav = None, config.nav
    return config


def _fallback_nav(docs: Path) -> list:
    """The preview started with broken data: the pages a previous run left, or the home page alone."""
    found = sorted(p.relative_to(docs / "ja").as_posix() for p in (docs / "ja").rglob("*.md"))
    return found or [urls.HOME]


def on_pre_build(config, **kwargs):
    global _last
    root = Path(config.config_file_path).resolve().parent
    docs = Path(config.docs_dir)
    if _serving and _problems is not None:
        for lang in ("ja", "en"):  # no pages yet: a home page for the problems to be shown on
            home = docs / lang / urls.HOME
            if not home.exists():
                home.parent.mkdir(parents=True, exist_ok=True)
                home.write_text("# " + preview_errors.WORDS["title"][lang] + "\n", "utf-8")
        return
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


def on_post_build(config, **kwargs):
    if _serving and _problems is not None:
        pages = preview_errors.show(Path(config.site_dir), _problems)
        # print, not logging: in strict mode a logged warning would stop the build and the server.
        print(f"{_problems}\nThe preview shows these problems on its {pages} pages until the data is fixed.",
              file=sys.stderr)


def on_serve(server, config, builder, **kwargs):
    root = Path(config.config_file_path).resolve().parent
    server.watch(str(root / "data"))
    server.watch(str(TEMPLATES))
    return server
