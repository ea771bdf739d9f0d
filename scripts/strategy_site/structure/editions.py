"""Editions: the strategy is annual, and the site holds every edition, each at addresses of its own.

Each edition's data is a folder data/<year>/ (checking/validate.py reads it with the shared files as one
strategy); data/editions.yaml names the current edition. Addresses (a contract, like urls.py's):

- With one edition, its pages are at the site's root: /pillars/x/, /m/<id>/, /en/... (as before editions).
- With two or more, every edition is under its year: /2025/pillars/x/, /2026/m/<id>/, /en/2026/... The
  addresses published while the first edition was alone (the root's) stay, as redirects to that edition's
  own, keeping their #anchor; its exports stay there as copies. The front door (/ and /en/) leads to the
  current edition's home.

Which page of another edition is "the same" (the edition switch, an old edition's banner) comes from the
crosswalk (structure/crosswalk.py): a measure's successors and predecessors, else the same page type.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from strategy_site.structure import crosswalk, pages
from strategy_site.structure.crosswalk import Crosswalk

if TYPE_CHECKING:
    from strategy_site.reading.load import Files
    from strategy_site.structure.model import Strategy


@dataclass(frozen=True)
class Edition:
    """One edition: its year (its folder's name), its strategy and files, and where its pages are."""

    id: str
    strategy: Strategy
    files: Files = field(compare=False, hash=False, repr=False)
    prefix: str = ""  # its pages' folder, relative to a language's root: "" (the only edition) or "2026/"

    def url(self, url: str) -> str:
        """An address of this edition, from its address within the edition ('pillars/x/' -> '2026/pillars/x/')."""
        return self.prefix + url


@dataclass(frozen=True)
class Editions:
    """Every edition, oldest first, and the current one's year."""

    all: tuple[Edition, ...]
    current_id: str
    _crosswalks: dict = field(default_factory=dict, compare=False, hash=False, repr=False)

    @property
    def several(self) -> bool:
        return len(self.all) > 1

    @property
    def current(self) -> Edition:
        return self.by_id(self.current_id)

    @property
    def first(self) -> Edition:
        """The founding edition: the addresses published while it was alone lead to it."""
        return self.all[0]

    def by_id(self, ident: str) -> Edition:
        return next(e for e in self.all if e.id == ident)

    def previous(self, edition: Edition) -> Edition | None:
        at = self.all.index(edition)
        return self.all[at - 1] if at else None

    def crosswalk(self, edition: Edition) -> Crosswalk:
        """What `edition`'s measures continue of the edition before it (structure/crosswalk.py), built once."""
        known = self._crosswalks.get(edition.id)
        if known is None:
            before = self.previous(edition)
            known = crosswalk.Crosswalk.build(
                before.id if before else None, before.strategy if before else None, edition.id, edition.strategy
            )
            self._crosswalks[edition.id] = known
        return known

    def next(self, edition: Edition) -> Edition | None:
        at = self.all.index(edition)
        return self.all[at + 1] if at + 1 < len(self.all) else None


def arrange(strategies: Iterable[tuple[str, Strategy, Files]], current: str) -> Editions:
    """The editions from each one's (year, strategy, files), oldest first, with their addresses."""
    found = sorted(strategies, key=lambda e: e[0])
    several = len(found) > 1

    def prefix(year: str) -> str:
        return f"{year}/" if several else ""

    return Editions(
        tuple(
            Edition(year, dataclasses.replace(s, address_prefix=prefix(year)), files, prefix(year))
            for year, s, files in found
        ),
        current,
    )


def single(strategy: Strategy, files: Files) -> Editions:
    """One edition alone (its pages at the site's root)."""
    year = strategy.edition or "edition"
    return Editions((Edition(year, strategy, files),), year)


# -- The same place in another edition -------------------------------------------------------------


def counterpart(editions: Editions, source: Edition, page: pages.Page, target: Edition) -> str:
    """The address (relative to a language's root) in `target` of the page that is `page` of `source`:
    the same page type; for a pillar's page, the pillar where the crosswalk leads most of its measures
    (else the pillar of the same id); for a topic's, the same topic's if `target` has items of it, else
    the topics' index; else the edition's home. A parallel view leads to a parallel view."""
    base = page.mirrors or page
    counter: pages.Page | None = base
    if base.type.per == "pillar":
        found = _pillar_across(editions, source, base.of or "", target)
        counter = pages.Page(base.type, pages.pillar(found), found) if found else None
    elif base.type.per == "topic":
        if not any(t.id == base.of for t in target.strategy.topics) or not target.strategy.topic_count(base.of or ""):
            counter = pages.Page(pages.PAGE_TYPE["topics"], pages.SOURCE["topics"])
    elif base.type.name not in pages.SOURCE or not pages.exists(base.type, target.strategy):
        counter = None
    if counter is None:
        return target.url("")
    if page.mirrors is not None and counter.type.parallel:
        counter = pages.parallel_page(counter)
    return target.url(counter.url)


def measure_across(editions: Editions, source: Edition, measure_id: str, target: Edition) -> tuple[str, ...]:
    """The measures of `target` that `measure_id` of `source` becomes (or came from), following the crosswalk
    edition by edition: successors forward in time, predecessors back. Empty where it leads nowhere."""
    step = 1 if target.id > source.id else -1
    ids: tuple[str, ...] = (measure_id,)
    at = source
    while at.id != target.id and ids:
        nxt = editions.next(at) if step > 0 else editions.previous(at)
        if nxt is None:
            return ()
        newer, older = (nxt, at) if step > 0 else (at, nxt)
        cw = editions.crosswalk(newer)
        follow = cw.successors if step > 0 else cw.predecessors
        ids = tuple(dict.fromkeys(i for x in ids for i in follow(x)))
        at = nxt
    return ids


def _pillar_across(editions: Editions, source: Edition, pillar_id: str, target: Edition) -> str | None:
    """The pillar of `target` that holds what the crosswalk makes of `pillar_id`'s measures (the most of
    them), else the pillar with the same id, else None."""
    t = target.strategy
    counts: dict[str, int] = {}
    for m in source.strategy.pillar(pillar_id).measures:
        for found in measure_across(editions, source, m.id, target):
            counts[t.measure(found).pillar_id] = counts.get(t.measure(found).pillar_id, 0) + 1
    if counts:
        return max(counts, key=lambda p: (counts[p], -[x.id for x in t.pillars].index(p)))
    return pillar_id if pillar_id in {p.id for p in t.pillars} else None


# -- The navigation and the front door ---------------------------------------------------------------

FRONT_DOOR = "index.md"  # with several editions, the site's home: it leads to the current edition's


def nav(every: Editions) -> list:
    """MkDocs' navigation: with one edition, its pages (pages.nav); with several, the front door, then each
    edition's pages in a section named by its year (the theme shows a page the section of its own edition:
    theme/partials/nav.html)."""
    if not every.several:
        return pages.nav(every.first.strategy)
    return [FRONT_DOOR] + [{e.id: [_prefixed(item, e.prefix) for item in pages.nav(e.strategy)]} for e in every.all]


def _prefixed(item: str | dict, prefix: str) -> str | dict:
    if isinstance(item, dict):
        return {title: [_prefixed(i, prefix) for i in items] for title, items in item.items()}
    return prefix + item


def edition_of_url(url: str) -> str | None:
    """The edition (year) whose folder an address is in ('2026/pillars/x/', 'en/2026/'), else None."""
    for part in url.strip("/").split("/")[:2]:
        if len(part) == 4 and part.isdigit():
            return part
    return None
