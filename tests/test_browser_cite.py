"""The "cite" buttons, as a reader uses them: click, tap or press Enter on the cite button of a measure,
a box item, a progress item, a budget figure, a history statement and a page, in both languages, then
paste: the citation holds the item's exact words from the model, the overview's title and publisher,
the slide, the site's name, the item's absolute permanent address, the data's date and the date viewed,
in the page's language and nothing of the other's. It is announced (role=status) and shown. At 390 px
the keyboard reaches and operates it. Without JavaScript, the page shows the same citation (the page's
own, and the form of an item's, filled in here by hand as a reader would).

The site is built for publication (SITE_URL) and served on loopback, with its Content-Security-Policy
on; one test uses the site built for the preview, where the address comes from where the page is."""

from __future__ import annotations

import re

import pytest

from strategy_site.reading import load
from strategy_site.rendering import format as fmt
from strategy_site.rendering.render import page_title
from strategy_site.rendering.ui import ui
from strategy_site.structure import pages, urls
from strategy_site.structure.model import LANGS

from browser_site import WIDTHS, address, new_tab, open_page, pillar_path
from conftest import PUBLISHED_AT, serve_directory

pytestmark = pytest.mark.browser

JAPANESE = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uff01-\uff5e]")
CLIPBOARD = ["clipboard-read", "clipboard-write"]


@pytest.fixture(scope="module")
def published(published_site):
    """The site built for another host (SITE_URL set, as for publication), served on loopback."""
    with serve_directory(published_site) as url:
        yield url


@pytest.fixture(scope="module")
def data_date(published_site) -> str:
    return load.data_date(published_site.parent / "data")


def page_of(strategy, ident: str) -> str:
    """The address (from the language's root) of the page where an item stands."""
    source, _ = pages.where_shown(strategy, ident)
    return urls.page_url(source)


def kinds(strategy) -> dict[str, str]:
    """One item of each kind a reader cites: the first of each."""
    return {
        "measure": strategy.measures[0].id,
        "box_item": strategy.box_items[0].id,
        "progress_item": strategy.progress_items[0].id,
        "figure": strategy.figures[0].id,
        "about_statement": strategy.about_statements[0].id,
    }


def today(page) -> str:
    """The date in the browser, as the citation gives it (YYYY-MM-DD)."""
    return page.evaluate(
        "(() => { const d = new Date(); return [d.getFullYear(), d.getMonth() + 1, d.getDate()]"
        ".map(n => String(n).padStart(2, '0')).join('-'); })()"
    )


def operate(page, button, how: str) -> None:
    if how == "tap":
        button.tap()
    elif how == "enter":
        button.focus()
        page.keyboard.press("Enter")
    else:
        button.click()


def pasted_after(page, button, how: str, lang: str) -> str:
    """Use the button, wait for its confirmation (visible, and in a live region), and read the clipboard."""
    page.evaluate("navigator.clipboard.writeText('')")
    operate(page, button, how)
    status = button.locator("xpath=following-sibling::*[1]")
    status.filter(has_text=ui("cite_copied", lang)).wait_for()
    assert status.get_attribute("role") == "status"
    assert status.is_visible()
    return page.evaluate("navigator.clipboard.readText()")


def assert_reads_right(text: str, lang: str, strategy, quoted: str, where: str, data_date: str, viewed: str) -> None:
    opening, closing = ("「", "」") if lang == "ja" else ('"', '"')
    assert opening + quoted + closing in text, f"the words are not quoted as they are: {text}"
    for part in (strategy.source_title[lang], strategy.publication.official.publisher[lang], ui("site_name", lang)):
        assert part in text, f"{part!r} missing: {text}"
    assert where in text, f"not the absolute address {where}: {text}"
    assert data_date in text and text.rstrip(".]）)").endswith(viewed), f"dates: {text}"
    rest = text.replace(quoted, "")
    if lang == "en":
        assert not JAPANESE.search(rest), f"Japanese in an English citation: {text}"
    else:
        for word in (strategy.source_title.en, "Slide", "Available from", "viewed", "Cabinet Office"):
            assert word not in rest, f"{word!r} in a Japanese citation: {text}"


