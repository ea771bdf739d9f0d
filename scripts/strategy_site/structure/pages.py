"""Pages: the one table of the site's page types and of the kinds of item that have a permalink,
and where each item is shown (its permalink and every redirect lead there).

Adding a page type is one row in PAGE_TYPES plus its template `templates/<name>.md.j2`; the
navigation, the page list, the checks and the benchmark all read this table. URL syntax (how a
page source becomes an address) is in urls.py.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from strategy_site.structure import urls

if TYPE_CHECKING:
    from strategy_site.structure.model import Strategy, Text


# What a page type can have one page per: the ids of those things in the model, in their order.
PER: dict[str, Callable[[Strategy], Iterable[str]]] = {
    "pillar": lambda s: (p.id for p in s.pillars),
    "topic": lambda s: (t.id for t in s.topics),
}


@dataclass(frozen=True)
class PageType:
    """A kind of page, the same in both languages. `source` is its Markdown file under docs/<lang>/;
    a type with `per` (a key of PER: 'pillar', 'topic') has one page per such thing, at `source` with
    its id for {id}. A type with `parallel` carries the strategy's text and has a parallel view (対訳) of
    each of its pages, both languages side by side, under parallel/ (parallel_page)."""

    name: str  # its template is templates/<name>.md.j2
    source: str
    per: str | None = None
    parallel: bool = False
    after_first: bool = False  # only in an edition after the first (what changed since the one before)

    @property
    def template(self) -> str:
        return f"{self.name}.md.j2"

    @property
    def per_pillar(self) -> bool:
        """Whether there is one page of this type per pillar."""
        return self.per == "pillar"

    def source_of(self, ident: str | None = None) -> str:
        return self.source.format(id=ident) if self.per else self.source


# In the navigation's order. The pillar pages stand together under one heading ("Pillars").
PAGE_TYPES = (
    PageType("home", "index.md", parallel=True),
    PageType("pillar", "pillars/{id}.md", per="pillar", parallel=True),
    PageType("measures", "measures.md"),
    PageType("progress", "progress.md", parallel=True),
    PageType("budget", "budget.md", parallel=True),
    PageType("history", "history.md", parallel=True),
    PageType("glossary", "glossary.md"),
    PageType("topics", "topics/index.md"),
    PageType("topic", "topics/{id}.md", per="topic"),
    PageType("summary", "summary.md", parallel=True),
    PageType("changes", "changes.md", after_first=True),
    PageType("about", "about.md"),
    PageType("data", "data.md"),
    PageType("accessibility", "accessibility.md"),
)
PAGE_TYPE = {t.name: t for t in PAGE_TYPES}
SOURCE = {t.name: t.source for t in PAGE_TYPES if not t.per}  # the pages there is one of
NAV_PILLARS = "Pillars"  # the navigation's section of pillar pages (mkdocs.yml translates it)


def pillar(pillar_id: str) -> str:
    """The page source of a pillar: 'pillars/<id>.md'."""
    return PAGE_TYPE["pillar"].source_of(pillar_id)


def topic(topic_id: str) -> str:
    """The page source of a topic: 'topics/<id>.md'."""
    return PAGE_TYPE["topic"].source_of(topic_id)


@dataclass(frozen=True)
class Page:
    """One page of the site (the same in both languages): its type, its source and, for a type with
    one page per pillar or topic, the id of its pillar or topic."""

    type: PageType
    source: str
    of: str | None = None
    mirrors: Page | None = None  # a parallel view: the page it shows in both languages

    @property
    def url(self) -> str:
        return urls.page_url(self.source)

    @property
    def pillar_id(self) -> str | None:
        return self.of if self.type.per == "pillar" else None

    @property
    def topic_id(self) -> str | None:
        return self.of if self.type.per == "topic" else None


PARALLEL_DIR = "parallel"  # the parallel views' folder: /parallel/pillars/<id>/ mirrors /pillars/<id>/


def parallel_page(page: Page) -> Page:
    """The parallel view of a page whose type has one: the same type, at parallel/<its source>."""
    return Page(page.type, f"{PARALLEL_DIR}/{page.source}", page.of, mirrors=page)


def generated_pages(s: Strategy) -> list[Page]:
    """Every Markdown page the site generates: the site's pages (site_pages, in the navigation),
    then the parallel views of those that have one (not in the navigation: each page links to its own)."""
    site = site_pages(s)
    return site + [parallel_page(page) for page in site if page.type.parallel]


def exists(t: PageType, s: Strategy) -> bool:
    """Whether an edition has pages of this type (the page of what changed: only after the first)."""
    return not t.after_first or bool(s.previous_edition)


def site_pages(s: Strategy) -> list[Page]:
    """Every page of one edition, in the navigation's order."""
    out = []
    for t in (t for t in PAGE_TYPES if exists(t, s)):
        out += [Page(t, t.source_of(ident), ident) for ident in PER[t.per](s)] if t.per else [Page(t, t.source)]
    return out


