"""A site of two editions for the tests of issue 27: the project's 2025 data and the fictional 2026 edition
kept under tests/fixtures/edition-2026/ (test data, never published), added as a data keeper adds an edition:
a folder data/2026/ and the setting in data/editions.yaml. No code is changed."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from strategy_site.publishing import pipeline

from conftest import copy_project, run_cli

ROOT = Path(__file__).resolve().parents[1]
FIXTURE = ROOT / "tests" / "fixtures" / "edition-2026"
FIRST, SECOND = "2025", "2026"


def add_edition(root: Path, current: str = SECOND) -> Path:
    """A project with the fictional edition added as data/2026/, and `current` the current edition."""
    shutil.copytree(FIXTURE, root / "data" / SECOND)
    setting = root / "data" / "editions.yaml"
    text = setting.read_text("utf-8")
    setting.write_text(text.replace(f'current: "{FIRST}"', f'current: "{current}"'), "utf-8")
    assert f'current: "{current}"' in setting.read_text("utf-8")
    return root


@pytest.fixture(scope="session")
def editions_project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A copy of the project with the fictional 2026 edition added and current, built into site/."""
    root = add_edition(copy_project(tmp_path_factory.mktemp("editions")))
    result = run_cli(root, "build")
    assert result.returncode == 0, result.stdout + result.stderr
    return root


@pytest.fixture(scope="session")
def editions_site(editions_project: Path) -> Path:
    return editions_project / "site"


@pytest.fixture(scope="session")
def editions_checked(editions_project: Path) -> pipeline.Checked:
    return pipeline.load(editions_project)


@pytest.fixture(scope="session")
def editions_server(editions_site: Path):
    """The site of two editions on http://127.0.0.1:<port>/."""
    from conftest import serve_directory

    with serve_directory(editions_site) as url:
        yield url