# How each is used: a mouse click, a tap on a phone, Enter from the keyboard.
HOW = {"measure": "click", "box_item": "tap", "progress_item": "enter", "figure": "click", "about_statement": "enter"}


@pytest.mark.parametrize("kind", HOW)
@pytest.mark.parametrize("lang", LANGS)
def test_citing_an_item_copies_its_citation(browser, published, strategy, data_date, lang, kind):
    ident = kinds(strategy)[kind]
    how = HOW[kind]
    page = new_tab(browser, width=WIDTHS["mobile" if how == "tap" else "desktop"], permissions=CLIPBOARD)
    try:
        open_page(page, address(published, lang, page_of(strategy, ident)))
        button = page.locator(f'button.cite-button[data-cite="{ident}"]')
        assert button.count() == 1, f"{kind} {ident}: {button.count()} cite buttons"
        name = button.get_attribute("aria-label")
        assert ident in name and ui("cite", lang) in name, f"the button's name: {name!r}"
        assert button.inner_text() == ui("cite", lang)
        text = pasted_after(page, button, how, lang)
        item = strategy.item(ident)
        words = strategy.item_text(ident)[lang]
        if kind == "figure":
            words += ui("label_sep", lang) + fmt.amount(item, lang)
        where = PUBLISHED_AT.rstrip("/") + urls.site_path(lang, urls.permalink_path(ident))
        assert_reads_right(text, lang, strategy, words, where, data_date, today(page))
        assert fmt.slide(item.slide, lang) in text, f"no slide: {text}"
    finally:
        page.context.close()


@pytest.mark.parametrize("how", ["click", "enter"])
@pytest.mark.parametrize("lang", LANGS)
def test_citing_a_page_copies_its_citation(browser, published, strategy, data_date, lang, how):
    pillar = strategy.pillars[0]
    page = new_tab(browser, permissions=CLIPBOARD)
    try:
        open_page(page, address(published, lang, pillar_path(pillar.id)))
        button = page.locator(".page-cite button.cite-button")
        title = pillar.name[lang]
        assert title in button.get_attribute("aria-label")
        text = pasted_after(page, button, how, lang)
        where = PUBLISHED_AT.rstrip("/") + urls.site_path(lang, pillar_path(pillar.id))
        assert_reads_right(text, lang, strategy, title, where, data_date, today(page))
    finally:
        page.context.close()


@pytest.mark.parametrize("lang", LANGS)
def test_on_the_preview_the_address_is_where_the_page_is(browser, server, strategy, lang):
    """Built without a published address, the site makes the item's permalink absolute from the page's."""
    measure = strategy.measures[-1]
    page = new_tab(browser, permissions=CLIPBOARD)
    try:
        open_page(page, address(server, lang, pillar_path(measure.pillar_id)))
        text = pasted_after(page, page.locator(f'button.cite-button[data-cite="{measure.id}"]'), "click", lang)
        assert address(server, lang, urls.permalink_path(measure.id)) + (", " if lang == "ja" else " ") in text
        assert measure.text[lang] in text
        text = pasted_after(page, page.locator(".page-cite button.cite-button"), "click", lang)
        assert address(server, lang, pillar_path(measure.pillar_id)) + (", " if lang == "ja" else " ") in text
    finally:
        page.context.close()


