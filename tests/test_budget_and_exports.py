"""The budget page and the open data: every figure, read right, and exports that round-trip."""

from __future__ import annotations

import csv
import io
import json
import re
from decimal import Decimal
from fractions import Fraction
from pathlib import Path

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from strategy_site.reading.load import data_files, read_file
from strategy_site.rendering import charts, render, ui
from strategy_site.rendering import format as fmt
from strategy_site.rendering.exports import FIGURE_COLUMNS, FORMULA_STARTS, MEASURE_COLUMNS
from strategy_site.structure import model, urls
from strategy_site.structure.model import LANGS

from conftest import ROOT, edition_data


def visible(html: str) -> str:
    html = re.sub(r"<(script|style)\b.*?</\1>", " ", html, flags=re.S)
    html = re.sub(r'<span lang="ja">([^<]*)</span>', r"\1", html)  # Japanese words marked on English pages
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


def page(site: Path, lang: str, path: str) -> str:
    return (site / urls.site_path(lang, path).lstrip("/") / "index.html").read_text("utf-8")


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_budget_page_lists_every_figure_in_both_forms(site: Path, strategy, lang: str) -> None:
    html = page(site, lang, "budget/")
    text = visible(html)
    for f in strategy.figures:
        assert f'id="{f.id}"' in html
        assert fmt.amount(f, "ja") in text
        # The English form on English pages only, beside the published amount (marked Japanese).
        assert (fmt.amount(f, "en") in text) == (lang == "en")
        if lang == "en":
            assert f'<span lang="ja">{fmt.amount(f, "ja")}</span>' in html
        assert fmt.fiscal_years(f.fy_start, f.fy_end, lang) in text
        assert fmt.budget_type(f.budget_type, lang) in text
        measure = strategy.measure(f.measure_id)
        assert f'href="../pillars/{measure.pillar_id}/#{measure.id}"' in html
    # Whether an amount is approximate is in the amount (規模, about), not in a column of "no".
    assert "いいえ" not in text
    assert not re.search(r"<th[^>]*>\s*(概数|Approximate)", html)
    # The figures cover different spans and types: no grand total.
    assert "合計" not in text.replace("合計はしていません", "") and " total:" not in text.lower()


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_the_chart_is_accessible_and_keeps_small_figures_legible(site: Path, strategy, lang: str) -> None:
    html = page(site, lang, "budget/")
    svg = html[html.index('<svg class="chart"') : html.index("</svg>", html.index('<svg class="chart"'))]
    assert 'role="img"' in svg and 'aria-labelledby="chart-title chart-desc"' in svg
    assert re.search(r'<title id="chart-title">[^<]+</title>', svg)
    assert re.search(r'<desc id="chart-desc">[^<]+</desc>', svg)
    widths = [
        float(w) for w in re.findall(r'<rect class="chart-bar [^"]+" x="[\d.]+" y="[\d.]+" width="([\d.]+)"', svg)
    ]
    # A bar for each figure, and a swatch in the key for each type of budget among them.
    assert len(widths) == len(strategy.figures) + len({f.budget_type for f in strategy.figures})
    bars = widths[: len(strategy.figures)]
    # The smallest figure (¥30 billion) is still a visible bar, at least 5% of the widest.
    assert min(bars) >= 0.05 * max(bars)
    # The fund is on its own panel, with its own labelled scale.
    assert ("別の目盛り" if lang == "ja" else "Separate scale") in svg


def test_strategy_json_round_trips_to_the_data(site: Path) -> None:
    for lang in LANGS:
        exported = json.loads((site / urls.site_path(lang, "data/strategy.json").lstrip("/")).read_text("utf-8"))
        for path in data_files(ROOT / "data"):
            loaded, problems = read_file(path)
            assert not problems
            rel = path.relative_to(ROOT / "data")
            if rel.parent.name == "pillars":
                assert loaded.data in exported["pillars"]
            else:
                assert rel.stem in exported, f"data/{rel} is not in strategy.json"
                assert exported[rel.stem] == loaded.data, rel
        assert len(exported["pillars"]) == len(list((edition_data(ROOT) / "pillars").glob("*.yaml")))


