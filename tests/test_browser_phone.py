"""On a phone (390 px), in both languages, on every page, with the pages' Content-Security-Policy on:

- nothing is wider than the screen: the page does not scroll sideways, and no table reaches past
  its edges (a table of three columns or more is a list of cards there: publishing/cards.py);
- the keyboard alone walks the whole page, and every control it lands on is shown, inside the
  screen and not hidden under something else (the closed navigation drawer and the closed search
  box are no Tab stops);
- a button named for the navigation opens the drawer with Enter or Space, at its top on every page;
  its links then take the focus one by one, and Escape closes it and gives the focus back;
- tabbing past the search does not open it (at 1280 px too, where the box is in the header);
- the site's title in the header and the drawer shows in full, with its year.
"""

from __future__ import annotations

import pytest

from strategy_site.structure.model import LANGS

from browser_site import WIDTHS, address, new_tab, settle, visit, wait_until

pytestmark = pytest.mark.browser

PHONE = WIDTHS["mobile"]


def phone(tabs, server, lang: str, path: str):
    return visit(tabs, server, lang, path, "light", PHONE)


# -- Nothing wider than the screen.

WIDTHS_ON_SCREEN = """() => ({
  page: document.documentElement.scrollWidth,
  screen: document.documentElement.clientWidth,
  tables: [...document.querySelectorAll('table')].filter(t => t.checkVisibility()).map(t => {
    const r = t.getBoundingClientRect();
    const head = t.querySelector('th');
    return {left: r.left, right: r.right, first: head ? head.textContent.trim().slice(0, 30) : ''};
  }),
})"""


@pytest.mark.parametrize("lang", LANGS)
def test_nothing_is_wider_than_the_screen(tabs, server, site_page, lang):
    page = phone(tabs, server, lang, site_page.path)
    found = page.evaluate(WIDTHS_ON_SCREEN)
    assert found["page"] <= found["screen"], f"{lang} /{site_page.path}: the page is {found['page']} px wide"
    wide = [t for t in found["tables"] if t["left"] < 0 or t["right"] > found["screen"]]
    assert not wide, f"{lang} /{site_page.path}: tables past the screen's edges ({found['screen']} px): {wide}"


def test_a_measure_card_shows_the_whole_text(tabs, server, strategy):
    """The measures table's cards show a measure's text in full, under its column's heading."""
    page = phone(tabs, server, "ja", "measures/")
    measure = strategy.measures[0]
    link = page.locator(".table-wrap table a", has_text=measure.text.ja).first
    box = link.bounding_box()
    assert box is not None and box["x"] >= 0 and box["x"] + box["width"] <= PHONE
    assert link.evaluate("a => a.scrollWidth <= a.clientWidth + 1")
    # Under its column's heading.
    label, heading = link.evaluate(
        "a => { const td = a.closest('td'); const th = td.closest('table').querySelectorAll('th')[td.cellIndex];"
        " return [getComputedStyle(td, '::before').content, th.textContent.trim()]; }"
    )
    assert label == f'"{heading}"', (label, heading)


# -- The keyboard: every Tab stop shown, inside the screen.

# What one Tab press landed on, and what is wrong with it on the screen (empty if nothing).
TAB_STOP = """() => {
  const e = document.activeElement;
  if (!e || e === document.body) return null;
  // The colour switch: radio buttons of which one label shows; the focus is on the group.
  const shown = e.matches('input.md-option') ? e.parentElement.querySelector('label:not([hidden])') : e;
  const r = shown.getBoundingClientRect();
  const wrong = [];
  if (r.width < 1 || r.height < 1) wrong.push(`${Math.round(r.width)}x${Math.round(r.height)} px`);
  if (!shown.checkVisibility({visibilityProperty: true, opacityProperty: true})) wrong.push('invisible');
  if (r.left < -0.5 || r.right > innerWidth + 0.5)
    wrong.push(`across ${Math.round(r.left)}..${Math.round(r.right)} px`);
  if (r.bottom <= 0 || r.top >= innerHeight) wrong.push(`off screen at y=${Math.round(r.top)}`);
  if (!wrong.length) {  // what shows at the middle of one of its boxes on the screen is it, or inside it
    // (a link that wraps has a box per line: the middle of its whole rectangle may be another link's)
    const boxes = [...shown.getClientRects()].filter(q => q.width >= 1 && q.height >= 1);
    let top = null;
    const seen = (boxes.length ? boxes : [r]).some(q => {
      const x = (Math.max(q.left, 0) + Math.min(q.right, innerWidth)) / 2;
      const y = (Math.max(q.top, 0) + Math.min(q.bottom, innerHeight)) / 2;
      top = document.elementFromPoint(x, y);
      return top && (shown.contains(top) || top.contains(shown) || (shown.control && shown.control === top));
    });
    if (!seen) wrong.push('under ' + (top ? top.tagName + '.' + top.className : 'nothing'));
  }
  const name = (e.getAttribute('aria-label') || e.innerText || e.getAttribute('href') || '').trim().slice(0, 40);
  return {what: `${e.tagName}.${e.className} ${JSON.stringify(name)}`, wrong: wrong.join(', '),
          skip: e.matches('a.md-skip'), drawer: document.getElementById('__drawer').checked,
          search: document.getElementById('__search').checked};
}"""

