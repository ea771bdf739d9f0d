"""The parallel view (対訳, rendering/parallel.py): every page that carries the strategy's text has a
page of its own with each item's Japanese and English side by side, at /parallel/<page>/ in a
Japanese frame and /en/parallel/<page>/ in an English one.

- the table of pages gives every such page its view, and the Markdown is read as MkDocs reads it;
- the pairing keeps text as text and refuses two languages of different shapes;
- in the built site: both frames of every view; every item of the normal page in its row, with both
  texts, each in a cell with its `lang`; the links both ways; the language switch; not searched, not
  in the navigation;
- in the browser with the Content-Security-Policy on: at 1280 px each row's two cells side by side
  and level, at 390 px one under the other with nothing wider than the screen, the keyboard through
  it at 390 px, and the link from an item's #anchor landing on the same item, both ways.
"""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest
import yaml
from test_browser_phone import start_from_the_top, tab

from strategy_site.rendering import parallel
from strategy_site.rendering.ui import ui
from strategy_site.structure import pages, urls
from strategy_site.structure.model import LANGS

from browser_site import WIDTHS, Recorder, address, new_tab, open_page, visit

ROOT = Path(__file__).resolve().parents[1]
MAX_TABS = 400


def mirrored(strategy) -> list[pages.Page]:
    return [page for page in pages.site_pages(strategy) if page.type.parallel]


def built(site: Path, lang: str, url: str) -> parallel.Node:
    return parallel.parse((site / (urls.LANG_PREFIX[lang] + url) / "index.html").read_text("utf-8"))


def by_id(tree: parallel.Node) -> dict[str, parallel.Node]:
    return {n.attrs["id"] or "": n for n in tree.walk() if n.attrs.get("id")}


def words(node: parallel.Node) -> str:
    """An element's text as a reader sees it: white space squeezed, the copy-link's '#' left out."""
    text = "".join(
        child if isinstance(child, str) else ("" if "copy-link" in (child.attrs.get("class") or "") else words(child))
        for child in node.children
    )
    return re.sub(r"\s+", " ", text).strip()


# -- Without a build.


def test_the_markdown_is_read_as_mkdocs_reads_it():
    class Tolerant(yaml.SafeLoader):
        pass

    Tolerant.add_multi_constructor("!", lambda loader, suffix, node: None)
    config = yaml.load((ROOT / "mkdocs.yml").read_text("utf-8"), Tolerant)  # noqa: S506 (a SafeLoader)
    names = [next(iter(e)) if isinstance(e, dict) else e for e in config["markdown_extensions"]]
    options = {k: v for e in config["markdown_extensions"] if isinstance(e, dict) for k, v in e.items()}
    assert names == parallel.MARKDOWN_EXTENSIONS
    assert options == parallel.MARKDOWN_CONFIG


def test_every_text_page_has_a_parallel_view(strategy):
    """Home, the pillars, progress, budget, history and the summary; one list of every page."""
    kinds = {page.type.name for page in mirrored(strategy)}
    assert kinds == {"home", "pillar", "progress", "budget", "history", "summary"}
    every = pages.generated_pages(strategy)
    views = [page for page in every if page.mirrors is not None]
    assert [view.mirrors for view in views] == mirrored(strategy)
    assert all(view.url == f"{pages.PARALLEL_DIR}/{view.mirrors.url}" for view in views)  # type: ignore[union-attr]
    assert len({page.url for page in every}) == len(every)


PLACES = tuple(parallel.Place("pillars/p.md", "pillars/p/", "parallel/pillars/p/", lang) for lang in LANGS)


def test_rows_pair_the_items_and_keep_text_as_text():
    ja = '<h2 id="g">見出し</h2><ul class="items"><li id="a">&lt;script&gt;甲 <a href="../../m/a/">#</a></li></ul>'
    en = '<h2 id="g">Heading</h2><ul class="items"><li id="a">&lt;script&gt;A <a href="../../m/a/">#</a></li></ul>'
    rows = parallel.rows(ja, en, PLACES)  # type: ignore[arg-type]
    assert [row.attrs.get("id") for row in rows] == ["g", "a"]
    out = rows[1].html()
    assert "<script" not in out and "&lt;script&gt;甲" in out
    cells = [c for c in rows[1].children if isinstance(c, parallel.Node)]
    assert [c.attrs["lang"] for c in cells] == ["ja", "en"]
    # Each cell's links lead to its own language's pages, from the parallel page's folder.
    assert 'href="../../../m/a/"' in cells[0].html() and 'href="../../../en/m/a/"' in cells[1].html()
    assert ' id="' not in cells[0].html() + cells[1].html()  # the item's id is its row's alone


