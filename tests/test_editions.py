"""Issue 27, editions: a second edition is added by data alone (the fictional edition under tests/fixtures/,
built into a scratch copy), and every address published for 2025 keeps showing the 2025 text.

The browser's side (the banner, the switch keeping the place, the search's scope, the old addresses
keeping their #anchor) is in test_browser_editions.py.
"""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path

import pytest
from editions_site import FIRST, SECOND, add_edition

from strategy_site.publishing import contract
from strategy_site.structure import editions, pages, urls
from strategy_site.structure.model import LANGS

from conftest import ROOT, fragments, run_cli


def html(site: Path, lang: str, path: str) -> str:
    return (site / urls.LANG_PREFIX[lang] / path / "index.html").read_text("utf-8")


def rows(path: Path) -> list[dict]:
    return list(csv.DictReader(io.StringIO(path.read_text("utf-8-sig"))))


def edition_pages(site: Path, year: str) -> list[Path]:
    """Every page MkDocs built for an edition, in both languages (not its permalink pages)."""
    found = []
    for lang in LANGS:
        folder = site / urls.LANG_PREFIX[lang] / year
        found += [p for p in folder.rglob("index.html") if "m" not in p.relative_to(folder).parts[:1]]
    return found


# -- With one edition (today's data) the site reads as it does today.


def test_one_edition_has_no_edition_folder_bar_or_front_door(site: Path) -> None:
    assert not any((site / lang / FIRST).exists() for lang in urls.LANG_PREFIX.values())
    for lang in LANGS:
        home = html(site, lang, "")
        assert "edition-bar" not in home and 'content="edition-redirect"' not in home
        assert re.search(r"<h1[^>]*>", home)
    assert not (site / "data" / "editions").exists()


# -- Two editions: the fictional 2026 edition added by data alone, and current.


def test_every_address_of_the_2025_contract_still_leads_to_the_2025_text(editions_site: Path) -> None:
    promised = contract.read_contract(ROOT)
    served = contract.served(editions_site)
    lost = [url for url in promised if url not in served]
    assert lost == []
    # ... and they lead to the 2025 edition's own addresses, not to 2026's (the front door excepted).
    sample = "/pillars/innovation-ecosystem/"
    stub = (editions_site / sample.strip("/") / "index.html").read_text("utf-8")
    assert 'content="keeps-anchor"' in stub and f'url=../../{FIRST}/pillars/innovation-ecosystem/"' in stub


def test_the_built_site_has_no_broken_link_or_anchor(editions_site: Path) -> None:
    assert contract.broken_links(editions_site) == []


def test_the_front_door_leads_to_the_current_edition(editions_site: Path, editions_checked) -> None:
    every = editions_checked.all_editions()
    home_ids = {i.id for i in every.first.strategy.box_items} | {"aim"}
    for lang in LANGS:
        door = html(editions_site, lang, "")
        assert f'http-equiv="refresh" content="0; url={SECOND}/"' in door
        moves = json.loads(
            re.search(r'<script type="application/json" id="anchor-moves">(.*?)</script>', door).group(1)
        )
        assert home_ids <= moves.keys()
        assert all(target == f"{FIRST}/#{anchor}" for anchor, target in moves.items())


def test_each_edition_has_its_own_permalinks(editions_site: Path, editions_checked) -> None:
    every = editions_checked.all_editions()
    for edition in every.all:
        for m in edition.strategy.measures:
            for lang in LANGS:
                page = (
                    editions_site / urls.LANG_PREFIX[lang] / edition.prefix / urls.permalink_path(m.id) / "index.html"
                )
                text = page.read_text("utf-8")
                source, anchor = pages.where_shown(edition.strategy, m.id)
                assert f"{urls.page_url(source)}#{anchor}" in text, (edition.id, m.id)


