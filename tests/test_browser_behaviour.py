"""The built site in a real browser, used as readers use it: search in both languages, switching
language without losing one's place, nothing loaded from other hosts, phones, and screenshots of
every page type for people to look at (written to screenshots/, which git ignores).
"""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from strategy_site.structure import pages, urls
from strategy_site.structure.model import LANGS

from browser_site import (
    SCREENSHOTS,
    WIDTHS,
    address,
    new_tab,
    open_page,
    open_search,
    pillar_path,
    search,
    switch_language,
    visit,
)
from conftest import site_pages

pytestmark = pytest.mark.browser


# -- Search: type into the search box and read the result list.

QUERIES = [
    ("ja", "フュージョン"),
    ("ja", "博士人材"),
    ("ja", "オープンアクセス"),
    ("en", "Moonshot"),
    ("en", "fusion"),
    ("en", "startups"),
]


def pillar_site_path(lang: str, pillar_id: str) -> str:
    return urls.site_path(lang, pillar_path(pillar_id))


@pytest.mark.parametrize(("lang", "query"), QUERIES)
def test_search_puts_the_page_of_the_measure_that_says_it_in_the_first_three(search_tabs, strategy, lang, query):
    expected = {pillar_site_path(lang, m.pillar_id) for m in strategy.measures if query.lower() in m.text[lang].lower()}
    assert expected, f"no measure says {query!r} in {lang} any more: choose another query"
    found = search(search_tabs(lang), query)
    assert expected <= set(found), f"{query!r}: expected {sorted(expected)} among the first three, got {found}"


# A measure's own words, as a reader would pick them: split at spaces, punctuation and where the script
# changes (kanji, hiragana, katakana, Latin letters and digits), then segmented with TinySegmenter
# (Material ships it; Pagefind segments Japanese with its own dictionary, when indexing and when
# searching). Kept: words of 2+ characters that are not only hiragana (particles), digits or
# punctuation; Latin words of 4+ letters (not "the", "and").
SEPARATOR = (
    r"[\s\-　、。，．・]+|(?<=[\u4e00-\u9fff])(?=[\u3040-\u30ffA-Za-z0-9])"
    r"|(?<=[\u3040-\u309f])(?=[\u30a0-\u30ff\u4e00-\u9fffA-Za-z0-9])"
    r"|(?<=[\u30a0-\u30ff])(?=[\u3040-\u309f\u4e00-\u9fffA-Za-z0-9])|(?<=[A-Za-z0-9])(?=[\u3040-\u30ff\u4e00-\u9fff])"
)
WORDS = """([texts, separator]) => {
  const segmenter = new lunr.TinySegmenter(), split = new RegExp(separator);
  return texts.map(text => text.split(split).flatMap(part => part ? segmenter.segment(part) : [])
    .map(w => w.toLowerCase().trim())
    .filter(w => (/^[a-z0-9]+$/.test(w) ? w.length >= 4 : w.length >= 2) && !/^[\\u3040-\\u309f]+$/.test(w)
                 && !/^[0-9]+$/.test(w) && !/^[\\p{P}\\p{S}]+$/u.test(w)));
}"""


@pytest.fixture(scope="module")
def words_of(browser, site: Path):
    """A function: texts -> their words, tokenized in the browser with Material's tinyseg.js."""
    page = new_tab(browser)
    page.evaluate("window.lunr = {}")
    page.add_script_tag(content=(site / "assets" / "javascripts" / "lunr" / "tinyseg.js").read_text("utf-8"))
    yield lambda texts: page.evaluate(WORDS, [list(texts), SEPARATOR])
    page.context.close()


@pytest.mark.parametrize("lang", LANGS)
def test_a_measures_own_words_find_its_pillar_page(search_tabs, words_of, strategy, measure_id, lang):
    """The words of a measure that no other pillar uses (up to three) find the measure's pillar page
    among the first three results; a measure with no such words is searched by its whole text."""
    measure = strategy.measure(measure_id)
    others = [
        t[lang]
        for p in strategy.pillars
        if p.id != measure.pillar_id
        for t in (p.name, *(g.title for g in p.groups), *(m.text for g in p.groups for m in g.measures))
    ]
    taken = {w for words in words_of(others) for w in words}
    own = list(dict.fromkeys(w for w in words_of([measure.text[lang]])[0] if w not in taken))
    query = " ".join(own[:3]) or measure.text[lang]
    found = search(search_tabs(lang), query)
    expected = pillar_site_path(lang, measure.pillar_id)
    assert expected in found, f"{measure_id} ({lang}) searched as {query!r}: {expected} not in the first three {found}"


