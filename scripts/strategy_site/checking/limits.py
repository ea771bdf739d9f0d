"""Limits: what the check accepts is what the build can finish. Some amounts of data make the build
slow out of proportion (Python-Markdown is quadratic in long runs of escaped punctuation; every
glossary term is looked for in every page; every redirect is a page and a name on the search
indexer's command line), so the check refuses data beyond what a site of this kind needs, far above
the real data and the benchmark's x100 (README, Performance)."""

from __future__ import annotations

from strategy_site.checking import entities
from strategy_site.reading import shape
from strategy_site.reading.load import Files, problem_at
from strategy_site.reading.problems import Problem

MAX_TEXT = 2_000  # characters in one text (the longest real text has 518)
MAX_TERMS = 300  # glossary terms (the real glossary has 9)
MAX_REDIRECTS = 500  # redirects (the real data has none)


def check_sizes(files: Files) -> list[Problem]:
    """A text is at most 2,000 characters, the glossary at most 300 terms, the redirects at most 500
    entries: beyond that the build would take far longer than the data is worth (or not finish)."""
    problems = []
    for loaded in entities.every_file(files):
        for where, value in shape.nodes(loaded.data):
            if isinstance(value, str) and len(value) > MAX_TEXT:
                problems.append(
                    problem_at(
                        loaded,
                        where,
                        f"is {len(value):,} characters long; a text may be at most {MAX_TEXT:,}. Shorten it, or "
                        "split it into several entries.",
                    )
                )
    for name, key, limit, what in (
        ("glossary", "terms", MAX_TERMS, "terms"),
        ("redirects", "redirects", MAX_REDIRECTS, "redirects"),
    ):
        for loaded in files.get(name, []):
            entries = shape.step(loaded.data, key)
            if isinstance(entries, list) and len(entries) > limit:
                problems.append(
                    problem_at(
                        loaded,
                        (key, limit),
                        f"holds {len(entries):,} {what}; the site takes at most {limit:,} (the build would "
                        f"slow down out of proportion). Keep the {what} readers need, and remove the rest.",
                    )
                )
    return problems
