"""The whole flow in one place: load -> validate -> model -> render -> docs/ (MkDocs takes it from there)."""

from __future__ import annotations

from pathlib import Path
from typing import NamedTuple

from . import model, render, urls
from .load import Files
from .problems import DataError
from .validate import SCHEMA_DIR_NAME, validate

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
    return Checked(model.build(files), files)


def fingerprint(root: Path) -> Fingerprint:
    """What the rendered pages depend on: the data, the templates and this package's code."""
    watched = [*sorted((root / "data").rglob("*")), *sorted(render.TEMPLATES.rglob("*")),
               *sorted(Path(__file__).parent.glob("*.py"))]
    return tuple((str(p), p.stat().st_mtime_ns, p.stat().st_size) for p in watched if p.is_file())


def nav(strategy: model.Strategy) -> list:
    """The navigation, from the data: the pillars in their order. Titles come from each page's
    heading, so they are in the page's language."""
    return [
        urls.HOME,
        {"Pillars": [urls.pillar(p.id) for p in strategy.pillars]},
        urls.MEASURES, urls.PROGRESS, urls.BUDGET, urls.HISTORY, urls.GLOSSARY, urls.SUMMARY,
        urls.ABOUT, urls.DATA,
    ]


def generate(root: Path = ROOT, site_url: str = "", data_dir: Path | None = None,
             checked: Checked | None = None) -> dict[str, str]:
    """Every generated file under docs/, in memory. `checked`: what load() returned for this data,
    when the caller has it already (the MkDocs plugin), so that the data is not read twice."""
    data_dir = data_dir or root / "data"
    strategy, files = checked or load(root, data_dir)
    return render.render_all(strategy, files, data_dir / SCHEMA_DIR_NAME, site_url)


def render_docs(root: Path = ROOT, site_url: str = "", docs_dir: Path | None = None,
                data_dir: Path | None = None, checked: Checked | None = None) -> list[str]:
    """Render into docs/ja and docs/en, writing only files whose content changed."""
    return render.write_tree(generate(root, site_url, data_dir, checked), docs_dir or root / "docs")
