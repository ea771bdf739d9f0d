"""Every name right, every addition marked (issue 15).

- the audit's corrections, on the built pages in both languages and in the data;
- the registry of names (data/names.yaml): every 'translation: official' resolves to an entry with a
  source, and validation refuses one that does not;
- provenance: every Japanese text from data/ that is not in the source verbatim is marked as the
  site's own wherever a Japanese page shows it, and the exports say which fields are the site's;
- /summary/ carries all of slide 1; the budget chart fits a phone.
"""

from __future__ import annotations

import csv
import html as html_module
import io
import json
import re
import shutil
from html.parser import HTMLParser
from pathlib import Path

import pytest

from strategy_site.checking.names import texts_with_translation
from strategy_site.checking.validate import validate
from strategy_site.reading import shape
from strategy_site.reading.load import data_files, read_file
from strategy_site.rendering import charts, provenance, render, ui
from strategy_site.structure import pages as site_pages
from strategy_site.structure import urls
from strategy_site.structure.model import LANGS

from browser_site import WIDTHS, visit
from conftest import EDITION, ROOT

MARKERS = "⚫•・✓"
OWN = ui.UI["own_mark"]


def page(site: Path, lang: str, path: str) -> str:
    return (site / urls.site_path(lang, path).lstrip("/") / "index.html").read_text("utf-8")


class _Article(HTMLParser):
    """The text of a page's <article>: all of it, and the part outside elements marked data-site-own."""

    VOID = {"br", "hr", "img", "input", "meta", "link", "wbr", "rect", "line", "circle", "path", "source"}

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack: list[tuple[str, bool]] = []  # (tag, marked)
        self.inside = 0
        self.all: list[str] = []
        self.unmarked: list[str] = []
        self.marks = 0

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "article":
            self.inside += 1
        if tag in self.VOID:
            return
        marked = "data-site-own" in attrs or bool(self.stack and self.stack[-1][1])
        self.marks += "own-mark" in (attrs.get("class") or "").split()
        self.stack.append((tag, marked))

    def handle_startendtag(self, tag, attrs):
        pass

    def handle_endtag(self, tag):
        if tag == "article":
            self.inside -= 1
        if tag in self.VOID:
            return
        while self.stack:
            if self.stack.pop()[0] == tag:
                break

    def handle_data(self, data):
        if not self.inside or (self.stack and self.stack[-1][0] in ("script", "style")):
            return
        self.all.append(data)
        if not (self.stack and self.stack[-1][1]):
            self.unmarked.append(data)


class _Marked(HTMLParser):
    """The texts a page's <article> marks as the site's own: the text of each outermost element marked
    data-site-own, and of each element a mark stands in without one (a heading with its mark); the
    marks' own words (※ and their hidden words) left out."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack: list[dict] = []
        self.marked: list[str] = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag in _Article.VOID:
            return
        parent = self.stack[-1] if self.stack else None
        frame = {
            "tag": tag,
            "article": tag == "article" or bool(parent and parent["article"]),
            "own": "data-site-own" in attrs,
            "under_own": bool(parent and (parent["own"] or parent["under_own"])),
            "mark": "own-mark" in (attrs.get("class") or "").split() or bool(parent and parent["mark"]),
            "holds_mark": False,
            "texts": [],
        }
        if frame["mark"] and parent and not (parent["mark"] or parent["own"] or parent["under_own"]):
            parent["holds_mark"] = True
        self.stack.append(frame)

    def handle_endtag(self, tag):
        if tag in _Article.VOID:
            return
        while self.stack:
            frame = self.stack.pop()
            if frame["article"] and ((frame["own"] and not frame["under_own"]) or frame["holds_mark"]):
                self.marked.append(re.sub(r"\s+", " ", "".join(frame["texts"])).strip())
            if frame["tag"] == tag:
                break

    def handle_data(self, data):
        if not self.stack or self.stack[-1]["mark"] or self.stack[-1]["tag"] in ("script", "style"):
            return
        for frame in self.stack:
            frame["texts"].append(data)


def marked_texts(html: str) -> list[str]:
    parser = _Marked()
    parser.feed(html)
    return parser.marked


def article(html: str) -> _Article:
    parser = _Article()
    parser.feed(html)
    return parser


def flat_source(source_text: str) -> str:
    return "".join(line.strip().lstrip(MARKERS).strip() for line in source_text.splitlines())


def _ja_texts(data: object):
    """Every Japanese text in a data file's values."""
    return (node for where, node in shape.nodes(data) if where and where[-1] == "ja" and isinstance(node, str))