def _csv(site: Path, name: str) -> list[dict]:
    raw = (site / "data" / name).read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf"), "Excel needs the BOM to read UTF-8"
    return list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"), newline="")))


def test_measures_csv_parses_with_every_measure(site: Path, strategy) -> None:
    rows = _csv(site, "measures.csv")
    assert list(rows[0]) == [c.name for c in MEASURE_COLUMNS]
    assert [r["id"] for r in rows] == [m.id for m in strategy.measures]
    for row, m in zip(rows, strategy.measures, strict=True):
        assert (row["text_ja"], row["text_en"], row["pillar_id"]) == (m.text.ja, m.text.en, m.pillar_id)
        assert row["permalink"] == f"/m/{m.id}/"


def test_figures_csv_has_every_figure_with_its_amount(site: Path, strategy) -> None:
    rows = {r["id"]: r for r in _csv(site, "figures.csv")}
    assert list(next(iter(rows.values()))) == [c.name for c in FIGURE_COLUMNS]
    assert set(rows) == {f.id for f in strategy.figures}
    for f in strategy.figures:
        row = rows[f.id]
        assert float(row["amount"]) == float(f.amount) and row["unit"] == f.unit
        assert int(row["amount_yen"]) == int(f.yen)
        assert row["approximate"] == ("true" if f.approximate else "false")
        assert row["fiscal_year_start"] == ("" if f.fy_start is None else str(f.fy_start))


def test_csv_cells_never_run_as_spreadsheet_formulas() -> None:
    from strategy_site.rendering.exports import cell

    assert cell('=HYPERLINK("x")') == '\'=HYPERLINK("x")'
    assert cell("-1") == "'-1" and cell("@SUM") == "'@SUM" and cell("+1") == "'+1"
    assert cell("K Program") == "K Program" and cell(None) == "" and cell(True) == "true"


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_the_data_page_lists_the_files_and_their_fields(site: Path, lang: str) -> None:
    html = page(site, lang, "data/")
    for name in ("strategy.json", "measures.csv", "figures.csv", "schema/figures.schema.json"):
        assert f'href="{name}"' in html
    for column in (*MEASURE_COLUMNS, *FIGURE_COLUMNS):
        assert f"<code>{column.name}</code>" in html
        assert column.description[lang] in visible(html)


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_each_pillar_page_shows_the_figures_of_its_measures(site: Path, strategy, lang: str) -> None:
    shown = []
    for p in strategy.pillars:
        html = page(site, lang, f"pillars/{p.id}/")
        mine = [f for f in strategy.figures if strategy.measure(f.measure_id).pillar_id == p.id]
        for f in mine:
            block = html[html.index(f'id="{f.measure_id}"') :]
            block = block[: block.index(f'id="{f.id}"') + 2000]
            assert fmt.amount(f, lang) in visible(block)
            assert f'href="../../budget/#{f.id}"' in block
        others = [f for f in strategy.figures if f not in mine]
        assert not any(f'id="{f.id}"' in html for f in others)
        shown += [f.id for f in strategy.figures if f'id="{f.id}"' in html]
    assert sorted(shown) == sorted(f.id for f in strategy.figures)  # each figure on one pillar page


# -- The budget chart's words: true for the real figures and for any valid figures.

# A claim of how many times one amount is another, in either language, in the words the chart uses
# now or used before (「20倍を超える」, "over 20×").
_TIMES = {
    "ja": re.compile(r"(約)?([\d,]+)倍(超|を超える)?"),
    "en": re.compile(r"(about |more than |over )?([\d,]+)(?: times|×)()"),
}
_PANELS = {
    "ja": ("上の図", "下の図", "別の目盛り", "2つ"),
    "en": ("upper panel", "lower panel", "separate scale", "two"),
}


