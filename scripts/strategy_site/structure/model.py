"""Model: small frozen dataclasses built from validated data. Templates see only these."""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field
from decimal import Decimal
from functools import cached_property

from strategy_site.reading.load import LoadedFile
from strategy_site.structure.pages import ITEM_KINDS

LANGS = ("ja", "en")
# Where an item with topics stands on the site, in the order a topic's page lists them: the strategy at
# a glance (the aim, slide 1's boxes), the pillars' measures, progress, budget figures, the history page.
TOPIC_PLACES = ("glance", "measures", "progress", "budget", "history")


@dataclass(frozen=True)
class Text:
    """A text in both languages. `official` marks an official English name; otherwise the
    English is this site's own translation."""

    ja: str
    en: str
    official: bool = False
    registry: str | None = None  # the id of the name's entry in data/names.yaml

    def __getitem__(self, lang: str) -> str:
        return {"ja": self.ja, "en": self.en}[lang]

    @classmethod
    def of(cls, raw: dict) -> Text:
        """The text of a validated {ja, en} field."""
        return cls(raw["ja"], raw["en"], raw.get("translation") == "official", raw.get("registry"))

    @classmethod
    def maybe(cls, raw: dict | None) -> Text | None:
        """The text of an optional field, or None where it is not given."""
        return None if raw is None else cls.of(raw)

    def as_dict(self) -> dict:
        out = {"ja": self.ja, "en": self.en}
        if self.official:
            out["translation"] = "official"
        if self.registry:
            out["registry"] = self.registry
        return out


@dataclass(frozen=True)
class Topic:
    """A topic of data/topics.yaml: items across the slides and the history list it in their `topics`
    (the site's own reading of the overview, marked as such where it is shown)."""

    id: str
    name: Text


@dataclass(frozen=True)
class Statement:
    id: str
    slide: int
    text: Text
    topics: tuple[str, ...] = ()  # the ids of its topics (data/topics.yaml): the site's own reading


@dataclass(frozen=True)
class BoxGroup:
    id: str
    slide: int
    title: Text
    items: tuple[Statement, ...]


@dataclass(frozen=True)
class Box:
    id: str
    slide: int
    title: Text
    items: tuple[Statement, ...]
    groups: tuple[BoxGroup, ...]

    def all_items(self) -> tuple[Statement, ...]:
        return self.items + tuple(i for g in self.groups for i in g.items)


@dataclass(frozen=True)
class Measure:
    id: str
    slide: int
    text: Text
    pillar_id: str
    group_id: str
    topics: tuple[str, ...] = ()
    # In an edition after the first: the ids of the previous edition's measures it carries on, and how
    # (same, revised, split or merged); none and None for a new measure (structure/crosswalk.py).
    continues: tuple[str, ...] = ()
    change: str | None = None


@dataclass(frozen=True)
class MeasureGroup:
    id: str
    slide: int
    title: Text
    measures: tuple[Measure, ...]


@dataclass(frozen=True)
class Pillar:
    id: str
    order: int
    slide: int
    name: Text
    groups: tuple[MeasureGroup, ...]

    @cached_property  # computed once: the model is frozen, so it cannot change
    def measures(self) -> tuple[Measure, ...]:
        return tuple(m for g in self.groups for m in g.measures)


@dataclass(frozen=True)
class DatedEvent:
    date: str  # YYYY-MM or YYYY-MM-DD
    event: Text


@dataclass(frozen=True)
class Count:
    value: int
    counter: Text


@dataclass(frozen=True)
class ProgressItem:
    id: str
    slide: int
    text: Text
    section_id: str
    pillar_id: str
    advances: tuple[str, ...] = ()
    dates: tuple[DatedEvent, ...] = ()
    counts: tuple[Count, ...] = ()
    topics: tuple[str, ...] = ()


@dataclass(frozen=True)
class ProgressSection:
    id: str
    slide: int
    pillar_id: str
    title: Text
    items: tuple[ProgressItem, ...]


