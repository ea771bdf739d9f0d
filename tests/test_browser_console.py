"""What the browser itself reports: no console error, no uncaught exception, no failed request and
no 4xx/5xx response on any page, in both languages, light and dark, at 1280 and 390 px, also after
using the language switch, the colour toggle, search and copy-link. And no request leaves the site:
not to the address it was built for (site_url), not to any other host.
"""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest
from playwright.sync_api import expect

from strategy_site.structure.model import LANGS

from browser_site import (
    SCHEMES,
    WIDTHS,
    Recorder,
    address,
    new_tab,
    open_page,
    pillar_path,
    settle,
    switch_language,
    wait_until,
)
from conftest import PUBLISHED_AT, serve_directory

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def published(published_site):
    """The site built for another host (SITE_URL set, as for publication), served on loopback."""
    with serve_directory(published_site) as url:
        yield url


@pytest.fixture(scope="module")
def recorded_tabs(browser, published):
    """One recorded tab per (scheme, width), reused across the pages."""
    tabs: dict = {}

    def get(scheme: str, width: int):
        if (scheme, width) not in tabs:
            page = new_tab(browser, scheme, width, permissions=["clipboard-read", "clipboard-write"])
            tabs[(scheme, width)] = (page, Recorder(page.context, published))
        return tabs[(scheme, width)]

    yield get
    for page, _ in tabs.values():
        page.context.close()


def quiet(page) -> None:
    """Wait until the page has stopped loading (the search worker and its index included)."""
    page.wait_for_load_state("networkidle")
    settle(page)


@pytest.mark.parametrize("width", WIDTHS.values(), ids=WIDTHS.keys())
@pytest.mark.parametrize("scheme", SCHEMES)
@pytest.mark.parametrize("lang", LANGS)
def test_page_loads_without_console_error_or_failed_request(recorded_tabs, published, site_page, lang, scheme, width):
    page, recorder = recorded_tabs(scheme, width)
    recorder.take()
    open_page(page, address(published, lang, site_page.path), scheme)
    quiet(page)
    problems = recorder.take()
    assert not problems, f"{lang} /{site_page.path} ({scheme}, {width}px):\n" + "\n".join(problems)


def use_search(page, query: str) -> None:
    """Search as a keyboard user does, whatever the search control: '/' opens it, then type and
    wait a moment for the results; Escape closes it."""
    page.locator("article h1").first.click()  # the focus off any control (the colour switch keeps it)
    page.keyboard.press("/")
    # Type only once the search box has the focus: keys typed into the page are Material's shortcuts
    # (n and p go to the next and previous page), and "Moonshot" holds an n.
    expect(page.locator("input.md-search__input")).to_be_focused(timeout=10_000)
    page.keyboard.type(query)
    page.wait_for_timeout(1500)
    quiet(page)
    page.keyboard.press("Escape")


def toggle_colour(page) -> None:
    """Click the colour switch's visible label (Material shows the one for the other scheme)."""
    before = page.evaluate("document.body.getAttribute('data-md-color-scheme')")
    page.locator("form.md-header__option label:not([hidden])").first.click()
    wait_until(page, "s => document.body.getAttribute('data-md-color-scheme') !== s", arg=before)
    settle(page)


@pytest.mark.parametrize("width", WIDTHS.values(), ids=WIDTHS.keys())
@pytest.mark.parametrize("scheme", SCHEMES)
@pytest.mark.parametrize("lang", LANGS)
def test_using_the_controls_logs_no_error_and_fails_no_request(browser, published, strategy, lang, scheme, width):
    measure = strategy.measures[-1]
    other = next(other for other in LANGS if other != lang)
    page = new_tab(browser, scheme, width, permissions=["clipboard-read", "clipboard-write"])
    recorder = Recorder(page.context, published)
    try:
        open_page(page, address(published, lang, pillar_path(measure.pillar_id)) + "#" + measure.id, scheme)
        quiet(page)
        toggle_colour(page)
        link = page.locator(f"#{measure.id} a.copy-link").first
        link.click()
        page.locator(f"#{measure.id} .copy-link__status").filter(
            has_text="コピーしました" if lang == "ja" else "Copied"
        ).wait_for()
        use_search(page, {"ja": "フュージョン", "en": "fusion"}[lang])
        switch_language(page, other)
        quiet(page)
        assert urlsplit(page.url).fragment == measure.id, f"the language switch lost the anchor: {page.url}"
        assert page.evaluate("document.documentElement.lang") == other
        toggle_colour(page)
        use_search(page, {"ja": "博士人材", "en": "Moonshot"}[other])
        switch_language(page, lang)
        quiet(page)
        assert urlsplit(page.url).fragment == measure.id, f"the language switch lost the anchor: {page.url}"
    finally:
        page.context.close()
    problems = recorder.take()
    assert recorder.responses > 10, "the recorder saw no responses: it was not listening"
    assert not problems, f"{lang} ({scheme}, {width}px):\n" + "\n".join(problems)


def test_the_recorder_catches_an_error_a_missing_file_and_another_host(browser, published):
    """The checks above can fail: a console error, an exception, a 404 and a request to another
    host are each reported."""
    # bypass_csp: the page's policy would stop the request to another host before it is made (its
    # own job, checked by test_browser_csp.py); this test is about the recorder seeing one.
    page = new_tab(browser, bypass_csp=True)
    recorder = Recorder(page.context, published)
    try:
        open_page(page, address(published, "ja", ""))
        quiet(page)
        assert recorder.take() == []
        page.evaluate("""() => {
            console.error('made-up error');
            setTimeout(() => { throw new Error('made-up exception'); });
            fetch('no-such-file.json').catch(() => null);
            document.body.insertAdjacentHTML('beforeend', '<img src="https://elsewhere.invalid/a.png">');
        }""")
        page.wait_for_timeout(500)
        quiet(page)
    finally:
        page.context.close()
    problems = "\n".join(recorder.take())
    for expected in (
        "made-up error",
        "made-up exception",
        "404: " + published + "no-such-file.json",
        "another host: https://elsewhere.invalid/a.png",
    ):
        assert expected in problems, f"{expected!r} not reported in:\n{problems}"


def test_without_the_fix_material_would_fetch_a_sitemap_from_the_published_host(browser, published):
    """What extra.js prevents: with the alternates in Material's sight when the page has loaded,
    Material asks the site_url host for a sitemap.xml beside each alternate."""
    # bypass_csp: the policy's connect-src would block that request (and report a console error
    # instead); what this test shows is the request Material makes without the fix.
    page = new_tab(browser, bypass_csp=True)
    recorder = Recorder(page.context, published)
    # Material's script, loaded before extra.js, subscribes to the page's load; with extra.js
    # replaced by nothing, it sees the alternates.
    page.context.route(
        "**/assets/extra.js", lambda route: route.fulfill(status=200, body="", content_type="text/javascript")
    )
    try:
        page.goto(address(published, "ja", "budget/"))
        quiet(page)
    finally:
        page.context.close()
    problems = "\n".join(recorder.take())
    assert f"another host: {PUBLISHED_AT}budget/sitemap.xml" in problems, problems