MAX_TABS = 800


def tab(page) -> dict | None:
    page.keyboard.press("Tab")
    stop = page.evaluate(TAB_STOP)
    if stop and stop["wrong"]:  # once what runs has come (a menu that fades in on focus), to be sure
        settle(page)
        stop = page.evaluate(TAB_STOP)
    return stop


def start_from_the_top(page) -> None:
    page.evaluate("window.scrollTo(0, 0)")
    page.locator("body").focus()


@pytest.mark.parametrize("lang", LANGS)
def test_every_tab_stop_is_shown_on_the_screen(tabs, server, site_page, lang):
    page = phone(tabs, server, lang, site_page.path)
    start_from_the_top(page)
    stops, wrong = [], []
    for _ in range(MAX_TABS):
        stop = tab(page)
        if stop is None or (stops and stop["skip"]):
            break  # past the last control, back to the browser or the start
        stops.append(stop)
        if stop["wrong"]:
            wrong.append(f"Tab {len(stops)}: {stop['what']}: {stop['wrong']}")
        assert not stop["drawer"], f"Tab {len(stops)} ({stop['what']}) opened the navigation drawer"
        assert not stop["search"], f"Tab {len(stops)} ({stop['what']}) opened the search"
    else:
        pytest.fail(f"{MAX_TABS} Tab stops and no end")
    assert len(stops) > 5 and stops[0]["skip"], stops[:3]
    assert not wrong, f"{lang} /{site_page.path}: Tab stops not shown on the screen:\n" + "\n".join(wrong)


# -- The navigation drawer.


def navigation_button(page):
    """The button named as the navigation is (the words of the site's <nav>, in the page's language)."""
    name = page.locator("nav.md-nav--primary").get_attribute("aria-label")
    assert name
    return page.get_by_role("button", name=name, exact=True)


def is_focused(locator) -> bool:
    return locator.evaluate("e => e === document.activeElement")


@pytest.mark.parametrize("lang", LANGS)
def test_the_keyboard_opens_the_navigation_at_its_top(tabs, server, site_page, lang):
    page = phone(tabs, server, lang, site_page.path)
    button = navigation_button(page)
    start_from_the_top(page)
    for _ in range(5):
        page.keyboard.press("Tab")
        if is_focused(button):
            break
    else:
        pytest.fail("five Tabs from the top did not reach the navigation button")
    assert button.get_attribute("aria-expanded") == "false"

    page.keyboard.press("Enter")
    wait_until(page, "document.getElementById('__drawer').checked")
    assert button.get_attribute("aria-expanded") == "true"
    settle(page)
    # Every link of the drawer takes the focus in turn, each shown on the screen: the whole site's
    # navigation from its top, whatever the page.
    links = page.locator(".md-sidebar--primary .md-nav__list a[href]")  # the logo above them leads home too
    expected = links.evaluate_all("els => els.filter(e => e.checkVisibility()).map(e => e.href)")
    everywhere = ("measures/", "budget/", "about/")
    assert all(any(h.endswith("/" + p) for h in expected) for p in everywhere), expected
    reached, wrong = [], []
    stop = page.evaluate(TAB_STOP)
    while stop is not None and page.evaluate("!!document.activeElement.closest('.md-sidebar--primary')"):
        reached.append(page.evaluate("document.activeElement.href"))
        if stop["wrong"]:
            wrong.append(f"{stop['what']}: {stop['wrong']}")
        assert len(reached) <= len(expected), "Tab does not leave the drawer"
        stop = tab(page)
    assert not wrong, "drawer links not shown on the screen:\n" + "\n".join(wrong)
    assert reached == expected, f"the drawer's links by Tab: {reached}\nits links: {expected}"
    # Tab out of it closed it.
    wait_until(page, "!document.getElementById('__drawer').checked", timeout=5000)

    # Space opens it too; Escape closes it and gives the focus back to the button.
    button.focus()
    page.keyboard.press(" ")
    wait_until(page, "document.getElementById('__drawer').checked")
    assert page.evaluate("!!document.activeElement.closest('.md-sidebar--primary')")
    page.keyboard.press("Escape")
    wait_until(page, "!document.getElementById('__drawer').checked")
    assert is_focused(button)
    assert button.get_attribute("aria-expanded") == "false"
    settle(page)
    assert not page.locator(".md-sidebar--primary").evaluate("e => e.checkVisibility({visibilityProperty: true})")


