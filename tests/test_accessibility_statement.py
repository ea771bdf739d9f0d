"""The accessibility statement (/accessibility/, /en/accessibility/): its facts come from
data/accessibility.yaml, and they claim nothing the tests do not show: the tools and versions are
the ones the tests run, the conditions are the tests' own, and the findings listed are exactly the
ones the pa11y test judges. It is linked from every page's footer, and broken data gets a clear line."""

from __future__ import annotations

import datetime
import json
import posixpath
import re
import shutil
from collections import Counter
from html.parser import HTMLParser
from pathlib import Path

import axe_playwright_python
import pytest
from test_browser_a11y import AXE_TAGS
from test_browser_pa11y import JUDGED

from strategy_site.publishing import cli
from strategy_site.structure import pages, urls
from strategy_site.structure.model import LANGS

from browser_site import SCHEMES, WIDTHS
from conftest import ROOT, site_pages


@pytest.fixture(scope="module")
def statement(strategy) -> dict:
    """data/accessibility.yaml, as the build reads it."""
    return strategy.accessibility


@pytest.fixture(scope="module")
def tested(statement: dict) -> dict:
    return statement["tested"]


def test_the_tools_are_the_ones_the_tests_run_in_the_versions_they_run(tested: dict):
    tools = {t["name"]: t["version"] for t in tested["tools"]}
    axe_js = Path(axe_playwright_python.__file__).with_name("axe.min.js").read_text("utf-8")[:200]
    axe_version = re.search(r"axe v(\d+\.\d+\.\d+)", axe_js).group(1)
    pa11y_version = json.loads((ROOT / "tests" / "pa11y" / "package.json").read_text("utf-8"))["dependencies"]["pa11y"]
    assert tools == {"axe-core": axe_version, "pa11y": pa11y_version}


def test_the_rules_and_conditions_are_the_tests_own(tested: dict):
    rules = {t["name"]: t["rules"]["en"] for t in tested["tools"]}
    # axe: the WCAG 2.0, 2.1 and 2.2 A and AA tags (wcag22a has no rule of its own in axe)
    assert AXE_TAGS == ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
    assert rules["axe-core"] == "the WCAG 2.0, 2.1 and 2.2 level A and AA rules"
    assert "WCAG 2 level AA" in rules["pa11y"]
    conditions = " ".join(c["en"] for c in tested["conditions"])
    for width in WIDTHS.values():
        assert f"{width} pixels" in conditions, conditions
    assert set(SCHEMES) == {"light", "dark"} and "light and dark mode" in conditions
    assert "pa11y in light mode only" in conditions  # test_browser_pa11y.py does not switch to dark


def test_the_findings_are_the_ones_the_pa11y_test_judges(tested: dict):
    not_failures = Counter(f["code"] for f in tested["findings"] if f["decision"] == "not a failure")
    assert not_failures == Counter(code for code, _ in JUDGED)
    fixed = {f["code"] for f in tested["findings"] if f["decision"] == "fixed"}
    assert not fixed & {code for code, _ in JUDGED}, "a finding cannot be both fixed and judged"
    counts = {"one": 1, "two": 2, "three": 3}
    result = " ".join(r["en"] for r in tested["result"])
    m = re.search(r"(\w+) was fixed, and (\w+) were judged", result)
    assert m and (counts[m[1]], counts[m[2]]) == (len(fixed), sum(not_failures.values())), result


def test_the_date_is_a_real_day_not_in_the_future(tested: dict):
    day = datetime.date.fromisoformat(tested["date"])
    assert day <= datetime.date.today()


def test_it_claims_no_conformance(tested: dict):
    """Automated tests alone cannot show conformance: the statement names the target and says so."""
    result = " ".join(r["en"] for r in tested["result"])
    assert "does not claim conformance" in result
    method = " ".join(r["en"] for r in tested["method"])
    assert "automated tools only" in method and "not yet been checked" in method


class _Page(HTMLParser):
    def __init__(self):
        super().__init__()
        self.footer_links: list[str] = []
        self.headings: list[str] = []
        self.text: list[str] = []
        self._footer = 0
        self._heading = False

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "footer":
            self._footer += 1
        if tag == "a" and "footer-accessibility" in (a.get("class") or ""):
            self.footer_links.append(a.get("href", ""))
        if tag in ("h1", "h2"):
            self._heading = True
            self.headings.append("")

    def handle_endtag(self, tag):
        if tag == "footer":
            self._footer -= 1
        if tag in ("h1", "h2"):
            self._heading = False

    def handle_data(self, data):
        self.text.append(data)
        if self._heading:
            self.headings[-1] += data.strip()