def test_two_languages_of_different_shapes_are_refused():
    with pytest.raises(parallel.ParallelError, match="2 items in Japanese, 1 in English"):
        parallel.rows("<ul><li>a</li><li>b</li></ul>", "<ul><li>a</li></ul>", PLACES)  # type: ignore[arg-type]
    with pytest.raises(parallel.ParallelError, match="<p> in Japanese where English has <ul>"):
        parallel.rows("<p>a</p>", "<ul><li>a</li></ul>", PLACES)  # type: ignore[arg-type]


def test_a_view_of_more_than_it_can_carry_is_an_index(strategy, monkeypatch):
    """A parallel view carries both languages, so it lists in full fewer items than the page it
    shows (pages.PARALLEL_IN_FULL): beyond, the progress, budget and summary views lead to the
    pillar pages, where each item stands, while their own pages still list everything."""
    from strategy_site.rendering import render

    monkeypatch.setattr(pages, "PARALLEL_IN_FULL", 3)
    out = render.render_pages(strategy)
    for lang in LANGS:
        for name, items in (("progress", strategy.progress_items), ("budget", strategy.figures)):
            normal, view = out[f"{lang}/{name}.md"], out[f"{lang}/{pages.PARALLEL_DIR}/{name}.md"]
            assert all(f'id="{it.id}"' in normal for it in items), name
            assert not any(f'id="{it.id}"' in view for it in items), name
        view = out[f"{lang}/{pages.PARALLEL_DIR}/summary.md"]
        assert not any(f'id="{g.id}"' not in view for p in strategy.pillars for g in p.groups)
        assert not any(ms.text[lang] in view for ms in strategy.measures)
    monkeypatch.setattr(pages, "PARALLEL_IN_FULL", 10_000)
    out = render.render_pages(strategy)
    assert all(f'id="{f.id}"' in out[f"ja/{pages.PARALLEL_DIR}/budget.md"] for f in strategy.figures)


# -- The built site.


@pytest.mark.parametrize("frame", LANGS)
def test_every_mirrored_page_has_its_view_in_both_frames(site, strategy, frame):
    for page in mirrored(strategy):
        view = pages.parallel_page(page)
        html = (site / (urls.LANG_PREFIX[frame] + view.url) / "index.html").read_text("utf-8")
        assert re.search(rf'<html lang="{frame}"', html), view.url
        assert 'class="parallel"' in html, view.url


def test_every_item_of_a_page_stands_in_its_view_in_both_languages(site, strategy):
    """Every element with an id in the normal page's article (items, headings, sections) is a row
    of the view, or inside one, whose Japanese cell says what the Japanese page says there and whose
    English cell what the English page says."""
    items = {item.id for kind in pages.ITEM_KINDS for item in kind.items(strategy)}
    for page in mirrored(strategy):
        normal = {lang: by_id(built(site, lang, page.url)) for lang in LANGS}
        article_ids = [i for i in normal["ja"] if i in items or normal["ja"][i].tag in ("li", "div", "h2", "h3")]
        for frame in LANGS:
            tree = built(site, frame, pages.parallel_page(page).url)
            view = by_id(tree)
            whole = {
                lang: " ".join(
                    words(c)
                    for c in tree.walk()
                    if c.attrs.get("lang") == lang and "parallel__cell" in (c.attrs.get("class") or "")
                )
                for lang in LANGS
            }
            shown = [i for i in article_ids if i in items and i in normal["en"]]
            assert shown or page.type.name == "summary", page.url
            for ident in shown:
                row = view.get(ident)
                assert row is not None, f"/{frame} parallel/{page.url}: no row #{ident}"
                cells = {c.attrs.get("lang"): c for c in row.walk() if "parallel__cell" in (c.attrs.get("class") or "")}
                assert set(cells) == set(LANGS), f"parallel/{page.url}#{ident}: cells {list(cells)}"
                for lang in LANGS:
                    said = words(normal[lang][ident])
                    # An item in a list: its row says it all; a wrapper (a measure with its progress and
                    # figures): its rows, from its own on, say it all in order.
                    # A mark with no words (a budget figure's row in the table): its row says the item's text.
                    where = words(cells[lang]) if normal[lang][ident].tag == "li" or not said else whole[lang]
                    said = said or strategy.item_text(ident)[lang]
                    assert said in where, f"parallel/{page.url}#{ident} ({lang}): {said!r}"
                    if page.type.name == "pillar" and strategy.kind_of(ident) == "measure":  # the text itself
                        assert strategy.measure(ident).text[lang] in words(cells[lang]), f"#{ident} ({lang})"