@dataclass(frozen=True)
class Figure:
    id: str
    slide: int
    program: Text
    amount: Decimal
    unit: str  # 億円 or 兆円
    approximate: bool
    budget_type: str  # initial | supplementary | fund
    fy_start: int | None
    fy_end: int | None
    measure_id: str
    progress_item_id: str
    note: Text
    budget_type_is_site_reading: bool = False  # the site's reading of the budget type (provenance.py)
    topics: tuple[str, ...] = ()

    @property
    def yen(self) -> Decimal:
        """The amount in yen."""
        return self.amount * (Decimal(10) ** (8 if self.unit == "億円" else 12))


@dataclass(frozen=True)
class HistoryYear:
    id: str
    year: int
    slide: int
    name: Text
    lead: Text
    priorities: tuple[Text, ...]
    closing: Text | None
    topics: tuple[str, ...] = ()


@dataclass(frozen=True)
class Term:
    id: str
    abbr: tuple[str, ...]
    name: Text
    reading: str = ""  # the Japanese name's reading in kana: the Japanese glossary's order
    match: tuple[str, ...] = ()  # what finds the term in the Japanese texts; else its name and abbreviations

    @property
    def finds(self) -> tuple[str, ...]:
        """The phrases that show a Japanese text uses the term."""
        return self.match or (self.name.ja, *self.abbr)


@dataclass(frozen=True)
class CitedSource:
    """A public page a fact beyond the overview comes from (data/strategy.yaml, publication)."""

    publisher: Text
    title: Text
    url: str


@dataclass(frozen=True)
class Publication:
    """Facts the overview does not state, each with its source: shown marked as the site's own."""

    decided: str  # YYYY-MM-DD, the Cabinet's decision
    decided_source: CitedSource
    official: CitedSource  # the Cabinet Office's page for the strategies
    terms: CitedSource  # that site's terms of use


@dataclass(frozen=True)
class Source:
    publisher: str
    title: str
    url: str
    checked: str  # YYYY-MM-DD


@dataclass(frozen=True)
class Name:
    """An entry of the registry of names (data/names.yaml): status official, established or site."""

    id: str
    name: Text
    also: tuple[str, ...]
    status: str
    source: Source | None
    note: Text | None


@dataclass(frozen=True)
class Redirect:
    """An old address (page URL without the language prefix, maybe with an anchor) and where it leads:
    an item's id, or a page URL ending in '/'."""

    from_page: str
    from_anchor: str | None
    to: str


