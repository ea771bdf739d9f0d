"""The search's golden set (tests/search-golden.yaml): each query typed into the real search dialog,
in its language, with the Content-Security-Policy on. The item each query must find is among the first
three results (links) for at least 90 % of the queries, and the first result holds the words typed,
whole, for every query (Pagefind's segmenter alone ranks pages that share only 研究 of 研究セキュリティ
first). The recall achieved is printed."""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
import yaml

from strategy_site.structure import urls

from browser_site import RESULTS, search, set_both_languages

pytestmark = pytest.mark.browser

GOLDEN = yaml.safe_load((Path(__file__).parent / "search-golden.yaml").read_text(encoding="utf-8"))
QUERIES = [(lang, entry["query"], entry["expect"]) for lang in ("ja", "en") for entry in GOLDEN[lang]]
RECALL = 0.9  # of the queries, those whose item is among the first three results
SHOWN = 3

_LATIN = re.compile(r"[a-z0-9]")
_JAPANESE = re.compile(r"[\u3005\u3040-\u30ff\u3400-\u9fff\uff66-\uff9f]")


def fold(text: str) -> str:
    return unicodedata.normalize("NFKC", text).lower()


def words_typed(query: str) -> list[str]:
    """The words of a query: split at spaces, and where Latin letters meet Japanese (Kプログラム: K and
    プログラム), as the index splits them. A Japanese compound (研究セキュリティ) stays one word."""
    words = []
    for chunk in fold(query).split():
        word = ""
        for i, char in enumerate(chunk):
            meet = word and bool(_JAPANESE.match(char)) != bool(_JAPANESE.match(chunk[i - 1]))
            if meet and (_LATIN.match(char) or _LATIN.match(chunk[i - 1])):
                words.append(word)
                word = ""
            word += char
        words.append(word)
    return words


def holds_whole(text: str, word: str) -> bool:
    """Whether `word` stands in the text whole: a word that starts or ends with a Latin letter or digit
    does not continue a longer Latin word there ('ai' is not in 'maintain')."""
    before = r"(?<![a-z0-9])" if _LATIN.match(word[0]) else ""
    after = r"(?![a-z0-9])" if _LATIN.match(word[-1]) else ""
    return re.search(before + re.escape(word) + after, fold(text)) is not None


def test_words_typed_and_whole():
    """The check below, on what it must tell apart."""
    assert words_typed("研究セキュリティ") == ["研究セキュリティ"]
    assert words_typed("Kプログラム") == ["k", "プログラム"]
    assert words_typed("research  security") == ["research", "security"]
    assert holds_whole("研究セキュリティ・インテグリティ", "研究セキュリティ")
    assert not holds_whole("研究施設の高度化、セキュリティ", "研究セキュリティ")
    assert not holds_whole("maintain", "ai")
    assert holds_whole("AIイノベーション", "ai")


def results(page) -> list[dict]:
    """Each result link: its address (path and anchor) and the words it shows for the match (the section's
    name and the excerpt, not the page's title)."""
    return page.locator(f"{RESULTS} a").evaluate_all(
        "els => els.map(a => ({href: a.href, shown: [...a.querySelectorAll('.site-search__section, "
        ".site-search__excerpt')].map(e => e.textContent).join(' ')}))"
    )


def test_the_golden_set(search_tabs):
    found, misses, wrong_first = 0, [], []
    for lang, query, expect in QUERIES:
        page = search_tabs(lang)
        set_both_languages(page, False)
        search(page, query)
        shown = results(page)
        wanted = {urls.site_path(lang, e.split("#")[0].lstrip("/")) + "#" + e.split("#")[1] for e in expect}
        addresses = [(lambda u: u.path + "#" + unquote(u.fragment))(urlsplit(r["href"])) for r in shown]
        if wanted & set(addresses[:SHOWN]):
            found += 1
        else:
            misses.append(f"{lang} {query!r}: wanted {sorted(wanted)}, first results {addresses[:SHOWN]}")
        first = shown[0]["shown"] if shown else ""
        absent = [w for w in words_typed(query) if not holds_whole(first, w)]
        if absent:
            wrong_first.append(f"{lang} {query!r}: the first result ({addresses[:1]}) lacks {absent}: {first[:120]!r}")
    recall = found / len(QUERIES)
    print(f"\nsearch golden set: recall at {SHOWN} = {found}/{len(QUERIES)} = {recall:.3f}")
    assert len(QUERIES) >= 30
    assert not wrong_first, "\n".join(wrong_first)
    assert recall >= RECALL, f"recall {recall:.3f} < {RECALL}:\n" + "\n".join(misses)
