"""Printing: the pages staff print come out clean, complete and on A4, in Japanese and English.

Each page is printed to PDF by headless Chromium, as from the browser's print dialog, and the PDF
is read back with pypdf: the paper size and the number of sheets, the text that must be there
(taken from the model) and the text that must not (the site's navigation and controls), the fonts
that carry the Japanese, and the running header and footer. Colours are checked in print media.
"""

from __future__ import annotations

import base64
import io
import re
import unicodedata
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path

import pytest
from pypdf import PdfReader

from strategy_site.rendering import format as fmt
from strategy_site.rendering.ui import label, ui
from strategy_site.structure import pages, urls
from strategy_site.structure.model import LANGS

from browser_site import wait_until

pytestmark = pytest.mark.browser

A4_PT = (595.28, 841.89)
A4_TOLERANCE_PT = 2.0
A4_CONTENT_PX = 680  # 210 mm less the 15 mm side margins of print.css, at 96 px per inch
NAV_KEYS = ("home", "measures", "progress", "budget", "history", "glossary", "summary", "about", "data")


# Characters the Japanese font draws with one glyph, so the PDF's text layer gives either.
SAME_GLYPH = str.maketrans({"\u2027": "\u30fb", "\u301c": "~"})  # ‧ ・, 〜 ～


def normal(text: str) -> str:
    """Text for comparing what was printed with what was meant: compatibility forms folded (the
    PDF's text layer gives a Kangxi radical such as U+2F12 for 力, because the font draws both
    with one glyph; NFKC folds them) and all white space removed (line breaks)."""
    text = unicodedata.normalize("NFKC", text).translate(SAME_GLYPH)
    return re.sub(r"\s+", "", text)


def page_path(lang: str, source: str) -> str:
    return urls.site_path(lang, urls.page_url(source)).lstrip("/")


@dataclass
class Printout:
    pdf: PdfReader
    pages: list[str]  # each sheet's text, as normal()
    canonical: str  # the page's address (its canonical link)
    article: str  # the page's content as text, print-only parts included, as normal()
    chrome: list[str]  # labels of the navigation, search, footer and language menu on screen
    search: str  # the search box's placeholder

    def text(self) -> str:
        return "".join(self.pages)


CHROME_JS = """() => {
  const texts = sel => [...document.querySelectorAll(sel)].map(e => e.textContent.trim()).filter(Boolean);
  const search = document.querySelector('.md-search__input') || {placeholder: ''};
  return {
    canonical: document.querySelector('link[rel=canonical]').href,
    article: document.querySelector('article').textContent,
    chrome: [...texts('.md-nav--primary .md-nav__link'), ...texts('.md-tabs__link'),
             ...texts('.md-footer__link'), ...texts('.md-copyright'), ...texts('.md-select__link'),
             search.placeholder],
    search: search.placeholder,
  };
}"""


@pytest.fixture(scope="module")
def context(browser):
    ctx = browser.new_context()
    yield ctx
    ctx.close()


@pytest.fixture(scope="module")
def printed(server, context):
    """Print a page (path under the site's root) to PDF, once per test module."""
    cache: dict[str, Printout] = {}

    def print_page(path: str) -> Printout:
        if path not in cache:
            page = context.new_page()
            page.goto(server + path, wait_until="load")
            info = page.evaluate(CHROME_JS)
            data = page.pdf(format="A4", prefer_css_page_size=True)
            page.close()
            reader = PdfReader(io.BytesIO(data))
            cache[path] = Printout(
                reader,
                [normal(p.extract_text()) for p in reader.pages],
                info["canonical"],
                normal(info["article"]),
                info["chrome"],
                info["search"],
            )
        return cache[path]

    return print_page


def assert_a4(out: Printout) -> None:
    for number, page in enumerate(out.pdf.pages, 1):
        size = (float(page.mediabox.width), float(page.mediabox.height))
        assert all(abs(got - want) <= A4_TOLERANCE_PT for got, want in zip(size, A4_PT, strict=True)), (
            f"sheet {number} is {size[0]:.1f} x {size[1]:.1f} pt, not A4 portrait ({A4_PT[0]} x {A4_PT[1]} pt)"
        )