@dataclass(frozen=True)
class Strategy:
    id: str
    title: Text
    source_title: Text
    aim: Statement
    boxes: tuple[Box, ...]
    pillars_heading: Text
    pillars: tuple[Pillar, ...]
    about_slide: int
    about_title: Text
    about_statements: tuple[Statement, ...]
    history_heading: Text
    history: tuple[HistoryYear, ...]
    progress_title: Text
    progress_statements: tuple[Statement, ...]
    progress: tuple[ProgressSection, ...]
    figures: tuple[Figure, ...]
    glossary: tuple[Term, ...]
    redirects: tuple[Redirect, ...] = ()
    # The accessibility statement's facts (data/accessibility.yaml), as validated: the page shows them as they are.
    accessibility: dict | None = field(default=None, compare=False, hash=False)
    names: tuple[Name, ...] = ()
    publication: Publication | None = None
    typos: tuple[str, ...] = ()  # the original's typos that the texts quote as they stand
    topics: tuple[Topic, ...] = ()  # the registry of topics (data/topics.yaml), in its order
    data_date: str = ""  # YYYY-MM-DD: the last change to data/ (reading.load.data_date), set by the pipeline
    edition: str = ""  # its edition's year (its folder under data/), set by the pipeline
    previous_edition: str = ""  # the year of the edition before it, if there is one (set by the pipeline)
    address_prefix: str = ""  # its pages' folder on a site of several editions ('2026/'; structure/editions.py)

    # -- look-ups ---------------------------------------------------------------------------
    # Look-ups go through indexes built on first use (cached properties: the model is frozen, so
    # they never go stale). Scanning the tuples on every call made a site of thousands of measures
    # render in quadratic time; see README, Performance. A missing id raises KeyError.
    @cached_property
    def measures(self) -> tuple[Measure, ...]:
        return tuple(m for p in self.pillars for m in p.measures)

    @cached_property
    def progress_items(self) -> tuple[ProgressItem, ...]:
        return tuple(i for s in self.progress for i in s.items)

    @cached_property
    def box_items(self) -> tuple[Statement, ...]:
        return tuple(i for b in self.boxes for i in b.all_items())

    @cached_property
    def _by_id(self) -> dict[str, dict]:
        return {
            "pillar": _first_by_id(self.pillars),
            "group": _first_by_id(g for p in self.pillars for g in p.groups),
            "measure": _first_by_id(self.measures),
            "progress_item": _first_by_id(self.progress_items),
            "figures_of_measure": _grouped((f.measure_id, f) for f in self.figures),
            "figures_of_item": _grouped((f.progress_item_id, f) for f in self.figures),
            "progress_of_pillar": _grouped((s.pillar_id, s) for s in self.progress),
            "progress_of_measure": _grouped((a, i) for i in self.progress_items for a in dict.fromkeys(i.advances)),
            # the items with a permalink (pages.ITEM_KINDS): the kind and the text of each
            "kind": _first((i.id, k.name) for k in ITEM_KINDS for i in k.items(self)),
            "item_text": _first((i.id, k.text(i)) for k in ITEM_KINDS for i in k.items(self)),
            "item": _first((i.id, i) for k in ITEM_KINDS for i in k.items(self)),
        }

    def pillar(self, pillar_id: str) -> Pillar:
        return self._by_id["pillar"][pillar_id]

    def group(self, group_id: str) -> MeasureGroup:
        return self._by_id["group"][group_id]

    def measure(self, measure_id: str) -> Measure:
        return self._by_id["measure"][measure_id]

    def progress_item(self, item_id: str) -> ProgressItem:
        return self._by_id["progress_item"][item_id]

    def figures_of_measure(self, measure_id: str) -> tuple[Figure, ...]:
        return self._by_id["figures_of_measure"].get(measure_id, ())

    def figures_of_item(self, item_id: str) -> tuple[Figure, ...]:
        return self._by_id["figures_of_item"].get(item_id, ())

    def progress_of_pillar(self, pillar_id: str) -> tuple[ProgressSection, ...]:
        return self._by_id["progress_of_pillar"].get(pillar_id, ())

    def progress_of_measure(self, measure_id: str) -> tuple[ProgressItem, ...]:
        return self._by_id["progress_of_measure"].get(measure_id, ())

    @cached_property
    def _quoted(self) -> str:
        return "\n".join(t.ja for t in self._by_id["item_text"].values())

    def quoted(self, ja: str) -> bool:
        """Whether a Japanese phrase stands in one of the texts the data quotes from the source (the
        texts of the items with a permalink): then it is the source's wording, not the site's own."""
        return ja in self._quoted

    @cached_property
    def _headings(self) -> str:
        titles = [p.name for p in self.pillars] + [g.title for p in self.pillars for g in p.groups]
        titles += [b.title for b in self.boxes] + [g.title for b in self.boxes for g in b.groups]
        titles += [sec.title for sec in self.progress] + [pr for y in self.history for pr in y.priorities]
        return "\n".join(t.ja for t in titles)

    def stated(self, ja: str) -> bool:
        """Whether a Japanese phrase stands in the overview's wording: in a quoted text (quoted), or in a
        heading the data quotes (a pillar's name, a group's, box's or progress section's title, a history
        year's priority)."""
        return self.quoted(ja) or ja in self._headings

    def glossary_in_order(self, lang: str) -> tuple[Term, ...]:
        """The glossary in the page's order: by reading (gojūon) in Japanese, by English name in English."""
        if lang == "ja":
            return tuple(sorted(self.glossary, key=lambda t: (_gojuon(t.reading or t.name.ja), t.id)))
        return tuple(sorted(self.glossary, key=lambda t: (t.name.en.casefold(), t.id)))

    def term_items(self, term: Term) -> tuple[str, ...]:
        """The items (with a permalink) whose Japanese text uses a glossary term: measures first, then
        the other kinds, each in the data's order."""
        found = [i for i, text in self._by_id["item_text"].items() if any(f in text.ja for f in term.finds)]
        kinds = {ident: self.kind_of(ident) for ident in found}
        return tuple(sorted(found, key=lambda i: kinds[i] != "measure"))  # a stable sort keeps the order

    @cached_property
    def _names_by_id(self) -> dict[str, Name]:
        return _first_by_id(self.names)

    def search_names(self, ident: str, lang: str) -> tuple[str, ...]:
        """The names an item's text names, as the search finds them on the item but its text does not
        show them in `lang`: the official and registered names (data/names.yaml: its 'registry' entry,
        or the entry of a glossary term the Japanese text uses) and the term's own name and
        abbreviations. In Japanese, the Japanese name and the acronyms; in English, the English name
        and its other registered forms. 'K programによる研究開発支援' is found as
        経済安全保障重要技術育成プログラム, and 'Support ... through the K Program' as 'Key and Advanced
        Technology R&D through Cross Community Collaboration Program'."""
        text = self.item_text(ident)
        registered = [text.registry] if text.registry else []
        forms: list[str] = []
        for term in self.glossary:
            if any(f in text.ja for f in term.finds):
                forms += [term.name[lang], *term.abbr]
                registered += [term.name.registry] if term.name.registry else []
        for key in registered:
            entry = self._names_by_id.get(key)
            if entry:
                forms += [entry.name[lang], *(a for a in entry.also if lang == "en" or " " not in a)]
        shown = text[lang].casefold()
        found = {f.casefold(): f for f in reversed(forms)}  # one of each, however it is written
        return tuple(found[key] for key in dict.fromkeys(f.casefold() for f in forms) if key not in shown)

    def typo_parts(self, text: str) -> list[tuple[str, bool]]:
        """A text cut after each of the original's typos it quotes: (piece, whether a typo ends it)."""
        parts: list[tuple[str, bool]] = []
        rest = text
        while True:
            hits = [(rest.find(t), t) for t in self.typos if t in rest]
            if not hits:
                break
            at, typo = min(hits)
            parts.append((rest[: at + len(typo)], True))
            rest = rest[at + len(typo) :]
        if rest or not parts:
            parts.append((rest, False))
        return parts

    # -- topics (data/topics.yaml): the site's own reading of which items belong together ------------
    def topic(self, topic_id: str) -> Topic:
        return self._topics[topic_id]

    @cached_property
    def _topics(self) -> dict[str, Topic]:
        return _first_by_id(self.topics)

    @cached_property
    def tagged(self) -> dict[str, tuple]:
        """Every item that can carry topics, by where it stands on the site (TOPIC_PLACES), in the
        data's order: the aim and slide 1's box items; the measures; the progress statements and
        items; the budget figures; the history page's statements and years."""
        return {
            "glance": (self.aim, *self.box_items),
            "measures": self.measures,
            "progress": (*self.progress_statements, *self.progress_items),
            "budget": self.figures,
            "history": (*self.about_statements, *self.history),
        }

    @cached_property
    def _of_topic(self) -> dict[str, dict[str, tuple]]:
        out: dict[str, dict[str, list]] = {t.id: {place: [] for place in TOPIC_PLACES} for t in self.topics}
        for place, things in self.tagged.items():
            for thing in things:
                for topic_id in dict.fromkeys(thing.topics):
                    out.setdefault(topic_id, {p: [] for p in TOPIC_PLACES})[place].append(thing)
        return {t: {place: tuple(things) for place, things in by.items()} for t, by in out.items()}

    def of_topic(self, topic_id: str) -> dict[str, tuple]:
        """The items of a topic by where they stand (TOPIC_PLACES, each maybe empty)."""
        return self._of_topic.get(topic_id, {place: () for place in TOPIC_PLACES})

    def topic_count(self, topic_id: str) -> int:
        """How many items belong to a topic, wherever they stand."""
        return sum(len(things) for things in self.of_topic(topic_id).values())

    def item_text(self, ident: str) -> Text:
        """The text of any item that has a permalink (for a figure, its programme)."""
        return self._by_id["item_text"][ident]

    def item(self, ident: str):
        """Any item that has a permalink (a Statement, Measure, ProgressItem or Figure), by its id."""
        return self._by_id["item"][ident]

    def kind_of(self, ident: str) -> str:
        """What an item with a permalink is: the name of its kind in pages.ITEM_KINDS."""
        return self._by_id["kind"][ident]