def _claims(text: str, lang: str) -> list[tuple[str, Fraction]]:
    """The ratio claims in a text: ('exact' | 'about' | 'more', N)."""
    out = []
    for m in _TIMES[lang].finditer(text):
        word = (m.group(1) or m.group(3) or "").strip()
        kind = {"": "exact", "約": "about", "about": "about"}.get(word, "more")
        out.append((kind, Fraction(int(m.group(2).replace(",", "")))))
    return out


def _claim_is_true(kind: str, n: Fraction, ratio: Fraction, approximate: bool) -> bool:
    if kind == "exact":
        return ratio == n and not approximate
    if kind == "about":
        return approximate and abs(ratio - n) <= Fraction(1, 2)
    return n < ratio < n + 1  # "more than N", and not by more than one


def _scale_top(yen: Fraction) -> Fraction:
    """The smallest 1, 2 or 5 times a power of ten at or above an amount (the chart's scales end there)."""
    power = Fraction(1)
    while power * 10 <= yen:
        power *= 10
    return next(step * power for step in (1, 2, 5, 10) if step * power >= yen)


def check_chart_words(figures: tuple[model.Figure, ...]) -> None:
    """Everything the chart says of the figures is true of them: which panels it draws, how many figures
    are on each, each fund by its name, and every ratio (or none, where a ratio means nothing)."""
    funds = sorted((f for f in figures if f.budget_type == "fund"), key=lambda f: f.yen, reverse=True)
    others = sorted((f for f in figures if f.budget_type != "fund"), key=lambda f: f.yen, reverse=True)
    two = bool(funds) and bool(others)
    for lang in LANGS:
        for narrow in (False, True):
            chart = charts.budget_chart(figures, lang, {k: k for k in fmt.BUDGET_TYPES}, narrow)
            # A heading in two lines (the narrow chart) breaks at a space in English, anywhere in Japanese.
            joint = " " if lang == "en" else ""
            headings = [joint.join(line.text for line in p.heading.lines).strip() for p in chart.panels]
            words = " ".join([chart.title, chart.desc, chart.caption, *headings])
            assert len(chart.panels) == len(funds) // max(len(funds), 1) + len(others) // max(len(others), 1)
            for word in _PANELS[lang]:
                assert (word in words) == two, (word, words)
            for f in funds:
                assert f.program[lang] in chart.desc and f.program[lang] in words
            assert ("大学ファンド" if lang == "ja" else "University Fund") not in "".join(
                w for w in [chart.desc, chart.caption] if not any(f.program[lang] in w for f in funds)
            )
            if others:
                n = len(others)
                assert (f"{n}件" if lang == "ja" else f"{n} budget figure{'s' if n > 1 else ''} ") in chart.desc
            # No figure is compared with another (they are totals over different years): the words
            # claim no ratio, but the fund scale's heading's of its scale to the scale above.
            assert not _claims(" ".join([chart.title, chart.desc, chart.caption, *headings[:-1]]), lang)
            ratio = _scale_top(Fraction(funds[0].yen)) / _scale_top(Fraction(others[0].yen)) if two else None
            claims = _claims(headings[-1], lang)
            if ratio is None or ratio < 2:
                assert not claims, (headings[-1], ratio)
            else:
                assert len(claims) == 1, (headings[-1], ratio)
                assert _claim_is_true(*claims[0], ratio, False), (headings[-1], claims, ratio)
            # Each bar says the years its amount totals, where it has them, and then the words say
            # that the spans differ.
            bars = [b for p in chart.panels for b in p.bars]
            names = [joint.join(line.text for line in b.label.lines).strip() for b in bars]
            for f, name in zip(sorted(figures, key=lambda f: (f.budget_type == "fund", -f.yen)), names, strict=True):
                if f.fy_start is not None:
                    assert fmt.fiscal_years(f.fy_start, f.fy_end, lang).replace(" ", "") in name.replace(" ", ""), name
            spans = any(f.fy_start is not None for f in others)
            assert (ui.ui("chart_desc_spans", lang) in chart.desc) == spans


