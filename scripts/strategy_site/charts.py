"""Charts: the budget bar chart as inline SVG, drawn at build time (no JavaScript, no chart library).

The University Fund (10兆円) is over twenty times the next figure. On one scale it would flatten
the others into slivers, so it gets a panel of its own with its own, clearly labelled scale.
The figures' table on the same page is the chart's text alternative.
"""

from __future__ import annotations

from decimal import Decimal

from markupsafe import Markup

from . import format as fmt
from .escape import html_text
from .model import Figure
from .ui import ui

WIDTH = 720
NARROW_WIDTH = 340  # the phone variant, drawn at about the size a 390 px screen shows it
LEFT = 30  # room for the first tick label
BAR_H = 18
ROW_H = 44
PATTERNS = {"initial": "bar-initial", "supplementary": "bar-supplementary", "fund": "bar-fund"}
# The element ids the chart puts on the budget page (each with each suffix: the wide and the narrow
# chart are both on the page). No data id may take one of them (guards.reserved_ids reads these).
ELEMENT_IDS = ("chart-title", "chart-desc", "chart-hatch", "chart-dots")
ID_SUFFIXES = ("", "-narrow")
FONT_PX = 13  # the chart's font size (extra.css)


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


def _two_lines(text: str, room: float) -> tuple[str, str]:
    """A text in two lines (the second maybe empty), so that the chart's elements are the same
    whatever the text (tests/test_escape.py compares them)."""
    lines = _wrapped(text, room)
    return lines[0], (" " if " " in text else "").join(lines[1:])


def _text_svg(cls: str, x: float, y: float, text: str, room: float) -> tuple[str, int]:
    """A label of the narrow chart in two <tspan> lines; returns it and the lines it takes."""
    first, second = _two_lines(text, room)
    svg = (
        f'<text class="{cls}" x="{x}" y="{y}"><tspan x="{x}" y="{y}">{html_text(first)}</tspan>'
        f'<tspan x="{x}" y="{y + 16}">{html_text(second)}</tspan></text>'
    )
    return svg, 2 if second else 1


def _panel(
    figures: list[Figure], top: Decimal, y0: int, heading: str, lang: str, ticks: int, width: int = WIDTH
) -> tuple[list[str], int]:
    """One panel: a heading, then for each figure its program's name above its bar, the amount
    at the bar's end, and an axis with its ticks below. The narrow variant leaves room at the right
    for the longest amount, so that every amount shows within the chart."""
    if width == WIDTH:
        out, taken = [f'<text class="chart-panel" x="0" y="{y0 + 14}">{html_text(heading)}</text>'], 1
    else:  # on a phone a long heading takes two lines
        svg, taken = _text_svg("chart-panel", 0, y0 + 14, heading, width)
        out = [svg]
    y = y0 + 24 + 16 * (taken - 1)
    reserve = 150 if width == WIDTH else max(text_width(fmt.amount(f, lang)) for f in figures) + 12
    plot_w = width - LEFT - reserve
    for f in figures:
        bar = float(f.yen / top) * plot_w
        if width == WIDTH:
            out.append(f'<text class="chart-label" x="{LEFT}" y="{y + 13}">{html_text(f.program[lang])}</text>')
        else:
            svg, taken = _text_svg("chart-label", LEFT, y + 13, f.program[lang], width - LEFT)
            out.append(svg)
            y += 16 * (taken - 1)
        out.append(
            f'<rect class="chart-bar {PATTERNS[f.budget_type]}" x="{LEFT}" y="{y + 18}" '
            f'width="{max(bar, 1):.1f}" height="{BAR_H}"/>'
        )
        out.append(
            f'<text class="chart-value" x="{LEFT + bar + 6:.1f}" y="{y + 18 + BAR_H * 0.72:.1f}">'
            f"{html_text(fmt.amount(f, lang))}</text>"
        )
        y += ROW_H
    axis_y = y + 4
    out.append(f'<line class="chart-axis" x1="{LEFT}" y1="{axis_y}" x2="{LEFT + plot_w}" y2="{axis_y}"/>')
    for i in range(ticks + 1):
        x = LEFT + plot_w * i / ticks
        out.append(f'<line class="chart-tick" x1="{x:.1f}" y1="{axis_y}" x2="{x:.1f}" y2="{axis_y + 5}"/>')
        tick_label = html_text(_yen_text(top * i / ticks, lang, top))
        out.append(
            f'<text class="chart-tick-label" x="{x:.1f}" y="{axis_y + 19}" text-anchor="middle">{tick_label}</text>'
        )
    return out, axis_y + 34


