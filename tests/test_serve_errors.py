"""./scripts/serve with broken data: the preview shows every problem on the page the editor is looking
at, in the page's language and in the words of `./scripts/build --check`, and the page comes back by
itself once the data is fixed. Against a live ./scripts/serve of a copy of the project."""

from __future__ import annotations

import html
import logging
import os
import re
import shutil
import signal
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest
from playwright.sync_api import Error as PlaywrightError
from test_corpus import CASES, apply_case

from strategy_site.publishing import pipeline, preview_errors
from strategy_site.publishing.plugin import StrategySitePlugin
from strategy_site.reading.problems import DataError
from strategy_site.rendering import csp
from strategy_site.structure import pages, urls
from strategy_site.structure.model import LANGS

from browser_site import SCREENSHOTS, Recorder, address, new_tab, pillar_path
from conftest import EDITION, ROOT, copy_project, edition_data, run_cli, says_it_serves, server_on_a_free_port

GOOD = "    amount: 5000\n"
BROKEN = {  # two problems in two files, under data/
    f"{EDITION}/figures.yaml": (GOOD, "    amount: -5000\n"),
    f"{EDITION}/glossary.yaml": ("terms:\n", "terms:\n  - id: broken-term\n    abbr: []\n"),
}
TITLE = {"ja": "データに問題があります", "en": "The data has problems"}

# Runs the preview or builds in a scratch copy of the project: the site tier (conftest).
pytestmark = pytest.mark.site


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


def _serve(tmp_path: Path, command: list[str]):
    """A copy of the project served by `command` (run in the copy, sharing this project's .venv),
    with a temporary folder of its own (tmp_path/tmp); yields the copy and the server's address."""
    root = copy_project(tmp_path)
    (root / ".venv").symlink_to(ROOT / ".venv")
    (tmp_path / "tmp").mkdir()
    env = {
        **os.environ,
        "PYTHONPATH": str(root / "scripts"),  # the copy's package, not the one .venv has installed
        "TMPDIR": str(tmp_path / "tmp"),
    }
    log = tmp_path / "serve.log"

    def start(port: int) -> subprocess.Popen:
        with log.open("w") as out:
            return subprocess.Popen(
                [*command, "-a", f"127.0.0.1:{port}"],
                cwd=root,
                env=env,
                stdout=out,
                stderr=subprocess.STDOUT,
                start_new_session=True,
            )

    with server_on_a_free_port(start, says_it_serves(log), log) as (_, port):
        yield root, f"http://127.0.0.1:{port}/"


@pytest.fixture
def serving(tmp_path: Path):
    """The preview of a copy of the project: what ./scripts/serve runs once .venv is set up. (Not
    the script itself, whose set-up would install into the shared .venv should the copy's
    pyproject.toml differ from the one installed; test_the_copy_leaves_this_projects_install_alone
    runs the script.)"""
    yield from _serve(tmp_path, [sys.executable, "-m", "strategy_site", "serve"])


@pytest.fixture
def serving_script(tmp_path: Path):
    """A copy of the project served by its own ./scripts/serve (sharing this project's .venv)."""
    yield from _serve(tmp_path, [str(tmp_path / "scripts" / "serve")])


def check_lines(root: Path) -> list[str]:
    """What ./scripts/build --check says about the data at root, line by line."""
    result = run_cli(root, "build", "--check")
    assert result.returncode == 1, result.stdout + result.stderr
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(lines) >= 3, lines  # two problems and the count
    return lines


# Four or more English words in a row: an English sentence (or most of one).
ENGLISH = re.compile(r"\b[A-Za-z]{2,}(?: [A-Za-z]{2,}){3,}\b")


