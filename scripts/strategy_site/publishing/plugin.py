"""The MkDocs side: a plugin (mkdocs.yml `plugins: - strategy-site`) that renders the pages from
data/ before every build and has `mkdocs serve` watch data/ and the templates, so that `mkdocs
build` and `mkdocs serve` are the whole pipeline.

Its state lives on the instance. Because it has on_startup, MkDocs keeps one instance for the whole
of a `mkdocs serve` (and makes a new one for every `mkdocs build`), so the preview remembers its
last good navigation across rebuilds.
"""

from __future__ import annotations

import logging
import os
import sys
from collections.abc import Callable
from pathlib import Path

import pathspec
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.livereload import LiveReloadServer
from mkdocs.plugins import BasePlugin, event_priority

from strategy_site.checking.validate import FileChecks
from strategy_site.publishing import cards, pipeline, preview_errors, search_index, siteurl
from strategy_site.publishing.compact import compact, compact_assets, trim_palettes
from strategy_site.reading.problems import DataError
from strategy_site.rendering import csp
from strategy_site.rendering import format as fmt
from strategy_site.rendering.render import TEMPLATES, RenderError
from strategy_site.rendering.ui import theme_words, ui
from strategy_site.structure import editions, pages, urls
from strategy_site.structure.model import LANGS

log = logging.getLogger("mkdocs.plugins.strategy_site")


def project_root(config: MkDocsConfig) -> Path:
    """The project that `config` (its mkdocs.yml) belongs to."""
    return Path(config.config_file_path).resolve().parent


class DataProblems(PluginError):
    """The data has problems; `report` is what `./scripts/build --check` prints for them."""

    def __init__(self, report: str, problems: list | None = None):
        self.report = report
        self.problems = problems or []  # the problems (reading.problems.Problem), for the preview's page
        super().__init__("The data has problems, so the site was not built:\n" + report)


class Superseded(Exception):  # noqa: N818 - not an error: a newer save is built instead
    """The preview's second step gave way to a newer save before MkDocs built anything."""


