"""Builds are safe: a failed build leaves the last good site/ exactly as it was, two builds of the
same data are byte-identical, and a machine that cannot build gets one line that says what to do.

The build tests share one scratch project (module scope), built once; each test breaks one thing,
builds, and puts it back. Full builds: the first, the one stopped by a MkDocs warning, the rebuild.
"""

from __future__ import annotations

import gzip
import hashlib
import os
import re
import shutil
import struct
import subprocess
from datetime import UTC, datetime
from pathlib import Path

import pytest

from strategy_site.rendering import format as fmt
from strategy_site.structure.model import LANGS

from conftest import EDITION, copy_project, edition_data, held_port, run_cli

# The data's date: with no git history, the build's date is the newest data file's (cli.py).
DATA_TIME = int(datetime(2025, 6, 13, 12, 0, tzinfo=UTC).timestamp())


def tree_hash(site: Path) -> str:
    """Every path and every byte under site/."""
    digest = hashlib.sha256()
    for path in sorted(site.rglob("*")):
        digest.update(path.relative_to(site).as_posix().encode() + b"\0")
        if path.is_file():
            digest.update(hashlib.sha256(path.read_bytes()).digest())
    return digest.hexdigest()


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> dict:
    """A scratch project whose data files carry a fixed date, built once."""
    root = copy_project(tmp_path_factory.mktemp("safety"))
    for path in (root / "data").rglob("*"):
        os.utime(path, (DATA_TIME, DATA_TIME))
    result = run_cli(root, "build")
    assert result.returncode == 0, result.stderr[-3000:]
    site = root / "site"
    before = {p.relative_to(site).as_posix(): p.read_bytes() for p in site.rglob("*") if p.is_file()}
    return {"root": root, "site": site, "hash": tree_hash(site), "inode": site.stat().st_ino, "before": before}


def _failed_build_kept_the_site(built: dict, result: subprocess.CompletedProcess) -> None:
    assert result.returncode == 1, result.stderr[-3000:]
    assert re.search(r"site/ was left as it was\.\n$", result.stderr), result.stderr[-500:]
    assert built["site"].stat().st_ino == built["inode"]
    assert tree_hash(built["site"]) == built["hash"]
    assert sorted(p.name for p in built["root"].glob(".site-*")) == []


def _broken(path: Path, change):
    """Break a file for the time of a `with` block; it is put back byte for byte, with its time."""

    class Broken:
        def __enter__(self):
            self.original, self.times = path.read_bytes(), path.stat()
            path.write_bytes(change(self.original))

        def __exit__(self, *exc):
            path.write_bytes(self.original)
            os.utime(path, ns=(self.times.st_atime_ns, self.times.st_mtime_ns))

    return Broken()


def test_invalid_data_keeps_the_last_site(built: dict) -> None:
    figures = edition_data(built["root"]) / "figures.yaml"
    with _broken(figures, lambda b: b.replace(b"amount: 5000", b"amount: -5000", 1)):
        result = run_cli(built["root"], "build")
    _failed_build_kept_the_site(built, result)
    assert f"data/{EDITION}/figures.yaml:" in result.stderr and "-5000 is too small" in result.stderr
    assert "The site was not built" in result.stderr


def test_a_template_error_keeps_the_last_site(built: dict) -> None:
    template = built["root"] / "scripts" / "strategy_site" / "rendering" / "templates" / "measures.md.j2"
    with _broken(template, lambda b: b + b"{{ no_such_value }}\n"):
        result = run_cli(built["root"], "build")
    _failed_build_kept_the_site(built, result)
    assert (
        "A page could not be rendered: scripts/strategy_site/rendering/templates/measures.md.j2: 'no_such_value' is "
        "undefined" in result.stderr
    )


def test_a_mkdocs_warning_keeps_the_last_site(built: dict) -> None:
    """MkDocs runs with --strict: a warning (here a link to a page that does not exist) stops the build."""
    template = built["root"] / "scripts" / "strategy_site" / "rendering" / "templates" / "measures.md.j2"
    with _broken(template, lambda b: b + b"\n[a broken link](no-such-page.md)\n"):
        result = run_cli(built["root"], "build")
    _failed_build_kept_the_site(built, result)
    assert "WARNING" in result.stderr and "no-such-page.md" in result.stderr
    assert "in strict mode" in result.stdout + result.stderr


def test_two_builds_are_byte_identical(built: dict) -> None:
    """The rebuild (after the failures above, if they ran) replaces site/ with the same bytes."""
    result = run_cli(built["root"], "build")
    assert result.returncode == 0, result.stderr[-3000:]
    site = built["site"]
    assert tree_hash(site) == built["hash"]
    assert sorted(p.name for p in built["root"].glob(".site-*")) == []
    # The dates come from the data, not from the clock: the sitemap's, and the gzip header's.
    day = datetime.fromtimestamp(DATA_TIME, UTC).strftime("%Y-%m-%d")
    sitemap = (site / "sitemap.xml").read_text("utf-8")
    assert set(re.findall(r"<lastmod>([^<]*)</lastmod>", sitemap)) == {day}
    packed = (site / "sitemap.xml.gz").read_bytes()
    midnight = int(datetime.fromisoformat(day).replace(tzinfo=UTC).timestamp())
    assert struct.unpack("<I", packed[4:8])[0] == midnight  # MkDocs takes the pages' date
    assert gzip.decompress(packed).decode("utf-8") == sitemap
    assert b'"page_count"' in (site / "pagefind" / "pagefind-entry.json").read_bytes()


