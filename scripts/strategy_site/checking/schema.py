"""The JSON Schema adapter: each data file checked against its schema (data/schema/), every error
in words a data keeper can act on, at its field."""

from __future__ import annotations

import difflib
import json
import re
from functools import cache
from pathlib import Path
from typing import Any

import jsonschema
from referencing import Registry, Resource

from strategy_site.reading.load import LoadedFile, problem_at
from strategy_site.reading.problems import Problem

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
    "topics.yaml": "topics",
    "editions.yaml": "editions",
}
PILLAR_DIR = "pillars"
# The rules themselves: the project's own copy of the schemas, which the check uses. data/schema/ is
# the editors' copy (the yaml-language-server line at the top of each data file points to it), and
# lies where a data change can change it: a copy that differs is refused (schema_copy_problems), so
# that no change under data/ can loosen the rules (drop a URL's pattern, say).
RULES_DIR = Path(__file__).parent / "schemas"


def schema_copy_problems(schema_dir: Path, shown: Path) -> list[Problem]:
    """Each file of the editors' copy of the schemas (data/schema/, shown as `shown`) that is not the
    same as the project's own copy, or is missing, or is one the project does not have."""
    problems = []
    own = {path.name: path.read_bytes() for path in RULES_DIR.glob("*.schema.json")}
    present = {path.name for path in schema_dir.iterdir()} if schema_dir.is_dir() else set()
    for name in sorted(own.keys() | present):
        path, where = schema_dir / name, f"{shown}/{name}"
        if name not in own:
            why = (
                "is not one of the project's schemas. The rules are not changed under data/: delete it, or "
                "ask the site's developers to add a rule."
            )
        elif name not in present:
            why = "is missing. Restore it from the project's history (git checkout data/schema/)."
        elif not path.is_file() or path.read_bytes() != own[name]:
            why = (
                "differs from the project's own rules (scripts/strategy_site/checking/schemas/), which the "
                "check uses. The rules are not changed under data/: restore it (git checkout data/schema/); "
                "a change to the rules goes to the site's developers."
            )
        else:
            continue
        problems.append(Problem(where, 1, 1, (), why))
    return problems


def schema_name(relative: Path) -> str | None:
    """Which schema a data file follows, from where it lies under data/."""
    if relative.parent == Path(PILLAR_DIR) and relative.suffix == ".yaml":
        return "pillar"
    if relative.parent == Path("."):
        return SINGLE_FILES.get(relative.name)
    return None


@cache
def validator(schema_dir: Path, name: str) -> jsonschema.protocols.Validator:
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
        if value is None and typed:  # null, Null, NULL or ~: YAML's word for "no value"
            return (
                f"'{typed}' is read by YAML as 'no value', not as a text. Write {want} here; if you mean "
                f'the word, put it in quotation marks: "{typed}".{hint}'
            )
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


def schema_problems(loaded: LoadedFile, schema_dir: Path, name: str) -> list[Problem]:
    """The problems the file's JSON Schema finds in it, in words, each at its field (an unknown field at
    its name)."""
    checker = validator(schema_dir, name)
    # For 'oneOf' and the like, the most specific sub-error says most.
    errors: list[Any] = [  # jsonschema types its errors' fields as possibly unset; iter_errors sets them
        max([e, *e.context], key=lambda c: len(c.absolute_path)) if e.context else e
        for e in checker.iter_errors(loaded.data)
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