class StrategySitePlugin(BasePlugin):
    def __init__(self) -> None:
        # The data of this build: its fingerprint and what pipeline.load made of it.
        self.checked: tuple[pipeline.Fingerprint, pipeline.Checked] | None = None
        # ./scripts/serve's preview sets file_checks: each data file's own check is kept, by its bytes,
        # so that a save checks again only the file it changed (validate.FileChecks).
        self.file_checks: FileChecks | None = None
        # The preview's second step builds the data its first step checked, even if a save came since
        # (the build after it takes that save): `pinned`.
        self.pinned = False
        # ... and gives way to a newer save (`saved_since`, the preview's: a data file was saved since the
        # build began) before MkDocs builds anything: before and after rendering (class Superseded).
        self.saved_since: Callable[[], bool] | None = None
        self.serving = False  # mkdocs serve (./scripts/serve): data problems are shown on the pages
        self.problems: DataProblems | None = None  # while serving: the data's problems, if any
        self.good_nav: list | None = None  # while serving: the navigation of the last good data
        self.static: dict[str, str] = {}  # the plain HTML pages of the last render (pipeline.split)
        # ./scripts/serve's preview (preview.py) sets write_changed_only: its dirty builds write only
        # the plain HTML pages that changed since static_written (which it empties before a full
        # build). A plain `mkdocs serve` empties the site at every build, so it writes them all.
        self.write_changed_only = False
        self.static_written: dict[str, str] = {}
        # The preview's dirty builds: MkDocs reads only the changed pages' sources, and a page's title
        # comes from its source, so the others' would be None in the navigation. The preview keeps
        # each page's title from the builds before (by its source file) and sets `dirty`.
        self.dirty = False
        self.known_titles: dict[str, str] | None = None
        # The preview's two-step builds (preview.py): with `first` (the built files of the pages open in a
        # browser), a dirty build renders and builds only those pages (a changed page it leaves is listed
        # in `deferred`); the build after it, without `first`, renders and builds every changed page.
        # `built`: the files each build wrote pages to.
        self.first: set[str] | None = None
        self.deferred: list[str] = []
        self.built: set[str] = set()
        self.not_found: dict[str, str] = {}  # this build's 404 page in each language (on_post_template)
        # while serving: the search index, refreshed in the background after each build. Its
        # failures are printed, not logged: a warning logged from its thread would land in the
        # build running meanwhile, which strict mode would then abort.
        self.refresher = search_index.Refresher(lambda message: print(f"WARNING -  {message}", file=sys.stderr))

    def use(self, root: Path, checked: pipeline.Checked) -> None:
        """Take data that the caller has just checked (`strategy_site build`), so that this build
        does not read and validate it again. It is used only while nothing has changed since."""
        self.checked = (pipeline.fingerprint(root), checked)

    def data(self, root: Path) -> pipeline.Checked:
        """The validated data, read again only when it changed (on_config and on_pre_build share it)."""
        if self.pinned and self.checked is not None:
            return self.checked[1]
        stamp = pipeline.fingerprint(root)
        if self.checked is None or self.checked[0] != stamp:
            try:
                self.checked = (stamp, pipeline.load(root, cache=self.file_checks))
            except DataError as exc:
                raise DataProblems(str(exc), exc.problems) from None
        return self.checked[1]

    def nav_of(self, checked: pipeline.Checked) -> list:
        """The navigation of this data (the preview builds everything again when it changes)."""
        return editions.nav(checked.all_editions())

    def on_startup(self, *, command: str, dirty: bool) -> None:
        self.serving = command == "serve"

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        try:
            config.site_url = siteurl.checked(config.site_url)
        except siteurl.SiteUrlError as exc:
            raise PluginError(f"SITE_URL {exc}") from None
        config.extra["words"] = theme_words()  # the site's own words that theme/main.html prints
        config.not_in_nav = not_in_nav()
        try:
            checked = self.data(project_root(config))
            config.nav = self.nav_of(checked)
            config.extra.update(settings_of(checked))
        except DataProblems as exc:
            if not self.serving:
                raise
            # The preview keeps the last good pages and navigation; on_post_build shows the problems.
            self.problems = exc
            config.nav = self.good_nav or _fallback_nav(Path(config.docs_dir))
            return config
        self.problems, self.good_nav = None, config.nav
        return config

    def on_pre_build(self, *, config: MkDocsConfig) -> None:
        if _other_language_pass(config):  # docs/ja and docs/en were rendered, both, by this build's first pass
            return
        docs = Path(config.docs_dir)
        if self.problems is not None:  # serving data with problems: keep the pages there are
            for lang in LANGS:  # none yet: a home page for the problems to be shown on
                home = docs / lang / pages.SOURCE["home"]
                if not home.exists():
                    home.parent.mkdir(parents=True, exist_ok=True)
                    home.write_text("# " + ui("preview_title", lang) + "\n", "utf-8")
            return
        root = project_root(config)
        self._give_way()
        checked = self.data(root)
        only = None if self.first is None else _sources_of(checked.all_editions(), self.first, Path(config.site_dir))
        try:
            rendered = pipeline.render_docs(root, config.site_url or "", docs, checked=checked, only=only)
        except RenderError as exc:
            raise PluginError(f"A page could not be rendered: {exc}") from None
        if only is None:  # the preview's first step leaves the plain HTML pages as they were
            self.static = rendered.static
        self._give_way()

    def _give_way(self) -> None:
        if self.saved_since is not None and self.saved_since():
            raise Superseded  # docs/ holds newer sources than the built pages: the next build builds them

    @event_priority(-110)  # after mkdocs-static-i18n's (-100), which makes each language's files
    def on_files(self, files, *, config: MkDocsConfig):
        """In the preview's first step: a changed page that is not open in a browser is left for the next
        build (MkDocs builds a page dirty when its source is newer than its HTML, which stays so)."""
        if self.dirty and self.first is not None:
            for file in files.documentation_pages():
                dest = os.path.normpath(file.abs_dest_path)
                if dest not in self.first and file.is_modified():
                    file.is_modified = _unmodified
                    self.deferred.append(dest)
        return files

    def on_nav(self, nav, *, config: MkDocsConfig, files):
        """A page's previous and next (the footer's links) are of its own edition. In the preview's dirty
        builds: each page MkDocs will not read again keeps its title."""
        for before, after in zip(nav.pages, nav.pages[1:], strict=False):
            if editions.edition_of_url(before.url) != editions.edition_of_url(after.url):
                before.next_page, after.previous_page = None, None
        if self.dirty and self.known_titles is not None:
            for file in files.documentation_pages():
                title = self.known_titles.get(file.abs_src_path or "")
                if file.page is not None and title is not None and not file.is_modified():
                    file.page.title = title
        return nav

    def on_post_page(self, output: str, *, page, config: MkDocsConfig) -> str:
        """Every page compacted (compact.py), and carrying its Content-Security-Policy (csp.py), which
        allows the labels of its wide tables' cards (cards.py). In the preview, its title is kept."""
        self.built.add(os.path.normpath(page.file.abs_dest_path))
        if self.known_titles is not None and page.title is not None:
            self.known_titles[page.file.abs_src_path or ""] = page.title
        return compact(csp.with_policy(cards.label_cells(output)))

    def on_post_template(self, output_content: str, *, template_name: str, config: MkDocsConfig) -> str:
        """The 404 page too, kept for each language: each language's build writes it at the site's root,
        the last one over the first, and on_post_build puts each where its language's addresses are."""
        if not template_name.endswith(".html"):
            return output_content
        page = compact(csp.with_policy(output_content))
        if template_name == "404.html":
            self.not_found[str(config.theme["language"])] = page
        return page

    @event_priority(-110)  # after mkdocs-static-i18n's (-100), which builds the other languages in it
    def on_post_build(self, *, config: MkDocsConfig) -> None:
        """Once every language is built: write the plain HTML pages into the site (pipeline.split).
        While serving, then show the data's problems on every page, or else refresh the search index
        in the background, so that the page reloads at once (`strategy_site build` indexes the site
        itself, before it replaces site/)."""
        if _other_language_pass(config):
            return
        compact_assets(Path(config.docs_dir) / "assets", Path(config.site_dir) / "assets")
        trim_palettes(Path(config.site_dir) / "assets", config.theme["palette"])  # the colours the site uses
        self._write_not_found(Path(config.site_dir))
        if self.write_changed_only:
            self._write_changed_static(Path(config.site_dir))
        else:
            pipeline.write_static(self.static, Path(config.site_dir))
        if self.problems is not None:
            shown = preview_errors.show(Path(config.site_dir), self.problems.problems)
            # print, not logging: in strict mode a logged warning would stop the build and the server.
            print(
                f"{self.problems.report}\nThe preview shows these problems on its {shown} pages until the data "
                "is fixed.",
                file=sys.stderr,
            )
        elif self.serving and self.first is None:  # after the preview's second step, if there is one
            self.refresher.request(Path(config.site_dir))

    def _write_not_found(self, site: Path) -> None:
        """Each language's 404 page where a missing address in that language finds it: the Japanese at
        the site's root (404.html), the English in en/ (a server answers /en/... with en/404.html)."""
        for lang, page in self.not_found.items():
            if lang in LANGS:
                path = site / urls.LANG_PREFIX[lang] / "404.html"
                path.parent.mkdir(parents=True, exist_ok=True)
                if not path.exists() or path.read_text("utf-8") != page:
                    path.write_text(page, "utf-8")
        self.not_found = {}

    def _write_changed_static(self, site: Path) -> None:
        """While serving: write the plain HTML pages that changed since the last build, and delete
        those no longer made (a full build starts from an empty site and an empty record)."""
        before, self.static_written = self.static_written, dict(self.static)
        pipeline.write_static({k: v for k, v in self.static.items() if before.get(k) != v}, site)
        for rel in before.keys() - self.static.keys():
            lang, _, rest = rel.partition("/")
            (site / (urls.LANG_PREFIX[lang] + rest)).unlink(missing_ok=True)

    def on_serve(self, server: LiveReloadServer, *, config: MkDocsConfig, builder) -> LiveReloadServer:
        server.watch(str(project_root(config) / "data"))
        server.watch(str(TEMPLATES))
        return server


