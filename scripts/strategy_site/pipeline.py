"""The whole flow in one place: load -> validate -> model -> render -> docs/ (MkDocs takes it from there)."""

from __future__ import annotations

from pathlib import Path

from . import model, render
from .problems import DataError
from .validate import SCHEMA_DIR_NAME, validate

ROOT = Path(__file__).resolve().parents[2]


def load(root: Path = ROOT, data_dir: Path | None = None):
    """The validated model and the files it came from. Raises DataError listing every problem."""
    data_dir = data_dir or root / "data"
    files, problems = validate(data_dir, root)
    if problems:
        raise DataError(problems)
    return model.build(files), files


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
