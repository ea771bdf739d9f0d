"""Shared fixtures: the project's paths, a built site, and a scratch copy of the project."""

from __future__ import annotations

import contextlib
import functools
import gzip
import json
import os
import shutil
import subprocess
import sys
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

# The browser fixtures (tabs, search_tabs) and helpers, for every test module without importing them.
pytest_plugins = ["browser_site"]

ROOT = Path(__file__).resolve().parents[1]
# ../shared/source beside the project (or beside the folder of git worktrees the project is checked out in)
SOURCE = next(
    (
        p
        for p in (
            ROOT.parent / "shared" / "source" / "000_f2352130a7466432.txt",
            ROOT.parent.parent / "shared" / "source" / "000_f2352130a7466432.txt",
        )
        if p.exists()
    ),
    ROOT.parent / "shared" / "source" / "000_f2352130a7466432.txt",
)
COPY_IGNORE = shutil.ignore_patterns(
    ".venv",
    "site",
    ".site-*",
    ".git",
    "__pycache__",
    ".pytest_cache",
    ".hypothesis",
    "screenshots",
    ".bench",
    ".pagefind-*",
    "ja",
    "en",
)


def run_module(root: Path, module: str, *args: str, env: dict | None = None) -> subprocess.CompletedProcess:
    """Run `python -m MODULE ...` of the project at `root` (its own copy of scripts/, not .venv's)."""
    environment = {**os.environ, "PYTHONPATH": str(root / "scripts"), "NO_MKDOCS_2_WARNING": "1", **(env or {})}
    return subprocess.run(
        [sys.executable, "-m", module, *args], cwd=root, env=environment, capture_output=True, text=True, timeout=600
    )


def run_cli(root: Path, *args: str, env: dict | None = None) -> subprocess.CompletedProcess:
    """Run `python -m strategy_site ...` of the project at `root`."""
    return run_module(root, "strategy_site", *args, env=env)


def copy_project(dest: Path) -> Path:
    """A copy of the project (no .venv, no site, no generated pages) to change and build."""
    for name in ("mkdocs.yml", "pyproject.toml"):
        shutil.copy2(ROOT / name, dest / name)
    for name in ("data", "scripts", "docs"):
        shutil.copytree(ROOT / name, dest / name, ignore=COPY_IGNORE)
    return dest


def fragments(site: Path) -> dict[str, dict]:
    """Each indexed page's record (url, content, meta, anchors), by its URL. Pagefind writes them
    gzip-compressed, after a signature."""
    out = {}
    for path in (site / "pagefind" / "fragment").glob("*.pf_fragment"):
        raw = gzip.decompress(path.read_bytes())
        assert raw.startswith(b"pagefind_dcd"), f"{path.name}: not a Pagefind fragment"
        record = json.loads(raw[len(b"pagefind_dcd") :])
        out[record["url"]] = record
    return out


@pytest.fixture
def project(tmp_path: Path) -> Path:
    return copy_project(tmp_path)


@pytest.fixture(scope="session")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The site, built once per test session with `strategy_site build` from a copy of the project."""
    root = copy_project(tmp_path_factory.mktemp("project"))
    result = run_cli(root, "build")
    assert result.returncode == 0, result.stdout + result.stderr
    return root / "site"


@pytest.fixture(scope="session")
def source_text() -> str:
    assert SOURCE.exists(), f"the source text is missing: {SOURCE} (../shared/source beside the project)"
    return SOURCE.read_text("utf-8")


# The address a site is built for in some tests: another host and a sub-folder, as for publication.
PUBLISHED_AT = "https://intranet.example/strategy2025/"


@pytest.fixture(scope="session")
def published_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The site built with SITE_URL=PUBLISHED_AT."""
    root = copy_project(tmp_path_factory.mktemp("published"))
    result = run_cli(root, "build", env={"SITE_URL": PUBLISHED_AT})
    assert result.returncode == 0, result.stdout + result.stderr
    return root / "site"


# -- Browser fixtures: the built site served on 127.0.0.1, and Debian's Chromium driven by Playwright.

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


@contextlib.contextmanager
def serve_directory(directory: Path):
    """A plain static server for `directory` on http://127.0.0.1:<free port>/, as in production."""

    class Quiet(SimpleHTTPRequestHandler):
        def log_message(self, *args):
            pass

    httpd = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Quiet, directory=str(directory)))
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}/"
    finally:
        httpd.shutdown()
        httpd.server_close()


@pytest.fixture(scope="session")
def server(site: Path):
    """The built site on http://127.0.0.1:<port>/."""
    with serve_directory(site) as url:
        yield url


@pytest.fixture(scope="session")
def browser():
    """Headless Debian Chromium. Missing browser is a failure, never a skip."""
    if not CHROMIUM.exists():
        pytest.fail(f"{CHROMIUM} is missing: install Debian's chromium (sudo apt-get install chromium)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS)
        yield b
        b.close()


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Every test that uses the browser (directly or through another fixture) is marked `browser`,
    so that `-m "not browser"` runs exactly the tests that need no Chromium."""
    for item in items:
        if "browser" in getattr(item, "fixturenames", ()):
            item.add_marker(pytest.mark.browser)
