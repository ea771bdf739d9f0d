"""Charts: the budget bar chart, drawn at build time as inline SVG (no JavaScript, no chart library).

A fund (today the University Fund, 10兆円規模: about twenty times the largest budget figure) is not
an annual budget, and on one scale it would flatten the others into slivers, so the funds get a
panel of their own with its own, clearly labelled scale.
The figures' table on the same page is the chart's text alternative.

This module computes the chart: where each bar, label and tick goes, and what each text says (the
words are in ui.py). templates/_chart.svg.j2 draws it; the budget page's template calls it.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction

from strategy_site.rendering import format as fmt
from strategy_site.rendering.ui import ui
from strategy_site.structure.model import Figure

WIDTH = 720
NARROW_WIDTH = 340  # the phone variant, drawn at about the size a 390 px screen shows it
LEFT = 30  # room for the first tick label
BAR_H = 18
ROW_H = 44
LINE_H = 16  # a label's second line, on the narrow chart
KEY_W, KEY_H = 18, 14  # a swatch of the key
# The element ids the chart puts on the budget page (each with each suffix: the wide and the narrow
# chart are both on the page). No data id may take one of them (checking/ids.reserved_ids reads these).
ELEMENT_IDS = ("chart-title", "chart-desc", "chart-hatch", "chart-dots")
ID_SUFFIXES = ("", "-narrow")
FONT_PX = 13  # the chart's font size (extra.css)


@dataclass(frozen=True)
class Ids:
    """One variant's element ids: ELEMENT_IDS, in that order, with the variant's suffix."""

    title: str
    desc: str
    hatch: str  # the fills of supplementary budgets and of funds (extra.css)
    dots: str

    @classmethod
    def with_suffix(cls, suffix: str) -> Ids:
        return cls(*(ident + suffix for ident in ELEMENT_IDS))


@dataclass(frozen=True)
class Line:
    y: int
    text: str


@dataclass(frozen=True)
class Label:
    """A text at (x, y). One line is the text itself; more (the narrow chart's two, the second maybe
    empty) are each drawn at their own y."""

    x: int
    y: int
    lines: tuple[Line, ...]


@dataclass(frozen=True)
class Bar:
    """A figure's bar (its fill by budget type), its program's name above and its amount at its end."""

    kind: str
    x: int
    y: int
    width: float
    height: int
    label: Label
    value: str
    value_x: float
    value_y: float


@dataclass(frozen=True)
class Tick:
    """A tick on an axis, from y `top` down to `bottom`, and its amount centred below at text_y."""

    x: float
    top: int
    bottom: int
    text_y: int
    text: str


@dataclass(frozen=True)
class Panel:
    """A heading, the bars, and the axis below them (at axis_y, from axis_start to axis_end) with its ticks.
    break_y: where a dashed line across the chart parts this panel from the one above."""

    heading: Label
    bars: tuple[Bar, ...]
    axis_y: int
    axis_start: int
    axis_end: float
    ticks: tuple[Tick, ...]
    break_y: int | None = None


@dataclass(frozen=True)
class Key:
    """A budget type's swatch in the key, and its name beside it."""

    kind: str
    x: int
    y: int
    width: int
    height: int
    label: Label


@dataclass(frozen=True)
class Chart:
    """One variant of the chart (`narrow` or wide): its size, ids and words, its panels and its key."""

    narrow: bool
    width: int
    height: int
    ids: Ids
    title: str
    desc: str
    caption: str
    panels: tuple[Panel, ...]
    key_heading: Label
    keys: tuple[Key, ...]


def _nice_top(yen: Decimal) -> Decimal:
    """A round axis end at or above the largest value: 1, 2 or 5 times a power of ten."""
    power = Decimal(10) ** (len(str(int(yen))) - 1)
    for step in (1, 2, 5, 10):
        if step * power >= yen:
            return step * power
    return 10 * power


def _yen_text(yen: Decimal, lang: str, scale_top: Decimal | None = None) -> str:
    """An amount on a scale; a tick takes the unit of its scale's top (0兆円 on a scale to 10兆円)."""
    if lang == "ja":
        if (scale_top if scale_top is not None else yen) >= Decimal(10) ** 12:
            return f"{fmt.number(yen / Decimal(10) ** 12)}兆円"
        return f"{fmt.number(yen / Decimal(10) ** 8)}億円"
    return fmt.amount_en(yen, False)