# -- Search: Tab passes it by.


@pytest.mark.parametrize("width", WIDTHS.values(), ids=WIDTHS.keys())
@pytest.mark.parametrize("lang", LANGS)
def test_tabbing_past_the_search_does_not_open_it(tabs, server, lang, width):
    page = visit(tabs, server, lang, "", "light", width)
    start_from_the_top(page)
    control = ".site-search-button" if width == PHONE else "input.md-search__input"
    for n in range(1, 15):
        page.keyboard.press("Tab")
        settle(page)
        assert not page.evaluate("document.getElementById('__search').checked"), f"Tab {n} opened the search"
        if page.evaluate(f"document.activeElement.matches('{control}')"):
            break
    else:
        pytest.fail(f"14 Tabs did not reach {control}")
    page.keyboard.press("Tab")
    settle(page)
    assert not page.evaluate("document.getElementById('__search').checked"), "Tab past the search opened it"
    # What opens it: Enter on the button (on a phone) or in the box.
    page.keyboard.press("Shift+Tab")
    page.keyboard.press("Enter")
    wait_until(page, "document.getElementById('__search').checked")
    assert page.evaluate("document.activeElement.matches('input.md-search__input')")
    page.keyboard.press("Escape")
    wait_until(page, "!document.getElementById('__search').checked")
    if width == PHONE:
        assert page.evaluate("document.activeElement.matches('.site-search-button')"), "the focus did not come back"


def test_on_a_wide_screen_the_buttons_give_way(tabs, server):
    """At 1280 px the navigation is a sidebar and the search box is in the header: no menu button, no
    magnifier; at 390 px both buttons show."""
    for width, shown in ((WIDTHS["desktop"], False), (PHONE, True)):
        page = visit(tabs, server, "en", "", "light", width)
        for button in (".site-nav-button", ".site-search-button"):
            assert page.locator(button).is_visible() is shown, f"{button} at {width} px"
        assert page.locator(".md-sidebar--primary .md-nav__list").first.is_visible() is not shown


def test_without_javascript_the_menu_still_opens(browser, server):
    """The buttons need JavaScript; without it they are not shown, and Material's menu label opens
    the drawer with a click or tap, as before."""
    page = new_tab(browser, width=PHONE, java_script_enabled=False)
    try:
        page.goto(address(server, "ja", ""))
        assert not page.locator(".site-nav-button").is_visible()
        assert not page.locator(".site-search-button").is_visible()
        page.locator("label.md-header__button[for='__drawer']").click()
        page.wait_for_timeout(400)  # the drawer slides in
        assert page.locator(".md-sidebar--primary a[href$='measures/']").first.is_visible()
    finally:
        page.context.close()


# -- The site's title, with its year.


@pytest.mark.parametrize("lang", LANGS)
def test_the_title_shows_in_full(tabs, server, strategy, lang):
    page = phone(tabs, server, lang, f"pillars/{strategy.pillars[0].id}/")
    title = page.locator(".md-header__topic:first-child .md-ellipsis")
    name = title.inner_text().strip()
    assert name.endswith("2025")
    assert title.evaluate("e => e.scrollWidth <= e.clientWidth && e.scrollHeight <= e.clientHeight"), name
    navigation_button(page).click()
    wait_until(page, "document.getElementById('__drawer').checked")
    settle(page)
    drawer_title = page.locator(".md-nav--primary > .md-nav__title")
    assert drawer_title.evaluate("e => e.scrollWidth <= e.clientWidth"), drawer_title.inner_text()
    page.keyboard.press("Escape")
