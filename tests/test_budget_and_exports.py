"""The budget page and the open data: every figure, read right, and exports that round-trip."""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path

import pytest

from strategy_site.reading.load import data_files, read_file
from strategy_site.rendering import format as fmt
from strategy_site.rendering import render
from strategy_site.rendering.exports import FIGURE_COLUMNS, FORMULA_STARTS, MEASURE_COLUMNS
from strategy_site.structure import urls
from strategy_site.structure.model import LANGS

from conftest import ROOT


def visible(html: str) -> str:
    html = re.sub(r"<(script|style)\b.*?</\1>", " ", html, flags=re.S)
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


def page(site: Path, lang: str, path: str) -> str:
    return (site / urls.site_path(lang, path).lstrip("/") / "index.html").read_text("utf-8")


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_budget_page_lists_every_figure_in_both_forms(site: Path, strategy, lang: str) -> None:
    html = page(site, lang, "budget/")
    text = visible(html)
    for f in strategy.figures:
        assert f'id="{f.id}"' in html
        assert fmt.amount(f, "ja") in text and fmt.amount(f, "en") in text
        assert fmt.fiscal_years(f.fy_start, f.fy_end, lang) in text
        assert fmt.budget_type(f.budget_type, lang) in text
        measure = strategy.measure(f.measure_id)
        assert f'href="../pillars/{measure.pillar_id}/#{measure.id}"' in html
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
                assert exported[rel.stem] == loaded.data, rel
        assert len(exported["pillars"]) == len(list((ROOT / "data" / "pillars").glob("*.yaml")))


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
