"""Compact HTML: the built pages without the blank lines and indentation the theme's templates leave
behind (at x100, a pillar page's navigation of 300 pillars is mostly white space).

A run of white space that holds a line break becomes that one line break. HTML shows such a run as it
shows one line break (one space, or nothing between blocks), so the page looks and reads the same; the
contents of <pre>, <textarea>, <script> and <style>, where white space counts, are left as they are.
Runs inside a tag (between attributes) are left alone too.
"""

from __future__ import annotations

import re

# What keeps its white space: those elements, and a tag with a line break in it (an attribute's value
# may hold one). A tag without a line break holds no run to change, so it need not be matched: the
# pages have hundreds of thousands of tags at x100, and matching each one took seconds.
_KEPT = re.compile(r"<(pre|textarea|script|style)\b.*?</\1\s*>|<[^>\n]*\n[^>]*>", re.S | re.I)
# A line break and the white space after it; the blanks before a line break are the same pattern on
# the text read backwards. Both start with a line break, which a regular expression finds fast; a
# pattern that starts with the blanks is tried at every space of the page (at x100, twice the time).
_BREAK_AND_AFTER = re.compile(r"\n[ \t\r\n\f]*")
_BREAK_AND_BEFORE_BACKWARDS = re.compile(r"\n[ \t\r\f]+")


def compact(html: str) -> str:
    """The page with every run of white space between tags or words that holds a line break made
    one line break."""
    out, at = [], 0
    for kept in _KEPT.finditer(html):
        out += [_squeezed(html[at : kept.start()]), kept.group()]
        at = kept.end()
    out.append(_squeezed(html[at:]))
    return "".join(out)


def _squeezed(text: str) -> str:
    """`text` with each run of white space that holds a line break made one line break: the run
    from its first line break on becomes that line break, then (backwards) the blanks before it go."""
    after = _BREAK_AND_AFTER.sub("\n", text)
    return _BREAK_AND_BEFORE_BACKWARDS.sub("\n", after[::-1])[::-1]