def site_additions(source_text: str, files) -> set[str]:
    """The Japanese texts of data/ that are not in the source, and the site's own note on budgets."""
    flat = flat_source(source_text)
    texts = {t for group in files.values() for f in group for t in _ja_texts(f.data)}
    return {t for t in texts if t not in flat} | {ui.UI["budget_note"]["ja"]}


def unmarked_additions(html: str, additions: set[str]) -> list[str]:
    """The additions a page shows outside any element marked as the site's own."""
    text = re.sub(r"\s+", " ", "".join(article(html).unmarked))
    return sorted(a for a in additions if re.sub(r"\s+", " ", a) in text)


def japanese_pages(site: Path) -> list[Path]:
    elsewhere = (urls.LANG_PREFIX["en"].strip("/"), urls.PERMALINK_DIR)  # the English pages, the permalink pages
    return sorted(p for p in site.rglob("index.html") if p.relative_to(site).parts[0] not in elsewhere)


# -- Provenance -----------------------------------------------------------------------------------


def test_every_addition_on_every_japanese_page_is_marked(site: Path, source_text: str, strategy, loaded_files) -> None:
    additions = site_additions(source_text, loaded_files)
    # The additions are real: event phrases, glossary expansions and the budget note among them.
    assert {
        "研究開発ビジョン（第一次）策定",
        "地域中核・特色ある研究大学強化促進事業",
        ui.UI["budget_note"]["ja"],
    } <= additions
    pages = japanese_pages(site)
    assert len(pages) == len(site_pages.generated_pages(strategy))  # with the parallel views
    shown: set[str] = set()
    for path in pages:
        html = path.read_text("utf-8")
        assert unmarked_additions(html, additions) == [], path.relative_to(site)
        shown |= {a for a in additions if a in "".join(article(html).all)}
    # Each addition the site shows is checked somewhere (the registry's notes are on /about/).
    assert {"研究開発ビジョン（第一次）策定", "研究開発ビジョン（第二次）改定", "総合振興パッケージ更新"} <= shown


def test_the_provenance_check_finds_an_unmarked_addition(site: Path, source_text: str, loaded_files) -> None:
    """The check above can fail: the progress page without its marks shows the additions unmarked."""
    html = page(site, "ja", "progress")
    stripped = html.replace("data-site-own", "data-x")
    additions = site_additions(source_text, loaded_files)
    found = unmarked_additions(stripped, additions)
    assert "研究開発ビジョン（第一次）策定" in found and unmarked_additions(html, additions) == []


def marked_in_source(html: str, source_text: str) -> list[str]:
    """The texts a page marks as the site's own that the source has (line breaks joined) after all."""
    flat = flat_source(source_text)
    return sorted({t for t in marked_texts(html) if re.sub(r"\s+", "", t) in re.sub(r"\s+", "", flat)})


def test_every_marked_phrase_on_every_japanese_page_is_absent_from_the_source(
    site: Path, source_text: str, strategy
) -> None:
    """The converse of the test above: a mark says 原文にはない語句, so no marked text is in the source."""
    pages = japanese_pages(site)
    assert len(pages) == len(site_pages.generated_pages(strategy))  # with the parallel views
    checked = 0
    for path in pages:
        html = path.read_text("utf-8")
        assert marked_in_source(html, source_text) == [], path.relative_to(site)
        checked += len(marked_texts(html))
    assert checked > 50  # the marks are found: event phrases, counts, links, notes


def test_the_marked_phrase_check_finds_a_phrase_of_the_source(site: Path, source_text: str) -> None:
    """The check above can fail: an item's text of the source, marked, is found."""
    html = page(site, "ja", "progress")
    quoted = "ムーンショット型研究開発制度の推進"
    assert quoted in flat_source(source_text)
    planted = html.replace("</article>", f'<p class="site-own" data-site-own>{quoted}{{OWN}}</p></article>')
    planted = planted.replace("{OWN}", f'<sup class="own-mark">{OWN}</sup>')
    assert quoted in marked_in_source(planted, source_text)


