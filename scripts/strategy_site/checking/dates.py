"""Dates and years: real calendar dates, fiscal spans that do not end before they start, a budget type
with its fiscal years, each history year once."""

from __future__ import annotations

import calendar
import re

from strategy_site.checking import entities
from strategy_site.reading import shape
from strategy_site.reading.load import Files, problem_at
from strategy_site.reading.problems import Problem

# The years a date in this data can have: the strategies it describes start in the 2010s, and a
# date far from today is a typo (0000, 2205). A year outside is refused, as an impossible month is.
FIRST_YEAR, LAST_YEAR = 1990, 2100
DATE_SHAPE = re.compile(r"[0-9]{4}-[0-9]{2}(-[0-9]{2})?")


def date_problem(text: str) -> str | None:
    """Why a text written as a date (YYYY-MM or YYYY-MM-DD) is not a real one in a sane range, or None
    (also for a text in another form: the schema says what form a field takes)."""
    if not DATE_SHAPE.fullmatch(text):
        return None
    parts = [int(p) for p in text.split("-")]
    if not FIRST_YEAR <= parts[0] <= LAST_YEAR:
        return (
            f"'{text}' has the year {parts[0]:04d}, which cannot be right here. Write a year from "
            f"{FIRST_YEAR} to {LAST_YEAR}."
        )
    if not 1 <= parts[1] <= 12 or (len(parts) == 3 and not 1 <= parts[2] <= calendar.monthrange(*parts[:2])[1]):
        form = "YYYY-MM-DD with a day that month has" if len(parts) == 3 else "YYYY-MM"
        return f"'{text}' is not a real date. Write {form}, with a month from 01 to 12."
    return None


def check_real_dates(files: Files) -> list[Problem]:
    """Every date in the data (any text written YYYY-MM or YYYY-MM-DD: a progress item's dates, the
    accessibility statement's test date, a name's 'checked', a redirect's 'since') is a real calendar
    date: a month from 01 to 12, a day that month has, a year from 1990 to 2100."""
    problems = []
    for loaded in entities.every_file(files):
        for where, value in shape.nodes(loaded.data):
            why = date_problem(value) if isinstance(value, str) else None
            if why:
                problems.append(problem_at(loaded, where, why))
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
