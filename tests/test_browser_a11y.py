"""Accessibility in a real browser (target: JIS X 8341-3 level AA, i.e. WCAG 2.x AA).

- axe-core with the WCAG 2.0, 2.1 and 2.2 A and AA rules finds nothing on any page, in both
  languages, in light and dark mode, at 1280 px and 390 px; also with the search dialog open.
- The keyboard alone reaches the skip link, the navigation, the colour switch, the language
  switcher, search and every copy-link control, and each shows a focus ring one can see.
"""

from __future__ import annotations

import pytest
from axe_playwright_python.sync_playwright import Axe

from strategy_site.structure.model import LANGS

from browser_site import (
    SCHEMES,
    WIDTHS,
    added_style,
    address,
    focus_ring_pixels,
    new_tab,
    open_page,
    open_search,
    pillar_path,
    search,
    visit,
)

pytestmark = pytest.mark.browser

AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
AXE_OPTIONS = {"runOnly": {"type": "tag", "values": AXE_TAGS}, "resultTypes": ["violations"]}
AXE = Axe()


def axe_violations(page) -> list[dict]:
    return AXE.run(page, options=AXE_OPTIONS).response["violations"]


def report(violations: list[dict]) -> str:
    lines = []
    for v in violations:
        lines.append(f"{v['id']} ({v['impact']}): {v['help']} — {len(v['nodes'])} element(s)")
        for node in v["nodes"][:5]:
            lines.append(f"    {', '.join(map(str, node['target']))}: {node.get('failureSummary', '')[:300]}")
    return "\n".join(lines)


@pytest.mark.parametrize("width", WIDTHS.values(), ids=WIDTHS.keys())
@pytest.mark.parametrize("scheme", SCHEMES)
@pytest.mark.parametrize("lang", LANGS)
def test_axe_finds_no_wcag_a_or_aa_violation(tabs, server, site_page, lang, scheme, width):
    page = visit(tabs, server, lang, site_page.path, scheme, width)
    violations = axe_violations(page)
    assert not violations, f"{lang} /{site_page.path} ({scheme}, {width}px):\n{report(violations)}"


@pytest.mark.parametrize("width", WIDTHS.values(), ids=WIDTHS.keys())
@pytest.mark.parametrize("scheme", SCHEMES)
@pytest.mark.parametrize("lang", LANGS)
def test_search_dialog_has_a_name_and_no_violation_with_results_open(tabs, server, lang, scheme, width):
    page = visit(tabs, server, lang, "", scheme, width)
    open_search(page)
    assert search(page, {"ja": "スタートアップ", "en": "startups"}[lang]), "the query found nothing"
    name = {"ja": "検索", "en": "Search"}[lang]
    assert page.get_by_role("dialog", name=name).count() == 1, f"no search dialog named {name!r}"
    violations = axe_violations(page)
    assert not violations, report(violations)


def test_axe_run_reports_a_violation_it_is_given(browser, server):
    """The check above can fail: on a page given an unnamed button and a low-contrast line, axe,
    run with the same rules, reports both."""
    page = new_tab(browser)
    try:
        open_page(page, address(server, "ja", ""))
        page.evaluate("""() => {
            const main = document.querySelector('.md-content__inner');
            main.insertAdjacentHTML('beforeend',
              '<button id="unnamed"></button><p id="faint">薄い文字</p>');
            // Through the CSSOM: the page's policy refuses a style="" attribute that has no hash.
            const faint = document.getElementById('faint');
            faint.style.color = '#ccc';
            faint.style.background = '#fff';
        }""")
        found = {v["id"] for v in axe_violations(page)}
        assert {"button-name", "color-contrast"} <= found, found
    finally:
        page.context.close()


# -- The keyboard alone.

# What one Tab press landed on, and marks it so the walk can tell what it reached.
FOCUSED = """() => {
  const e = document.activeElement;
  if (!e || e === document.body) return null;
  e.setAttribute('data-tab-reached', '');
  // The colour switch: radio buttons of which one label shows; the focus is on the group.
  const label = e.matches('input.md-option') ? e.parentElement.querySelector('label:not([hidden])') : null;
  if (label) e.parentElement.setAttribute('data-tab-reached', '');
  const r = (label || e).getBoundingClientRect();
  const region = e.closest('.md-header, .md-sidebar--primary, .md-sidebar--secondary, .md-content, .md-footer');
  const classes = [...e.classList].filter(c => c !== 'focus-visible').sort().join('.');
  return {tag: e.tagName, cls: classes, href: e.getAttribute('href'),
          text: (e.innerText || e.getAttribute('aria-label') || '').trim().slice(0, 40),
          box: {x: r.x, y: r.y, width: r.width, height: r.height},
          skip: e.matches('a.md-skip'), copy: e.matches('a.copy-link'),
          kind: [e.tagName, classes,
                 region ? region.className.split(' ')[0] + region.className.split(' ').slice(1).join('') : 'page'
                ].join(' ')};
}"""