def test_the_budget_phrases_and_moonshots_classification_are_marked_in_both_languages(site: Path, strategy) -> None:
    """Issue 23: 「（補正予算、2021～2022年度）」 is the site's wording, and Moonshot's type its reading."""
    for lang in LANGS:
        phrases = [
            t for t in marked_texts(page(site, lang, "progress")) if t.startswith(ui.UI["paren_open"][lang].strip())
        ]
        assert len(phrases) == len(strategy.figures), (lang, phrases)
        budget = marked_texts(page(site, lang, "budget"))
        reading = ui.UI["budget_type_supplementary"][lang] + ui.UI["own_reading"][lang]
        assert budget.count(reading) == 1, (lang, budget)


def test_the_2025_card_and_the_budget_note_are_marked_in_both_languages(site: Path) -> None:
    for lang in LANGS:
        history = page(site, lang, "history")
        card = re.search(
            r'<section class="history-year history-year--current site-own" data-site-own[^>]*>(.*?)</section>',
            history,
            re.S,
        )
        assert card and 'class="own-mark"' in card.group(1), lang
        budget = re.sub(r'<span lang="ja">([^<]*)</span>', r"\1", page(site, lang, "budget"))  # Japanese marked
        note = re.search(r'<p class="site-own" data-site-own>([^<]+)<', budget)
        assert note and note.group(1).startswith(ui.UI["budget_note"][lang][:20]), lang


@pytest.mark.parametrize(
    "path", ["", "progress", "budget", "history", "glossary", "about", "pillars/advanced-science-and-technology"]
)
def test_the_marks_are_on_both_languages_pages_with_a_tooltip_to_about(site: Path, path: str) -> None:
    counts = {}
    for lang in LANGS:
        html = page(site, lang, path)
        counts[lang] = article(html).marks
        titles = re.findall(r'<sup class="own-mark" title="([^"]+)"', html)
        assert len(titles) == counts[lang] and set(titles) <= {ui.UI["own_title"][lang]}
        if path not in ("", "about"):  # the page explains the mark, and links to /about/ for more
            legend = re.search(r'<p class="own-legend" data-search-exclude>([^<]+)<a href="([^"]+)">', html)
            assert legend and ui.UI["own_legend"][lang] in html_module.unescape(legend.group(1)), lang
            assert legend.group(2).endswith("about/#site-additions")
    assert counts["ja"] == counts["en"]
    if path:  # the home page has none: all of it is the source's
        assert counts["ja"] > 0, path


def test_about_explains_the_marks_and_how_it_reads_slide_one(site: Path) -> None:
    for lang in LANGS:
        html = page(site, lang, "about")
        assert 'id="site-additions"' in html and 'id="slide-reading"' in html and 'id="names"' in html
        for _, text in provenance.SITE_OWN_FIELDS:
            assert text[lang] in visible(html), text[lang]


def test_exports_say_which_fields_are_the_sites_own(site: Path, loaded_files) -> None:
    exported = json.loads((site / "data" / "strategy.json").read_text("utf-8"))
    fields = [entry["field"] for entry in exported["provenance"]["site_own"]]
    assert "progress.sections[].items[].dates[].event" in fields and "figures.figures[].measure" in fields
    assert "progress.sections[].items[].advances" in fields and "glossary.terms[].name" in fields
    assert exported["names"] == loaded_files["names"][0].data
    # Every field named exists in the data.
    for field in fields:
        assert _exists(exported, [p for p in field.replace("[]", ".[]").split(".") if p]), field
    rows = list(csv.DictReader(io.StringIO((site / "data" / "figures.csv").read_bytes().decode("utf-8-sig"))))
    own = {r["id"]: r["site_own_columns"] for r in rows}
    # Classing all of Moonshot's 4,114億円 as supplementary is the site's reading (issue 23).
    assert own.pop("moonshot-budget") == "measure_id topics budget_type"
    assert own and set(own.values()) == {"measure_id topics"}  # topics: the site's classification (issue 26)
    assert "figures.figures[].budget_type_is_site_reading" in fields
    rows = list(csv.DictReader(io.StringIO((site / "data" / "measures.csv").read_bytes().decode("utf-8-sig"))))
    assert rows and all(r["site_own_columns"] == "topics" for r in rows)


def _exists(node: object, parts: list[str]) -> bool:
    """Whether some value stands at the path (a '[]' part: any entry of a list)."""
    if not parts:
        return True
    head, rest = parts[0], parts[1:]
    if head == "[]":
        return isinstance(node, list) and any(_exists(n, rest) for n in node)
    return isinstance(node, dict) and head in node and _exists(node[head], rest)


