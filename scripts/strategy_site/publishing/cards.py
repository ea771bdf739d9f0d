"""Wide tables as cards on a phone: every table of three columns or more gets `data-cards`, and each
of its body cells a `data-label` with its column's heading, so that docs/assets/extra.css can show
each row as a card, every cell under its heading, where the table would be wider than the screen.

It works on the HTML that Markdown makes of the templates' tables (no nested tables, no spans), after
escaping: a cell's text from the data is already text there (`&lt;td`), so only real tags match.
A heading's label is its text without tags (an own-mark's words for screen readers left out, its
mark kept), escaped again for the attribute.
"""

from __future__ import annotations

import html
import re

MIN_COLUMNS = 3  # two columns fit a phone's width (a term and its meaning, a field and its value)

_TABLE = re.compile(r"<table>(?P<body>.*?)</table>", re.S)
_HEAD = re.compile(r"<thead>(?P<head>.*?)</thead>", re.S)
_HEADING = re.compile(r"<th\b[^>]*>(?P<text>.*?)</th>", re.S)
_ROW = re.compile(r"<tr>(?P<cells>.*?)</tr>", re.S)
_CELL = re.compile(r"<td(?=[\s>])")
_WORDS_FOR_SCREEN_READERS = re.compile(r'<span class="own-mark__words">.*?</span>', re.S)
_TAG = re.compile(r"<[^>]*>")


def label_cells(page: str) -> str:
    """The page's HTML with its tables of MIN_COLUMNS columns or more marked for cards."""
    return _TABLE.sub(_labelled, page)


def _labelled(table: re.Match[str]) -> str:
    body = table["body"]
    head = _HEAD.search(body)
    if head is None:
        return table.group()
    labels = [_label(h["text"]) for h in _HEADING.finditer(head["head"])]
    if len(labels) < MIN_COLUMNS:
        return table.group()
    rest = _ROW.sub(lambda row: _row(row, labels), body[head.end() :])
    return "<table data-cards>" + body[: head.end()] + rest + "</table>"


def _row(row: re.Match[str], labels: list[str]) -> str:
    column = iter(labels)
    cells = _CELL.sub(lambda cell: f'<td data-label="{next(column, "")}"', row["cells"])
    return "<tr>" + cells + "</tr>"


def _label(heading: str) -> str:
    text = _TAG.sub("", _WORDS_FOR_SCREEN_READERS.sub("", heading))
    return html.escape(" ".join(html.unescape(text).split()), quote=True)
