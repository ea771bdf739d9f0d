"""The crosswalk between editions (issue 27): the fictional 2026 edition (tests/fixtures/edition-2026/)
against the real 2025 data; the model (structure/crosswalk.py) and its rules (checking/crosswalk.py),
each shown catching its kind of mistake with a message that names the file, line and field, in English
and in Japanese."""

from __future__ import annotations

import copy
import dataclasses
import re
import shutil
from pathlib import Path

import pytest
import yaml
from hypothesis import assume, given
from hypothesis import strategies as st

from strategy_site.checking import crosswalk as rules
from strategy_site.checking.validate import validate
from strategy_site.publishing.preview_errors import in_japanese
from strategy_site.reading import shape
from strategy_site.reading.load import Files
from strategy_site.reading.problems import field_name
from strategy_site.structure import model
from strategy_site.structure.crosswalk import CHANGES, COLUMNS, COUNTED, KINDS, Crosswalk, Link
from strategy_site.structure.model import Strategy

from conftest import ROOT

DATA = ROOT / "data"  # the real data: the 2025 edition (data/2025/) and the shared files
FIRST, SECOND = "2025", "2026"
FIXTURE = ROOT / "tests" / "fixtures" / "edition-2026"  # the fictional 2026 edition: its own files only
EDITION_FILES = ("strategy.yaml", "pillars", "progress.yaml", "figures.yaml", "history.yaml", "glossary.yaml")


def edition(data: Path) -> tuple[Files, Strategy]:
    """One edition's files and model, read from a data folder (data/, or an edition's folder in it) and
    validated: the one place the tests read an edition (the layout of data/ is known here and in
    with_edition only). validate() gives the current edition's files."""
    root = data if data.name == "data" else data.parent
    files, problems = validate(root, root.parent)
    assert not problems, "\n".join(map(str, problems))
    return files, model.build(files)


def with_edition(folder: Path, edition_files: Path = FIXTURE) -> Path:
    """A scratch data folder: the real data with an edition's own files added as data/2026/, the current
    edition (as a data keeper adds an edition). Returns the new edition's folder."""
    data = folder / "data"
    shutil.copytree(DATA, data)
    shutil.copytree(edition_files, data / SECOND)
    setting = data / "editions.yaml"
    setting.write_text(setting.read_text("utf-8").replace('current: "2025"', f'current: "{SECOND}"'), "utf-8")
    return data / SECOND


@pytest.fixture(scope="module")
def editions(tmp_path_factory) -> dict:
    """The 2025 edition (the real data) and the fictional 2026 one, each as (files, model)."""
    return {"2025": edition(DATA), "2026": edition(with_edition(tmp_path_factory.mktemp("edition-2026")))}


def _raw_measures(folder: Path) -> list[dict]:
    """The measures of an edition's pillar files as YAML gives them, read without the project's code, in
    the pillars' order."""
    pillars = [yaml.safe_load(path.read_text("utf-8")) for path in (folder / "pillars").glob("*.yaml")]
    return [m for p in sorted(pillars, key=lambda p: p["order"]) for g in p["groups"] for m in g["measures"]]


# -- The fictional edition and the crosswalk it makes ---------------------------------------------------


def test_the_fixture_is_a_small_edition_marked_as_fictional_test_data() -> None:
    files = sorted(p for p in FIXTURE.rglob("*") if p.is_file())
    assert {p.relative_to(FIXTURE).parts[0] for p in files} == set(EDITION_FILES)  # an edition's own files only
    for path in files:
        assert "FICTIONAL TEST DATA" in path.read_text("utf-8").split("\n", 3)[1], f"{path}: not marked in a comment"
    strategy = yaml.safe_load((FIXTURE / "strategy.yaml").read_text("utf-8"))
    for field in ("title", "source_title"):
        assert "試験用の架空データ" in strategy[field]["ja"] and "fictional test data" in strategy[field]["en"]
    assert len(list((FIXTURE / "pillars").glob("*.yaml"))) == 2 and 8 <= len(_raw_measures(FIXTURE)) <= 10