def english_left(page: str) -> list[str]:
    """The English sentences of a Japanese problems page's text, leaving out what is data or a
    command: <code> (file names, fields, the program's own reason), quoted values, the names of
    characters (U+FEFF ZERO WIDTH NO-BREAK SPACE) and the note that names ./scripts/build --check."""
    text = re.sub(r"<code[^>]*>.*?</code>", " ", page, flags=re.S)
    text = re.sub(r"<(style|title)[^>]*>.*?</\1>", " ", text, flags=re.S)
    text = html.unescape(re.sub(r"<[^>]+>", " ", text))
    text = re.sub(r"'[^']*'|\"[^\"]*\"|\./scripts/\S+( --check)?", " ", text)
    return [words for words in ENGLISH.findall(text) if words != words.upper()]  # not a character's name (U+FEFF ...)


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
        if lang == "en":
            for line in expected[:-1]:  # the same words as ./scripts/build --check, as text
                assert html.escape(line) in page, f"{url}: missing {line!r}"
            assert f"{len(expected) - 1} problem(s) found in the data" in page
            continue
        # In Japanese: each problem's file and line, in Japanese words; no English sentence.
        for line in expected[:-1]:
            file, number = re.match(r"(.+?):(\d+):\d+", line).groups()
            assert f"<code>{html.escape(file)}</code> {number}行目" in page, f"{url}: missing {line!r}"
        assert f"データに {len(expected) - 1} 件の問題が見つかりました" in page
        assert english_left(page) == [], english_left(page)
        assert "/livereload/reload.js" in page, "the problems page would not reload by itself"
    # Every page shows them, the permalink pages and a missing page too.
    assert TITLE["en"] in _get(address(server, "en", "measures/")) and TITLE["ja"] in _get(server + "no-such-page/")
    _fix(root)
    for url in pages.values():
        page, seconds = _wait_for(url, lambda page: f'id="{measure.id}"' in page, 60)
        assert page and TITLE["ja"] not in page, f"{url}: the page did not come back after the fix"
        assert seconds < 30, f"{url}: the page came back only after {seconds:.0f} s"


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_every_corpus_problem_is_worded_in_japanese(case, tmp_path: Path) -> None:
    """The Japanese problems page words every problem of the broken-data corpus in Japanese."""
    data = tmp_path / "data"
    shutil.copytree(ROOT / "data", data)
    apply_case(case, data)
    with pytest.raises(DataError) as raised:
        pipeline.load(ROOT, data)
    untranslated = [p.message for p in raised.value.problems if preview_errors.in_japanese(p.message) is None]
    assert untranslated == [], untranslated
    page = preview_errors.page(raised.value.problems, "ja")
    assert english_left(page) == [], english_left(page)
    assert f"データに {len(raised.value.problems)} 件の問題が見つかりました" in page


def follow(page, expression: str, arg, seconds: float = 60) -> float:
    """Seconds until a JavaScript function of `arg` is true in the open page, which reloads by
    itself meanwhile: while it reloads there is no page to ask (Playwright says its execution
    context was destroyed), and the question is asked again."""
    start = time.monotonic()
    while time.monotonic() - start < seconds:
        try:
            if page.evaluate(expression, arg):
                return time.monotonic() - start
        except PlaywrightError as exc:
            if "context was destroyed" not in str(exc) and "navigat" not in str(exc):
                raise
        page.wait_for_timeout(50)
    raise AssertionError(f"the open page did not follow within {seconds:g} s: {expression} {arg!r}")


