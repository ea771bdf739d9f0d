"""Load: read the YAML files under data/ into plain values, keeping each value's line and column.

PyYAML's composer gives every node its position. We build the values ourselves from the nodes,
so that we can refuse what PyYAML would silently accept (a duplicate key keeps the last value)
and so that every later error can name the file, line and column of the value it is about.
"""

from __future__ import annotations

import os
import re
import stat
import subprocess
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import yaml

from strategy_site.reading import shape
from strategy_site.reading.problems import Problem

MAX_BYTES = 1_000_000
MAX_DEPTH = 24  # the data nests at most 8 levels; deeper is a mistake (and PyYAML would recurse)
FieldPath = tuple  # a field path inside one file, e.g. ("groups", 0, "measures", 1, "text", "en")


@dataclass
class LoadedFile:
    """One data file: its values, and the line/column of every value and key."""

    path: Path  # as shown in messages, relative to the project
    data: Any  # the values as YAML gives them (dicts, lists, text, numbers); their shape is the schema's
    marks: dict[FieldPath, tuple[int, int]] = field(default_factory=dict)
    key_marks: dict[FieldPath, tuple[int, int]] = field(default_factory=dict)  # where each field's name stands
    typed: dict[FieldPath, str] = field(default_factory=dict)  # values without quotation marks, as typed ('yes')

    def mark(self, where: FieldPath) -> tuple[int, int]:
        """The line and column of the value at `where`, or of its nearest parent we know."""
        where = tuple(where)
        while where not in self.marks and where:
            where = where[:-1]
        return self.marks.get(where, (1, 1))

    def key_mark(self, where: FieldPath) -> tuple[int, int]:
        """The line and column of the field's name at `where` (for a list entry: of the entry)."""
        return self.key_marks.get(tuple(where)) or self.mark(where)


Files = dict[str, list[LoadedFile]]  # the data files by the name of their schema ("pillar": one per pillar)


def _entity(loaded: LoadedFile, where: tuple) -> str:
    """The id of the nearest entity around `where`, to say which item a problem is in."""
    node, found = loaded.data, ""
    for part in where:
        if isinstance(node, dict) and shape.is_id(node.get("id")):
            found = node["id"]
        node = shape.step(node, part)
        if node is shape.MISSING:
            break
    if isinstance(node, dict) and shape.is_id(node.get("id")):
        found = node["id"]  # only a valid id: a malformed one could hold a line break
    return found


def problem_at(loaded: LoadedFile, where: tuple, message: str, at_name: bool = False) -> Problem:
    """A problem at the value at `where` in a loaded file, or at the field's name with at_name."""
    line, column = loaded.key_mark(where) if at_name else loaded.mark(where)
    return Problem(str(loaded.path), line, column, tuple(where), message, _entity(loaded, where))


class _Constructor(yaml.constructor.SafeConstructor):
    """Scalars as the YAML core schema reads them, but dates stay text (we check them ourselves)."""

    def construct_date_as_text(self, node: yaml.Node) -> str:
        return self.construct_yaml_str(node)


# (types-PyYAML types add_constructor for BaseConstructor's own subclasses only)
_Constructor.add_constructor("tag:yaml.org,2002:timestamp", _Constructor.construct_date_as_text)  # type: ignore[type-var]


def _problem(path: Path, line: int, column: int, where: FieldPath, message: str) -> Problem:
    return Problem(str(path), line, column, where, message)


def _bad_indent_tab(text: str) -> tuple[int, int] | None:
    for number, line in enumerate(text.splitlines(), start=1):
        indent = line[: len(line) - len(line.lstrip(" \t"))]
        if "\t" in indent:
            return number, indent.index("\t") + 1
    return None


