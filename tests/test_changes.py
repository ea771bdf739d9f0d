"""What changed between two editions (issue 27): the marked differences (rendering/diff.py) and the
page that lists the changes (rendering/changes.py, templates/changes.md.j2).

The crosswalk here is a small stand-in (FakeCrosswalk) with the interface of structure/crosswalk.py, over
a second edition made in memory from the real data (never written anywhere): one measure unchanged, one
revised (with text that would be markup if it were not escaped), one split in two, two merged, one
dropped, one added; every other measure unchanged.
"""

from __future__ import annotations

import dataclasses
import re
from collections import Counter
from functools import cache
from html import unescape
from html.parser import HTMLParser

import pytest
from hypothesis import example, given
from hypothesis import strategies as st
from markupsafe import Markup
from test_escape import MD, _front_matter_off

from strategy_site.rendering import changes, diff, render
from strategy_site.rendering.ui import label, ui
from strategy_site.structure import editions, pages
from strategy_site.structure.model import Measure, Strategy, Text

LANGS = ("ja", "en")

# -- The parts of two texts.

# Japanese, Latin letters, digits, spaces (a line break too), punctuation of both, and what HTML and
# Markdown read.
ALPHABET = st.sampled_from(list("研究開発の推進強化とAIロボット、。（）「」 \n\tabcXYZ019-'’<>&\"*_[]()#\\|`"))
SHORT = st.text(ALPHABET, max_size=30)


@st.composite
def two_texts(draw) -> tuple[str, str]:
    """An old text and a new one made from it by replacing, removing and adding pieces (so that the two
    share runs, as a revised measure's texts do), or unrelated ones."""
    pieces = draw(st.lists(SHORT, max_size=8))
    if draw(st.booleans()):
        return "".join(pieces), draw(st.text(ALPHABET, max_size=60))
    edited = [draw(st.one_of(st.just(p), SHORT)) for p in pieces]
    return "".join(pieces), "".join(edited)


def _joined(runs: list[tuple[str, str]], side: str) -> str:
    return "".join(text for op, text in runs if op in ("same", side))


@given(texts=two_texts(), lang=st.sampled_from(LANGS))
@example(texts=("研究開発の推進", "研究開発の強化"), lang="ja")
@example(texts=("The research programme", "The research programs"), lang="en")
def test_the_parts_give_back_both_texts_exactly(texts: tuple[str, str], lang: str) -> None:
    old, new = texts
    runs = diff.parts(old, new, lang)
    assert _joined(runs, "removed") == old
    assert _joined(runs, "added") == new
    assert all(text for _, text in runs), runs
    assert all(a[0] != b[0] for a, b in zip(runs, runs[1:], strict=False)), runs  # no two runs of a kind touch
    assert all((a[0], b[0]) != ("added", "removed") for a, b in zip(runs, runs[1:], strict=False)), runs
    if old == new:
        assert runs == ([("same", old)] if old else [])


def _boundaries(runs: list[tuple[str, str]], side: str) -> tuple[str, list[int]]:
    """A side's text and where one run ends and the next starts in it."""
    text, at = "", []
    for op, piece in runs:
        if op in ("same", side):
            text += piece
            at.append(len(text))
    return text, at[:-1]


@given(texts=two_texts())
@example(texts=("the Japan's research programme", "the Japan's research programs"))
def test_an_english_change_marks_whole_words(texts: tuple[str, str]) -> None:
    """No run of an English text starts or ends inside a word."""
    runs = diff.parts(*texts, "en")
    for side in ("removed", "added"):
        text, at = _boundaries(runs, side)
        for i in at:
            assert not (re.match(r"\w", text[i - 1]) and re.match(r"\w", text[i])), (text[:i], text[i:], runs)


def test_japanese_by_character_and_english_by_word() -> None:
    assert diff.parts("研究開発の推進", "研究開発の強化", "ja") == [
        ("same", "研究開発の"),
        ("removed", "推進"),
        ("added", "強化"),
    ]
    assert diff.parts("Promote the research programme.", "Promote the research programs.", "en") == [
        ("same", "Promote the research "),
        ("removed", "programme"),
        ("added", "programs"),
        ("same", "."),
    ]
    # a space the texts share by chance between two changed words is inside the change, not a third run
    assert diff.parts("red green blue", "one two blue", "en") == [
        ("removed", "red green"),
        ("added", "one two"),
        ("same", " blue"),
    ]


# -- The marked texts.


