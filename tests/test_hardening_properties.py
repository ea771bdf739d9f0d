"""Properties of the check over generated input (hypothesis, default settings): every date is refused
exactly when it is not a real calendar date in range; a text of characters that cannot be seen is
refused; no file name can put a character that acts (a line break, an escape code) into the check's
output."""

from __future__ import annotations

import datetime
import unicodedata

from hypothesis import assume, given, settings
from hypothesis import strategies as st

from strategy_site.checking import dates, validate, writing
from strategy_site.reading.problems import Problem

from conftest import ROOT


@given(year=st.integers(0, 9999), month=st.integers(0, 99), day=st.integers(0, 99), with_day=st.booleans())
def test_a_date_is_refused_exactly_when_it_is_not_a_real_one(year: int, month: int, day: int, with_day: bool) -> None:
    text = f"{year:04d}-{month:02d}" + (f"-{day:02d}" if with_day else "")
    try:
        datetime.date(year, month, day if with_day else 1)
        real = dates.FIRST_YEAR <= year <= dates.LAST_YEAR
    except ValueError:
        real = False
    assert (dates.date_problem(text) is None) == real, text


SELECTORS = st.sampled_from(["\ufe00", "\ufe0f", "\U000e0100", "\U000e01ef", "\u180b", "\u180c", "\u180d", "\u180f"])
INVISIBLE = st.one_of(
    SELECTORS,
    st.characters(categories=["Cf"]),
    st.sampled_from(["\u3164", "\u115f", "\u1160", "\uffa0", "\u034f", "\u2800", "\u17b4", "\u17b5"]),
)


@given(st.lists(INVISIBLE, min_size=1, max_size=6), st.lists(st.sampled_from([" ", "\u3000"]), max_size=2))
def test_a_text_of_characters_that_cannot_be_seen_is_refused(chars: list[str], spaces: list[str]) -> None:
    text = "".join(spaces) + "".join(chars)
    assert writing.invisible_character(text) is not None, [f"U+{ord(c):04X}" for c in text]


@given(base=st.characters(categories=["Lo", "Lu", "Ll", "So"]), selector=SELECTORS)
def test_a_selector_after_a_character_belongs_to_it(base: str, selector: str) -> None:
    """漢 + U+E0100 (a kanji variant) is a visible text; only a selector on its own is invisible."""
    assume(writing.invisible_character(base) is None and not base.isspace())
    assert writing.invisible_character(base + selector) is None


NAME_CHARS = st.characters(blacklist_characters="/\x00", blacklist_categories=["Cs"])


@settings(deadline=None)
@given(name=st.text(NAME_CHARS, min_size=1, max_size=20).filter(lambda n: n not in (".", "..")))
def test_no_file_name_reaches_the_output_as_it_is(tmp_path_factory, name: str) -> None:
    data = tmp_path_factory.mktemp("data")
    try:
        (data / name).write_bytes(b"x: 1\n")
    except OSError:
        return  # a name the file system refuses (too long in bytes) cannot be in data/ either
    _, problems = validate.read_all(data, ROOT)
    for problem in problems:
        acting = [c for c in str(problem) if unicodedata.category(c) in ("Cc", "Cf", "Zl", "Zp", "Cs", "Co", "Cn")]
        assert not acting, repr(str(problem))
    assert all(isinstance(p, Problem) for p in problems)
