"""./scripts/serve with broken data: the preview shows every problem on the page the editor is looking
at, in the page's language and in the words of `./scripts/build --check`, and the page comes back by
itself once the data is fixed. Against a live ./scripts/serve of a copy of the project."""

from __future__ import annotations

import os
import subprocess
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from strategy_site.structure.model import LANGS

from browser_site import SCREENSHOTS, address, new_tab, pillar_path, wait_until
from conftest import ROOT, copy_project, run_cli, says_it_serves, server_on_a_free_port

GOOD = "    amount: 5000\n"
BROKEN = {  # two problems in two files
    "figures.yaml": (GOOD, "    amount: -5000\n"),
    "glossary.yaml": ("terms:\n", "terms:\n  - id: broken-term\n    abbr: []\n"),
}
TITLE = {"ja": "データに問題があります", "en": "The data has problems"}


def _get(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.read().decode("utf-8")
    except urllib.error.HTTPError as exc:
        return exc.read().decode("utf-8", "replace")
    except OSError:
        return ""


def _wait_for(url: str, test, seconds: float) -> tuple[str, float]:
    """The page once test(page) holds, and how many seconds that took; ("", seconds) if it never did."""
    start = time.monotonic()
    while time.monotonic() - start < seconds:
        page = _get(url)
        if page and test(page):
            return page, time.monotonic() - start
        time.sleep(0.25)
    return "", seconds


def _break(root: Path) -> None:
    for name, (good, bad) in BROKEN.items():
        path = root / "data" / name
        text = path.read_text("utf-8")
        assert good in text, f"{name} no longer has {good!r}: choose another change"
        path.write_text(text.replace(good, bad, 1), "utf-8")


def _fix(root: Path) -> None:
    for name, (good, bad) in BROKEN.items():
        path = root / "data" / name
        path.write_text(path.read_text("utf-8").replace(bad, good, 1), "utf-8")


@pytest.fixture
def serving(tmp_path: Path):
    """A copy of the project served by its own ./scripts/serve (sharing this project's .venv)."""
    root = copy_project(tmp_path)
    (root / ".venv").symlink_to(ROOT / ".venv")
    env = {**os.environ, "PYTHONPATH": str(root / "scripts")}  # the copy's package, not the one .venv has installed
    log = tmp_path / "serve.log"

    def start(port: int) -> subprocess.Popen:
        with log.open("w") as out:
            return subprocess.Popen(
                [str(root / "scripts" / "serve")],
                cwd=root,
                env={**env, "SERVE_ADDRESS": f"127.0.0.1:{port}"},
                stdout=out,
                stderr=subprocess.STDOUT,
                start_new_session=True,
            )

    with server_on_a_free_port(start, says_it_serves(log), log) as (_, port):
        yield root, f"http://127.0.0.1:{port}/"


def check_lines(root: Path) -> list[str]:
    """What ./scripts/build --check says about the data at root, line by line."""
    result = run_cli(root, "build", "--check")
    assert result.returncode == 1, result.stdout + result.stderr
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(lines) >= 3, lines  # two problems and the count
    return lines


def test_preview_shows_every_problem_in_the_pages_language_and_comes_back_by_itself(serving, strategy):
    root, server = serving
    measure = strategy.measures[0]
    pages = {lang: address(server, lang, pillar_path(measure.pillar_id)) for lang in LANGS}
    for url in pages.values():
        assert _wait_for(url, lambda page: f'id="{measure.id}"' in page, 180)[0], f"./scripts/serve did not serve {url}"
    _break(root)
    expected = check_lines(root)
    for lang, url in pages.items():
        page, seconds = _wait_for(url, lambda page, lang=lang: TITLE[lang] in page, 60)
        assert page, f"{url}: the problems were not shown within 60 s"
        assert f'<html lang="{lang}">' in page
        for line in expected:  # the same words as ./scripts/build --check, as text
            assert (
                line.replace("&", "&amp;")
                .replace("<", "&lt;")
                .replace(">", "&gt;")
                .replace('"', "&quot;")
                .replace("'", "&#x27;")
                in page
            ), f"{url}: missing {line!r}"
        assert "livereload" in page, "the error page would not reload by itself"
    # Every page shows them, the permalink pages and the 404 page too.
    assert TITLE["en"] in _get(address(server, "en", "measures/")) and TITLE["ja"] in _get(server + "no-such-page/")
    _fix(root)
    for url in pages.values():
        page, seconds = _wait_for(url, lambda page: f'id="{measure.id}"' in page, 60)
        assert page and TITLE["ja"] not in page, f"{url}: the page did not come back after the fix"
        assert seconds < 30, f"{url}: the page came back only after {seconds:.0f} s"


@pytest.mark.browser
def test_the_open_page_changes_to_the_problems_and_back_by_itself(serving, browser, strategy):
    """In Chromium, as the editor sees it: the open page reloads itself with the problems when a
    data file is saved broken, and again with the content once it is fixed."""
    root, server = serving
    measure = strategy.measures[0]
    page = new_tab(browser)
    try:
        for lang in LANGS:
            url = address(server, lang, pillar_path(measure.pillar_id))
            assert _wait_for(url, lambda text: f'id="{measure.id}"' in text, 180)[0], "./scripts/serve did not come up"
            page.goto(url)
            _break(root)
            wait_until(page, "t => document.title.startsWith(t)", arg=TITLE[lang], timeout=60000)
            assert page.locator("h1").inner_text() == TITLE[lang]
            assert page.locator("li code").count() == len(check_lines(root)) - 1
            SCREENSHOTS.mkdir(exist_ok=True)
            page.screenshot(path=SCREENSHOTS / f"preview-errors-{lang}-1280.png", full_page=True)
            _fix(root)
            wait_until(page, "id => !!document.getElementById(id)", arg=measure.id, timeout=60000)
    finally:
        page.context.close()


def test_the_copy_leaves_this_projects_install_alone(serving) -> None:
    """The copy shares this project's .venv, and its ./scripts/serve must not install into it: pip's
    editable install would point .venv at the copy, and this project's own ./scripts/serve would
    then serve the copy's data (or fail once pytest deletes it). The tests' lock holds the site's
    packages, so after ./scripts/test the site's set-up installs nothing."""
    import json
    from importlib.metadata import distribution

    installed = json.loads(distribution("strategy_site").read_text("direct_url.json") or "{}")
    assert installed.get("url") == ROOT.as_uri(), installed
    pth = sorted((ROOT / ".venv").glob("lib/python*/site-packages/__editable__.strategy_site-*.pth"))
    assert pth and pth[0].read_text("utf-8").strip() == str(ROOT / "scripts"), pth
