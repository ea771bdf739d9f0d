"""Validate: check the loaded data against the JSON Schema, then the rules no schema expresses.

Every problem is collected, each naming the file, line, column and field, before anything stops.
Each rule is one check_* function whose docstring states it; every rule, guards.py's too, is listed
at the end of this file (FILE_RULES, RULES, MODEL_RULES), and validate() runs the lists.
"""

from __future__ import annotations

import calendar
import difflib
import json
import re
from collections.abc import Callable
from functools import cache
from pathlib import Path
from typing import Any, NamedTuple

import jsonschema
from referencing import Registry, Resource

from . import format as fmt
from . import guards, shape, urls
from . import pages as site_pages
from .load import Files, LoadedFile, data_files, read_file
from .problems import Problem

SCHEMA_DIR_NAME = "schema"
SINGLE_FILES = {
    "strategy.yaml": "strategy",
    "progress.yaml": "progress",
    "figures.yaml": "figures",
    "history.yaml": "history",
    "glossary.yaml": "glossary",
    "redirects.yaml": "redirects",
    "accessibility.yaml": "accessibility",
    "names.yaml": "names",
}
PILLAR_DIR = "pillars"


def schema_name(relative: Path) -> str | None:
    """Which schema a data file follows, from where it lies under data/."""
    if relative.parent == Path(PILLAR_DIR) and relative.suffix == ".yaml":
        return "pillar"
    if relative.parent == Path("."):
        return SINGLE_FILES.get(relative.name)
    return None


@cache
def _validator(schema_dir: Path, name: str) -> jsonschema.protocols.Validator:
    def retrieve(uri: str) -> Resource:
        return Resource.from_contents(json.loads((schema_dir / uri).read_text("utf-8")))

    schema = json.loads((schema_dir / f"{name}.schema.json").read_text("utf-8"))
    cls = _true_end(jsonschema.validators.validator_for(schema))
    # Every schema file loaded and crawled once, up front: retrieving on demand read the file
    # again at every $ref, the largest part of the time to validate (README, Performance).
    registry = (
        Registry(retrieve=retrieve)  # type: ignore[call-arg]  # referencing's attrs class takes it
        .with_resources((path.name, retrieve(path.name)) for path in sorted(schema_dir.glob("*.schema.json")))
        .crawl()
    )
    # Every $ref put in place once, here: looking them up while validating was still more than half
    # of the time to read the data at x100 (README, Performance). An error inside a $ref reports the
    # schema it points to either way, so the messages are the same.
    return cls(_refs_in_place(schema, registry.resolver_with_root(Resource.from_contents(schema))))


_NOT_SCHEMAS = frozenset({"enum", "const", "default", "examples"})  # keywords whose values are data
_NAMED_SCHEMAS = frozenset({"properties", "patternProperties", "$defs", "dependentSchemas"})  # name: schema


def _refs_in_place(node: Any, resolver: Any, depth: int = 0, names: bool = False) -> Any:
    """The schema with each {"$ref": ...} replaced by the schema it points to (the data's schemas put
    only annotations beside a $ref, and refer to nothing recursively). `names`: node maps names
    (of fields, of definitions) to schemas, so none of its keys is a keyword."""
    if depth > 50:
        raise ValueError("a $ref in data/schema/ refers back to itself")
    if isinstance(node, list):
        return [_refs_in_place(item, resolver, depth) for item in node]
    if not isinstance(node, dict):
        return node
    if names:
        return {name: _refs_in_place(schema, resolver, depth) for name, schema in node.items()}
    if "$ref" in node:
        resolved = resolver.lookup(node["$ref"])
        return _refs_in_place(resolved.contents, resolved.resolver, depth + 1)
    return {
        key: value if key in _NOT_SCHEMAS else _refs_in_place(value, resolver, depth, key in _NAMED_SCHEMAS)
        for key, value in node.items()
    }


def _true_end(cls):
    """The validator class, with patterns anchored at the true end of the text. JSON Schema patterns
    are searched with Python's re, where '$' also matches before a final line break: an id written
    as a block (id: |) would keep its line break and still match '^[a-z0-9-]+$'."""

    def pattern(validator, regex, instance, schema):
        if validator.is_type(instance, "string") and not re.search(_at_true_end(regex), instance):
            yield jsonschema.ValidationError(f"{instance!r} does not match {regex!r}")

    return jsonschema.validators.extend(cls, {"pattern": pattern})