def test_the_fixture_continues_the_2025_measures_in_every_way(editions) -> None:
    """same copies the 2025 text; revised changes a little of it in both languages (for the page that
    marks the changes); split, merged, added and dropped each occur."""
    old = {m.id: m.text for m in editions["2025"][1].measures}
    raw = _raw_measures(FIXTURE)
    kinds = {m.get("change", "added") for m in raw}
    assert kinds == set(KINDS), kinds
    for m in raw:
        if m.get("change") == "same":
            assert (m["text"]["ja"], m["text"]["en"]) == (old[m["continues"][0]].ja, old[m["continues"][0]].en)
        if m.get("change") == "revised":
            before = old[m["continues"][0]]
            for lang in ("ja", "en"):
                assert m["text"][lang] != before[lang]
                common = len(set(m["text"][lang].split()) & set(before[lang].split()))  # English words kept
                kept = sum(a == b for a, b in zip(m["text"][lang], before[lang], strict=False))  # Japanese characters
                assert (common if lang == "en" else kept) >= 5, (lang, m["id"])
    continued = {o for m in raw for o in m.get("continues", ())}
    assert len(set(old) - continued) >= len(old) // 3  # many 2025 measures are dropped


def test_the_crosswalk_counts_what_the_fixtures_files_say(editions) -> None:
    """The counts, added, dropped and rows equal what the pillar files' own 'continues' and 'change'
    give, read with plain YAML."""
    cw = Crosswalk.build("2025", editions["2025"][1], "2026", editions["2026"][1])
    raw = _raw_measures(FIXTURE)
    old_ids = [m["id"] for m in _raw_measures(DATA / FIRST)]
    continued = {o for m in raw for o in m.get("continues", ())}
    expected = {kind: sum(m.get("change", "added") == kind for m in raw) for kind in KINDS}
    expected["dropped"] = sum(o not in continued for o in old_ids)
    assert cw.counts() == expected and tuple(cw.counts()) == COUNTED
    assert cw.added == tuple(m["id"] for m in raw if "continues" not in m)
    assert cw.dropped == tuple(o for o in old_ids if o not in continued)
    for m in raw:
        assert cw.predecessors(m["id"]) == tuple(m.get("continues", ()))
        assert cw.kind(m["id"]) == m.get("change", "added")
    for o in old_ids:
        assert cw.successors(o) == tuple(m["id"] for m in raw if o in m.get("continues", ()))
    rows = cw.rows()
    assert all(tuple(row) == COLUMNS for row in rows)
    assert all(row["edition"] == "2026" and row["previous_edition"] == "2025" for row in rows)
    links = [(m["id"], m.get("change", "added"), o) for m in raw for o in m.get("continues", [""])]
    dropped = [("", "dropped", o) for o in old_ids if o not in continued]
    assert [(r["measure_id"], r["change"], r["previous_measure_id"]) for r in rows] == links + dropped


def test_the_first_edition_has_every_measure_added_and_nothing_dropped(editions) -> None:
    strategy = editions["2025"][1]
    cw = Crosswalk.build(None, None, "2025", strategy)
    assert cw.counts() == {**dict.fromkeys(COUNTED, 0), "added": len(strategy.measures)}
    assert cw.dropped == () and rules.dropped_note(cw) == ""


def test_the_real_data_and_the_fixture_pass_the_crosswalk_rules(editions) -> None:
    (files_25, s25), (files_26, s26) = editions["2025"], editions["2026"]
    assert rules.crosswalk_problems(None, None, "2025", s25, files_25) == []
    assert rules.crosswalk_problems("2025", s25, "2026", s26, files_26) == []
    assert all(not m.continues and m.change is None for m in s25.measures)
    assert [m.continues for m in s26.measures] == [tuple(m.get("continues", ())) for m in _raw_measures(FIXTURE)]


def test_the_dropped_measures_are_said_in_both_languages(editions) -> None:
    cw = Crosswalk.build("2025", editions["2025"][1], "2026", editions["2026"][1])
    for lang in ("en", "ja"):
        note = rules.dropped_note(cw, lang)
        assert all(o in note for o in cw.dropped) and str(len(cw.dropped)) in note and "2025" in note
        assert not any(m in note for m in cw.of_kind("same") if m not in cw.dropped)
    assert "(dropped)" in rules.dropped_note(cw) and "廃止" in rules.dropped_note(cw, "ja")
    everything = Crosswalk("2026", "2025", (Link("b", ("a",), "same"),), ("a",))
    assert everything.dropped == () and "(none dropped)" in rules.dropped_note(everything)
    assert "廃止はありません" in rules.dropped_note(everything, "ja")


# -- Each rule, on a pillar file written wrong: the message names the file, the line and the field -------------


def _replace(text: str, old: str, new: str) -> str:
    assert text.count(old) == 1, old
    return text.replace(old, new)