# What PyYAML's complaints usually mean in a file like ours, in words; and whether the place where
# the reader started the thing it could not finish (its "context") is the better place to point at.
_SYNTAX = (
    (
        r"expected ',' or '[]}]'",
        False,
        "a quotation mark or a comma is missing (or there is one too many) "
        "inside { } or [ ]. Each text needs a quotation mark at its start and at its end, and a comma goes "
        'between two fields, as in {ja: "...", en: "..."}',
    ),
    (r"could not find expected ':'", True, "the colon after a field's name is missing. Write 'name: value'"),
    (
        r"mapping values are not allowed here",
        False,
        "there is a colon ':' where none is expected. If a "
        "text contains ': ', put the text in quotation marks; otherwise check the indentation of this line",
    ),
    (
        r"expected <block end>|did not find expected (key|'-')",
        False,
        "the indentation does not fit: this "
        "line starts further left or right than the lines of the same level around it. Line it up with them; "
        "a list entry starts with a dash and a space ('- ')",
    ),
    (r"found character '\\t'", False, "there is a tab character. Use spaces instead"),
    (
        r"cannot start any token|scanning an? (alias|anchor|tag|block scalar)|undefined (alias|tag)",
        False,
        "a text starts with a sign that YAML reserves (@ ` * & ! % | >). Put the text in quotation marks",
    ),
    (
        r"scanning a (double|single)-quoted scalar|scanning a quoted scalar",
        True,
        "a text's quotation marks are not closed: the text that starts here has no closing quotation mark",
    ),
    (
        r"expected a comment or a line break",
        False,
        "something follows the end of a text on the same line. "
        "Put the whole text inside the quotation marks, or move the rest to a line of its own",
    ),
)


def _syntax_problem(shown: Path, exc: yaml.MarkedYAMLError) -> Problem:
    said = f"{exc.context or ''} {exc.problem or ''}".strip()
    at_context, words = next(
        ((at, meaning) for pattern, at, meaning in _SYNTAX if re.search(pattern, said)),
        (False, f"YAML cannot read this ({exc.problem or said})"),
    )
    start, end = exc.context_mark, exc.problem_mark
    if "flow" in (exc.context or "") and start and end and start.line != end.line:
        at_context, words = (
            True,
            (
                "the '{' or '[' here is not closed on its line: the closing '}' or ']' "
                "is missing, or a quotation mark inside is not closed"
            ),
        )
    mark = (exc.context_mark if at_context else None) or exc.problem_mark or exc.context_mark
    line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
    return _problem(
        shown, line, column, (), f"is not valid YAML here: {words}. If this line looks right, check the line above it."
    )


def read_file(
    path: Path, shown_as: Path | None = None, root: Path | None = None
) -> tuple[LoadedFile | None, list[Problem]]:
    """Read one YAML file. Returns the file, or None and the problems that stop it being read.
    With `root`, a symbolic link that leads out of it is refused."""
    shown = shown_as or path
    raw, problems = read_bytes(path, shown, root)
    return (None, problems) if raw is None else parse_file(raw, shown)


def read_bytes(path: Path, shown: Path, root: Path | None = None) -> tuple[bytes | None, list[Problem]]:
    """The bytes of a data file, or None and the problem that stops it being read (see file_kind_problem)."""
    refused = file_kind_problem(path, shown, root)
    if refused:
        return None, [refused]
    try:
        with open(path, "rb") as handle:
            raw = handle.read(MAX_BYTES + 1)  # the size was checked; a file that grows stops here
    except OSError as exc:
        return None, [_problem(shown, 1, 1, (), f"cannot be read ({exc.strerror}).")]
    if len(raw) > MAX_BYTES:
        return None, [_too_large(shown, max(len(raw), _size(path)))]
    return raw, []