@cache
def _at_true_end(regex: str) -> str:
    """'^a+$' -> '^a+\\Z': a final unescaped '$' matches only at the very end."""
    if regex.endswith("$") and not regex.endswith("\\$"):
        return regex[:-1] + r"\Z"
    return regex


_TYPE_WORDS = {
    "string": "text",
    "integer": "a whole number",
    "number": "a number",
    "boolean": "true or false",
    "object": "a set of fields (name: value)",
    "array": "a list (lines starting with '- ')",
    "null": "empty",
}


def _kind(value: object) -> str:
    if value is None:
        return "empty"
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, (int, float)):
        return "a number"
    if isinstance(value, str):
        return "text"
    if isinstance(value, list):
        return "a list"
    return "a set of fields"


def _describe(error: Any, typed: str | None = None) -> str:
    """A schema error in words a person who keeps the data can act on. `typed` is the value as
    typed when it had no quotation marks: YAML reads yes/no as true/false and ~ as empty."""
    expected = error.schema.get("description") if isinstance(error.schema, dict) else None
    hint = f" Expected: {expected}." if expected else ""
    v, value = error.validator, error.instance
    shown = repr(typed) if typed is not None and typed != str(value) else repr(value)
    if v == "required":
        missing = re.search(r"'([^']+)' is a required property", error.message)
        name = missing.group(1) if missing else "?"
        if name in ("ja", "en"):
            lang = "Japanese" if name == "ja" else "English"
            return f"the {lang} text '{name}' is missing. Add '{name}: ...' next to the other language.{hint}"
        return f"the field '{name}' is missing. Add it.{hint}"
    if v == "type":
        want = error.validator_value
        wants = want if isinstance(want, list) else [want]
        want = " or ".join(_TYPE_WORDS.get(w, str(w)) for w in wants)
        if value is None:
            return f"is empty. Write {want} after the colon.{hint}"
        if isinstance(value, str) and re.fullmatch(r"-?[0-9]+(\.[0-9]+)?", value) and "string" not in wants:
            return f"is text ('{value}') because of its quotation marks. Write the number without them: {value}.{hint}"
        if typed is not None and "string" in wants:
            return (
                f"should be text, but {typed} without quotation marks is read as {_kind(value)}. Put the "
                f'text in quotation marks: "{typed}".{hint}'
            )
        return f"should be {want}, but is {_kind(value)} ({shown}).{hint}"
    if v == "minLength" or (v == "pattern" and isinstance(value, str) and not value.strip()):
        return f"is empty. Write the text, or remove the field if it is optional.{hint}"
    if v == "pattern":
        if isinstance(value, str) and re.search(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]", value):
            return f"{value!r} contains a line break or control character. Keep the text on one line."
        if isinstance(value, str) and value != value.strip():
            return f"{value!r} has spaces at its start or end. Remove them."
        return f"{value!r} is not in the right form.{hint}"
    if v in ("enum", "const"):
        options = error.validator_value if v == "enum" else [error.validator_value]
        return f"{shown} is not allowed here. Use one of: {', '.join(map(str, options))}."
    if v in ("exclusiveMinimum", "minimum"):
        return f"{value!r} is too small.{hint}"
    if v == "maximum":
        return f"{value!r} is too large.{hint}"
    if v == "minItems":
        return f"is an empty list. Add at least one entry.{hint}"
    if v == "uniqueItems":
        return "lists the same entry twice. Remove the repeat."
    if v == "maxLength":
        return f"{value!r} is too long.{hint}"
    if v == "oneOf":
        return f"does not have the right fields.{hint}"
    return f"{error.message}.{hint}"


def _entity(loaded: LoadedFile, where: tuple) -> str:
    """The id of the nearest entity around `where`, to say which item a problem is in."""
    node, found = loaded.data, ""
    for part in where:
        if isinstance(node, dict) and isinstance(node.get("id"), str) and urls_id(node["id"]):
            found = node["id"]
        node = shape.step(node, part)
        if node is shape.MISSING:
            break
    if isinstance(node, dict) and isinstance(node.get("id"), str) and urls_id(node["id"]):
        found = node["id"]  # only a valid id: a malformed one could hold a line break
    return found