def text_width(text: str) -> float:
    """About how wide a text is drawn at the chart's font size: full-width characters take 1 em,
    others about 0.6 em."""
    return sum(FONT_PX if ord(c) > 0x2E7F else FONT_PX * 0.6 for c in text)


def _wrapped(text: str, room: float) -> list[str]:
    """A label in lines that fit `room` (at spaces for English, anywhere for Japanese)."""
    if text_width(text) <= room:
        return [text]
    spaced = " " in text
    lines, line = [], ""
    for piece in text.split(" ") if spaced else list(text):
        joined = f"{line} {piece}" if line and spaced else line + piece
        if line and text_width(joined) > room:
            lines.append(line)
            line = piece
        else:
            line = joined
    return lines + [line]


def _lines(text: str, room: float, count: int) -> list[str]:
    """A text in `count` lines (the last ones maybe empty), so that the chart's elements are the same
    whatever the text (tests/test_escape.py compares them); what does not fit goes on the last."""
    lines = _wrapped(text, room)
    if len(lines) > count:
        lines = lines[: count - 1] + [(" " if " " in text else "").join(lines[count - 1 :])]
    return lines + [""] * (count - len(lines))


def _label(x: int, y: int, text: str, room: float | None = None, count: int = 2) -> Label:
    """A text in one line, or with `room` (the narrow chart) in `count` lines."""
    if room is None:
        return Label(x, y, (Line(y, text),))
    return Label(x, y, tuple(Line(y + LINE_H * i, line) for i, line in enumerate(_lines(text, room, count))))


def _more_lines(label: Label) -> int:
    """The lines a label takes below its first (empty lines take no room)."""
    return sum(1 for line in label.lines[1:] if line.text)


def _panel(
    figures: list[Figure],
    top: Decimal,
    y0: int,
    heading: str,
    lang: str,
    steps: int,
    width: int = WIDTH,
    break_y: int | None = None,
) -> tuple[Panel, int]:
    """One panel, and the y below it: a heading, then for each figure its program's name above its
    bar, the amount at the bar's end, and an axis below with `steps` spaces between its ticks. The
    narrow variant leaves room at the right for the longest amount, so that every amount shows
    within the chart."""
    wide = width == WIDTH
    head = _label(0, y0 + 14, heading, None if wide else width)  # on a phone a long heading takes two lines
    y = y0 + 24 + LINE_H * _more_lines(head)
    reserve = 150 if wide else max(text_width(fmt.amount(f, lang)) for f in figures) + 12
    plot_w = width - LEFT - reserve
    bars = []
    for f in figures:
        bar = float(f.yen / top) * plot_w
        # On a phone a bar's name and its years take up to three lines.
        name = _label(LEFT, y + 13, bar_name(f, lang), None if wide else width - LEFT, count=3)
        y += LINE_H * _more_lines(name)
        bars.append(
            Bar(
                kind=f.budget_type,
                x=LEFT,
                y=y + 18,
                width=max(bar, 1),
                height=BAR_H,
                label=name,
                value=fmt.amount(f, lang),
                value_x=LEFT + bar + 6,
                value_y=y + 18 + BAR_H * 0.72,
            )
        )
        y += ROW_H
    axis_y = y + 4
    ticks = tuple(
        Tick(LEFT + plot_w * i / steps, axis_y, axis_y + 5, axis_y + 19, _yen_text(top * i / steps, lang, top))
        for i in range(steps + 1)
    )
    return Panel(head, tuple(bars), axis_y, LEFT, LEFT + plot_w, ticks, break_y), axis_y + 34


def times(larger: Decimal, smaller: Decimal, lang: str) -> str | None:
    """How many times one scale is another, in words that are true: 「20倍」 / "20 times" when exactly
    a whole number, 「24倍超」 / "more than 24 times" otherwise. None below twice, where a ratio says
    nothing useful. (Only the scales are compared: the figures are totals over different years.)"""
    ratio = Fraction(larger) / Fraction(smaller)
    if ratio < 2:
        return None
    if ratio.denominator == 1:
        return ui("chart_times", lang, n=fmt.number(ratio.numerator))
    return ui("chart_times_more", lang, n=fmt.number(math.floor(ratio)))


def _named(f: Figure, lang: str) -> str:
    """A figure by its program's name, with its amount unless the name says it (10兆円規模の大学ファンド)."""
    amount = fmt.amount(f, lang)
    if amount in f.program[lang]:
        return f.program[lang]
    return f"{f.program[lang]}{ui('paren_open', lang)}{amount}{ui('paren_close', lang)}"


