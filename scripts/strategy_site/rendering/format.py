"""Format: numbers, amounts, counts, dates and fiscal years in each language's form.

5,000億円 / ¥500 billion; 25件 / 25 selected; 2025年2月 / February 2025; 2021～2022年度 / FY2021–FY2022.
Pure functions: the only place that knows how a number is written.
"""

from __future__ import annotations

from decimal import Decimal

from strategy_site.rendering.ui import ui

MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
_EN_SCALES = ((Decimal(10) ** 12, "trillion"), (Decimal(10) ** 9, "billion"), (Decimal(10) ** 6, "million"))


def number(value: Decimal | int | float) -> str:
    """1234.5 -> '1,234.5'; 5000 -> '5,000' (both languages group digits by thousands)."""
    value = Decimal(str(value)).normalize()
    whole, _, fraction = f"{value:f}".partition(".")
    return f"{int(whole):,}" + (f".{fraction}" if fraction else "")


def amount_ja(amount: Decimal, unit: str, approximate: bool) -> str:
    """As published: 5,000億円, 10兆円規模."""
    return f"{number(amount)}{unit}" + ("規模" if approximate else "")


def amount_en(yen: Decimal, approximate: bool) -> str:
    """In English form: ¥500 billion, about ¥10 trillion (1億円 = ¥100 million, 1兆円 = ¥1 trillion)."""
    for scale, word in _EN_SCALES:
        if yen >= scale:
            text = f"¥{number(yen / scale)} {word}"
            break
    else:
        text = f"¥{number(yen)}"
    return f"about {text}" if approximate else text


def amount(figure, lang: str) -> str:
    if lang == "ja":
        return amount_ja(figure.amount, figure.unit, figure.approximate)
    return amount_en(figure.yen, figure.approximate)


def count(value: int, counter, lang: str) -> str:
    """25件 / 25 selected; 8拠点 / 8 hubs."""
    if lang == "ja":
        return f"{number(value)}{counter.ja}"
    return f"{number(value)} {counter.en}"


def date(iso: str, lang: str) -> str:
    """'2025-02' -> 2025年2月 / February 2025; '2021-03-26' -> 2021年3月26日 / 26 March 2021."""
    parts = [int(p) for p in iso.split("-")]
    year, month = parts[0], parts[1]
    day = parts[2] if len(parts) > 2 else None
    if lang == "ja":
        return f"{year}年{month}月" + (f"{day}日" if day else "")
    return (f"{day} " if day else "") + f"{MONTHS[month - 1]} {year}"


def fiscal_years(start: int | None, end: int | None, lang: str) -> str:
    """2021～2022年度 / FY2021–FY2022; a single year: 2022年度 / FY2022; none: an em dash."""
    if start is None:
        return "—"
    if lang == "ja":
        return f"{start}年度" if start == end else f"{start}～{end}年度"
    return f"FY{start}" if start == end else f"FY{start}–FY{end}"


BUDGET_TYPES = ("initial", "supplementary", "fund")  # figures.yaml's budget_type; their names are in ui.py


def budget_type(kind: str, lang: str) -> str:
    return ui(f"budget_type_{kind}", lang)


def slide(number_: int, lang: str) -> str:
    return ui("slide_n", lang, n=number_)


def plain(value: Decimal | int) -> str:
    """A number without grouping, for data files: Decimal('5000') -> '5000', 1.5 -> '1.5'."""
    value = Decimal(str(value)).normalize()
    return f"{value:f}"


def kilobytes(size: int) -> str:
    """A file's size in kilobytes (1 KB = 1,024 bytes), with one decimal: 12.3."""
    return f"{size / 1024:.1f}"


def grouped(value: int) -> str:
    """A whole number with thousands separators: 12,345."""
    return f"{value:,}"
