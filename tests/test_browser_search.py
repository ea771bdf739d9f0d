"""The site's search in a real browser, as readers use it: nothing of it is fetched until it is
opened; results in the page's language, or both when asked (remembered for the visit); the
keyboard alone; results that land on the measure; without JavaScript; under a strict
Content-Security-Policy; and no console error or failed request along the way."""

from __future__ import annotations

import base64
import contextlib
import functools
import hashlib
import re
import threading
import time
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import expect

from strategy_site.rendering.ui import ui
from strategy_site.structure import urls

from browser_site import (
    BOTH_LANGUAGES,
    COUNTED,
    RESULTS,
    SEARCH_INPUT,
    SEARCH_META,
    address,
    new_tab,
    open_page,
    open_search,
    pillar_path,
    result_links,
    search,
    set_both_languages,
    wait_until,
)

pytestmark = pytest.mark.browser

# Material's language selector looks for a sitemap.xml beside each alternate page; those look-ups
# find nothing (404) and are ignored. Nothing else may fail.
IGNORED = re.compile(r"/sitemap\.xml$")


def watch(page) -> list[str]:
    """Console errors and failed requests of the page from now on (sitemap look-ups aside)."""
    problems: list[str] = []
    page.on(
        "console",
        lambda m: (
            problems.append(f"console {m.type}: {m.text}")
            if m.type == "error" and "sitemap.xml" not in m.text and not m.text.startswith("Failed to load resource")
            else None
        ),
    )
    page.on("pageerror", lambda e: problems.append(f"page error: {e}"))
    page.on(
        "response",
        lambda r: (
            problems.append(f"HTTP {r.status}: {r.url}")
            if r.status >= 400 and not IGNORED.search(urlsplit(r.url).path)
            else None
        ),
    )
    page.on(
        "requestfailed",
        lambda r: problems.append(f"failed: {r.url} {r.failure}") if "ABORTED" not in (r.failure or "") else None,
    )
    return problems


# What search.js (on every page) fetches when the search first opens, before Pagefind's own files.
DIALOG_FILES = ("/assets/search-dialog.js", "/assets/search.css")


def search_requests(requested: list[str]) -> list[str]:
    return [p for p in map(lambda u: urlsplit(u).path, requested) if "/pagefind/" in p or p.endswith(DIALOG_FILES)]


def fetched_names(requested: list[str], wanted: set[str], seconds: float = 20) -> set[str]:
    """The names of the search files fetched so far, once `wanted` are among them or `seconds` have
    passed (the worker starts its fetches a moment after the control opens; a busy machine is slow)."""
    deadline = time.monotonic() + seconds
    while True:
        fetched = {p.rsplit("/", 1)[-1] for p in search_requests(requested)}
        if wanted <= fetched or time.monotonic() > deadline:
            return fetched
        time.sleep(0.1)


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_nothing_of_search_is_fetched_until_it_is_opened(browser, site, strategy, lang):
    page = new_tab(browser)
    problems = watch(page)
    with serve_site(site) as (server, requested):
        try:
            open_page(page, address(server, lang, pillar_path(strategy.pillars[0].id)))
            page.wait_for_load_state("networkidle")
            assert search_requests(requested) == [], "search was fetched before it was opened"
            # The recording sees what the page loads (so the empty list above means something).
            assert "/assets/search.js" in requested
            open_search(page)
            wanted = {"search-dialog.js", "search.css", "pagefind.js", "pagefind-worker.js", "pagefind-entry.json"}
            fetched = fetched_names(requested, wanted)
            assert wanted <= fetched, fetched
            assert search(page, {"ja": "量子", "en": "quantum"}[lang])
            fetched = {p.rsplit("/", 1)[-1] for p in search_requests(requested)}
            assert any(name.startswith(f"pagefind.{lang}_") for name in fetched), fetched
            assert any(name.startswith("wasm.") for name in fetched), fetched
            assert any(p.endswith(".pf_fragment") for p in search_requests(requested)), "no result was fetched"
            page.wait_for_load_state("networkidle")
            # Only this language's index.
            other = "en" if lang == "ja" else "ja"
            assert not [p for p in search_requests(requested) if f"pagefind.{other}_" in p], requested
        finally:
            page.context.close()
    assert problems == []


