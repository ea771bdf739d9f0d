"""Wide tables as cards on a phone. Every table of three columns or more gets `data-cards="<n>"` (its
number on the page), and the page's <head> one small style sheet that names each column's heading
for its cells: `table[data-cards="1"] td:nth-child(2){--label:"Pillar"}`. docs/assets/extra.css
shows each row as a card at 600 px and less, every cell under its heading (`content: var(--label)`).

The labels cost a line per column, not an attribute per cell: at x100 the measures table has 1,900
rows. The sheet is an inline <style>, allowed by its hash like the page's other inline code (the
plugin adds the policy after this). It works on the HTML that Markdown makes of the templates'
tables (no nested tables, no spans); a cell's text from the data is already escaped there
(`&lt;td`), so only real tags match. A heading's label is its text without tags (an own-mark's
words for screen readers left out, its mark kept), written as a CSS string.
"""

from __future__ import annotations

import html
import re

MIN_COLUMNS = 3  # two columns fit a phone's width (a term and its meaning, a field and its value)

_TABLE = re.compile(r"<table>(?P<body>.*?)</table>", re.S)
_HEAD = re.compile(r"<thead>(?P<head>.*?)</thead>", re.S)
_HEADING = re.compile(r"<th\b[^>]*>(?P<text>.*?)</th>", re.S)
_WORDS_FOR_SCREEN_READERS = re.compile(r'<span class="own-mark__words">.*?</span>', re.S)
_TAG = re.compile(r"<[^>]*>")


def label_cells(page: str) -> str:
    """The page with its tables of MIN_COLUMNS columns or more numbered, and the style sheet of
    their labels before </head>; a page without such a table as it was."""
    tables: list[list[str]] = []  # the labels of each numbered table's columns

    def numbered(table: re.Match[str]) -> str:
        head = _HEAD.search(table["body"])
        labels = [_label(h["text"]) for h in _HEADING.finditer(head["head"])] if head else []
        if len(labels) < MIN_COLUMNS:
            return table.group()
        tables.append(labels)
        return f'<table data-cards="{len(tables)}">' + table["body"] + "</table>"

    page = _TABLE.sub(numbered, page)
    if not tables or "</head>" not in page:
        return page
    rules = "".join(
        f'table[data-cards="{n}"] td:nth-child({i}){{--label:{label}}}'
        for n, labels in enumerate(tables, 1)
        for i, label in enumerate(labels, 1)
    )
    return page.replace("</head>", f"<style>{rules}</style>\n</head>", 1)


def _label(heading: str) -> str:
    """A heading's text as a CSS string: quotes and backslashes escaped, '<' too (no '</style>')."""
    text = " ".join(html.unescape(_TAG.sub("", _WORDS_FOR_SCREEN_READERS.sub("", heading))).split())
    return '"' + text.replace("\\", "\\5c ").replace('"', "\\22 ").replace("<", "\\3c ") + '"'
