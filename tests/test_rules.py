"""The validation rules: each one named check_* function with its rule in its docstring, every one of
them listed in validate.py (FILE_RULES, RULES, MODEL_RULES), and all of them safe on data of any shape
(a file that failed the schema still gets the rules its shape allows), without catching errors.
"""

from __future__ import annotations

import ast
import copy
import inspect
import json
import shutil
import tempfile
from pathlib import Path

import pytest
import yaml
from hypothesis import given
from hypothesis import strategies as st

from strategy_site.checking import dates, ids, items, names, redirects, schema, topics, validate, writing
from strategy_site.reading import shape
from strategy_site.reading.load import LoadedFile, read_file
from strategy_site.reading.problems import Problem

from conftest import EDITION, ROOT, within_edition

DATA = ROOT / "data"
MODULES = (validate, writing, ids, redirects, items, dates, names, topics)


def _listed() -> list:
    return [*validate.FILE_RULES, *(rule.check for rule in validate.RULES), *validate.MODEL_RULES]


def _written() -> set:
    """Every check_* function the rules' modules define."""
    return {
        func
        for module in MODULES
        for name, func in inspect.getmembers(module, inspect.isfunction)
        if name.startswith("check_") and func.__module__ == module.__name__
    }


def test_every_rule_is_a_documented_check_function() -> None:
    listed = _listed()
    assert len(listed) == len(set(listed)), "a rule is listed twice"
    for rule in listed:
        assert rule.__name__.startswith("check_"), rule.__name__
        doc = inspect.getdoc(rule)
        assert doc and doc.strip().endswith("."), f"{rule.__name__} has no docstring stating its rule"


def test_every_check_function_is_listed() -> None:
    """A rule cannot be written and forgotten: every check_* function is in validate.py's lists."""
    forgotten = sorted(func.__name__ for func in _written() - set(_listed()))
    assert not forgotten, f"not in validate.FILE_RULES, RULES or MODEL_RULES: {forgotten}"


def test_no_rule_catches_errors() -> None:
    """The rules read broken data through shape.py instead of catching what indexing it raises: the
    only `except` left in their modules is for an optional import."""
    for module in (*MODULES, shape):
        tree = ast.parse(Path(module.__file__).read_text("utf-8"))
        for handler in (node for node in ast.walk(tree) if isinstance(node, ast.ExceptHandler)):
            assert isinstance(handler.type, ast.Name) and handler.type.id == "ImportError", (
                f"{module.__name__} line {handler.lineno}: {ast.unparse(handler.type or ast.Constant(None))}"
            )


# -- Any shape of data ----------------------------------------------------------------------------

FIELDS = sorted(
    {
        name
        for path in (DATA / "schema").glob("*.schema.json")
        for name in json.dumps(json.loads(path.read_text("utf-8"))).split('"')
        if name.isidentifier()
    }
)
REAL = {
    path.relative_to(DATA).as_posix(): read_file(path, path.relative_to(ROOT), ROOT)[0]
    for path in sorted(DATA.rglob("*.yaml"))
}
SCALARS = (
    st.none()
    | st.booleans()
    | st.integers(min_value=-3, max_value=3000)
    | st.floats(allow_nan=True, allow_infinity=True)
    | st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=6)
    | st.sampled_from(["2025-13", "2025-02-30", "2025-02", "20-1-1", "fund", "site", "official", "measures/"])
    | st.sampled_from(sorted({ident for f in REAL.values() for ident, _ in shape.ids(f.data)}))
)
JUNK = st.recursive(
    SCALARS,
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.sampled_from(FIELDS), inner, max_size=4),
    max_leaves=12,
)


def _places(data: object):
    """Every place in the data."""
    return (where for where, _ in shape.nodes(data))


# (file, place with every list entry's number as 0): the places of each kind, each as likely as another
# to be broken, whatever their count (figures' fiscal years as likely as the pillars' measure texts).
KINDS: dict[tuple[str, tuple], list[tuple]] = {}
for _name, _real in REAL.items():
    for _place in _places(_real.data):
        KINDS.setdefault((_name, tuple(0 if isinstance(part, int) else part for part in _place)), []).append(_place)
# Values of every type, for each place in turn.
ODD = (None, 7, "x", [None, "x", 7], {"x": None})


def _with(name: str, where: tuple, value: object) -> object:
    """The real data of a file with the value at `where` (the whole file at ()) replaced."""
    if not where:
        return value
    data = copy.deepcopy(REAL[name].data)
    shape.at(data, where[:-1])[where[-1]] = value
    return data


@st.composite
def broken(draw) -> tuple[str, object]:
    """A data file's name and data: the real data with one place (or the whole file) replaced by junk."""
    name, kind = draw(st.sampled_from(sorted(KINDS, key=str)))
    return name, _with(name, draw(st.sampled_from(KINDS[name, kind])), draw(JUNK))