class Elements(HTMLParser):
    """The elements of a piece of HTML (tag and attributes, in order), its text, and each <del>/<ins>
    element's text as read: (tag, its text)."""

    def __init__(self, html: str):
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, tuple]] = []
        self.text = ""
        self.changes: list[tuple[str, str]] = []
        self.open: list[str] = []
        self.feed(str(html))  # as a str: Markup would escape what the parser gives back
        self.close()

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, tuple(attrs)))
        self.open.append(tag)
        if tag in ("del", "ins"):
            self.changes.append((tag, ""))

    def handle_endtag(self, tag):
        assert self.open.pop() == tag, (tag, self.tags)

    def handle_data(self, data):
        self.text += data
        if "del" in self.open or "ins" in self.open:
            tag, text = self.changes[-1]
            self.changes[-1] = (tag, text + data)


CHANGE_ELEMENTS = {"del", "ins", "span"}
WORDS = {"del": "removed", "ins": "added"}


def _folded(text: str) -> str:
    """Runs of ASCII white space as one space, as HTML shows them."""
    return re.sub(r"[ \t\n\r\f\v]+", " ", text)


def _words_out(html: str, lang: str) -> str:
    """The data text of a marked side: its text without the change words and the screen readers' ends."""
    text = Elements(html).text
    for key in ("removed", "added"):
        text = text.replace(label("diff_" + key, lang), "")
        text = text.replace(ui("paren_open", lang) + ui(f"diff_{key}_end", lang) + ui("paren_close", lang), "")
    return text


@given(texts=two_texts(), lang=st.sampled_from(LANGS))
@example(texts=("計画<script>alert(1)</script>を推進", "計画<b>を</b>強化 &amp; *x* [a](b)"), lang="ja")
@example(texts=("Promote <script>alert(1)</script> now", "Promote <img src=x onerror=alert(1)> *now*"), lang="en")
def test_the_marked_texts_are_the_data_as_text(texts: tuple[str, str], lang: str) -> None:
    """The marked texts hold no element but the marks (text from the data creates none), and read as the
    data's texts (white space as HTML shows it) with the marks' words."""
    old, new = texts
    before, after = diff.marked(old, new, lang)
    assert isinstance(before, Markup) and isinstance(after, Markup)
    for html, text, tag in ((before, old, "del"), (after, new, "ins")):
        elements = Elements(html)
        assert {t for t, _ in elements.tags} <= {tag, "span"}, elements.tags
        for t, attrs in elements.tags:
            assert t == tag or dict(attrs).get("class") in ("diff-word", "sr-only") or attrs == (("lang", "ja"),)
        if "<" in text:
            assert "&lt;" in html
        assert _folded(_words_out(html, lang)) == _folded(text)


@given(texts=two_texts(), lang=st.sampled_from(LANGS))
@example(texts=("研究開発の推進", "研究開発の強化"), lang="ja")
def test_every_change_says_what_it_is_in_words(texts: tuple[str, str], lang: str) -> None:
    """Each removal is a <del> and each addition an <ins>, as many as the parts have, each starting with
    its word (visible: 「削除：」, "removed: ") and ending with its end for screen readers."""
    old, new = texts
    runs = diff.parts(old, new, lang)
    before, after = diff.marked(old, new, lang)
    for html, tag in ((before, "del"), (after, "ins")):
        key = WORDS[tag]
        found = Elements(html).changes
        assert len(found) == sum(op == key for op, _ in runs), (found, runs)
        end = ui("paren_open", lang) + ui(f"diff_{key}_end", lang) + ui("paren_close", lang)
        for t, text in found:
            assert t == tag and text.startswith(label("diff_" + key, lang)) and text.endswith(end), text
        assert html.count(f'<{tag} class="diff diff-{key}"><span class="diff-word">') == len(found)


def test_the_words_of_a_change() -> None:
    assert {lang: label("diff_removed", lang) for lang in LANGS} == {"ja": "削除：", "en": "removed: "}
    assert {lang: label("diff_added", lang) for lang in LANGS} == {"ja": "追加：", "en": "added: "}


# -- The page.


@dataclasses.dataclass(frozen=True)
class FakeCrosswalk:
    """The crosswalk's interface (structure/crosswalk.py, changes.Crosswalk): each new measure's kind and
    the old measures it continues (`links`), the ids of the added and of the dropped measures."""

    edition: str
    previous_edition: str
    links: dict[str, tuple[str, tuple[str, ...]]]  # new id: (kind, old ids)
    added: tuple[str, ...]
    dropped: tuple[str, ...]

    def kind(self, new_id: str) -> str:
        return self.links[new_id][0] if new_id in self.links else "added"

    def predecessors(self, new_id: str) -> tuple[str, ...]:
        return self.links[new_id][1] if new_id in self.links else ()

    def successors(self, old_id: str) -> tuple[str, ...]:
        return tuple(new for new, (_, olds) in self.links.items() if old_id in olds)

    def counts(self) -> dict[str, int]:
        kinds = Counter(kind for kind, _ in self.links.values())
        return {"added": len(self.added), "dropped": len(self.dropped)} | {
            kind: kinds[kind] for kind in ("same", "revised", "split", "merged")
        }