# The controls a keyboard user must reach: selector -> what to call it in a failure.
REQUIRED = {
    "a.md-skip": "the skip link",
    ".md-sidebar--primary a.md-nav__link[href]": "a navigation link",
    ".md-sidebar--secondary a.md-nav__link[href]": "a table-of-contents link",
    "form.md-header__option": "the colour scheme switch",
    ".md-select button": "the language button",
    ".md-select a[hreflang]": "a language in the language switcher",
    "input.md-search__input": "the search box",
    "a.copy-link": "a copy-link control",
}

NOT_REACHED = """(required) => {
  const out = [];
  for (const [selector, name] of Object.entries(required)) {
    for (const e of document.querySelectorAll(selector)) {
      // The language list shows only while it has the focus: its links count as shown.
      const shown = e.closest('.md-select') ? true : e.checkVisibility({visibilityProperty: true});
      if (shown && !e.hasAttribute('data-tab-reached'))
        out.push(name + ': ' + (e.getAttribute('href') || e.getAttribute('aria-label') || e.outerHTML.slice(0, 80)));
    }
  }
  return out;
}"""


@pytest.mark.parametrize("lang", LANGS)
def test_keyboard_reaches_every_control_and_shows_where_it_is(tabs, server, site_page, lang):
    page = visit(tabs, server, lang, site_page.path)
    page.locator("body").focus()
    reached, no_ring, seen = [], [], set()
    for _ in range(600):
        page.keyboard.press("Tab")
        element = page.evaluate(FOCUSED)
        if element is None or (reached and element["skip"]):
            break  # past the last control, back to the browser or the start
        reached.append(element)
        if element["kind"] in seen and not element["copy"]:
            continue  # the same kind of control in the same place looks the same: one check is enough
        seen.add(element["kind"])
        changed, perimeter = focus_ring_pixels(page, element["box"])
        if changed < perimeter:
            no_ring.append(
                f"{element['tag']}.{element['cls']} {element['href'] or element['text']!r}: "
                f"{changed} ring pixels for a perimeter of {perimeter}"
            )
    assert reached and reached[0]["skip"], f"the first Tab should reach the skip link, not {reached[:1]}"
    missing = page.evaluate(NOT_REACHED, REQUIRED)
    assert not missing, "Tab never reached:\n" + "\n".join(missing)
    assert not no_ring, "focused without a visible ring (3:1 against what is behind it):\n" + "\n".join(no_ring)


@pytest.mark.parametrize("lang", LANGS)
def test_focus_rings_show_in_dark_mode(tabs, server, strategy, lang):
    """The same walk over the header and the first copy-links of a pillar page, in dark mode."""
    page = visit(tabs, server, lang, pillar_path(strategy.pillars[0].id), "dark")
    page.locator("body").focus()
    no_ring, copy_links = [], 0
    for _ in range(200):
        page.keyboard.press("Tab")
        element = page.evaluate(FOCUSED)
        if element is None or copy_links >= 3:
            break
        copy_links += "copy-link" in element["cls"]
        changed, perimeter = focus_ring_pixels(page, element["box"])
        if changed < perimeter:
            no_ring.append(
                f"{element['tag']}.{element['cls']} {element['href'] or element['text']!r}: {changed}/{perimeter}"
            )
    assert copy_links == 3, "the walk did not reach three copy-link controls"
    assert not no_ring, "focused without a visible ring in dark mode:\n" + "\n".join(no_ring)


def test_skip_link_moves_focus_past_the_header(tabs, server, strategy):
    page = visit(tabs, server, "ja", pillar_path(strategy.pillars[0].id))
    page.locator("body").focus()
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.matches('a.md-skip')")
    page.keyboard.press("Enter")
    page.keyboard.press("Tab")
    inside = page.evaluate("!!document.activeElement.closest('.md-content, .md-sidebar--secondary')")
    assert inside, page.evaluate("document.activeElement.outerHTML.slice(0, 120)")


def test_ring_check_sees_a_missing_ring(tabs, server):
    """The ring check can fail: with the site's ring turned off, a focused link shows none."""
    page = visit(tabs, server, "ja", "")
    page.locator("body").focus()
    page.keyboard.press("Tab")
    element = page.evaluate(FOCUSED)
    changed, perimeter = focus_ring_pixels(page, element["box"])
    assert changed >= perimeter, "the skip link should have a ring"
    with added_style(page, "a.md-skip { outline: none !important; }"):
        assert focus_ring_pixels(page, element["box"])[0] == 0
