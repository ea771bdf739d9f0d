"""Broken data, as staff might break it by hand: every case gives one clear message that names
the file, the line and (where there is one) the field, and `strategy_site check` exits 1.

Each case changes one place of a scratch copy of the real data. A place is named by its field
path in the file (as the loader reads it), so the cases follow the data when it changes; a case
whose place is gone fails with a message that says so.
"""

from __future__ import annotations

import re
import shutil
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

import pytest
import yaml

from conftest import ROOT, run_cli
from strategy_site import cli

DATA = ROOT / "data"
F, P, G, H, L = ("figures.yaml", "pillars/advanced-science-and-technology.yaml", "progress.yaml", "history.yaml",
                 "glossary.yaml")
PROBLEM = re.compile(r"^(?P<file>\S+?):(?P<line>\d+):(?P<column>\d+)(?: \((?P<entity>[^)]*)\))?: "
                     r"(?:field '(?P<field>[^']+)'|the file) ?:? ?(?P<message>.*)$")
JARGON = ("None", "True", "False", "Traceback", "<scalar>", "<block", "\\u", "Error:")


def _node(text: str, path: tuple) -> tuple[yaml.Node | None, yaml.Node]:
    """The key node (None in a list) and the value node at `path` in a YAML text."""
    node, key = yaml.compose(text, Loader=yaml.SafeLoader), None
    for part in path:
        if isinstance(part, int):
            key, node = None, node.value[part]
        else:
            found = [(k, v) for k, v in node.value if k.value == part]
            assert found, f"the corpus case's place {path} is not in the data any more: update the case"
            key, node = found[0]
    return key, node


@dataclass
class Edit:
    """One change at the field at `path`: a new value, a new name, a line added after it, the
    line removed, or the line rewritten by a function."""

    path: tuple
    value: str | None = None
    name: str | None = None
    add: str | None = None
    drop: bool = False
    rewrite: Callable[[str], str] | None = None

    def apply(self, text: str) -> str:
        key, node = _node(text, self.path)
        if self.value is not None:
            return text[: node.start_mark.index] + self.value + text[node.end_mark.index:]
        if self.name is not None:
            return text[: key.start_mark.index] + self.name + text[key.end_mark.index:]
        lines = text.splitlines(keepends=True)
        n = (key or node).start_mark.line
        if self.add is not None:
            lines.insert(n + 1, " " * key.start_mark.column + self.add + "\n")
        elif self.drop:
            del lines[n]
        else:
            lines[n] = self.rewrite(lines[n])
        return "".join(lines)

    def line(self, text: str) -> int:
        """The line of the field in the unchanged file."""
        key, node = _node(text, self.path)
        return (key or node).start_mark.line + 1


@dataclass
class Case:
    name: str
    file: str  # under data/
    change: Edit | Callable[[bytes], bytes | None]  # an Edit, or a change of the file's bytes (None: delete)
    field: str | None  # the field the message names; None: a problem of the whole file
    words: tuple[str, ...]  # what the message must say, to be acted on
    line: int | tuple | None = None  # the problem's line, or the field whose line it is (default: the Edit's)
    line_offset: int = 0  # the problem is this many lines below the Edit's field
    count: int | None = 1  # how many problems the change makes (None: the references to it count too)
    extra: dict = field(default_factory=dict)  # other files to write: {name under data/: bytes}


def _swap(old: str, new: str) -> Callable[[str], str]:
    return lambda line: line.replace(old, new, 1)