@pytest.mark.browser
def test_the_open_page_follows_a_change_a_broken_file_and_the_fix(serving, browser, strategy):
    """In Chromium with the site's Content-Security-Policy on, as the keeper sees it: the open page
    reloads by itself with a changed text, then with the problems when a data file is saved
    broken, then with the content once it is fixed; nothing on the way is an error in the console.
    The page's policy is the one the page would have without the preview's script: the published
    pages allow nothing for the preview."""
    root, server = serving
    measure = strategy.measures[0]
    pillar_file = edition_data(root) / "pillars" / f"{measure.pillar_id}.yaml"
    for lang in LANGS:
        page = new_tab(browser)
        recorder = Recorder(page.context, server)
        try:
            url = address(server, lang, pillar_path(measure.pillar_id))
            served = _wait_for(url, lambda text: f'id="{measure.id}"' in text, 180)[0]
            assert served, "./scripts/serve did not come up"
            page.goto(url)
            changed = f"A text changed in the preview ({lang})"
            text = pillar_file.read_text("utf-8")
            own = measure.text.en if lang == "en" else measure.text.ja
            assert own in text, "the measure's text is not written as it reads: choose another change"
            pillar_file.write_text(text.replace(own, changed, 1), "utf-8")
            follow(page, "t => !!document.body && document.body.innerText.includes(t)", changed)
            # The open page was built first, and reloaded before the other pages were built ...
            assert "Rebuilt the open pages in" in (root / "serve.log").read_text("utf-8")
            assert "1 open page reloads now" in (root / "serve.log").read_text("utf-8")
            # ... which are up to date when asked for: the measures list, which lists the measure, asked
            # for at once (while the second step builds it, the request waits for it).
            listing = _get(address(server, lang, urls.page_url(pages.SOURCE["measures"])))
            assert html.escape(changed) in listing, "the measures list does not show the save"
            # Rebuilt dirty, the navigation still names every page by its title (MkDocs reads a
            # title from the page's source, which a dirty build does not read for unchanged pages).
            names = [n.strip() for n in page.locator(".md-nav--primary .md-nav__link .md-ellipsis").all_inner_texts()]
            assert all(p.name[lang] in names for p in strategy.pillars), names
            assert "None" not in names, names
            _break(root)
            follow(page, "t => document.title.startsWith(t)", TITLE[lang])
            assert page.locator("h1").inner_text() == TITLE[lang]
            assert page.locator("ol > li").count() == len(check_lines(root)) - 1
            SCREENSHOTS.mkdir(exist_ok=True)
            for width in (1280, 390):
                page.set_viewport_size({"width": width, "height": 900})
                page.screenshot(path=SCREENSHOTS / f"preview-errors-{lang}-{width}.png", full_page=True)
            page.set_viewport_size({"width": 1280, "height": 900})
            _fix(root)
            pillar_file.write_text(text, "utf-8")
            follow(page, "t => !!document.body && document.body.innerText.includes(t)", own)
            assert TITLE[lang] not in page.title()
            assert recorder.take() == []
            # The page as published, plus the preview's script file: its policy has nothing for it.
            injected = re.search(r'<script src="/livereload/reload\.js"[^>]*></script>', served)
            assert injected, "the preview added no reload script"
            without = served.replace(injected.group(), "")
            assert csp.with_policy(without) == without, "the page's policy allows something for the preview"
        finally:
            page.context.close()