# -- The registry of names -------------------------------------------------------------------------


def test_every_official_name_resolves_to_a_registry_entry_with_a_source(strategy) -> None:
    names = {n.id: n for n in strategy.names}
    found = 0
    for path in data_files(ROOT / "data"):
        loaded, problems = read_file(path)
        assert not problems
        for text, where in texts_with_translation(loaded.data):
            if text.get("translation") != "official":
                continue
            found += 1
            entry = names.get(text.get("registry"))
            assert entry is not None, (path.name, where)
            assert entry.status in ("official", "established") and entry.source, (path.name, where)
            assert entry.source.url.startswith("https://") and re.fullmatch(r"\d{4}-\d{2}-\d{2}", entry.source.checked)
            assert text["en"] in (entry.name.en, *entry.also), (path.name, where)
    assert found >= 20


def _broken(tmp_path: Path, rel: str, old: str, new: str) -> list[str]:
    data = tmp_path / "data"
    shutil.copytree(ROOT / "data", data)
    text = (data / rel).read_text("utf-8")
    assert text.count(old) == 1, old
    (data / rel).write_text(text.replace(old, new), "utf-8")
    _, problems = validate(data, tmp_path)
    return [str(p) for p in problems]


def test_validation_refuses_an_official_name_without_a_source(tmp_path: Path) -> None:
    problems = _broken(
        tmp_path,
        f"{EDITION}/figures.yaml",
        ", translation: official, registry: name-bridge}",
        ", translation: official}",
    )
    assert len(problems) == 1 and f"data/{EDITION}/figures.yaml:" in problems[0] and "names no source" in problems[0]
    assert "registry:" in problems[0] and "data/names.yaml" in problems[0]


def test_validation_refuses_an_official_name_whose_english_differs(tmp_path: Path) -> None:
    problems = _broken(
        tmp_path,
        f"{EDITION}/glossary.yaml",
        'en: "Program for Forming Japan\'s Peak Research Universities"',
        'en: "Program for Promoting Research Universities"',
    )
    assert (
        len(problems) == 1
        and f"data/{EDITION}/glossary.yaml:" in problems[0]
        and "Peak Research Universities" in problems[0]
    )


def test_validation_refuses_an_official_entry_without_a_source(tmp_path: Path) -> None:
    problems = _broken(
        tmp_path,
        "names.yaml",
        '    status: established\n    source: {publisher: "Jiji Press", '
        'title: "Jiji Press English news, 18 May 2025 (G-QuAT)", '
        'url: "https://jen.jiji.com/jc/eng?g=eco&k=2025051800487", checked: "2026-12-01"}\n',
        "    status: established\n",
    )
    assert len(problems) == 1 and "names.yaml" in problems[0] and "gives no source" in problems[0]


def test_validation_refuses_official_for_the_sites_own_name(tmp_path: Path) -> None:
    problems = _broken(
        tmp_path,
        f"{EDITION}/glossary.yaml",
        'en: "funding agency"}',
        'en: "AI Systems Study Group", translation: official, registry: name-ai-systems-study-group}',
    )
    assert len(problems) == 1 and "site's own translation" in problems[0]


def test_about_shows_the_registry_in_both_languages(site: Path, strategy) -> None:
    for lang in LANGS:
        html = page(site, lang, "about")
        for n in strategy.names:
            assert f'<span id="{n.id}" lang="ja">{n.name.ja}</span>' in html
            assert n.name.en in visible(html), n.id
            if n.source:
                # as the browser reads the attribute (Markdown-safe character references decoded)
                assert n.source.url in {html_module.unescape(h) for h in re.findall(r'href="([^"]*)"', html)}, n.id
        assert ui.UI["status_site"][lang] in html and ui.UI["status_established"][lang] in html
    assert "AI Systems Study Group" in visible(page(site, "en", "about"))


# -- The audit's corrections ----------------------------------------------------------------------


def visible(html: str) -> str:
    html = re.sub(r"<(script|style)\b.*?</\1>", " ", html, flags=re.S)
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", "", html)).replace("&#x27;", "'").replace("&amp;", "&")