CASES = [
    # Reading the file: syntax, layout, encoding, size.
    Case("syntax: a missing quotation mark", F, Edit(("figures", 0, "program"), value='{ja: "K program, en: "K Program"}'),
         None, ("not valid YAML", "quotation mark")),
    Case("syntax: a missing colon", F, Edit(("figures", 0, "amount"), rewrite=_swap("amount:", "amount")), None,
         ("not valid YAML", "colon", "name: value")),
    Case("syntax: a { not closed", F, Edit(("figures", 0, "fiscal_years"), rewrite=_swap("}", "")), None,
         ("not closed", "'}'")),
    Case("syntax: a line indented too far", P, Edit(("groups", 0, "measures", 0, "text"), rewrite=lambda l: "  " + l),
         None, ("indentation",)),
    Case("syntax: a text starting with @", F, Edit(("figures", 0, "unit"), value="@億円"), None,
         ("quotation marks", "@")),
    Case("tab indentation", F, Edit(("figures", 0, "amount"), rewrite=lambda l: "\t" + l.lstrip(" ")), None,
         ("tab", "spaces")),
    Case("a duplicate key", F, Edit(("figures", 0, "amount"), add="amount: 6000"), "figures[1].amount",
         ("written twice", "line"), line_offset=1),
    Case("two documents in one file", L, lambda b: b + b"---\nterms: []\n", None, ("more than one", "---"), line=1),
    Case("a byte-order mark", F, lambda b: b"\xef\xbb\xbf" + b, None, ("byte-order mark", "without BOM"), line=1),
    Case("non-UTF-8 bytes (Shift_JIS)", L, lambda b: b.replace("人工知能".encode(), "人工知能".encode("shift_jis")),
         None, ("not valid UTF-8", "UTF-8")),
    Case("an empty file", H, lambda b: b"", None, ("is empty",), line=1),
    Case("a file of comments only", H, lambda b: b"# nothing yet\n", None, ("is empty",), line=1),
    Case("a 10 MB file", F, lambda b: b + b"# " + b"x" * 10_000_000 + b"\n", None, ("10.0 MB", "at most"), line=1),
    Case("a missing file", F, lambda b: None, None, ("is missing",), line=1),
    Case("a file the site does not know", F, lambda b: b, None, ("not a known data file", "pillars/"), line=1,
         extra={"notes.yaml": b"note: hello\n"}),
    Case("a backslash escape in double quotes", F, Edit(("figures", 0, "note", "en"), value='"FY2021\\Program"'),
         "figures[1].note.en", ("\\P", "twice")),
    # The schema: fields, translations, types, forms.
    Case("an unknown field (a typo)", F, Edit(("figures", 0, "amount"), name="amout"), "figures[1].amout",
         ("unknown field 'amout'", "Did you mean 'amount'?")),
    Case("an unknown field (extra)", P, Edit(("groups", 0, "measures", 0, "slide"), add="comment: check this"),
         "groups[1].measures[1].comment", ("unknown field 'comment'", "allowed here"), line_offset=1),
    Case("a missing field", F, Edit(("figures", 0, "unit"), drop=True), "figures[1]", ("'unit' is missing",),
         line=("figures", 0)),
    Case("a missing translation", P, Edit(("groups", 0, "title"), value='{ja: "重要分野の戦略的な推進"}'),
         "groups[1].title", ("English", "'en'", "missing")),
    Case("a wrong type: text for a year", H, Edit(("years", 0, "year"), value="twenty"), "years[1].year",
         ("whole number", "twenty")),
    Case("a wrong type: a number for a text", L, Edit(("terms", 0, "name", "en"), value="2025"), "terms[1].name.en",
         ("read as a number", 'quotation marks: "2025"')),
    Case("a wrong type: 'No' read as false", L, Edit(("terms", 0, "name", "en"), value="No"), "terms[1].name.en",
         ("read as true/false", 'quotation marks: "No"')),
    Case("a wrong type: a number in quotation marks", F, Edit(("figures", 0, "amount"), value='"5000"'),
         "figures[1].amount", ("quotation marks", "without them: 5000")),
    Case("a non-numeric amount", F, Edit(("figures", 0, "amount"), value="5,000"), "figures[1].amount",
         ("should be a number", "without commas")),
    Case("a negative amount", F, Edit(("figures", 0, "amount"), value="-5000"), "figures[1].amount",
         ("-5000 is too small", "above zero")),
    Case("a value not in the list", F, Edit(("figures", 0, "unit"), value="円"), "figures[1].unit",
         ("'円' is not allowed", "億円, 兆円")),
    Case("'yes' for 'official'", F, Edit(("figures", 0, "program", "translation"), value="yes"),
         "figures[1].program.translation", ("'yes' is not allowed", "official")),
    Case("an empty text", P, Edit(("groups", 0, "measures", 0, "text", "en"), value='""'),
         "groups[1].measures[1].text.en", ("is empty",)),
    Case("spaces around a text", P, Edit(("groups", 0, "measures", 0, "text", "en"), value='" Balancing"'),
         "groups[1].measures[1].text.en", ("spaces at its start or end",)),
    Case("a malformed id", F, Edit(("figures", 0, "id"), value="K_Program"), "figures[1].id",
         ("'K_Program' is not in the right form", "lowercase")),
    # Rules across the data: ids, references, dates, spans.
    Case("a duplicate id", F, Edit(("figures", 1, "id"), value="k-program-budget"), "figures[2].id",
         ("'k-program-budget' is already used", "data/figures.yaml on line")),
    Case("a dangling reference", F, Edit(("figures", 0, "measure"), value="k-progam-rd-support"),
         "figures[1].measure", ("'k-progam-rd-support'", "no measure has that id")),
    Case("a dangling reference in a list", G, Edit(("sections", 0, "items", 0, "advances", 0), value="no-such-measure"),
         "sections[1].items[1].advances[1]", ("'no-such-measure'", "no measure")),
    Case("an impossible month", G, Edit(("sections", 0, "items", 0, "dates", 0, "date"), value='"2025-13"'),
         "sections[1].items[1].dates[1].date", ("'2025-13' is not a real date",)),
    Case("an impossible day", G, Edit(("sections", 0, "items", 0, "dates", 0, "date"), value="2025-02-30"),
         "sections[1].items[1].dates[1].date", ("'2025-02-30' is not a real date",)),
    Case("a reversed fiscal span", F, Edit(("figures", 0, "fiscal_years"), value="{start: 2022, end: 2021}"),
         "figures[1].fiscal_years.end", ("ends (FY2021) before it starts (FY2022)", "Swap")),
    Case("a reversed span beside a schema problem", F,
         Edit(("figures", 0, "fiscal_years"), value="{start: 2022, end: 2021}\n    remark: draft"),
         "figures[1].fiscal_years.end", ("ends (FY2021) before it starts (FY2022)",), count=2),
    Case("a pillar file named unlike its id", P, Edit(("id",), value="advanced-science"), "id",
         ("differs from its file name", "advanced-science.yaml"), count=None),
]