# (name, the pillar file, (what it says, what it says instead), the rule, the line's text after the change
# where the problem stands, its field's end, words the message says). The edits are to the fixture's
# pillar files; 'first' edits the real 2025 data and checks it as the first edition.
P1, P2 = "advanced-science-and-technology.yaml", "innovation-ecosystem.yaml"
CASES = [
    (
        "an old id on a measure that does not continue it",
        P1,
        ("      - id: quantum-and-fusion-rd", "      - id: safety-security-think-tank"),
        rules.check_kept_ids_continue_their_measure,
        "- id: safety-security-think-tank",
        "id",
        ["'safety-security-think-tank' is the id of a measure of the 2025 edition", "give this measure an id"],
    ),
    (
        "first edition continues",
        P1,
        (
            "        topics: [economic-security-and-safety]\n  - id: rd",
            "        topics: [economic-security-and-safety]\n"
            "        continues: [k-program]\n        change: same\n  - id: rd",
        ),
        rules.check_first_edition_continues_nothing,
        "        continues: [k-program]",
        "continues",
        ["the 2025 edition is the first", "Remove 'continues' and 'change'"],
    ),
    (
        "unknown id, near one",
        P1,
        ("continues: [k-program-rd-support]", "continues: [k-progrm-rd-support]"),
        rules.check_continued_measures_exist,
        "continues: [k-progrm-rd-support]",
        "continues[1]",
        [
            "'k-progrm-rd-support' is not a measure of the 2025 edition (data/2025/pillars/)",
            "Did you mean 'k-program-rd-support'?",
        ],
    ),
    (
        "unknown id, second of two",
        P2,
        (
            "continues: [industry-academia-open-innovation, global-startup-campus]",
            "continues: [industry-academia-open-innovation, zzz]",
        ),
        rules.check_continued_measures_exist,
        "continues: [industry-academia-open-innovation, zzz]",
        "continues[2]",
        ["'zzz' is not a measure of the 2025 edition", "as it stands there."],
    ),
    (
        "change without continues",
        P2,
        ("        topics: [regions, universities]", "        topics: [regions, universities]\n        change: revised"),
        rules.check_change_comes_with_continues,
        "        change: revised",
        "change",
        ["names none in 'continues'", "if the measure is new, remove 'change'"],
    ),
    (
        "continues without change",
        P2,
        (
            "        continues: [sbir-continuous-support]\n        change: same\n",
            "        continues: [sbir-continuous-support]\n",
        ),
        rules.check_change_comes_with_continues,
        "        continues: [sbir-continuous-support]",
        "continues",
        ["but not how", "by the data, 'same'"],
    ),
    (
        "same, but the text changed",
        P1,
        ("環境・エネルギー分野の推進", "環境・エネルギー分野の一層の推進"),
        rules.check_same_means_unchanged,
        "        change: same",
        "change",
        [
            "says 'same', but its Japanese text differs from that of 'health-space-ocean-food-energy'",
            "Write 'change: revised'",
        ],
    ),
    (
        "revised, but the text is the same",
        P2,
        (
            "        continues: [sbir-continuous-support]\n        change: same",
            "        continues: [sbir-continuous-support]\n        change: revised",
        ),
        rules.check_same_means_unchanged,
        "        change: revised",
        "change",
        ["says 'revised', but its text is that of 'sbir-continuous-support'", "Write 'change: same'"],
    ),
    (
        "revised, continuing two",
        P1,
        ("continues: [k-program-rd-support]", "continues: [k-program-rd-support, safety-security-think-tank]"),
        rules.check_same_or_revised_continues_one,
        "        change: revised\n  - id: rd",
        "change",
        [
            "says 'revised', but continues 2 measures of the 2025 edition ('k-program-rd-support', "
            "'safety-security-think-tank')",
            "write 'change: merged'",
        ],
    ),
    (
        "merged, continuing one",
        P1,
        ("continues: [sip-bridge-moonshot, disaster-resilience-rd]", "continues: [sip-bridge-moonshot]"),
        rules.check_merged_continues_several,
        "        change: merged",
        "change",
        [
            "says 'merged', but continues one measure of the 2025 edition, 'sip-bridge-moonshot'",
            "write 'change: revised'",
        ],
    ),
    (
        "split, but the only one",
        P1,
        (
            "        continues: [quantum-fusion-materials-bio]\n        change: split\n      - id: materials",
            "        continues: [open-access-papers]\n        change: split\n      - id: materials",
        ),
        rules.check_split_parts,
        "        change: split\n      - id: materials",
        "change",
        [
            "says 'split', but it is the only measure of this edition that continues 'open-access-papers'",
            "write 'change: revised'",
        ],
    ),
    (
        "split, one part says revised",
        P1,
        (
            "        continues: [quantum-fusion-materials-bio]\n        change: split\n      # same",
            "        continues: [quantum-fusion-materials-bio]\n        change: revised\n      # same",
        ),
        rules.check_split_parts,
        "        change: revised\n      # same",
        "change",
        [
            "'quantum-fusion-materials-bio' of the 2025 edition is continued by 2 measures of this edition "
            "('quantum-and-fusion-rd', 'materials-and-bio-rd'): it was split",
            "Write 'change: split' here",
        ],
    ),
    (
        "split, continuing two",
        P1,
        (
            "        continues: [quantum-fusion-materials-bio]\n        change: split\n      - id: materials",
            "        continues: [quantum-fusion-materials-bio, open-access-papers]\n        change: split\n"
            "      - id: materials",
        ),
        rules.check_split_parts,
        "        change: split\n      - id: materials",
        "change",
        ["says 'split', but continues 2 measures of the 2025 edition", "write 'change: merged'"],
    ),
]


