"""The text first (issue 25): what a reader of the built pages meets before anything else.

- A measure leads with its text: on its pillar page the id (if shown at all) comes after the text,
  and the measures table starts each row with the measure.
- A pillar page shows each progress item once, under its measure; the pillar's progress section
  keeps only the items no measure on the page shows (its headings and their anchors stay).
- On every page, links that lead to different places have different accessible names (outside the
  header, the navigation and the footer): no list of links reading "詳細, 詳細, 詳細".
- On every English page, Japanese text is inside an element marked lang="ja".
- In a browser (with the pages' Content-Security-Policy): Japanese is never slanted, Japanese
  headings are not light; a copy-link control shows only on hover or focus with a mouse, with a
  focus ring, and stays visible on a touch screen, at least 24 x 24 px.
"""

from __future__ import annotations

import copy
import re
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urljoin

import pytest

from strategy_site.rendering import render
from strategy_site.structure import model, pages, urls
from strategy_site.structure.model import LANGS

from browser_site import WIDTHS, added_style, focus_ring_pixels, pillar_path, visit

VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}


class Node:
    def __init__(self, tag: str, attrs: dict, parent: Node | None):
        self.tag, self.attrs, self.parent = tag, attrs, parent
        self.children: list[Node | str] = []

    @property
    def classes(self) -> list[str]:
        return (self.attrs.get("class") or "").split()

    def walk(self):
        yield self
        for child in self.children:
            if isinstance(child, Node):
                yield from child.walk()

    def find_all(self, test) -> list[Node]:
        return [n for n in self.walk() if test(n)]

    def text(self, skip=lambda node: False) -> str:
        out = []
        for child in self.children:
            if isinstance(child, str):
                out.append(child)
            elif not skip(child):
                out.append(child.text(skip))
        return "".join(out)

    def lang(self) -> str:
        node: Node | None = self
        while node is not None:
            if "lang" in node.attrs:
                return node.attrs["lang"] or ""
            node = node.parent
        return ""

    def inside(self, test) -> bool:
        node = self.parent
        while node is not None:
            if test(node):
                return True
            node = node.parent
        return False


class Tree(HTMLParser):
    def __init__(self, html: str):
        super().__init__(convert_charrefs=True)
        self.root = self.current = Node("#document", {}, None)
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        node = Node(tag, dict(attrs), self.current)
        self.current.children.append(node)
        if tag not in VOID:
            self.current = node

    def handle_endtag(self, tag):
        node: Node | None = self.current
        while node is not None and node.tag != tag:
            node = node.parent
        if node is not None and node.parent is not None:
            self.current = node.parent

    def handle_data(self, data):
        self.current.children.append(data)


def tree(path: Path) -> Node:
    return Tree(path.read_text("utf-8")).root


def built(site: Path, lang: str, path: str) -> Path:
    return site / urls.site_path(lang, path).lstrip("/") / "index.html"


def normal(text: str) -> str:
    return " ".join(text.split())


def shown(node: Node) -> str:
    """The words a sighted reader sees: not the words for screen readers, nor the controls."""
    return normal(node.text(lambda n: "sr-only" in n.classes or "copy-link" in n.classes or "see-link" in n.classes))


# -- The measure's text first.


@pytest.mark.parametrize("lang", LANGS)
def test_a_measure_leads_with_its_text_on_its_pillar_page(site: Path, strategy, lang: str) -> None:
    for pillar in strategy.pillars:
        doc = tree(built(site, lang, pillar_path(pillar.id)))
        for measure in pillar.measures:
            (box,) = doc.find_all(lambda n, m=measure: n.attrs.get("id") == m.id)
            first = next(c for c in box.children if isinstance(c, Node))
            line = normal(first.text())
            assert line.startswith(normal(measure.text[lang])), f"{measure.id}: the line starts {line[:60]!r}"
            assert measure.id not in line[: len(normal(measure.text[lang]))]


@pytest.mark.parametrize("lang", LANGS)
def test_the_measures_table_starts_each_row_with_the_measure(site: Path, strategy, lang: str) -> None:
    doc = tree(built(site, lang, "measures/"))
    rows = [r for r in doc.find_all(lambda n: n.tag == "tr") if r.inside(lambda n: n.tag == "tbody")]
    assert len(rows) == len(strategy.measures)
    for row, measure in zip(rows, strategy.measures, strict=True):
        cells = [c for c in row.children if isinstance(c, Node) and c.tag == "td"]
        assert normal(cells[0].text()) == normal(measure.text[lang]), f"{measure.id}: {normal(cells[0].text())[:60]!r}"
        assert measure.id not in normal(cells[0].text())


# -- Progress, once.