def nav(s: Strategy) -> list:
    """MkDocs' navigation: every page in order, the pillar pages under one heading. Titles come
    from each page's heading, so they are in the page's language. The topic pages are reached from
    the topics' index (a heading of each of them in every page's navigation would weigh on every page)."""
    out: list = []
    for t in (t for t in PAGE_TYPES if exists(t, s)):
        if t.per_pillar:
            out.append({NAV_PILLARS: [pillar(p.id) for p in s.pillars]})
        elif not t.per:
            out.append(t.source)
    return out


def static_urls() -> frozenset[str]:
    """The addresses of the pages there is one of ('', 'measures/', ...), relative to a language's root."""
    return frozenset(urls.page_url(source) for source in SOURCE.values())


@dataclass(frozen=True)
class ItemKind:
    """A kind of item that has a short permalink /m/<id>/, the page type it is shown on (a
    measure: its pillar's page), and how to find its items and their texts in the model."""

    name: str
    shown_on: str
    items: Callable[[Strategy], Iterable]
    text: Callable[[Any], Text] = lambda item: item.text  # a figure's is its programme


# In the order of their permalink pages.
ITEM_KINDS = (
    ItemKind("aim", "home", lambda s: (s.aim,)),
    ItemKind("box_item", "home", lambda s: s.box_items),
    ItemKind("measure", "pillar", lambda s: s.measures),
    ItemKind("progress_statement", "progress", lambda s: s.progress_statements),
    ItemKind("progress_item", "progress", lambda s: s.progress_items),
    ItemKind("figure", "budget", lambda s: s.figures, text=lambda f: f.program),
    ItemKind("about_statement", "history", lambda s: s.about_statements),
)
ITEM_KIND = {k.name: k for k in ITEM_KINDS}


# The pages that list everything (the progress page, the summary) list every item in full up to this
# many; beyond, they become an index that leads to the pillar pages, where each item stands once.
# At x100 the data (./scripts/bench) the progress page's texts alone weigh 93 KB gzip, more than a
# first visit's 150 KB leaves a page beside the theme's 67 KB; at x10 the listing is still in full.
LISTED_IN_FULL = 1000


# A parallel view carries both languages, and lists in full up to this many (its page at most 150 KB
# on a first visit): at x10 the data the progress page's view of 190 items weighs 136 KB gzip; at x100
# the budget page's of 600 figures 193 KB.
PARALLEL_IN_FULL = 200


def listed_in_full(items: tuple, parallel: bool = False) -> bool:
    """Whether a page that lists all of these lists them in full, or as an index (LISTED_IN_FULL;
    in a parallel view, PARALLEL_IN_FULL)."""
    return len(items) <= (PARALLEL_IN_FULL if parallel else LISTED_IN_FULL)


def where_shown(s: Strategy, ident: str) -> tuple[str, str]:
    """The page (source) and anchor where an item is shown; its permalink leads there.
    Raises KeyError for an id no item has."""
    kind = ITEM_KIND[s.kind_of(ident)]
    if PAGE_TYPE[kind.shown_on].per_pillar:
        return pillar(s.measure(ident).pillar_id), ident
    if kind.name == "progress_item" and not listed_in_full(s.progress_items):
        return pillar(s.progress_item(ident).pillar_id), ident  # the progress page is an index
    return SOURCE[kind.shown_on], ident


