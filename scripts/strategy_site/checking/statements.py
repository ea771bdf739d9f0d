"""Figures and the texts that state them: a budget figure's amount and fiscal years, and the texts
that say the same in words (the figure's own note, the progress item and the measure it names), in
Japanese and in English. When a keeper changes one and not the other, the site would contradict
itself on one page; the check names both places."""

from __future__ import annotations

import re
from fractions import Fraction

from strategy_site.checking import entities
from strategy_site.reading import shape
from strategy_site.reading.load import Files, LoadedFile, problem_at
from strategy_site.reading.problems import Problem

# An amount as the texts write it, in 億円 (hundreds of millions of yen) for comparing.
_AMOUNT = {
    "ja": re.compile(r"([0-9０-９][0-9０-９,，.．]*)\s*(億円|兆円)"),
    "en": re.compile(r"¥\s?([0-9][0-9,.]*)\s*(million|billion|trillion)"),
}
_IN_OKU = {"億円": Fraction(1), "兆円": Fraction(10_000), "million": Fraction(1, 100), "billion": Fraction(10)}
_IN_OKU["trillion"] = Fraction(10_000)
# A span of fiscal years as the texts write it: 2023～2025年度, 2021・2022年度, 2018年度補正～2024年度補正,
# FY2023 to FY2025, FY2021 and FY2022, the FY2018 ... budget through the FY2024 ...; or one year.
_SPAN = {
    "ja": re.compile(r"([0-9]{4})(?:年度[^～〜・、。（）()]{0,6})?[～〜・~\-]([0-9]{4})年度"),
    "en": re.compile(r"FY([0-9]{4})\b[^,;()]{0,60}?\b(?:to|and|through)\s+(?:the\s+)?FY([0-9]{4})"),
}
_YEAR = {"ja": re.compile(r"([0-9]{4})年度"), "en": re.compile(r"FY([0-9]{4})")}
_LANGUAGES = {"ja": "Japanese", "en": "English"}


def _number(digits: str) -> Fraction | None:
    plain = digits.translate(str.maketrans("０１２３４５６７８９，．", "0123456789,.")).replace(",", "").rstrip(".")
    try:
        return Fraction(plain)
    except ValueError:
        return None


def stated_amounts(text: str, language: str) -> list[tuple[Fraction, str]]:
    """The amounts a text states, each in 億円 and as written ('計840億円' -> (840, '840億円'))."""
    found = []
    for match in _AMOUNT[language].finditer(text):
        value = _number(match.group(1))
        if value is not None:
            found.append((value * _IN_OKU[match.group(2)], match.group(0)))
    return found


def stated_spans(text: str, language: str) -> list[tuple[tuple[int, int], str]]:
    """The spans of fiscal years a text states, as (start, end) and as written; one year is (y, y)."""
    found, rest = [], text
    for match in _SPAN[language].finditer(text):
        found.append(((int(match.group(1)), int(match.group(2))), match.group(0)))
        rest = rest.replace(match.group(0), " ")
    found += [((int(m.group(1)), int(m.group(1))), m.group(0)) for m in _YEAR[language].finditer(rest)]
    return found


def _figure_amount(figure: dict) -> tuple[Fraction, str] | None:
    amount, unit = shape.number(figure, "amount"), shape.text(figure, "unit")
    if amount is None or unit not in _IN_OKU:
        return None
    value = Fraction(str(amount))
    return value * _IN_OKU[unit], f"{amount:g}{unit}"


def _figure_span(figure: dict) -> tuple[tuple[int, int], str] | None:
    span = shape.fields(figure, "fiscal_years")
    start, end = shape.number(span, "start"), shape.number(span, "end")
    if start is None or end is None or end < start:  # a reversed span is said by dates.check_fiscal_spans
        return None
    return (int(start), int(end)), f"FY{start:g}" if start == end else f"FY{start:g} to FY{end:g}"


