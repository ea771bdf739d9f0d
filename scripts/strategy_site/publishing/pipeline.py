"""The whole flow in one place: load -> validate -> model -> render -> docs/ (MkDocs takes it from there)."""

from __future__ import annotations

import dataclasses
import os
from pathlib import Path
from typing import NamedTuple

from strategy_site.checking import crosswalk as crosswalk_rules
from strategy_site.checking.validate import MODEL_RULES, SCHEMA_DIR_NAME, FileChecks, read_editions
from strategy_site.reading.load import Files, data_date
from strategy_site.reading.problems import DataError
from strategy_site.rendering import exports, render
from strategy_site.structure import editions, model, pages, urls
from strategy_site.structure.editions import Editions
from strategy_site.structure.model import LANGS

PACKAGE = Path(__file__).resolve().parents[1]  # strategy_site/
ROOT = PACKAGE.parents[1]

Fingerprint = tuple[tuple[str, int, int], ...]


class Checked(NamedTuple):
    """Validated data: the current edition's model and the files it was built from (the exports publish
    them), and every edition (structure/editions.py)."""

    strategy: model.Strategy
    files: Files
    editions: Editions | None = None

    def all_editions(self) -> Editions:
        return self.editions or editions.single(self.strategy, self.files)


def load(root: Path = ROOT, data_dir: Path | None = None, cache: FileChecks | None = None) -> Checked:
    """The validated model of every edition, the current one's files. Raises DataError listing every
    problem. `cache`: the preview's memory of each file's own check (validate.FileChecks)."""
    data_dir = data_dir or root / "data"
    found = read_editions(data_dir, root, cache)
    if found.problems:
        raise DataError(found.problems)
    date = data_date(data_dir)
    built, before = [], ""
    for year, view in found.views.items():
        strategy = dataclasses.replace(model.build(view), data_date=date, edition=year, previous_edition=before)
        built.append((year, strategy, view))
        before = year
    every = editions.arrange(built, found.current or before)
    problems = []
    for edition in every.all:
        previous = every.previous(edition)
        problems += crosswalk_rules.crosswalk_problems(
            previous.id if previous else None,
            previous.strategy if previous else None,
            edition.id,
            edition.strategy,
            edition.files,
        )
        anchors = _page_anchors(edition.strategy)
        problems += [problem for rule in MODEL_RULES for problem in rule(edition.strategy, edition.files, anchors)]
    if problems:
        raise DataError(problems)
    current = every.current
    return Checked(current.strategy, current.files, every)


def _page_anchors(strategy: model.Strategy):
    """The ids each served page carries, from its rendered Markdown (the Japanese page: both
    languages carry the same ids). Rendered only when a redirect asks, once."""
    rendered: dict[str, str] = {}

    def anchors(page_url: str) -> set[str]:
        if not rendered:
            rendered.update(render.render_pages(strategy))
        page = next(page for page in pages.site_pages(strategy) if page.url == page_url)
        text = rendered[f"ja/{page.source}"]
        return render.anchors_in(text)

    return anchors


def fingerprint(root: Path, package: Path = PACKAGE) -> Fingerprint:
    """What the rendered pages depend on: the data, and every file of the package (its code in every
    layer's folder, the templates, the theme)."""
    watched = [
        *sorted((root / "data").rglob("*")),
        *sorted(p for p in package.rglob("*") if "__pycache__" not in p.parts),
    ]
    return tuple((str(p), p.stat().st_mtime_ns, p.stat().st_size) for p in watched if p.is_file())


def generate(
    root: Path = ROOT,
    site_url: str = "",
    data_dir: Path | None = None,
    checked: Checked | None = None,
    only: set[str] | None = None,
) -> dict[str, str]:
    """Every generated file under docs/, in memory: each edition's pages and exports, under its folder
    (structure/editions.py), and what the site has once (the search's filter names; with several
    editions, the addresses of the first edition's time and the front door). `checked`: what load()
    returned for this data, when the caller has it already (the MkDocs plugin), so that the data is not
    read twice. `only`: just these pages, by their path under docs/ ('en/pillars/x.md'; no export, no
    permalink page)."""
    data_dir = data_dir or root / "data"
    checked = checked or load(root, data_dir)
    every = checked.all_editions()
    schema_dir = data_dir / SCHEMA_DIR_NAME
    out: dict[str, str] = {}
    exported = []  # each edition's export files, by name
    for edition in every.all:
        mine = None if only is None else _within(only, edition.prefix)
        if mine is not None and not mine:
            continue
        part = _generate_edition(every, edition, site_url, schema_dir, mine)
        out |= {_under(rel, edition.prefix): content for rel, content in part.items()}
        folder = f"{LANGS[0]}/{urls.EXPORT_DIR}/"
        exported.append({rel[len(folder) :]: text for rel, text in part.items() if rel.startswith(folder)})
        if mine is None and every.several and edition is every.first:
            out |= render.first_edition_addresses(every, part)
    if only is None:
        out |= render.site_files(every)
        if every.several:  # every edition's rows in one file of each kind
            for name, text in exports.all_editions(exported).items():
                out |= {f"{lang}/{urls.EXPORT_DIR}/{name}": text for lang in LANGS}
    return out


