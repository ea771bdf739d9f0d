"""The code is lint-clean, formatted and type-checked, as configured in pyproject.toml, with zero
findings: ruff (lint and format) on everything, mypy on the package and the benchmark."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from conftest import ROOT

BIN = Path(sys.executable).parent


def run(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess:
    return subprocess.run(args, cwd=cwd, capture_output=True, text=True, timeout=300)


def test_ruff_finds_nothing() -> None:
    result = run(str(BIN / "ruff"), "check", "--no-cache", ".")
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_code_is_formatted() -> None:
    result = run(str(BIN / "ruff"), "format", "--check", "--no-cache", ".")
    assert result.returncode == 0, result.stdout + result.stderr


def test_mypy_finds_nothing() -> None:
    result = run(str(BIN / "mypy"), "--no-incremental")
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_checks_catch_what_they_are_for(tmp_path: Path) -> None:
    """The same tools, with the project's settings, on a file with an unused import, bad formatting
    and a type error: each says so."""
    (tmp_path / "pyproject.toml").write_text((ROOT / "pyproject.toml").read_text("utf-8"), "utf-8")
    bad = tmp_path / "bad.py"
    bad.write_text("import os\ndef f( x:int )->str:\n    return x\n", "utf-8")
    assert run(str(BIN / "ruff"), "check", "--no-cache", "bad.py", cwd=tmp_path).returncode == 1
    assert run(str(BIN / "ruff"), "format", "--check", "--no-cache", "bad.py", cwd=tmp_path).returncode == 1
    typed = run(str(BIN / "mypy"), "--no-incremental", "bad.py", cwd=tmp_path)
    assert typed.returncode == 1 and "Incompatible return value type" in typed.stdout, typed.stdout