class _Text:
    """A {ja, en} text that states figures, where it stands, and the figures it is about."""

    def __init__(self, loaded: LoadedFile, where: tuple, what: str, pair: dict):
        self.loaded, self.where, self.what, self.pair = loaded, where, what, pair
        self.figures: list[tuple[LoadedFile, tuple, dict]] = []

    def place(self) -> str:
        line = self.loaded.mark(self.where)[0]
        return f"{self.what} ({self.loaded.path}, line {line})"


def _texts(files: Files) -> list[_Text]:
    """Every text that states figures, with the figures it is about: each figure's note, and the text
    of the progress item and of the measure each figure names."""
    items = {shape.text(item, "id"): (loaded, where, item) for loaded, where, item in entities.progress_items(files)}
    measures = {
        shape.text(measure, "id"): (loaded, ("groups", g, "measures", m), measure)
        for loaded in files.get("pillar", [])
        for g, group in shape.entries(loaded.data, "groups")
        for m, measure in shape.entries(group, "measures")
    }
    texts: dict[tuple, _Text] = {}
    for loaded, where, figure in entities.figures(files):
        note = shape.fields(figure, "note")
        places = [(loaded, where + ("note",), "its own note", note)]
        for field, known, kind in (("progress_item", items, "the progress item"), ("measure", measures, "the measure")):
            ident = shape.text(figure, field)
            if ident in known:
                owner, at, entity = known[ident]
                places.append((owner, at + ("text",), f"{kind} '{ident}'", shape.fields(entity, "text")))
        for owner, at, what, pair in places:
            if pair is None:
                continue
            key = (str(owner.path), at)
            texts.setdefault(key, _Text(owner, at, what, pair)).figures.append((loaded, where, figure))
    return list(texts.values())


def _disagreements(text: _Text, read, stated) -> list[tuple[tuple[LoadedFile, tuple, dict], str, dict[str, list]]]:
    """The text's figures whose value (read(figure)) the text does not state while it states another
    value that none of its figures has: (figure, the figure's value in words, {language: as written})."""
    values = [(figure, read(figure[2])) for figure in text.figures]
    known = {value[0] for _, value in values if value is not None}
    strays: dict[str, list] = {}
    said: dict[str, set] = {}
    for language in _LANGUAGES:
        words = text.pair.get(language)
        found = stated(words, language) if isinstance(words, str) else []
        said[language] = {value for value, _ in found}
        strays[language] = [written for value, written in found if value not in known]
    found_problems = []
    for figure, value in values:
        if value is None:
            continue
        wrong = {lang: strays[lang] for lang in _LANGUAGES if strays[lang] and value[0] not in said[lang]}
        if wrong:
            found_problems.append((figure, value[1], wrong))
    return found_problems


def _message(what: str, value: str, text: _Text, wrong: dict[str, list]) -> str:
    stated = " and ".join(
        f"its {_LANGUAGES[lang]} text says {', '.join(repr(w) for w in dict.fromkeys(written))}"
        for lang, written in wrong.items()
    )
    return (
        f"the {what} is {value}, but {text.place()} states it otherwise: {stated}. The site shows both on one "
        f"page: correct the {what} or the text, so that they agree (in Japanese and in English)."
    )


def check_figures_stated(files: Files) -> list[Problem]:
    """Where a text states a budget figure's amount or fiscal years (the figure's note, its progress
    item's text, its measure's text, in Japanese and English), it states the figure's own values: a
    text that gives another amount or span, and not the figure's, is named with the figure."""
    problems = []
    for text in _texts(files):
        for (loaded, where, _), value, wrong in _disagreements(text, _figure_amount, stated_amounts):
            problems.append(problem_at(loaded, where + ("amount",), _message("amount", value, text, wrong)))
        for (loaded, where, _), value, wrong in _disagreements(text, _figure_span, stated_spans):
            problems.append(problem_at(loaded, where + ("fiscal_years",), _message("span", value, text, wrong)))
    return problems
