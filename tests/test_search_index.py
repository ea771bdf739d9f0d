"""The search index that Pagefind writes into site/pagefind/: one index per language, holding only
the article of each page (no navigation, footer, item ids, permalink lines, copy-link controls, nor
the /m/<id>/ permalink pages), and a failed indexing that keeps the last good index."""

from __future__ import annotations

import json
import re
import shutil
import time
from html import unescape
from pathlib import Path

import pytest

from strategy_site.checking import limits, redirects
from strategy_site.publishing import cli, search_index
from strategy_site.rendering import render, ui
from strategy_site.structure import pages, urls
from strategy_site.structure.model import LANGS

from conftest import fragments, run_cli


def indexed_pages(strategy) -> dict[str, set[str]]:
    """The site paths that should be indexed, per language: every page whose front matter does not
    say `search: exclude` (the summary and the accessibility statement)."""
    out: dict[str, set[str]] = {lang: set() for lang in LANGS}
    rendered = render.render_pages(strategy)
    for page in pages.site_pages(strategy):
        for lang in LANGS:
            if not re.search(r"^search:\n(  \w+: .*\n)*  exclude: true$", rendered[f"{lang}/{page.source}"], re.M):
                out[lang].add(urls.site_path(lang, page.url))
    return out


def test_one_index_per_language_with_every_page_but_the_summary(site: Path, strategy) -> None:
    entry = json.loads((site / search_index.BUNDLE / "pagefind-entry.json").read_text("utf-8"))
    expected = indexed_pages(strategy)
    assert set(entry["languages"]) == set(LANGS)
    for lang in LANGS:
        assert entry["languages"][lang]["page_count"] == len(expected[lang]), lang
    assert set(fragments(site)) == expected["ja"] | expected["en"]


def chrome_and_marks(lang: str, measures, strategy) -> list[str]:
    """Words that are on the pages but not in their article, or marked as not for search: the
    footer's source line, and for each measure its id and its permalink line (shown in print)."""
    words = [
        ui.ui("footer_unofficial", lang, source=ui.ui("source_of", lang, title=strategy.source_title[lang])),
        ui.UI["permalink"][lang] + ui.UI["label_sep"][lang],
    ]
    return words + [m.id for m in measures]


def found(words: list[str], text: str) -> list[str]:
    """The words that are in the text (an id only as a whole id, not inside a longer one)."""
    return [w for w in words if re.search(rf"(?<![\w-]){re.escape(w)}(?![\w-])", text)]


def _text(html: str) -> str:
    return unescape(re.sub(r"<[^>]+>", " ", re.sub(r"<(script|style)\b.*?</\1>", " ", html, flags=re.S)))


@pytest.mark.parametrize("lang", LANGS)
def test_only_the_article_is_indexed(site: Path, strategy, lang: str) -> None:
    pillar = strategy.pillars[0]
    path = urls.site_path(lang, urls.page_url(pages.pillar(pillar.id)))
    html = (site / path.lstrip("/") / "index.html").read_text("utf-8")
    # The check can fail: the pillar page as served shows every one of these words ...
    shown = chrome_and_marks(lang, [m for m in strategy.measures if m.pillar_id == pillar.id], strategy)
    assert found(shown, re.sub(r"\s+", " ", _text(html))) == shown, "the page no longer shows these"
    assert ui.UI["copy_link"][lang] in html
    # ... and no page's index record holds any of them, nor the copy-link controls. (The about
    # page's citing example quotes one id in its text: there it is the article's own words.)
    words = chrome_and_marks(lang, strategy.measures, strategy) + [ui.UI["copy_link"][lang]]
    about = urls.site_path(lang, urls.page_url(pages.SOURCE["about"]))
    for url, record in fragments(site).items():
        if url.startswith(urls.site_path("en", "")) == (lang == "en") and url != about:
            assert found(words, record["content"]) == [], url


def test_a_measure_is_an_anchor_of_its_pillar_page(site: Path, strategy) -> None:
    """search.js lands a result on the nearest anchor before the words found: the measures are
    among the anchors of their page's record."""
    records = fragments(site)
    for measure in strategy.measures:
        record = records[urls.site_path("en", urls.page_url(pages.pillar(measure.pillar_id)))]
        assert measure.id in {a["id"] for a in record["anchors"]}, measure.id


def test_a_failed_indexing_says_why_and_keeps_the_last_index(tmp_path: Path, site: Path, monkeypatch, capsys) -> None:
    copy = Path(shutil.copytree(site, tmp_path / "site"))
    before = sorted(p.relative_to(copy) for p in (copy / search_index.BUNDLE).rglob("*"))
    monkeypatch.setattr(search_index, "executable", lambda: Path("/bin/false"))
    assert cli.index_site(copy) is False
    message = capsys.readouterr().err
    assert message == "error: the search index could not be written (status 1), so site/ was left as it was.\n"
    assert sorted(p.relative_to(copy) for p in (copy / search_index.BUNDLE).rglob("*")) == before
    assert [p.name for p in tmp_path.glob(".pagefind-*")] == []  # no scratch left behind


