"""Items and what they refer to: a box holds items or groups, a progress item names a pillar and the
measures it advances, a figure names measures and progress items that exist."""

from __future__ import annotations

import re

from strategy_site.checking import entities
from strategy_site.reading import shape
from strategy_site.reading.load import Files, problem_at
from strategy_site.reading.problems import Problem
from strategy_site.rendering.ui import PROSE, UI


def check_box_shape(files: Files) -> list[Problem]:
    """A slide-1 box lists its items either directly ('items') or in groups ('groups'), not both."""
    return [
        problem_at(loaded, ("boxes", i), "has both 'items' and 'groups'. Keep one.")
        for loaded in files.get("strategy", [])
        for i, box in shape.entries(loaded.data, "boxes")
        if "items" in box and "groups" in box
    ]


def check_progress_pillars(files: Files) -> list[Problem]:
    """Each progress section names, in 'pillar', a pillar that exists."""
    pillar_ids = entities.pillar_ids(files)
    return [
        problem
        for loaded in files.get("progress", [])
        for s, section in shape.entries(loaded.data, "sections")
        for problem in entities.missing(
            loaded, ("sections", s, "pillar"), shape.text(section, "pillar"), pillar_ids, "pillar"
        )
    ]


def check_progress_advances(files: Files) -> list[Problem]:
    """What a progress item 'advances' is a measure or a slide-1 box item that exists."""
    known = entities.measure_ids(files) | entities.box_item_ids(files)
    return [
        problem
        for loaded, where, item in entities.progress_items(files)
        for a, ident in shape.texts(item, "advances")
        for problem in entities.missing(loaded, where + ("advances", a), ident, known, "measure or slide-1 box item")
    ]


def check_figure_measures(files: Files) -> list[Problem]:
    """A budget figure's 'measure' is a measure that exists."""
    known = entities.measure_ids(files)
    return [
        problem
        for loaded, where, figure in entities.figures(files)
        for problem in entities.missing(loaded, where + ("measure",), shape.text(figure, "measure"), known, "measure")
    ]


def check_figure_progress_items(files: Files) -> list[Problem]:
    """A budget figure's 'progress_item' is a progress item that exists."""
    known = {ident for _, _, item in entities.progress_items(files) if (ident := shape.text(item, "id")) is not None}
    return [
        problem
        for loaded, where, figure in entities.figures(files)
        for problem in entities.missing(
            loaded, where + ("progress_item",), shape.text(figure, "progress_item"), known, "progress item"
        )
    ]


def check_abbreviations(files: Files) -> list[Problem]:
    """A glossary abbreviation is an acronym as the texts write it (SIP, K program, G-QuAT): it has a
    capital letter standing alone or next to another capital, or a digit, or is not in Latin letters.
    An ordinary word ('the', 'Program') would mark that word everywhere on the site as the term."""
    problems = []
    for loaded in files.get("glossary", []):
        for t, term in shape.entries(loaded.data, "terms"):
            for a, abbr in shape.texts(term, "abbr"):
                if not abbr.strip() or _acronym(abbr):
                    continue
                problems.append(
                    problem_at(
                        loaded,
                        ("terms", t, "abbr", a),
                        f"'{abbr}' is an ordinary word, not an acronym: the site would mark every '{abbr}' in "
                        "its texts as this term. Write the acronym as the texts write it, for example 'SIP'.",
                    )
                )
    return problems


def _acronym(text: str) -> bool:
    return bool(re.search(r"[0-9]|[A-Z](?![a-z])|[^\x00-\x7f]", text))


def _japanese_texts(files: Files, leave_out: tuple[str, ...]) -> str:
    """Every Japanese text of the data files (a 'ja' of a text), but those of the kinds left out."""
    found: list[str] = []

    def walk(node: object) -> None:
        if isinstance(node, dict):
            if isinstance(node.get("ja"), str):
                found.append(node["ja"])
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    for kind, loaded_files in files.items():
        if kind not in leave_out:
            for loaded in loaded_files:
                walk(loaded.data)
    return "\n".join(found)


def _site_words_ja() -> str:
    return "\n".join(words["ja"] for table in (UI, PROSE) for words in table.values())


def check_glossary_used(files: Files) -> list[Problem]:
    """A glossary term is used: its name, an abbreviation or a 'match' stands in a Japanese text of the
    data or of the site's own words (a term no page uses would lead nowhere)."""
    texts = _japanese_texts(files, ("glossary", "names")) + "\n" + _site_words_ja()
    problems = []
    for loaded in files.get("glossary", []):
        for t, term in shape.entries(loaded.data, "terms"):
            name = term.get("name")
            finds = [m for _, m in shape.texts(term, "match")] or [
                *([name["ja"]] if isinstance(name, dict) and isinstance(name.get("ja"), str) else []),
                *(a for _, a in shape.texts(term, "abbr")),
            ]
            if not finds or any(f and f in texts for f in finds):
                continue
            if any(not _acronym(a) for _, a in shape.texts(term, "abbr")):
                continue  # check_abbreviations has its problem: the abbreviation is a word
            problems.append(
                problem_at(
                    loaded,
                    ("terms", t, "name"),
                    "no text uses this term: neither its Japanese name nor its abbreviations nor its 'match' "
                    "stand in any Japanese text. Remove the term, or add 'match' with the words the texts use.",
                )
            )
    return problems


def check_typos_quoted(files: Files) -> list[Problem]:
    """Each of the original's typos (strategy.yaml, typos) stands in a Japanese text of the data, where
    the pages mark it."""
    texts = _japanese_texts(files, ())
    problems = []
    for loaded in files.get("strategy", []):
        for i, typo in shape.texts(loaded.data, "typos"):
            if typo and typo not in texts:
                problems.append(
                    problem_at(
                        loaded,
                        ("typos", i),
                        f"'{typo}' stands in no Japanese text: list only the typos the texts quote, exactly as "
                        "they are written.",
                    )
                )
    return problems