def test_without_git_the_date_is_the_newest_data_files(built: dict) -> None:
    """The one exception: in a copy of the project without git history, the site's date (sitemap,
    printed page header) is the newest data file's modification time, so saving a file unchanged
    moves the date. Nothing else changes. (With git it is the last commit's time.)"""
    later = DATA_TIME + 3 * 86400
    figures = edition_data(built["root"]) / "figures.yaml"
    os.utime(figures, (later, later))
    try:
        result = run_cli(built["root"], "build")
    finally:
        os.utime(figures, (DATA_TIME, DATA_TIME))
    assert result.returncode == 0, result.stderr[-3000:]
    site, before = built["site"], built["before"]
    day, new_day = (datetime.fromtimestamp(t, UTC).strftime("%Y-%m-%d") for t in (DATA_TIME, later))
    changed = []
    for path in sorted(p for p in site.rglob("*") if p.is_file() and p.suffix != ".gz"):
        old, new = before[path.relative_to(site).as_posix()], path.read_bytes()
        # The policy holds the hash of the print style that carries the date, so it changes with it.
        old, new = (re.sub(rb'<meta http-equiv="Content-Security-Policy" content="[^"]*">', b"", b) for b in (old, new))
        if old != new:
            changed.append(path)
            # the data page also states it, written out in its language (2025年7月8日, 8 July 2025)
            for a, b in ((day, new_day), *((fmt.date(day, lang), fmt.date(new_day, lang)) for lang in LANGS)):
                old = old.replace(a.encode(), b.encode())
            assert old == new, path
    assert site / "sitemap.xml" in changed


# -- The environment: scripts/build on a machine that cannot build says what to do, in one line.


def _scratch_without_venv(dest: Path) -> Path:
    dest.mkdir()
    root = copy_project(dest)
    assert not (root / ".venv").exists()
    return root


def _fake_bin(tmp_path: Path, python: str | None) -> Path:
    """A PATH holding only bash and dirname (what scripts/build needs to start), and a fake python3."""
    fake = tmp_path / "bin"
    fake.mkdir()
    for tool in ("bash", "dirname"):
        (fake / tool).symlink_to(shutil.which(tool))
    if python:
        (fake / "python3").write_text(python)
        (fake / "python3").chmod(0o755)
    return fake


PYTHON_3_10 = """#!/bin/sh
# Answers as Python 3.10 would: the version, and sys.version_info < (3, 11) is true.
case "$*" in
  *--version*) echo "Python 3.10.12" ;;
  *) exit 1 ;;
esac
"""


@pytest.mark.parametrize(
    "python, found", [(PYTHON_3_10, "found: Python 3.10.12"), (None, "found: none")], ids=["python-3.10", "no-python"]
)
@pytest.mark.site  # builds (or installs) in a scratch copy of the project
def test_an_old_python_gets_one_line(tmp_path: Path, python: str | None, found: str) -> None:
    root = _scratch_without_venv(tmp_path / "project")
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHON", "VIRTUAL_ENV")}
    env["PATH"] = str(_fake_bin(tmp_path, python))
    result = subprocess.run(
        [str(root / "scripts" / "build")], cwd=root, env=env, capture_output=True, text=True, timeout=60
    )
    assert result.returncode != 0
    lines = result.stderr.splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("error: Python 3.11 or newer is needed") and found in lines[0]
    assert "apt-get install python3" in lines[0]
    assert not (root / ".venv").exists() and not (root / "site").exists()


@pytest.mark.site  # builds (or installs) in a scratch copy of the project
def test_no_network_on_the_first_install_gets_one_line(tmp_path: Path) -> None:
    """No .venv yet and no package index to reach (a closed local port; no local wheels, no pip config)."""
    root = _scratch_without_venv(tmp_path / "project")
    env = {k: v for k, v in os.environ.items() if not k.startswith("PIP_") and k not in ("PYTHON", "VIRTUAL_ENV")}
    with held_port() as closed:  # bound, not listening: a connection is refused, and nothing else gets it
        env |= {
            "PIP_CONFIG_FILE": os.devnull,
            "PIP_INDEX_URL": f"http://127.0.0.1:{closed}/simple/",
            "PIP_RETRIES": "0",
            "PIP_DEFAULT_TIMEOUT": "5",
            "PIP_NO_CACHE_DIR": "1",
        }
        result = subprocess.run(
            [str(root / "scripts" / "build")], cwd=root, env=env, capture_output=True, text=True, timeout=300
        )
    assert result.returncode != 0
    errors = [line for line in result.stderr.splitlines() if not line.startswith("Installing the locked")]
    assert len(errors) == 1, result.stderr
    assert errors[0].startswith("error: could not download the Python packages (no network?)"), errors[0]
    assert "details: .venv/pip.log" in errors[0] and (root / ".venv" / "pip.log").exists()
    assert not (root / "site").exists()