def problem_at(loaded: LoadedFile, where: tuple, message: str, at_name: bool = False) -> Problem:
    """A problem at the value at `where`, or at the field's name with at_name."""
    line, column = loaded.key_mark(where) if at_name else loaded.mark(where)
    return Problem(str(loaded.path), line, column, tuple(where), message, _entity(loaded, where))


def schema_problems(loaded: LoadedFile, schema_dir: Path, name: str) -> list[Problem]:
    """The problems the file's JSON Schema finds in it, in words, each at its field (an unknown field at
    its name)."""
    validator = _validator(schema_dir, name)
    # For 'oneOf' and the like, the most specific sub-error says most.
    errors: list[Any] = [  # jsonschema types its errors' fields as possibly unset; iter_errors sets them
        max([e, *e.context], key=lambda c: len(c.absolute_path)) if e.context else e
        for e in validator.iter_errors(loaded.data)
    ]
    problems, meant = [], set()  # meant: (place, field) an unknown field is probably a misspelling of
    for error in (e for e in errors if e.validator == "additionalProperties" and isinstance(e.instance, dict)):
        # Point at the unknown field's name, one problem for each.
        where, allowed = tuple(error.absolute_path), list(error.schema.get("properties", {}))
        for key in (k for k in error.instance if k not in allowed):
            close = difflib.get_close_matches(str(key), allowed, n=1, cutoff=0.7)
            guess = f"Did you mean '{close[0]}'? " if close else ""
            meant |= {(where, close[0])} if close else set()
            problems.append(
                problem_at(
                    loaded,
                    where + (key,),
                    f"unknown field '{key}'. {guess}The fields allowed here are: {', '.join(allowed)}.",
                    at_name=True,
                )
            )
    for error in errors:
        where = tuple(error.absolute_path)
        if error.validator == "additionalProperties" and isinstance(error.instance, dict):
            continue
        if error.validator == "required" and any(
            (where, n) in meant for n in error.validator_value if n not in error.instance
        ):
            continue  # said above: "unknown field 'amout'. Did you mean 'amount'?"
        problems.append(problem_at(loaded, where, _describe(error, loaded.typed.get(where))))
    return problems


def _own_rules(name: str, loaded: LoadedFile, known: list[Problem]) -> list[Problem]:
    """The rules within one file (dates, fiscal spans, ids) for a file that failed the schema, as far as
    its shape allows: each rule skips an entity whose fields are missing or mistyped (shape.py), and a
    rule's problem at or above a place that already has one is left out."""
    found = run_rules({name: [loaded]}, references=False)
    places = [p.where for p in known if p.file == str(loaded.path)]
    return [p for p in found if not any(place[: len(p.where)] == p.where for place in places)]


def _shown(path: Path, root: Path) -> Path:
    """A path as messages show it: relative to the project where it lies inside it."""
    return path.relative_to(root) if path.is_relative_to(root) else path


def read_all(data_dir: Path, root: Path) -> tuple[dict[str, list[LoadedFile]], list[Problem]]:
    """Read and schema-check every file under data/. Returns the files by schema name, and the problems."""
    files: dict[str, list[LoadedFile]] = {}
    problems: list[Problem] = []
    schema_dir = data_dir / SCHEMA_DIR_NAME
    for path in data_files(data_dir):
        shown = _shown(path, root)
        name = schema_name(path.relative_to(data_dir))
        if path.suffix == ".yml":
            problems.append(
                Problem(
                    str(shown), 1, 1, (), f"ends in '.yml', so it would not be read. Rename it to '{path.stem}.yaml'."
                )
            )
            continue
        if name is None:
            problems.append(
                Problem(
                    str(shown),
                    1,
                    1,
                    (),
                    "is not a known data file. Data files are "
                    f"{', '.join(SINGLE_FILES)} and {PILLAR_DIR}/<pillar-id>.yaml.",
                )
            )
            continue
        loaded, found = read_file(path, shown, data_dir.resolve().parent)  # links may not leave the project
        problems += found
        if loaded is None:
            continue
        # A field the loader already explained (a backslash escape, say) needs no second message.
        explained = {p.where for p in found}
        file_problems = [p for p in schema_problems(loaded, schema_dir, name) if p.where not in explained]
        file_problems += file_rules(loaded, found + file_problems)
        problems += file_problems
        if not file_problems and not found:
            files.setdefault(name, []).append(loaded)
        else:
            problems += _own_rules(name, loaded, found + file_problems)
    present = {schema_name(p.relative_to(data_dir)) for p in data_files(data_dir)}
    for single, name in SINGLE_FILES.items():
        if name not in present:
            problems.append(
                Problem(
                    str(_shown(data_dir / single, root)),
                    1,
                    1,
                    (),
                    "is missing. Every build needs it: restore it from the project's history.",
                )
            )
    if "pillar" not in present:
        problems.append(
            Problem(
                f"{_shown(data_dir / PILLAR_DIR, root)}/",
                1,
                1,
                (),
                "holds no pillar file (<pillar-id>.yaml). Restore the pillars' files from the project's history.",
            )
        )
    return files, problems