def _gojuon(reading: str) -> tuple[str, str]:
    """A reading's place in gojūon order: first without voicing marks, ー and ・ (か before が before き),
    then as written."""
    plain = "".join(c for c in unicodedata.normalize("NFD", reading) if c not in "\u3099\u309a\u30fc\u30fb")
    return plain, reading


def _first(pairs) -> dict:
    """(key, value) pairs as values by key; where two share a key, the first (as a scan would find it)."""
    out: dict = {}
    for key, value in pairs:
        out.setdefault(key, value)
    return out


def _first_by_id(things) -> dict:
    return _first((thing.id, thing) for thing in things)


def _grouped(pairs) -> dict[str, tuple]:
    """(key, thing) pairs as things by key, in their order."""
    out: dict[str, list] = {}
    for key, thing in pairs:
        out.setdefault(key, []).append(thing)
    return {key: tuple(things) for key, things in out.items()}


def _statement(raw: dict) -> Statement:
    return Statement(raw["id"], raw["slide"], Text.of(raw["text"]), _topics(raw))


def _topics(raw: dict) -> tuple[str, ...]:
    """An item's topics (its 'topics' list; none where it has none)."""
    return tuple(raw.get("topics", ()))


def _measure(raw: dict, pillar_id: str, group_id: str) -> Measure:
    return Measure(
        raw["id"],
        raw["slide"],
        Text.of(raw["text"]),
        pillar_id,
        group_id,
        _topics(raw),
        tuple(raw.get("continues", ())),
        raw.get("change"),
    )


