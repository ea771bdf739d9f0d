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
    key_marks: dict[Path_, tuple[int, int]] = field(default_factory=dict)  # where each field's name stands
    typed: dict[Path_, str] = field(default_factory=dict)  # values without quotation marks, as typed ('yes')

    def mark(self, where: Path_) -> tuple[int, int]:
        """The line and column of the value at `where`, or of its nearest parent we know."""
        where = tuple(where)
        while where not in self.marks and where:
            where = where[:-1]
        return self.marks.get(where, (1, 1))

    def key_mark(self, where: Path_) -> tuple[int, int]:
        """The line and column of the field's name at `where` (for a list entry: of the entry)."""
        return self.key_marks.get(tuple(where)) or self.mark(where)


Files = dict[str, list[LoadedFile]]  # the data files by the name of their schema ("pillar": one per pillar)


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


# What PyYAML's complaints usually mean in a file like ours, in words; and whether the place where
# the reader started the thing it could not finish (its "context") is the better place to point at.
_SYNTAX = (
    (r"expected ',' or '[]}]'", False, "a quotation mark or a comma is missing (or there is one too many) "
     "inside { } or [ ]. Each text needs a quotation mark at its start and at its end, and a comma goes "
     "between two fields, as in {ja: \"...\", en: \"...\"}"),
    (r"could not find expected ':'", True, "the colon after a field's name is missing. Write 'name: value'"),
    (r"mapping values are not allowed here", False, "there is a colon ':' where none is expected. If a "
     "text contains ': ', put the text in quotation marks; otherwise check the indentation of this line"),
    (r"expected <block end>|did not find expected (key|'-')", False, "the indentation does not fit: this "
     "line starts further left or right than the lines of the same level around it. Line it up with them; "
     "a list entry starts with a dash and a space ('- ')"),
    (r"found character '\\t'", False, "there is a tab character. Use spaces instead"),
    (r"cannot start any token|scanning an? (alias|anchor|tag|block scalar)|undefined (alias|tag)", False,
     "a text starts with a sign that YAML reserves (@ ` * & ! % | >). Put the text in quotation marks"),
    (r"scanning a (double|single)-quoted scalar|scanning a quoted scalar", True, "a text's quotation marks "
     "are not closed: the text that starts here has no closing quotation mark"),
    (r"expected a comment or a line break", False, "something follows the end of a text on the same line. "
     "Put the whole text inside the quotation marks, or move the rest to a line of its own"),
)


def _syntax_problem(shown: Path, exc: yaml.MarkedYAMLError) -> Problem:
    said = f"{exc.context or ''} {exc.problem or ''}".strip()
    for pattern, at_context, words in _SYNTAX:
        if re.search(pattern, said):
            break
    else:
        at_context, words = False, f"YAML cannot read this ({exc.problem or said})"
    start, end = exc.context_mark, exc.problem_mark
    if "flow" in (exc.context or "") and start and end and start.line != end.line:
        at_context, words = True, ("the '{' or '[' here is not closed on its line: the closing '}' or ']' "
                                   "is missing, or a quotation mark inside is not closed")
    mark = (exc.context_mark if at_context else None) or exc.problem_mark or exc.context_mark
    line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
    return _problem(shown, line, column, (), f"is not valid YAML here: {words}. If this line looks right, "
                    "check the line above it.")


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
        return None, [_problem(shown, 1, 1, (), "is empty (or holds only comments). Restore its "
                               "content, for example from the project's history.")]
    tab = _bad_indent_tab(text)
    if tab:
        return None, [_problem(shown, tab[0], tab[1], (), "is indented with a tab. YAML allows only "
                               "spaces for indentation: replace the tab with spaces.")]
    try:
        nodes = _compose(text)
    except yaml.MarkedYAMLError as exc:
        return None, [_syntax_problem(shown, exc)]
    except yaml.YAMLError as exc:
        return None, [_problem(shown, 1, 1, (), f"is not valid YAML: {exc}.")]
    if len(nodes) != 1:
        return None, [_problem(shown, 1, 1, (), "holds more than one YAML document (a line '---' "
                               "in the middle?). Keep one document per file.")]
    loaded = LoadedFile(shown, None)
    problems: list[Problem] = []
    loaded.data = _build(nodes[0], (), loaded, problems, text)
    return loaded, problems


def _compose(text: str) -> list[yaml.Node]:
    """The file's YAML nodes, with libyaml's fast parser where PyYAML has it (five times faster on
    large data). A file it refuses is parsed again by the pure-Python parser, whose messages
    _syntax_problem knows how to put into plain words."""
    fast = getattr(yaml, "CSafeLoader", None)
    if fast is not None:
        try:
            return list(yaml.compose_all(text, Loader=fast))
        except yaml.YAMLError:
            pass
    return list(yaml.compose_all(text, Loader=yaml.SafeLoader))


def _build(node: yaml.Node, where: Path_, loaded: LoadedFile, problems: list[Problem], text: str) -> object:
    loaded.marks[where] = (node.start_mark.line + 1, node.start_mark.column + 1)
    if isinstance(node, yaml.MappingNode):
        result: dict = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, yaml.ScalarNode):
                line, column = key_node.start_mark.line + 1, key_node.start_mark.column + 1
                problems.append(_problem(loaded.path, line, column, where, "has a field name that is not plain text. "
                                         "Write 'name: value', with nothing before the name."))
                continue
            key = key_node.value
            if key in result:
                line, column = key_node.start_mark.line + 1, key_node.start_mark.column + 1
                first = loaded.marks.get(where + (key,), (0, 0))[0]
                problems.append(_problem(loaded.path, line, column, where + (key,),
                                         f"the field '{key}' is written twice (first on line {first}). "
                                         "Keep one and delete the other: otherwise one value would be lost."))
                continue
            loaded.key_marks[where + (key,)] = (key_node.start_mark.line + 1, key_node.start_mark.column + 1)
            result[key] = _build(value_node, where + (key,), loaded, problems, text)
        return result
    if isinstance(node, yaml.SequenceNode):
        return [_build(item, where + (i,), loaded, problems, text) for i, item in enumerate(node.value)]
    if not node.style:  # plain (None from PyYAML's parser, '' from libyaml's)
        loaded.typed[where] = node.value
    elif node.style == '"':
        problems += _escapes(node, where, loaded.path, text)
    return _Constructor().construct_object(node)


def _escapes(node: yaml.ScalarNode, where: Path_, shown: Path, text: str) -> list[Problem]:
    """In double quotation marks, YAML reads a backslash as the start of an escape: "\\P" becomes an
    invisible paragraph separator, "\\n" a line break. Nobody keeping this data means that, so the
    only escapes accepted are \\\\ (a backslash) and \\" (a quotation mark)."""
    start, end = node.start_mark, node.end_mark
    source = text[start.index:end.index]
    for found in re.finditer(r"\\(.)", source, re.S):
        if found.group(1) in '\\"\n':
            continue
        before = source[: found.start()]
        line = start.line + 1 + before.count("\n")
        column = found.start() - before.rfind("\n") if "\n" in before else start.column + 1 + found.start()
        return [_problem(shown, line, column, where, f"'\\{found.group(1)}' in a text in double quotation marks is "
                         "read as a special character, not as a backslash. To write a backslash, write it twice "
                         "(\\\\), or put the text in single quotation marks.")]
    return []


def data_files(data_dir: Path) -> list[Path]:
    """Every data file, in a stable order."""
    return sorted(p for p in data_dir.rglob("*.yaml") if "schema" not in p.relative_to(data_dir).parts)
