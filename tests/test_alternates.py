"""Language alternates: built for an address (SITE_URL), every page names itself and its other-language
page with absolute hreflang links, plus an x-default (the Japanese page), and they agree with the
sitemap. Each alternate is a page the build wrote, and names the same alternates back."""

from __future__ import annotations

import re
import shutil
import xml.etree.ElementTree as ET
from html.parser import HTMLParser
from pathlib import Path

from strategy_site.structure import pages, urls
from strategy_site.structure.model import LANGS

from conftest import PUBLISHED_AT, site_pages

SITEMAP_NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}


class _Links(HTMLParser):
    def __init__(self):
        super().__init__()
        self.alternates: list[tuple[str, str]] = []
        self.canonical: str | None = None

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "link" and a.get("rel") == "alternate" and "hreflang" in a:
            self.alternates.append((a["hreflang"], a.get("href", "")))
        if tag == "link" and a.get("rel") == "canonical":
            self.canonical = a.get("href")


def links_of(path: Path) -> _Links:
    parser = _Links()
    parser.feed(path.read_text("utf-8"))
    return parser


def file_of(site: Path, url: str) -> Path | None:
    """The built file an absolute URL of the site stands for, or None if it is not the site's."""
    if not url.startswith(PUBLISHED_AT):
        return None
    return site / url[len(PUBLISHED_AT) :] / "index.html"


def alternate_problems(site: Path, strategy) -> list[str]:
    problems = []
    sitemap = {}
    for entry in ET.parse(site / "sitemap.xml").getroot().findall("s:url", SITEMAP_NS):
        loc = entry.find("s:loc", SITEMAP_NS).text
        sitemap[loc] = {x.get("hreflang"): x.get("href") for x in entry.findall("x:link", SITEMAP_NS)}
    for page in site_pages(strategy):
        expected = {lang: PUBLISHED_AT + urls.site_path(lang, page.path).lstrip("/") for lang in LANGS}
        expected["x-default"] = expected["ja"]
        for lang in LANGS:
            path = site / urls.site_path(lang, page.path).lstrip("/") / "index.html"
            where = f"{lang} /{page.path}"
            found = links_of(path)
            given = dict(found.alternates)
            if len(given) != len(found.alternates):
                problems.append(f"{where}: an hreflang is given twice: {found.alternates}")
            if given != expected:
                problems.append(f"{where}: alternates {given}, expected {expected}")
            for hreflang, href in found.alternates:
                target = file_of(site, href)
                if target is None or not target.exists():
                    problems.append(f"{where}: the {hreflang} alternate {href} is no page of the site")
                elif dict(links_of(target).alternates) != given:
                    problems.append(f"{where}: the {hreflang} alternate {href} does not name the same alternates back")
            if found.canonical != expected[lang]:
                problems.append(f"{where}: canonical {found.canonical}, expected {expected[lang]}")
            in_sitemap = sitemap.get(expected[lang])
            if in_sitemap is None:
                problems.append(f"{where}: {expected[lang]} is not in sitemap.xml")
            elif in_sitemap != {k: v for k, v in expected.items() if k in LANGS}:
                problems.append(f"{where}: sitemap.xml gives {in_sitemap}, the page {given}")
    return problems


def test_every_page_has_absolute_alternates_that_match_the_sitemap(published_site, strategy):
    problems = alternate_problems(published_site, strategy)
    assert not problems, "\n".join(problems)


def test_404_page_names_no_alternate(published_site):
    """The 404 page stands for any missing address: it has no other-language version of its own."""
    assert links_of(published_site / "404.html").alternates == []


def test_the_alternate_check_sees_a_relative_link_and_a_missing_x_default(published_site, strategy, tmp_path):
    """The check above can fail: a relative alternate and a dropped x-default are reported."""
    site = tmp_path / "site"
    shutil.copytree(published_site, site)
    budget = site / "budget" / "index.html"
    html = budget.read_text("utf-8")
    english = urls.site_path("en", "budget/").lstrip("/")
    html = html.replace(f'href="{PUBLISHED_AT}{english}" hreflang="en"', f'href="../{english}" hreflang="en"')
    html = re.sub(r'<link rel="alternate" href="[^"]+" hreflang="x-default">', "", html)
    budget.write_text(html, "utf-8")
    problems = "\n".join(alternate_problems(site, strategy))
    assert "ja /budget/: alternates" in problems and "'en': '../en/budget/'" in problems, problems
    assert "x-default" in problems
    assert "en /budget/" in problems  # the English page's ja alternate no longer names the same back


# -- Printed permalinks: absolute where the site knows its address (SITE_URL), else a path (the local
# preview's address would send a reader of the paper to their own machine).

_PRINTED = re.compile(r'<span class="print-permalink"[^>]*>[^<]*?((?:https?://[^<\s]+)?/(?:en/)?m/[^<\s]+/)</span>')


def test_printed_permalinks_are_absolute_when_the_site_knows_its_address(
    site: Path, published_site: Path, strategy
) -> None:
    for lang in LANGS:
        for p in strategy.pillars:
            path = urls.site_path(lang, urls.page_url(pages.pillar(p.id))).lstrip("/") + "index.html"
            published = _PRINTED.findall((published_site / path).read_text("utf-8"))
            local = _PRINTED.findall((site / path).read_text("utf-8"))
            assert published and len(published) == len(local), path
            for far, near in zip(published, local, strict=True):
                assert far == PUBLISHED_AT.rstrip("/") + near, (far, near)
                assert near.startswith("/") and "127.0.0.1" not in near