def test_glossary_names_are_the_official_ones(site: Path, strategy) -> None:
    terms = {t.id: t.name for t in strategy.glossary}
    assert terms["term-j-peaks"].ja == "地域中核・特色ある研究大学強化促進事業"
    assert terms["term-j-peaks"].en == "Program for Forming Japan's Peak Research Universities"
    assert terms["term-k-program"].en == "Key and Advanced Technology R&D through Cross Community Collaboration Program"
    assert terms["term-bridge"].official and terms["term-bridge"].en.startswith("programs for Bridging the gap")
    assert terms["term-g-quat"].en == "Global Research and Development Center for Business by Quantum-AI technology"
    en, ja = visible(page(site, "en", "glossary")), visible(page(site, "ja", "glossary"))
    for t in ("term-j-peaks", "term-k-program", "term-bridge", "term-g-quat"):
        assert terms[t].en in en and terms[t].ja in ja
    assert "Economic Security Program for Critical Technologies" not in en


def test_progress_names_dates_and_wording(site: Path) -> None:
    en, ja = visible(page(site, "en", "progress")), visible(page(site, "ja", "progress"))
    for text in (
        "Bill on Promotion of Research and Development, and Utilization of Artificial Intelligence-related "
        "Technology (AI Bill)",
        "AI Systems Study Group",
        "Global Research and Development Center for Business by Quantum-AI technology (G-QuAT)",
        "Key and Advanced Technology R&D through Cross Community Collaboration Program (K Program)",
        "revision of the second R&D Vision",
        "the Think Tank on Safety and Security",
        "The third phase of SIP",
        "Basic Policy on Open Access",
        "fundamental expansion of the SBIR program",
        "(8 hubs)",
        "from the FY2018 supplementary budget through the FY2024 supplementary budget",
        "Related measure",
    ):
        assert text in en, text
    for text in (
        "AI Policy Study Group",
        "drastic",
        "Drastic",
        "hub cities",
        "SIP third phase",
        "Basic policy on open",
        "Advances:",
        "supplementary budgets from FY2018 to FY2024",
    ):
        assert text not in en, text
    assert "研究開発ビジョン（第二次）改定" in ja and "2025年3月 研究開発ビジョン改定" not in ja
    # Japanese dates are joined with 、, English ones with '; '.
    assert (
        "2022年9月 研究開発ビジョン（第一次）策定※（当サイトによる補足）、2023年8月" in ja
        and "; " not in ja.split("日付：", 1)[1][:400]
    )
    assert "September 2022 formulation of the first R&D Vision† (added by this site); August 2023" in en


def test_one_rendering_of_renkei_kyoka_and_of_the_think_tank(loaded_files) -> None:
    texts = [t for group in loaded_files.values() for f in group for t in _pairs(f.data)]
    linkage = [en for ja, en in texts if ja.endswith("連携強化") and ja != "連携強化"]
    assert linkage and all(en.startswith("Strengthening collaboration") for en in linkage), linkage
    think_tank = [en for ja, en in texts if "シンクタンク" in ja]
    assert len(think_tank) >= 3 and all("Think Tank on Safety and Security" in en for en in think_tank)


def _pairs(data: object):
    if isinstance(data, dict):
        if isinstance(data.get("ja"), str) and isinstance(data.get("en"), str):
            yield data["ja"], data["en"]
        for value in data.values():
            yield from _pairs(value)
    elif isinstance(data, list):
        for value in data:
            yield from _pairs(value)


def test_pillar_two_says_which_part_of_its_name_is_the_sites(strategy) -> None:
    entry = next(n for n in strategy.names if n.id == "name-pillar-knowledge-base")
    assert entry.status == "established" and "(Research Capabilities)" in entry.note.en
    assert "（研究力）" in entry.note.ja


def test_program_is_spelled_one_way() -> None:
    assert all("Programme" not in v["en"] and "programme" not in v["en"] for v in ui.UI.values())
    assert ui.UI["advances"] == {"ja": "関連する施策", "en": "Related measure"}


# -- /summary/ carries all of slide 1 --------------------------------------------------------------


def test_summary_carries_both_boxes_of_slide_one(site: Path, strategy) -> None:
    for lang in LANGS:
        text = visible(page(site, lang, "summary"))
        for box in strategy.boxes:
            assert box.title[lang] in text
            for item in box.all_items():
                assert item.text[lang] in text, item.id
            for group in box.groups:
                assert group.title[lang] in text
        assert strategy.pillars_heading[lang] in text


# -- The budget chart ------------------------------------------------------------------------------