def test_the_views_ids_are_unique_and_keep_the_pages_anchors(site, strategy):
    for page in mirrored(strategy):
        anchors = set(by_id(built(site, "ja", page.url)))
        for frame in LANGS:
            html = (site / (urls.LANG_PREFIX[frame] + pages.parallel_page(page).url) / "index.html").read_text("utf-8")
            ids = re.findall(r'\sid="([^"]+)"', html)
            assert len(ids) == len(set(ids)), (
                f"parallel/{page.url}: ids twice: {sorted(i for i in ids if ids.count(i) > 1)}"
            )
            article = {i for i in anchors if i in set(by_id(built(site, "en", page.url)))}
            missing = {i for i in article if i not in ids and not i.startswith(("__", "site-", "anchor-moves"))}
            missing -= {i for i in missing if re.search(r"-(narrow|title|desc)|chart", i)}
            assert not missing, f"parallel/{page.url}: anchors of the page missing: {sorted(missing)[:5]}"


def own_marks(node: parallel.Node, heading: str) -> int:
    """The ※/† marks in an element, less those inside `heading` elements (a table's column heading:
    the view repeats it on each row's record)."""
    if node.tag == heading:
        return 0
    mark = "own-mark" in (node.attrs.get("class") or "").split()
    return mark + sum(own_marks(c, heading) for c in node.children if isinstance(c, parallel.Node))


def test_the_sites_own_marks_stand_in_each_language(site, strategy):
    """The ※/† marks of the site's own words (provenance.py, the own() macro): as many in each
    language's cells as on that language's page, each in the cell of its language."""
    for page in mirrored(strategy):
        for frame in LANGS:
            view = built(site, frame, pages.parallel_page(page).url)
            cells = [c for c in view.walk() if "parallel__cell" in (c.attrs.get("class") or "")]
            for lang in LANGS:
                article = next(n for n in built(site, lang, page.url).walk() if n.tag == "article")
                expected = own_marks(article, "th")
                found = sum(own_marks(c, "dt") for c in cells if c.attrs.get("lang") == lang)
                assert found == expected, (
                    f"/{frame} parallel/{page.url} ({lang}): {found} marks, the page has {expected}"
                )


def link_target(page_url: str, href: str) -> str:
    return urlsplit(urljoin("http://x/" + page_url, href)).path


def test_the_links_lead_both_ways(site, strategy):
    for page in mirrored(strategy):
        view = pages.parallel_page(page)
        for lang in LANGS:
            normal = built(site, lang, page.url)
            there = [n for n in normal.walk() if n.tag == "a" and "data-keep-place" in n.attrs]
            assert len(there) == 1, f"/{lang} {page.url}: {len(there)} links to the parallel view"
            assert link_target(urls.LANG_PREFIX[lang] + page.url, there[0].attrs["href"] or "") == "/" + (
                urls.LANG_PREFIX[lang] + view.url
            )
            back = [n for n in built(site, lang, view.url).walk() if n.tag == "a" and "data-keep-place" in n.attrs]
            targets = {
                n.attrs["hreflang"]: link_target(urls.LANG_PREFIX[lang] + view.url, n.attrs["href"] or "") for n in back
            }
            assert targets == {other: "/" + urls.LANG_PREFIX[other] + page.url for other in LANGS}


def test_the_language_switch_and_alternates_lead_to_the_other_frame(site, strategy):
    view = pages.parallel_page(mirrored(strategy)[1])
    for lang in LANGS:
        tree = built(site, lang, view.url)
        here = urls.LANG_PREFIX[lang] + view.url
        switch = {
            n.attrs["hreflang"]: n.attrs["href"]
            for n in tree.walk()
            if "md-select__link" in (n.attrs.get("class") or "")
        }
        assert {k: link_target(here, v or "") for k, v in switch.items()} == {
            other: "/" + urls.LANG_PREFIX[other] + view.url for other in LANGS
        }
        alternates = {
            n.attrs["hreflang"]: urlsplit(n.attrs["href"] or "").path
            for n in tree.walk()
            if n.tag == "link" and n.attrs.get("rel") == "alternate"
        }
        assert alternates["en"] == "/en/" + view.url and alternates["ja"] == "/" + view.url