def permalink_targets(s: Strategy) -> dict[str, tuple[str, str]]:
    """Every item with a short permalink /m/<id>/, and where it is shown."""
    return {item.id: where_shown(s, item.id) for kind in ITEM_KINDS for item in kind.items(s)}


def resolve(s: Strategy, to: str) -> str:
    """A redirect's destination as a directory URL with anchor: an item's id, or a page URL."""
    if to.endswith("/"):
        return to
    source, anchor = where_shown(s, to)
    return urls.page_url(source) + "#" + anchor


# In a page's table of moved anchors: any other anchor that is an item's id leads to the item's
# permalink (/m/<id>/), which leads to where the item is. No id can be '*' (reading/shape.ID).
ANY_ITEM = "*"


def anchor_moves(s: Strategy, page: str) -> dict[str, str]:
    """For a served page: its anchors that moved elsewhere, and where each leads now (relative URLs).
    The progress page as an index (listed_in_full) sends its items' anchors to their permalinks."""
    moves = {
        r.from_anchor: urls.relative_url(page, resolve(s, r.to))
        for r in s.redirects
        if r.from_page == page and r.from_anchor
    }
    if page == urls.page_url(SOURCE["progress"]) and not listed_in_full(s.progress_items):
        moves[ANY_ITEM] = urls.relative_url(page, urls.PERMALINK_DIR + "/")
    return moves


# -- Narrowing the search (issue 26): each page carries, as Pagefind filters, the topics, pillars and
# slides of the items it shows; the search dialog narrows its results by them.
SEARCH_FILTERS = ("topic", "pillar", "slide")


def items_shown(s: Strategy, page: Page) -> tuple:
    """The items (with topics) a page shows: its measures, box items, progress items, figures, the history
    page's statements and years; for a topic's page, the topic's items."""
    name = page.type.name
    if name == "pillar":
        p = s.pillar(page.of or "")
        items = tuple(i for sec in s.progress_of_pillar(p.id) for i in sec.items)
        return (*p.measures, *items, *(f for ms in p.measures for f in s.figures_of_measure(ms.id)))
    if name == "topic":
        return tuple(i for things in s.of_topic(page.of or "").values() for i in things)
    places = {
        "home": "glance",
        "measures": "measures",
        "progress": "progress",
        "budget": "budget",
        "history": "history",
    }
    return s.tagged[places[name]] if name in places else ()


def search_filters(s: Strategy, page: Page) -> dict[str, tuple[str, ...]]:
    """A page's values for each of SEARCH_FILTERS (ids of topics and pillars, slide numbers), in order."""
    items = items_shown(s, page)
    # A topic's page is of its own topic only (its items may have others too).
    topics = {page.of} if page.type.per == "topic" else {t for i in items for t in i.topics}
    pillars = {_pillar_of(s, i) for i in items} | ({page.of} if page.type.per_pillar else set())
    # A page that lists every pillar alike (all measures, progress) is no narrower for any pillar: it carries
    # none, so that narrowing by a pillar finds the pages about it (and the list of 300 pillars at x100
    # weighs nothing on those pages).
    every = len(s.pillars) > 1 and all(p.id in pillars for p in s.pillars)
    return {
        "topic": tuple(t.id for t in s.topics if t.id in topics),
        "pillar": () if every else tuple(p.id for p in s.pillars if p.id in pillars),
        "slide": tuple(str(n) for n in sorted({i.slide for i in items})),
    }


def _pillar_of(s: Strategy, item: Any) -> str | None:
    """The pillar an item stands under: a measure's or progress item's own, a figure's measure's; else None."""
    if hasattr(item, "measure_id"):
        return s.measure(item.measure_id).pillar_id
    return getattr(item, "pillar_id", None)
