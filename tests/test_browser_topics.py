"""Topics in a real browser, with the pages' Content-Security-Policy on (issue 26): a topic's page at
1280 and 390 px in both languages, its links to where each item stands and to its permalink; and the
search narrowed by topic, pillar and slide with the keyboard, the narrowing kept in the address, and
that address opened by someone else."""

from __future__ import annotations

import re
from urllib.parse import parse_qs, urlsplit

import pytest

from strategy_site.rendering.ui import ui
from strategy_site.structure import pages, urls

from browser_site import (
    COUNTED,
    RESULTS,
    SCREENSHOTS,
    SEARCH_INPUT,
    SEARCH_META,
    WIDTHS,
    address,
    new_tab,
    open_page,
    open_search,
    result_links,
    settle,
    site_path_of,
    wait_until,
)

pytestmark = pytest.mark.browser

TOPIC = "startups"  # a topic with items on slide 1 and slide 3, under one pillar


def _results(page) -> list[str]:
    """The result pages once the search has answered and its list has stopped changing (each key
    press in a list of choices starts a search; only the last one's answer stays)."""
    wait_until(page, f"{COUNTED}.test(document.querySelector('{SEARCH_META}').textContent)", timeout=15000)
    before = None
    for _ in range(50):
        now = (page.locator(SEARCH_META).inner_text(), result_links(page))
        if now == before:
            break
        before = now
        page.wait_for_timeout(400)
    settle(page)
    return [site_path_of(href) for href in result_links(page)]


NOT_INDEXED = ("summary", "topic")  # the page types left out of the search (they repeat the others' texts)


def _pages_with(strategy, lang: str, key: str, value: str) -> set[str]:
    """The site paths of the indexed pages that carry a filter's value (pages.search_filters)."""
    return {
        urls.site_path(lang, p.url)
        for p in pages.site_pages(strategy)
        if value in pages.search_filters(strategy, p)[key] and p.type.name not in NOT_INDEXED
    }


@pytest.mark.parametrize("lang", ["ja", "en"])
@pytest.mark.parametrize("width", [WIDTHS["desktop"], WIDTHS["mobile"]])
def test_a_topic_page_lists_its_items_and_leads_to_them(browser, server, strategy, lang: str, width: int) -> None:
    page = new_tab(browser, width=width)
    errors: list[str] = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" and "sitemap" not in m.text else None)
    try:
        topic = strategy.topic(TOPIC)
        open_page(page, address(server, lang, f"topics/{TOPIC}/"))
        assert page.locator("h1").inner_text().startswith(ui("topic_title", lang, name=topic.name[lang]))
        # Nothing scrolls sideways, also on a phone.
        assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
        entries = page.locator("ul.topic-items > li")
        assert entries.count() == strategy.topic_count(TOPIC)
        shot = SCREENSHOTS / f"topic-{TOPIC}-{lang}-{width}.png"
        shot.parent.mkdir(exist_ok=True)
        page.screenshot(path=str(shot), full_page=True)
        # The first measure's permalink leads to the measure on its pillar's page.
        measure = next(m for m in strategy.measures if TOPIC in m.topics)
        link = page.locator(f"a[href$='/m/{measure.id}/']")
        link.scroll_into_view_if_needed()
        link.click()
        page.wait_for_url(re.compile(re.escape(f"pillars/{measure.pillar_id}/#{measure.id}") + "$"))
        # Back on the topic page, "where it stands" leads there as well.
        page.go_back()
        there = page.locator(f"a[href$='pillars/{measure.pillar_id}/#{measure.id}']").first
        there.click()
        page.wait_for_url(re.compile(re.escape(f"pillars/{measure.pillar_id}/#{measure.id}") + "$"))
        # The index leads to the topic, with its count.
        open_page(page, address(server, lang, "topics/"))
        row = page.locator(".topics-index table tr", has=page.locator(f"a[href$='{TOPIC}/']"))
        assert row.locator("td").nth(1).inner_text() == str(strategy.topic_count(TOPIC))
        assert errors == []
    finally:
        page.context.close()