def test_the_charts_words_are_true_of_the_real_figures(strategy) -> None:
    check_chart_words(strategy.figures)
    # Today: the bars are totals over different years (FY2018–FY2024, FY2023–FY2025, FY2021–FY2022),
    # and the chart says so rather than comparing them.
    assert len({(f.fy_start, f.fy_end) for f in strategy.figures if f.fy_start}) > 1
    for lang in LANGS:
        chart = charts.budget_chart(strategy.figures, lang, {k: k for k in fmt.BUDGET_TYPES})
        assert ui.ui("chart_desc_spans", lang) in chart.desc, chart.desc
        assert not _claims(chart.desc, lang), chart.desc


_NAME = st.text(alphabet="ABCDEFGHKLMNPRSTWXYZ ", min_size=1, max_size=20).map(lambda s: "P" + s.strip())
_FIGURE = st.builds(
    lambda n, name, amount, unit, approximate, kind, years: model.Figure(
        id=f"figure-{n}",
        slide=3,
        program=model.Text(name + "計画", name),
        amount=amount,
        unit=unit,
        approximate=approximate,
        budget_type=kind,
        fy_start=None if kind == "fund" else years[0],
        fy_end=None if kind == "fund" else years[1],
        measure_id="m",
        progress_item_id="p",
        note=model.Text("", ""),
    ),
    st.integers(0, 10**6),
    _NAME,
    st.one_of(
        st.integers(1, 10**6).map(Decimal), st.decimals(min_value=Decimal("0.1"), max_value=Decimal(10**5), places=1)
    ),
    st.sampled_from(["億円", "兆円"]),
    st.booleans(),
    st.sampled_from(fmt.BUDGET_TYPES),
    st.one_of(
        st.just((None, None)), st.integers(2000, 2030).flatmap(lambda y: st.tuples(st.just(y), st.integers(y, 2035)))
    ),
)


@given(st.lists(_FIGURE, min_size=1, max_size=8))
@example(  # the fund smaller than the other figures
    [
        model.Figure(
            "a", 3, model.Text("A", "A"), Decimal(5), "兆円", False, "initial", None, None, "m", "p", model.Text("", "")
        ),
        model.Figure(
            "b", 3, model.Text("B", "B"), Decimal(1), "億円", False, "fund", None, None, "m", "p", model.Text("", "")
        ),
    ]
)
@example(  # every figure a fund
    [
        model.Figure(
            "b", 3, model.Text("B", "B"), Decimal(1), "兆円", False, "fund", None, None, "m", "p", model.Text("", "")
        )
    ]
)
@example(  # no fund, one figure
    [
        model.Figure(
            "a", 3, model.Text("A", "A"), Decimal(3), "億円", False, "initial", None, None, "m", "p", model.Text("", "")
        )
    ]
)
def test_the_charts_words_are_true_of_any_figures(figures: list[model.Figure]) -> None:
    check_chart_words(tuple(figures))


@pytest.mark.parametrize("lang", LANGS)
def test_the_budget_notes_conversions_are_the_amounts_english_form(lang: str) -> None:
    """The note says how 億円 and 兆円 read in English; each must be what the pages write (format.amount_en)."""
    note = ui.ui("budget_note", lang)
    stated = dict(re.findall(r"1(億|兆)円 = (.+?)(?:、|として| and |\.$)", note))
    assert stated == {
        "億": fmt.amount_en(Decimal(10) ** 8, False),
        "兆": fmt.amount_en(Decimal(10) ** 12, False),
    }, note


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_the_data_page_says_what_the_formula_guard_adds(strategy, lang: str) -> None:
    """The CSV's apostrophe before a cell starting with -, =, + or @ is said where the CSV is described
    (the /data/ page), in the page's language: a reuser must know to remove it."""
    source = render.render_pages(strategy)[f"{lang}/data.md"]
    text = re.sub(r"\\(.)", r"\1", source)  # the Markdown escapes, as the page shows them
    intro = next(line for line in text.splitlines() if "CSV" in line)
    assert ("apostrophe (')" if lang == "en" else "アポストロフィ（'）") in intro, intro
    for start in FORMULA_STARTS:
        assert (start if lang == "en" else f"「{start}」") in intro, (start, intro)
