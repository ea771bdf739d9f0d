"""The real data: it loads, and it holds what the source holds, verbatim."""

from __future__ import annotations

import re

import pytest

from strategy_site import pipeline
from strategy_site.model import Strategy

MARKERS = "⚫•・✓"


@pytest.fixture(scope="module")
def strategy() -> Strategy:
    return pipeline.load()[0]


def all_ja(s: Strategy) -> list[str]:
    """Every Japanese text that quotes the source (glossary names and date labels are the site's)."""
    texts = [
        s.title.ja,
        s.source_title.ja,
        s.aim.text.ja,
        s.pillars_heading.ja,
        s.about_title.ja,
        s.history_heading.ja,
        s.progress_title.ja,
    ]
    for box in s.boxes:
        texts += [box.title.ja, *(g.title.ja for g in box.groups), *(i.text.ja for i in box.all_items())]
    for p in s.pillars:
        texts += [p.name.ja, *(g.title.ja for g in p.groups), *(m.text.ja for m in p.measures)]
    texts += [st.text.ja for st in (*s.about_statements, *s.progress_statements)]
    for y in s.history:
        texts += [y.name.ja, y.lead.ja, *(p.ja for p in y.priorities)] + ([y.closing.ja] if y.closing else [])
    for sec in s.progress:
        texts += [sec.title.ja, *(i.text.ja for i in sec.items)]
    texts += [f.note.ja for f in s.figures]
    return texts


def test_real_data_loads(strategy: Strategy) -> None:
    assert strategy.title.ja == "統合イノベーション戦略2025"
    assert [p.order for p in strategy.pillars] == [1, 2, 3]


def test_measures_per_group_and_pillar(strategy: Strategy) -> None:
    shape = [[len(g.measures) for g in p.groups] for p in strategy.pillars]
    assert shape == [[3, 2, 2], [3, 2, 1], [2, 3, 1]]
    assert [p.name.ja for p in strategy.pillars] == [
        "先端科学技術の戦略的な推進",
        "知の基盤（研究力）と人材育成の強化",
        "イノベーション・エコシステムの形成",
    ]


def test_slide_one_boxes(strategy: Strategy) -> None:
    economic, basic_plan = strategy.boxes
    assert len(economic.items) == 3 and not economic.groups
    assert [len(g.items) for g in basic_plan.groups] == [3, 3]


def test_every_dated_item(strategy: Strategy, source_text: str) -> None:
    """Every 'YYYY年M月' in slide 3's items is recorded as a date of the item that states it."""
    for item in strategy.progress_items:
        stated = {
            f"{int(y):04d}-{int(m.translate(str.maketrans('０１２３４５６７８９', '0123456789'))):02d}"
            for y, m in re.findall(r"(\d{4})年([０-９0-9]{1,2})月", item.text.ja)
        }
        recorded = {d.date[:7] for d in item.dates}
        assert stated == recorded, item.id
    assert sum(len(i.dates) for i in strategy.progress_items) >= 14


def test_every_count(strategy: Strategy) -> None:
    counts = {(c.value, c.counter.ja) for i in strategy.progress_items for c in i.counts}
    assert counts == {(25, "件"), (8, "拠点")}


def test_every_figure_with_its_amount(strategy: Strategy, source_text: str) -> None:
    figures = {f.id: (f.amount, f.unit, f.approximate, f.budget_type, f.fy_start, f.fy_end) for f in strategy.figures}
    amounts = sorted((float(a), u) for a, u, *_ in figures.values())
    assert amounts == [
        (10.0, "兆円"),
        (300.0, "億円"),
        (840.0, "億円"),
        (2060.0, "億円"),
        (4114.0, "億円"),
        (5000.0, "億円"),
    ]
    for f in strategy.figures:
        published = f"{f.amount:,.0f}{f.unit}".replace(",", ",")
        assert published in source_text.replace("\n", ""), f.id
        assert f.note.ja in source_text.replace("\n", ""), f.id
    fund = next(f for f in strategy.figures if f.unit == "兆円")
    assert fund.approximate and fund.budget_type == "fund" and fund.fy_start is None
    assert {f.budget_type for f in strategy.figures} == {"initial", "supplementary", "fund"}


def test_history_years_and_their_frames(strategy: Strategy) -> None:
    years = {y.year: y for y in strategy.history}
    assert sorted(years) == [2021, 2022, 2023, 2024]
    assert years[2021].lead.ja.startswith("重点施策")
    assert "３本の柱" in years[2022].lead.ja and "勝ち筋" in years[2022].closing.ja
    assert "３つの基軸" in years[2023].lead.ja and "国研・FA" in years[2023].closing.ja
    assert "３つの強化方策" in years[2024].lead.ja


def _source_lines(source_text: str) -> list[str]:
    lines = []
    for raw in source_text.splitlines():
        line = raw.strip().lstrip(MARKERS).strip().strip("＜＞")
        if not line or line in ("１", "２"):
            continue
        if re.fullmatch(r"(統合イノベーション戦略20\d\d)+", line):
            continue  # the year labels of slide 2: checked as the history years' names
        lines.append(line)
    return lines


def test_every_source_line_stands_in_the_data(strategy: Strategy, source_text: str) -> None:
    joined = "\n".join(all_ja(strategy))
    last = _source_lines(source_text)[-1]
    assert last.split() == [p.name.ja for p in strategy.pillars]  # slide 3's column labels
    missing = [line for line in _source_lines(source_text)[:-1] if line not in joined]
    assert missing == []


def test_japanese_texts_are_verbatim(strategy: Strategy, source_text: str) -> None:
    flat = "".join(line.strip().lstrip(MARKERS).strip() for line in source_text.splitlines())
    not_verbatim = [t for t in all_ja(strategy) if t not in flat]
    assert not_verbatim == []


def test_ids_are_unique_kebab_case(strategy: Strategy) -> None:
    ids = [
        strategy.aim.id,
        *(b.id for b in strategy.boxes),
        *(i.id for i in strategy.box_items),
        *(p.id for p in strategy.pillars),
        *(g.id for p in strategy.pillars for g in p.groups),
        *(m.id for m in strategy.measures),
        *(i.id for i in strategy.progress_items),
        *(f.id for f in strategy.figures),
        *(y.id for y in strategy.history),
        *(t.id for t in strategy.glossary),
    ]
    assert len(ids) == len(set(ids))
    assert all(re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", i) for i in ids)