def not_in_nav() -> pathspec.GitIgnoreSpec:
    """The pages MkDocs is not to expect in the navigation: the parallel views (pages.parallel_page),
    in both languages' folders, and each topic's page. The navigation names each page once; each page
    links to its own parallel view, and the view back to it; the topics' index leads to each topic (a
    link to each in every page's navigation would weigh on every page)."""
    topic_pages = pages.PAGE_TYPE["topic"].source_of("*")  # topics/*.md
    # In both languages' folders, and in each edition's folder in them (structure/editions.py).
    return pathspec.GitIgnoreSpec.from_lines(
        [
            line
            for within in ("/*/", "/*/[0-9][0-9][0-9][0-9]/")
            for line in (
                f"{within}{pages.PARALLEL_DIR}/",
                f"{within}{topic_pages}",
                f"!{within}{pages.SOURCE['topics']}",
            )
        ]
    )


def settings_of(checked: pipeline.Checked) -> dict:
    """The theme's settings from the data (config.extra's values; the benchmark's MkDocs-alone builds set
    the same)."""
    every = checked.all_editions()
    return {
        # The theme's navigation shows a page its own edition's section (theme/partials/nav.html).
        "editions": {"current": every.current_id} if every.several else None,
        "publications": {e.id: _publication(e.strategy) for e in every.all} if every.several else None,
        "data_date": checked.strategy.data_date,  # the printed pages' date (theme/main.html)
        "publication": _publication(checked.strategy),  # the footer (theme/partials/copyright.html)
    }