# -- The reader's language, or both.

LANGUAGE_QUERIES = {"ja": ["量子", "大学ファンド", "研究セキュリティ"], "en": ["quantum", "open access", "procurement"]}


def is_english(path: str) -> bool:
    return path.startswith(urls.site_path("en", ""))


@pytest.mark.parametrize(("lang", "query"), [(lang, q) for lang, qs in LANGUAGE_QUERIES.items() for q in qs])
def test_results_are_in_the_pages_language(search_tabs, lang, query):
    page = search_tabs(lang)
    set_both_languages(page, False)
    found = search(page, query, count=100)
    assert found, f"{query!r} found nothing"
    wrong = [p for p in found if is_english(p) != (lang == "en")]
    assert wrong == [], f"{query!r} from a {lang} page found pages in the other language: {wrong}"


@pytest.mark.parametrize(("lang", "query"), [("ja", "量子"), ("en", "quantum")])
def test_both_languages_when_asked_and_remembered_for_the_visit(browser, server, strategy, lang, query):
    page = new_tab(browser)
    try:
        open_page(page, address(server, lang, ""))
        open_search(page)
        set_both_languages(page, True)
        found = search(page, query, count=100)
        assert {is_english(p) for p in found} == {True, False}, f"{query!r}, both languages: {found}"
        # A result in the other language says so, in the page's language, and carries its own lang.
        other = page.locator(f"{RESULTS} > li[lang]")
        assert other.count() >= 1 and other.first.get_attribute("lang") == ("en" if lang == "ja" else "ja")
        # The choice holds on the next page of the visit.
        open_page(page, address(server, lang, pillar_path(strategy.pillars[0].id)))
        open_search(page)
        assert page.locator(BOTH_LANGUAGES).is_checked()
        assert {is_english(p) for p in search(page, query, count=100)} == {True, False}
        set_both_languages(page, False)
        assert {is_english(p) for p in search(page, query, count=100)} == {lang == "en"}
    finally:
        page.context.close()


# -- Results: the count is announced; a measure's result lands on the measure.


@pytest.mark.parametrize("query", ["fusion", "research security"])
def test_the_result_count_is_announced(search_tabs, query):
    """The count says how many results (links) are shown: a page may show several of its sections, and
    'research security' shows more links than pages (the count once said five over six links)."""
    page = search_tabs("en")
    set_both_languages(page, False)
    search(page, query)
    shown = page.locator(f"{RESULTS} a").count()
    meta = page.locator(SEARCH_META)
    assert meta.get_attribute("role") == "status"
    assert meta.inner_text() == f"{shown} matching documents"
    if query == "research security":
        assert shown > len(result_links(page)), "this query should show more than one section of a page"
    search(page, "xyzzy-nothing-has-this")
    assert meta.inner_text() == "No matching documents"


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_a_result_for_a_measure_lands_on_the_measure(search_tabs, strategy, lang):
    measure = next(m for m in strategy.measures if "Moonshot" in m.text.en)
    page = search_tabs(lang)
    set_both_languages(page, False)
    word = {"ja": "ムーンショット", "en": "Moonshot"}[lang]
    assert word in measure.text[lang]
    search(page, word)
    pillar = urls.site_path(lang, pillar_path(measure.pillar_id))
    links = [urlsplit(u) for u in result_links(page)]
    landing = [u.fragment for u in links if u.path == pillar]
    assert landing == [measure.id], f"{word!r}: {[u.geturl() for u in links]}"


# -- The keyboard alone.