@pytest.mark.parametrize("case", CASES, ids=[c[0] for c in CASES])
def test_each_rule_catches_its_mistake_and_names_file_line_and_field(case, tmp_path: Path, editions) -> None:
    name, pillar, (old, new), rule, at, field_end, words = case
    first = rule is rules.check_first_edition_continues_nothing
    if first:
        shutil.copytree(DATA, tmp_path / "data")
        data = tmp_path / "data" / FIRST
    else:
        data = with_edition(tmp_path)
    path = data / "pillars" / pillar
    text = _replace(path.read_text("utf-8"), old, new)
    path.write_text(text, "utf-8")
    line = text[: text.index(at)].count("\n") + 1  # the line `at` starts on
    files, current = edition(data)  # the file is valid data: only the crosswalk is wrong
    previous_id, previous = (None, None) if first else ("2025", editions["2025"][1])
    edition_id = "2025" if first else "2026"
    found = rule(rules.Editions(previous_id, previous, edition_id, current, files))
    assert found, f"{rule.__name__} did not see: {name}"
    assert set(found) <= set(rules.crosswalk_problems(previous_id, previous, edition_id, current, files))
    problem = found[0]
    assert problem.file == f"data/{edition_id}/pillars/{pillar}" and problem.line == line, str(problem)
    assert field_name(problem.where).endswith(field_end) and field_name(problem.where).startswith("groups[")
    for said in words:
        assert said in problem.message, (said, problem.message)
    assert f"data/{edition_id}/pillars/{pillar}:{line}:" in str(
        problem
    ) and f"field '{field_name(problem.where)}'" in str(problem)
    japanese = in_japanese(problem.message)
    assert japanese is not None, problem.message
    assert not re.search(r"[A-Za-z]{4,} [A-Za-z]{4,}", re.sub(r"'[^']*'", "", japanese)), japanese  # no English left
    # The unchanged fixture gives this rule nothing to say.
    untouched = editions["2025"] if first else editions["2026"]
    assert rule(rules.Editions(previous_id, previous, edition_id, untouched[1], untouched[0])) == []


# -- Any crosswalk the data may write ----------------------------------------------------------------------


def _places(files: Files) -> list[tuple[int, int, int]]:
    """(pillar file, group, measure) of every measure of an edition, in the model's order."""
    return [
        (f, g, m)
        for f, loaded in sorted(enumerate(files["pillar"]), key=lambda p: p[1].data["order"])
        for g, group in shape.entries(loaded.data, "groups")
        for m, _ in shape.entries(group, "measures")
    ]


def _rewritten(files: Files, plan: dict[tuple[int, int, int], dict]) -> tuple[Files, Strategy]:
    """The edition's files with some measures' fields changed in memory (None removes a field), and
    their model."""
    pillars = [copy.deepcopy(loaded.data) for loaded in files["pillar"]]
    for (f, g, m), fields in plan.items():
        measure = pillars[f]["groups"][g]["measures"][m]
        for key, value in fields.items():
            measure.pop(key, None)
            if value is not None:
                measure[key] = value
    changed = {
        **files,
        "pillar": [dataclasses.replace(lo, data=d) for lo, d in zip(files["pillar"], pillars, strict=True)],
    }
    return changed, model.build(changed)


