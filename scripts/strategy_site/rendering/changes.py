"""What changed: the values of the page that compares an edition with the one before it
(templates/changes.md.j2), read from the crosswalk between the two.

The crosswalk (structure/crosswalk.py) says of each measure of the new edition what it is ('added',
'same', 'revised', 'split', 'merged') and which measures of the previous edition it continues, and
lists the previous edition's measures that nothing continues ('dropped'). This module turns it into
the page's sections, one per kind, each a list of entries: the old measure(s) and the new one(s), each a
line with its text and links to its permalink in its edition; a revised measure's texts with the
changes marked (diff.py), by character on the Japanese page and by word on the English one.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Protocol

from markupsafe import Markup

from strategy_site.rendering import diff, escape
from strategy_site.rendering.ui import ui
from strategy_site.structure import pages
from strategy_site.structure.model import Measure, Strategy

# The kinds, in the page's order (its counts table and its sections; each section's anchor is its kind).
KINDS = ("added", "revised", "split", "merged", "same", "dropped")


class Crosswalk(Protocol):
    """What this page reads of the crosswalk between two consecutive editions (structure/crosswalk.py)."""

    @property
    def edition(self) -> str: ...  # this edition's id ('2026')
    @property
    def previous_edition(self) -> str | None: ...  # the previous edition's id ('2025'): this page's has one

    @property
    def added(self) -> tuple[str, ...]: ...  # the ids of this edition's measures that continue none
    @property
    def dropped(self) -> tuple[str, ...]: ...  # the ids of the previous edition's measures that none continues

    def kind(self, new_id: str) -> str: ...
    def predecessors(self, new_id: str) -> tuple[str, ...]: ...
    def successors(self, old_id: str) -> tuple[str, ...]: ...
    def counts(self) -> dict[str, int]: ...


@dataclass(frozen=True)
class Link:
    """A link to a measure's permalink in one edition: the edition's name (its visible words), the
    address, and the words that name the measure for screen readers."""

    edition: str
    href: str
    named: str


@dataclass(frozen=True)
class Line:
    """One measure on the page: its links (two for an unchanged measure: the same text in both
    editions), its text as HTML (with the changes marked for a revised measure), and the element id it
    carries (a measure of the new edition: its id; one of the previous edition: none, as its id may be a
    new measure's too)."""

    links: tuple[Link, ...]
    text: Markup
    anchor: str | None


@dataclass(frozen=True)
class Entry:
    """What one change is: the previous edition's measure(s), then this edition's."""

    old: tuple[Line, ...]
    new: tuple[Line, ...]


def changes_values(
    cw: Crosswalk,
    previous: Strategy,
    current: Strategy,
    lang: str,
    link_old: Callable[[str], str],
    link_new: Callable[[str], str],
) -> dict:
    """The values of the what-changed page of `current` in `lang`: its title, the counts by kind (the
    crosswalk's own counts, in the page's order, KINDS) and each kind's entries (sections)."""

    if cw.previous_edition is None:
        raise ValueError(f"the {cw.edition} edition has no previous edition to compare with")
    before = cw.previous_edition

    def link(edition: str, href: str, ident: str) -> Link:
        return Link(ui("changes_edition", lang, year=edition), href, ui("changes_link_named", lang, ident=ident))

    def old_link(ident: str) -> Link:
        return link(before, link_old(ident), ident)

    def new_link(ident: str) -> Link:
        return link(cw.edition, link_new(ident), ident)

    def old_line(ms: Measure, text: Markup | None = None) -> Line:
        return Line((old_link(ms.id),), diff.text_html(ms.text[lang], lang) if text is None else text, None)

    def new_line(ms: Measure, text: Markup | None = None) -> Line:
        return Line((new_link(ms.id),), diff.text_html(ms.text[lang], lang) if text is None else text, ms.id)

    def of_kind(kind: str) -> list[Measure]:
        return [ms for ms in current.measures if cw.kind(ms.id) == kind]

    def revised(ms: Measure) -> Entry:
        (old_id,) = cw.predecessors(ms.id)
        old = previous.measure(old_id)
        before, after = diff.marked(old.text[lang], ms.text[lang], lang)
        return Entry((old_line(old, before),), (new_line(ms, after),))

    unchanged = of_kind("same")
    # Beyond LISTED_IN_FULL, the unchanged measures are listed by id: their texts stand on both editions' pages
    # (at x100 the data, 1,900 of them would take the page past a first visit's 150 KB).
    by_id = not pages.listed_in_full(tuple(unchanged))

    def same(ms: Measure) -> Entry:
        (old_id,) = cw.predecessors(ms.id)
        text = Markup(escape.html_text(ms.id)) if by_id else diff.text_html(ms.text[lang], lang)
        return Entry((), (Line((old_link(old_id), new_link(ms.id)), text, ms.id),))

    splits: dict[str, list[Measure]] = {}  # the old measure's id: the new measures that share it, in order
    for ms in of_kind("split"):
        (old_id,) = cw.predecessors(ms.id)
        splits.setdefault(old_id, []).append(ms)

    sections = {
        "added": [Entry((), (new_line(current.measure(i)),)) for i in cw.added],
        "revised": [revised(ms) for ms in of_kind("revised")],
        "split": [
            Entry((old_line(previous.measure(old_id)),), tuple(new_line(ms) for ms in parts))
            for old_id, parts in splits.items()
        ],
        "merged": [
            Entry(tuple(old_line(previous.measure(i)) for i in cw.predecessors(ms.id)), (new_line(ms),))
            for ms in of_kind("merged")
        ],
        "same": [same(ms) for ms in unchanged],
        "dropped": [Entry((old_line(previous.measure(i)),), ()) for i in cw.dropped],
    }
    counts = cw.counts()
    return {
        "title": ui("changes_title", lang, year=before),
        "previous_year": before,
        "current_year": cw.edition,
        "counts": [(kind, counts[kind]) for kind in KINDS],
        "sections": sections,
        "same_by_id": by_id,
    }