def _walk_ids(data: object):
    """Every (id, path) in a file's data: each entity with an id, and where it stands."""
    return (
        (node["id"], where)
        for where, node in shape.nodes(data)
        if isinstance(node, dict) and isinstance(node.get("id"), str)
    )


def urls_id(text: str) -> bool:
    """Whether a text is a valid id (lowercase letters, digits, single hyphens)."""
    return re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", text) is not None


def _valid_month_date(text: str) -> bool | None:
    """Whether a date written YYYY-MM or YYYY-MM-DD is a real one; None for a text in another form
    (the schema says so)."""
    if not re.fullmatch(r"[0-9]{4}-[0-9]{2}(-[0-9]{2})?", text):
        return None
    parts = [int(p) for p in text.split("-")]
    if not 1 <= parts[1] <= 12:
        return False
    return len(parts) == 2 or 1 <= parts[2] <= calendar.monthrange(parts[0], parts[1])[1]


# -- The rules across files ------------------------------------------------------------------------
# Each rule is one function: Files -> Problems, its docstring the rule in one sentence. Each reads
# the data through shape.py, so that on a file that failed the schema it skips what it cannot read.


def _all(files: Files):
    return (loaded for group in files.values() for loaded in group)


def _pillar_ids(files: Files) -> set[str]:
    return {ident for loaded in files.get("pillar", []) if (ident := shape.text(loaded.data, "id")) is not None}


def _measure_ids(files: Files) -> set[str]:
    return {
        ident
        for loaded in files.get("pillar", [])
        for _, group in shape.entries(loaded.data, "groups")
        for _, measure in shape.entries(group, "measures")
        if (ident := shape.text(measure, "id")) is not None
    }


def _box_item_ids(files: Files) -> set[str]:
    ids = set()
    for loaded in files.get("strategy", []):
        for _, box in shape.entries(loaded.data, "boxes"):
            items = [item for _, item in shape.entries(box, "items")]
            items += [item for _, group in shape.entries(box, "groups") for _, item in shape.entries(group, "items")]
            ids |= {ident for item in items if (ident := shape.text(item, "id")) is not None}
    return ids


def _progress_items(files: Files):
    """(file, place, item) for every progress item."""
    for loaded in files.get("progress", []):
        for s, section in shape.entries(loaded.data, "sections"):
            for i, item in shape.entries(section, "items"):
                yield loaded, ("sections", s, "items", i), item


def _figures(files: Files):
    """(file, place, figure) for every budget figure."""
    for loaded in files.get("figures", []):
        for f, figure in shape.entries(loaded.data, "figures"):
            yield loaded, ("figures", f), figure


def _missing(loaded: LoadedFile, where: tuple, ident: str | None, known: set[str], what: str) -> list[Problem]:
    """A reference to an id that no `what` has."""
    if ident is None or ident in known:
        return []
    return [
        problem_at(
            loaded,
            where,
            f"refers to '{ident}', but no {what} has that id. Check the spelling against the id in the data.",
        )
    ]


