"""Topics across the slides (issue 26): the registry (data/topics.yaml), the rules on the items' topics,
the pages per topic and their index, the topics in the exports and the search's filters.

Which items belong to which topic is the site's own reading: the pages mark it (provenance.py)."""

from __future__ import annotations

import copy
import csv
import dataclasses
import html
import io
import json
import re
from collections import Counter
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from strategy_site.checking import topics as topic_rules
from strategy_site.reading import shape
from strategy_site.rendering import render
from strategy_site.structure import pages, urls
from strategy_site.structure.model import LANGS, TOPIC_PLACES

from conftest import fragments

ID = st.from_regex(rf"\A{shape.ID}\Z", fullmatch=True).filter(lambda s: len(s) <= 40)


def _files_with(loaded_files, name: str, change) -> dict:
    """The loaded files with a deep copy of the first file of `name`, changed by `change(data)`."""
    files = {key: list(group) for key, group in loaded_files.items()}
    first = files[name][0]
    data = copy.deepcopy(first.data)
    change(data)
    files[name][0] = dataclasses.replace(first, data=data)
    return files


# -- The registry and the items ---------------------------------------------------------------------


def test_every_measure_has_a_topic_and_every_topic_is_used(strategy) -> None:
    known = {t.id for t in strategy.topics}
    assert 15 <= len(known) <= 30
    assert all(m.topics for m in strategy.measures)
    used = {t for things in strategy.tagged.values() for i in things for t in i.topics}
    assert used == known
    # Every kind of item carries topics: the aim, box items, measures, progress items and statements,
    # figures, the history page's statements and years.
    for place, things in strategy.tagged.items():
        assert any(i.topics for i in things), place


def test_the_real_data_passes_the_topic_rules(loaded_files) -> None:
    for rule in (
        topic_rules.check_topics_known,
        topic_rules.check_topics_once,
        topic_rules.check_measures_have_topics,
        topic_rules.check_topics_used,
    ):
        assert rule(loaded_files) == [], rule.__name__


@given(st.lists(ID, min_size=1, max_size=6), st.data())
def test_an_unknown_topic_is_refused_and_a_known_one_is_not(loaded_files, names: list[str], data) -> None:
    """Any list of ids on a measure: each id the registry lacks gets one problem, at its place in the list."""
    known = [t["id"] for t in loaded_files["topics"][0].data["topics"]]
    chosen = [data.draw(st.sampled_from(known)) if data.draw(st.booleans()) else n for n in names]
    chosen = list(dict.fromkeys(chosen))  # no repeats here: the rule for repeats is tested below
    files = _files_with(loaded_files, "pillar", lambda d: d["groups"][0]["measures"][0].__setitem__("topics", chosen))
    problems = topic_rules.check_topics_known(files)
    unknown = [(i, t) for i, t in enumerate(chosen) if t not in known]
    assert [p.where[-1] for p in problems] == [i for i, _ in unknown]
    for problem, (_, topic) in zip(problems, unknown, strict=True):
        assert f"the topic '{topic}'" in problem.message and "data/topics.yaml" in problem.message
        assert problem.where[:5] == ("groups", 0, "measures", 0, "topics") and problem.line > 1


@given(st.lists(st.sampled_from(["ai", "quantum", "space", "ocean"]), min_size=1, max_size=8))
def test_a_topic_listed_twice_is_refused_once_per_repeat(loaded_files, chosen: list[str]) -> None:
    files = _files_with(loaded_files, "pillar", lambda d: d["groups"][0]["measures"][0].__setitem__("topics", chosen))
    problems = topic_rules.check_topics_once(files)
    repeats = [i for i, t in enumerate(chosen) if t in chosen[:i]]
    assert [p.where[-1] for p in problems] == repeats
    assert all("twice" in p.message for p in problems)


@given(st.data())
def test_a_measure_without_topics_is_refused(loaded_files, data) -> None:
    pillar = loaded_files["pillar"][0].data
    g = data.draw(st.integers(0, len(pillar["groups"]) - 1))
    m = data.draw(st.integers(0, len(pillar["groups"][g]["measures"]) - 1))
    empty = data.draw(st.booleans())

    def drop(d: dict) -> None:
        if empty:
            d["groups"][g]["measures"][m]["topics"] = []
        else:
            del d["groups"][g]["measures"][m]["topics"]

    problems = topic_rules.check_measures_have_topics(_files_with(loaded_files, "pillar", drop))
    assert len(problems) == 1
    assert problems[0].entity == pillar["groups"][g]["measures"][m]["id"]
    assert problems[0].where == ("groups", g, "measures", m, "topics" if empty else "id")
    assert "has no topic" in problems[0].message


