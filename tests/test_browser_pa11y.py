"""A second accessibility engine beside axe: pa11y with HTML_CodeSniffer (WCAG 2 AA, errors), on every
page in both languages at 1280 and 390 px, in Debian's chromium. ./scripts/test installs pa11y into
.node/ (tests/pa11y/package-lock.json).

Each finding was judged. Where it was real, the theme overrides fix it; what remains is listed in
JUDGED with its code, the element and the reason, and anything else fails the test.
"""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path

import pytest

from strategy_site.structure.model import LANGS

from browser_site import WIDTHS, address
from conftest import CHROMIUM, ROOT, serve_directory, site_pages

pytestmark = pytest.mark.browser

NODE_MODULES = ROOT / ".node" / "node_modules"
RUNNER = ROOT / "tests" / "pa11y" / "run.js"

H32_2 = "WCAG2AA.Principle3.Guideline3_2.3_2_2.H32.2"

# (code, a piece of the element's markup) -> why it is not a failure of the criterion.
# Fixed in the theme instead (scripts/strategy_site/publishing/theme/partials/nav-item.html): the table-of-
# contents checkbox #__toc with no label on pages without a table of contents
# (H91.InputCheckbox.Name, F68), on /measures/ and /summary/.
JUDGED = {
    (
        H32_2,
        '<form class="md-header__option" data-md-component="palette">',
    ): "The colour switch (Material's palette) is a form of radio buttons with no submit button. "
    "Choosing a scheme only recolours the page: that is not a change of context (WCAG 3.2.2), so "
    "it needs no button. H32 is one sufficient technique, not a requirement.",
    (
        H32_2,
        '<form class="md-search__form" name="search">',
    ): "The search form has no submit button. Results are listed below the box as one types, on the "
    "same page, and Enter opens the result in focus: no change of context happens on input "
    "(WCAG 3.2.2). A hidden submit button would add a control that does nothing.",
}


def run_pa11y(urls: list[str], width: int) -> dict[str, list[dict]]:
    """pa11y's findings for each URL."""
    if not (NODE_MODULES / "pa11y").is_dir():
        pytest.fail(
            "pa11y is not installed in .node/: run ./scripts/test, which installs it with npm "
            "(or: sudo apt-get install -y nodejs npm, then ./scripts/test)"
        )
    if not CHROMIUM.exists():
        pytest.fail(f"{CHROMIUM} is missing: install Debian's chromium (sudo apt-get install chromium)")
    result = subprocess.run(
        ["node", str(RUNNER), str(CHROMIUM), str(width), *urls],
        capture_output=True,
        text=True,
        env={**os.environ, "NODE_PATH": str(NODE_MODULES)},
        timeout=1800,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    found = {}
    for line in result.stdout.splitlines():
        entry = json.loads(line)
        found[entry["url"]] = entry["issues"]
    assert set(found) == set(urls), "pa11y did not report on every page"
    return found


def judged(issue: dict) -> str | None:
    for (code, markup), reason in JUDGED.items():
        if issue["code"] == code and markup in (issue.get("context") or ""):
            return reason
    return None


def unjudged(issues: list[dict]) -> list[str]:
    return [
        f"{i['code']} at {i['selector']}: {i['message']}\n        {(i.get('context') or '')[:160]}"
        for i in issues
        if not judged(i)
    ]


@pytest.fixture(scope="module")
def findings(server, strategy):
    """pa11y on every page in both languages at each width: {(width, lang, path): issues}."""
    out = {}
    for width in WIDTHS.values():
        pages = {address(server, lang, p.path): (width, lang, p.path) for lang in LANGS for p in site_pages(strategy)}
        for url, issues in run_pa11y(list(pages), width).items():
            out[pages[url]] = issues
    return out


@pytest.mark.parametrize("width", WIDTHS.values(), ids=WIDTHS.keys())
@pytest.mark.parametrize("lang", LANGS)
def test_pa11y_finds_nothing_but_the_judged_findings(findings, site_page, lang, width):
    problems = unjudged(findings[(width, lang, site_page.path)])
    assert not problems, f"{lang} /{site_page.path} ({width}px), pa11y (HTML_CodeSniffer, WCAG2AA):\n" + "\n".join(
        problems
    )


def test_every_judged_finding_still_occurs(findings):
    """A judgement that no longer matches anything is out of date (the markup changed): remove it."""
    seen = {
        key
        for issues in findings.values()
        for i in issues
        for key in JUDGED
        if i["code"] == key[0] and key[1] in (i.get("context") or "")
    }
    assert seen == set(JUDGED), f"judged findings pa11y no longer reports: {set(JUDGED) - seen}"


def test_pa11y_reports_what_it_is_given(site: Path, tmp_path: Path):
    """The check can fail: a page given an unlabelled text box and a picture with no text
    alternative gets two findings that are not judged."""
    html = (site / "index.html").read_text("utf-8")
    html = html.replace(
        '<article class="md-content__inner md-typeset">',
        '<article class="md-content__inner md-typeset"><input type="text" id="nameless"><img src="x.png" id="mute">',
        1,
    )
    (tmp_path / "index.html").write_text(html, "utf-8")
    with serve_directory(tmp_path) as url:
        issues = run_pa11y([url], WIDTHS["desktop"])[url]
    problems = "\n".join(unjudged(issues))
    assert "#nameless" in problems and "#mute" in problems, problems