# What the revised measure's text gains: text that would be markup if it were not escaped.
HOSTILE = "<script>alert(1)</script> <b>plan</b> [now](x) & *more*"


def _revised(text: Text) -> Text:
    """A revised text: the old one with one word (or two characters) changed and something added."""
    return Text(ja=text.ja[:-2] + "強化" + HOSTILE, en=re.sub(r"\w+", "Strengthening", text.en, count=1) + HOSTILE)


_SPLIT_OFF = Text(ja="分けた施策", en="Split off")


def cw_measures(previous: Strategy) -> tuple[Measure, ...]:
    """The second edition's measures."""
    return _next_edition(previous)[0].measures


@cache
def _next_edition(previous: Strategy) -> tuple[Strategy, FakeCrosswalk]:
    """A second edition made from `previous` in memory: its first measure unchanged, the second revised,
    the third split in two, the fourth and fifth merged, the sixth dropped, a new one added after the
    first; every other measure unchanged."""
    o = previous.measures
    m = dataclasses.replace
    new: dict[str, list[Measure]] = {
        o[0].id: [
            o[0],
            Measure("fake-added", 1, Text(ja="新しい施策", en="A new measure"), o[0].pillar_id, o[0].group_id),
        ],
        o[1].id: [m(o[1], id="fake-revised", text=_revised(o[1].text))],
        o[2].id: [m(o[2], id="fake-split-a"), m(o[2], id="fake-split-b", text=_SPLIT_OFF)],
        o[3].id: [m(o[3], id="fake-merged")],
        o[4].id: [],
        o[5].id: [],
    }
    links = {
        "fake-revised": ("revised", (o[1].id,)),
        "fake-split-a": ("split", (o[2].id,)),
        "fake-split-b": ("split", (o[2].id,)),
        "fake-merged": ("merged", (o[3].id, o[4].id)),
    } | {ms.id: ("same", (ms.id,)) for ms in o if ms.id not in new or ms.id == o[0].id}
    pillars = tuple(
        m(p, groups=tuple(m(g, measures=tuple(x for ms in g.measures for x in new.get(ms.id, [ms]))) for g in p.groups))
        for p in previous.pillars
    )
    current = m(previous, pillars=pillars, edition="2026", previous_edition="2025")
    return current, FakeCrosswalk("2026", "2025", links, ("fake-added",), (o[5].id,))


@pytest.fixture
def page(strategy: Strategy, monkeypatch: pytest.MonkeyPatch):
    """The page in a language, as the editions pipeline renders it for a second edition: its Markdown
    (render.py, its values from changes.changes_values, with this test's crosswalk) and its HTML
    (Python-Markdown with mkdocs.yml's extensions); and the crosswalk."""
    current, cw = _next_edition(strategy)
    every = editions.arrange(
        [("2025", dataclasses.replace(strategy, edition="2025"), {}), ("2026", current, {})], "2026"
    )
    second = every.by_id("2026")
    monkeypatch.setattr(editions.Editions, "crosswalk", lambda self, edition: cw)
    source = pages.SOURCE["changes"]

    def rendered(lang: str) -> tuple[str, str, FakeCrosswalk]:
        text = render.render_pages(second.strategy, only={f"{lang}/{source}"}, place=(every, second))
        MD.reset()
        return text[f"{lang}/{source}"], MD.convert(_front_matter_off(text[f"{lang}/{source}"])), cw

    return rendered


@pytest.mark.parametrize("lang", LANGS)
def test_the_counts_are_the_crosswalks(page, strategy: Strategy, lang: str) -> None:
    """The counts table says the crosswalk's counts, and each section lists as many measures of its kind
    (of the new edition; dropped: of the old)."""
    _, html, cw = page(lang)
    shown = dict(re.findall(r'<span class="changes-count" data-kind="(\w+)">([^<]*)</span>', html))
    assert shown == {kind: ui("changes_n", lang, n=n) for kind, n in cw.counts().items()}
    assert cw.counts() == {
        "added": 1,
        "revised": 1,
        "split": 2,
        "merged": 1,
        "dropped": 1,
        "same": len(strategy.measures) - 5,
    }
    sections = _sections(html)
    assert list(sections) == list(changes.KINDS)
    for kind, n in cw.counts().items():
        side = "old" if kind == "dropped" else "new"
        assert sections[kind].count(f'class="change-line change-{side}"') == n, kind