def test_a_missing_indexer_is_named_with_what_to_do(monkeypatch) -> None:
    monkeypatch.setattr(search_index, "_shipped_binary", lambda: Path("/nonexistent/pagefind_extended"))
    with pytest.raises(search_index.SearchIndexError, match=r"program is missing .*run ./scripts/build again"):
        search_index.executable()


# -- As many redirected top-level addresses as the check accepts, each with the longest name it
# accepts: the indexer's one command-line argument (the list of folders) stays short enough to start.


def test_the_folder_list_falls_back_before_the_command_line_would_refuse_it(tmp_path: Path) -> None:
    for lang_folder in ("", "en"):
        for n in range(limits.MAX_REDIRECTS):
            (tmp_path / lang_folder / f"{n:03d}".ljust(redirects.MAX_PART_BYTES, "x")).mkdir(parents=True)
    glob = search_index.pages_glob(tmp_path)
    assert glob == "**/*.{html}"  # the folder list would be over 2 x 500 x 120 bytes
    assert len(glob.encode()) <= search_index.MAX_GLOB_BYTES
    for n in range(limits.MAX_REDIRECTS):
        for lang_folder in ("", "en"):
            (tmp_path / lang_folder / f"{n:03d}".ljust(redirects.MAX_PART_BYTES, "x")).rmdir()
    (tmp_path / "pillars").mkdir()
    assert search_index.pages_glob(tmp_path) == "{*.html,pillars/**/*.html,en/*.html}"  # a few: listed


@pytest.mark.site
def test_the_most_redirects_the_check_accepts_build_and_index(project: Path) -> None:
    names = [f"retired-{n:03d}-".ljust(redirects.MAX_PART_BYTES, "x") for n in range(limits.MAX_REDIRECTS)]
    (project / "data" / "redirects.yaml").write_text(
        "redirects:\n" + "".join(f"  - from: {name}/\n    to: measures/\n" for name in names), "utf-8"
    )
    result = run_cli(project, "build")
    assert result.returncode == 0, result.stderr[-2000:]
    site = project / "site"
    assert (site / names[-1] / "index.html").is_file() and (site / "en" / names[0] / "index.html").is_file()
    entry = json.loads((site / search_index.BUNDLE / "pagefind-entry.json").read_text("utf-8"))
    assert all(entry["languages"][lang]["page_count"] >= 10 for lang in LANGS)


# -- Names, and what the excerpts must not carry (issue 26, "a search that finds names").


def _item_words(record: dict, ident: str) -> str:
    """The indexed words of an item: from its anchor to the next one, without Pagefind's zero-width
    spaces between Japanese words."""
    words = [w for w in re.split(r"[\s\u200b]+", record["content"]) if w]
    starts = sorted(a["location"] for a in record["anchors"])
    at = next(a["location"] for a in record["anchors"] if a["id"] == ident)
    end = next((s for s in starts if s > at), len(words))
    return " ".join(words[at:end])


@pytest.mark.parametrize("lang", LANGS)
def test_an_item_is_found_by_the_official_names_its_text_abbreviates(site: Path, strategy, lang: str) -> None:
    """The K Program's measure says 'K program'; its official name (data/names.yaml, through the glossary
    term the text uses) is indexed on the item, not shown on the page nor read out."""
    measure = strategy.measure("k-program-rd-support")
    official = next(n for n in strategy.names if n.id == "name-k-program").name[lang]
    assert official not in measure.text[lang]  # the check can fail: the text does not say it
    record = fragments(site)[urls.site_path(lang, urls.page_url(pages.pillar(measure.pillar_id)))]
    assert official.replace(" ", "") in _item_words(record, measure.id).replace(" ", "")
    html = site / urls.site_path(lang, urls.page_url(pages.pillar(measure.pillar_id))).lstrip("/") / "index.html"
    shown = re.sub(r"\s+", " ", _text(html.read_text("utf-8")))
    assert official not in shown, "the official name is indexed, not shown twice"
    assert strategy.search_names(measure.id, lang) == (official,)


def test_names_already_shown_are_not_repeated(strategy) -> None:
    for item in strategy.measures:
        for lang in LANGS:
            for name in strategy.search_names(item.id, lang):
                assert name.casefold() not in item.text[lang].casefold(), (item.id, name)


