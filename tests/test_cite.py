"""Citations (rendering/cite.py): an item's and a page's citation, in the page's language, read right:
the item's words quoted, the overview's publisher and title, the slide, the site's name, the address,
the data's date and the date viewed; nothing from the other language; and a value from the data is
never read as part of the template. The browser tests (test_browser_cite.py) paste what the buttons copy."""

from __future__ import annotations

import dataclasses
import re

import pytest

from strategy_site.rendering import cite
from strategy_site.rendering import format as fmt
from strategy_site.rendering.render import page_title
from strategy_site.rendering.ui import UI, ui
from strategy_site.structure import pages
from strategy_site.structure.model import LANGS, Text

JAPANESE = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uff01-\uff5e]")
ADDRESS = "https://intranet.example/strategy2025/m/x/"
VIEWED = "2031-02-03"


def other(lang: str) -> str:
    return next(o for o in LANGS if o != lang)


def dated(strategy):
    return dataclasses.replace(strategy, data_date="2030-01-02")


def assert_in_language(text: str, lang: str, strategy) -> None:
    """Nothing of the other language: no Japanese in English; in Japanese, none of the English
    citation's own words nor the overview's English title."""
    if lang == "en":
        assert not JAPANESE.search(text), f"Japanese in an English citation: {text}"
    else:
        for word in (strategy.source_title.en, "Slide", "Available from", "viewed", "Cabinet Office"):
            assert word not in text, f"{word!r} in a Japanese citation: {text}"


def one_of_each_kind(strategy) -> list[str]:
    return [next(iter(kind.items(strategy))).id for kind in pages.ITEM_KINDS]


@pytest.mark.parametrize("lang", LANGS)
def test_an_item_citation_names_the_item_the_source_the_slide_the_site_the_address_and_the_dates(strategy, lang):
    s = dated(strategy)
    for ident in one_of_each_kind(s):
        text = cite.item_citation(s, ident, lang, ADDRESS, VIEWED)
        item = s.item(ident)
        words = s.item_text(ident)[lang]
        quoted = ("「" + words) if lang == "ja" else ('"' + words)
        assert quoted in text, f"{ident}: its words are not quoted: {text}"
        assert s.source_title[lang] in text
        assert s.publication.official.publisher[lang] in text
        assert fmt.slide(item.slide, lang) in text, f"{ident}: no slide in {text}"
        assert ui("site_name", lang) in text
        assert ADDRESS in text and "2030-01-02" in text and VIEWED in text
        assert text.index("2030-01-02") < text.index(VIEWED), "the data's date and the date viewed are swapped"
        assert_in_language(text.replace(words, ""), lang, s)


@pytest.mark.parametrize("lang", LANGS)
def test_a_budget_figure_is_quoted_with_its_amount(strategy, lang):
    figure = strategy.figures[0]
    text = cite.item_citation(strategy, figure.id, lang, ADDRESS, VIEWED)
    assert figure.program[lang] + ui("label_sep", lang) + fmt.amount(figure, lang) in text


@pytest.mark.parametrize("lang", LANGS)
def test_a_page_citation_names_the_page_and_the_source(strategy, lang):
    s = dated(strategy)
    for page in pages.site_pages(s):
        title = page_title(s, page, lang)
        text = cite.fill(cite.page_pattern(s, lang, title), address=ADDRESS, accessed=VIEWED)
        assert title and title in text
        assert s.source_title[lang] in text and ui("site_name", lang) in text
        assert ADDRESS in text and "2030-01-02" in text and text.rstrip(".]）)").endswith(VIEWED)
        assert_in_language(text.replace(title, ""), lang, s)
    assert page_title(s, pages.site_pages(s)[1], lang) == s.pillars[0].name[lang]
    # each page is cited by a name of its own (a topic's page by its topic, not "Topic")
    titles = [page_title(s, page, lang) for page in pages.site_pages(s)]
    assert len(set(titles)) == len(titles), sorted(t for t in titles if titles.count(t) > 1)


def test_without_a_data_date_the_citation_says_none(strategy):
    s = dataclasses.replace(strategy, data_date="")
    for lang in LANGS:
        text = cite.item_citation(s, s.measures[0].id, lang, ADDRESS, VIEWED)
        assert ui("cite_dated", lang, date="X").replace("X", "") not in text


def test_a_value_from_the_data_is_never_read_as_a_template(strategy):
    """A title holding '{text}' or '{address}' stays as it is: only the template's own gaps are filled."""
    odd = Text("題{text}名{address}", "Title {text} {address} {0}")
    s = dataclasses.replace(strategy, source_title=odd)
    for lang in LANGS:
        pieces = cite.item_pattern(s, lang)
        assert any(odd[lang] in p for p in pieces[::2])
        assert pieces[1::2] == ["text", "slide", "address", "accessed"]
        text = cite.fill(pieces, text="T", slide="1", address="A", accessed="D")
        assert odd[lang] in text


def test_every_citation_template_leaves_open_what_the_page_fills_in():
    for lang in LANGS:
        assert cite.pattern(UI["cite_item"][lang], publisher="", source="", site="", dated="")[1::2] == list(
            cite.CITED_LATER
        )
        assert cite.pattern(UI["cite_page"][lang], title="", publisher="", source="", site="", dated="")[1::2] == [
            "address",
            "accessed",
        ]


@pytest.mark.parametrize("lang", LANGS)
def test_the_strategy_itself_is_cited_from_its_publication(strategy, lang):
    pub = strategy.publication
    text = cite.fill(cite.strategy_citation(strategy, lang), accessed=VIEWED)
    for part in (pub.official.publisher[lang], strategy.source_title[lang], pub.decided, pub.official.url, VIEWED):
        assert part in text
    assert_in_language(text, lang, strategy)