def _files(changed: dict[str, object], alone: bool = False) -> dict[str, list[LoadedFile]]:
    """The real data files, with the data of those in `changed` replaced. `alone`: only the changed
    files, and names.yaml and the edition's figures.yaml (the registry's entries, and texts that cite them)."""
    files: dict[str, list[LoadedFile]] = {}
    for name, real in REAL.items():
        if alone and name not in changed and name not in ("names.yaml", f"{EDITION}/figures.yaml"):
            continue
        data = changed.get(name, real.data)
        files.setdefault(_kind(name), []).append(LoadedFile(real.path, data, real.marks, real.key_marks))
    return files


def _run_every_rule(files: dict[str, list[LoadedFile]], per_file: bool = True) -> None:
    for rule in validate.RULES:
        found = rule.check(files)
        assert isinstance(found, list) and all(isinstance(p, Problem) for p in found), rule.check.__name__
    for loaded in (f for group in files.values() for f in group) if per_file else ():
        assert all(isinstance(p, Problem) for p in validate.file_rules(loaded, []))


def _kind(name: str) -> str:
    kind = schema.schema_name(within_edition(Path(name)))
    assert kind is not None, name
    return kind


def test_every_rule_runs_on_a_value_of_any_type_anywhere() -> None:
    """Each rule, given a data file with any one place of any kind holding a value of another type,
    returns problems and never raises (the per-file rules walk any shape: the tests below)."""
    for (name, _), places in KINDS.items():
        for value in ODD:
            _run_every_rule(_files({name: _with(name, places[0], value)}, alone=True), per_file=False)


@given(changes=st.lists(broken(), min_size=1, max_size=4))
def test_every_rule_runs_on_any_shape(changes: list) -> None:
    """Each rule, given files with nested junk of any shape in some places, never raises."""
    _run_every_rule(_files(dict(changes)))


_SCRATCH: list = []


@pytest.fixture(scope="module")
def scratch():
    root = Path(tempfile.mkdtemp(prefix="rules-"))
    shutil.copytree(DATA, root / "data")
    _SCRATCH.append(root)
    yield root
    shutil.rmtree(root, ignore_errors=True)


@given(change=broken())
def test_validation_of_any_shape_lists_problems(scratch: Path, change: tuple) -> None:
    """A data file of any shape, written out and validated with the rest: problems that name the file
    and a line, never an error; none only for data the schema takes."""
    name, data = change
    path = scratch / "data" / name
    original = path.read_bytes()
    path.write_text(yaml.safe_dump(data, allow_unicode=True), "utf-8")
    try:
        _, problems = validate.validate(scratch / "data", scratch)
    finally:
        path.write_bytes(original)
    assert all(p.line >= 1 and p.file.startswith("data") for p in problems), problems
    checker = schema.validator(scratch / "data" / "schema", _kind(name))
    assert problems or checker.is_valid(data), data


def test_a_file_that_failed_the_schema_still_gets_the_rules_its_shape_allows(tmp_path: Path) -> None:
    """One figure's years written as texts (the schema refuses them, and the span rule cannot compare
    them) and another figure's span reversed: both are found, the second by the span rule."""
    text = (DATA / EDITION / "figures.yaml").read_text("utf-8")
    for old, new in (
        ("fiscal_years: {start: 2021, end: 2022}", 'fiscal_years: {start: "2021", end: "2020"}'),
        ("fiscal_years: {start: 2018, end: 2024}", "fiscal_years: {start: 2024, end: 2018}"),
    ):
        assert text.count(old) == 1, old
        text = text.replace(old, new)
    data = tmp_path / "data"
    shutil.copytree(DATA, data)
    (data / EDITION / "figures.yaml").write_text(text, "utf-8")
    problems = [str(p) for p in validate.validate(data, tmp_path)[1]]
    assert any("field 'figures[1].fiscal_years.start'" in p for p in problems), problems
    reversed_span = [p for p in problems if "field 'figures[4].fiscal_years.end'" in p]
    assert len(reversed_span) == 1 and "ends (FY2018) before it starts (FY2024)" in reversed_span[0], problems


def test_the_schemas_validate_with_every_ref_in_place() -> None:
    """validate.py puts each $ref in place once, so that validating looks nothing up: none is left,
    and an error inside what a $ref pointed to is still found where it is."""
    schema_dir = ROOT / "data" / "schema"
    for path in sorted(schema_dir.glob("*.schema.json")):
        validator = schema.validator(schema_dir, path.name.removesuffix(".schema.json"))
        assert '"$ref"' not in json.dumps(validator.schema), path.name
    errors = list(schema.validator(schema_dir, "pillar").iter_errors({"id": "Not An Id"}))
    assert any(e.validator == "pattern" and list(e.absolute_path) == ["id"] for e in errors), errors
