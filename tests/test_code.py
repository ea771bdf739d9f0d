"""The code is lint-clean, formatted and type-checked, as configured in pyproject.toml, with zero
findings: ruff (lint and format) on everything, mypy on the package and the benchmark."""

from __future__ import annotations

import re
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


def test_the_site_words_are_in_ui_not_in_templates() -> None:
    """The site's own words are in ui.py, in both languages: no template or theme file holds Japanese
    text or picks its words by language (`'…' if lang == 'ja' else '…'`)."""
    package = ROOT / "scripts" / "strategy_site"
    files = sorted(package.rglob("templates/*.j2")) + sorted(package.rglob("theme/**/*.html"))
    assert len(files) > 10
    japanese = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uff01-\uff5e]")
    by_language = re.compile(r"""if (?:lang|ja|here) ?(?:== ?['"](?:ja|en)['"])? else ['"]""")
    for path in files:
        text = path.read_text("utf-8")
        found = japanese.search(text) or by_language.search(text)
        assert not found, f"{path.relative_to(ROOT)}: {found.group()!r} (put the words in ui.py)"
