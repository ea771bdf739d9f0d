"""The real data: it loads, and it holds what the source holds, verbatim."""

from __future__ import annotations

import re

from strategy_site.structure.model import Strategy

MARKERS = "⚫•・✓"


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


def pillar_names(source_text: str) -> list[str]:
    """The pillars, in order, as slide 3 labels its columns (the source's last line)."""
    return _source_lines(source_text)[-1].split()


def slide_one_pillars(source_text: str) -> list[tuple[str, list[tuple[str, list[str]]]]]:
    """Slide 1's pillars as the source lays them out: each pillar's groups (⚫ lines) and their
    measures (• lines; a measure's text runs on over the lines below it), then the pillar's name."""
    names = pillar_names(source_text)
    lines = [line.strip() for line in source_text.splitlines()]
    first_name = next(i for i, line in enumerate(lines) if line in names)
    start = max(i for i, line in enumerate(lines[:first_name]) if line.startswith("＜"))  # the section's heading
    pillars: list[tuple[str, list[tuple[str, list[str]]]]] = []
    groups: list[tuple[str, list[str]]] = []
    for line in lines[start + 1 :]:
        if len(pillars) == len(names):
            break
        if not line:
            continue
        if line in names:
            pillars.append((line, groups))
            groups = []
        elif line.startswith("⚫"):
            groups.append((line.lstrip("⚫").strip(), []))
        elif line.startswith("•"):
            groups[-1][1].append(line.lstrip("•").strip())
        else:
            groups[-1][1][-1] += line
    return pillars


def slide_one_box_items(source_text: str) -> list[tuple[str, list[str]]]:
    """Slide 1's boxes as the source lays them out: each heading with ✓ items under it, and those items."""
    out: list[tuple[str, list[str]]] = []
    heading = ""
    for line in (line.strip() for line in source_text.splitlines()):
        if line.startswith("✓"):
            if not out or out[-1][0] != heading:
                out.append((heading, []))
            out[-1][1].append(line.lstrip("✓").strip())
        elif line and not line.startswith("⚫"):
            heading = line.strip("＜＞")
    return out


def test_real_data_loads(strategy: Strategy, source_text: str) -> None:
    assert strategy.title.ja == "統合イノベーション戦略2025"
    assert [p.name.ja for p in strategy.pillars] == pillar_names(source_text)
    assert [p.order for p in strategy.pillars] == list(range(1, len(strategy.pillars) + 1))


def test_measures_per_group_and_pillar(strategy: Strategy, source_text: str) -> None:
    """Each measure of slide 1 is in the data, in its group of its pillar. The data may hold more
    (README: add a measure) but loses none, and moves none to another group."""
    slide = slide_one_pillars(source_text)
    assert [name for name, _ in slide] == [p.name.ja for p in strategy.pillars]
    for (name, groups), pillar in zip(slide, strategy.pillars, strict=True):
        titles = [title for title, _ in groups]
        assert [g.title.ja for g in pillar.groups if g.title.ja in titles] == titles, name
        in_data = {g.title.ja: [m.text.ja for m in g.measures] for g in pillar.groups}
        for title, measures in groups:
            missing = [m for m in measures if m not in in_data[title]]
            assert missing == [], f"{name} / {title}: measures of slide 1 not in this group of the data"


def test_slide_one_boxes(strategy: Strategy, source_text: str) -> None:
    """The boxes of slide 1 hold the ✓ items of the source, under their headings, in order."""
    economic, basic_plan = strategy.boxes
    assert not economic.groups and not basic_plan.items
    in_data = [(economic.title.ja, [i.text.ja for i in economic.items])]
    in_data += [(g.title.ja, [i.text.ja for i in g.items]) for g in basic_plan.groups]
    assert in_data == slide_one_box_items(source_text)


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


def test_every_count(strategy: Strategy, source_text: str) -> None:
    """Each count slide 3 states in brackets ("（計25件）", "（8拠点）") is recorded, and only those."""
    counts = {(c.value, c.counter.ja) for i in strategy.progress_items for c in i.counts}
    stated = {(int(n), counter) for n, counter in re.findall(r"（計?(\d+)([^\d\s）]+)）", source_text)}
    assert counts == stated


def test_every_figure_with_its_amount(strategy: Strategy, source_text: str) -> None:
    figures = {f.id: (f.amount, f.unit, f.approximate, f.budget_type, f.fy_start, f.fy_end) for f in strategy.figures}
    amounts = {(float(a), u) for a, u, *_ in figures.values()}
    # Every amount of yen the source states is a figure (and each figure's amount is stated, below).
    stated = {(float(n.replace(",", "")), unit) for n, unit in re.findall(r"(\d[\d,]*)(億円|兆円)", source_text)}
    assert amounts == stated
    for f in strategy.figures:
        published = f"{f.amount:,.0f}{f.unit}".replace(",", ",")
        assert published in source_text.replace("\n", ""), f.id
        assert f.note.ja in source_text.replace("\n", ""), f.id
    fund = next(f for f in strategy.figures if f.unit == "兆円")
    assert fund.approximate and fund.budget_type == "fund" and fund.fy_start is None
    assert {f.budget_type for f in strategy.figures} == {"initial", "supplementary", "fund"}


def test_history_years_and_their_frames(strategy: Strategy, source_text: str) -> None:
    years = {y.year: y for y in strategy.history}
    # The years slide 2 labels: every strategy before this one.
    labelled = {int(y) for y in re.findall(r"統合イノベーション戦略(20\d\d)", source_text)}
    assert sorted(years) == sorted(labelled - {int(strategy.title.ja[-4:])})
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
