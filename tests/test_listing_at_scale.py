"""The pages that list everything, when the data holds more than a page can carry
(pages.LISTED_IN_FULL: at x100 the progress page's texts alone would weigh 93 KB gzip):

- the progress page becomes an index of its sections, each leading to its place on its pillar's page,
  where every item stands (once, with its anchor); an old link to an item on the progress page
  (/progress/#<id>) leads there through the item's permalink; each item's permalink leads there;
- the summary shows each group's number of measures, and says where the budget figures are;
- with today's data (far below the limit) both list everything, as before.

The limit is lowered for the test rather than the data raised: the same code decides either way.
"""

from __future__ import annotations

import html
import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from strategy_site.rendering import format as fmt
from strategy_site.rendering import render
from strategy_site.rendering.ui import ui
from strategy_site.structure import pages, urls
from strategy_site.structure.model import LANGS

from browser_site import address, new_tab, wait_until
from conftest import copy_project, serve_directory

SMALL = 3  # far below today's progress items and measures


def _plain(markdown: str) -> str:
    """The rendered Markdown as its words read: without the escapes that keep data text text."""
    return html.unescape(re.sub(r"\\(.)", r"\1", markdown))


def _moves(markdown: str) -> dict:
    found = re.search(r'<script type="application/json" id="anchor-moves">(.*?)</script>', markdown, re.S)
    return json.loads(found[1]) if found else {}


def test_todays_data_is_listed_in_full(strategy) -> None:
    assert pages.listed_in_full(strategy.progress_items) and pages.listed_in_full(strategy.measures)
    out = render.render_pages(strategy)
    for lang in LANGS:
        progress, summary = _plain(out[f"{lang}/progress.md"]), _plain(out[f"{lang}/summary.md"])
        assert all(it.text[lang] in progress for it in strategy.progress_items)
        assert all(ms.text[lang] in summary for ms in strategy.measures)
        assert pages.ANY_ITEM not in _moves(progress)
    for it in strategy.progress_items:
        assert pages.where_shown(strategy, it.id) == (pages.SOURCE["progress"], it.id)


def test_more_than_a_page_can_carry_becomes_an_index(strategy, monkeypatch) -> None:
    monkeypatch.setattr(pages, "LISTED_IN_FULL", SMALL)
    out = render.render_pages(strategy)
    for lang in LANGS:
        progress = _plain(out[f"{lang}/progress.md"])
        assert not any(it.text[lang] in progress for it in strategy.progress_items)
        assert ui("progress_index_note", lang, n=fmt.number(len(strategy.progress_items))) in progress
        for sec in strategy.progress:
            target = urls.link(pages.SOURCE["progress"], pages.pillar(sec.pillar_id), sec.id)
            n = ui("n_items", lang, n=fmt.number(len(sec.items)))
            assert f"[{sec.title[lang]}]({target}){ui('paren_open', lang)}{n}" in progress, sec.id
            assert f'<span id="{sec.id}"></span>' in progress  # its anchor here still lands on it
        assert _moves(progress)[pages.ANY_ITEM] == "../m/"
        summary = _plain(out[f"{lang}/summary.md"])
        assert not any(ms.text[lang] in summary for ms in strategy.measures)
        for p in strategy.pillars:
            for g in p.groups:
                n = ui("n_measures", lang, n=fmt.number(len(g.measures)))
                assert f"[{n}]({urls.link(pages.SOURCE['summary'], pages.pillar(p.id), g.id)})" in summary
        assert ui("n_figures", lang, n=fmt.number(len(strategy.figures))) in summary
    # Each progress item is on its pillar's page, with its anchor, and its permalink leads there.
    for it in strategy.progress_items:
        source, anchor = pages.where_shown(strategy, it.id)
        assert (source, anchor) == (pages.pillar(it.pillar_id), it.id)
        for lang in LANGS:
            assert f'id="{it.id}"' in out[f"{lang}/{source}"], (it.id, source)
            assert f"../../pillars/{it.pillar_id}/#{it.id}" in out[f"{lang}/{urls.permalink_source(it.id)}"]


# -- In the browser: an old link to an item on the progress page finds the item on its pillar page.


@pytest.fixture(scope="module")
def index_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = copy_project(tmp_path_factory.mktemp("index"))
    code = (
        "import sys; from strategy_site.structure import pages; "
        f"pages.LISTED_IN_FULL = {SMALL}; "
        "from strategy_site.publishing import cli; sys.exit(cli.main(['build']))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code],
        cwd=root,
        env={"PYTHONPATH": str(root / "scripts"), "NO_MKDOCS_2_WARNING": "1", "PATH": "/usr/bin:/bin"},
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    return root / "site"


@pytest.mark.parametrize("lang", LANGS)
def test_an_old_link_to_a_progress_item_finds_it_on_its_pillar_page(browser, index_site, strategy, lang) -> None:
    item = strategy.progress_items[-1]
    with serve_directory(index_site) as server:
        page = new_tab(browser)
        try:
            page.goto(address(server, lang, urls.page_url(pages.SOURCE["progress"])) + f"#{item.id}")
            wanted = urls.site_path(lang, urls.page_url(pages.pillar(item.pillar_id)))
            wait_until(
                page, "([path, id]) => location.pathname === path && location.hash === '#' + id", [wanted, item.id]
            )
            wait_until(page, "id => !!document.getElementById(id)", item.id)
            # An anchor that is no item's id stays where it is (no guess, no error page).
            page.goto(address(server, lang, urls.page_url(pages.SOURCE["progress"])) + "#no-such-item")
            page.wait_for_timeout(500)
            assert urls.page_url(pages.SOURCE["progress"]) in page.url and page.url.endswith("#no-such-item")
        finally:
            page.context.close()
