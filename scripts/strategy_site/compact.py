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
_RUN = re.compile(r"[ \t\r\f]*\n[ \t\r\n\f]*")


def compact(html: str) -> str:
    """The page with every run of white space between tags or words that holds a line break made
    one line break."""
    out, at = [], 0
    for kept in _KEPT.finditer(html):
        out += [_RUN.sub("\n", html[at : kept.start()]), kept.group()]
        at = kept.end()
    out.append(_RUN.sub("\n", html[at:]))
    return "".join(out)
