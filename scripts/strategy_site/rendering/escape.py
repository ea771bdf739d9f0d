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
_WHITESPACE = re.compile(r"\s+")  # a run of white space (a line break too) becomes one space
_MD = {c: "\\" + c for c in string.punctuation if c not in _HTML}
_TABLE = str.maketrans({**_MD, **_HTML})


def markdown_text(text: str) -> Markup:
    """Text for a Markdown page (paragraphs, headings, list items and table cells)."""
    return Markup(_WHITESPACE.sub(" ", text).translate(_TABLE))


def html_text(text: str) -> Markup:
    """Text for raw HTML or SVG (element content and quoted attribute values)."""
    return Markup(html.escape(text, quote=True))


def finalize(value: object) -> object:
    """Jinja's finalize hook: every value a template prints is escaped, unless it is Markup
    made by this package (links, ids, formatted markup)."""
    if isinstance(value, Markup):
        return value
    if value is None:
        raise ValueError("a template printed a missing value (None)")
    return markdown_text(str(value))