@pytest.mark.parametrize("lang", LANGS)
def test_the_keyboard_reaches_and_operates_cite_at_390_px(browser, published, strategy, lang):
    measure = strategy.measures[0]
    page = new_tab(browser, width=WIDTHS["mobile"], permissions=CLIPBOARD)
    try:
        open_page(page, address(published, lang, pillar_path(measure.pillar_id)))
        for _ in range(120):
            page.keyboard.press("Tab")
            if page.evaluate("document.activeElement.matches('button.cite-button')"):
                break
        else:
            raise AssertionError("Tab never reached a cite button")
        assert page.evaluate("document.activeElement.getAttribute('data-cite')") == measure.id
        box = page.evaluate(
            "(() => { const r = document.activeElement.getBoundingClientRect(); return [r.width, r.height]; })()"
        )
        assert min(box) >= 24, f"the cite button is {box} px, under 24 px"
        assert page.evaluate("document.documentElement.scrollWidth") <= WIDTHS["mobile"]
        page.keyboard.press("Enter")
        status = page.locator(f'button.cite-button[data-cite="{measure.id}"] + .cite-status')
        status.filter(has_text=ui("cite_copied", lang)).wait_for()
        assert measure.text[lang] in page.evaluate("navigator.clipboard.readText()")
    finally:
        page.context.close()


@pytest.mark.parametrize("lang", LANGS)
def test_without_javascript_the_page_holds_the_same_citations(browser, published, strategy, lang):
    """The page's citation and the form of an item's, shown without JavaScript, filled in by hand,
    are what the buttons copy (but for the date viewed, which the reader writes)."""
    measure = strategy.measures[0]
    path = address(published, lang, pillar_path(measure.pillar_id))
    plain = new_tab(browser, java_script_enabled=False)
    try:
        plain.goto(path)
        assert plain.locator("button.cite-button").count() == 0, "a cite button that cannot work"
        page_text = plain.locator(".page-cite__text").inner_text()
        plain.locator(".page-cite__how summary").click()
        form = plain.locator(".page-cite__form")
        assert form.is_visible()
        form_text = form.inner_text()
    finally:
        plain.context.close()
    page = new_tab(browser, permissions=CLIPBOARD)
    try:
        open_page(page, path)
        viewed = today(page)
        copied_page = pasted_after(page, page.locator(".page-cite button.cite-button"), "click", lang)
        copied_item = pasted_after(page, page.locator(f'button.cite-button[data-cite="{measure.id}"]'), "click", lang)
    finally:
        page.context.close()
    by_hand = ui("cite_gap_accessed", lang)

    def undated(text: str) -> str:
        head, _, tail = text.rpartition(viewed)  # the last date is the date viewed (the data's may be the same day)
        return head + by_hand + tail

    assert undated(copied_page) == page_text
    filled = (
        form_text.replace(ui("cite_gap_text", lang), measure.text[lang])
        .replace(ui("cite_gap_slide", lang), str(measure.slide))
        .replace(ui("cite_gap_id", lang), measure.id)
    )
    assert undated(copied_item) == filled
    assert page_title(strategy, pages.site_pages(strategy)[1], lang) in page_text


@pytest.mark.parametrize("lang", LANGS)
def test_a_parallel_view_cites_in_its_frames_language(browser, published, strategy, data_date, lang):
    """A parallel view holds each item in both languages; its cite buttons stand beside the items of the
    frame's language (whose patterns the page gives), and copy the citation in that language."""
    measure = strategy.measures[0]
    page = new_tab(browser, permissions=CLIPBOARD)
    try:
        view = pages.parallel_page(
            pages.Page(pages.PAGE_TYPE["pillar"], pages.pillar(measure.pillar_id), measure.pillar_id)
        )
        open_page(page, address(published, lang, view.url))
        own = page.locator(f'.parallel__cell[lang="{lang}"] a.copy-link[data-quote]')
        assert own.count() > 0
        assert page.locator("button.cite-button[data-cite]").count() == own.count()
        other = "en" if lang == "ja" else "ja"
        assert page.locator(f'.parallel__cell[lang="{other}"] button.cite-button').count() == 0
        button = page.locator(f'.parallel__cell[lang="{lang}"] button.cite-button[data-cite="{measure.id}"]')
        text = pasted_after(page, button, "click", lang)
        where = PUBLISHED_AT.rstrip("/") + urls.site_path(lang, urls.permalink_path(measure.id))
        assert_reads_right(text, lang, strategy, measure.text[lang], where, data_date, today(page))
    finally:
        page.context.close()