def assert_printed(out: Printout, texts: list[str], what: str) -> None:
    missing = [t for t in texts if normal(t) not in out.text()]
    assert not missing, f"{what}: not printed: {missing}"


def assert_no_chrome(out: Printout, lang: str) -> list[str]:
    """The navigation, search, footer and language menu do not print. Labels that the page's own
    content also contains cannot be told apart, so they are left out; the rest are returned."""
    labels = {*out.chrome, *(ui(k, lang) for k in NAV_KEYS)}
    checked = [label for label in labels if normal(label) and normal(label) not in out.article]
    printed = [label for label in checked if normal(label) in out.text()]
    assert not printed, f"the site's navigation or controls printed: {printed}"
    return checked


def pdf_fonts(reader: PdfReader) -> list[dict]:
    """Every font on every sheet, with its name and whether its glyphs are in the file."""
    fonts = []

    def walk(resources) -> None:
        resources = resources.get_object() if resources else {}
        for font in (resources.get("/Font") or {}).values():
            font = font.get_object()
            descriptor = font.get("/FontDescriptor")
            if font.get("/Subtype") == "/Type0":
                descriptor = font["/DescendantFonts"][0].get_object().get("/FontDescriptor")
            descriptor = descriptor.get_object() if descriptor else {}
            name = str(font.get("/BaseFont") or descriptor.get("/FontName") or "")
            files = any(k in descriptor for k in ("/FontFile", "/FontFile2", "/FontFile3"))
            # Chromium embeds CFF-based OpenType fonts (Noto Sans CJK) as Type 3 fonts: each glyph's
            # outline is a drawing procedure in /CharProcs.
            procs = font.get("/CharProcs")
            glyphs = [p.get_object().get_data() for p in procs.get_object().values()] if procs else []
            outlines = sum(1 for g in glyphs if re.search(rb"\b(m|l|c)\b", g))
            fonts.append({"name": name, "subtype": str(font.get("/Subtype")), "file": files, "outlines": outlines})
        for xobject in (resources.get("/XObject") or {}).values():
            xobject = xobject.get_object()
            if xobject.get("/Subtype") == "/Form":
                walk(xobject.get("/Resources"))

    for page in reader.pages:
        walk(page.get("/Resources"))
    return fonts


# -- The one-page summary ------------------------------------------------------------------------


@pytest.mark.parametrize("lang", LANGS)
def test_summary_prints_on_exactly_one_a4_sheet_with_its_whole_content(printed, strategy, lang):
    out = printed(page_path(lang, pages.SOURCE["summary"]))
    assert_a4(out)
    assert len(out.pdf.pages) == 1, f"/summary/ ({lang}) prints on {len(out.pdf.pages)} sheets, not one"
    texts = [strategy.title[lang], strategy.aim.text[lang], strategy.pillars_heading[lang]]
    for box in strategy.boxes:  # all of slide 1: its two boxes too
        texts += [box.title[lang], *(g.title[lang] for g in box.groups), *(i.text[lang] for i in box.all_items())]
    for p in strategy.pillars:
        texts += [
            p.name[lang],
            *(g.title[lang] for g in p.groups),
            *(ms.text[lang] for g in p.groups for ms in g.measures),
        ]
    assert_printed(out, texts, f"/summary/ ({lang})")
    # Slide 3's budget figures fill the sheet's foot, and the source line names the publisher.
    assert_printed(out, [t for f in strategy.figures for t in (f.program[lang], fmt.amount(f, lang))], "budget")
    assert_printed(out, [ui("source_of", lang, title=strategy.source_title[lang])], f"/summary/ ({lang})")
    # The QR code's caption: the page's online address.
    assert_printed(out, [f"{label('online_at', lang)}{out.canonical}"], f"/summary/ ({lang})")
    checked = assert_no_chrome(out, lang)
    assert out.search, "the page has no search box to leave out of the print"
    assert ui("measures", lang) in checked and out.search in checked and len(checked) >= 8, checked


PRINT_MINIMUM_PT = 7.5  # the smallest type the print styles use anywhere (tables, ids)