def _pillar(raw: dict) -> Pillar:
    groups = tuple(
        MeasureGroup(
            g["id"],
            g["slide"],
            Text.of(g["title"]),
            tuple(_measure(m, raw["id"], g["id"]) for m in g["measures"]),
        )
        for g in raw["groups"]
    )
    return Pillar(raw["id"], raw["order"], raw["slide"], Text.of(raw["name"]), groups)


def _progress_section(raw: dict) -> ProgressSection:
    items = tuple(
        ProgressItem(
            i["id"],
            i["slide"],
            Text.of(i["text"]),
            raw["id"],
            raw["pillar"],
            tuple(i.get("advances", ())),
            tuple(DatedEvent(d["date"], Text.of(d["event"])) for d in i.get("dates", ())),
            tuple(Count(c["value"], Text.of(c["counter"])) for c in i.get("counts", ())),
            _topics(i),
        )
        for i in raw["items"]
    )
    return ProgressSection(raw["id"], raw["slide"], raw["pillar"], Text.of(raw["title"]), items)


def _figure(raw: dict) -> Figure:
    span = raw.get("fiscal_years") or {}
    return Figure(
        raw["id"],
        raw["slide"],
        Text.of(raw["program"]),
        Decimal(str(raw["amount"])),
        raw["unit"],
        raw["approximate"],
        raw["budget_type"],
        span.get("start"),
        span.get("end"),
        raw["measure"],
        raw["progress_item"],
        Text.of(raw["note"]),
        bool(raw.get("budget_type_is_site_reading")),
        _topics(raw),
    )


