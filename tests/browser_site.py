"""Helpers for the browser tests: the addresses of pages, tabs in Chromium for each colour scheme
and width, the search box, and pixels (to see focus rings).

The fixtures `server` and `browser` are in conftest.py, and so is the list of the site's pages (a
test with an argument `site_page` runs once per page); the fixture `tabs` below reuses one tab per
(scheme, width) for a whole test module, so 80 page loads do not start 80 browser contexts.
"""

from __future__ import annotations

import base64
import contextlib
import time
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from strategy_site.structure import pages, urls

ROOT = Path(__file__).resolve().parents[1]
SCREENSHOTS = ROOT / "screenshots"  # git-ignored; for people to look at
WIDTHS = {"desktop": 1280, "mobile": 390}
HEIGHT = 900
SCHEMES = ("light", "dark")
MATERIAL_SCHEME = {"light": "default", "dark": "slate"}  # body[data-md-color-scheme]


def pillar_path(pillar_id: str) -> str:
    return urls.page_url(pages.pillar(pillar_id))


def address(server: str, lang: str, path: str) -> str:
    """The full URL of a page: Japanese at the root, English under /en/."""
    return server.rstrip("/") + urls.site_path(lang, path)


def site_path_of(url: str) -> str:
    return urlsplit(url).path


# -- What a reader should never meet on a page.


def origin(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}"


class Recorder:
    """Everything a browser context reports that a reader should never meet: console errors and
    warnings, uncaught exceptions, requests that failed or got a 4xx/5xx answer, and requests for
    any origin but the site's own (those are stopped before they leave the machine)."""

    def __init__(self, context, own: str):
        self.problems: list[str] = []
        self.responses = 0
        self.own = origin(own)
        context.route("**/*", self._route)
        context.on("page", self._watch)
        for page in context.pages:
            self._watch(page)

    def _watch(self, page) -> None:
        page.on(
            "console",
            lambda m: (
                self.problems.append(f"console {m.type}: {m.text} ({page.url})")
                if m.type in ("error", "warning", "assert")
                else None
            ),
        )
        page.on("pageerror", lambda e: self.problems.append(f"uncaught exception: {e} ({page.url})"))
        page.on("response", self._response)
        page.on(
            "requestfailed",
            lambda r: (
                self.problems.append(f"request failed: {r.url} ({r.failure})") if origin(r.url) == self.own else None
            ),
        )

    def _response(self, response) -> None:
        self.responses += 1
        if response.status >= 400:
            self.problems.append(f"HTTP {response.status}: {response.url}")

    def _route(self, route) -> None:
        url = route.request.url
        if urlsplit(url).scheme in ("data", "blob") or origin(url) == self.own:
            route.continue_()
        else:
            self.problems.append(f"request to another host: {url}")
            route.abort()

    def take(self) -> list[str]:
        found, self.problems = self.problems, []
        return found


# -- Tabs: one browser context per colour scheme and width.


class Tabs:
    def __init__(self, browser):
        self.browser = browser
        self._pages = {}

    def get(self, scheme: str = "light", width: int = WIDTHS["desktop"]):
        key = (scheme, width)
        if key not in self._pages:
            self._pages[key] = new_tab(self.browser, scheme, width)
        return self._pages[key]

    def close(self):
        for page in self._pages.values():
            page.context.close()


def new_tab(browser, scheme: str = "light", width: int = WIDTHS["desktop"], **options):
    """A page in a fresh context. Below 600 px it is a phone: the viewport meta tag counts there."""
    mobile = width < 600
    # The tabs keep the site's Content-Security-Policy, as a reader's browser does; a test that
    # needs to bypass it passes bypass_csp=True and says why.
    context = browser.new_context(
        viewport={"width": width, "height": HEIGHT},
        color_scheme=scheme,
        device_scale_factor=1,
        is_mobile=mobile,
        has_touch=mobile,
        **options,
    )
    return context.new_page()


@pytest.fixture(scope="module")
def tabs(browser):
    t = Tabs(browser)
    yield t
    t.close()