@pytest.mark.parametrize("lang", LANGS)
def test_summary_prints_no_type_under_the_print_minimum(server, context, lang):
    page = context.new_page()
    page.goto(server + page_path(lang, pages.SOURCE["summary"]))
    page.emulate_media(media="print")
    sizes = page.evaluate("""() => {
      const out = [];
      const walker = document.createTreeWalker(document.querySelector('article'), NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        const e = n.parentElement;
        if (!n.textContent.trim() || !e.checkVisibility() || e.closest('svg, script, style')) continue;
        out.push([parseFloat(getComputedStyle(e).fontSize), n.textContent.trim().slice(0, 30)]);
      }
      return out;
    }""")
    page.close()
    assert len(sizes) > 40
    small = [(round(px * 72 / 96, 2), text) for px, text in sizes if px * 72 / 96 < PRINT_MINIMUM_PT - 0.01]
    assert not small, f"/summary/ ({lang}) prints type under {PRINT_MINIMUM_PT} pt: {small[:10]}"


@pytest.mark.parametrize("lang", LANGS)
def test_summary_qr_code_shows_in_print_only(server, context, lang):
    page = context.new_page()
    page.goto(server + page_path(lang, pages.SOURCE["summary"]))
    qr = page.locator(".summary-qr svg")
    address = page.evaluate("document.querySelector('link[rel=canonical]').href")
    assert qr.get_attribute("aria-label") == f"QR code: {address}"
    assert not qr.is_visible(), "the QR code shows on screen"
    page.emulate_media(media="print")
    box = qr.bounding_box()
    assert qr.is_visible() and box and box["width"] >= 60 and box["height"] >= 60, (
        f"the QR code does not print at a scannable size: {box}"
    )
    page.close()


@pytest.mark.parametrize("lang", LANGS)
def test_summary_prints_japanese_with_embedded_glyphs(printed, strategy, lang):
    """A Japanese font's glyphs are in the PDF (not a reference to a font the printer may lack),
    and every font used is embedded."""
    out = printed(page_path(lang, pages.SOURCE["summary"]))
    fonts = pdf_fonts(out.pdf)
    assert fonts, "the PDF has no fonts"
    not_embedded = [f["name"] for f in fonts if not (f["file"] or f["outlines"])]
    assert not not_embedded, f"fonts not embedded: {not_embedded}"
    if lang == "ja":
        cjk = [f for f in fonts if re.search(r"Noto(Sans|Serif)(Mono)?CJK", f["name"].replace(" ", ""))]
        assert cjk, f"no Noto Sans/Serif CJK font in the PDF: {sorted({f['name'] for f in fonts})}"
        kanji = {c for c in strategy.aim.text["ja"] if unicodedata.name(c, "").startswith("CJK UNIFIED")}
        outlines = sum(f["outlines"] for f in cjk)
        assert any(f["file"] for f in cjk) or outlines >= len(kanji), (
            f"the CJK fonts hold {outlines} glyph outlines, fewer than the {len(kanji)} kanji of the aim alone"
        )


# -- Pillar pages and the budget page -----------------------------------------------------------


@pytest.mark.parametrize("lang", LANGS)
def test_pillar_page_prints_on_at_most_two_sheets_without_splitting_a_measure(printed, strategy, lang, pillar_id):
    p = strategy.pillar(pillar_id)
    out = printed(page_path(lang, pages.pillar(pillar_id)))
    assert_a4(out)
    assert 1 <= len(out.pdf.pages) <= 2, f"/pillars/{pillar_id}/ ({lang}) prints on {len(out.pdf.pages)} sheets"
    assert_no_chrome(out, lang)

    def sheet_of(text: str) -> int:
        found = [n for n, page in enumerate(out.pages) if normal(text) in page]
        assert found, f"/pillars/{pillar_id}/ ({lang}): not printed: {text!r}"
        return found[0]

    for g in p.groups:
        first = g.measures[0]
        assert sheet_of(g.title[lang]) == sheet_of(first.id), (
            f"the heading {g.title[lang]!r} and its first measure print on different sheets"
        )
        for ms in g.measures:
            permalink = f"{label('permalink', lang)}{urls.site_path(lang, urls.permalink_path(ms.id))}"
            sheets = {sheet_of(ms.id), sheet_of(ms.text[lang]), sheet_of(permalink)}
            assert len(sheets) == 1, f"measure {ms.id} is split over sheets {sorted(sheets)}"