def test_search_finds_words_that_mix_kanji_and_katakana(search_tabs, strategy):
    """研究セキュリティ and 共用化の推進 are written with no space between the words; Pagefind
    segments Japanese when it indexes and when it searches, so they find the pages that say them."""
    found = search(search_tabs("ja"), "研究セキュリティ", count=10)
    assert urls.site_path("ja", urls.page_url(pages.SOURCE["progress"])) in found, found
    measure = next(m for m in strategy.measures if "共用化の推進" in m.text.ja)
    assert pillar_site_path("ja", measure.pillar_id) in search(search_tabs("ja"), "共用化の推進"), measure.id


# -- Switching language keeps the page and the place on it.


def in_view(page, ident: str) -> bool:
    return page.evaluate(
        "id => { const r = document.getElementById(id).getBoundingClientRect();"
        " return r.top >= 0 && r.top < window.innerHeight; }",
        ident,
    )


@pytest.mark.parametrize("width", WIDTHS.values(), ids=WIDTHS.keys())
def test_language_switch_keeps_the_page_and_the_measure(browser, server, strategy, pillar_id, width):
    measure = [m for m in strategy.measures if m.pillar_id == pillar_id][-1]  # the last: far down the page
    page = new_tab(browser, width=width)
    try:
        open_page(page, address(server, "ja", pillar_path(pillar_id)) + "#" + measure.id)
        assert in_view(page, measure.id)
        for lang in ("en", "ja"):
            switch_language(page, lang)
            where = urlsplit(page.url)
            assert (where.path, where.fragment) == (urls.site_path(lang, pillar_path(pillar_id)), measure.id), page.url
            assert page.evaluate("document.documentElement.lang") == lang
            assert in_view(page, measure.id), f"{page.url}: the measure is not on the screen"
    finally:
        page.context.close()


# -- Offline: nothing is requested from any host but the site's own.


def origin(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}"


def record_requests(page) -> list[str]:
    """Every URL the page's context requests from now on. Requests for hosts other than 127.0.0.1
    are recorded and then stopped before they leave the machine."""
    requested: list[str] = []
    page.context.on("request", lambda request: requested.append(request.url))
    page.context.route(lambda url: urlsplit(url).hostname not in ("127.0.0.1", None), lambda route: route.abort())
    return requested


def elsewhere(requested: list[str], server: str, site: Path) -> list[str]:
    """The requests that went anywhere but to the site itself: where it is served, or the address it
    was built for (site_url; Material looks for a sitemap.xml beside each alternate page there)."""
    site_url = re.search(r'<link rel="canonical" href="([^"]+)"', (site / "index.html").read_text("utf-8")).group(1)
    own = {origin(server), origin(site_url)}
    return sorted(
        {
            url
            for url in requested
            if urlsplit(url).scheme not in ("data", "blob")
            and (urlsplit(url).hostname != "127.0.0.1" or origin(url) not in own)
        }
    )


def test_no_page_requests_anything_from_another_host(browser, server, site: Path, strategy):
    page = new_tab(browser)
    requested = record_requests(page)
    try:
        for lang in LANGS:
            for site_page in site_pages(strategy):
                page.goto(address(server, lang, site_page.path))  # requests made later are recorded too
            measure = strategy.measures[0]
            page.goto(address(server, lang, urls.permalink_path(measure.id)), wait_until="networkidle")
            assert urlsplit(page.url).fragment == measure.id, "the permalink did not lead to its measure"
            open_search(page)
            assert search(page, "fusion")
            page.wait_for_load_state("networkidle")
    finally:
        page.context.close()
    foreign = elsewhere(requested, server, site)
    assert not foreign, "requests to other hosts:\n" + "\n".join(foreign)
    # The recording saw what the pages load (so an empty list above means something).
    seen = {urlsplit(url).path.rsplit("/", 1)[-1] for url in requested}
    for name in ("extra.css", "extra.js", "search.js", "search-dialog.js", "pagefind.js", "pagefind-worker.js"):
        assert name in seen, f"{name} was not among the recorded requests"


def test_the_offline_check_sees_a_request_to_another_host(browser, server, site: Path):
    """The check above can fail: a picture from another host on a page is caught (and stopped)."""
    page = new_tab(browser)
    requested = record_requests(page)
    try:
        open_page(page, address(server, "ja", ""))
        page.evaluate(
            "document.body.insertAdjacentHTML('beforeend', '<img src=\"http://offline-check.invalid/a.png\">')"
        )
        page.wait_for_load_state("networkidle")
    finally:
        page.context.close()
    assert elsewhere(requested, server, site) == ["http://offline-check.invalid/a.png"]