def wait_until(page, expression: str, arg=None, timeout: float = 30_000) -> None:
    """Wait until a JavaScript expression (or a function of `arg`) is true, polling it from here.

    Playwright's wait_for_function evaluates its text with eval(), which the site's policy forbids
    (as it should); page.evaluate is not subject to the page's policy, so the tabs keep it."""
    deadline = time.monotonic() + timeout / 1000
    while not page.evaluate(expression, arg):
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out after {timeout / 1000:g} s waiting for: {expression}")
        page.wait_for_timeout(50)


@contextlib.contextmanager
def added_style(page, css: str):
    """A style sheet on the page for the duration of the block, added through the CSSOM (a
    constructed sheet in document.adoptedStyleSheets). The page's policy refuses an inline <style>
    without its hash, as it should; it does not govern the CSSOM, so the tab keeps the policy."""
    sheet = page.evaluate_handle(
        "css => { const s = new CSSStyleSheet(); s.replaceSync(css);"
        " document.adoptedStyleSheets = [...document.adoptedStyleSheets, s]; return s; }",
        css,
    )
    try:
        yield
    finally:
        sheet.evaluate("s => { document.adoptedStyleSheets = document.adoptedStyleSheets.filter(x => x !== s); }")


def visit(tabs: Tabs, server: str, lang: str, path: str, scheme: str = "light", width: int = WIDTHS["desktop"]):
    """The reused tab for this scheme and width, showing the page."""
    page = tabs.get(scheme, width)
    open_page(page, address(server, lang, path), scheme)
    return page


def open_page(page, url: str, scheme: str = "light") -> None:
    """Load a page and wait until Material has applied the colour scheme the reader's system asks for."""
    response = page.goto(url)
    assert response is not None and response.ok, f"{url}: HTTP {response.status if response else 'no response'}"
    wait_until(
        page, "s => document.body.getAttribute('data-md-color-scheme') === s", arg=MATERIAL_SCHEME[scheme], timeout=5000
    )
    settle(page)


def settle(page) -> None:
    """Wait for running CSS transitions and animations (a fading box has colours in between)."""
    page.evaluate(
        "Promise.all(document.getAnimations().filter(a => a.effect && isFinite(a.effect.getComputedTiming().endTime))"
        ".map(a => a.finished.catch(() => null)))"
    )


def switch_language(page, lang: str) -> None:
    """As a reader does: open the language menu in the header, choose the language."""
    page.locator(".md-select > button").click()
    with page.expect_navigation():
        page.locator(f".md-select a[hreflang='{lang}']").click()
    settle(page)


# -- The site's search (Pagefind, in Material's search box), used as a reader does: type, then read
# the result list.

SEARCH_INPUT = "input.md-search__input"
RESULTS = ".md-search-result__list"
SEARCH_META = ".md-search-result__meta"
BOTH_LANGUAGES = "#site-search-both"
# The result count as Material's translations word it, in either language (search.js uses them).
COUNTED = "/見つかりました|見つかりませんでした|matching document|No matching document/"


def open_search(page) -> None:
    """Open the search dialog: the box in the header, or the magnifier button on a phone; wait until
    its index has loaded (the placeholder line replaces "preparing")."""
    opener = page.locator("button.site-search-button")
    if opener.is_visible():
        opener.tap()  # the magnifier on a phone
    else:
        page.locator(SEARCH_INPUT).click()
    wait_until(
        page,
        f"document.getElementById('__search').checked && "
        f"/入力|Type/.test(document.querySelector('{SEARCH_META}').textContent) || "
        f"{COUNTED}.test(document.querySelector('{SEARCH_META}').textContent)",
        timeout=15000,
    )


@pytest.fixture(scope="module")
def search_tabs(browser, server):
    """Per language: a tab on the home page with the search dialog open and its index loaded."""
    opened = {}

    def get(lang: str):
        if lang not in opened:
            page = new_tab(browser)
            open_page(page, address(server, lang, ""))
            open_search(page)
            opened[lang] = page
        return opened[lang]

    yield get
    for page in opened.values():
        page.context.close()


def set_both_languages(page, on: bool) -> None:
    """Tick or clear "also search the other language" in the open dialog."""
    box = page.locator(BOTH_LANGUAGES)
    box.check() if on else box.uncheck()


