"""Broken data, as staff might break it by hand: every case gives one clear message that names
the file, the line and (where there is one) the field, and `strategy_site check` exits 1.

Each case changes one place of a scratch copy of the real data. A place is named by its field
path in the file (as the loader reads it), so the cases follow the data when it changes; a case
whose place is gone fails with a message that says so.
"""

from __future__ import annotations

import os
import re
import shutil
import tempfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import pytest
import yaml

from strategy_site.publishing import cli, safety

from conftest import EDITION, ROOT, copy_project, run_cli

DATA = ROOT / "data"
# The data files the cases change, under data/: the edition's own in its folder, the shared ones beside it.
FIGURES = f"{EDITION}/figures.yaml"
PILLAR = f"{EDITION}/pillars/advanced-science-and-technology.yaml"
PILLARS = f"{EDITION}/pillars"
PROGRESS = f"{EDITION}/progress.yaml"
HISTORY = f"{EDITION}/history.yaml"
GLOSSARY = f"{EDITION}/glossary.yaml"
REDIRECTS = "redirects.yaml"
ACCESSIBILITY = "accessibility.yaml"
NAMES = "names.yaml"
TOPICS = "topics.yaml"
EDITIONS = "editions.yaml"
# A problem's line: a file's place (file:line:column, the entity, the field) or a folder's (data/: the folder ...).
PROBLEM = re.compile(
    r"^(?:(?P<file>.+?):(?P<line>\d+):(?P<column>\d+)(?: \((?P<entity>[^)]*)\))?: "
    r"(?:field '(?P<field>[^']+)'|the file) ?:? ?|(?P<folder>.+/): the folder )(?P<message>.*)$"
)
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
            return text[: node.start_mark.index] + self.value + text[node.end_mark.index :]
        if self.name is not None:
            return text[: key.start_mark.index] + self.name + text[key.end_mark.index :]
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
    # Other files to write: {name under data/: bytes, or a function of the scratch data/ that gives them}
    extra: dict[str, bytes | Callable[[Path], bytes]] = field(default_factory=dict)
    prepare: Callable[[Path], None] | None = None  # makes what bytes cannot (a FIFO, a link), in data/
    reported_in: str | None = None  # the file the message names, when it is not the changed one


def _swap(old: str, new: str) -> Callable[[str], str]:
    return lambda line: line.replace(old, new, 1)


# (name, file, place, as typed, field, words): each number YAML 1.1 reads as something else, or
# that is written another way than plain digits, is refused with the plain way to write it.
NUMBER_SPELLINGS = [
    ("a leading zero (octal)", FIGURES, ("figures", 0, "amount"), "0300", "figures[1].amount", ("'0300'", "Write 300")),
    ("a leading zero in an order", PILLAR, ("order",), "010", "order", ("'010'", "reads it as 8", "Write 10")),
    ("a leading zero in a slide", PILLAR, ("slide",), "01", "slide", ("'01'", "Write 1")),
    ("base 60 (8:40)", FIGURES, ("figures", 1, "amount"), "8:40", "figures[2].amount", ("'8:40'", "520", "base 60")),
    ("a decimal point in an order", PILLAR, ("order",), "1.0", "order", ("'1.0'", "Write 1")),
    (
        "a decimal point in a year",
        FIGURES,
        ("figures", 0, "fiscal_years", "start"),
        "2021.0",
        "figures[1].fiscal_years.start",
        ("'2021.0'", "Write 2021"),
    ),
    ("a decimal point in a history year", HISTORY, ("years", 0, "year"), "2021.0", "years[1].year", ("Write 2021",)),
    ("a decimal point in an amount", FIGURES, ("figures", 0, "amount"), "5000.0", "figures[1].amount", ("Write 5000",)),
    (
        "a trailing zero after the point",
        FIGURES,
        ("figures", 0, "amount"),
        "12.50",
        "figures[1].amount",
        ("Write 12.5",),
    ),
    ("infinity", FIGURES, ("figures", 0, "amount"), ".inf", "figures[1].amount", ("'.inf'", "not a number")),
    ("not a number", FIGURES, ("figures", 0, "amount"), ".nan", "figures[1].amount", ("'.nan'", "not a number")),
    (
        "hexadecimal",
        FIGURES,
        ("figures", 0, "amount"),
        "0x1388",
        "figures[1].amount",
        ("'0x1388'", "another base", "5000"),
    ),
    ("binary", PILLAR, ("order",), "0b1", "order", ("'0b1'", "another base")),
    ("an underscore", FIGURES, ("figures", 0, "amount"), "5_000", "figures[1].amount", ("'5_000'", "Write 5000")),
    ("a plus sign", FIGURES, ("figures", 0, "amount"), "+5000", "figures[1].amount", ("'+5000'", "Write 5000")),
    ("a plus sign in an order", PILLAR, ("order",), "+1", "order", ("Write 1",)),
    ("an exponent", FIGURES, ("figures", 0, "amount"), "5.0e+3", "figures[1].amount", ("'5.0e+3'", "plain digits")),
]

ALIAS_BOMB = (
    b"a: &a [x, x, x, x, x, x, x, x, x]\n"
    + b"".join(b"%c: &%c [%s]\n" % (c, c, b", ".join([b"*" + bytes([c - 1])] * 9)) for c in b"bcdefghi")
    + b"terms: *i\n"
)


_TERMS = len(yaml.safe_load((DATA / GLOSSARY).read_text("utf-8"))["terms"])
_GLOSSARY_LINES = len((DATA / GLOSSARY).read_text("utf-8").splitlines())
_SIP_NOTE_LINE = Edit(("figures", 1, "note")).line((DATA / FIGURES).read_text("utf-8"))  # where the note stands
_SIP_AMOUNT_LINE = Edit(("figures", 1, "amount")).line((DATA / FIGURES).read_text("utf-8"))
_SIP_TEXT_LINE = Edit(("sections", 2, "items", 0, "text")).line((DATA / PROGRESS).read_text("utf-8"))
_TOPICS = len(yaml.safe_load((DATA / TOPICS).read_text("utf-8"))["topics"])
_TOPIC_LINES = len((DATA / TOPICS).read_text("utf-8").splitlines())


