"""Escape: the one place where text from the data is made safe for Markdown and HTML.

Text from the data is text. It never becomes Markdown, HTML or template markup: every ASCII
punctuation character is backslash-escaped (pymdownx.escapeall makes any escape literal), and the
three characters HTML gives meaning to become entities.
"""

from __future__ import annotations

import html
import re
import string

from markupsafe import Markup

_HTML = {"&": "&amp;", "<": "&lt;", ">": "&gt;"}
# A run of ASCII white space (a line break too) becomes one space. Other spaces are text: the
# ideographic space U+3000 in a Japanese quotation and the no-break space U+00A0 stay as written.
_WHITESPACE = re.compile(r"[ \t\n\r\f\v]+")
_MD = {c: "\\" + c for c in string.punctuation if c not in _HTML}
_TABLE = str.maketrans({**_MD, **_HTML})


def markdown_text(text: str) -> Markup:
    """Text for a Markdown page (paragraphs, headings, list items and table cells)."""
    return Markup(_WHITESPACE.sub(" ", text).translate(_TABLE))


def html_text(text: str) -> Markup:
    """Text for raw HTML or SVG (element content and quoted attribute values)."""
    return Markup(html.escape(text, quote=True))


# In an attribute of inline HTML on a Markdown page (a link in a table cell, the words a citation
# quotes), Markdown still reads some characters before it sets the tag aside: '|' ends a table cell,
# a backslash escapes, a backquote opens code, '[' opens a link ('[x](y)'), '*' and '_' emphasis. As
# character references they are the same characters to the browser.
_ATTRIBUTE = {"\\": "&#92;", "`": "&#96;", "|": "&#124;", "[": "&#91;", "]": "&#93;", "*": "&#42;", "_": "&#95;"}


def markdown_attribute(text: str) -> Markup:
    """Text for a quoted attribute value of inline HTML on a Markdown page (a link's address in a
    table cell): HTML-escaped, and nothing in it that Markdown reads (the table's '|' above all)."""
    escaped = html.escape(text, quote=True)
    return Markup("".join(_ATTRIBUTE.get(char, char) for char in escaped))


def markdown_attribute_text(text: str) -> Markup:
    """Text for a quoted attribute value of inline HTML on a Markdown page that Markdown must not read
    at all (a name from the data, indexed by the search: Markdown would make '![a](b)' in it an image):
    every ASCII punctuation character as a character reference, the same character to the browser."""
    return Markup("".join(f"&#{ord(char)};" if char in string.punctuation else char for char in text))


def finalize(value: object) -> object:
    """Jinja's finalize hook: every value a template prints is escaped, unless it is Markup
    made by this package (links, ids, formatted markup)."""
    if isinstance(value, Markup):
        return value
    if value is None:
        raise ValueError("a template printed a missing value (None)")
    return markdown_text(str(value))


# Japanese on an English page is marked as Japanese (lang="ja"), so that a screen reader reads it
# with a Japanese voice and the browser picks Japanese glyphs: kana, kanji, Japanese punctuation and
# full-width forms, in runs.
JAPANESE_RUN = re.compile(
    r"[\u3000-\u303f\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff01-\uff60\uff66-\uff9f]+"
)
_JAPANESE_PHRASE = re.compile(f"{JAPANESE_RUN.pattern}(?:[0-9]+{JAPANESE_RUN.pattern})*")


def japanese_marked(text: object) -> Markup:
    """Text for an English page: escaped for Markdown (unless it is Markup already, escaped for its
    place), with each run of Japanese in <span lang="ja">."""
    escaped = text if isinstance(text, Markup) else markdown_text(str(text))
    return Markup(_JAPANESE_PHRASE.sub(lambda run: f'<span lang="ja">{run.group(0)}</span>', str(escaped)))