def test_a_topic_no_item_uses_is_refused(loaded_files) -> None:
    def add(d: dict) -> None:
        d["topics"].append({"id": "semiconductors", "name": {"ja": "半導体", "en": "Semiconductors"}})

    problems = topic_rules.check_topics_used(_files_with(loaded_files, "topics", add))
    assert [p.message.split(".")[0] for p in problems] == ["no item uses the topic 'semiconductors'"]


# -- Pages ----------------------------------------------------------------------------------------


def test_page_types_have_one_page_per_pillar_and_per_topic(strategy) -> None:
    assert pages.PAGE_TYPE["pillar"].per == "pillar" and pages.PAGE_TYPE["pillar"].per_pillar
    assert pages.PAGE_TYPE["topic"].per == "topic" and not pages.PAGE_TYPE["topic"].per_pillar
    site = pages.site_pages(strategy)
    topic_pages = [p for p in site if p.type.name == "topic"]
    assert [p.topic_id for p in topic_pages] == [t.id for t in strategy.topics]
    assert [p.url for p in topic_pages] == [f"topics/{t.id}/" for t in strategy.topics]
    assert all(p.pillar_id is None for p in topic_pages)
    assert [p.pillar_id for p in site if p.type.per_pillar] == [p.id for p in strategy.pillars]
    assert pages.SOURCE["topics"] == "topics/index.md" and "topic" not in pages.SOURCE
    # The navigation names the index, not each topic (every page carries it).
    flat = json.dumps(pages.nav(strategy))
    assert "topics/index.md" in flat and "topics/ai.md" not in flat


def test_a_topic_lists_its_items_by_where_they_stand(strategy) -> None:
    for t in strategy.topics:
        by = strategy.of_topic(t.id)
        assert tuple(by) == TOPIC_PLACES
        assert strategy.topic_count(t.id) == sum(len(v) for v in by.values()) > 0
        for place, things in by.items():
            assert all(t.id in i.topics for i in things)
            assert list(things) == [i for i in strategy.tagged[place] if t.id in i.topics]


def test_each_page_carries_the_search_filters_of_what_it_shows(strategy, checked) -> None:
    site = {p.url: p for p in pages.site_pages(strategy)}
    for p in strategy.pillars:
        got = pages.search_filters(strategy, site[f"pillars/{p.id}/"])
        assert got["pillar"] == (p.id,)
        assert set(got["topic"]) == {t for m in p.measures for t in m.topics} | {
            t for sec in strategy.progress_of_pillar(p.id) for i in sec.items for t in i.topics
        } | {t for m in p.measures for f in strategy.figures_of_measure(m.id) for t in f.topics}
    for t in strategy.topics:
        assert pages.search_filters(strategy, site[f"topics/{t.id}/"])["topic"] == (t.id,)
    assert pages.search_filters(strategy, site["history/"])["slide"] == ("2",)
    assert pages.search_filters(strategy, site["budget/"])["slide"] == ("3",)
    assert pages.search_filters(strategy, site["about/"]) == {"topic": (), "pillar": (), "slide": ()}
    names = json.loads(render.search_filter_names(checked.all_editions()))
    for lang in LANGS:
        assert [i for i, _ in names[lang]["topic"]] == [t.id for t in strategy.topics]
        assert [n for _, n in names[lang]["topic"]] == [t.name[lang] for t in strategy.topics]
        assert [i for i, _ in names[lang]["slide"]] == ["1", "2", "3"]


# -- The built site ----------------------------------------------------------------------------------


def _page(site: Path, lang: str, path: str) -> str:
    return (site / urls.LANG_PREFIX[lang] / path / "index.html").read_text("utf-8")


def _article(page_html: str) -> str:
    """The page's article (Material's <article>), without the navigation and the footer."""
    return page_html.split("<article", 1)[1].split("</article>", 1)[0]