@st.composite
def crosswalks(draw, old_ids: tuple[str, ...], kept: tuple[str | None, ...]) -> list[tuple[tuple[str, ...], str]]:
    """A right crosswalk for the measures, built kind by kind: for each measure what it continues
    (2025 ids, each taken once but by the parts of a split) and its kind (KINDS). A measure with the id of
    a 2025 measure (`kept`, by place) continues that one, the same or revised."""
    pool = [i for i in draw(st.permutations(old_ids)) if i not in kept]
    plan: list[tuple[tuple[str, ...], str]] = []
    count = len(kept)
    while len(plan) < count:
        if kept[len(plan)]:
            plan.append(((kept[len(plan)] or "",), draw(st.sampled_from(("same", "revised")))))
            continue
        kind = draw(st.sampled_from(KINDS))
        # the places from here on that keep no 2025 id: the parts of a split stand there
        left = next((n for n, k in enumerate(kept[len(plan) :]) if k), count - len(plan))
        if kind == "merged" and len(pool) >= 2:
            taken = draw(st.integers(2, min(3, len(pool))))
            plan.append((tuple(pool[:taken]), kind))
            del pool[:taken]
        elif kind == "split" and pool and left >= 2:
            plan += [((pool.pop(0),), kind)] * draw(st.integers(2, min(3, left)))
        elif kind in ("same", "revised") and pool:
            plan.append(((pool.pop(0),), kind))
        else:
            plan.append(((), "added"))
    return plan


def _apply(editions, plan) -> tuple[Files, Strategy, dict]:
    """The 2026 edition rewritten to a plan (crosswalks): 'same' takes the 2025 text; 'revised' the
    2025 text with a word added, in both languages."""
    files, _ = editions["2026"]
    old = {m.id: m.text for m in editions["2025"][1].measures}
    fields = {}
    for place, (continues, kind) in zip(_places(files), plan, strict=True):
        given_fields: dict = {"continues": list(continues) or None, "change": None if kind == "added" else kind}
        if kind in ("same", "revised"):
            text = old[continues[0]]
            extra = ("（改）", " (revised)") if kind == "revised" else ("", "")
            given_fields["text"] = {"ja": text.ja + extra[0], "en": text.en + extra[1]}
        fields[place] = given_fields
    changed, current = _rewritten(files, fields)
    return changed, current, fields


OLD_IDS = tuple(m["id"] for m in _raw_measures(DATA / FIRST))
# The fixture's measures, by place: the 2025 id each keeps, if any (check_kept_ids_continue_their_measure).
KEPT = tuple(m["id"] if m["id"] in OLD_IDS else None for m in _raw_measures(FIXTURE))


@given(plan=crosswalks(OLD_IDS, KEPT))
def test_any_right_crosswalk_passes_and_counts_what_it_says(editions, plan) -> None:
    files, current, _ = _apply(editions, plan)
    assert rules.crosswalk_problems("2025", editions["2025"][1], "2026", current, files) == []
    cw = Crosswalk.build("2025", editions["2025"][1], "2026", current)
    continued = {o for continues, _ in plan for o in continues}
    assert cw.counts() == {
        **{kind: sum(k == kind for _, k in plan) for kind in KINDS},
        "dropped": len(OLD_IDS) - len(continued),
    }
    assert cw.dropped == tuple(o for o in OLD_IDS if o not in continued)
    for measure, (continues, kind) in zip(current.measures, plan, strict=True):
        assert cw.kind(measure.id) == kind and cw.predecessors(measure.id) == continues
        assert all(measure.id in cw.successors(o) for o in continues)


@given(plan=crosswalks(OLD_IDS, KEPT), data=st.data())
def test_any_wrong_change_in_a_right_crosswalk_is_refused(editions, plan, data) -> None:
    """Whatever measure says another change than its crosswalk's (or says one where it continues nothing,
    or none where it continues something), the check refuses it, at that measure or at a part of its split."""
    index = data.draw(st.integers(0, len(plan) - 1))
    continues, kind = plan[index]
    wrong = data.draw(st.sampled_from([c for c in (None, *CHANGES) if c != (None if kind == "added" else kind)]))
    files, current, fields = _apply(editions, plan)
    place = _places(files)[index]
    changed, current = _rewritten(files, {**fields, place: {**fields[place], "change": wrong}})
    found = rules.crosswalk_problems("2025", editions["2025"][1], "2026", current, changed)
    assert found, (plan, index, wrong)
    parts = {i for i, (c, k) in enumerate(plan) if k == "split" and c == continues} | {index}
    measures = {_places(files)[i] for i in parts}
    assert any((p.where[1], p.where[3]) in {(g, m) for _, g, m in measures} for p in found)
    assert all(in_japanese(p.message) is not None for p in found), [p.message for p in found]