def parse_file(raw: bytes, shown: Path) -> tuple[LoadedFile | None, list[Problem]]:
    """A data file's bytes read as YAML: the file, or None and the problems that stop it being read. It
    depends on nothing but the bytes (and `shown`, the path messages give)."""
    if raw.startswith(b"\xef\xbb\xbf"):
        return None, [
            _problem(
                shown,
                1,
                1,
                (),
                "starts with a byte-order mark (BOM). Save the file as "
                "UTF-8 without BOM (in most editors: Encoding > UTF-8).",
            )
        ]
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        column = exc.start - (raw.rfind(b"\n", 0, exc.start) + 1) + 1
        return None, [
            _problem(
                shown,
                line,
                column,
                (),
                f"is not valid UTF-8 text (byte 0x{raw[exc.start]:02x}). Save the file with the encoding UTF-8.",
            )
        ]
    raw_char = _raw_character(text)
    if raw_char:
        return None, [raw_char_problem(shown, text, *raw_char)]
    if not text.strip() or all(not line.strip() or line.lstrip().startswith("#") for line in text.splitlines()):
        return None, [
            _problem(
                shown,
                1,
                1,
                (),
                "is empty (or holds only comments). Restore its content, for example from the project's history.",
            )
        ]
    tab = _bad_indent_tab(text)
    if tab:
        return None, [
            _problem(
                shown,
                tab[0],
                tab[1],
                (),
                "is indented with a tab. YAML allows only spaces for indentation: replace the tab with spaces.",
            )
        ]
    try:
        structure = structure_problems(text, shown)
        if structure:
            return None, structure
        nodes = _compose(text)
    except yaml.MarkedYAMLError as exc:
        return None, [_syntax_problem(shown, exc)]
    except yaml.YAMLError as exc:
        return None, [_problem(shown, 1, 1, (), f"is not valid YAML: {exc}.")]
    except RecursionError:
        return None, [_too_deep(shown, *_deep_place(text), ())]
    if len(nodes) != 1:
        return None, [
            _problem(
                shown,
                1,
                1,
                (),
                "holds more than one YAML document (a line '---' in the middle?). Keep one document per file.",
            )
        ]
    loaded = LoadedFile(shown, None)
    problems: list[Problem] = []
    try:
        loaded.data = _build(nodes[0], (), loaded, problems, text)
    except RecursionError:
        return None, [_too_deep(shown, 1, 1, ())]
    except yaml.YAMLError as exc:  # a value PyYAML cannot construct
        mark = getattr(exc, "problem_mark", None)
        line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        return None, [
            _problem(
                shown,
                line,
                column,
                (),
                f"holds a value YAML cannot read ({getattr(exc, 'problem', '')}). Put texts in quotation marks.",
            )
        ]
    return loaded, problems


# Characters a data file may not hold as they are: control characters (NUL, BEL, form feed, ESC...,
# which YAML refuses with a message naming the wrong place), U+FFFE and U+FFFF (not characters), a
# carriage return that is not part of a Windows line end, and the line breaks that are not the
# ordinary one (NEL U+0085, LINE SEPARATOR U+2028, PARAGRAPH SEPARATOR U+2029): YAML counts each as
# a new line, most editors do not, so every later line number would differ from the editor's.
_RAW = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufffe\uffff\u2028\u2029]|\r(?!\n)")
_LINE_BREAKS = {
    "\x85": "NEXT LINE",
    "\u2028": "LINE SEPARATOR",
    "\u2029": "PARAGRAPH SEPARATOR",
    "\r": "CARRIAGE RETURN",
}


_CONTROL_NAMES = {
    "\x00": "NUL, a null byte",
    "\x07": "a bell",
    "\x08": "a backspace",
    "\x0b": "a vertical tab",
    "\x0c": "a form feed (page break)",
    "\x1b": "an escape code",
    "\x7f": "a delete",
}


def _raw_character(text: str) -> tuple[int, str] | None:
    """The first character the data may not hold as it is, and its index in the text."""
    found = _RAW.search(text)
    return (found.start(), found.group(0)) if found else None


def raw_char_problem(shown: Path, text: str, index: int, char: str) -> Problem:
    """A character the file may not hold, at its line and column as an editor counts them (lines end
    at line feeds only)."""
    line = text.count("\n", 0, index) + 1
    column = index - (text.rfind("\n", 0, index) + 1) + 1
    code = f"U+{ord(char):04X}"
    if char in _LINE_BREAKS:
        return _problem(
            shown,
            line,
            column,
            (),
            f"holds a {_LINE_BREAKS[char].lower()} character ({code}), which some programs show as a line "
            "break and others do not, so line numbers would not match your editor's. Replace it with an "
            "ordinary line break, or delete it (retype the text around it if your editor does not show it).",
        )
    name = _CONTROL_NAMES.get(char, "a noncharacter" if char in "\ufffe\uffff" else "a control character")
    return _problem(
        shown,
        line,
        column,
        (),
        f"holds a control character ({code}: {name}), which cannot be seen and is not allowed in a data "
        "file. Delete it (retype the text around it if your editor does not show it).",
    )


