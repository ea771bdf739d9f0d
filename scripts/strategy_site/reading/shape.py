"""Reading data whose shape is not known to be the schema's: a file that failed the schema still gets
the rules its shape allows (validate.RULES). Each accessor gives nothing where the shape differs (a
list where fields are expected, a missing field, a number where a text is expected), so a rule skips
that entity instead of stopping; on data that passed the schema each gives what plain indexing gives.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

MISSING: Any = object()  # what at() gives for a place that is not in the data

# What an id looks like: lowercase letters and digits, in parts joined by single hyphens. An id
# becomes part of a web address (urls), so the loader, the rules and the templates read it here.
# data/schema/common.schema.json states the same pattern for editors (a test holds them together).
ID = r"[a-z0-9]+(?:-[a-z0-9]+)*"
_ID_RE = re.compile(ID)


def is_id(text: object) -> bool:
    """Whether a value is a valid id."""
    return isinstance(text, str) and _ID_RE.fullmatch(text) is not None


def nodes(data: object, where: tuple = ()) -> Iterator[tuple[tuple, Any]]:
    """Every value in the data with its field path, each before what it holds (the data itself first)."""
    yield where, data
    if isinstance(data, dict):
        for key, value in data.items():
            yield from nodes(value, where + (key,))
    elif isinstance(data, list):
        for i, value in enumerate(data):
            yield from nodes(value, where + (i,))


def step(node: object, part: object) -> Any:
    """node[part] where node has it: a field of a set of fields, an entry of a list; else MISSING."""
    if isinstance(node, dict):
        return node.get(part, MISSING) if isinstance(part, (str, int, float, bool)) or part is None else MISSING
    if isinstance(node, list) and isinstance(part, int) and not isinstance(part, bool) and 0 <= part < len(node):
        return node[part]
    return MISSING


def at(node: object, where: tuple) -> Any:
    """The value at the field path `where`, or MISSING where the path is not in the data."""
    for part in where:
        node = step(node, part)
        if node is MISSING:
            return MISSING
    return node


def entries(node: object, key: str) -> list[tuple[int, dict]]:
    """The entries of the list `key` that are sets of fields, with their places in the list."""
    value = step(node, key)
    if not isinstance(value, list):
        return []
    return [(i, entry) for i, entry in enumerate(value) if isinstance(entry, dict)]


def text(node: object, key: str) -> str | None:
    """The text in the field `key`, or None where there is no such field or it is not a text."""
    value = step(node, key)
    return value if isinstance(value, str) else None


def texts(node: object, key: str) -> list[tuple[int, str]]:
    """The texts in the list `key`, with their places in the list."""
    value = step(node, key)
    if not isinstance(value, list):
        return []
    return [(i, entry) for i, entry in enumerate(value) if isinstance(entry, str)]


def number(node: object, key: str) -> int | float | None:
    """The number in the field `key` (true and false are not numbers), or None."""
    value = step(node, key)
    return value if isinstance(value, (int, float)) and not isinstance(value, bool) else None


def fields(node: object, key: str) -> dict | None:
    """The set of fields in the field `key`, or None."""
    value = step(node, key)
    return value if isinstance(value, dict) else None


def ids(data: object) -> Iterator[tuple[str, tuple]]:
    """Every (id, path) in a file's data: each entity with an id, and where it stands."""
    return (
        (node["id"], where) for where, node in nodes(data) if isinstance(node, dict) and isinstance(node.get("id"), str)
    )
