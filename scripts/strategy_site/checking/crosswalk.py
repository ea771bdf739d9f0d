"""The crosswalk between editions (structure/crosswalk.py): a measure of an edition after the first may
say, in its pillar file, which measures of the previous edition it continues ('continues') and how
('change': same, revised, split or merged). These rules check what it says against the previous
edition's model, once both editions' data passed every other rule; each names the pillar file, line
and field. The measures of the previous edition that nothing continues are dropped: not a problem,
but said (dropped_note).
"""

from __future__ import annotations

import difflib
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import cached_property
from typing import NamedTuple

from strategy_site.reading import shape
from strategy_site.reading.load import Files, LoadedFile, problem_at
from strategy_site.reading.problems import Problem
from strategy_site.rendering.ui import ui
from strategy_site.structure.crosswalk import Crosswalk, continued_by, implied_change, same_text
from strategy_site.structure.model import Measure, Strategy, Text

EDITION_PILLARS = "data/{edition}/pillars/"  # where an edition's pillar files stand (the editions' layout)


@dataclass(frozen=True)
class Editions:
    """An edition (its id, model and files, as validate.read_all gives them) and the edition before it
    (None for the first)."""

    previous_id: str | None
    previous: Strategy | None
    edition_id: str
    current: Strategy
    files: Files

    @cached_property  # computed once: the editions are frozen
    def old_texts(self) -> dict[str, Text]:
        """The texts of the previous edition's measures, by id (none for the first edition)."""
        return {m.id: m.text for m in self.previous.measures} if self.previous else {}

    @cached_property
    def continued_by(self) -> dict[str, int]:
        """How many measures of the edition continue each measure of the previous edition."""
        return continued_by(self.current)


class Entry(NamedTuple):
    """A measure of the edition and where its pillar file has it: ('groups', g, 'measures', m)."""

    loaded: LoadedFile
    where: tuple
    measure: Measure

    def at(self, field: str, message: str, k: int | None = None) -> Problem:
        """A problem at one of the measure's fields (at its k-th entry, for a list)."""
        return problem_at(self.loaded, self.where + ((field,) if k is None else (field, k)), message)


def entries(editions: Editions) -> Iterator[Entry]:
    """Every measure of the edition with its place in its pillar file, in the files' order."""
    measures = {m.id: m for m in editions.current.measures}
    for loaded in editions.files.get("pillar", []):
        for g, group in shape.entries(loaded.data, "groups"):
            for m, raw in shape.entries(group, "measures"):
                measure = measures.get(shape.text(raw, "id") or "")
                if measure is not None:
                    yield Entry(loaded, ("groups", g, "measures", m), measure)


def _quoted(ids: tuple[str, ...] | list[str]) -> str:
    return ", ".join(f"'{i}'" for i in ids)


def _known(editions: Editions, entry: Entry) -> bool:
    """Whether the measure continues only measures the previous edition has (check_continued_measures_exist
    names the others)."""
    return editions.previous is not None and all(old in editions.old_texts for old in entry.measure.continues)


def _implied(editions: Editions, measure: Measure) -> str:
    """The change the measure's data points to (structure/crosswalk.implied_change)."""
    most = max((editions.continued_by.get(old, 0) for old in measure.continues), default=0)
    old_text = editions.old_texts.get(measure.continues[0]) if measure.continues else None
    return implied_change(measure.continues, measure.text, old_text, most)


def check_first_edition_continues_nothing(editions: Editions) -> list[Problem]:
    """The measures of the first edition continue nothing: there is no edition before it."""
    if editions.previous is not None:
        return []
    return [
        entry.at(
            "continues" if entry.measure.continues else "change",
            f"the {editions.edition_id} edition is the first, so its measures continue no measure of an edition "
            "before it. Remove 'continues' and 'change' from this measure.",
        )
        for entry in entries(editions)
        if entry.measure.continues or entry.measure.change
    ]