def budget_chart(figures: tuple[Figure, ...], lang: str, type_names: dict[str, str], narrow: bool = False) -> Markup:
    """The chart's SVG, one line per element and no blank line (so Markdown passes it through).
    `narrow`: the variant for phones (NARROW_WIDTH wide, fewer ticks, the key in a column; its
    ids end in -narrow)."""
    width, ticks, sfx = (NARROW_WIDTH, 2, ID_SUFFIXES[1]) if narrow else (WIDTH, 5, ID_SUFFIXES[0])
    ordered = sorted(figures, key=lambda f: f.yen, reverse=True)
    funds = [f for f in ordered if f.budget_type == "fund"]
    others = [f for f in ordered if f.budget_type != "fund"]
    top = _nice_top(max(f.yen for f in others)) if others else Decimal(1)
    parts: list[str] = []
    y = 0
    if others:
        panel, y = _panel(others, top, y, ui("chart_scale", lang, top=_yen_text(top, lang)), lang, ticks, width)
        parts += panel
    ratio = 1
    if funds:
        fund_top = _nice_top(max(f.yen for f in funds))
        ratio = int(max(f.yen for f in funds) / max((f.yen for f in others), default=Decimal(1)))
        parts.append(f'<line class="chart-break" x1="0" y1="{y - 6}" x2="{width}" y2="{y - 6}"/>')
        heading = ui("chart_fund_scale", lang, top=_yen_text(fund_top, lang), ratio=ratio)
        panel, y = _panel(funds, fund_top, y + 4, heading, lang, ticks, width)
        parts += panel
    # Key: the bar fills tell the budget types apart in black and white too.
    parts.append(f'<text class="chart-panel" x="0" y="{y + 12}">{html_text(ui("chart_key", lang))}</text>')
    x = 70
    for kind, cls in PATTERNS.items():
        if any(f.budget_type == kind for f in figures):
            parts.append(f'<rect class="chart-bar {cls}" x="{x}" y="{y}" width="18" height="14"/>')
            parts.append(f'<text class="chart-label" x="{x + 24}" y="{y + 12}">{html_text(type_names[kind])}</text>')
            if narrow:
                y += 22
            else:
                x += 200
    height = y + (2 if narrow else 24)
    desc = ui(
        "chart_desc",
        lang,
        n=len(others),
        top=_yen_text(top, lang),
        fund=", ".join(fmt.amount(f, lang) for f in funds) or "-",
        fundtop=_yen_text(_nice_top(max((f.yen for f in funds), default=Decimal(1))), lang),
        ratio=ratio,
    )
    head = (
        f'<svg class="chart{" chart--narrow" if narrow else ""}" role="img" viewBox="0 0 {width} {height}" '
        f'width="{width}" height="{height}" '
        f'aria-labelledby="chart-title{sfx} chart-desc{sfx}" xmlns="http://www.w3.org/2000/svg">'
    )
    defs = (
        "<defs>"
        f'<pattern id="chart-hatch{sfx}" width="6" height="6" patternUnits="userSpaceOnUse" '
        'patternTransform="rotate(45)">'
        '<rect width="6" height="6" class="hatch-bg"/><line x1="0" y1="0" x2="0" y2="6" class="hatch-line"/></pattern>'
        f'<pattern id="chart-dots{sfx}" width="6" height="6" patternUnits="userSpaceOnUse">'
        '<rect width="6" height="6" class="hatch-bg"/><circle cx="3" cy="3" r="1.6" class="dot"/></pattern>'
        "</defs>"
    )
    lines = [
        head,
        f'<title id="chart-title{sfx}">{html_text(ui("chart_title", lang))}</title>',
        f'<desc id="chart-desc{sfx}">{html_text(desc)}</desc>',
        defs,
        *parts,
        "</svg>",
    ]
    return Markup("\n".join(lines))