def _size(path: Path) -> int:
    try:
        return os.stat(path).st_size
    except OSError:
        return 0


def _too_large(shown: Path, size: int) -> Problem:
    return _problem(
        shown,
        1,
        1,
        (),
        f"is {size / 1_000_000:.1f} MB; a data file may be at most "
        f"{MAX_BYTES // 1_000_000} MB. Split it, or check that it is the right file.",
    )


def _too_deep(shown: Path, line: int, column: int, where: FieldPath) -> Problem:
    while where and isinstance(where[-1], int):  # the field the nesting hangs from
        where = where[:-1]
    return _problem(
        shown,
        line,
        column,
        where,
        f"nests values more than {MAX_DEPTH} levels deep. The data never "
        "needs that many: check the indentation and that every '[' and '{' is closed where it should be.",
    )


def _deep_place(text: str) -> tuple[int, int]:
    """Where brackets first nest deeper than MAX_DEPTH (for a file too deep for the parser to
    word its syntax error), counted outside quotation marks; (1, 1) if nowhere."""
    depth, quote = 0, ""
    for number, line in enumerate(text.splitlines(), start=1):
        for column, char in enumerate(line, start=1):
            if quote:
                quote = "" if char == quote else quote
            elif char in "\"'":
                quote = char
            elif char in "[{":
                depth += 1
                if depth > MAX_DEPTH:
                    return number, column
            elif char in "]}":
                depth -= 1
    return 1, 1


def file_kind_problem(path: Path, shown: Path, root: Path | None = None) -> Problem | None:
    """What makes a path unreadable as a data file, found before reading a byte: not a regular file
    (a folder, a FIFO that would wait forever, a device such as /dev/zero that never ends), a
    symbolic link that leads out of the project or nowhere, or a file over the size limit."""
    try:
        if path.is_symlink():
            target = path.resolve()
            inside = root is None or target.is_relative_to(root.resolve())
            if not target.exists():
                return _problem(
                    shown, 1, 1, (), "is a link to a file that does not exist. Replace the link with the file itself."
                )
            if not inside:
                return _problem(
                    shown,
                    1,
                    1,
                    (),
                    f"is a link to {target}, outside the project. Copy the file into data/ instead of linking to it.",
                )
        info = os.stat(path)
    except OSError as exc:
        return _problem(shown, 1, 1, (), f"cannot be read ({exc.strerror}).")
    if not stat.S_ISREG(info.st_mode):
        what = (
            "a folder"
            if stat.S_ISDIR(info.st_mode)
            else "a named pipe (FIFO)"
            if stat.S_ISFIFO(info.st_mode)
            else "a device"
            if stat.S_ISCHR(info.st_mode) or stat.S_ISBLK(info.st_mode)
            else "not a plain file"
        )
        return _problem(
            shown, 1, 1, (), f"is {what}, not a text file. Replace it with the data file, or move it out of data/."
        )
    if info.st_size > MAX_BYTES:
        return _too_large(shown, info.st_size)
    return None


