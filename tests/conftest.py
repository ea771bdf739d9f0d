"""Shared fixtures and helpers: the project's paths, its data (loaded once per session) and pages,
a built site, a scratch copy of the project, and servers on ports of their own."""

from __future__ import annotations

import contextlib
import functools
import gzip
import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

from strategy_site.publishing import pipeline
from strategy_site.reading.problems import DataError
from strategy_site.structure import pages

# The browser fixtures (tabs, search_tabs) and helpers, for every test module without importing them.
pytest_plugins = ["browser_site", "editions_site"]  # and the site of two editions (issue 27)

# Hypothesis's example counts, by profile: `quick` for the fast tier run alone (./scripts/test --fast),
# `thorough` for every other run (CI). No test file writes a count of its own.
_HEALTH = [HealthCheck.function_scoped_fixture, HealthCheck.too_slow]
settings.register_profile("thorough", max_examples=50, deadline=None, suppress_health_check=_HEALTH)
settings.register_profile("quick", max_examples=8, deadline=None, suppress_health_check=_HEALTH)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "thorough"))

# The tiers (markers given by pytest_collection_modifyitems below):
#   fast     Python only: no system package, no build of the site, no browser (./scripts/test --fast)
#   site     builds the site, runs the command line on a copy of the project, or a web server
#   browser  Debian's Chromium (and Node.js for pa11y)
# A test is `site` if it uses one of these fixtures (directly or through another) or its module
# says `pytestmark = pytest.mark.site`; `browser` if it uses the browser; else `fast`.
# (a module's own fixture that builds is named here too: built, moved_site, report, serving)
SITE_FIXTURES = frozenset(
    {"site", "published_site", "server", "project", "built", "moved_site", "report", "serving", "editions_project"}
)

ROOT = Path(__file__).resolve().parents[1]
# The edition whose data the tests read and change: its own files (strategy.yaml, pillars/, figures.yaml,
# ...) are in data/<EDITION>/; what every edition shares (names.yaml, topics.yaml, redirects.yaml,
# accessibility.yaml, editions.yaml, schema/) is in data/ itself.
EDITION = "2025"


def edition_data(root: Path) -> Path:
    """The folder of the tested edition's own files in the project (or data folder's parent) at `root`."""
    return root / "data" / EDITION


def within_edition(relative: Path) -> Path:
    """A path under data/ as the schemas name it: the tested edition's own file without its folder
    (2025/pillars/x.yaml: pillars/x.yaml), a shared file as it is."""
    return relative.relative_to(EDITION) if relative.parts[:1] == (EDITION,) else relative


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