def _sections(html: str) -> dict[str, str]:
    """Each section's HTML by its heading's id."""
    heads = list(re.finditer(r'<h2 id="([a-z]+)">', html))
    return {
        h.group(1): html[h.end() : (heads[i + 1].start() if i + 1 < len(heads) else len(html))]
        for i, h in enumerate(heads)
    }


@pytest.mark.parametrize("lang", LANGS)
def test_each_measure_stands_in_its_section_with_its_links(page, strategy: Strategy, lang: str) -> None:
    """Each section lists its measures, each with its links to its permalink in its edition (an
    unchanged one: in both), in the edition's order; each new measure's line carries its id."""
    _, html, _ = page(lang)
    sections = _sections(html)
    o = strategy.measures
    expected = {
        "added": ([], ["fake-added"]),
        "revised": ([o[1].id], ["fake-revised"]),
        "split": ([o[2].id], ["fake-split-a", "fake-split-b"]),
        "merged": ([o[3].id, o[4].id], ["fake-merged"]),
        "dropped": ([o[5].id], []),
        "same": ([ms.id for ms in (o[0], *o[6:])], [ms.id for ms in (o[0], *o[6:])]),
    }
    for kind, (olds, news) in expected.items():
        here = sections[kind]
        assert re.findall(r'href="\.\./\.\./2025/m/([^/]+)/"', here) == olds, kind
        assert re.findall(r'href="\.\./\.\./2026/m/([^/]+)/"', here) == news, kind
        assert re.findall(r'<p class="change-line change-new" id="([^"]+)">', here) == news
        others = set(sections) - {kind}
        for ident in news:
            assert not any(f"/2026/m/{ident}/" in sections[k] for k in others), (kind, ident)
    assert _SPLIT_OFF[lang] in sections["split"]
    # every measure of the previous edition is linked once, in one section; every one of the new edition too
    assert Counter(re.findall(r'href="\.\./\.\./2025/m/([^/]+)/"', html)) == Counter(ms.id for ms in o)
    assert Counter(re.findall(r'href="\.\./\.\./2026/m/([^/]+)/"', html)) == Counter(
        ms.id for ms in cw_measures(strategy)
    )


@pytest.mark.parametrize("lang", LANGS)
def test_a_revised_measure_shows_both_texts_marked(page, lang: str) -> None:
    """The revised measure's old and new texts with the changes marked in words, its data text as text."""
    _, html, _ = page(lang)
    revised = _sections(html)["revised"]
    old, new = revised.split('class="change-line change-new"')
    assert old.count("<del ") >= 1 and "<ins " not in old
    assert new.count("<ins ") >= 1 and "<del " not in new
    assert old.count(label("diff_removed", lang)) == old.count("<del ")
    assert new.count(label("diff_added", lang)) == new.count("<ins ")
    assert "<script>alert" not in html and "<b>" not in html and "<em>" not in revised
    assert HOSTILE in unescape(re.sub(r"<(?!script>|/script>|b>|/b>)[^>]+>", "", new))


@pytest.mark.parametrize("lang", LANGS)
def test_the_page_is_marked_as_the_sites_own(page, lang: str) -> None:
    text, html, _ = page(lang)
    assert text.startswith("---\ntitle: ")
    assert ui("changes_title", lang, year="2025") in text.split("\n")[1]
    h1 = re.search(r"<h1[^>]*>(.*?)</h1>", html).group(1)
    assert 'class="site-own"' in h1 and ui("own_mark", lang) in h1
    assert ui("changes_intro", lang, current="2026", previous="2025") in unescape(html)
    assert 'class="own-legend"' in html


@pytest.mark.parametrize("lang", LANGS)
def test_many_unchanged_measures_are_listed_by_id(page, strategy: Strategy, lang: str, monkeypatch) -> None:
    """Beyond pages.LISTED_IN_FULL the unchanged measures are listed by id, with both links and a note
    saying so; the others keep their texts. (At x100 the data, their texts took the page past 150 KB.)"""
    _, full, cw = page(lang)
    monkeypatch.setattr(pages, "LISTED_IN_FULL", cw.counts()["same"] - 1)
    _, short, _ = page(lang)
    same, same_full = _sections(short)["same"], _sections(full)["same"]
    note = ui("changes_same_by_id", lang)
    assert note in unescape(same) and note not in unescape(same_full)
    unchanged = [ms for ms in cw_measures(strategy) if cw.kind(ms.id) == "same"]
    for ms in unchanged:
        line = re.search(rf'<p class="change-line change-new" id="{ms.id}">(.*?)</p>', same).group(1)
        assert line.endswith(ui("label_sep", lang) + ms.id) and f"/2026/m/{ms.id}/" in line
        assert ms.text[lang] in unescape(same_full)
    assert _sections(short)["revised"] == _sections(full)["revised"]