def _generate_edition(
    every: editions.Editions, edition: editions.Edition, site_url: str, schema_dir: Path, only: set[str] | None
) -> dict[str, str]:
    """One edition's pages and exports, by their path under docs/ within the edition ('en/pillars/x.md')."""
    strategy, files = edition.strategy, edition.files
    sized = only is None or any(rel.partition("/")[2] == pages.SOURCE["data"] for rel in only)
    crosswalk = every.crosswalk(edition).rows() if every.previous(edition) else None
    published = exports.all_exports(strategy, files, schema_dir, crosswalk) if sized else {}  # the data page: sizes
    out = render.render_pages(strategy, site_url, schema_dir, published, only, (every, edition))
    if only is not None:
        return out
    for lang in LANGS:
        out |= {f"{lang}/{urls.EXPORT_DIR}/{name}": content for name, content in published.items()}
    return out


def _under(rel: str, prefix: str) -> str:
    """A path under docs/ within an edition ('en/pillars/x.md') put under the edition's folder."""
    lang, _, rest = rel.partition("/")
    return f"{lang}/{prefix}{rest}"


def _within(only: set[str], prefix: str) -> set[str]:
    """Of paths under docs/ ('en/2026/pillars/x.md'), those of the edition under `prefix`, within it."""
    out = set()
    for rel in only:
        lang, _, rest = rel.partition("/")
        if rest.startswith(prefix):  # an edition's prefix is '' only when it is the only one
            out.add(f"{lang}/{rest[len(prefix) :]}")
    return out


def split(files: dict[str, str]) -> tuple[dict[str, str], dict[str, str]]:
    """The generated files as (for docs/, to write there; for the site, to write into it as they are).
    The site's share is the plain HTML pages (the /m/<id>/ permalink pages and the redirects of
    retired pages): MkDocs would only copy them from docs/ into the site, and at x100 copying their
    8,828 files cost it 3.3 s of CPU, on top of writing them into docs/ first."""
    static = {rel: text for rel, text in files.items() if rel.endswith(".html")}
    return {rel: text for rel, text in files.items() if rel not in static}, static


class Rendered(NamedTuple):
    changed: list[str]  # the paths under docs/ written or removed
    static: dict[str, str]  # the plain HTML pages, for write_static() to put into the built site


def render_docs(
    root: Path = ROOT,
    site_url: str = "",
    docs_dir: Path | None = None,
    data_dir: Path | None = None,
    checked: Checked | None = None,
    only: set[str] | None = None,
) -> Rendered:
    """Render the Markdown pages and the exports into docs/ja and docs/en, writing only files whose
    content changed; the plain HTML pages are returned, for the site (see split()). `only`: just these
    pages (generate()), the other files under docs/ left as they are."""
    for_docs, static = split(generate(root, site_url, data_dir, checked, only))
    return Rendered(write_tree(for_docs, docs_dir or root / "docs", prune=only is None), static)


def write_static(files: dict[str, str], site_dir: Path) -> None:
    """Write the plain HTML pages (split()'s second part, by path under docs/, 'en/m/x/index.html')
    into the built site, where MkDocs would have copied them: docs/ja/ is the site's root, docs/en/
    its en/."""
    made: set[str] = set()
    for rel, content in files.items():
        lang, _, rest = rel.partition("/")
        _write_new(os.path.join(site_dir, urls.LANG_PREFIX[lang] + rest), content.encode("utf-8"), made)


def _write_new(path: str, data: bytes, made: set[str]) -> None:
    """Write a file, making its folder first unless it is in `made` (the folders made so far)."""
    folder = os.path.dirname(path)
    if folder not in made:
        os.makedirs(folder, exist_ok=True)
        made.add(folder)
    with open(path, "wb") as out:
        out.write(data)


def write_tree(files: dict[str, str], docs_dir: Path, langs=LANGS, prune: bool = True) -> list[str]:
    """Write generated files under docs/<lang>/, only those whose content changed, and (`prune`) remove
    generated files that are no longer produced. Returns the paths written or removed.

    A changed file is replaced whole (written beside it, then renamed), so `mkdocs serve` never
    reads half of it; a new one is written in place (a build stopped halfway leaves a file that
    differs, which the next build writes again). At x100 this writes about 9,000 files, so it walks
    docs/ once and makes each folder once, with plain os calls."""
    docs = os.fspath(docs_dir)
    present: set[str] = set()  # every file now under docs/<lang>/, as a path relative to docs/
    folders: list[str] = []
    for lang in langs:
        for folder, _, names in os.walk(os.path.join(docs, lang)):
            folders.append(folder)
            rel_folder = os.path.relpath(folder, docs).replace(os.sep, "/")
            present.update(f"{rel_folder}/{name}" for name in names)
    made: set[str] = set(folders)
    changed = []
    for rel, content in sorted(files.items()):
        path = os.path.join(docs, rel)
        data = content.encode("utf-8")
        if rel in present:
            with open(path, "rb") as old:
                if old.read() == data:
                    continue
            tmp = path + ".tmp"
            with open(tmp, "wb") as out:
                out.write(data)
            os.replace(tmp, path)
        else:
            _write_new(path, data, made)
        changed.append(rel)
    if not prune:
        return changed
    for rel in sorted(present - files.keys()):
        os.unlink(os.path.join(docs, rel))
        changed.append(rel)
    roots = {os.path.join(docs, lang) for lang in langs}
    for folder in sorted(folders, reverse=True):  # the deepest first, so that emptied parents go too
        if folder not in roots and not os.listdir(folder):
            os.rmdir(folder)
    return changed