def _choose(page, key: str, value: str) -> None:
    """Choose a value in one of the search's narrowing lists with the keyboard alone: Tab to it from the
    search box, then the arrow keys until it shows the value."""
    select = page.locator(f".site-search__filters select[data-filter='{key}']")
    wait_until(page, "!document.querySelector('.site-search__filters').hidden")
    page.locator(SEARCH_INPUT).focus()
    for _ in range(12):
        if page.evaluate("k => document.activeElement.getAttribute('data-filter') === k", key):
            break
        page.keyboard.press("Tab")
    assert page.evaluate("k => document.activeElement.getAttribute('data-filter') === k", key), key
    values = select.evaluate("s => [...s.options].map(o => o.value)")
    steps = values.index(value) - values.index(select.input_value())
    for _ in range(abs(steps)):
        page.keyboard.press("ArrowDown" if steps > 0 else "ArrowUp")
    assert select.input_value() == value


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_the_search_narrows_by_topic_pillar_and_slide_and_the_address_shares_it(
    browser, server, strategy, lang: str
) -> None:
    page = new_tab(browser)
    try:
        open_page(page, address(server, lang, ""))
        open_search(page)
        # The lists are labelled in the page's language.
        labels = page.locator(".site-search__filters label").evaluate_all(
            "ls => ls.map(l => l.firstChild.textContent.trim())"
        )
        assert labels == [ui(f"search_{k}", lang) for k in pages.SEARCH_FILTERS]
        # Unnarrowed, a query finds pages of other topics too.
        query = "SBIR" if lang == "ja" else "startups"
        page.locator(SEARCH_INPUT).fill(query)
        unnarrowed = set(_results(page))
        _choose(page, "topic", TOPIC)
        narrowed = _results(page)
        allowed = _pages_with(strategy, lang, "topic", TOPIC)
        # Narrowed: only pages of the topic, where the query alone found others too.
        assert narrowed and set(narrowed) <= allowed and unnarrowed - allowed
        # The address says what is searched and how it is narrowed.
        asked = parse_qs(urlsplit(page.url).query)
        assert asked == {"q": [query], "topic": [TOPIC]}
        shared = page.url
        if lang == "ja":
            shot = SCREENSHOTS / f"search-topic-{lang}-1280.png"
            shot.parent.mkdir(exist_ok=True)
            page.screenshot(path=str(shot))
        # By slide, with no words typed: every page of slide 2 and nothing else.
        page.locator(SEARCH_INPUT).fill("")
        _choose(page, "topic", "")
        _choose(page, "slide", "2")
        assert set(_results(page)) == _pages_with(strategy, lang, "slide", "2")
        assert parse_qs(urlsplit(page.url).query) == {"slide": ["2"]}
        # By pillar.
        _choose(page, "slide", "")
        pillar = strategy.pillars[-1].id
        _choose(page, "pillar", pillar)
        assert set(_results(page)) == _pages_with(strategy, lang, "pillar", pillar)
        # Closed, the page's address is its own again.
        page.keyboard.press("Escape")
        wait_until(page, "!document.getElementById('__search').checked")
        assert urlsplit(page.url).query == ""
    finally:
        page.context.close()
    # Someone opens the shared address: the search is open, narrowed as it was, with the same results.
    for width in (WIDTHS["desktop"], WIDTHS["mobile"]):
        other = new_tab(browser, width=width)
        try:
            response = other.goto(shared)
            assert response is not None and response.ok
            wait_until(other, "document.getElementById('__search').checked", timeout=15000)
            wait_until(other, "!document.querySelector('.site-search__filters').hidden", timeout=15000)
            assert other.locator(SEARCH_INPUT).input_value() == query
            assert other.locator(".site-search__filters select[data-filter='topic']").input_value() == TOPIC
            assert _results(other) == narrowed
            assert other.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
            # Each list of choices is whole on the screen, also on a phone (a fieldset grows to its widest
            # choice unless told otherwise).
            # (A phone's layout viewport grows with what overflows it: the tab's width is the screen's.)
            assert other.evaluate(
                "w => [...document.querySelectorAll('.site-search__filters select')]"
                ".every(s => s.getBoundingClientRect().right <= w)",
                width,
            )
            shot = SCREENSHOTS / f"search-topic-shared-{lang}-{width}.png"
            shot.parent.mkdir(exist_ok=True)
            other.screenshot(path=str(shot))
            assert other.locator(f"{RESULTS} > li").count() == len(narrowed)
        finally:
            other.context.close()
