"""Load: read the YAML files under data/ into plain values, keeping each value's line and column.

PyYAML's composer gives every node its position. We build the values ourselves from the nodes,
so that we can refuse what PyYAML would silently accept (a duplicate key keeps the last value)
and so that every later error can name the file, line and column of the value it is about.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from .problems import Problem

MAX_BYTES = 1_000_000
Path_ = tuple  # a field path inside one file, e.g. ("groups", 0, "measures", 1, "text", "en")


@dataclass
class LoadedFile:
    """One data file: its values, and the line/column of every value and key."""

    path: Path  # as shown in messages, relative to the project
    data: object
    marks: dict[Path_, tuple[int, int]] = field(default_factory=dict)

    def mark(self, where: Path_) -> tuple[int, int]:
        """The line and column of the value at `where`, or of its nearest parent we know."""
        where = tuple(where)
        while where not in self.marks and where:
            where = where[:-1]
        return self.marks.get(where, (1, 1))


class _Constructor(yaml.constructor.SafeConstructor):
    """Scalars as the YAML core schema reads them, but dates stay text (we check them ourselves)."""


_Constructor.add_constructor("tag:yaml.org,2002:timestamp", yaml.constructor.SafeConstructor.construct_yaml_str)


def _problem(path: Path, line: int, column: int, where: Path_, message: str) -> Problem:
    return Problem(str(path), line, column, where, message)


def _bad_indent_tab(text: str) -> tuple[int, int] | None:
    for number, line in enumerate(text.splitlines(), start=1):
        indent = re.match(r"[ \t]*", line).group(0)
        if "\t" in indent:
            return number, indent.index("\t") + 1
    return None


def read_file(path: Path, shown_as: Path | None = None) -> tuple[LoadedFile | None, list[Problem]]:
    """Read one YAML file. Returns the file, or None and the problems that stop it being read."""
    shown = shown_as or path
    try:
        raw = path.read_bytes()
    except OSError as exc:
        return None, [_problem(shown, 1, 1, (), f"cannot be read ({exc.strerror}).")]
    if len(raw) > MAX_BYTES:
        return None, [_problem(shown, 1, 1, (), f"is {len(raw) / 1_000_000:.1f} MB; a data file may be at most "
                               f"{MAX_BYTES // 1_000_000} MB. Split it, or check that it is the right file.")]
    if raw.startswith(b"\xef\xbb\xbf"):
        return None, [_problem(shown, 1, 1, (), "starts with a byte-order mark (BOM). Save the file as "
                               "UTF-8 without BOM (in most editors: Encoding > UTF-8).")]
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        column = exc.start - (raw.rfind(b"\n", 0, exc.start) + 1) + 1
        return None, [_problem(shown, line, column, (), "is not valid UTF-8 text (byte "
                               f"0x{raw[exc.start]:02x}). Save the file with the encoding UTF-8.")]
    if not text.strip() or all(not l.strip() or l.lstrip().startswith("#") for l in text.splitlines()):
        return None, [_problem(shown, 1, 1, (), "is empty. Restore its content, or delete the file "
                               "if it is not needed.")]
    tab = _bad_indent_tab(text)
    if tab:
        return None, [_problem(shown, tab[0], tab[1], (), "is indented with a tab. YAML allows only "
                               "spaces for indentation: replace the tab with spaces.")]
    try:
        nodes = list(yaml.compose_all(text, Loader=yaml.SafeLoader))
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        what = exc.problem or "is not valid YAML"
        return None, [_problem(shown, line, column, (), f"is not valid YAML: {what}. Check the line "
                               "above too: a missing quote, colon or indentation is the usual cause.")]
    except yaml.YAMLError as exc:
        return None, [_problem(shown, 1, 1, (), f"is not valid YAML: {exc}.")]
    if len(nodes) != 1:
        return None, [_problem(shown, 1, 1, (), "holds more than one YAML document (a line '---' "
                               "in the middle?). Keep one document per file.")]
    loaded = LoadedFile(shown, None)
    problems: list[Problem] = []
    loaded.data = _build(nodes[0], (), loaded, problems)
    return loaded, problems


def _build(node: yaml.Node, where: Path_, loaded: LoadedFile, problems: list[Problem]) -> object:
    loaded.marks[where] = (node.start_mark.line + 1, node.start_mark.column + 1)
    if isinstance(node, yaml.MappingNode):
        result: dict = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, yaml.ScalarNode):
                line, column = key_node.start_mark.line + 1, key_node.start_mark.column + 1
                problems.append(_problem(loaded.path, line, column, where, "has a key that is not a plain name."))
                continue
            key = key_node.value
            if key in result:
                line, column = key_node.start_mark.line + 1, key_node.start_mark.column + 1
                first = loaded.marks.get(where + (key,), (0, 0))[0]
                problems.append(_problem(loaded.path, line, column, where + (key,),
                                         f"the field '{key}' is written twice (first on line {first}). "
                                         "Keep one and delete the other: otherwise one value would be lost."))
                continue
            result[key] = _build(value_node, where + (key,), loaded, problems)
        return result
    if isinstance(node, yaml.SequenceNode):
        return [_build(item, where + (i,), loaded, problems) for i, item in enumerate(node.value)]
    return _Constructor().construct_object(node)


def data_files(data_dir: Path) -> list[Path]:
    """Every data file, in a stable order."""
    return sorted(p for p in data_dir.rglob("*.yaml") if "schema" not in p.relative_to(data_dir).parts)