def test_keyboard_open_arrows_enter_and_escape(browser, server):
    page = new_tab(browser)
    problems = watch(page)
    try:
        open_page(page, address(server, "en", ""))
        measures_link = page.locator(".md-nav--primary a", has_text="All measures").first
        measures_link.focus()
        for key in ("s", "/", "Control+k", "Meta+k"):
            page.keyboard.press(key)
            wait_until(page, "document.getElementById('__search').checked")
            assert page.evaluate(f"document.activeElement === document.querySelector('{SEARCH_INPUT}')"), key
            page.keyboard.press("Escape")
            wait_until(page, "!document.getElementById('__search').checked")
            assert page.evaluate("document.activeElement.textContent.trim()") == "All measures", (
                f"{key}: Escape did not return the focus"
            )
        page.keyboard.press("/")
        page.keyboard.type("fusion")
        wait_until(page, f"{COUNTED}.test(document.querySelector('{SEARCH_META}').textContent)")
        links = page.locator(f"{RESULTS} a").evaluate_all("els => els.map(e => e.href)")  # every section's link
        assert len(links) >= 2
        page.keyboard.press("ArrowDown")
        assert page.evaluate("document.activeElement.href") == links[0]
        page.keyboard.press("ArrowDown")
        assert page.evaluate("document.activeElement.href") == links[1]
        page.keyboard.press("ArrowUp")
        page.keyboard.press("ArrowUp")
        assert page.evaluate(f"document.activeElement === document.querySelector('{SEARCH_INPUT}')")
        page.keyboard.press("ArrowDown")
        with page.expect_navigation():
            page.keyboard.press("Enter")
        where = urlsplit(page.url)
        assert (where.path, where.fragment) == (urlsplit(links[0]).path, urlsplit(links[0]).fragment)
        if where.fragment:
            assert page.locator(f"[id='{where.fragment}']").count() == 1
    finally:
        page.context.close()
    assert problems == []


def wait_for_held(page, held: list) -> None:
    """Wait (up to 10 s) until opening the search has asked for search-dialog.js, which the test's
    route holds in `held`: exactly one request."""
    for _ in range(100):
        if held:
            break
        page.wait_for_timeout(100)
    assert len(held) == 1, "opening the search did not fetch search-dialog.js"


def test_escape_closes_the_search_before_its_script_has_come(browser, server):
    """On a slow line a reader may close the search before search-dialog.js has come: Esc closes it
    all the same and gives the focus back, and the search works once the script is there."""
    page = new_tab(browser)
    problems = watch(page)
    held: list = []  # the request for search-dialog.js, answered only when the test says so
    page.context.route("**/assets/search-dialog.js", lambda route: held.append(route))
    try:
        open_page(page, address(server, "en", ""))
        page.locator(".md-nav--primary a", has_text="All measures").first.focus()
        page.keyboard.press("s")
        wait_until(page, "document.getElementById('__search').checked")
        wait_for_held(page, held)
        page.keyboard.press("Escape")
        wait_until(page, "!document.getElementById('__search').checked", timeout=5000)
        assert page.evaluate("document.activeElement.textContent.trim()") == "All measures"
        held[0].continue_()
        page.wait_for_load_state("networkidle")
        page.keyboard.press("/")
        page.keyboard.type("fusion")
        wait_until(page, f"{COUNTED}.test(document.querySelector('{SEARCH_META}').textContent)")
        assert result_links(page)
    finally:
        page.context.close()
    assert problems == []


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_the_search_says_it_is_preparing_until_its_script_has_come(browser, server, lang):
    """Until search-dialog.js has come (and with it the remembered "both languages" choice and the
    index), the open dialog says it is preparing, not "type to search": what it says is true, and a
    test that waits for the prompt waits for the script (the race behind a flaky test)."""
    page = new_tab(browser)
    held: list = []
    page.context.route("**/assets/search-dialog.js", lambda route: held.append(route))
    try:
        open_page(page, address(server, lang, ""))
        page.locator(SEARCH_INPUT).click()
        wait_until(page, "document.getElementById('__search').checked")
        wait_for_held(page, held)
        said = page.locator(SEARCH_META).inner_text()
        assert said == ui("search_loading", lang), said
        held[0].continue_()
        wait_until(page, f"/入力|Type/.test(document.querySelector('{SEARCH_META}').textContent)", timeout=15000)
    finally:
        page.context.close()


