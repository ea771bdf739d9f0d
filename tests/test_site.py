"""The built site: every page in both languages, the right lang, ids as anchors, navigation."""

from __future__ import annotations

import html as html_module
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

from strategy_site.rendering.ui import ui
from strategy_site.structure import urls

from conftest import site_pages


class Page(HTMLParser):
    """The parts of a built page the tests look at."""

    def __init__(self, html: str):
        super().__init__()
        self.ids: set[str] = set()
        self.lang = None
        self.alternates: dict[str, str] = {}
        self.nav_links: list[str] = []
        self._in_nav = 0
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if "id" in a:
            self.ids.add(a["id"])
        if tag == "html":
            self.lang = a.get("lang")
        if tag == "link" and a.get("rel") == "alternate" and a.get("hreflang"):
            self.alternates[a["hreflang"]] = a["href"]
        if tag == "nav" and "md-nav--primary" in (a.get("class") or ""):
            self._in_nav += 1
        if tag == "a" and self._in_nav:
            self.nav_links.append(a.get("href", ""))

    def handle_endtag(self, tag):
        pass


def built(site: Path, lang: str, path: str) -> Path:
    return site / urls.site_path(lang, path).lstrip("/") / "index.html"


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_every_page_exists_with_its_lang(site: Path, lang: str, site_page) -> None:
    path = site_page.path
    page = Page(built(site, lang, path).read_text("utf-8"))
    assert page.lang == lang
    # Absolute hreflang alternates at the address the site is built for (here the default, the
    # local preview), the Japanese page also as x-default (test_alternates.py checks them in full).
    preview = "http://127.0.0.1:8000"
    at = {each: preview + urls.site_path(each, path) for each in ("ja", "en")}
    assert page.alternates == {**at, "x-default": at["ja"]}


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_every_measure_id_is_an_element_id_on_its_pillar_page(site: Path, strategy, lang: str) -> None:
    for pillar in strategy.pillars:
        ids = Page(built(site, lang, f"pillars/{pillar.id}/").read_text("utf-8")).ids
        missing = [m.id for m in pillar.measures if m.id not in ids]
        assert missing == []
        assert all(g.id in ids for g in pillar.groups)


def test_heading_ids_are_ascii_and_the_same_in_both_languages(site: Path, strategy) -> None:
    for path in (page.path for page in site_pages(strategy)):
        ja = Page(built(site, "ja", path).read_text("utf-8")).ids
        en = Page(built(site, "en", path).read_text("utf-8")).ids
        content_ids = {i for i in ja if not i.startswith("__")}
        assert content_ids == {i for i in en if not i.startswith("__")}, path
        assert all(re.fullmatch(r"[A-Za-z0-9_:.-]+", i) for i in ja), path
        assert not any(re.fullmatch(r"_\d+", i) for i in ja), path


@pytest.mark.parametrize(
    "lang, words",
    [
        ("ja", ["施策一覧", "予算", "用語集", "3つの柱"]),
        ("en", ["All measures", "Budget", "Glossary", "The three pillars"]),
    ],
)
def test_navigation_is_in_the_page_language(site: Path, strategy, lang: str, words: list[str]) -> None:
    html = built(site, lang, "").read_text("utf-8")
    nav = html[html.index("md-nav--primary") : html.index('class="md-content"')]
    for word in words:
        assert word in nav
    for pillar in strategy.pillars:
        assert pillar.name[lang] in nav


def test_no_page_loads_anything_from_another_host(site: Path) -> None:
    offenders = []
    for page in site.rglob("*.html"):
        html = page.read_text("utf-8")
        for m in re.finditer(r'<(?:script|link|img|iframe)\b[^>]*?(?:src|href)="(https?:)?//([^"/]+)', html):
            if not m.group(0).startswith("<link") or 'rel="stylesheet"' in m.group(0) or "preconnect" in m.group(0):
                offenders.append((page.relative_to(site).as_posix(), m.group(2)))
    assert offenders == []
    assert "fonts.googleapis.com" not in "".join(p.read_text("utf-8") for p in site.rglob("*.html"))


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_glossary_acronyms_get_tooltips_in_the_page_language(site: Path, strategy, lang: str) -> None:
    html = built(site, lang, f"pillars/{strategy.pillars[0].id}/").read_text("utf-8")
    found = dict((abbr, title) for title, abbr in re.findall(r'<abbr title="([^"]+)">([^<]+)</abbr>', html))
    for term in strategy.glossary:
        for abbr in term.abbr:
            if abbr in found:
                # the expansion, said to be the site's glossary's (it is not the overview's)
                assert html_module.unescape(found[abbr]) == term.name[lang] + ui("own_glossary", lang)
    assert {"SIP", "BRIDGE"} <= set(found)


def test_no_page_shows_a_markdown_escape(site: Path) -> None:
    """Escaped text placed where Markdown does not run (raw HTML) would show its backslashes."""
    shown = []
    for path in site.rglob("*.html"):
        html = re.sub(r"<(script|style|svg)\b.*?</\1>", " ", path.read_text("utf-8"), flags=re.S)
        text = re.sub(r"<[^>]+>", " ", html)
        shown += [
            f"{path.relative_to(site)}: {m.group(0)}" for m in re.finditer(r".{0,20}\\[!-/:-@\[-`{-~].{0,20}", text)
        ]
    assert shown == []