def test_every_page_of_the_old_edition_says_so_and_the_current_ones_do_not(editions_site: Path) -> None:
    old, new = edition_pages(editions_site, FIRST), edition_pages(editions_site, SECOND)
    assert old and new
    for path in old:
        text = path.read_text("utf-8")
        banner = re.search(r'<p class="edition-banner" role="note">(.*?)</p>', text, re.S)
        assert banner, path
        assert SECOND in banner.group(1) and FIRST in banner.group(1)
        href = re.search(r'class="edition-banner__link" href="([^"]+)"', banner.group(1)).group(1)
        target = (path.parent / href.split("#")[0]).resolve() / "index.html"
        assert target.is_file() and f"/{SECOND}/" in target.as_posix(), (path, href)
    for path in new:
        assert "edition-banner" not in path.read_text("utf-8"), path


def test_every_page_has_the_switch_to_the_same_place_in_the_other_edition(editions_site: Path) -> None:
    for year, other in ((FIRST, SECOND), (SECOND, FIRST)):
        for path in edition_pages(editions_site, year):
            text = path.read_text("utf-8")
            switch = re.search(r'<nav class="edition-switch"(.*?)</nav>', text, re.S)
            assert switch, path
            assert 'aria-current="page"' in switch.group(1)
            href = re.search(rf'href="([^"]+)" data-edition-to="{other}"', switch.group(1)).group(1)
            assert (path.parent / href).resolve().joinpath("index.html").is_file(), (path, href)


def test_the_switch_keeps_the_page_through_the_crosswalk(editions_checked) -> None:
    """A pillar's page leads to the pillar where most of its measures went; a page with no counterpart
    to the edition's home; the same page type elsewhere."""
    every = editions_checked.all_editions()
    first, second = every.first, every.current
    for p in first.strategy.pillars:
        page = pages.Page(pages.PAGE_TYPE["pillar"], pages.pillar(p.id), p.id)
        address = editions.counterpart(every, first, page, second)
        went = [
            second.strategy.measure(n).pillar_id
            for m in p.measures
            for n in editions.measure_across(every, first, m.id, second)
        ]
        if went:
            assert address == second.url(urls.page_url(pages.pillar(max(set(went), key=went.count))))
        else:
            assert address in (second.url(""), second.url(urls.page_url(pages.pillar(p.id))))
    measures = pages.Page(pages.PAGE_TYPE["measures"], pages.SOURCE["measures"])
    assert editions.counterpart(every, second, measures, first) == first.url("measures/")
    changes = pages.Page(pages.PAGE_TYPE["changes"], pages.SOURCE["changes"])
    assert editions.counterpart(every, second, changes, first) == first.url("")  # the first has none


def test_the_links_file_follows_the_crosswalk_both_ways(editions_site: Path, editions_checked) -> None:
    every = editions_checked.all_editions()
    cw = every.crosswalk(every.current)
    forward = json.loads((editions_site / FIRST / "editions.json").read_text("utf-8"))[SECOND]
    back = json.loads((editions_site / SECOND / "editions.json").read_text("utf-8"))[FIRST]
    for m in every.current.strategy.measures:
        for old in cw.predecessors(m.id):
            assert m.id in forward[old]
            assert old in back[m.id]
    assert not set(cw.dropped) & forward.keys()


def test_what_changed_counts_equal_the_crosswalk(editions_site: Path, editions_checked) -> None:
    every = editions_checked.all_editions()
    counts = every.crosswalk(every.current).counts()
    assert sum(counts.values()) > 0 and all(counts[k] for k in ("added", "same", "revised", "split", "merged"))
    for lang in LANGS:
        text = html(editions_site, lang, f"{SECOND}/changes/")
        for kind, n in counts.items():
            section = re.search(rf'<h2 id="{kind}".*?(?=<h2 |<div class="page-cite)', text, re.S)
            assert section, (lang, kind)
            side = "old" if kind == "dropped" else "new"
            assert section.group(0).count(f'class="change-line change-{side}"') == n, (lang, kind, n)
        marked = re.search(r'<h2 id="revised".*?(?=<h2 )', text, re.S).group(0)
        assert "<del" in marked and "<ins" in marked
    assert not (editions_site / FIRST / "changes").exists()  # the first edition has no edition before it


