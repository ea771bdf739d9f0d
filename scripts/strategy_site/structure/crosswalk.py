"""The crosswalk between two consecutive editions: which measures of the previous edition each measure
of an edition continues, and how (a pillar file's 'continues' and 'change'). Built from the two
editions' models, once the check (checking/crosswalk.py) found nothing wrong with them; pure, no files.

- added:   a measure that continues nothing;
- same:    it continues one measure, its text unchanged in both languages;
- revised: it continues one measure, its text changed, and no other measure continues that one;
- split:   one measure is continued by two or more, each saying split;
- merged:  it continues two or more measures;
- dropped: a measure of the previous edition that no measure continues (said, not assumed).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

from strategy_site.structure.model import Measure, Strategy, Text

CHANGES = ("same", "revised", "split", "merged")  # what a pillar file's 'change' may say
KINDS = ("added", *CHANGES)  # what a measure of an edition is, against the previous edition
COUNTED = (*KINDS, "dropped")  # the keys of Crosswalk.counts()
COLUMNS = ("edition", "measure_id", "change", "previous_edition", "previous_measure_id")  # Crosswalk.rows()


def same_text(a: Text, b: Text) -> bool:
    """Whether two texts say the same, in Japanese and in English."""
    return a.ja == b.ja and a.en == b.en


def implied_change(continues: tuple[str, ...], text: Text, old_text: Text | None, continued_by: int) -> str:
    """The change a measure's data points to, whatever it says: 'added' where it continues nothing,
    'merged' where it continues several measures, 'split' where the one it continues is continued by
    several (`continued_by`), else 'same' where its text is that measure's (`old_text`, None where
    there is no such measure), else 'revised'."""
    if not continues:
        return "added"
    if len(continues) > 1:
        return "merged"
    if continued_by > 1:
        return "split"
    return "same" if old_text is not None and same_text(old_text, text) else "revised"


def continued_by(current: Strategy) -> dict[str, int]:
    """How many measures of an edition continue each measure of the previous edition, by its id."""
    out: dict[str, int] = {}
    for measure in current.measures:
        for old in measure.continues:
            out[old] = out.get(old, 0) + 1
    return out


@dataclass(frozen=True)
class Link:
    """A measure of the edition, the ids of the previous edition's measures it continues, and its kind
    (KINDS)."""

    measure_id: str
    continues: tuple[str, ...]
    kind: str


def _link(measure: Measure, counted: dict[str, int], old_texts: dict[str, Text]) -> Link:
    """A measure's link: its 'change', or where it continues measures without saying how, what its data
    points to; 'added' where it continues nothing."""
    if not measure.continues:
        return Link(measure.id, (), "added")
    most = max(counted[old] for old in measure.continues)
    implied = implied_change(measure.continues, measure.text, old_texts.get(measure.continues[0]), most)
    return Link(measure.id, measure.continues, measure.change or implied)


@dataclass(frozen=True)
class Crosswalk:
    """An edition's measures against the previous edition's."""

    edition: str
    previous_edition: str | None  # None for the first edition: every measure is added
    links: tuple[Link, ...]  # every measure of the edition, in its order
    previous_measures: tuple[str, ...]  # the ids of the previous edition's measures, in its order

    @classmethod
    def build(cls, previous_id: str | None, previous: Strategy | None, edition_id: str, current: Strategy) -> Crosswalk:
        """The crosswalk of `current` (edition `edition_id`) against `previous` (the edition before it,
        `previous_id`; None for the first edition). A measure's kind is its 'change'; where it continues
        measures without saying how, what its data points to (implied_change)."""
        if previous is None:
            return cls(edition_id, None, tuple(Link(m.id, (), "added") for m in current.measures), ())
        counted = continued_by(current)
        old_texts = {m.id: m.text for m in previous.measures}
        links = tuple(_link(m, counted, old_texts) for m in current.measures)
        return cls(edition_id, previous_id, links, tuple(m.id for m in previous.measures))

    @cached_property  # computed once: the crosswalk is frozen
    def _by_id(self) -> dict[str, Link]:
        return {link.measure_id: link for link in self.links}

    @cached_property
    def _successors(self) -> dict[str, tuple[str, ...]]:
        out: dict[str, list[str]] = {}
        for link in self.links:
            for old in link.continues:
                out.setdefault(old, []).append(link.measure_id)
        return {old: tuple(new) for old, new in out.items()}

    def successors(self, old_id: str) -> tuple[str, ...]:
        """The measures of the edition that continue a measure of the previous edition, in their order
        (none for a dropped measure)."""
        return self._successors.get(old_id, ())

    def predecessors(self, new_id: str) -> tuple[str, ...]:
        """The measures of the previous edition that a measure of the edition continues (none for an
        added one). A missing id raises KeyError."""
        return self._by_id[new_id].continues

    def kind(self, new_id: str) -> str:
        """What a measure of the edition is against the previous edition: one of KINDS. A missing id
        raises KeyError."""
        return self._by_id[new_id].kind

    @property
    def added(self) -> tuple[str, ...]:
        """The measures of the edition that continue nothing, in their order."""
        return tuple(link.measure_id for link in self.links if link.kind == "added")

    @property
    def dropped(self) -> tuple[str, ...]:
        """The measures of the previous edition that no measure continues, in their order."""
        return tuple(old for old in self.previous_measures if old not in self._successors)

    def of_kind(self, kind: str) -> tuple[str, ...]:
        """The measures of the edition of one kind (KINDS), in their order."""
        return tuple(link.measure_id for link in self.links if link.kind == kind)

    def counts(self) -> dict[str, int]:
        """How many measures of the edition are of each kind, and how many of the previous edition's
        were dropped: {added, same, revised, split, merged, dropped}."""
        out = {kind: len(self.of_kind(kind)) for kind in KINDS}
        out["dropped"] = len(self.dropped)
        return out

    def rows(self) -> list[dict[str, str]]:
        """The crosswalk as rows of a table (COLUMNS): one row for each measure and each measure it
        continues, one for each added measure (no previous measure), then one for each dropped measure
        (no measure of the edition). Every row names both editions."""
        editions = {"edition": self.edition, "previous_edition": self.previous_edition or ""}
        out = []
        for link in self.links:
            for old in link.continues or ("",):
                out.append({**editions, "measure_id": link.measure_id, "change": link.kind, "previous_measure_id": old})
        for old in self.dropped:
            out.append({**editions, "measure_id": "", "change": "dropped", "previous_measure_id": old})
        return [{column: row[column] for column in COLUMNS} for row in out]