@pytest.mark.parametrize("lang", LANGS)
def test_a_pillar_page_shows_each_progress_item_once_under_its_measure(site: Path, strategy, lang: str) -> None:
    for pillar in strategy.pillars:
        doc = tree(built(site, lang, pillar_path(pillar.id)))
        on_page = [m.id for m in pillar.measures]
        expected = {
            it.id: it
            for it in strategy.progress_items
            if any(a in on_page for a in it.advances)
            or any(it in sec.items for sec in strategy.progress_of_pillar(pillar.id))
        }
        assert expected, f"{pillar.id}: no progress to look at"
        items = doc.find_all(lambda n: n.tag == "li")
        for ident, item in expected.items():
            text = normal(item.text[lang])
            showing = [li for li in items if shown(li).startswith(text)]
            assert len(showing) == 1, f"{pillar.id}: {ident} is shown {len(showing)} times"
            (li,) = showing
            assert li.attrs.get("id") == ident, f"{pillar.id}: {ident} is shown without its anchor"
            here = [a for a in item.advances if a in on_page]
            if here:
                assert li.inside(lambda n, a=here[0]: n.attrs.get("id") == a), f"{ident} is not under {here[0]}"
        # The section headings of the pillar's progress stay, so their links still lead somewhere.
        ids = {n.attrs.get("id") for n in doc.walk()}
        assert {sec.id for sec in strategy.progress_of_pillar(pillar.id)} <= ids


# -- Links that say where they go.

CHROME = ("md-header", "md-tabs", "md-sidebar", "md-footer", "md-nav", "md-skip")


def accessible_name(a: Node) -> str:
    if a.attrs.get("aria-label"):
        return normal(a.attrs["aria-label"])
    return normal(a.text(lambda n: n.attrs.get("aria-hidden") == "true"))


@pytest.mark.parametrize("lang", LANGS)
def test_links_to_different_places_have_different_names(site: Path, lang: str, site_page) -> None:
    url = urls.site_path(lang, site_page.path)
    doc = tree(built(site, lang, site_page.path))
    targets: dict[str, set[str]] = {}
    for a in doc.find_all(lambda n: n.tag == "a" and n.attrs.get("href") is not None):
        if a.inside(lambda n: any(c in n.classes for c in CHROME)):
            continue
        target = urljoin("http://site" + url, a.attrs["href"])
        targets.setdefault(accessible_name(a), set()).add(target)
    same = {name: sorted(t) for name, t in targets.items() if len(t) > 1}
    assert not same, f"{url}: links named alike lead to different places: {same}"


# -- Japanese on English pages is marked.

# Kana, kanji, Japanese punctuation and full-width forms (written here, not taken from the code under test).
JAPANESE = re.compile("[\u3000-\u303f\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff01-\uff60\uff66-\uff9f]")


def unmarked_japanese(doc: Node) -> list[str]:
    out = []
    for node in doc.walk():
        if node.tag in ("script", "style", "template"):
            continue
        for child in node.children:
            if isinstance(child, str) and JAPANESE.search(child) and not node.lang().lower().startswith("ja"):
                out.append(f"<{node.tag}>: {normal(child)[:80]!r}")
    return out


def test_japanese_on_english_pages_is_marked_as_japanese(site: Path) -> None:
    pages = sorted((site / "en").rglob("*.html"))
    assert len(pages) > 20
    found = {str(p.relative_to(site)): unmarked_japanese(tree(p)) for p in pages}
    found = {p: f for p, f in found.items() if f}
    assert not found, "Japanese not marked lang=ja:\n" + "\n".join(f"{p}: {f[:3]}" for p, f in found.items())


def test_the_japanese_check_sees_unmarked_japanese() -> None:
    """The check above can fail: it finds Japanese in an English element, but not in a marked one."""
    doc = Tree('<html lang="en"><body><p>Budget <span lang="ja">予算</span></p><td>5,000億円</td></body></html>').root
    assert unmarked_japanese(doc) == ["<td>: '5,000億円'"]


# -- In a browser.

JAPANESE_STYLE = """(pattern) => {
  const japanese = new RegExp(pattern);
  const slanted = [], light = [];
  const walker = document.createTreeWalker(document.querySelector('.md-content'), NodeFilter.SHOW_TEXT);
  for (let t = walker.nextNode(); t; t = walker.nextNode()) {
    const e = t.parentElement;
    if (!japanese.test(t.data) || !e.checkVisibility()) continue;
    if (getComputedStyle(e).fontStyle !== 'normal') slanted.push(e.tagName + ': ' + t.data.trim().slice(0, 30));
  }
  if (document.documentElement.lang === 'ja') {
    const body = getComputedStyle(document.querySelector('.md-typeset')).color;
    for (const h of document.querySelectorAll('.md-content h1, .md-content h2')) {
      const s = getComputedStyle(h);
      if (parseInt(s.fontWeight, 10) < 400 || s.color !== body)
        light.push(h.tagName + ' ' + s.fontWeight + ' ' + s.color + ': ' + h.textContent.trim().slice(0, 30));
    }
  }
  return {slanted, light};
}"""


