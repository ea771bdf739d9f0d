"""The whole flow in one place: load -> validate -> model -> render -> docs/ (MkDocs takes it from there)."""

from __future__ import annotations

import re
from pathlib import Path
from typing import NamedTuple

from . import exports, model, pages, render, urls
from .load import Files
from .model import LANGS
from .problems import DataError
from .validate import MODEL_RULES, SCHEMA_DIR_NAME, validate

ROOT = Path(__file__).resolve().parents[2]

Fingerprint = tuple[tuple[str, int, int], ...]


class Checked(NamedTuple):
    """Validated data: the model, and the files it was built from (the exports publish them)."""

    strategy: model.Strategy
    files: Files


def load(root: Path = ROOT, data_dir: Path | None = None) -> Checked:
    """The validated model and the files it came from. Raises DataError listing every problem."""
    data_dir = data_dir or root / "data"
    files, problems = validate(data_dir, root)
    if problems:
        raise DataError(problems)
    strategy = model.build(files)
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


def fingerprint(root: Path) -> Fingerprint:
    """What the rendered pages depend on: the data, the templates and this package's code."""
    watched = [
        *sorted((root / "data").rglob("*")),
        *sorted(render.TEMPLATES.rglob("*")),
        *sorted(Path(__file__).parent.glob("*.py")),
    ]
    return tuple((str(p), p.stat().st_mtime_ns, p.stat().st_size) for p in watched if p.is_file())


def generate(
    root: Path = ROOT, site_url: str = "", data_dir: Path | None = None, checked: Checked | None = None
) -> dict[str, str]:
    """Every generated file under docs/, in memory. `checked`: what load() returned for this data,
    when the caller has it already (the MkDocs plugin), so that the data is not read twice."""
    data_dir = data_dir or root / "data"
    strategy, files = checked or load(root, data_dir)
    schema_dir = data_dir / SCHEMA_DIR_NAME
    out = render.render_pages(strategy, site_url, schema_dir)
    published = exports.all_exports(strategy, files, schema_dir)
    for lang in LANGS:
        out |= {f"{lang}/{urls.EXPORT_DIR}/{name}": content for name, content in published.items()}
    return out


def render_docs(
    root: Path = ROOT,
    site_url: str = "",
    docs_dir: Path | None = None,
    data_dir: Path | None = None,
    checked: Checked | None = None,
) -> list[str]:
    """Render into docs/ja and docs/en, writing only files whose content changed."""
    return write_tree(generate(root, site_url, data_dir, checked), docs_dir or root / "docs")


def write_tree(files: dict[str, str], docs_dir: Path, langs=LANGS) -> list[str]:
    """Write generated files under docs/<lang>/, only those whose content changed, and remove
    generated files that are no longer produced. Returns the paths written or removed."""
    changed = []
    for rel, content in sorted(files.items()):
        path = docs_dir / rel
        data = content.encode("utf-8")
        if path.exists() and path.read_bytes() == data:
            continue
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_name(path.name + ".tmp")
        tmp.write_bytes(data)
        tmp.replace(path)
        changed.append(rel)
    for lang in langs:
        lang_root = docs_dir / lang
        if not lang_root.exists():
            continue
        for path in sorted(lang_root.rglob("*"), reverse=True):
            rel = path.relative_to(docs_dir).as_posix()
            if path.is_file() and rel not in files:
                path.unlink()
                changed.append(rel)
            elif path.is_dir() and not any(path.iterdir()):
                path.rmdir()
    return changed
