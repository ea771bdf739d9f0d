"""Orientation and trust (issue 25, part C): who says this, when, and where the original is.

The home page and every footer say what the site is and is not, with the strategy's date and the
official page (from the edition's strategy.yaml, marked as the site's own); the original's typos are marked
where they stand; the printed date is the data's last change, not the build's day; the glossary is
ordered and leads to the items that use each term; the open data page is in the page's language,
with the terms of reuse, the data's date, each file's size and a CSV of the progress items; and a
missing address gets the 404 page of its language.
"""

from __future__ import annotations

import csv
import dataclasses
import html as html_module
import io
import os
import re
import subprocess
import unicodedata
from pathlib import Path

import yaml

from strategy_site.reading.load import data_date
from strategy_site.rendering import exports, ui
from strategy_site.rendering import format as fmt
from strategy_site.structure import pages, urls
from strategy_site.structure.model import LANGS

from browser_site import new_tab
from conftest import ROOT, copy_project, edition_data, run_cli

OFFICIAL = "https://www8.cao.go.jp/cstp/tougosenryaku/index.html"


def _page(site: Path, lang: str, path: str) -> str:
    return (site / urls.site_path(lang, path).lstrip("/") / "index.html").read_text("utf-8")


def _text(html: str) -> str:
    """The visible text of some HTML, tags dropped, entities read, white space squeezed."""
    html = re.sub(r"<(script|style)\b.*?</\1>", " ", html, flags=re.S)
    return re.sub(r"\s+", " ", html_module.unescape(re.sub(r"<[^>]+>", "", html))).strip()


def _article(html: str) -> str:
    return html[html.index("<article") : html.index("</article>")]


def _served_pages(site: Path) -> list[tuple[str, Path]]:
    """Every page of the site in each language (not the permalink pages), with its language."""
    out = []
    for path in sorted(site.rglob("index.html")):
        parts = path.relative_to(site).parts
        lang = "en" if parts[0] == "en" else "ja"
        rest = parts[1:] if lang == "en" else parts
        if rest and rest[0] in (urls.PERMALINK_DIR, "pagefind"):
            continue
        out.append((lang, path))
    return out


# -- What the site is and is not ------------------------------------------------------------------


def test_home_page_says_what_the_site_is_with_the_date_and_the_official_page(site: Path, strategy) -> None:
    pub = strategy.publication
    assert pub.official.url == OFFICIAL and pub.decided == "2025-06-06"
    for lang, says in (("ja", "内閣府のサイトではありません"), ("en", "not the Cabinet Office's own site")):
        html = _article(_page(site, lang, urls.page_url(pages.SOURCE["home"])))
        statement = re.search(r'<div class="site-statement site-own" data-site-own[^>]*>(.*?)</div>', html, re.S)
        assert statement, lang
        body = statement.group(1)
        text = _text(body)
        # Before the source line that used to lead the page, right after the title.
        assert html.index("site-statement") < html.index("pillar-meta"), lang
        assert says in text and fmt.date("2025-06-06", lang) in text, text
        assert f'<a href="{OFFICIAL}" rel="external">{OFFICIAL}</a>' in body, lang
        assert pub.decided_source.url in body  # the source of the date, named
        assert 'class="own-mark"' in body  # the date is marked as the site's own addition


def test_every_footer_says_it_with_the_date_and_a_link_to_the_official_page(site: Path, strategy) -> None:
    served = _served_pages(site)
    assert len(served) > 20
    for lang, path in served:
        html = path.read_text("utf-8")
        footer = re.search(r'<div class="md-copyright__highlight footer-about" lang="(ja|en)">(.*?)</div>', html, re.S)
        assert footer and footer.group(1) == lang, path
        text = _text(footer.group(2))
        source = ui.ui("source_of", lang, title=strategy.source_title[lang])
        assert ui.ui("footer_unofficial", lang, source=source) in text, path
        assert fmt.date("2025-06-06", lang) in text, path
        assert f'href="{OFFICIAL}"' in footer.group(2), path
        assert re.search(r'<span class="site-own" data-site-own>[^<]*' + re.escape(fmt.date("2025-06-06", lang)), html)
        if lang == "en":
            assert "Cabinet Office" in text and not re.search(r"[\u3040-\u30ff\u4e00-\u9fff]", text), text