def test_the_charts_markup_is_in_its_template_and_its_words_in_ui() -> None:
    """charts.py computes the chart (a model of numbers and texts); templates/_chart.svg.j2 holds
    its markup, and ui.py its words."""
    code = (ROOT / "scripts" / "strategy_site" / "rendering" / "charts.py").read_text("utf-8")
    assert not re.findall(r"<(?:svg|text|tspan|rect|line|title|desc|defs|pattern|circle)\b", code)
    assert "WORDS" not in code
    template = (ROOT / "scripts" / "strategy_site" / "rendering" / "templates" / "_chart.svg.j2").read_text("utf-8")
    assert all(f"<{tag}" in template for tag in ("svg", "text", "tspan", "rect", "line", "title", "desc"))
    assert {"chart_title", "chart_desc", "chart_key"} <= set(ui.UI)


def chart_svg(strategy, lang: str, narrow: bool) -> str:
    """The chart as the budget page's template draws it (templates/_chart.svg.j2)."""
    chart = charts.budget_chart(strategy.figures, lang, {k: k for k in ("initial", "supplementary", "fund")}, narrow)
    return str(render.environment().get_template("_chart.svg.j2").module.chart(chart))


@pytest.mark.parametrize("lang", LANGS)
def test_the_narrow_chart_keeps_every_amount_inside(lang: str, strategy) -> None:
    svg = chart_svg(strategy, lang, narrow=True)
    width = float(re.search(r'viewBox="0 0 ([\d.]+) ', svg).group(1))
    values = re.findall(r'<text class="chart-value" x="([\d.]+)"[^>]*>([^<]+)</text>', svg)
    assert len(values) == len(strategy.figures)
    for x, text in values:
        assert float(x) + charts.text_width(text) <= width, text
    labels = re.findall(r'<tspan x="([\d.]+)"[^>]*>([^<]*)</tspan>', svg)
    # three lines for each bar's name (its program and its years), two for each panel heading
    assert len(labels) == 3 * len(strategy.figures) + 2 * 2
    assert all(float(x) + charts.text_width(t) <= width + 1 for x, t in labels), labels
    if lang == "en":  # the long English names take a second line
        assert any(t for _, t in labels[1 : 3 * len(strategy.figures)]), "no long label took a second line"


def test_scale_labels_take_their_scales_unit_and_japanese_punctuation(strategy) -> None:
    for narrow in (False, True):
        ja = chart_svg(strategy, "ja", narrow)
        ticks = re.findall(r'<text class="chart-tick-label"[^>]*>([^<]+)</text>', ja)
        assert "0兆円" in ticks and "0億円" in ticks and ticks.count("0億円") == 1
        panels = re.findall(r'<text class="chart-panel"[^>]*>([^<]+)</text>', ja)
        assert panels and not any(": " in p or p.endswith(":") for p in panels), panels
        en = chart_svg(strategy, "en", narrow)
        assert "Scale: 0 to" in en and "Key:" in en


@pytest.mark.parametrize("lang", LANGS)
def test_on_a_phone_every_bar_and_amount_is_in_view(tabs, server, lang, strategy) -> None:
    tab = visit(tabs, server, lang, "budget/", width=WIDTHS["mobile"])
    layout = tab.evaluate("""() => {
      const shown = [...document.querySelectorAll('.budget-chart svg')].filter(s => s.checkVisibility());
      const scroll = document.querySelector('.chart-scroll');
      return {shown: shown.map(s => s.getAttribute('class')), screen: document.documentElement.clientWidth,
              scrolls: scroll.scrollWidth > scroll.clientWidth,
              values: [...(shown[0] || document).querySelectorAll('.chart-value, .chart-bar')].map(e => {
                const r = e.getBoundingClientRect(); return [e.textContent, r.left, r.right]; })};
    }""")
    assert layout["shown"] == ["chart chart--narrow"], layout["shown"]
    assert not layout["scrolls"], "the chart scrolls sideways on a phone"
    assert len(layout["values"]) >= 2 * len(strategy.figures)
    for text, left, right in layout["values"]:
        assert left >= 0 and right <= layout["screen"], (text, left, right)
    desktop = visit(tabs, server, lang, "budget/", width=WIDTHS["desktop"])
    assert desktop.evaluate(
        "[...document.querySelectorAll('.budget-chart svg')].filter(s => s.checkVisibility())"
        ".map(s => s.getAttribute('class'))"
    ) == ["chart"]