def _publication(strategy) -> dict | None:
    """The overview by its publisher and title, the strategy's date (in each language) and the
    official page, for the footer."""
    pub = strategy.publication
    source = {lang: ui("source_of", lang, title=strategy.source_title[lang]) for lang in LANGS}
    if pub is None:
        return {"source": source}
    return {
        "source": source,
        "decided": {lang: fmt.date(pub.decided, lang) for lang in LANGS},
        "official": pub.official.url,
    }


def _sources_of(every: editions.Editions, built: set[str], site: Path) -> set[str]:
    """The pages (by path under docs/, 'en/2026/pillars/x.md') whose built files are among `built`."""
    return {
        f"{lang}/{edition.prefix}{page.source}"
        for edition in every.all
        for page in pages.generated_pages(edition.strategy)  # a parallel view may be open too
        for lang in LANGS
        if os.path.normpath(site / (urls.site_path(lang, edition.url(page.url)).lstrip("/") + "index.html")) in built
    }


def _unmodified() -> bool:
    return False


def _other_language_pass(config: MkDocsConfig) -> bool:
    """True while mkdocs-static-i18n builds the other language: it runs MkDocs' whole build again
    inside the first one's on_post_build, so every event after on_config fires once per language."""
    return bool(getattr(config.plugins.get("i18n"), "building", False))


def _fallback_nav(docs: Path) -> list:
    """The preview started with broken data: the pages a previous run left, or the home page alone."""
    found = sorted(
        rel
        for rel in (p.relative_to(docs / "ja").as_posix() for p in (docs / "ja").rglob("*.md"))
        if not rel.startswith(pages.PARALLEL_DIR + "/")  # the parallel views are not in the navigation
    )
    return found or [pages.SOURCE["home"]]