def _more_terms(b: bytes) -> bytes:
    """The glossary with terms added up to 301."""
    added = "".join(
        f'  - {{id: term-x{i}, abbr: [X{i}], reading: "ようご", match: [AI], '
        f'name: {{ja: "用語{i}", en: "Term {i}"}}}}\n'
        for i in range(301 - _TERMS)
    )
    return b + added.encode()


def _remove_all(folder: Path, pattern: str) -> None:
    for path in folder.glob(pattern):
        path.unlink()


def _copy_of(name: str) -> Callable[[Path], bytes]:
    """The bytes of a data file (under data/), for a copy of it elsewhere."""
    return lambda data: (data / name).read_bytes()


def _under_data(name: str) -> str:
    """A file's place under data/ from its name as the cases give it: pillars/... in the edition's folder."""
    return f"{EDITION}/{name}" if name.startswith("pillars/") else name


def _link_outside(path: Path) -> None:
    """Replace a data file with a link to a copy of it outside the project (data/'s parent)."""
    outside = Path(tempfile.mkdtemp()) / path.name
    outside.write_bytes(path.read_bytes())
    path.unlink()
    path.symlink_to(outside)


def _redirects(*entries: str) -> Callable[[bytes], bytes]:
    """redirects.yaml with these entries (flow mappings), one a line from line 6."""
    return lambda b: b.replace(b"redirects: []", ("redirects:\n" + "".join(f"  - {e}\n" for e in entries)).encode())


# (name, entries, field, words, line)
BAD_REDIRECTS = [
    (
        "over a permalink",
        ['{from: "m/k-program-rd-support/", to: "sbir-continuous-support"}'],
        "redirects[1].from",
        ("permalink of the item 'k-program-rd-support'", "take it over"),
        6,
    ),
    (
        "over a served anchor",
        ['{from: "pillars/advanced-science-and-technology/#k-program-rd-support", to: "sbir-continuous-support"}'],
        "redirects[1].from",
        ("still on the page",),
        6,
    ),
    (
        "over a page's own heading",
        ['{from: "budget/#top", to: "measures/"}'],
        "redirects[1].from",
        ("'#top' is still on the page",),
        6,
    ),
    ("over a served page", ['{from: "measures/", to: "budget/"}'], "redirects[1].from", ("still serves",), 6),
    (
        "with the language in from",
        ['{from: "en/pillars/old/", to: "measures/"}'],
        "redirects[1].from",
        ("starts with 'en/'", "write 'pillars/old/'"),
        6,
    ),
    ("in the site's own folder", ['{from: "assets/", to: "measures/"}'], "redirects[1].from", ("folder 'assets/'",), 6),
    (
        "in the search index's folder",
        ['{from: "pagefind/", to: "measures/"}'],
        "redirects[1].from",
        ("folder 'pagefind/'", "its own files"),
        6,
    ),
    (
        "a part too long for a folder name",
        ['{from: "' + "a" * 300 + '/", to: "measures/"}'],
        "redirects[1].from",
        ("300 bytes long", "at most 120"),
        6,
    ),
    (
        "501 of them",
        [f'{{from: "old-{i}/", to: "measures/"}}' for i in range(501)],
        "redirects[501]",
        ("501 redirects", "at most 500"),
        506,
    ),
    (
        "a from given twice",
        ['{from: "pillars/old/", to: "measures/"}', '{from: "pillars/old/", to: "budget/"}'],
        "redirects[2].from",
        ("already redirected on line 6", "Keep one"),
        7,
    ),
    (
        "to a pillar",
        ['{from: "pillars/old/", to: "advanced-science-and-technology"}'],
        "redirects[1].to",
        ("id of a pillar", "pillars/advanced-science-and-technology/"),
        6,
    ),
    ("to a measure group", ['{from: "pillars/old/", to: "key-fields"}'], "redirects[1].to", ("measure group",), 6),
    ("to a glossary term", ['{from: "pillars/old/", to: "term-sip"}'], "redirects[1].to", ("glossary term",), 6),
    (
        "to a page that does not exist",
        ['{from: "pillars/old/", to: "no-such-page/"}'],
        "redirects[1].to",
        ("not a page of the site",),
        6,
    ),
    (
        "to nothing known",
        ['{from: "pillars/old/", to: "no-such-item"}'],
        "redirects[1].to",
        ("neither a page of the site nor the id of an item",),
        6,
    ),
]