def test_what_the_check_passes_and_the_build_cannot_make_is_shown_as_a_problem(serving, strategy):
    """A broken schema file, and a redirect whose address is too long for a file name: the open
    page shows the problems page (never a hanging request), the terminal no traceback, and the page
    comes back once the file is fixed."""
    root, server = serving
    measure = strategy.measures[0]
    url = address(server, "ja", pillar_path(measure.pillar_id))
    assert _wait_for(url, lambda page: f'id="{measure.id}"' in page, 180)[0], "./scripts/serve did not come up"
    schema = root / "data" / "schema" / "figures.schema.json"
    redirects = root / "data" / "redirects.yaml"
    breaks = {
        schema: lambda text: text[: len(text) // 2],  # cut off: not JSON
        redirects: lambda text: text.rstrip() + f"\n  - from: {'a' * 300}/\n    to: {measure.id}\n",
    }
    for path, broken in breaks.items():
        good = path.read_text("utf-8")
        if path == redirects and "redirects: []" in good:
            good_for_break = good.replace("redirects: []", "redirects:")
        else:
            good_for_break = good
        path.write_text(broken(good_for_break), "utf-8")
        page, _ = _wait_for(url, lambda page: TITLE["ja"] in page, 60)
        assert page, f"{path.name}: the problems page was not shown within 60 s"
        assert english_left(page) == [], english_left(page)
        path.write_text(good, "utf-8")
        page, _ = _wait_for(url, lambda page: f'id="{measure.id}"' in page and TITLE["ja"] not in page, 60)
        assert page, f"{path.name}: the page did not come back after the fix"
    said = (root / "serve.log").read_text("utf-8")
    assert "Traceback" not in said and "Aborted" not in said and "appear stuck" not in said, said[-3000:]
    # No browser had the page open (these requests run no script): the log does not claim a reload.
    assert "Reloading browsers" not in said and "open page" not in said, said[-3000:]
    assert "Problems shown" in said and "no page is open in a browser" in said, said[-3000:]


@pytest.mark.parametrize("signal_name", ["SIGTERM", "SIGHUP", "SIGINT"])
def test_stopping_the_preview_leaves_no_folder_behind(tmp_path: Path, signal_name: str) -> None:
    """Stopped by Ctrl+C, SIGTERM or SIGHUP, the preview deletes its folder in the temporary folder."""
    root = copy_project(tmp_path)
    temp = tmp_path / "tmp"
    temp.mkdir()
    (temp / "strategy-preview-999999999-left").mkdir()  # left by a killed preview (no such process)
    log = tmp_path / "serve.log"
    env = {**os.environ, "PYTHONPATH": str(root / "scripts"), "TMPDIR": str(temp)}

    def start(port: int) -> subprocess.Popen:
        with log.open("w") as out:
            return subprocess.Popen(
                [sys.executable, "-m", "strategy_site", "serve", "-a", f"127.0.0.1:{port}"],
                cwd=root,
                env=env,
                stdout=out,
                stderr=subprocess.STDOUT,
            )

    with server_on_a_free_port(start, says_it_serves(log), log) as (process, port):
        assert _wait_for(f"http://127.0.0.1:{port}/", lambda page: "<html" in page, 60)[0]
        assert [p for p in temp.iterdir() if not p.name.endswith("-left")], "the preview made no folder in TMPDIR"
        process.send_signal(getattr(signal, signal_name))
        code = process.wait(timeout=60)
    assert [p.name for p in temp.iterdir() if not p.name.endswith("-left")] == []
    assert code == 0, log.read_text("utf-8")[-3000:]
    assert not (temp / "strategy-preview-999999999-left").exists(), "a killed preview's folder was left"
    said = log.read_text("utf-8")
    assert "Traceback" not in said and "Stopping the preview." in said, said[-3000:]


@pytest.mark.parametrize(
    "address", ["127.0.0.1:87²", "127.0.0.1:", "127.0.0.1:0", "127.0.0.1:99999", "127.0.0.1:8000\x1b[2J", "8000"]
)
def test_a_malformed_address_is_one_line(address: str) -> None:
    result = run_cli(ROOT, "serve", "-a", address)
    assert result.returncode == 2, result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: ") and "HOST:PORT" in lines[0], result.stderr
    assert "\x1b" not in result.stderr and "unexpected" not in result.stderr


def test_a_host_that_cannot_be_served_on_is_one_line() -> None:
    result = run_cli(ROOT, "serve", "-a", "no such host:8000")
    assert result.returncode == 1, result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: cannot serve on"), result.stderr


def test_the_search_indexers_failure_is_not_counted_by_a_strict_build(tmp_path: Path) -> None:
    """The preview refreshes the search index in a thread; when that fails meanwhile, its message
    must not count as a warning of the strict build running then (which aborted it: "Aborted with
    1 warnings in strict mode!")."""
    from mkdocs.utils import CountHandler

    site = tmp_path / "site"
    (site / "assets").mkdir(parents=True)  # a folder but no pages: Pagefind has nothing to index
    counter = CountHandler()
    counter.setLevel(logging.WARNING)
    logging.getLogger("mkdocs").addHandler(counter)
    try:
        plugin = StrategySitePlugin()
        plugin.refresher.request(site)
        plugin.refresher.wait(120)
    finally:
        logging.getLogger("mkdocs").removeHandler(counter)
    assert counter.get_counts() == []


def test_the_copy_leaves_this_projects_install_alone(serving_script) -> None:
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
