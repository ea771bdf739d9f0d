"""The whole flow in one place: load -> validate -> model -> render -> docs/ (MkDocs takes it from there)."""

from __future__ import annotations

import re
from pathlib import Path

from . import guards, model, render, urls
from .problems import DataError
from .validate import SCHEMA_DIR_NAME, validate

ROOT = Path(__file__).resolve().parents[2]


def load(root: Path = ROOT, data_dir: Path | None = None):
    """The validated model and the files it came from. Raises DataError listing every problem."""
    data_dir = data_dir or root / "data"
    files, problems = validate(data_dir, root)
    if problems:
        raise DataError(problems)
    strategy = model.build(files)
    problems = guards.check_redirect_targets(strategy, files, _page_anchors(strategy))
    if problems:
        raise DataError(problems)
    return strategy, files


def _page_anchors(strategy):
    """The ids each served page carries, from its rendered Markdown (the Japanese page: both
    languages carry the same ids). Rendered only when a redirect asks, once."""
    rendered: dict[str, str] = {}

    def anchors(page: str) -> set[str]:
        if not rendered:
            rendered.update(render.render_pages(strategy))
        spec = next(spec for spec in render.pages(strategy) if urls.page_url(spec.source) == page)
        text = rendered[f"ja/{spec.source}"]
        return set(re.findall(r"\{#([a-z0-9-]+)\}", text)) | set(re.findall(r'\bid="([a-z0-9-]+)"', text))
    return anchors


_checked: tuple | None = None  # (fingerprint, (strategy, files)) of the data last checked here


def fingerprint(root: Path) -> tuple:
    """What the rendered pages depend on: the data, the templates and this package's code."""
    watched = [*sorted((root / "data").rglob("*")), *sorted(render.TEMPLATES.rglob("*")),
               *sorted(Path(__file__).parent.glob("*.py"))]
    return tuple((str(p), p.stat().st_mtime_ns, p.stat().st_size) for p in watched if p.is_file())


def remember_checked(root: Path, loaded: tuple) -> None:
    """Keep data that was just checked for the MkDocs build that follows in this process
    (`strategy_site build`), so that its hook does not read and validate it again."""
    global _checked
    _checked = (fingerprint(root), loaded)


def load_checked(root: Path) -> tuple | None:
    """The data kept by remember_checked, if any, and only if nothing changed since."""
    if _checked is None or _checked[0] != fingerprint(root):
        return None
    return _checked[1]


def generate(root: Path = ROOT, site_url: str = "", data_dir: Path | None = None,
             loaded: tuple | None = None) -> dict[str, str]:
    """Every generated file under docs/, in memory. `loaded`: what load() returned for this data,
    when the caller has it already (the MkDocs hook), so that the data is not read twice."""
    data_dir = data_dir or root / "data"
    strategy, files = loaded or load(root, data_dir)
    return render.render_all(strategy, files, data_dir / SCHEMA_DIR_NAME, site_url)


def render_docs(root: Path = ROOT, site_url: str = "", docs_dir: Path | None = None,
                data_dir: Path | None = None, loaded: tuple | None = None) -> list[str]:
    """Render into docs/ja and docs/en, writing only files whose content changed."""
    return render.write_tree(generate(root, site_url, data_dir, loaded), docs_dir or root / "docs")