@pytest.mark.parametrize("path", ["budget/", "pillars/", "about/", ""])
@pytest.mark.parametrize("lang", LANGS)
def test_japanese_is_upright_and_japanese_headings_are_not_light(tabs, server, strategy, lang, path):
    if path == "pillars/":
        path = pillar_path(strategy.pillars[0].id)
    page = visit(tabs, server, lang, path)
    found = page.evaluate(JAPANESE_STYLE, JAPANESE.pattern)
    assert not found["slanted"], f"{lang} /{path}: Japanese in a slanted style: {found['slanted'][:5]}"
    assert not found["light"], f"{lang} /{path}: light or grey Japanese headings: {found['light'][:5]}"
    if lang == "ja" and path == "budget/":  # the caption Material sets in italic is there to be checked
        assert page.locator(".md-content figcaption").count()


def test_the_japanese_style_check_sees_a_slanted_caption(tabs, server):
    """The check can fail: with Material's italic caption and light headings back, it reports both."""
    page = visit(tabs, server, "ja", "budget/")
    with added_style(
        page,
        ".md-typeset figcaption { font-style: italic !important; } .md-typeset h1 { font-weight: 300 !important; }",
    ):
        found = page.evaluate(JAPANESE_STYLE, JAPANESE.pattern)
    assert found["slanted"] and found["light"], found


COPY_LINK_STATE = """(link) => {
  const r = link.getBoundingClientRect();
  return {opacity: parseFloat(getComputedStyle(link).opacity), width: r.width, height: r.height,
          box: {x: r.x, y: r.y, width: r.width, height: r.height},
          focused: document.activeElement === link};
}"""


@pytest.mark.parametrize("lang", LANGS)
def test_a_copy_link_shows_on_hover_and_focus_with_a_mouse(tabs, server, strategy, lang):
    measure = strategy.pillars[0].measures[0]
    page = visit(tabs, server, lang, pillar_path(measure.pillar_id) + f"#{strategy.pillars[0].groups[0].id}")
    line = page.locator(f"#{measure.id} > p").first
    link = line.locator("a.copy-link")
    page.mouse.move(0, 0)
    state = link.evaluate(COPY_LINK_STATE)
    assert state["opacity"] == 0, f"the control shows before the pointer is on its item: {state}"
    assert state["width"] >= 24 and state["height"] >= 24, state
    line.hover(position={"x": 5, "y": 5})
    assert link.evaluate(COPY_LINK_STATE)["opacity"] == 1, "the control does not show on hover of its item"
    page.mouse.move(0, 0)
    assert link.evaluate(COPY_LINK_STATE)["opacity"] == 0
    # The keyboard: Tab from the link just before the control lands on it, and it shows with a ring.
    page.evaluate(
        "(id) => { const b = document.createElement('button'); b.id = 'before-copy-link'; b.textContent = '.';"
        " const p = document.querySelector('#' + id + ' > p'); p.insertBefore(b, p.firstChild); b.focus(); }",
        measure.id,
    )
    page.keyboard.press("Tab")
    state = link.evaluate(COPY_LINK_STATE)
    assert state["focused"] and state["opacity"] == 1, f"the focused control does not show: {state}"
    changed, perimeter = focus_ring_pixels(page, state["box"])
    assert changed >= perimeter, f"no focus ring on the copy-link: {changed}/{perimeter}"


@pytest.mark.parametrize("lang", LANGS)
def test_a_copy_link_stays_visible_on_a_touch_screen(tabs, server, strategy, lang):
    measure = strategy.pillars[0].measures[0]
    page = visit(tabs, server, lang, pillar_path(measure.pillar_id), width=WIDTHS["mobile"])
    assert page.evaluate("matchMedia('(hover: none)').matches"), "the phone tab should have no hover"
    links = page.locator(".md-content a.copy-link")
    states = [links.nth(i).evaluate(COPY_LINK_STATE) for i in range(min(links.count(), 10))]
    assert states and all(s["opacity"] == 1 for s in states), states
    assert all(s["width"] >= 24 and s["height"] >= 24 for s in states), states


def test_an_item_that_advances_two_measures_is_shown_under_the_first_and_pointed_to_from_the_second(
    loaded_files: dict,
) -> None:
    """The real data has no such item on one pillar page; here ai-bill advances two measures of the
    first pillar: it is shown (with its anchor) under the first, the second links to it."""
    files = copy.deepcopy(loaded_files)
    first, second = "ai-and-next-generation-ict", "quantum-fusion-materials-bio"
    for section in files["progress"][0].data["sections"]:
        for item in section["items"]:
            if item["id"] == "ai-bill":
                item["advances"] = [first, second]
    strategy = model.build(files)
    out = render.render_pages(strategy)
    for lang in LANGS:
        text = out[f"{lang}/{pages.pillar(strategy.measure(first).pillar_id)}"]
        assert text.count('id="ai-bill"') == 1, lang
        under_first = text[text.index(f'id="{first}"') : text.index(f'id="{second}"')]
        under_second = text[text.index(f'id="{second}"') :].split('<div class="measure"')[0]
        assert 'id="ai-bill"' in under_first
        assert "](#ai-bill)" in under_second and "shown-above" in under_second, under_second