# -- Phones (390 px wide).

VIEWPORT_META = "document.querySelector('meta[name=viewport]')?.content || ''"

LAYOUT = """() => {
  const root = document.documentElement;
  const tables = [...document.querySelectorAll('.md-content table')].map(t => {
    const box = t.closest('.table-wrap, .md-typeset__scrollwrap');
    const style = box && getComputedStyle(box);
    return {html: t.outerHTML.slice(0, 80), wrapped: !!box,
            scrolls: !!style && ['auto', 'scroll'].includes(style.overflowX),
            inside: !!box && box.getBoundingClientRect().right <= root.clientWidth + 0.5,
            wider: t.scrollWidth > (box ? box.clientWidth : root.clientWidth)};
  });
  const small = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const e = node.parentElement;
    if (!node.textContent.trim() || !e
        || !e.checkVisibility({opacityProperty: true, visibilityProperty: true})) continue;
    // Body text: not the (closed) search dialog nor icons; the budget chart's labels at the size
    // they are drawn (the chart's scale times their font size).
    if (e.closest('script, style, .md-search') || !e.getClientRects().length) continue;
    const chart = e.closest('svg.chart');
    if (e.closest('svg') && !chart) continue;
    const scale = chart ? chart.getBoundingClientRect().width / chart.viewBox.baseVal.width : 1;
    const size = parseFloat(getComputedStyle(e).fontSize) * scale;
    if (size < 12)
      small.push(`${e.tagName}.${e.className} ${size.toFixed(1)}px: ${node.textContent.trim().slice(0, 30)}`);
  }
  return {scrollWidth: root.scrollWidth, clientWidth: root.clientWidth, tables,
          small: [...new Set(small)].slice(0, 15)};
}"""


@pytest.mark.parametrize("lang", LANGS)
def test_phone_pages_fit_the_screen_and_are_readable(tabs, server, site_page, lang):
    page = visit(tabs, server, lang, site_page.path, width=WIDTHS["mobile"])
    meta = page.evaluate(VIEWPORT_META).replace(" ", "")
    assert "width=device-width" in meta and "initial-scale=1" in meta and "user-scalable=no" not in meta, meta
    layout = page.evaluate(LAYOUT)
    assert layout["clientWidth"] == WIDTHS["mobile"], "the page is not laid out for the phone's width"
    assert layout["scrollWidth"] <= layout["clientWidth"], (
        f"the page scrolls sideways: {layout['scrollWidth']} px wide on a {layout['clientWidth']} px screen"
    )
    for table in layout["tables"]:
        assert table["wrapped"] and table["scrolls"] and table["inside"], (
            f"a table that cannot scroll by itself: {table}"
        )
    assert not layout["small"], "text under 12 px:\n" + "\n".join(layout["small"])


def test_the_phone_check_sees_a_page_that_is_too_wide(tabs, server):
    """The check above can fail: a page given a 600 px wide picture scrolls sideways."""
    page = visit(tabs, server, "ja", "", width=WIDTHS["mobile"])
    # Sized through the CSSOM: the page's policy refuses a style="" attribute that has no hash.
    page.evaluate(
        "() => { const wide = document.createElement('div'); wide.style.width = '600px';"
        " wide.style.height = '10px'; document.querySelector('.md-content__inner').appendChild(wide); }"
    )
    layout = page.evaluate(LAYOUT)
    assert layout["scrollWidth"] > layout["clientWidth"]


# -- Screenshots for people to look at.


@pytest.mark.parametrize("width_name", WIDTHS)
@pytest.mark.parametrize("lang", LANGS)
def test_screenshot_of_every_page_type(tabs, server, page_of_kind, lang, width_name):
    width = WIDTHS[width_name]
    page = visit(tabs, server, lang, page_of_kind.path, width=width)
    SCREENSHOTS.mkdir(exist_ok=True)
    path = SCREENSHOTS / f"{page_of_kind.kind}-{lang}-{width}.png"
    data = page.screenshot(path=path, full_page=True, animations="disabled")
    assert path.read_bytes() == data and data[:8] == b"\x89PNG\r\n\x1a\n"
    assert int.from_bytes(data[16:20], "big") == width  # IHDR: the picture is as wide as the screen
