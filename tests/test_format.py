"""format.py: numbers, amounts, counts, dates and fiscal years in each language."""

from __future__ import annotations

from decimal import Decimal

import pytest

from strategy_site.rendering import format as fmt
from strategy_site.structure.model import Text


@pytest.mark.parametrize(
    "amount, unit, approx, ja, en",
    [
        (5000, "億円", False, "5,000億円", "¥500 billion"),
        (4114, "億円", False, "4,114億円", "¥411.4 billion"),
        (840, "億円", False, "840億円", "¥84 billion"),
        (2060, "億円", False, "2,060億円", "¥206 billion"),
        (10, "兆円", True, "10兆円規模", "about ¥10 trillion"),
        (1, "億円", False, "1億円", "¥100 million"),
        (Decimal("1.5"), "兆円", False, "1.5兆円", "¥1.5 trillion"),
    ],
)
def test_amounts_in_both_languages(amount, unit, approx, ja, en) -> None:
    yen = Decimal(amount) * (Decimal(10) ** (8 if unit == "億円" else 12))
    assert fmt.amount_ja(Decimal(amount), unit, approx) == ja
    assert fmt.amount_en(yen, approx) == en


@pytest.mark.parametrize(
    "value, counter, ja, en",
    [
        (25, Text("件", "selected"), "25件", "25 selected"),
        (8, Text("拠点", "hub cities"), "8拠点", "8 hub cities"),
        (1200, Text("件", "cases"), "1,200件", "1,200 cases"),
    ],
)
def test_counts(value, counter, ja, en) -> None:
    assert fmt.count(value, counter, "ja") == ja
    assert fmt.count(value, counter, "en") == en


@pytest.mark.parametrize(
    "iso, ja, en",
    [
        ("2025-02", "2025年2月", "February 2025"),
        ("2023-07", "2023年7月", "July 2023"),
        ("2021-03-26", "2021年3月26日", "26 March 2021"),
        ("2024-12", "2024年12月", "December 2024"),
    ],
)
def test_dates(iso, ja, en) -> None:
    assert fmt.date(iso, "ja") == ja
    assert fmt.date(iso, "en") == en


def test_fiscal_years() -> None:
    assert fmt.fiscal_years(2021, 2022, "ja") == "2021～2022年度"
    assert fmt.fiscal_years(2021, 2022, "en") == "FY2021–FY2022"
    assert fmt.fiscal_years(2022, 2022, "ja") == "2022年度"
    assert fmt.fiscal_years(2022, 2022, "en") == "FY2022"
    assert fmt.fiscal_years(None, None, "en") == "—"


def test_numbers_group_thousands_and_keep_decimals() -> None:
    assert fmt.number(Decimal("1234567.25")) == "1,234,567.25"
    assert fmt.number(5000) == "5,000"
    assert fmt.plain(Decimal("5000.0")) == "5000"
    assert fmt.plain(Decimal("1E+3")) == "1000"