def test_the_views_are_not_searched_nor_in_the_navigation(site, strategy):
    from conftest import fragments

    indexed = set(fragments(site))
    assert indexed and not [url for url in indexed if f"/{pages.PARALLEL_DIR}/" in url]
    for page in mirrored(strategy):
        for lang in LANGS:
            html = (site / (urls.LANG_PREFIX[lang] + pages.parallel_page(page).url) / "index.html").read_text("utf-8")
            assert "data-pagefind-body" not in html
    home = (site / "index.html").read_text("utf-8")
    nav = home[home.index('<nav class="md-nav md-nav--primary"') :]
    nav = nav[: nav.index("</nav>")]
    assert f"{pages.PARALLEL_DIR}/" not in nav
    # They are pages people share: the sitemap lists them, in both frames.
    sitemap = (site / "sitemap.xml").read_text("utf-8")
    for lang in LANGS:
        assert f"/{urls.LANG_PREFIX[lang]}{pages.PARALLEL_DIR}/budget/</loc>" in sitemap


# -- In the browser, with the pages' Content-Security-Policy on.

ROWS = """() => [...document.querySelectorAll('.parallel__row')].filter(r => r.checkVisibility()).map(r => {
  const [ja, en] = [...r.children].map(c => c.getBoundingClientRect());
  return {id: r.id, ja: {top: ja.top, left: ja.left, bottom: ja.bottom, right: ja.right},
          en: {top: en.top, left: en.left, bottom: en.bottom, right: en.right},
          langs: [...r.children].map(c => c.lang)};
})"""


def views(strategy):
    """The home page's view and the first pillar's."""
    return [pages.parallel_page(page).url for page in mirrored(strategy)[:2]]


@pytest.mark.parametrize("lang", LANGS)
def test_at_1280_px_each_items_languages_stand_side_by_side_and_level(tabs, server, strategy, lang):
    for url in views(strategy):
        page = visit(tabs, server, lang, url)
        rows = page.evaluate(ROWS)
        assert len(rows) > 10, url
        for row in rows:
            assert row["langs"] == ["ja", "en"], row
            assert abs(row["ja"]["top"] - row["en"]["top"]) < 1, f"{url}#{row['id']}: not level: {row}"
            assert row["en"]["left"] >= row["ja"]["right"] - 1, f"{url}#{row['id']}: not side by side: {row}"
        # A row is as tall as its longer cell: the next row starts below both.
        for above, below in zip(rows, rows[1:], strict=False):
            assert below["ja"]["top"] >= max(above["ja"]["bottom"], above["en"]["bottom"]) - 1


@pytest.mark.parametrize("lang", LANGS)
def test_at_390_px_the_languages_stand_one_under_the_other(tabs, server, strategy, lang):
    for url in views(strategy):
        page = visit(tabs, server, lang, url, width=WIDTHS["mobile"])
        for row in page.evaluate(ROWS):
            assert row["en"]["top"] >= row["ja"]["bottom"] - 1, f"{url}#{row['id']}: not stacked: {row}"
            assert row["en"]["right"] <= WIDTHS["mobile"] + 0.5
        widths = page.evaluate("[document.documentElement.scrollWidth, document.documentElement.clientWidth]")
        assert widths[0] <= widths[1], f"{lang} {url}: {widths[0]} px wide on a {widths[1]} px screen"


@pytest.mark.parametrize("lang", LANGS)
def test_the_keyboard_walks_the_view_at_390_px(tabs, server, strategy, lang):
    url = views(strategy)[1]
    page = visit(tabs, server, lang, url, width=WIDTHS["mobile"])
    start_from_the_top(page)
    stops, wrong = [], []
    for _ in range(MAX_TABS):
        stop = tab(page)
        if stop is None or (stops and stop["skip"]):
            break
        stops.append(stop)
        if stop["wrong"]:
            wrong.append(f"Tab {len(stops)}: {stop['what']}: {stop['wrong']}")
    else:
        pytest.fail(f"{MAX_TABS} Tab stops and no end")
    # The links back to each language's page are reached, and so are the items' copy-link controls.
    reached = " ".join(s["what"] for s in stops)
    assert all(ui(key, lang) in reached for key in ("read_ja_only", "read_en_only")), reached[:300]
    assert "copy-link" in reached
    assert not wrong, f"{lang} {url}: Tab stops not shown on the screen:\n" + "\n".join(wrong)


