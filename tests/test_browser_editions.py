"""Issue 27, editions, in the browser (the Content-Security-Policy on, as a reader's browser has it), on the
site of two editions (the fictional 2026 edition added to the project's data: tests/editions_site.py):
an address published for 2025 keeps its #anchor and shows the 2025 text; the front door leads to the current
edition; an old edition's page says so at the top; the edition switch keeps the reader's place, by mouse and
by keyboard at 390 px; the search covers the current edition unless asked, and names each result's edition;
the what-changed page and an old page pass axe."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

import pytest
from editions_site import FIRST, SECOND
from test_browser_a11y import axe_violations, report

from strategy_site.rendering.ui import ui
from strategy_site.structure import urls
from strategy_site.structure.model import LANGS

from browser_site import (
    RESULTS,
    SEARCH_INPUT,
    WIDTHS,
    new_tab,
    open_page,
    open_search,
    result_links,
    search,
    site_path_of,
    wait_until,
)

PILLAR = "advanced-science-and-technology"
# Measures of 2025 and where the crosswalk of the fictional edition takes them in 2026.
REVISED_SAME_ID = ("ai-and-next-generation-ict", f"pillars/{PILLAR}/", "ai-and-next-generation-ict")
REVISED_NEW_ID = ("k-program-rd-support", f"pillars/{PILLAR}/", "k-program-rd-support-strengthened")
SPLIT = ("quantum-fusion-materials-bio", f"pillars/{PILLAR}/", "quantum-and-fusion-rd")
MERGED = ("global-startup-campus", "pillars/innovation-ecosystem/", "open-innovation-and-startup-campus")


def at(server: str, lang: str, path: str) -> str:
    return server.rstrip("/") + urls.site_path(lang, path)


def landed(page, lang: str, path: str) -> None:
    """Wait until the tab shows `path` (after any redirect: the URL as Playwright sees it, no script in the
    page, which a navigation would cut short), the page loaded."""
    want = urls.site_path(lang, path)

    def there(url: str) -> bool:
        parts = urlsplit(url)
        return parts.path + (f"#{parts.fragment}" if parts.fragment else "") == want

    page.wait_for_url(there, timeout=15000)
    page.wait_for_load_state("load")


@pytest.fixture
def tab(browser):
    page = new_tab(browser)
    yield page
    page.context.close()


@pytest.fixture
def phone(browser):
    page = new_tab(browser, width=WIDTHS["mobile"])
    yield page
    page.context.close()


@pytest.mark.parametrize("lang", LANGS)
def test_an_address_of_2025_keeps_its_anchor_and_shows_the_2025_text(tab, editions_server, lang) -> None:
    ident = REVISED_NEW_ID[0]
    tab.goto(at(editions_server, lang, f"pillars/{PILLAR}/#{ident}"))
    landed(tab, lang, f"{FIRST}/pillars/{PILLAR}/#{ident}")
    assert tab.locator(f"[id='{ident}']").count() == 1
    banner = tab.locator(".edition-banner")
    assert banner.is_visible() and SECOND in banner.inner_text()
    # A permalink of the time: /m/<id>/ leads to the item in the 2025 edition.
    tab.goto(at(editions_server, lang, f"m/{ident}/"))
    landed(tab, lang, f"{FIRST}/pillars/{PILLAR}/#{ident}")


@pytest.mark.parametrize("lang", LANGS)
def test_the_front_door_leads_to_the_current_edition(tab, editions_server, lang) -> None:
    tab.goto(at(editions_server, lang, ""))
    landed(tab, lang, f"{SECOND}/")
    assert tab.locator(".edition-banner").count() == 0
    assert tab.locator(".edition-switch [aria-current=page]").inner_text().startswith(SECOND)
    # ... but an anchor of the 2025 home, as published, leads to it in the 2025 edition.
    tab.goto(at(editions_server, lang, "#aim"))
    landed(tab, lang, f"{FIRST}/#aim")


@pytest.mark.parametrize(
    "moved", [REVISED_SAME_ID, REVISED_NEW_ID, SPLIT, MERGED], ids=["revised", "renamed", "split", "merged"]
)
@pytest.mark.parametrize("lang", LANGS)
def test_the_switch_leads_to_the_same_measure_in_the_other_edition(tab, editions_server, lang, moved) -> None:
    old, page_path, new = moved
    old_page = f"pillars/{PILLAR}/" if old != MERGED[0] else "pillars/innovation-ecosystem/"
    open_page(tab, at(editions_server, lang, f"{FIRST}/{old_page}#{old}"))
    tab.locator(f".edition-switch a[data-edition-to='{SECOND}']").click()
    landed(tab, lang, f"{SECOND}/{page_path}#{new}")
    # ... and back: the measure it continues (a merged one: the first of those it continues).
    back = "industry-academia-open-innovation" if moved is MERGED else old
    tab.locator(f".edition-switch a[data-edition-to='{FIRST}']").click()
    landed(tab, lang, f"{FIRST}/{old_page}#{back}")


@pytest.mark.parametrize("lang", LANGS)
def test_the_switch_at_the_top_of_a_page_goes_to_the_same_page(tab, editions_server, lang) -> None:
    open_page(tab, at(editions_server, lang, f"{FIRST}/measures/"))
    tab.locator(f".edition-switch a[data-edition-to='{SECOND}']").click()
    landed(tab, lang, f"{SECOND}/measures/")
    # A page the other edition lacks leads to its home: the first edition has no page of what changed.
    open_page(tab, at(editions_server, lang, f"{SECOND}/changes/"))
    tab.locator(f".edition-switch a[data-edition-to='{FIRST}']").click()
    landed(tab, lang, f"{FIRST}/")


@pytest.mark.parametrize("lang", LANGS)
def test_at_390_px_the_banner_is_at_the_top_and_the_keyboard_reaches_the_switch(phone, editions_server, lang):
    open_page(phone, at(editions_server, lang, f"{FIRST}/pillars/{PILLAR}/"))
    banner = phone.locator(".edition-banner").bounding_box()
    assert banner and banner["y"] < 450 and banner["x"] >= 0 and banner["x"] + banner["width"] <= WIDTHS["mobile"]
    assert phone.evaluate("document.documentElement.scrollWidth") <= WIDTHS["mobile"]
    wanted = f"a[data-edition-to='{SECOND}']"
    for _ in range(40):
        phone.keyboard.press("Tab")
        if phone.evaluate(
            "s => document.activeElement.matches(s)", f".edition-banner {wanted}, .edition-switch {wanted}"
        ):
            break
    else:
        raise AssertionError("40 presses of Tab never reached a link to the 2026 edition")
    phone.keyboard.press("Enter")
    landed(phone, lang, f"{SECOND}/pillars/{PILLAR}/")


@pytest.mark.parametrize("lang", LANGS)
def test_the_search_covers_the_current_edition_unless_asked_and_names_each_results_edition(
    tab, editions_server, lang
) -> None:
    open_page(tab, at(editions_server, lang, f"{FIRST}/"))
    open_search(tab)
    query = "SBIR"  # a measure both editions have, word for word
    search(tab, query, count=20)
    found = [site_path_of(h) for h in result_links(tab)]
    prefix = "/" + urls.LANG_PREFIX[lang]
    assert found and all(p.startswith(f"{prefix}{SECOND}/") for p in found), found
    labels = tab.locator(f"{RESULTS} .site-search__edition").all_inner_texts()
    assert labels and set(labels) == {ui("edition_name", lang, year=SECOND)}
    tab.locator("#site-search-editions").check()
    wait_until(
        tab,
        "p => [...document.querySelectorAll('.md-search-result__list > li > a:first-child')]"
        ".some(a => new URL(a.href).pathname.startsWith(p))",
        arg=f"{prefix}{FIRST}/",
    )
    labels = set(tab.locator(f"{RESULTS} .site-search__edition").all_inner_texts())
    assert labels == {ui("edition_name", lang, year=year) for year in (FIRST, SECOND)}
    # The scope is kept in the address, to share.
    assert "editions=all" in tab.url and tab.locator(SEARCH_INPUT).input_value() == query


@pytest.mark.parametrize("width", WIDTHS.values(), ids=WIDTHS.keys())
@pytest.mark.parametrize(("lang", "path"), [(lang, p) for lang in LANGS for p in (f"{SECOND}/changes/", f"{FIRST}/")])
def test_axe_finds_nothing_on_the_what_changed_page_and_an_old_edition(browser, editions_server, lang, path, width):
    page = new_tab(browser, width=width)
    try:
        open_page(page, at(editions_server, lang, path))
        violations = axe_violations(page)
        assert violations == [], report(violations)
        if "changes" in path:
            marked = page.locator("del, ins")
            assert marked.count() and all(
                re.search(r"\S", t) for t in marked.evaluate_all("els => els.map(e => e.textContent)")
            )
    finally:
        page.context.close()