@pytest.mark.parametrize("lang", LANGS)
def test_budget_prints_its_whole_table_and_chart_in_black_and_white(printed, server, context, strategy, lang):
    out = printed(page_path(lang, pages.SOURCE["budget"]))
    assert_a4(out)
    assert len(out.pdf.pages) <= 2
    # The English form of the amounts is a column of the English table only.
    columns = ("program", "amount_published", *(("amount_en",) if lang == "en" else ()), "budget_type", "fiscal_years")
    headers = [ui(k, lang) for k in columns]
    figures = strategy.figures
    assert_printed(
        out, headers + [t for f in figures for t in (f.program[lang], fmt.amount(f, lang))], f"/budget/ ({lang})"
    )
    assert_printed(out, [fmt.budget_type(k, lang) for k in {f.budget_type for f in figures}], "the chart's key")
    assert_no_chrome(out, lang)

    page = context.new_page()
    page.set_viewport_size({"width": A4_CONTENT_PX, "height": 1000})
    page.goto(server + page_path(lang, pages.SOURCE["budget"]))
    page.emulate_media(media="print")
    layout = page.evaluate("""() => {
      const right = e => e.getBoundingClientRect().right;
      const article = document.querySelector('article');
      const colours = [];
      for (const e of document.querySelectorAll('.budget-chart svg *')) {
        const s = getComputedStyle(e);
        for (const c of [s.fill, s.stroke]) colours.push(c);
      }
      const fill = sel => getComputedStyle(document.querySelector('.budget-chart ' + sel)).fill;
      return {article: right(article), table: right(document.querySelector('article table')),
              tableScroll: document.querySelector('article table').scrollWidth,
              tableWidth: document.querySelector('article table').clientWidth,
              chart: right(document.querySelector('.budget-chart svg')),
              chartWidth: document.querySelector('.budget-chart svg').getBoundingClientRect().width,
              colours, initial: fill('.bar-initial'), supplementary: fill('.bar-supplementary'),
              fund: fill('.bar-fund')};
    }""")
    page.close()
    assert layout["table"] <= layout["article"] + 1 and layout["tableScroll"] <= layout["tableWidth"] + 1, (
        f"the table is wider than the page: {layout}"
    )
    assert layout["chart"] <= layout["article"] + 1 and layout["chartWidth"] >= 0.6 * A4_CONTENT_PX, layout
    colours = {c for c in layout["colours"] if c.startswith("rgb")}
    greys = {c for c in colours if len(set(re.findall(r"\d+", c)[:3])) == 1}
    assert colours == greys, f"the chart prints in colour: {sorted(colours - greys)}"
    fills = [layout["initial"], layout["supplementary"], layout["fund"]]
    assert layout["initial"] == "rgb(0, 0, 0)" and len(set(fills)) == 3 and all("url(" in f for f in fills[1:]), (
        f"the budget types are not told apart in black and white: {fills}"
    )


# -- Every printed page -------------------------------------------------------------------------


@pytest.mark.parametrize("lang", LANGS)
def test_every_sheet_carries_title_date_address_and_page_number(printed, site: Path, strategy, lang):
    p = strategy.pillars[0]
    out = printed(page_path(lang, pages.pillar(p.id)))
    sitemap = ET.parse(site / "sitemap.xml").getroot()
    built = sitemap.find("{*}url/{*}lastmod").text  # MkDocs' build date (SOURCE_DATE_EPOCH)
    total = len(out.pages)
    for number, text in enumerate(out.pages, 1):
        for expected in (ui("site_name", lang), built, out.canonical, f"{number}/{total}"):
            assert normal(expected) in text, f"sheet {number} of {out.canonical} lacks {expected!r}"