ID = st.from_regex(rf"\A{shape.ID}\Z", fullmatch=True).filter(lambda s: len(s) <= 40)


@given(unknown=ID, data=st.data())
def test_an_id_the_previous_edition_does_not_have_is_refused(editions, unknown, data) -> None:
    assume(unknown not in OLD_IDS)
    files, _ = editions["2026"]
    places = _places(files)
    index = data.draw(st.integers(0, len(places) - 1))
    measure = editions["2026"][1].measures[index]
    continues = [*measure.continues, unknown]
    change = measure.change or "revised"
    changed, current = _rewritten(files, {places[index]: {"continues": continues, "change": change}})
    found = [
        p
        for p in rules.crosswalk_problems("2025", editions["2025"][1], "2026", current, changed)
        if p.message.startswith(f"'{unknown}' is not a measure of the 2025 edition")
    ]
    assert len(found) == 1
    _, g, m = places[index]
    assert found[0].where == ("groups", g, "measures", m, "continues", len(continues) - 1)
    assert found[0].file == str(files["pillar"][places[index][0]].path)
    assert in_japanese(found[0].message) is not None


@given(data=st.data())
def test_a_random_subset_of_the_continued_measures_leaves_the_rest_dropped(editions, data) -> None:
    """Each measure of the fixture continuing a random subset of the 2025 measures, as merged (two or
    more) or revised (one, with its text changed): the dropped ones are exactly the others, in order."""
    files, _ = editions["2026"]
    pool = [i for i in data.draw(st.permutations(OLD_IDS)) if i not in KEPT]
    fields = {}
    for place, kept in zip(_places(files), KEPT, strict=True):
        taken = data.draw(st.integers(0, min(3, len(pool))))
        subset, pool = [kept] * bool(kept) + pool[:taken], pool[taken:]  # a kept id continues its measure
        change = None if not subset else "merged" if len(subset) > 1 else "revised"
        fields[place] = {"continues": subset or None, "change": change}
    changed, current = _rewritten(files, fields)
    found = rules.crosswalk_problems("2025", editions["2025"][1], "2026", current, changed)
    # a revised measure whose fixture text happens to be the 2025 one would have to say 'same'
    assert all("Write 'change: same'" in p.message for p in found), [str(p) for p in found]
    cw = Crosswalk.build("2025", editions["2025"][1], "2026", current)
    assert cw.dropped == tuple(o for o in OLD_IDS if o in pool)
    assert sum(cw.counts().values()) - cw.counts()["dropped"] == len(current.measures)


def test_every_crosswalk_rule_is_listed_and_states_its_rule() -> None:
    """The rules are listed in crosswalk.RULES, each a check_* function stating its rule."""
    written = {name for name in dir(rules) if name.startswith("check_")}
    assert written == {rule.__name__ for rule in rules.RULES}
    for rule in rules.RULES:
        assert rule.__doc__ and rule.__doc__.strip().endswith(".")


SCHEMA_CASES = [
    ("change: same", "change: renamed", "change", "'renamed' is not allowed here. Use one of: same, revised, split"),
    (
        "continues: [sip-bridge-moonshot, disaster-resilience-rd]",
        "continues: [sip-bridge-moonshot, sip-bridge-moonshot]",
        "continues",
        "lists the same entry twice",
    ),
    ("continues: [k-program-rd-support]", "continues: []", "continues", "is an empty list"),
]


@pytest.mark.parametrize("case", SCHEMA_CASES, ids=[c[1] for c in SCHEMA_CASES])
def test_the_schema_refuses_a_malformed_continues_or_change(case, tmp_path: Path) -> None:
    """What the schema says of the two fields (data/schema/common.schema.json, measure): one line at the
    field, in both languages."""
    old, new, field, words = case
    data = with_edition(tmp_path)
    path = data / "pillars" / P1
    text = _replace(path.read_text("utf-8"), old, new)
    path.write_text(text, "utf-8")
    _, problems = validate(data.parent, data.parent.parent)
    assert len(problems) == 1 and words in problems[0].message, [str(p) for p in problems]
    assert problems[0].line == text[: text.index(new)].count("\n") + 1
    assert field_name(problems[0].where).endswith(field) and in_japanese(problems[0].message) is not None
