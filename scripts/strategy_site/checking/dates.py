"""Dates and years: real calendar dates, fiscal spans that do not end before they start, a budget type
with its fiscal years, each history year once."""

from __future__ import annotations

import calendar
import re

from strategy_site.checking import entities
from strategy_site.reading import shape
from strategy_site.reading.load import Files, problem_at
from strategy_site.reading.problems import Problem


def _valid_month_date(text: str) -> bool | None:
    """Whether a date written YYYY-MM or YYYY-MM-DD is a real one; None for a text in another form
    (the schema says so)."""
    if not re.fullmatch(r"[0-9]{4}-[0-9]{2}(-[0-9]{2})?", text):
        return None
    parts = [int(p) for p in text.split("-")]
    if not 1 <= parts[1] <= 12:
        return False
    return len(parts) == 2 or 1 <= parts[2] <= calendar.monthrange(parts[0], parts[1])[1]


def check_real_dates(files: Files) -> list[Problem]:
    """A progress item's date is a real date: a month from 01 to 12, and a day that month has."""
    problems = []
    for loaded, where, item in entities.progress_items(files):
        for d, dated in shape.entries(item, "dates"):
            date = shape.text(dated, "date")
            if date is not None and _valid_month_date(date) is False:
                problems.append(
                    problem_at(
                        loaded,
                        where + ("dates", d, "date"),
                        f"'{date}' is not a real date. Write YYYY-MM with a month "
                        "from 01 to 12, or YYYY-MM-DD with a day that month has.",
                    )
                )
    return problems


def check_fiscal_spans(files: Files) -> list[Problem]:
    """A budget figure's fiscal years end no earlier than they start."""
    problems = []
    for loaded, where, figure in entities.figures(files):
        span = shape.fields(figure, "fiscal_years")
        start, end = shape.number(span, "start"), shape.number(span, "end")
        if start is not None and end is not None and end < start:
            problems.append(
                problem_at(
                    loaded,
                    where + ("fiscal_years", "end"),
                    f"the span ends (FY{end}) before it starts (FY{start}). "
                    "Swap 'start' and 'end', or correct the years.",
                )
            )
    return problems


def check_fiscal_years_given(files: Files) -> list[Problem]:
    """A budget figure that is not a fund (an initial or supplementary budget) gives its 'fiscal_years'."""
    return [
        problem_at(
            loaded,
            where,
            "has no 'fiscal_years'. An initial or "
            "supplementary budget covers fiscal years: add them (start: and end:).",
        )
        for loaded, where, figure in entities.figures(files)
        if not figure.get("fiscal_years") and shape.text(figure, "budget_type") not in (None, "fund")
    ]


def check_history_years(files: Files) -> list[Problem]:
    """Each year is listed once in the history."""
    problems = []
    for loaded in files.get("history", []):
        seen: list[float] = []
        for i, entry in shape.entries(loaded.data, "years"):
            year = shape.number(entry, "year")
            if year is None:
                continue
            if year in seen:
                problems.append(problem_at(loaded, ("years", i, "year"), f"the year {year} is listed twice."))
            seen.append(year)
    return problems