def check_unique_ids(files: Files) -> list[Problem]:
    """Every id is used once, in all the data files together."""
    problems: list[Problem] = []
    seen: dict[str, tuple[LoadedFile, tuple]] = {}
    for loaded in _all(files):
        for ident, where in _walk_ids(loaded.data):
            if ident in seen:
                other, other_where = seen[ident]
                line = other.mark(other_where + ("id",))[0]
                problems.append(
                    problem_at(
                        loaded,
                        where + ("id",),
                        f"the id '{ident}' is already used in "
                        f"{other.path} on line {line}. Every id must be unique: choose another.",
                    )
                )
            else:
                seen[ident] = (loaded, where)
    return problems


def check_pillar_file_names(files: Files) -> list[Problem]:
    """A pillar's file is named after the pillar's id: pillars/<id>.yaml."""
    problems = []
    for loaded in files.get("pillar", []):
        pid = shape.text(loaded.data, "id")
        stem = Path(str(loaded.path)).stem
        if pid is None or stem == pid:
            continue
        if urls_id(stem):
            message = (
                f"the pillar's id '{pid}' differs from its file name "
                f"'{Path(str(loaded.path)).name}'. Change the id back to "
                f"'{stem}', or rename the file to '{pid}.yaml'."
            )
        else:
            message = (
                f"the file name '{Path(str(loaded.path)).name}' is not "
                f"a pillar id (lowercase letters a-z, digits and single hyphens). Rename "
                f"the file to '{pid}.yaml' after the pillar's id."
            )
        problems.append(problem_at(loaded, ("id",), message))
    return problems


def check_pillar_orders(files: Files) -> list[Problem]:
    """Each pillar has an 'order' of its own: no two pillars share a place on the slide."""
    problems = []
    orders: dict[float, LoadedFile] = {}
    for loaded in files.get("pillar", []):
        order = shape.number(loaded.data, "order")
        if order is None:
            continue
        if order in orders:
            problems.append(
                problem_at(
                    loaded,
                    ("order",),
                    f"order {order} is already taken by {orders[order].path}. Give each pillar its own place.",
                )
            )
        orders[order] = loaded
    return problems


def check_box_shape(files: Files) -> list[Problem]:
    """A slide-1 box lists its items either directly ('items') or in groups ('groups'), not both."""
    return [
        problem_at(loaded, ("boxes", i), "has both 'items' and 'groups'. Keep one.")
        for loaded in files.get("strategy", [])
        for i, box in shape.entries(loaded.data, "boxes")
        if "items" in box and "groups" in box
    ]


def check_progress_pillars(files: Files) -> list[Problem]:
    """Each progress section names, in 'pillar', a pillar that exists."""
    pillar_ids = _pillar_ids(files)
    return [
        problem
        for loaded in files.get("progress", [])
        for s, section in shape.entries(loaded.data, "sections")
        for problem in _missing(loaded, ("sections", s, "pillar"), shape.text(section, "pillar"), pillar_ids, "pillar")
    ]


def check_progress_advances(files: Files) -> list[Problem]:
    """What a progress item 'advances' is a measure or a slide-1 box item that exists."""
    known = _measure_ids(files) | _box_item_ids(files)
    return [
        problem
        for loaded, where, item in _progress_items(files)
        for a, ident in shape.texts(item, "advances")
        for problem in _missing(loaded, where + ("advances", a), ident, known, "measure or slide-1 box item")
    ]


def check_real_dates(files: Files) -> list[Problem]:
    """A progress item's date is a real date: a month from 01 to 12, and a day that month has."""
    problems = []
    for loaded, where, item in _progress_items(files):
        for d, dated in shape.entries(item, "dates"):
            date = shape.text(dated, "date")
            if date is not None and _valid_month_date(date) is False:
                problems.append(
                    problem_at(
                        loaded,
                        where + ("dates", d, "date"),
                        f"'{date}' is not a real date. Write YYYY-MM with a month "
                        "from 01 to 12, or YYYY-MM-DD with a day that month has.",
                    )
                )
    return problems


def check_figure_measures(files: Files) -> list[Problem]:
    """A budget figure's 'measure' is a measure that exists."""
    known = _measure_ids(files)
    return [
        problem
        for loaded, where, figure in _figures(files)
        for problem in _missing(loaded, where + ("measure",), shape.text(figure, "measure"), known, "measure")
    ]