def build(files: dict[str, list[LoadedFile]]) -> Strategy:
    """The model from validated files (see validate.validate)."""
    strategy = files["strategy"][0].data
    progress = files["progress"][0].data
    boxes = tuple(
        Box(
            b["id"],
            b["slide"],
            Text.of(b["title"]),
            tuple(_statement(i) for i in b.get("items", ())),
            tuple(
                BoxGroup(g["id"], g["slide"], Text.of(g["title"]), tuple(_statement(i) for i in g["items"]))
                for g in b.get("groups", ())
            ),
        )
        for b in strategy["boxes"]
    )
    history = tuple(
        HistoryYear(
            y["id"],
            y["year"],
            y["slide"],
            Text.of(y["name"]),
            Text.of(y["lead"]),
            tuple(Text.of(p) for p in y["priorities"]),
            Text.maybe(y.get("closing")),
            _topics(y),
        )
        for y in sorted(files["history"][0].data["years"], key=lambda y: y["year"])
    )
    return Strategy(
        id=strategy["id"],
        title=Text.of(strategy["title"]),
        source_title=Text.of(strategy["source_title"]),
        aim=_statement(strategy["aim"]),
        boxes=boxes,
        pillars_heading=Text.of(strategy["pillars_heading"]),
        pillars=tuple(sorted((_pillar(f.data) for f in files["pillar"]), key=lambda p: p.order)),
        about_slide=strategy["about"]["slide"],
        about_title=Text.of(strategy["about"]["title"]),
        about_statements=tuple(_statement(s) for s in strategy["about"]["statements"]),
        history_heading=Text.of(strategy["about"]["history_heading"]),
        history=history,
        progress_title=Text.of(progress["title"]),
        progress_statements=tuple(_statement(s) for s in progress["statements"]),
        progress=tuple(_progress_section(s) for s in progress["sections"]),
        figures=tuple(_figure(f) for f in files["figures"][0].data["figures"]),
        glossary=tuple(
            Term(t["id"], tuple(t.get("abbr", ())), Text.of(t["name"]), t.get("reading", ""), tuple(t.get("match", ())))
            for t in files["glossary"][0].data["terms"]
        ),
        redirects=tuple(_redirect(r) for f in files.get("redirects", []) for r in f.data["redirects"]),
        accessibility=files["accessibility"][0].data if files.get("accessibility") else None,
        names=tuple(_name(n) for f in files.get("names", []) for n in f.data["names"]),
        publication=_publication(strategy.get("publication")),
        typos=tuple(strategy.get("typos", ())),
        topics=tuple(Topic(t["id"], Text.of(t["name"])) for f in files.get("topics", []) for t in f.data["topics"]),
    )


def _cited(raw: dict) -> CitedSource:
    return CitedSource(Text.of(raw["publisher"]), Text.of(raw["title"]), raw["url"])


def _publication(raw: dict | None) -> Publication | None:
    if raw is None:
        return None
    return Publication(raw["decided"], _cited(raw["decided_source"]), _cited(raw["official"]), _cited(raw["terms"]))


def _name(raw: dict) -> Name:
    source = raw.get("source")
    return Name(
        raw["id"],
        Text(raw["ja"], raw["en"], raw["status"] != "site"),
        tuple(raw.get("also", ())),
        raw["status"],
        Source(**source) if source else None,
        Text.maybe(raw.get("note")),
    )


def _redirect(raw: dict) -> Redirect:
    page, _, anchor = raw["from"].partition("#")
    return Redirect(page, anchor or None, raw["to"])
