"""The whole flow in one place: load -> validate -> model -> render -> docs/ (MkDocs takes it from there)."""

from __future__ import annotations

import dataclasses
import os
import re
from pathlib import Path
from typing import NamedTuple

from strategy_site.checking.validate import MODEL_RULES, SCHEMA_DIR_NAME, FileChecks, validate
from strategy_site.reading.load import Files, data_date
from strategy_site.reading.problems import DataError
from strategy_site.rendering import exports, render
from strategy_site.structure import model, pages, urls
from strategy_site.structure.model import LANGS

PACKAGE = Path(__file__).resolve().parents[1]  # strategy_site/
ROOT = PACKAGE.parents[1]

Fingerprint = tuple[tuple[str, int, int], ...]


class Checked(NamedTuple):
    """Validated data: the model, and the files it was built from (the exports publish them)."""

    strategy: model.Strategy
    files: Files


def load(root: Path = ROOT, data_dir: Path | None = None, cache: FileChecks | None = None) -> Checked:
    """The validated model and the files it came from. Raises DataError listing every problem.
    `cache`: the preview's memory of each file's own check (validate.FileChecks)."""
    data_dir = data_dir or root / "data"
    files, problems = validate(data_dir, root, cache)
    if problems:
        raise DataError(problems)
    strategy = dataclasses.replace(model.build(files), data_date=data_date(data_dir))
    anchors = _page_anchors(strategy)
    problems = [problem for rule in MODEL_RULES for problem in rule(strategy, files, anchors)]
    if problems:
        raise DataError(problems)
    return Checked(strategy, files)


def _page_anchors(strategy: model.Strategy):
    """The ids each served page carries, from its rendered Markdown (the Japanese page: both
    languages carry the same ids). Rendered only when a redirect asks, once."""
    rendered: dict[str, str] = {}

    def anchors(page_url: str) -> set[str]:
        if not rendered:
            rendered.update(render.render_pages(strategy))
        page = next(page for page in pages.site_pages(strategy) if page.url == page_url)
        text = rendered[f"ja/{page.source}"]
        return set(re.findall(r"\{#([a-z0-9-]+)\}", text)) | set(re.findall(r'\bid="([a-z0-9-]+)"', text))

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
    """Every generated file under docs/, in memory. `checked`: what load() returned for this data,
    when the caller has it already (the MkDocs plugin), so that the data is not read twice. `only`:
    just these pages, by their path under docs/ ('en/pillars/x.md'; no export, no permalink page)."""
    data_dir = data_dir or root / "data"
    strategy, files = checked or load(root, data_dir)
    schema_dir = data_dir / SCHEMA_DIR_NAME
    sized = only is None or any(rel.partition("/")[2] == pages.SOURCE["data"] for rel in only)
    published = exports.all_exports(strategy, files, schema_dir) if sized else {}  # the data page gives sizes
    out = render.render_pages(strategy, site_url, schema_dir, published, only)
    if only is not None:
        return out
    for lang in LANGS:
        out |= {f"{lang}/{urls.EXPORT_DIR}/{name}": content for name, content in published.items()}
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