def _apply(case: Case, data: Path) -> int:
    """Make the change in the scratch data; returns the line the problem should be on."""
    path = data / case.file
    for name, content in case.extra.items():
        (data / name).write_bytes(content)
    if isinstance(case.change, Edit):
        text = path.read_text("utf-8")
        path.write_text(case.change.apply(text), "utf-8")
        at = Edit(case.line) if isinstance(case.line, tuple) else case.change
        return at.line(text) + case.line_offset
    changed = case.change(path.read_bytes())
    if changed is None:
        path.unlink()
    else:
        path.write_bytes(changed)
    if case.line is not None:
        return case.line
    return next(i for i, l in enumerate(changed.splitlines(), 1) if l != l.decode("utf-8", "replace").encode())


@pytest.fixture
def data(tmp_path: Path) -> Path:
    target = tmp_path / "data"
    shutil.copytree(DATA, target)
    return target


def test_the_corpus_is_large_enough() -> None:
    assert len(CASES) >= 25 and len({c.name for c in CASES}) == len(CASES)


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_broken_data_gets_a_clear_message(case: Case, data: Path, capsys: pytest.CaptureFixture) -> None:
    line = _apply(case, data)
    assert cli.main(["check", "--data", str(data)]) == 1
    out = capsys.readouterr()
    assert out.out == ""
    *problems, summary = out.err.strip().splitlines()
    assert summary.startswith(f"{len(problems)} problem") and "./scripts/build --check" in summary
    assert len(problems) == case.count or case.count is None, out.err
    parsed = [PROBLEM.match(p) for p in problems]
    assert all(parsed), out.err
    about = [m for m in parsed if m["field"] == case.field] or parsed
    m = about[0]
    assert Path(m["file"]).as_posix().endswith(f"data/{next(iter(case.extra), case.file)}"), m.group(0)
    assert int(m["line"]) == line, m.group(0)
    assert m["field"] == case.field, m.group(0)
    for words in case.words:
        assert words in m.group(0), f"{words!r} not in: {m.group(0)}"
    for jargon in JARGON:
        assert jargon not in out.err, f"{jargon!r} in: {out.err}"


def test_the_real_data_is_valid(capsys: pytest.CaptureFixture) -> None:
    """The corpus starts from valid data: each case's problem is the one it makes."""
    assert cli.main(["check", "--data", str(DATA)]) == 0, capsys.readouterr().err


@pytest.mark.parametrize("args", [["check", "--data", "no/such/folder"], ["check", "--data", "data/figures.yaml"],
                                  ["check", "--bogus"], ["chek"], []])
def test_usage_errors_exit_2(args: list[str]) -> None:
    result = run_cli(ROOT, *args)
    assert result.returncode == 2, result.stderr
    assert "usage: strategy_site" in result.stderr and "error:" in result.stderr


def test_a_data_error_exits_1_from_the_command_line(data: Path) -> None:
    (data / F).write_bytes(b"\xef\xbb\xbf" + (data / F).read_bytes())
    result = run_cli(ROOT, "check", "--data", str(data))
    assert result.returncode == 1
    assert result.stderr.startswith(f"{data / F}:1:1: the file starts with a byte-order mark")