def bar_name(f: Figure, lang: str) -> str:
    """A bar's name: its program, and the years its amount totals where it has them (the bars are
    totals over different spans, so each says its own where the bar is)."""
    if f.fy_start is None:
        return f.program[lang]
    span = ui("chart_span", lang, years=fmt.fiscal_years(f.fy_start, f.fy_end, lang))
    return f"{f.program[lang]}{ui('paren_open', lang)}{span}{ui('paren_close', lang)}"


def _words(
    others: list[Figure], funds: list[Figure], top: Decimal, fund_top: Decimal, lang: str
) -> tuple[str, str, str]:
    """The chart's title, description and caption: each sentence only about panels that are drawn."""
    two = bool(others) and bool(funds)
    sep = ui("list_sep", lang)
    names = ui(
        "chart_n_fund" if len(funds) == 1 else "chart_n_funds",
        lang,
        n=len(funds),
        names=sep.join(_named(f, lang) for f in funds),
    )
    n = ui("chart_n_figure" if len(others) == 1 else "chart_n_figures", lang, n=len(others))
    desc = ui("chart_desc_two" if two else "chart_desc", lang)
    if others:
        desc += ui("chart_desc_upper" if two else "chart_desc_others", lang, n=n, top=_yen_text(top, lang))
    if funds:
        desc += ui("chart_desc_lower" if two else "chart_desc_funds", lang, funds=names, top=_yen_text(fund_top, lang))
    caption = ""
    if two:
        caption = ui("chart_caption_funds", lang, names=sep.join(f.program[lang] for f in funds))
    if any(f.fy_start is not None for f in others):
        # The bars are totals over different years: say so, and compare nothing with anything.
        desc += ui("chart_desc_spans", lang)
        caption += ui("chart_caption_spans", lang)
    desc += ui("chart_desc_end", lang)
    caption = ui("chart_caption", lang, funds=caption) + ui("chart_caption_end", lang)
    return ui("chart_title_two" if two else "chart_title", lang), desc, caption


def budget_chart(figures: tuple[Figure, ...], lang: str, type_names: dict[str, str], narrow: bool = False) -> Chart:
    """The chart, for templates/_chart.svg.j2 to draw. `narrow`: the variant for phones
    (NARROW_WIDTH wide, fewer ticks, the key in a column; its ids end in -narrow). The funds are on a
    panel of their own below the other figures, if there are both."""
    width, steps, suffix = (NARROW_WIDTH, 2, ID_SUFFIXES[1]) if narrow else (WIDTH, 5, ID_SUFFIXES[0])
    ordered = sorted(figures, key=lambda f: f.yen, reverse=True)
    funds = [f for f in ordered if f.budget_type == "fund"]
    others = [f for f in ordered if f.budget_type != "fund"]
    top = _nice_top(others[0].yen) if others else Decimal(1)
    fund_top = _nice_top(funds[0].yen) if funds else Decimal(1)
    panels: list[Panel] = []
    y = 0
    if others:
        panel, y = _panel(others, top, y, ui("chart_scale", lang, top=_yen_text(top, lang)), lang, steps, width)
        panels.append(panel)
    if funds:
        scale = _yen_text(fund_top, lang)
        if others:
            ratio = times(fund_top, top, lang)
            heading = (
                ui("chart_fund_scale_times", lang, top=scale, times=ratio)
                if ratio
                else ui("chart_fund_scale", lang, top=scale)
            )
            panel, y = _panel(funds, fund_top, y + 4, heading, lang, steps, width, break_y=y - 6)
        else:
            panel, y = _panel(funds, fund_top, y, ui("chart_scale", lang, top=scale), lang, steps, width)
        panels.append(panel)
    # Key: the bar fills tell the budget types apart in black and white too.
    key_heading = _label(0, y + 12, ui("chart_key", lang))
    keys = []
    x = 70
    for kind in fmt.BUDGET_TYPES:
        if any(f.budget_type == kind for f in figures):
            keys.append(Key(kind, x, y, KEY_W, KEY_H, _label(x + 24, y + 12, type_names[kind])))
            if narrow:
                y += 22
            else:
                x += 200
    title, desc, caption = _words(others, funds, top, fund_top, lang)
    return Chart(
        narrow=narrow,
        width=width,
        height=y + (2 if narrow else 24),
        ids=Ids.with_suffix(suffix),
        title=title,
        desc=desc,
        caption=caption,
        panels=tuple(panels),
        key_heading=key_heading,
        keys=tuple(keys),
    )