def test_about_page_names_the_slides_with_their_address(site: Path) -> None:
    for lang in LANGS:
        html = _article(_page(site, lang, urls.page_url(pages.SOURCE["about"])))
        line = re.search(r'<p class="site-own" data-site-own(?:="data-site-own")?>(.*?)</p>', html, re.S)
        assert line and ui.UI["about_slides_at"][lang].strip() in _text(line.group(1)), lang
        assert f'href="{OFFICIAL}"' in line.group(1)


# -- The original's typos -------------------------------------------------------------------------


def test_each_typo_of_the_original_is_marked_where_it_stands_on_every_page(site: Path, strategy) -> None:
    assert strategy.typos == ("ととともに",)
    seen = 0
    for lang, path in _served_pages(site):
        text = _text(_article(path.read_text("utf-8")))
        # In a parallel view (both frames) a typo stands in its Japanese cell, marked in Japanese.
        mark = ui.UI["sic"]["ja" if pages.PARALLEL_DIR in path.relative_to(site).parts else lang]
        for typo in strategy.typos:
            for found in re.finditer(re.escape(typo), text):
                seen += 1
                after = text[found.end() : found.end() + len(mark)]
                assert after == mark, f"{path}: {text[found.start() - 20 : found.end() + 20]}"
    # The history page's two closing lines (Japanese; the English pages translate them), and the same
    # two in the history page's parallel view, in each language's frame.
    assert seen == 2 + 2 * 2
    history = _article(_page(site, "ja", urls.page_url(pages.SOURCE["history"])))
    marks = re.findall(r'<span class="sic site-own" data-site-own title="([^"]*)">([^<]*)</span>', history)
    assert marks == [(ui.UI["sic_title"]["ja"], "〔原文ママ〕")] * 2


def test_typo_parts_mark_after_each_typo(strategy) -> None:
    s = dataclasses.replace(strategy, typos=("ととともに", "誤字"))
    assert s.typo_parts("AととともにB誤字C") == [("Aととともに", True), ("B誤字", True), ("C", False)]
    assert s.typo_parts("誤字") == [("誤字", True)]
    assert s.typo_parts("") == [("", False)]
    assert s.typo_parts("とともに") == [("とともに", False)]


# -- The data's date ------------------------------------------------------------------------------


def test_data_date_is_the_last_commit_that_touched_the_data(tmp_path: Path) -> None:
    data = tmp_path / "data"
    data.mkdir()
    (data / "a.yaml").write_text("a: 1\n", "utf-8")
    env = {
        **os.environ,
        "GIT_AUTHOR_DATE": "2024-05-06T12:00:00+09:00",
        "GIT_COMMITTER_DATE": "2024-05-06T12:00:00+09:00",
        "GIT_AUTHOR_NAME": "t",
        "GIT_AUTHOR_EMAIL": "t@example.invalid",
        "GIT_COMMITTER_NAME": "t",
        "GIT_COMMITTER_EMAIL": "t@example.invalid",
    }
    for args in (["init", "-q"], ["add", "."], ["commit", "-qm", "data"]):
        subprocess.run(["git", *args], cwd=tmp_path, env=env, check=True)
    os.utime(data / "a.yaml", (1_900_000_000, 1_900_000_000))  # a later mtime: the commit counts
    assert data_date(data) == "2024-05-06"
    (data / "a.yaml").write_text("a: 2\n", "utf-8")  # an uncommitted change: its time counts
    os.utime(data / "a.yaml", (1_800_000_000, 1_800_000_000))
    assert data_date(data) == "2027-01-15"


def test_printed_date_is_the_datas_date_not_the_build_day(tmp_path: Path) -> None:
    """Built outside git with SOURCE_DATE_EPOCH at 2031-03-04: every page prints the data files'
    newest modification day (2025-07-08) as the data's date, and never the build's day."""
    root = copy_project(tmp_path)
    stamp = 1_751_976_000  # 2025-07-08 12:00 UTC
    for path in (root / "data").rglob("*"):
        os.utime(path, (stamp - 86_400, stamp - 86_400))
    os.utime(edition_data(root) / "glossary.yaml", (stamp, stamp))
    result = run_cli(root, "build", env={"SOURCE_DATE_EPOCH": "1930478400"})  # 2031-03-04
    assert result.returncode == 0, result.stdout + result.stderr
    site = root / "site"
    for lang, path in _served_pages(site):
        html = path.read_text("utf-8")
        want = ui.UI["print_version"][lang].format(date="2025-07-08")
        assert f'@top-right {{ content: "{want}"; }}' in html, path
        assert "2031-03-04" not in html and "2031年3月4日" not in html and "4 March 2031" not in html, path
    for lang in LANGS:
        data_page = _page(site, lang, urls.page_url(pages.SOURCE["data"]))
        assert ui.UI["data_as_of"][lang].format(date=fmt.date("2025-07-08", lang)) in _text(data_page)