def check_continued_measures_exist(editions: Editions) -> list[Problem]:
    """Every id in a measure's 'continues' is a measure of the previous edition."""
    if editions.previous is None:
        return []
    previous = editions.previous_id
    problems = []
    for entry in entries(editions):
        for k, old in enumerate(entry.measure.continues):
            if old in editions.old_texts:
                continue
            near = difflib.get_close_matches(old, list(editions.old_texts), n=1)
            problems.append(
                entry.at(
                    "continues",
                    f"'{old}' is not a measure of the {previous} edition ({EDITION_PILLARS.format(edition=previous)})."
                    f" Write the id of the {previous} measure this one continues, as it stands there."
                    + (f" Did you mean '{near[0]}'?" if near else ""),
                    k,
                )
            )
    return problems


def check_change_comes_with_continues(editions: Editions) -> list[Problem]:
    """A measure that says 'change' names in 'continues' the measures it continues, and one that names
    them says how it continues them."""
    if editions.previous is None:
        return []
    previous = editions.previous_id
    problems = []
    for entry in entries(editions):
        measure = entry.measure
        if measure.change and not measure.continues:
            problems.append(
                entry.at(
                    "change",
                    f"says how this measure continues one of the {previous} edition, but names none in "
                    f"'continues'. Add 'continues: [<id>]' with the id of the {previous} measure it continues; "
                    "or, if the measure is new, remove 'change'.",
                )
            )
        elif measure.continues and not measure.change:
            problems.append(
                entry.at(
                    "continues",
                    f"names the measures of the {previous} edition that this one continues, but not how. Add "
                    "'change:' with same (the text unchanged), revised (the text changed), split (one measure "
                    "became several) or merged (several became this one): by the data, "
                    f"'{_implied(editions, measure)}'.",
                )
            )
    return problems


def _differs(a: Text, b: Text) -> str:
    """In which languages two texts differ: 'Japanese', 'English' or 'Japanese and English'."""
    return " and ".join(name for name, lang in (("Japanese", "ja"), ("English", "en")) if a[lang] != b[lang])


def check_same_means_unchanged(editions: Editions) -> list[Problem]:
    """A measure that says 'same' has the text of the one measure it continues, in Japanese and in
    English; one that says 'revised' has another text."""
    problems = []
    for entry in entries(editions):
        measure = entry.measure
        if measure.change not in ("same", "revised") or len(measure.continues) != 1 or not _known(editions, entry):
            continue
        old = measure.continues[0]
        if editions.continued_by[old] > 1:
            continue  # a split (check_split_parts)
        unchanged = same_text(editions.old_texts[old], measure.text)
        if measure.change == "same" and not unchanged:
            problems.append(
                entry.at(
                    "change",
                    f"says 'same', but its {_differs(editions.old_texts[old], measure.text)} text differs from that "
                    f"of '{old}' in the {editions.previous_id} edition. Write 'change: revised'; or, if the text "
                    "did not change, copy it exactly as it stands there.",
                )
            )
        elif measure.change == "revised" and unchanged:
            problems.append(
                entry.at(
                    "change",
                    f"says 'revised', but its text is that of '{old}' in the {editions.previous_id} edition, in "
                    "Japanese and in English. Write 'change: same', or correct the text.",
                )
            )
    return problems


def check_same_or_revised_continues_one(editions: Editions) -> list[Problem]:
    """A measure that says 'same' or 'revised' continues exactly one measure of the previous edition."""
    return [
        entry.at(
            "change",
            f"says '{entry.measure.change}', but continues {len(entry.measure.continues)} measures of the "
            f"{editions.previous_id} edition ({_quoted(entry.measure.continues)}). A measure that continues several "
            "was merged: write 'change: merged', or keep only the one it continues in 'continues'.",
        )
        for entry in entries(editions)
        if editions.previous is not None
        and entry.measure.change in ("same", "revised")
        and len(entry.measure.continues) > 1
    ]


def check_merged_continues_several(editions: Editions) -> list[Problem]:
    """A measure that says 'merged' continues two or more measures of the previous edition."""
    return [
        entry.at(
            "change",
            f"says 'merged', but continues one measure of the {editions.previous_id} edition, "
            f"'{entry.measure.continues[0]}'. A merged measure continues two or more: add the others to "
            f"'continues', or write 'change: {_implied(editions, entry.measure)}'.",
        )
        for entry in entries(editions)
        if entry.measure.change == "merged" and len(entry.measure.continues) == 1 and _known(editions, entry)
    ]