def check_figure_progress_items(files: Files) -> list[Problem]:
    """A budget figure's 'progress_item' is a progress item that exists."""
    known = {ident for _, _, item in _progress_items(files) if (ident := shape.text(item, "id")) is not None}
    return [
        problem
        for loaded, where, figure in _figures(files)
        for problem in _missing(
            loaded, where + ("progress_item",), shape.text(figure, "progress_item"), known, "progress item"
        )
    ]


def check_fiscal_spans(files: Files) -> list[Problem]:
    """A budget figure's fiscal years end no earlier than they start."""
    problems = []
    for loaded, where, figure in _figures(files):
        span = shape.fields(figure, "fiscal_years")
        start, end = shape.number(span, "start"), shape.number(span, "end")
        if start is not None and end is not None and end < start:
            problems.append(
                problem_at(
                    loaded,
                    where + ("fiscal_years", "end"),
                    f"the span ends (FY{end}) before it starts (FY{start}). "
                    "Swap 'start' and 'end', or correct the years.",
                )
            )
    return problems


def check_fiscal_years_given(files: Files) -> list[Problem]:
    """A budget figure that is not a fund (an initial or supplementary budget) gives its 'fiscal_years'."""
    return [
        problem_at(
            loaded,
            where,
            "has no 'fiscal_years'. An initial or "
            "supplementary budget covers fiscal years: add them (start: and end:).",
        )
        for loaded, where, figure in _figures(files)
        if not figure.get("fiscal_years") and shape.text(figure, "budget_type") not in (None, "fund")
    ]


def check_redirects_keep_live_pages(files: Files) -> list[Problem]:
    """A redirect may not take over a page the site still serves ('from' without an anchor)."""
    pages = set(site_pages.static_urls()) | {urls.page_url(site_pages.pillar(p)) for p in _pillar_ids(files)}
    problems = []
    for loaded in files.get("redirects", []):
        for r, entry in shape.entries(loaded.data, "redirects"):
            page, _, anchor = (shape.text(entry, "from") or "").partition("#")
            if page in pages and not anchor:
                problems.append(
                    problem_at(
                        loaded,
                        ("redirects", r, "from"),
                        f"'{page}' is a page the site still "
                        "serves, so it cannot be redirected. Remove this entry, or give an anchor.",
                    )
                )
    return problems


def check_history_years(files: Files) -> list[Problem]:
    """Each year is listed once in the history."""
    problems = []
    for loaded in files.get("history", []):
        seen: list[float] = []
        for i, entry in shape.entries(loaded.data, "years"):
            year = shape.number(entry, "year")
            if year is None:
                continue
            if year in seen:
                problems.append(problem_at(loaded, ("years", i, "year"), f"the year {year} is listed twice."))
            seen.append(year)
    return problems


def _texts_with_translation(data: object):
    """Every text (a dict with 'ja' and 'en') that says 'translation' or 'registry', with its path."""
    return (
        (node, where)
        for where, node in shape.nodes(data)
        if isinstance(node, dict) and "ja" in node and "en" in node and ("translation" in node or "registry" in node)
    )


def _names(files: Files):
    """(file, place in the list, entry) for every entry of the registry of names (data/names.yaml)."""
    for loaded in files.get("names", []):
        for n, entry in shape.entries(loaded.data, "names"):
            yield loaded, n, entry


def check_name_sources(files: Files) -> list[Problem]:
    """A name in data/names.yaml that is official or established cites its source; the site's own
    translation ('status: site') cites none."""
    problems = []
    for loaded, n, entry in _names(files):
        status = shape.text(entry, "status")
        if status is not None and status != "site" and "source" not in entry:
            problems.append(
                problem_at(
                    loaded,
                    ("names", n, "status"),
                    f"says '{status}' but gives no "
                    "source. Add 'source:' with publisher, title, url and checked, or write "
                    "'status: site' if the English is the site's own translation.",
                )
            )
        if status == "site" and "source" in entry:
            problems.append(
                problem_at(
                    loaded,
                    ("names", n, "source"),
                    "a name that is the site's own translation "
                    "has no source. Remove 'source:', or give the status the source supports.",
                )
            )
    return problems