# -- Without JavaScript, and under a Content-Security-Policy.


def test_without_javascript_the_search_control_is_not_shown(browser, server):
    page = new_tab(browser, java_script_enabled=False)
    requested: list[str] = []
    page.context.on("request", lambda r: requested.append(r.url))
    try:
        for width in (1280, 390):
            page.set_viewport_size({"width": width, "height": 900})
            page.goto(address(server, "ja", ""))
            assert not page.locator(".md-search").is_visible()
            assert not page.locator("button.site-search-button").is_visible()
        assert search_requests(requested) == []
    finally:
        page.context.close()


def _inline_script_hashes(html: bytes) -> list[str]:
    """The CSP hash of each inline script of a page (what a policy without 'unsafe-inline' allows)."""
    return [
        "'sha256-" + base64.b64encode(hashlib.sha256(body).digest()).decode() + "'"
        for body in re.findall(rb"<script(?![^>]*\bsrc=)[^>]*>(.*?)</script>", html, re.S)
    ]


@contextlib.contextmanager
def serve_site(site: Path, policy: bool = False):
    """The site on http://127.0.0.1:<port>/, and the list of paths requested from it (a page's
    worker fetches the index, which the browser's request events do not show). With `policy`,
    every response carries a Content-Security-Policy that allows only the site itself, each page's
    own inline scripts by their hashes, and WebAssembly ('wasm-unsafe-eval')."""
    requested: list[str] = []

    class Handler(SimpleHTTPRequestHandler):
        def log_message(self, *args):
            pass

        def end_headers(self):
            requested.append(urlsplit(self.path).path)
            if policy:
                path = Path(self.translate_path(self.path))
                page = path / "index.html" if path.is_dir() else path
                hashes = (
                    " ".join(_inline_script_hashes(page.read_bytes()))
                    if page.suffix == ".html" and page.exists()
                    else ""
                )
                self.send_header(
                    "Content-Security-Policy",
                    f"default-src 'self'; script-src 'self' 'wasm-unsafe-eval' {hashes}; "
                    "style-src 'self' 'unsafe-inline'; img-src 'self' data:; object-src 'none'; base-uri 'self'",
                )
            super().end_headers()

    httpd = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Handler, directory=str(site)))
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}/", requested
    finally:
        httpd.shutdown()
        httpd.server_close()


@pytest.fixture(scope="module")
def csp_server(site: Path):
    with serve_site(site, policy=True) as (url, _):
        yield url


def test_search_works_under_a_strict_content_security_policy(browser, csp_server):
    page = new_tab(browser)  # the policy is what this test is about
    problems = watch(page)
    violations: list[str] = []
    page.on("console", lambda m: violations.append(m.text) if "Content Security Policy" in m.text else None)
    try:
        # Locators only: the test's own waiting functions would be scripts the policy refuses.
        page.goto(address(csp_server, "en", ""))
        page.locator(SEARCH_INPUT).click()
        page.locator(SEARCH_INPUT).fill("fusion")
        expect(page.locator(SEARCH_META)).to_have_text(re.compile(r"^\d+ matching documents$"), timeout=15000)
        assert page.locator(f"{RESULTS} > li").count() >= 1
        page.wait_for_load_state("networkidle")
    finally:
        page.context.close()
    assert violations == [] and problems == []


def test_the_policy_check_sees_an_inline_handler(browser, csp_server):
    """The check above can fail: an inline event handler added to a page is refused and reported."""
    page = new_tab(browser)  # the policy is what this test is about
    violations: list[str] = []
    page.on("console", lambda m: violations.append(m.text) if "Content Security Policy" in m.text else None)
    try:
        page.goto(address(csp_server, "en", ""))
        page.evaluate("document.body.insertAdjacentHTML('beforeend', '<img src=\"x.png\" onerror=\"window.ran=1\">')")
        page.wait_for_timeout(500)
        assert page.evaluate("window.ran") is None
    finally:
        page.context.close()
    assert violations, "no policy violation was reported"