def structure_problems(text: str, shown: Path) -> list[Problem]:
    """What YAML allows and this data never uses, from the parser's events before anything is built:
    tags (!x), anchors (&a), aliases (*a), merge keys (<<:) and nesting beyond MAX_DEPTH. Aliases
    copy values around the file (a few hundred bytes of them can expand to gigabytes), tags make
    PyYAML build other kinds of value, and a text that begins with an unquoted '!' is read as a tag.
    Stops at the first problem: one is enough to refuse the file, and a bomb has millions."""
    try:
        return _structure(text, shown, getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    except yaml.YAMLError:
        return []  # a syntax error: _compose words it


def _structure(text: str, shown: Path, parser) -> list[Problem]:
    stack: list[list] = []  # per open mapping or list: [kind, where, key or index, expecting a key]
    for event in yaml.parse(text, Loader=parser):
        if isinstance(event, yaml.CollectionEndEvent):
            stack.pop()
            _advance(stack, None)
            continue
        if not isinstance(event, yaml.NodeEvent):
            continue
        where, is_key = _event_place(stack)
        mark = event.start_mark
        line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        refused = _refused_event(event, is_key)
        if refused:
            return [_problem(shown, line, column, where, refused)]
        if isinstance(event, yaml.CollectionStartEvent):
            if len(stack) >= MAX_DEPTH:
                return [_too_deep(shown, line, column, where)]
            stack.append(
                [
                    "map" if isinstance(event, yaml.MappingStartEvent) else "seq",
                    where,
                    None if isinstance(event, yaml.MappingStartEvent) else 0,
                    True,
                ]
            )
        else:
            _advance(stack, getattr(event, "value", None) if is_key else None)
    return []


def _refused_event(event: yaml.NodeEvent, is_key: bool) -> str | None:
    """Why the data may not hold this parser event (an alias, an anchor, a tag, a merge key), or None."""
    if isinstance(event, yaml.AliasEvent):
        return (
            f"'*{event.anchor}' is a YAML alias: a copy of a value marked "
            f"'&{event.anchor}' elsewhere. The data does not use copies: write the value itself here. "
            "If this is a text that starts with '*', put the whole text in quotation marks."
        )
    if event.anchor is not None:
        return (
            f"'&{event.anchor}' is a YAML anchor (a mark for copying a "
            "value elsewhere). The data does not use copies: delete it. If this is a text that "
            "starts with '&', put the whole text in quotation marks."
        )
    tag = getattr(event, "tag", None)  # scalar, sequence and mapping events have one
    if tag is not None:
        return (
            f"'{tag.replace('tag:yaml.org,2002:', '!!')}' is read as a YAML tag, which the data does "
            "not use. If this is a text that starts with '!', put the whole text in quotation marks "
            '("..."); otherwise delete the tag.'
        )
    if is_key and isinstance(event, yaml.ScalarEvent) and event.value == "<<" and event.implicit[0]:
        return (
            "'<<' (a YAML merge key) copies the fields of another "
            "entry, which the data does not use. Write the fields themselves here."
        )
    return None


def _event_place(stack: list[list]) -> tuple[FieldPath, bool]:
    """The field path of the next node, and whether it is a mapping's key."""
    if not stack:
        return (), False
    kind, where, position, expecting_key = stack[-1]
    if kind == "map":
        return (where, True) if expecting_key else (where + (position,), False)
    return where + (position,), False


def _advance(stack: list[list], key: str | None) -> None:
    """A node ended: in a mapping, a key is followed by its value; in a list, the next entry."""
    if not stack:
        return
    top = stack[-1]
    if top[0] == "seq":
        top[2] += 1
    elif top[3]:
        top[2], top[3] = key, False
    else:
        top[3] = True


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


def _build(node: yaml.Node, where: FieldPath, loaded: LoadedFile, problems: list[Problem], text: str) -> object:
    loaded.marks[where] = (node.start_mark.line + 1, node.start_mark.column + 1)
    if isinstance(node, yaml.MappingNode):
        result: dict = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, yaml.ScalarNode):
                line, column = key_node.start_mark.line + 1, key_node.start_mark.column + 1
                problems.append(
                    _problem(
                        loaded.path,
                        line,
                        column,
                        where,
                        "has a field name that is not plain text. Write 'name: value', with nothing before the name.",
                    )
                )
                continue
            key = key_node.value
            if key in result:
                line, column = key_node.start_mark.line + 1, key_node.start_mark.column + 1
                first = loaded.marks.get(where + (key,), (0, 0))[0]
                problems.append(
                    _problem(
                        loaded.path,
                        line,
                        column,
                        where + (key,),
                        f"the field '{key}' is written twice (first on line {first}). "
                        "Keep one and delete the other: otherwise one value would be lost.",
                    )
                )
                continue
            loaded.key_marks[where + (key,)] = (key_node.start_mark.line + 1, key_node.start_mark.column + 1)
            result[key] = _build(value_node, where + (key,), loaded, problems, text)
        return result
    if isinstance(node, yaml.SequenceNode):
        return [_build(item, where + (i,), loaded, problems, text) for i, item in enumerate(node.value)]
    assert isinstance(node, yaml.ScalarNode)
    if not node.style:  # plain (None from PyYAML's parser, '' from libyaml's)
        loaded.typed[where] = node.value
    elif node.style == '"':
        problems += _escapes(node, where, loaded.path, text)
    return _Constructor().construct_object(node)