def test_print_hides_controls_and_shows_ids_permalinks_and_link_addresses(server, context, strategy):
    page = context.new_page()
    page.goto(server + page_path("en", pages.pillar(strategy.pillars[0].id)))
    hidden = [
        ".md-header",
        ".md-sidebar--primary",
        ".md-sidebar--secondary",
        ".md-footer",
        ".md-search",
        ".md-top",
        "[data-md-component=palette]",
        ".md-select",
        "a.copy-link",
    ]
    present = {sel: page.locator(sel).count() for sel in hidden}
    assert all(present.values()), f"the page lacks some controls the test expects: {present}"
    assert page.locator(".print-permalink").first.is_hidden()
    page.emulate_media(media="print")
    for sel in hidden:
        boxes = page.evaluate(f"[...document.querySelectorAll({sel!r})].map(e => e.getClientRects().length)")
        assert not any(boxes), f"{sel} prints"
    # The measure's id prints in its short permalink (/m/<id>/); on screen the text is enough.
    assert page.locator(".print-permalink").first.is_visible(), ".print-permalink does not print"
    after = page.evaluate("""() => {
      const a = document.createElement('a');
      a.href = 'https://example.org/report'; a.textContent = 'report';
      document.querySelector('article').appendChild(a);
      return getComputedStyle(a, '::after').content;
    }""")
    assert "https://example.org/report" in after, f"an external link does not print its address: {after}"
    page.close()


PIXELS_JS = """async (png) => {
  const img = new Image();
  img.src = 'data:image/png;base64,' + png;
  await img.decode();
  const canvas = document.createElement('canvas');
  canvas.width = img.width; canvas.height = img.height;
  const g = canvas.getContext('2d');
  g.drawImage(img, 0, 0);
  const d = g.getImageData(0, 0, img.width, img.height).data;
  let white = 0, dark = 0;
  for (let i = 0; i < d.length; i += 4) {
    const y = 0.2126 * d[i] + 0.7152 * d[i + 1] + 0.0722 * d[i + 2];
    if (y > 235) white++; else if (y < 90) dark++;
  }
  const n = d.length / 4;
  return {white: white / n, dark: dark / n};
}"""


@pytest.mark.parametrize("lang", LANGS)
def test_dark_mode_prints_black_on_white(server, browser, lang):
    """With the dark (slate) scheme on screen, the page still prints dark text on white paper, as
    in the light scheme. The print rendering is a screenshot in print media (backgrounds included)."""
    results = {}
    for scheme in ("light", "dark"):
        ctx = browser.new_context(color_scheme=scheme, viewport={"width": A4_CONTENT_PX, "height": 1000})
        page = ctx.new_page()
        page.goto(server + page_path(lang, pages.SOURCE["summary"]))
        body = page.evaluate("""() => ({scheme: document.body.dataset.mdColorScheme,
                                         bg: getComputedStyle(document.body).backgroundColor})""")
        assert body["scheme"] == ("slate" if scheme == "dark" else "default"), body
        page.emulate_media(media="print")
        wait_until(page, "document.getAnimations().length === 0")
        text_colours = page.evaluate("""() => [...document.querySelectorAll('article *')]
          .filter(e => e.getClientRects().length
                       && [...e.childNodes].some(n => n.nodeType === 3 && n.textContent.trim()))
          .map(e => getComputedStyle(e).color)""")
        shot = base64.b64encode(page.screenshot(full_page=True)).decode()
        results[scheme] = page.evaluate(PIXELS_JS, shot)
        ctx.close()
        light_text = [c for c in set(text_colours) if _luminance(c) > 0.35]
        assert not light_text, f"{scheme} scheme: text prints in light colours: {light_text}"
        if scheme == "dark":
            assert _luminance(body["bg"]) < 0.2, f"the dark scheme is not dark on screen: {body}"
    dark, light = results["dark"], results["light"]
    assert dark["white"] > 0.8 and dark["dark"] > 0.005, f"dark scheme printed: {dark}"
    assert abs(dark["white"] - light["white"]) < 0.01 and abs(dark["dark"] - light["dark"]) < 0.01, (
        f"the dark scheme prints differently from the light one: dark {dark}, light {light}"
    )


def _luminance(css_colour: str) -> float:
    r, g, b = (int(v) / 255 for v in re.findall(r"[\d.]+", css_colour)[:3])
    return 0.2126 * r + 0.7152 * g + 0.0722 * b