def search(page, query: str, count: int = 3) -> list[str]:
    """Type a query into the search box; return the site paths of the first `count` result pages.

    A reader's input method commits Japanese text with a key, so the text is put in and then a key
    pressed (End)."""
    box = page.locator(SEARCH_INPUT)
    box.fill("")
    wait_until(
        page,
        f"document.querySelector('{RESULTS}').children.length === 0 && "
        f"!{COUNTED}.test(document.querySelector('{SEARCH_META}').textContent)",
    )
    box.fill(query)
    box.press("End")
    wait_until(page, f"{COUNTED}.test(document.querySelector('{SEARCH_META}').textContent)", timeout=15000)
    settle(page)
    return [site_path_of(href) for href in result_links(page)[:count]]


def result_links(page) -> list[str]:
    """The address of each result page (its first link, which leads to its best section)."""
    links = page.locator(f"{RESULTS} > li.md-search-result__item > a:first-child")
    return links.evaluate_all("els => els.map(e => e.href)")


# -- Pixels: is a focus ring drawn, and does it stand out from what is behind it?

# Hides every focus ring, to see what is behind it. The id selector outweighs the site's rules.
NO_RING = "*:not(#no-such-id) { outline: none !important; }"
RING_REACH = 6  # px around the element where a ring may be drawn (2px offset + 2px ring + margin)

# Counts the pixels that differ by a contrast ratio of 3:1 or more (WCAG 1.4.11) between two PNGs.
CHANGED_PIXELS = """async ([a, b]) => {
  const pixels = async (png) => {
    // From bytes, not fetch('data:…'): the page's policy (connect-src 'self') refuses a data: fetch.
    const bytes = Uint8Array.from(atob(png), c => c.charCodeAt(0));
    const bitmap = await createImageBitmap(new Blob([bytes], { type: 'image/png' }));
    const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
    const context = canvas.getContext('2d');
    context.drawImage(bitmap, 0, 0);
    return context.getImageData(0, 0, bitmap.width, bitmap.height).data;
  };
  const channel = v => (v /= 255) <= 0.04045 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
  const luminance = (d, i) => 0.2126 * channel(d[i]) + 0.7152 * channel(d[i + 1]) + 0.0722 * channel(d[i + 2]);
  const [p, q] = await Promise.all([pixels(a), pixels(b)]);
  let changed = 0;
  for (let i = 0; i < p.length; i += 4) {
    if (p[i] === q[i] && p[i + 1] === q[i + 1] && p[i + 2] === q[i + 2]) continue;
    const [hi, lo] = [luminance(p, i), luminance(q, i)].sort((x, y) => y - x);
    if ((hi + 0.05) / (lo + 0.05) >= 3) changed++;
  }
  return changed;
}"""


def focus_ring_pixels(page, box: dict) -> tuple[int, int]:
    """For the focused element at `box` (in the viewport): how many pixels around it change by 3:1
    or more in contrast when its focus ring is hidden, and the element's perimeter. A 2 px ring that
    shows all around changes about twice the perimeter; no ring changes nothing."""
    viewport = page.viewport_size
    x0, y0 = max(0, int(box["x"]) - RING_REACH), max(0, int(box["y"]) - RING_REACH)
    x1 = min(viewport["width"], int(box["x"] + box["width"]) + RING_REACH + 1)
    y1 = min(viewport["height"], int(box["y"] + box["height"]) + RING_REACH + 1)
    perimeter = 2 * (max(1, round(box["width"])) + max(1, round(box["height"])))
    if x1 <= x0 or y1 <= y0:
        return 0, perimeter
    clip = {"x": x0, "y": y0, "width": x1 - x0, "height": y1 - y0}
    with_ring = page.screenshot(clip=clip, animations="disabled")
    with added_style(page, NO_RING):
        without = page.screenshot(clip=clip, animations="disabled")
    changed = page.evaluate(CHANGED_PIXELS, [base64.b64encode(with_ring).decode(), base64.b64encode(without).decode()])
    return changed, perimeter