def run_module(
    root: Path, module: str, *args: str, env: dict | None = None, timeout: float = 600
) -> subprocess.CompletedProcess:
    """Run `python -m MODULE ...` of the project at `root` (its own copy of scripts/, not .venv's)."""
    environment = {**os.environ, "PYTHONPATH": str(root / "scripts"), "NO_MKDOCS_2_WARNING": "1", **(env or {})}
    return subprocess.run(
        [sys.executable, "-m", module, *args],
        cwd=root,
        env=environment,
        capture_output=True,
        text=True,
        timeout=timeout,
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


# -- The project's data, read once per session when a test first asks for it. Nothing reads it when
# the tests are collected but the hook below, for the tests run once per item of the data; a broken
# data file then fails the tests that use the data, with the problems listed, and no other test.


@functools.cache
def _checked() -> pipeline.Checked:
    return pipeline.load(ROOT)


@pytest.fixture(scope="session")
def checked() -> pipeline.Checked:
    """The project's data, validated: the model and the files it was built from."""
    try:
        return _checked()
    except DataError as error:
        pytest.fail(f"the project's data does not load:\n{error}", pytrace=False)


@pytest.fixture(scope="session")
def strategy(checked: pipeline.Checked):
    return checked.strategy


@pytest.fixture(scope="session")
def loaded_files(checked: pipeline.Checked):
    return checked.files


@dataclass(frozen=True)
class SitePage:
    kind: str  # the page type: the template's name (home, pillar, measures, ...)
    path: str  # relative to the language's root: "", "pillars/x/", "measures/", ...

    @property
    def id(self) -> str:
        return self.path.strip("/") or "home"


def site_pages(strategy) -> list[SitePage]:
    """Every page of the site (the same list in both languages), from the table of pages."""
    return [SitePage(page.type.name, page.url) for page in pages.site_pages(strategy)]


def _one_page_per_kind(strategy) -> list[SitePage]:
    first: dict[str, SitePage] = {}
    for page in site_pages(strategy):
        first.setdefault(page.kind, page)
    return list(first.values())


# The arguments that stand for items of the data: a test with one of them runs once per item, with
# the item's id in the test's name. Each gives the items and their ids.
DATA_ITEMS = {
    "site_page": lambda s: [(page, page.id) for page in site_pages(s)],  # every page, in one language
    "page_of_kind": lambda s: [(page, page.kind) for page in _one_page_per_kind(s)],  # the first of each type
    "pillar_id": lambda s: [(p.id, p.id) for p in s.pillars],
    "measure_id": lambda s: [(m.id, m.id) for m in s.measures],
}


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    for name, items in DATA_ITEMS.items():
        if name not in metafunc.fixturenames:
            continue
        try:
            values = items(_checked().strategy)
        except DataError:
            continue  # not parametrized: the fixture of that name below fails with the problems
        metafunc.parametrize(name, [value for value, _ in values], ids=[ident for _, ident in values])


def _unloadable(checked: pipeline.Checked) -> None:
    """Stands in for a data argument that could not be parametrized: `checked` fails first."""
    raise AssertionError("pytest_generate_tests did not parametrize this data argument")


site_page = pytest.fixture(_unloadable, name="site_page")
page_of_kind = pytest.fixture(_unloadable, name="page_of_kind")
pillar_id = pytest.fixture(_unloadable, name="pillar_id")
measure_id = pytest.fixture(_unloadable, name="measure_id")


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


# -- Servers the tests start as programs (mkdocs serve, ./scripts/serve, nginx) need a port on their
# command line or in their configuration. A port picked free and closed at once is free for anyone
# until the server, started seconds later, binds it: held_port keeps it from everyone else meanwhile.


@contextlib.contextmanager
def held_port() -> Iterator[int]:
    """A loopback port that no other program is given while the block runs: bound but not listening,
    with SO_REUSEADDR. On Linux a server that sets SO_REUSEADDR too (Python's http.server, so MkDocs',
    and nginx do) can bind and listen on it; nothing else can bind it, and connections are refused."""
    with socket.socket() as hold:
        hold.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        hold.bind(("127.0.0.1", 0))
        yield hold.getsockname()[1]


IN_USE = ("Address already in use", "cannot serve on")  # the kernel's words, and strategy_site serve's


def _stop(process: subprocess.Popen) -> None:
    """Stop a server, with its children if it was started in a session of its own."""
    if process.poll() is None:
        with contextlib.suppress(ProcessLookupError):
            if os.getpgid(process.pid) == process.pid:
                os.killpg(process.pid, signal.SIGTERM)
            else:
                process.terminate()
    process.wait(timeout=30)


@contextlib.contextmanager
def server_on_a_free_port(
    start: Callable[[int], subprocess.Popen],
    serving: Callable[[int], bool],
    log: Path,
    seconds: float = 300,
    attempts: int = 3,
) -> Iterator[tuple[subprocess.Popen, int]]:
    """Run a server on a loopback port of its own, and stop it after the block. start(port) starts it,
    writing what it says to `log`; serving(port) tells when it serves there (its own words in the
    log, or a connection it accepts). The port is held (held_port) until then. Should the server find
    it in use all the same (a server without SO_REUSEADDR), it is started again on another port."""
    for _ in range(attempts):
        with held_port() as port:
            process = start(port)
            deadline = time.monotonic() + seconds
            while process.poll() is None and not serving(port):
                if time.monotonic() > deadline:
                    _stop(process)
                    pytest.fail(f"the server did not start within {seconds:.0f} s:\n{_tail(log)}")
                time.sleep(0.2)
        if process.poll() is None:
            try:
                yield process, port
            finally:
                _stop(process)
            return
        if not any(said in _said(log) for said in IN_USE):
            pytest.fail(f"the server stopped (status {process.returncode}):\n{_tail(log)}")
    pytest.fail(f"the server found its port in use {attempts} times:\n{_tail(log)}")


def _said(log: Path) -> str:
    return log.read_text("utf-8", "replace") if log.exists() else ""


def _tail(log: Path) -> str:
    return _said(log)[-3000:] or "(no output)"


def accepts_connections(port: int) -> bool:
    """Something listens on the port (while held_port holds it, only the server can)."""
    with socket.socket() as s:
        return s.connect_ex(("127.0.0.1", port)) == 0


def says_it_serves(log: Path) -> Callable[[int], bool]:
    """MkDocs' own line once it listens on the port (after its first build)."""
    return lambda port: f"Serving on http://127.0.0.1:{port}/" in _said(log)


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
    """Each test gets the marker of its tier (see SITE_FIXTURES above): a test that uses the browser
    (directly or through another fixture) is `browser`, so that `-m "not browser"` runs exactly the
    tests that need no Chromium; one that builds is `site`; every other one is `fast`."""
    for item in items:
        used = set(getattr(item, "fixturenames", ()))
        if "browser" in used:
            item.add_marker(pytest.mark.browser)
        elif used & SITE_FIXTURES or item.get_closest_marker("site"):
            item.add_marker(pytest.mark.site)
        else:
            item.add_marker(pytest.mark.fast)