def parse(path: Path) -> _Page:
    page = _Page()
    page.feed(path.read_text("utf-8"))
    return page


HEADINGS = {
    "ja": ["ウェブアクセシビリティ方針", "方針", "対象範囲", "試験結果", "アクセシブルでない部分", "別の形式での入手"],
    "en": [
        "Accessibility statement",
        "Our aim",
        "Scope",
        "Test results",
        "What is not accessible",
        "How to get the content in another form",
    ],
}


@pytest.mark.parametrize("lang", LANGS)
def test_the_statement_shows_the_data_in_each_language(site: Path, statement: dict, tested: dict, lang: str):
    path = site / urls.site_path(lang, urls.page_url(pages.SOURCE["accessibility"])).lstrip("/") / "index.html"
    page = parse(path)
    assert page.headings[: len(HEADINGS[lang])] == HEADINGS[lang]
    text = re.sub(r"\s+", " ", "".join(page.text))
    expected = [
        *(s[lang] for s in statement["scope"]),
        *(s[lang] for s in tested["method"]),
        *(s[lang] for s in tested["result"]),
        *(s[lang] for s in statement["not_accessible"]),
        *(s[lang] for s in statement["alternative"]),
        *(f["code"] for f in tested["findings"]),
        *(f["reason"][lang] for f in tested["findings"]),
        *(t["version"] for t in tested["tools"]),
        "JIS X 8341-3:2016",
    ]
    missing = [e for e in expected if e not in text]
    assert not missing, missing
    day = datetime.date.fromisoformat(tested["date"])
    assert (f"{day.year}年{day.month}月{day.day}日" if lang == "ja" else f"{day.day} {day:%B} {day.year}") in text


@pytest.mark.parametrize("lang", LANGS)
def test_every_page_links_to_the_statement_from_its_footer(site: Path, strategy, lang: str):
    statement = urls.site_path(lang, urls.page_url(pages.SOURCE["accessibility"]))
    for site_page in site_pages(strategy):
        here = urls.site_path(lang, site_page.path)
        links = parse(site / here.lstrip("/") / "index.html").footer_links
        assert [posixpath.normpath(posixpath.join(here, href)) + "/" for href in links] == [statement], (here, links)
    # each language's 404 page (404.html, en/404.html) links to the statement in its language
    links = parse(site / urls.LANG_PREFIX[lang] / "404.html").footer_links
    assert links == [statement]


@pytest.fixture
def data(tmp_path: Path) -> Path:
    target = tmp_path / "data"
    shutil.copytree(ROOT / "data", target)
    return target


def test_a_wrong_decision_gets_one_clear_line(data: Path, capsys):
    path = data / "accessibility.yaml"
    text = path.read_text("utf-8")
    path.write_text(text.replace("decision: fixed", "decision: done", 1), "utf-8")
    line = next(i for i, text in enumerate(path.read_text("utf-8").splitlines(), 1) if "decision: done" in text)
    assert cli.main(["check", "--data", str(data)]) == 1
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 2, err
    assert err[0].startswith(f"{path}:{line}:")
    assert (
        "field 'tested.findings[1].decision': 'done' is not allowed here. Use one of: fixed, not a failure." in err[0]
    )


def test_a_missing_english_text_and_an_unknown_tool_are_named(data: Path, capsys):
    path = data / "accessibility.yaml"
    text = path.read_text("utf-8")
    text = text.replace("    - name: pa11y\n", "    - name: wave\n", 1)
    text = re.sub(r'\n    en: "Search on this site needs JavaScript[^\n]*', "", text, count=1)
    path.write_text(text, "utf-8")
    assert cli.main(["check", "--data", str(data)]) == 1
    err = capsys.readouterr().err
    assert "field 'tested.tools[2].name': 'wave' is not allowed here. Use one of: axe-core, pa11y." in err, err
    assert "field 'not_accessible[1]': the English text 'en' is missing." in err, err
    assert "Traceback" not in err


def test_a_missing_statement_file_is_named(data: Path, capsys):
    (data / "accessibility.yaml").unlink()
    assert cli.main(["check", "--data", str(data)]) == 1
    err = capsys.readouterr().err
    assert "accessibility.yaml:1:1: the file is missing. Every build needs it" in err, err