def check_split_parts(editions: Editions) -> list[Problem]:
    """A measure of the previous edition that two or more measures continue was split: each of them says
    'split' and continues that one alone; and a measure that says 'split' shares the one it continues
    with the other parts."""
    if editions.previous is None:
        return []
    previous = editions.previous_id
    parts = {
        old: tuple(m.id for m in editions.current.measures if old in m.continues)
        for old, count in editions.continued_by.items()
        if count > 1
    }
    problems = []
    for entry in entries(editions):
        measure = entry.measure
        shared = [old for old in measure.continues if old in parts and old in editions.old_texts]
        if measure.change not in (None, "split") and shared:
            old = shared[0]
            problems.append(
                entry.at(
                    "change",
                    f"'{old}' of the {previous} edition is continued by {len(parts[old])} measures of this edition "
                    f"({_quoted(parts[old])}): it was split. Write 'change: split' here and keep only '{old}' in "
                    f"'continues'; or, if this measure does not carry '{old}' on, remove it from 'continues'.",
                )
            )
        elif measure.change == "split" and len(measure.continues) > 1:
            problems.append(
                entry.at(
                    "change",
                    f"says 'split', but continues {len(measure.continues)} measures of the {previous} edition "
                    f"({_quoted(measure.continues)}). Each part of a split measure continues that one measure "
                    "alone: keep only it in 'continues', or write 'change: merged'.",
                )
            )
        elif measure.change == "split" and measure.continues and not shared and _known(editions, entry):
            old = measure.continues[0]
            problems.append(
                entry.at(
                    "change",
                    f"says 'split', but it is the only measure of this edition that continues '{old}'. Each part "
                    f"of a split measure continues it: add 'continues: [{old}]' and 'change: split' to the other "
                    f"parts, or write 'change: {_implied(editions, measure)}'.",
                )
            )
    return problems


# Every crosswalk rule, in the order they run.
def check_kept_ids_continue_their_measure(editions: Editions) -> list[Problem]:
    """A measure that has the id of a measure of the previous edition continues that measure: an id names
    one measure through the editions (the edition switch and the reader take it so)."""
    return [
        entry.at(
            "id",
            f"'{entry.measure.id}' is the id of a measure of the {editions.previous_id} edition, which this "
            f"measure does not continue. Keep the id only for the measure that continues it (add "
            f"'{entry.measure.id}' to 'continues'), or give this measure an id of its own.",
        )
        for entry in entries(editions)
        if editions.previous is not None
        and entry.measure.id in editions.old_texts
        and entry.measure.id not in entry.measure.continues
    ]


RULES: tuple[Callable[[Editions], list[Problem]], ...] = (
    check_first_edition_continues_nothing,
    check_continued_measures_exist,
    check_change_comes_with_continues,
    check_same_means_unchanged,
    check_same_or_revised_continues_one,
    check_merged_continues_several,
    check_split_parts,
    check_kept_ids_continue_their_measure,
)


def crosswalk_problems(
    previous_id: str | None, previous: Strategy | None, edition_id: str, current: Strategy, files: Files
) -> list[Problem]:
    """Every problem in what an edition's measures say they continue. `previous`: the model of the
    edition before (None for the first edition); `current`: the edition's model, built from `files`
    (its view, as validate.read_all gives it: files['pillar'] are its pillar files)."""
    editions = Editions(previous_id, previous, edition_id, current, files)
    return [problem for rule in RULES for problem in rule(editions)]


def dropped_note(cw: Crosswalk, lang: str = "en") -> str:
    """A line for the check's output: the measures of the previous edition that no measure of the edition
    continues (dropped: not a problem, but said)."""
    if cw.previous_edition is None:
        return ""
    values = {"edition": cw.edition, "previous": cw.previous_edition}
    if not cw.dropped:
        return ui("crosswalk_none_dropped", lang, **values)
    listed = ui("crosswalk_list_sep", lang).join(cw.dropped)
    return ui("crosswalk_dropped", lang, ids=listed, n=len(cw.dropped), **values)