def check_official_names(files: Files) -> list[Problem]:
    """A text's 'registry: <id>' names an entry of data/names.yaml, and a text marked 'translation:
    official' names one that cites an official source and uses its English (or one of its 'also' forms)."""
    entries = {ident: entry for _, _, entry in _names(files) if (ident := shape.text(entry, "id")) is not None}
    problems = []
    for loaded in (f for name, group in files.items() if name != "names" for f in group):
        for text, where in _texts_with_translation(loaded.data):
            ident = text.get("registry")
            official = text.get("translation") == "official"
            if official and ident is None:
                problems.append(
                    problem_at(
                        loaded,
                        where + ("translation",),
                        "says 'translation: official' but "
                        "names no source. Add 'registry: <id>' with the id of the name's entry "
                        "in data/names.yaml (add the entry with its source if it is missing), "
                        "or remove 'translation: official'.",
                    )
                )
                continue
            entry = entries.get(ident) if isinstance(ident, str) else None
            if entry is None:
                problems.append(
                    problem_at(
                        loaded,
                        where + ("registry",),
                        f"refers to '{ident}', but "
                        "data/names.yaml has no name with that id. Check the spelling, or add "
                        "the name there with its source.",
                    )
                )
                continue
            if official and shape.text(entry, "status") == "site":
                problems.append(
                    problem_at(
                        loaded,
                        where + ("translation",),
                        f"says 'translation: official', but "
                        f"'{ident}' in data/names.yaml is the site's own translation. Remove "
                        "'translation: official', or cite the official source in data/names.yaml.",
                    )
                )
            forms = [form for form in [shape.text(entry, "en")] if form is not None]
            forms += [form for _, form in shape.texts(entry, "also")]
            if official and text["en"] not in forms:
                problems.append(
                    problem_at(
                        loaded,
                        where + ("en",),
                        f"is marked as the official name, but "
                        f"data/names.yaml gives '{ident}' as {' or '.join(repr(f) for f in forms)}. "
                        "Use that English, or correct the entry in data/names.yaml.",
                    )
                )
    return problems


# A capitalised English name: two or more words with capitals (R&D, Startup), at least one of them a
# capitalised word (Vision) and not only acronyms (FY2021 and FY2022), joined by spaces or by the small
# words of a name (Basic Policy on Open Access); a number may follow (Integrated Innovation Strategy 2024).
# Months and the names of the two languages are capitalised words but name no body or programme.
_WORD = r"[A-Z](?:[\w'’&-]|\.(?=\w))*"
_SMALL = r"(?:of|and|for|on|in|the|to|by|through|with|a|an)"
_NUMBER = r"[0-9](?:[0-9–-]|\.(?=[0-9]))*(?:st|nd|rd|th)?"
_NAME_RUN = re.compile(rf"(?<![\w'’&.-]){_WORD}(?:(?: {_SMALL})* {_WORD}| {_NUMBER}(?!\w))*")
_SENTENCE_START = re.compile(r"(?:^|^\([^)]*\)\s+|[.:;!?]\s+|[“\"]\s*)$")
_NOT_NAME_WORDS = frozenset((*fmt.MONTHS, "Japanese", "English"))


def unregistered_names(english: str, registered: list[str]) -> list[str]:
    """The capitalised multi-word names in an English text that are not in the registry of names
    (`registered`: every entry's English and 'also' forms). Not a name: a single word (KAKENHI), a run
    of acronyms and numbers (FY2021 and FY2022), a sentence's first word (Support for ...)."""
    for form in sorted(registered, key=len, reverse=True):
        english = english.replace(form, " | ")
    found = []
    for match in _NAME_RUN.finditer(english):
        words = match.group().split(" ")
        shown = counted = words
        if _SENTENCE_START.search(english[: match.start()]):
            counted = words[1:]  # a sentence's first word has its capital anyway
            if counted and re.fullmatch(_SMALL, counted[0]):  # "Promotion of the Global ...": the name follows
                while counted and re.fullmatch(_SMALL, counted[0]):
                    counted = counted[1:]
                shown = counted
        capitals = [w for w in counted if re.fullmatch(_WORD, w) and w not in _NOT_NAME_WORDS]
        if len(capitals) >= 2 and any(re.search(r"[a-z]", w) for w in capitals):
            found.append(" ".join(shown))
    return found