# -- The glossary ---------------------------------------------------------------------------------


def _gojuon(reading: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFD", reading) if c not in "\u3099\u309a\u30fc\u30fb")


def _terms_shown(site: Path, lang: str) -> list[tuple[str, str, list[str]]]:
    """(id, the term's line, the anchors its links lead to) in the order the glossary shows them."""
    html = _article(_page(site, lang, urls.page_url(pages.SOURCE["glossary"])))
    out = []
    for m in re.finditer(r'<dt id="([a-z0-9-]+)">(.*?)</dt>(.*?)(?=<dt |</dl>)', html, re.S):
        used = re.search(r'<dd class="glossary-used"[^>]*>(.*?)</dd>', m.group(3), re.S)
        links = re.findall(r'<a href="([^"]+)"', used.group(1)) if used else []
        out.append((m.group(1), _text(m.group(2)), links))
    return out


def test_glossary_is_in_reading_order_in_japanese_and_in_english_order_in_english(site: Path) -> None:
    readings = {
        t["id"]: t["reading"]
        for t in yaml.safe_load((edition_data(ROOT) / "glossary.yaml").read_text("utf-8"))["terms"]
    }
    ja = [ident for ident, _, _ in _terms_shown(site, "ja")]
    assert sorted(ja) == sorted(readings)
    keys = [_gojuon(readings[i]) for i in ja]
    assert keys == sorted(keys), list(zip(ja, keys, strict=True))
    assert ja[0] == "term-think-tank" and ja[-1] == "term-g-quat"  # あんぜん… first, りょうし… last
    en = _terms_shown(site, "en")
    names = [line.casefold() for _, line, _ in en]
    assert names == sorted(names), names


def test_glossary_has_the_terms_the_pages_name_and_each_leads_to_the_items_that_use_it(site: Path, strategy) -> None:
    shown = {ident: links for ident, _, links in _terms_shown(site, "ja")}
    for ident in (
        "term-moonshot",
        "term-society-5",
        "term-research-security-integrity",
        "term-excellence-universities",
    ):
        assert ident in shown, ident
    by_id = {t.id: t for t in strategy.glossary}
    for ident, links in shown.items():
        term = by_id[ident]
        users = [
            i
            for i in (it.id for k in pages.ITEM_KINDS for it in k.items(strategy))
            if any(f in strategy.item_text(i).ja for f in term.finds)
        ]
        assert len(links) == len(users), ident
        for link in links:
            anchor = link.rpartition("#")[2]
            assert any(f in strategy.item_text(anchor).ja for f in term.finds), (ident, link)
    # The four terms the issue names lead to a measure on its pillar page.
    for ident in ("term-moonshot", "term-society-5", "term-excellence-universities", "term-k-program"):
        assert any(
            "/pillars/" in link and strategy.kind_of(link.rpartition("#")[2]) == "measure" for link in shown[ident]
        ), ident
    # 研究セキュリティ・インテグリティ is named by slide 1's box and by a progress item, not by a measure.
    assert shown["term-research-security-integrity"]


# -- The open data page ---------------------------------------------------------------------------

# What may stay in Latin letters on the Japanese page: file names, formats, units and the licence's name.
_LATIN_OK = re.compile(
    r"JSON Schema|CC BY 4\.0|[A-Za-z0-9_./-]+\.(?:json|csv)|\b(?:JSON|CSV|BOM|UTF-8|Excel|KB|ID|https?://\S+)\b"
)


def test_open_data_page_is_in_japanese_with_terms_date_and_sizes(site: Path, strategy) -> None:
    html = _article(_page(site, "ja", urls.page_url(pages.SOURCE["data"])))
    without_code = re.sub(r"<code>.*?</code>", " ", html, flags=re.S)
    text = _LATIN_OK.sub(" ", _text(without_code))
    english = re.findall(r"[A-Za-z]{2,}(?:[ ,]+[A-Za-z]{2,})+", text)
    assert english == [], english
    assert "CC BY 4.0" in _text(html) and 'href="https://www.cao.go.jp/notice/rule.html"' in html
    assert re.search(r'<div class="site-own" data-site-own(?:="data-site-own")?>\s*<p>原文の内容は', html)
    # the date of the copy the site was built from (a copy without git: its newest file's day, which
    # need not be the day of the project's last commit to data/)
    built_on = data_date(site.parent / "data")
    assert ui.UI["data_as_of"]["ja"].format(date=fmt.date(built_on, "ja")) in _text(html)
    for lang in LANGS:
        page = _article(_page(site, lang, urls.page_url(pages.SOURCE["data"])))
        sizes = re.findall(
            r'<li><a href="([^"]+)"><code>[^<]*</code></a>[^<]*'
            r'<span class="file-size" data-bytes="(\d+)">([^<]*)</span></li>',
            page,
        )
        assert len(sizes) == len(exports.EXPORTS) + len(list((ROOT / "data/schema").glob("*.schema.json")))
        for name, size, shown in sizes:
            real = (site / urls.LANG_PREFIX[lang] / "data" / name).stat().st_size
            assert int(size) == real, name
            assert ui.UI["bytes"][lang].format(n=f"{real:,}") in shown and f"{real / 1024:.1f} KB" in shown, shown


def test_progress_csv_has_one_row_per_progress_item(site: Path, strategy) -> None:
    raw = (site / "data" / "progress.csv").read_text("utf-8")
    assert raw.startswith("\ufeff")
    rows = list(csv.DictReader(io.StringIO(raw.removeprefix("\ufeff"))))
    assert [r["id"] for r in rows] == [i.id for i in strategy.progress_items]
    first = strategy.progress_items[0]
    assert rows[0]["text_ja"] == first.text.ja and rows[0]["text_en"] == first.text.en
    assert rows[0]["measure_ids"] == " ".join(first.advances)
    assert rows[0]["site_own_columns"].split() == ["measure_ids", "topics"]  # the site's reading, both
    assert (site / "en" / "data" / "progress.csv").read_bytes() == (site / "data" / "progress.csv").read_bytes()


def test_progress_csv_guards_against_formulas(strategy) -> None:
    section = strategy.progress[0]
    item = dataclasses.replace(section.items[0], text=dataclasses.replace(section.items[0].text, ja="=1+1", en="@x"))
    s = dataclasses.replace(strategy, progress=(dataclasses.replace(section, items=(item,)),))
    row = next(csv.DictReader(io.StringIO(exports.progress_csv(s).removeprefix("\ufeff"))))
    assert row["text_ja"] == "'=1+1" and row["text_en"] == "'@x"


# -- The 404 page, in the language of the address -------------------------------------------------


def _answer_404(body: bytes):
    return lambda route: route.fulfill(status=404, body=body, content_type="text/html")


def test_404_page_is_in_the_language_of_the_address(site: Path, server: str, browser) -> None:
    """A server answers a missing address with the 404 page of its language (tests/test_nginx.py runs
    the publishing guide's nginx configuration); here the browser reads each and uses its ways on."""
    page = new_tab(browser)
    try:
        for lang, missing in (("ja", "xx/nonexistent"), ("en", "en/xx/nonexistent")):
            body = (site / urls.LANG_PREFIX[lang] / "404.html").read_bytes()
            page.route(f"**/{missing}", _answer_404(body))
            response = page.goto(server + missing)
            assert response is not None and response.status == 404
            assert page.evaluate("document.documentElement.lang") == lang
            assert page.locator("article h1").inner_text() == ui.UI["not_found_title"][lang]
            # the header and navigation are in the page's language too
            nav = page.locator(".md-nav--primary").first.inner_text()
            assert ui.UI["measures"][lang] in nav and ui.UI["glossary"][lang] in nav, nav
            measures = page.locator(f'article a:text-is("{ui.UI["measures"][lang]}")')
            assert measures.count() == 1
            assert measures.get_attribute("href") == urls.site_path(lang, urls.page_url(pages.SOURCE["measures"]))
            page.locator("article [data-search-open]").click()
            page.wait_for_function("document.getElementById('__search').checked")
            assert page.evaluate("document.activeElement.classList.contains('md-search__input')")
            page.keyboard.press("Escape")
            measures.click()
            page.wait_for_load_state("load")
            assert page.url.endswith(urls.site_path(lang, urls.page_url(pages.SOURCE["measures"])))
            page.unroute(f"**/{missing}")
    finally:
        page.context.close()