CASES = [
    # Reading the file: syntax, layout, encoding, size.
    Case(
        "syntax: a missing quotation mark",
        FIGURES,
        Edit(("figures", 0, "program"), value='{ja: "K program, en: "K Program"}'),
        None,
        ("not valid YAML", "quotation mark"),
    ),
    Case(
        "syntax: a missing colon",
        FIGURES,
        Edit(("figures", 0, "amount"), rewrite=_swap("amount:", "amount")),
        None,
        ("not valid YAML", "colon", "name: value"),
    ),
    Case(
        "syntax: a { not closed",
        FIGURES,
        Edit(("figures", 0, "fiscal_years"), rewrite=_swap("}", "")),
        None,
        ("not closed", "'}'"),
    ),
    Case(
        "syntax: a line indented too far",
        PILLAR,
        Edit(("groups", 0, "measures", 0, "text"), rewrite=lambda line: "  " + line),
        None,
        ("indentation",),
    ),
    Case(
        "syntax: a text starting with @",
        FIGURES,
        Edit(("figures", 0, "unit"), value="@億円"),
        None,
        ("quotation marks", "@"),
    ),
    Case(
        "tab indentation",
        FIGURES,
        Edit(("figures", 0, "amount"), rewrite=lambda line: "\t" + line.lstrip(" ")),
        None,
        ("tab", "spaces"),
    ),
    Case(
        "a duplicate key",
        FIGURES,
        Edit(("figures", 0, "amount"), add="amount: 6000"),
        "figures[1].amount",
        ("written twice", "line"),
        line_offset=1,
    ),
    Case(
        "two documents in one file", GLOSSARY, lambda b: b + b"---\nterms: []\n", None, ("more than one", "---"), line=1
    ),
    Case("a byte-order mark", FIGURES, lambda b: b"\xef\xbb\xbf" + b, None, ("byte-order mark", "without BOM"), line=1),
    Case(
        "non-UTF-8 bytes (Shift_JIS)",
        GLOSSARY,
        lambda b: b.replace("人工知能".encode(), "人工知能".encode("shift_jis")),
        None,
        ("not valid UTF-8", "UTF-8"),
    ),
    Case("an empty file", HISTORY, lambda b: b"", None, ("is empty",), line=1),
    Case("a file of comments only", HISTORY, lambda b: b"# nothing yet\n", None, ("is empty",), line=1),
    Case(
        "a 10 MB file", FIGURES, lambda b: b + b"# " + b"x" * 10_000_000 + b"\n", None, ("10.0 MB", "at most"), line=1
    ),
    Case("a missing file", FIGURES, lambda b: None, None, ("is missing",), line=1),
    Case(
        "a file the site does not know",
        FIGURES,
        lambda b: b,
        None,
        ("not a known data file", "pillars/"),
        line=1,
        extra={"notes.yaml": b"note: hello\n"},
    ),
    # Editions: each edition's own files in its folder data/<year>/, the shared ones in data/ itself.
    *[
        Case(name, source, lambda b: b, None, words, line=1, extra={at: _copy_of(source)})
        for name, source, at, words in (
            (
                "an edition's own file in data/ itself",
                FIGURES,
                "figures.yaml",
                ("belongs to one edition", f"data/{FIGURES}"),
            ),
            (
                "a pillar file in data/pillars/, as before editions",
                PILLAR,
                "pillars/advanced-science-and-technology.yaml",
                ("belongs to one edition", f"data/{PILLAR}"),
            ),
            (
                "a shared file in an edition's folder",
                NAMES,
                f"{EDITION}/{NAMES}",
                ("shared by every edition", f"move it to data/{NAMES}"),
            ),
        )
    ],
    Case("the editions file missing", EDITIONS, lambda b: None, None, ("is missing",), line=1),
    Case(
        "the current edition naming a year without a folder",
        EDITIONS,
        Edit(("current",), value='"2024"'),
        "current",
        ("names the edition '2024'", "no folder '2024'", f"({EDITION})", "in quotation marks"),
    ),
    Case(
        "no edition's folder",
        "",
        lambda b: b,
        None,
        ("holds no edition's folder", f"data/{EDITION}/", "restore it"),
        prepare=lambda data: shutil.rmtree(data / EDITION),
    ),
    Case(
        "an edition's pillars folder emptied",
        PILLAR,
        lambda b: b,
        None,
        ("holds no pillar file", "<pillar-id>.yaml", "Restore"),
        count=None,  # what the pillars held is named elsewhere: those references are problems too
        reported_in=f"{PILLARS}/",
        prepare=lambda data: _remove_all(data / PILLARS, "*.yaml"),
    ),
    Case(
        "a backslash escape in double quotes",
        FIGURES,
        Edit(("figures", 0, "note", "en"), value='"FY2021\\Program"'),
        "figures[1].note.en",
        ("\\P", "twice"),
    ),
    # The schema: fields, translations, types, forms.
    Case(
        "an unknown field (a typo)",
        FIGURES,
        Edit(("figures", 0, "amount"), name="amout"),
        "figures[1].amout",
        ("unknown field 'amout'", "Did you mean 'amount'?"),
    ),
    Case(
        "an unknown field (extra)",
        PILLAR,
        Edit(("groups", 0, "measures", 0, "slide"), add="comment: check this"),
        "groups[1].measures[1].comment",
        ("unknown field 'comment'", "allowed here"),
        line_offset=1,
    ),
    Case(
        "a missing field",
        FIGURES,
        Edit(("figures", 0, "unit"), drop=True),
        "figures[1]",
        ("'unit' is missing",),
        line=("figures", 0),
    ),
    Case(
        "a missing translation",
        PILLAR,
        Edit(("groups", 0, "title"), value='{ja: "重要分野の戦略的な推進"}'),
        "groups[1].title",
        ("English", "'en'", "missing"),
    ),
    Case(
        "a wrong type: text for a year",
        HISTORY,
        Edit(("years", 0, "year"), value="twenty"),
        "years[1].year",
        ("whole number", "twenty"),
    ),
    Case(
        "a wrong type: a number for a text",
        GLOSSARY,
        Edit(("terms", 0, "name", "en"), value="2025"),
        "terms[1].name.en",
        ("read as a number", 'quotation marks: "2025"'),
    ),
    Case(
        "a wrong type: 'No' read as false",
        GLOSSARY,
        Edit(("terms", 0, "name", "en"), value="No"),
        "terms[1].name.en",
        ("read as true/false", 'quotation marks: "No"'),
    ),
    Case(
        "a wrong type: a number in quotation marks",
        FIGURES,
        Edit(("figures", 0, "amount"), value='"5000"'),
        "figures[1].amount",
        ("quotation marks", "without them: 5000"),
    ),
    Case(
        "a non-numeric amount",
        FIGURES,
        Edit(("figures", 0, "amount"), value="5,000"),
        "figures[1].amount",
        ("should be a number", "without commas"),
    ),
    Case(
        "a negative amount",
        FIGURES,
        Edit(("figures", 0, "amount"), value="-5000"),
        "figures[1].amount",
        ("-5000 is too small", "above zero"),
    ),
    Case(
        "a value not in the list",
        FIGURES,
        Edit(("figures", 0, "unit"), value="円"),
        "figures[1].unit",
        ("'円' is not allowed", "億円, 兆円"),
    ),
    Case(
        "'yes' for 'official'",
        FIGURES,
        Edit(("figures", 0, "program", "translation"), value="yes"),
        "figures[1].program.translation",
        ("'yes' is not allowed", "official"),
    ),
    Case(
        "an empty text",
        PILLAR,
        Edit(("groups", 0, "measures", 0, "text", "en"), value='""'),
        "groups[1].measures[1].text.en",
        ("is empty",),
    ),
    Case(
        "spaces around a text",
        PILLAR,
        Edit(("groups", 0, "measures", 0, "text", "en"), value='" Balancing"'),
        "groups[1].measures[1].text.en",
        ("spaces at its start or end",),
    ),
    Case(
        "a malformed id",
        FIGURES,
        Edit(("figures", 0, "id"), value="K_Program"),
        "figures[1].id",
        ("'K_Program' is not in the right form", "lowercase"),
    ),
    # Rules across the data: ids, references, dates, spans.
    Case(
        "a duplicate id",
        FIGURES,
        Edit(("figures", 1, "id"), value="k-program-budget"),
        "figures[2].id",
        ("'k-program-budget' is already used", f"data/{FIGURES} on line"),
    ),
    Case(
        "a dangling reference",
        FIGURES,
        Edit(("figures", 0, "measure"), value="k-progam-rd-support"),
        "figures[1].measure",
        ("'k-progam-rd-support'", "no measure has that id"),
    ),
    Case(
        "a dangling reference in a list",
        PROGRESS,
        Edit(("sections", 0, "items", 0, "advances", 0), value="no-such-measure"),
        "sections[1].items[1].advances[1]",
        ("'no-such-measure'", "no measure"),
    ),
    Case(
        "an impossible month",
        PROGRESS,
        Edit(("sections", 0, "items", 0, "dates", 0, "date"), value='"2025-13"'),
        "sections[1].items[1].dates[1].date",
        ("'2025-13' is not a real date",),
    ),
    Case(
        "an impossible day",
        PROGRESS,
        Edit(("sections", 0, "items", 0, "dates", 0, "date"), value="2025-02-30"),
        "sections[1].items[1].dates[1].date",
        ("'2025-02-30' is not a real date",),
    ),
    # Every date, wherever it stands, is a real calendar date in a sane range.
    *[
        Case(
            f"an impossible date: {name}",
            file,
            Edit(place, value=f'"{date}"'),
            field_,
            (f"'{date}'", words),
        )
        for name, file, place, field_, date, words in (
            (
                "accessibility test day 30 February",
                ACCESSIBILITY,
                ("tested", "date"),
                "tested.date",
                "2026-02-30",
                "not a real date",
            ),
            (
                "accessibility test month 00",
                ACCESSIBILITY,
                ("tested", "date"),
                "tested.date",
                "2026-00-10",
                "month from 01 to 12",
            ),
            (
                "a name's 'checked' on 31 April",
                NAMES,
                ("names", 0, "source", "checked"),
                "names[1].source.checked",
                "2026-04-31",
                "not a real date",
            ),
            (
                "year 0000",
                NAMES,
                ("names", 0, "source", "checked"),
                "names[1].source.checked",
                "0000-01-01",
                "a year from 1990 to 2100",
            ),
            (
                "a progress date in year 2205",
                PROGRESS,
                ("sections", 0, "items", 0, "dates", 0, "date"),
                "sections[1].items[1].dates[1].date",
                "2205-02",
                "a year from 1990 to 2100",
            ),
        )
    ],
    Case(
        "an impossible date: a redirect's 'since' on 29 February 2025",
        REDIRECTS,
        _redirects('{from: "pillars/old/", to: "measures/", since: "2025-02-29"}'),
        "redirects[1].since",
        ("'2025-02-29' is not a real date",),
        line=6,
    ),
    # A figure and the texts that state it agree.
    Case(
        "a figure's amount changed, its texts not",
        FIGURES,
        Edit(("figures", 1, "amount"), value="850"),
        "figures[2].amount",
        (
            "the amount is 850億円",
            "'840億円'",
            "'¥84 billion'",
            f"line {_SIP_NOTE_LINE}",
            "correct the amount or the text",
        ),
        count=2,
    ),
    Case(
        "a progress item's text changed, the figure not",
        PROGRESS,
        Edit(("sections", 2, "items", 0, "text", "en"), rewrite=_swap("¥84 billion", "¥85 billion")),
        "figures[2].amount",
        (
            "the amount is 840億円",
            "progress item 'sip-and-bridge'",
            f"data/{PROGRESS}, line {_SIP_TEXT_LINE}",
            "'¥85 billion'",
        ),
        line=_SIP_AMOUNT_LINE,
        reported_in=FIGURES,
    ),
    Case(
        "a figure's span changed, its texts not",
        FIGURES,
        Edit(("figures", 0, "fiscal_years"), value="{start: 2021, end: 2023}"),
        "figures[1].fiscal_years",
        ("FY2021 to FY2023", "'2021・2022年度'", "'FY2021 and FY2022'"),
        count=2,
    ),
    Case(
        "a reversed fiscal span",
        FIGURES,
        Edit(("figures", 0, "fiscal_years"), value="{start: 2022, end: 2021}"),
        "figures[1].fiscal_years.end",
        ("ends (FY2021) before it starts (FY2022)", "Swap"),
    ),
    Case(
        "a reversed span beside a schema problem",
        FIGURES,
        Edit(("figures", 0, "fiscal_years"), value="{start: 2022, end: 2021}\n    remark: draft"),
        "figures[1].fiscal_years.end",
        ("ends (FY2021) before it starts (FY2022)",),
        count=2,
    ),
    Case(
        "a pillar file named unlike its id",
        PILLAR,
        Edit(("id",), value="advanced-science"),
        "id",
        ("differs from its file name", "advanced-science.yaml"),
        count=None,
    ),
    *[
        Case(f"a number written another way: {name}", file, Edit(place, value=typed), field_, words)
        for name, file, place, typed, field_, words in NUMBER_SPELLINGS
    ],
    *[
        Case(
            f"a boolean written another way: {typed}",
            FIGURES,
            Edit(("figures", 0, "approximate"), value=typed),
            "figures[1].approximate",
            (f"'{typed}' is read as {meant}", f"Write {meant}"),
        )
        for typed, meant in (
            ("yes", "true"),
            ("no", "false"),
            ("TRUE", "true"),
            ("FALSE", "false"),
            ("on", "true"),
            ("off", "false"),
            ("On", "true"),
        )
    ],
    Case(
        "a boolean written as 1",
        FIGURES,
        Edit(("figures", 0, "approximate"), value="1"),
        "figures[1].approximate",
        ("true or false", "a number"),
    ),
    Case(
        "a boolean in quotation marks",
        FIGURES,
        Edit(("figures", 0, "approximate"), value='"false"'),
        "figures[1].approximate",
        ("true or false", "text"),
    ),
    Case(
        "a year with a fraction",
        FIGURES,
        Edit(("figures", 0, "fiscal_years"), value="{start: 2021, end: 2022.5}"),
        "figures[1].fiscal_years.end",
        ("whole number",),
    ),
    Case(
        "a capitalised English name the registry of names does not know",
        PILLAR,
        Edit(("groups", 0, "measures", 0, "text", "en"), value='"Promotion of the Quantum Leap Flagship Program"'),
        "groups[1].measures[1].text.en",
        ("'Quantum Leap Flagship Program'", "not in the registry of names", "data/names.yaml", "status: site"),
    ),
    # YAML's tags, anchors, aliases and merge keys: never used by this data.
    Case(
        "a tag (!!str)",
        FIGURES,
        Edit(("figures", 0, "amount"), value="!!str 5000"),
        "figures[1].amount",
        ("'!!str' is read as a YAML tag", "delete the tag"),
    ),
    Case(
        "a text starting with an unquoted !",
        FIGURES,
        Edit(("figures", 0, "unit"), value="!yen"),
        "figures[1].unit",
        ("'!yen' is read as a YAML tag", "quotation marks"),
    ),
    Case(
        "a local tag on a mapping",
        FIGURES,
        Edit(("figures", 0, "fiscal_years"), value="!span {start: 2021, end: 2022}"),
        "figures[1].fiscal_years",
        ("'!span'", "tag"),
    ),
    Case(
        "an anchor",
        FIGURES,
        Edit(("figures", 0, "program"), value='&p {ja: "K program", en: "K Program"}'),
        "figures[1].program",
        ("'&p' is a YAML anchor", "delete it"),
    ),
    Case(
        "an alias",
        FIGURES,
        Edit(("figures", 1, "program"), value="*p"),
        "figures[2].program",
        ("'*p' is a YAML alias", "write the value itself"),
    ),
    Case(
        "a merge key",
        FIGURES,
        Edit(("figures", 0, "amount"), add="<<: {unit: 億円}"),
        "figures[1]",
        ("'<<'", "merge key", "Write the fields themselves"),
        line_offset=1,
    ),
    Case("an alias bomb", GLOSSARY, lambda b: ALIAS_BOMB, "a", ("'&a' is a YAML anchor",), line=1),
    Case(
        "nesting 60 levels deep",
        FIGURES,
        Edit(("figures", 0, "note", "en"), value="[" * 60 + "]" * 60),
        "figures[1].note.en",
        ("more than 24 levels deep", "'['"),
    ),
    Case(
        "nesting 2,000 levels deep with a syntax error",
        FIGURES,
        Edit(("figures", 0, "note", "en"), value="[" * 2000),
        None,
        ("levels deep",),
    ),
    # Ids the pages use themselves, and ids with a hidden line break.
    *[
        Case(
            f"an id the pages use themselves: {ident}",
            PILLAR,
            Edit(("groups", 0, "measures", 2, "id"), value=ident),
            "groups[1].measures[3].id",
            (f"'{ident}'", "used by the site's own pages", "Choose another id"),
            count=None,
        )
        for ident in (
            "top",
            "pillar-progress",
            "chart-hatch",
            "chart-title",
            "anchor-moves",
            "chart",
            "citing",
            "fields-measures-csv",
        )
    ],
    Case(
        "an id written as a block (id: |)",
        FIGURES,
        Edit(("figures", 0, "id"), value="|\n      k-program-budget"),
        "figures[1].id",
        ("line break",),
    ),
    Case(
        "a measure id written as a block",
        PILLAR,
        Edit(("groups", 0, "measures", 0, "id"), value="|\n          x"),
        "groups[1].measures[1].id",
        ("line break",),
        count=None,
    ),
    Case(
        "a pillar file named index.yaml",
        PILLAR,
        lambda b: None,
        "id",
        ("'index'", "pillars/ itself"),
        line=2,
        count=None,
        extra={
            f"{PILLARS}/index.yaml": lambda data: (
                (data / PILLAR).read_bytes().replace(b"id: advanced-science-and-technology", b"id: index", 1)
            )
        },
    ),
    Case(
        "a pillar file named like a copy",
        PILLAR,
        lambda b: b,
        "id",
        ("is not a pillar id", "innovation-ecosystem.yaml"),
        line=2,
        count=None,
        extra={
            f"{PILLARS}/innovation-ecosystem (copy).yaml": lambda data: (
                data / PILLARS / "innovation-ecosystem.yaml"
            ).read_bytes()
        },
    ),
    # Redirects: nothing may take over an address the site serves, or lead nowhere.
    *[
        Case(f"a redirect: {name}", REDIRECTS, _redirects(*entries), field_, words, line=line)
        for name, entries, field_, words, line in BAD_REDIRECTS
    ],
    # Characters that cannot be seen, and English texts in Japanese.
    *[
        Case(
            f"an invisible character: U+{ord(char):04X}",
            PILLAR,
            Edit(("groups", 0, "measures", 0, "text", "en"), value=f'"Balancing{char} the promotion"'),
            "groups[1].measures[1].text.en",
            (f"U+{ord(char):04X}", "invisible", "Delete it"),
        )
        for char in ("\u200b", "\u2060", "\ufeff", "\u202a", "\u202e", "\u2066", "\u2069", "\u00ad")
    ],
    Case(
        "a text of invisible characters only",
        FIGURES,
        Edit(("figures", 0, "note", "ja"), value='"\u2060\u200b"'),
        "figures[1].note.ja",
        ("invisible", "nothing else that can be seen"),
    ),
    Case(
        "a text of a Hangul filler only",
        GLOSSARY,
        Edit(("terms", 0, "name", "ja"), value='"\u3164"'),
        "terms[1].name.ja",
        ("U+3164", "nothing else that can be seen"),
    ),
    *[
        Case(
            f"a text of a selector only: U+{ord(char):04X}",
            PILLAR,
            Edit(("groups", 0, "measures", 0, "text", "en"), value=f'"{char}"'),
            "groups[1].measures[1].text.en",
            (f"U+{ord(char):04X}", "nothing else that can be seen"),
        )
        for char in ("\U000e0100", "\u180b", "\ufe0f")
    ],
    Case(
        "an over-precise amount",
        FIGURES,
        Edit(("figures", 1, "amount"), value="840.12345678901234567"),
        "figures[2].amount",
        ("more decimal places", "840.1234567890124", "at most 4 digits"),
    ),
    *[
        Case(
            f"a glossary abbreviation that is a word: {word}",
            GLOSSARY,
            Edit(("terms", 1, "abbr", 0), value=word),
            "terms[2].abbr[1]",
            (f"'{word}' is an ordinary word", "for example 'SIP'"),
        )
        for word in ("the", "Program")
    ],
    Case(
        "a glossary term no text uses",
        GLOSSARY,
        Edit(("terms", 7, "abbr", 0), value="FX"),
        "terms[8].name",
        ("no text uses this term", "add 'match'"),
        line=("terms", 7, "name"),
    ),
    Case(
        "a typo of the original that no text quotes",
        f"{EDITION}/strategy.yaml",
        Edit(("typos", 0), value='"とともにに"'),
        "typos[1]",
        ("'とともにに' stands in no Japanese text", "exactly as they are written"),
    ),
    Case(
        "an English text in Japanese",
        PILLAR,
        Edit(("groups", 0, "title", "en"), value='"重要分野の戦略的な推進"'),
        "groups[1].title.en",
        ("written in Japanese only", "English translation"),
    ),
    Case(
        "an English glossary name in Japanese",
        GLOSSARY,
        Edit(("terms", 0, "name", "en"), value='"経済安全保障"'),
        "terms[1].name.en",
        ("written in Japanese only",),
    ),
    *[
        Case(
            f"YAML's no-value word as a text: {typed}",
            GLOSSARY,
            Edit(("terms", 0, "name", "en"), value=typed),
            "terms[1].name.en",
            (f"'{typed}' is read by YAML as 'no value'", f'quotation marks: "{typed}"'),
        )
        for typed in ("null", "Null", "~")
    ],
    Case(
        "an empty glossary name",
        GLOSSARY,
        Edit(("terms", 0, "name", "en"), value="''"),
        "terms[1].name.en",
        ("is empty",),
    ),
    Case(
        "a glossary name that is not a text pair",
        GLOSSARY,
        Edit(("terms", 0, "name"), value="''"),
        "terms[1].name",
        ("should be a set of fields",),
    ),
    Case(
        "an empty abbreviation", GLOSSARY, Edit(("terms", 0, "abbr"), value="['']"), "terms[1].abbr[1]", ("is empty",)
    ),
    # What the build cannot finish in reasonable time is refused by the check.
    Case(
        "a text of 3,000 characters of punctuation runs",
        PILLAR,
        Edit(("groups", 0, "measures", 0, "text", "en"), value='"' + "*_" * 1500 + '"'),
        "groups[1].measures[1].text.en",
        ("3,000 characters long", "at most 2,000"),
    ),
    Case(
        "301 glossary terms",
        GLOSSARY,
        _more_terms,
        "terms[301]",
        ("301 terms", "at most 300"),
        line=_GLOSSARY_LINES + 301 - _TERMS,
    ),
    # Characters a data file may not hold as they are: one line, at the line the editor shows.
    *[
        Case(
            f"a raw character in a text: {name}",
            GLOSSARY,
            Edit(("terms", 0, "name", "ja"), rewrite=_swap("経済安全保障", f"経済{char}安全保障")),
            None,
            (f"U+{ord(char):04X}", words, "elete it"),
        )
        for name, char, words in (
            ("NUL", "\x00", "control character"),
            ("a bell", "\x07", "control character"),
            ("a form feed", "\x0c", "form feed"),
            ("an escape code", "\x1b", "control character"),
            ("U+FFFE", "\ufffe", "noncharacter"),
            ("a next line (NEL)", "\x85", "line numbers would not match"),
            ("a line separator", "\u2028", "line numbers would not match"),
            ("a lone carriage return", "\r", "line numbers would not match"),
        )
    ],
    Case(
        "a line separator in a comment, lines below",
        HISTORY,
        Edit(("years", 0, "lead"), rewrite=lambda line: line.rstrip("\n") + "  # a\u2028b\n"),
        None,
        ("U+2028", "ordinary line break"),
    ),
    # The rules are the project's: a change under data/schema/ cannot loosen them.
    Case(
        "a schema whose address pattern lets javascript: in",
        "schema/names.schema.json",
        lambda b: b.replace(b'"pattern": "^https://', b'"pattern": "^(javascript:|https://)', 1),
        None,
        ("differs from the project's own rules", "git checkout data/schema/"),
        line=1,
    ),
    Case(
        "a broken schema file",
        "schema/common.schema.json",
        lambda b: b[: len(b) // 2],
        None,
        ("differs from the project's own rules",),
        line=1,
    ),
    Case(
        "a schema file the project does not have",
        "schema/common.schema.json",
        lambda b: b,
        None,
        ("not one of the project's schemas",),
        line=1,
        extra={"schema/extra.schema.json": b"{}"},
    ),
    # Files that are not plain data files (each named as under data/, the pillars' in the edition's folder).
    *[
        Case(
            f"a file not named as data: {name}",
            PILLAR,
            lambda b: b,
            None,
            words,
            line=1,
            extra={_under_data(name): lambda data: (data / PILLAR).read_bytes()},
        )
        for name, words in (
            ("pillars/new-pillar.yaml.txt", ("'new-pillar.yaml.txt'", "Rename it to 'new-pillar.yaml'")),
            ("pillars/new-pillar.YAML", ("'.YAML'", "Rename it to 'new-pillar.yaml'")),
            ("pillars/new-pillar.Yml", ("'.Yml'", "Rename it to 'new-pillar.yaml'")),
            ("pillars/new-pillar", ("not a data file", "rename it to 'new-pillar.yaml'")),
            ("notes.txt", ("not a data file", "Move it out of data/")),
        )
    ],
    Case(
        "a pillar saved as .yml",
        PILLAR,
        lambda b: b,
        None,
        ("'.yml'", "new-pillar.yaml"),
        line=1,
        extra={f"{PILLARS}/new-pillar.yml": b"id: new-pillar\n"},
    ),
    Case(
        "a FIFO instead of a file",
        FIGURES,
        lambda b: b,
        None,
        ("named pipe", "not a text file"),
        line=1,
        prepare=lambda data: (data / FIGURES).unlink() or os.mkfifo(data / FIGURES),
    ),
    Case(
        "a link to /dev/zero",
        FIGURES,
        lambda b: b,
        None,
        ("link to /dev/zero", "outside the project"),
        line=1,
        prepare=lambda data: (data / FIGURES).unlink() or (data / FIGURES).symlink_to("/dev/zero"),
    ),
    Case(
        "a link to a file outside the project",
        FIGURES,
        lambda b: b,
        None,
        ("outside the project", "Copy the file"),
        line=1,
        prepare=lambda data: _link_outside(data / FIGURES),
    ),
    Case(
        "a link that leads nowhere",
        FIGURES,
        lambda b: b,
        None,
        ("link to a file that does not exist",),
        line=1,
        prepare=lambda data: (data / FIGURES).unlink() or (data / FIGURES).symlink_to(data / "gone.yaml"),
    ),
    Case(
        "a folder named like a data file",
        FIGURES,
        lambda b: b,
        None,
        ("is a folder",),
        line=1,
        prepare=lambda data: (data / FIGURES).unlink() or (data / FIGURES).mkdir(),
    ),
    Case(
        "a sparse 2 GB file",
        FIGURES,
        lambda b: b,
        None,
        ("2000.0 MB", "at most 1 MB"),
        line=1,
        prepare=lambda data: os.truncate(data / FIGURES, 2_000_000_000),
    ),
    # Topics (data/topics.yaml): the site's own reading of which items belong together.
    Case(
        "a topic the registry does not have",
        PILLAR,
        Edit(("groups", 0, "measures", 0, "topics", 0), value="artificial-intelligence"),
        "groups[1].measures[1].topics[1]",
        ("the topic 'artificial-intelligence'", "data/topics.yaml has no topic"),
    ),
    Case(
        "a topic listed twice on one measure",
        PILLAR,
        Edit(("groups", 0, "measures", 0, "topics"), value="[ai, information-and-communications, ai]"),
        "groups[1].measures[1].topics[3]",
        ("the topic 'ai' twice", "Keep it once"),
    ),
    Case(
        "a measure without topics",
        PILLAR,
        Edit(("groups", 1, "measures", 0, "topics"), drop=True),
        "groups[2].measures[1].id",
        ("this measure has no topic", "topics: [<id>, ...]", "data/topics.yaml"),
        line=("groups", 1, "measures", 0, "id"),
    ),
    Case(
        "a measure with an empty list of topics",
        PILLAR,
        Edit(("groups", 1, "measures", 0, "topics"), value="[]"),
        "groups[2].measures[1].topics",
        ("this measure has no topic",),
    ),
    Case(
        "a topic no item uses",
        TOPICS,
        lambda b: b + '  - id: semiconductors\n    name: {ja: "半導体", en: "Semiconductors"}\n'.encode(),
        f"topics[{_TOPICS + 1}].id",
        ("no item uses the topic 'semiconductors'", "remove the topic"),
        line=_TOPIC_LINES + 1,
    ),
]


def apply_case(case: Case, data: Path) -> int:
    """Make a case's change in a scratch copy of the data (also for tests/test_serve_errors.py)."""
    return _apply(case, data)


def _apply(case: Case, data: Path) -> int:
    """Make the change in the scratch data; returns the line the problem should be on."""
    path = data / case.file
    for name, content in case.extra.items():
        (data / name).parent.mkdir(parents=True, exist_ok=True)
        (data / name).write_bytes(content(data) if callable(content) else content)
    if case.prepare is not None:
        case.prepare(data)
        return case.line
    if isinstance(case.change, Edit):
        text = path.read_text("utf-8")
        path.write_text(case.change.apply(text), "utf-8")
        if isinstance(case.line, int):
            return case.line
        at = Edit(case.line) if isinstance(case.line, tuple) else case.change
        return at.line(text) + case.line_offset
    changed = case.change(path.read_bytes())
    if changed is None:
        path.unlink()
    else:
        path.write_bytes(changed)
    if case.line is not None:
        return case.line
    return next(i for i, line in enumerate(changed.splitlines(), 1) if line != line.decode("utf-8", "replace").encode())


@pytest.fixture
def data(tmp_path: Path) -> Path:
    target = tmp_path / "data"
    shutil.copytree(DATA, target)
    return target


def test_the_corpus_is_large_enough() -> None:
    assert len(CASES) >= 80 and len({c.name for c in CASES}) == len(CASES)


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
    named = f"data/{case.reported_in or next(iter(case.extra), case.file)}"
    if m["folder"]:  # a folder's problem has no line
        assert m["folder"].endswith(named) and line is None, m.group(0)
    else:
        assert Path(m["file"]).as_posix().endswith(named), m.group(0)
        assert int(m["line"]) == line, m.group(0)
    assert m["field"] == case.field, m.group(0)
    for words in case.words:
        assert words in m.group(0), f"{words!r} not in: {m.group(0)}"
    for jargon in JARGON:
        assert jargon not in out.err, f"{jargon!r} in: {out.err}"


def test_the_real_data_is_valid(capsys: pytest.CaptureFixture) -> None:
    """The corpus starts from valid data: each case's problem is the one it makes."""
    assert cli.main(["check", "--data", str(DATA)]) == 0, capsys.readouterr().err


@pytest.mark.parametrize(
    "args",
    [
        ["check", "--data", "no/such/folder"],
        ["check", "--data", f"data/{FIGURES}"],
        ["check", "--bogus"],
        ["chek"],
        [],
    ],
)
def test_usage_errors_exit_2(args: list[str]) -> None:
    result = run_cli(ROOT, *args)
    assert result.returncode == 2, result.stderr
    assert "usage: strategy_site" in result.stderr and "error:" in result.stderr


def test_a_data_error_exits_1_from_the_command_line(data: Path) -> None:
    (data / FIGURES).write_bytes(b"\xef\xbb\xbf" + (data / FIGURES).read_bytes())
    result = run_cli(ROOT, "check", "--data", str(data))
    assert result.returncode == 1
    assert result.stderr.startswith(f"{data / FIGURES}:1:1: the file starts with a byte-order mark")


@pytest.mark.parametrize(
    "name",
    ["x\nThe data is valid: 3 pillars.yaml", "x\x1b[2K\rThe data is valid.yaml", "x\u202eyaml.txt", "x\u2028y.yaml"],
)
def test_a_file_name_cannot_print_a_fake_line(name: str, data: Path, capsys: pytest.CaptureFixture) -> None:
    """Nothing from the data reaches the terminal as it is: a file name's line break, escape code or
    bidi control is printed as its code ([U+000A]), so every problem stays one line."""
    (data / name).write_bytes(b"x: 1\n")
    assert cli.main(["check", "--data", str(data)]) == 1
    out = capsys.readouterr()
    assert out.out == ""
    lines = out.err.splitlines()
    assert len(lines) == 2 and lines[1].startswith("1 problem"), out.err
    assert lines[0].isprintable() and "[U+" in lines[0], lines[0]


def test_the_staff_guide_and_editors_files_are_not_data(data: Path, capsys: pytest.CaptureFixture) -> None:
    """A README (the staff guide) and the files editors and systems leave are not refused."""
    for name in (
        "README.md",
        "readme.txt",
        ".DS_Store",
        "figures.yaml~",
        f"{FIGURES}~",
        f"{PILLARS}/.new.yaml.swp",
        "Thumbs.db",
    ):
        (data / name).write_bytes(b"\x00 not data\n")
    assert cli.main(["check", "--data", str(data)]) == 0, capsys.readouterr().err


# A representative set of the corpus, one case per class of this file's sections (reading, schema,
# rules, figures and texts, dates, characters, file names, the rules' own copy, limits): each is
# run as `build --check` and as the build, in a copy of the project whose site/ holds a last good
# site. Every case's problems come from the same check the build runs first, so the set stands for
# the rest (the whole corpus through two processes each would take minutes).
AGREEMENT = (
    "syntax: a missing quotation mark",
    "a wrong type: 'No' read as false",
    "a dangling reference",
    "a figure's amount changed, its texts not",
    "an impossible date: accessibility test day 30 February",
    "a raw character in a text: a form feed",
    "a file not named as data: pillars/new-pillar.yaml.txt",
    "a schema whose address pattern lets javascript: in",
    "a redirect: a part too long for a folder name",
    "a text of a selector only: U+E0100",
)


@pytest.mark.parametrize("name", AGREEMENT)
def test_check_and_build_agree_and_keep_the_last_site(name: str, tmp_path: Path) -> None:
    case = next(c for c in CASES if c.name == name)
    project = copy_project(tmp_path)
    _apply(case, project / "data")
    site = project / "site"
    site.mkdir()
    (site / "index.html").write_text("last good site", "utf-8")
    safety.mark(site)
    checked = run_cli(project, "build", "--check")
    built = run_cli(project, "build")
    assert checked.returncode == built.returncode == 1, (checked.stderr, built.stderr)
    problems = [line for line in checked.stderr.splitlines() if PROBLEM.match(line)]
    assert (
        problems
        and checked.stderr.strip().splitlines()[: len(problems) + 1]
        == (built.stderr.strip().splitlines()[: len(problems) + 1])
    ), (checked.stderr, built.stderr)
    assert "Traceback" not in built.stderr and "unexpected problem" not in built.stderr
    assert sorted(p.name for p in site.iterdir()) == sorted([safety.MARKER, "index.html"])
    assert (site / "index.html").read_text("utf-8") == "last good site"