def check_registered_names(files: Files) -> list[Problem]:
    """Every capitalised English name in a text (two or more words with capitals, such as 'Basic Policy
    on Open Access') is in the registry of names, data/names.yaml, with its English as 'en' or in
    'also': official or established with its source, or the site's own translation (status: site).
    A name the registry does not know could be an official name given without its source, or the
    site's own translation shown as if it were official."""
    registered = [form for _, _, entry in _names(files) for form in [shape.text(entry, "en")] if form]
    registered += [form for _, _, entry in _names(files) for _, form in shape.texts(entry, "also")]
    problems = []
    # Not the registry itself, nor the accessibility statement: its sentences are the site's own, in both
    # languages, and say nothing of the strategy.
    for loaded in (f for name, group in files.items() if name not in ("names", "accessibility") for f in group):
        for where, node in shape.nodes(loaded.data):
            # a text that names its entry (registry:) is check_official_names' to check
            named = isinstance(node, dict) and ("registry" in node or "translation" in node)
            english = shape.text(node, "en") if isinstance(node, dict) and "ja" in node and not named else None
            for name in unregistered_names(english or "", registered):
                problems.append(
                    problem_at(
                        loaded,
                        where + ("en",),
                        f"names '{name}', which is not in the registry of names. Add it to data/names.yaml "
                        "with its Japanese and English: 'status: official' or 'established' with the page that "
                        "uses the English as 'source:', or 'status: site' if the English is the site's own "
                        "translation. If it is not a name, write it in lower case.",
                    )
                )
    return problems


# -- Every rule, in one place ----------------------------------------------------------------------


class Rule(NamedTuple):
    """A rule across the data files. `references`: it checks that what one file names exists in
    another, so it is skipped while any file has a problem (what it names may be in that file)."""

    check: Callable[[Files], list[Problem]]
    references: bool = False


# The rules for one file, run on every file that was read, in this order (each is told what the
# rules before it found, so that one place gets one message): guards.py.
FILE_RULES: tuple[Callable[[LoadedFile, list[Problem]], list[Problem]], ...] = (
    guards.check_spelling,
    guards.check_invisible,
    guards.check_english,
)

# The rules across files, run after the schema on the files that passed it (and on each file that
# failed it, alone, without the references): defined above, or in guards.py (ids the pages use,
# redirects).
RULES: tuple[Rule, ...] = (
    Rule(check_unique_ids),
    Rule(guards.check_reserved_ids),
    Rule(check_pillar_file_names),
    Rule(guards.check_pillar_ids),
    Rule(check_pillar_orders),
    Rule(check_box_shape),
    Rule(check_progress_pillars, references=True),
    Rule(check_progress_advances, references=True),
    Rule(check_real_dates),
    Rule(check_figure_measures, references=True),
    Rule(check_figure_progress_items, references=True),
    Rule(check_fiscal_spans),
    Rule(check_fiscal_years_given),
    Rule(check_redirects_keep_live_pages),
    Rule(guards.check_redirect_forms),
    Rule(check_history_years),
    Rule(check_name_sources),
    Rule(check_official_names, references=True),
    Rule(check_registered_names, references=True),
)

# The rules on the built model (strategy, files, the ids a served page carries), once the data is
# valid: the pipeline runs them (guards.py).
MODEL_RULES = (guards.check_redirect_targets,)


def file_rules(loaded: LoadedFile, known: list[Problem]) -> list[Problem]:
    """The FILE_RULES' problems in one file that was read; `known`: the problems it has already."""
    problems: list[Problem] = []
    for rule in FILE_RULES:
        problems += rule(loaded, known + problems)
    return problems


def run_rules(files: Files, references: bool = True) -> list[Problem]:
    """The RULES' problems in the files. With references=False (some file could not be read or failed
    the schema), the rules that check references are skipped: what they point to may be in that file."""
    return [problem for rule in RULES if references or not rule.references for problem in rule.check(files)]


def validate(data_dir: Path, root: Path) -> tuple[Files, list[Problem]]:
    """Load and validate every data file. An empty problem list means the data can be built."""
    files, problems = read_all(data_dir, root)
    problems += run_rules(files, references=not problems)
    return files, problems