def _listed(body: str) -> list[str]:
    """The entries of a topic page's lists of items."""
    lists = re.findall(r'<ul class="items topic-items">(.*?)</ul>', body, re.S)
    return [entry for block in lists for entry in re.findall(r"<li>(.*?)</li>", block, re.S)]


def test_every_topic_has_a_page_in_both_languages_with_every_item_and_its_permalink(site: Path, strategy) -> None:
    for lang in LANGS:
        for t in strategy.topics:
            body = html.unescape(_article(_page(site, lang, f"topics/{t.id}")))
            assert t.name[lang] in body
            items = [i for things in strategy.of_topic(t.id).values() for i in things]
            assert len(_listed(body)) == len(items), (lang, t.id)
            for item in items:
                text = item.program if hasattr(item, "program") else getattr(item, "text", None) or item.name
                assert text[lang] in re.sub(r"<[^>]+>", "", body), (t.id, item.id)  # less the glossary's <abbr>
                if item.id in pages.permalink_targets(strategy):
                    assert f'href="../../m/{item.id}/"' in body, (t.id, item.id)
                # The link to where it stands.
                source, anchor = (
                    pages.where_shown(strategy, item.id)
                    if item.id in pages.permalink_targets(strategy)
                    else (pages.SOURCE["history"], item.id)
                )
                assert f'{urls.relative_url(f"topics/{t.id}/", urls.page_url(source))}#{anchor}"' in body, (
                    t.id,
                    item.id,
                )
            # Marked as the site's own reading.
            assert "data-site-own" in body and 'class="own-mark"' in body


def _export_counts(site: Path) -> Counter:
    """How many items carry each topic, from the exported files alone (the CSVs and strategy.json)."""
    counts: Counter = Counter()
    for name in ("measures.csv", "figures.csv", "progress.csv"):
        rows = csv.DictReader(io.StringIO((site / "data" / name).read_bytes().decode("utf-8-sig")))
        for row in rows:
            counts.update(row["topics"].split())
    data = json.loads((site / "data" / "strategy.json").read_text("utf-8"))
    s = data["strategy"]
    others = [s["aim"], *s["about"]["statements"], *data["progress"]["statements"], *data["history"]["years"]]
    for box in s["boxes"]:
        others += box.get("items", []) + [i for g in box.get("groups", []) for i in g["items"]]
    for item in others:
        counts.update(item["topics"])
    # The registry itself is in strategy.json, and every topic in it is counted.
    assert set(counts) == {t["id"] for t in data["topics"]["topics"]}
    # strategy.json's items carry the same topics as the CSVs' rows.
    measures = {m["id"]: m["topics"] for p in data["pillars"] for g in p["groups"] for m in g["measures"]}
    rows = csv.DictReader(io.StringIO((site / "data" / "measures.csv").read_bytes().decode("utf-8-sig")))
    assert {r["id"]: r["topics"].split() for r in rows} == measures
    return counts


def test_the_counts_on_the_topic_pages_equal_the_counts_in_the_exports(site: Path) -> None:
    exported = _export_counts(site)
    for lang in LANGS:
        index = _page(site, lang, "topics")
        shown = {ident: int(n) for ident, n in re.findall(r'data-topic-count="([a-z0-9-]+)">(\d+)<', index)}
        assert shown == dict(exported), lang
        for ident, n in shown.items():
            assert len(_listed(_article(_page(site, lang, f"topics/{ident}")))) == n, (lang, ident)


def test_the_open_data_page_describes_the_topics(site: Path) -> None:
    for lang in LANGS:
        body = html.unescape(_article(_page(site, lang, "data")))
        assert body.count("<code>topics</code>") >= 4, lang  # the three CSVs' column and the paragraph
        assert 'href="../topics/"' in body or 'href="../../topics/"' in body


def test_the_search_index_carries_each_pages_filters(site: Path, strategy) -> None:
    records = fragments(site)
    for lang in LANGS:
        for page in pages.site_pages(strategy):
            record = records.get(urls.site_path(lang, page.url))
            if record is None:
                continue  # a page left out of the index (the summary)
            want = {k: sorted(v) for k, v in pages.search_filters(strategy, page).items() if v}
            assert {k: sorted(v) for k, v in record.get("filters", {}).items()} == want, page.url