def test_exports_carry_their_edition_and_the_crosswalk(editions_site: Path, editions_checked) -> None:
    every = editions_checked.all_editions()
    for edition in every.all:
        found = rows(editions_site / edition.prefix / "data" / "measures.csv")
        assert [r["id"] for r in found] == [m.id for m in edition.strategy.measures]
        assert {r["edition"] for r in found} == {edition.id}
        assert all(r["permalink"] == f"/{edition.prefix}m/{r['id']}/" for r in found)
    every_row = rows(editions_site / "data" / "editions" / "measures.csv")
    assert [(r["edition"], r["id"]) for r in every_row] == [
        (e.id, m.id) for e in every.all for m in e.strategy.measures
    ]
    cw = every.crosswalk(every.current)
    assert rows(editions_site / SECOND / "data" / "crosswalk.csv") == [
        {k: str(v) if v is not None else "" for k, v in row.items()} for row in cw.rows()
    ]
    assert not (editions_site / FIRST / "data" / "crosswalk.csv").exists()
    # The addresses of 2025's exports keep 2025's files.
    assert rows(editions_site / "data" / "measures.csv") == rows(editions_site / FIRST / "data" / "measures.csv")


def test_search_finds_each_page_by_its_edition(editions_site: Path) -> None:
    records = fragments(editions_site)
    assert records
    for url, record in records.items():
        year = editions.edition_of_url(url)
        assert year in (FIRST, SECOND), url
        assert record["filters"].get("edition") == [year], url
    names = json.loads((editions_site / "search-filters.json").read_text("utf-8"))
    for lang in LANGS:
        assert names[lang]["current_edition"] == SECOND
        assert [pair[0] for pair in names[lang]["edition"]] == [FIRST, SECOND]


def test_history_and_topic_pages_span_the_editions(editions_site: Path, editions_checked) -> None:
    every = editions_checked.all_editions()
    for lang in LANGS:
        for edition in every.all:
            history = html(editions_site, lang, f"{edition.id}/history/")
            listed = re.search(r'id="editions".*?</div>', history, re.S).group(0)
            assert all(e.strategy.title[lang].replace("&", "&amp;") in listed for e in every.all)
        topic = next(
            t.id for t in every.current.strategy.topics if all(e.strategy.topic_count(t.id) for e in every.all)
        )
        page = html(editions_site, lang, f"{SECOND}/topics/{topic}/")
        listed = re.search(r'id="topic-editions".*?</ul>', page, re.S).group(0)
        assert f"../../../{FIRST}/topics/{topic}/" in listed


def test_a_citation_names_its_edition(editions_site: Path, editions_checked) -> None:
    every = editions_checked.all_editions()
    for edition in every.all:
        for lang in LANGS:
            text = html(editions_site, lang, f"{edition.id}/measures/")
            cited = re.search(r'<span class="page-cite__text">(.*?)</span></p>', text, re.S).group(1)
            assert edition.strategy.source_title[lang] in cited
            assert f"/{edition.prefix}measures/" in cited


def test_a_crosswalk_reference_to_no_measure_is_refused_with_file_line_and_field(project: Path) -> None:
    add_edition(project)
    pillar = next((project / "data" / SECOND / "pillars").glob("*.yaml"))
    text = pillar.read_text("utf-8")
    refs = re.findall(r"continues: \[([a-z0-9-]+)", text)
    assert refs, f"{pillar.name} continues nothing"
    pillar.write_text(text.replace(f"continues: [{refs[0]}", "continues: [no-such-measure", 1), "utf-8")
    result = run_cli(project, "build", "--check")
    assert result.returncode != 0
    line = next(line for line in result.stdout.splitlines() + result.stderr.splitlines() if "no-such-measure" in line)
    assert line.startswith(f"data/{SECOND}/pillars/{pillar.name}:") and "continues" in line, line
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize("current", [FIRST, SECOND])
def test_the_setting_names_the_current_edition(project: Path, current: str) -> None:
    add_edition(project, current)
    from strategy_site.publishing import pipeline

    assert pipeline.load(project).all_editions().current_id == current