def _escapes(node: yaml.ScalarNode, where: FieldPath, shown: Path, text: str) -> list[Problem]:
    """In double quotation marks, YAML reads a backslash as the start of an escape: "\\P" becomes an
    invisible paragraph separator, "\\n" a line break. Nobody keeping this data means that, so the
    only escapes accepted are \\\\ (a backslash) and \\" (a quotation mark)."""
    start, end = node.start_mark, node.end_mark
    source = text[start.index : end.index]
    for found in re.finditer(r"\\(.)", source, re.S):
        if found.group(1) in '\\"\n':
            continue
        before = source[: found.start()]
        line = start.line + 1 + before.count("\n")
        column = found.start() - before.rfind("\n") if "\n" in before else start.column + 1 + found.start()
        return [
            _problem(
                shown,
                line,
                column,
                where,
                f"'\\{found.group(1)}' in a text in double quotation marks is "
                "read as a special character, not as a backslash. To write a backslash, write it twice "
                "(\\\\), or put the text in single quotation marks.",
            )
        ]
    return []


# Files systems leave in folders they show (macOS, Windows); editors' files are matched by editor_file.
_SYSTEM_FILES = frozenset({"Thumbs.db", "desktop.ini", "Desktop.ini"})


def editor_file(name: str) -> bool:
    """Files editors and systems leave beside the ones they edit: Emacs' lock files (.#x.yaml) and
    backups (x.yaml~, #x.yaml#), Vim's swap files (.x.yaml.swp), macOS's ._x.yaml and .DS_Store,
    Windows' Thumbs.db and desktop.ini, and other hidden files."""
    return name.startswith((".", "#")) or name.endswith(("~", "#")) or name in _SYSTEM_FILES


def staff_guide(name: str) -> bool:
    """A guide for the people who keep the data (README, README.md, readme.txt), which is not data."""
    return name.split(".")[0].lower() == "readme"


def data_files(data_dir: Path) -> list[Path]:
    """Every file in data/ that is to be read, in a stable order: the data files, and every other file
    that is neither the staff guide (a README) nor an editor's or system's own file, so that the check
    can refuse it with advice (a pillar saved as .yml, .YAML or .yaml.txt is not silently skipped).
    The schemas in data/schema/ are the editors' copy of the rules (checking/schema.py)."""
    return sorted(
        p
        for p in data_dir.rglob("*")
        if (p.suffix.lower() in (".yaml", ".yml") or not p.is_dir())
        and "schema" not in p.relative_to(data_dir).parts[:1]
        and not any(editor_file(part) for part in p.relative_to(data_dir).parts)
        and not staff_guide(p.name)
    )


def data_date(data_dir: Path) -> str:
    """The date of the last change to the data, YYYY-MM-DD: the last commit that touched data_dir when
    it is in git and has no uncommitted change, else the newest modification time of its files (UTC).
    Pages print it as the data's date, so that two builds of the same data print the same."""

    def git(*args: str) -> str | None:
        try:
            out = subprocess.run(["git", *args], cwd=data_dir, capture_output=True, text=True, timeout=10)
        except (OSError, subprocess.SubprocessError):
            return None
        return out.stdout.strip() if out.returncode == 0 else None

    dirty = git("status", "--porcelain", "--", ".")
    committed = git("log", "-1", "--format=%cs", "--", ".") if dirty == "" else None
    if committed and re.fullmatch(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", committed):
        return committed
    newest = max((p.stat().st_mtime for p in data_dir.rglob("*") if p.is_file()), default=0)
    return datetime.fromtimestamp(newest, UTC).strftime("%Y-%m-%d")