@pytest.mark.parametrize("lang", LANGS)
def test_no_link_labels_schema_words_or_other_language_names_in_the_index(site: Path, strategy, lang: str) -> None:
    """Excerpts once began 「詳細） 量子、…」 (the short links' labels), the open data page's column
    descriptions answered 'AI', and the Japanese glossary's records carried the English names."""
    records = {u: r for u, r in fragments(site).items() if u.startswith(urls.site_path("en", "")) == (lang == "en")}
    labels = [ui.UI[key][lang] for key in ("open", "budget")]
    for url, record in records.items():
        text = record["content"].replace("\u200b", "")
        for label in labels:
            paren = ui.UI["paren_open"][lang] + label + ui.UI["paren_close"][lang]
            assert paren not in text, (url, paren)
    data = records[urls.site_path(lang, urls.page_url(pages.SOURCE["data"]))]["content"]
    assert not re.search(r"(?<![A-Za-z])AI(?![A-Za-z])", data), "the open data page's column descriptions"
    glossary = records[urls.site_path(lang, urls.page_url(pages.SOURCE["glossary"]))]["content"].replace("\u200b", "")
    other = "en" if lang == "ja" else "ja"
    for term in strategy.glossary:
        if term.name[other] != term.name[lang]:
            assert term.name[other] not in glossary, term.id


# -- Markup only the indexer reads is not published ------------------------------------------------


def test_no_published_page_carries_what_only_the_indexer_reads(site: Path, strategy) -> None:
    """The names an item is found by and a page's filter values are in the index (the tests above), but
    taken out of the pages a reader downloads; everything else of the page stays."""
    pages_with_names = 0
    for page in site.rglob("*.html"):
        if search_index.BUNDLE in page.relative_to(site).parts[:1]:
            continue
        text = page.read_text("utf-8")
        assert 'class="search-names"' not in text and "data-pagefind-filter" not in text, page.relative_to(site)
        pages_with_names += "copy-link" in text
    assert pages_with_names > 10
    records = fragments(site)
    k_program = next(n for n in strategy.names if n.id == "name-k-program")
    assert any(k_program.name.ja in json.dumps(r, ensure_ascii=False) for r in records.values())


@pytest.mark.parametrize(
    "names", ["AI", "Cabinet Office &#40;CSTI&#41;", "経済安全保障重要技術育成プログラム &#47; K Program", ""]
)
def test_stripping_takes_out_exactly_the_index_only_markup(tmp_path: Path, names: str) -> None:
    rendered = render.filter_marks({"topic": ("ai", "quantum"), "pillar": (), "slide": ("1",)})
    kept = '<p>Text <span class="sr-only">words</span><a class="copy-link" href="#x">#</a></p>'
    page = tmp_path / "en" / "index.html"
    page.parent.mkdir()
    names_span = f'<span class="search-names" data-pagefind-index-attrs="data-names" data-names="{names}"></span>'
    page.write_text(f"<article>{kept.replace('<a ', names_span + '<a ')}{rendered}</article>", "utf-8")
    untouched = tmp_path / "pagefind" / "x.html"
    untouched.parent.mkdir()
    untouched.write_text(names_span, "utf-8")
    assert search_index.strip_index_only(tmp_path) == 1
    assert page.read_text("utf-8") == f"<article>{kept}\n</article>"  # the marks' line, left empty
    assert untouched.read_text("utf-8") == names_span  # the index's own folder is not a page


def test_a_stopping_preview_stops_its_indexing_rather_than_wait_for_it(tmp_path: Path, monkeypatch) -> None:
    """The preview's refresher indexes at a low priority; when the preview stops, the indexing under way
    is stopped (a busy machine once took more than the 30 s a stop may take), none starts after, and
    nothing is reported."""
    slow = tmp_path / "pagefind"
    slow.write_text("#!/bin/sh\nexec sleep 120\n", "utf-8")  # one process, as Pagefind is
    slow.chmod(0o755)
    monkeypatch.setattr(search_index, "executable", lambda: slow)
    (tmp_path / "site" / "en").mkdir(parents=True)
    said: list[str] = []
    refresher = search_index.Refresher(said.append)
    refresher.request(tmp_path / "site")
    deadline = time.monotonic() + 10
    while refresher._process is None and time.monotonic() < deadline:  # noqa: SLF001 - the test waits for it
        time.sleep(0.05)
    assert refresher._process is not None, "the indexing did not start"  # noqa: SLF001
    start = time.monotonic()
    refresher.stop()
    refresher.wait(30)
    assert time.monotonic() - start < 5
    assert said == []
    refresher.request(tmp_path / "site")  # after the stop: nothing starts
    refresher.wait(1)
    assert refresher._process.poll() is not None  # noqa: SLF001