@pytest.mark.parametrize("lang", LANGS)
def test_the_link_keeps_the_readers_place_both_ways(browser, server, strategy, lang):
    """From an item's #anchor on a pillar page, the link to the parallel view lands on the same item
    there, and the link back (in the view's language) on the item on the normal page. Without an
    anchor, the item at the top of the view is the place kept."""
    page_ = mirrored(strategy)[1]
    measure = next(m for m in strategy.measures if m.pillar_id == page_.pillar_id and m is not strategy.measures[0])
    tab_ = new_tab(browser)
    recorder = Recorder(tab_.context, server)
    open_page(tab_, address(server, lang, page_.url) + "#" + measure.id)
    with tab_.expect_navigation():
        tab_.locator("a[data-keep-place]").click()
    assert tab_.url == address(server, lang, pages.parallel_page(page_).url) + "#" + measure.id
    assert tab_.evaluate("location.hash && document.querySelector(':target').className") == "parallel__row"
    with tab_.expect_navigation():
        tab_.locator(f"a[data-keep-place][hreflang={lang}]").click()
    assert tab_.url == address(server, lang, page_.url) + "#" + measure.id
    # No anchor: scrolled to an item, the link goes to it.
    open_page(tab_, address(server, lang, pages.parallel_page(page_).url))
    tab_.evaluate(
        "id => window.scrollTo(0, document.getElementById(id).getBoundingClientRect().top + scrollY - 60)",
        measure.id,
    )
    with tab_.expect_navigation():
        tab_.locator(f"a[data-keep-place][hreflang={lang}]").dispatch_event("click")
    assert tab_.url == address(server, lang, page_.url) + "#" + measure.id
    # A request the next page's navigation stopped (the favicon) is no problem; a console error (a
    # script or style the policy refused), a failed or foreign request is.
    assert not [p for p in recorder.take() if "net::ERR_ABORTED" not in p]
    tab_.context.close()


def plain(text: str) -> str:
    """Text as a PDF's text layer is compared: no white space, NFKC (a PDF may give a Kangxi radical,
    U+2F47, for the kanji it looks like, 日), one middle dot (the font's ・ comes out as U+2027)."""
    return unicodedata.normalize("NFKC", re.sub(r"\s+", "", text)).replace("\u2027", "・").replace("･", "・")


@pytest.mark.parametrize("lang", LANGS)
def test_a_view_prints_on_a4_with_both_languages_side_by_side(browser, server, strategy, lang):
    """Printed (Chromium's print to PDF, print.css), a pillar's view comes out on A4 sheets with every
    measure in both languages, and its rows in two columns as on a wide screen."""
    import io

    from pypdf import PdfReader

    page_ = mirrored(strategy)[1]
    tab_ = new_tab(browser)
    open_page(tab_, address(server, lang, pages.parallel_page(page_).url))
    tab_.emulate_media(media="print")
    rows = tab_.evaluate(ROWS)
    assert rows and all(abs(r["ja"]["top"] - r["en"]["top"]) < 1 and r["en"]["left"] > r["ja"]["left"] for r in rows)
    reader = PdfReader(io.BytesIO(tab_.pdf(format="A4", prefer_css_page_size=True)))
    tab_.context.close()
    for sheet in reader.pages:
        size = (float(sheet.mediabox.width), float(sheet.mediabox.height))
        assert abs(size[0] - 595.28) <= 2 and abs(size[1] - 841.89) <= 2, size
    printed = plain("".join(s.extract_text() for s in reader.pages))
    for measure in strategy.measures:
        if measure.pillar_id == page_.pillar_id:
            for text in (measure.text.ja, measure.text.en):
                assert plain(text)[:20] in printed, (lang, text)


@pytest.mark.parametrize("width", WIDTHS.values())
@pytest.mark.parametrize("scheme", ("light", "dark"))
@pytest.mark.parametrize("lang", LANGS)
def test_axe_finds_no_wcag_a_or_aa_violation_on_the_views(tabs, server, strategy, lang, scheme, width):
    """axe-core with the site's rules (test_browser_a11y) on the home page's and a pillar's view."""
    from test_browser_a11y import axe_violations, report

    for url in views(strategy):
        page = visit(tabs, server, lang, url, scheme, width)
        violations = axe_violations(page)
        assert not violations, f"{lang} {url} ({scheme}, {width} px):\n{report(violations)}"
