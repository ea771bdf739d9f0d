"""Compact HTML: the built pages without the blank lines and indentation the theme's templates leave
behind (at x100, a pillar page's navigation of 300 pillars is mostly white space).

A run of white space that holds a line break becomes that one line break. HTML shows such a run as it
shows one line break (one space, or nothing between blocks), so the page looks and reads the same; the
contents of <pre>, <textarea>, <script> and <style>, where white space counts, are left as they are.
Runs inside a tag (between attributes) are left alone too.
"""

from __future__ import annotations

import re
from pathlib import Path

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


# -- The site's own stylesheets and scripts (docs/assets): their comments and indentation are for
# the people who keep them, and a first visit loads them on every page (at x100 a pillar page has
# 0.2 KB to spare under its 80 KB). What the browser runs stays the same.

_CSS_TOKENS = re.compile(r"\"(?:\\.|[^\"\\\n])*\"|'(?:\\.|[^'\\\n])*'|/\*.*?\*/|[^\"'/]+|/", re.S)


_WORD = re.compile(r"[\w\\-]")


def stylesheet(css: str) -> str:
    """A stylesheet without its comments, blank lines and indentation. Strings are kept as written
    (a '/*' in a string is no comment); a comment becomes nothing, as CSS reads it."""
    out, at = [], 0
    for m in _CSS_TOKENS.finditer(css):
        if m.start() != at:  # something the tokens do not cover (an unclosed string): leave it be
            return css
        at = m.end()
        if not m.group().startswith("/*"):
            out.append(m.group())
        elif _WORD.match(css[m.start() - 1 : m.start()]) and _WORD.match(css[m.end() : m.end() + 1]):
            return css  # a/**/b: two words the comment keeps apart; leave the stylesheet be
    if at != len(css):
        return css
    # No string holds a line break (the tokens above), so every run from a line break on is white
    # space between rules or declarations: one line break.
    return re.sub(r"\n[ \t\r\n\f]*", "\n", "".join(out)).lstrip("\n")


def script(js: str) -> str:
    """A script without its whole-line comments (// … and /* … */ on lines of their own), blank
    lines and indentation; a comment after code on its line is kept. A script with a template literal
    (`) or a line continued by a backslash, where a line can be inside a string, is left as it is."""
    if "`" in js or re.search(r"\\\n", js):
        return js
    out, in_block = [], False
    for line in js.split("\n"):
        bare = line.strip()
        if in_block:
            if "*/" in bare:
                if not bare.endswith("*/"):
                    return js  # code after a comment's end on its line: leave the script be
                in_block = False
            continue
        if bare.startswith("/*"):
            if "*/" not in bare[2:]:
                in_block = True
            elif not bare.endswith("*/"):
                return js
            continue
        if not bare or bare.startswith("//"):
            continue
        out.append(line.lstrip(" \t"))
    return "\n".join(out) + "\n"


ASSET_KINDS = {".css": stylesheet, ".js": script}

# Stylesheets served as one: the printing rules (print.css, written apart to be edited apart) are
# appended to extra.css in the built site, which every page links (mkdocs.yml, extra_css). One file
# compresses better than two: at x100 a first visit weighs 0.5 KB gzip less.
SERVED_AS_ONE = {"extra.css": ("print.css",)}


def compact_assets(sources: Path, built: Path) -> list[Path]:
    """Compact, in the built site, the stylesheets and scripts that come from `sources` (docs/assets:
    the site's own, not the theme's, which come minified). Returns the files changed."""
    changed = []
    for source in sorted(sources.iterdir()) if sources.is_dir() else ():
        kind, out = ASSET_KINDS.get(source.suffix), built / source.name
        if kind is None or not out.is_file():
            continue
        text = out.read_text("utf-8")
        smaller = kind(text)
        if smaller != text:
            out.write_text(smaller, "utf-8")
            changed.append(out)
    for name, parts in SERVED_AS_ONE.items():
        whole = built / name
        if not whole.is_file():
            continue
        # made from the sources each time (the preview's dirty builds copy only what changed)
        text = "".join(stylesheet((sources / p).read_text("utf-8")) for p in (name, *parts) if (sources / p).is_file())
        if whole.read_text("utf-8") != text:
            whole.write_text(text, "utf-8")
            changed.append(whole)
        for part in parts:
            (built / part).unlink(missing_ok=True)
    return changed


# -- Material's palette stylesheet -------------------------------------------------------------------
# Every page links Material's palette stylesheet (assets/stylesheets/palette.<hash>.min.css), which
# styles each of its 21 primary and accent colours; the site uses those mkdocs.yml's palette names
# (indigo). In the built site the rules for the others are taken out: 2.0 KB gzip become 0.7 KB, on
# every first visit. The light and dark schemes (and the toggle between them) are kept whole.
PALETTE_FILES = "stylesheets/palette.*.min.css"
DEFAULT_COLOUR = "indigo"  # Material's, for a palette entry that names no primary or accent colour
_COLOUR = re.compile(r"\[data-md-color-(primary|accent)=[\"']?([A-Za-z-]+)[\"']?\]")


def palette_colours(palette) -> set[tuple[str, str]]:
    """The (primary|accent, colour) pairs mkdocs.yml's theme palette uses (a mapping or a list of them)."""
    entries = [palette] if isinstance(palette, dict) else list(palette or ())
    return {
        (role, str(entry.get(role) or DEFAULT_COLOUR).replace(" ", "-").lower())
        for entry in entries
        for role in ("primary", "accent")
    }


def _rules(css: str) -> list[tuple[str, str | None]] | None:
    """The top-level statements of a stylesheet as (prelude, block body), body None for a statement that
    ends in ';'. None when the braces do not pair up (the sheet is then left as it is)."""
    out: list[tuple[str, str | None]] = []
    at, n = 0, len(css)
    while at < n:
        brace, semicolon = css.find("{", at), css.find(";", at)
        if brace == -1 or -1 < semicolon < brace:
            end = n if semicolon == -1 else semicolon + 1
            if css[at:end].strip():
                out.append((css[at:end], None))
            at = end
            continue
        depth, k = 0, brace
        while k < n:
            depth += {"{": 1, "}": -1}.get(css[k], 0)
            if depth == 0:
                break
            k += 1
        if depth:
            return None
        out.append((css[at:brace], css[brace + 1 : k]))
        at = k + 1
    return out


def _selectors(prelude: str) -> list[str]:
    """A rule's selectors, split at the commas outside brackets and parentheses."""
    out, depth, start = [], 0, 0
    for k, c in enumerate(prelude):
        depth += {"(": 1, "[": 1, ")": -1, "]": -1}.get(c, 0)
        if c == "," and depth == 0:
            out.append(prelude[start:k])
            start = k + 1
    return [*out, prelude[start:]]


def trim_palette(css: str, used: set[tuple[str, str]]) -> str:
    """The palette stylesheet with only the selectors whose colours are all `used` (palette_colours);
    a rule left with no selector, and an @media block left empty, go too."""
    rules = _rules(css)
    if rules is None:
        return css
    out = []
    for prelude, body in rules:
        if body is None:
            out.append(prelude)
        elif prelude.lstrip().startswith("@"):
            inner = trim_palette(body, used)
            if inner.strip():
                out.append(prelude + "{" + inner + "}")
        else:
            kept = [s for s in _selectors(prelude) if all(m.groups() in used for m in _COLOUR.finditer(s))]
            if kept:
                out.append(",".join(kept) + "{" + body + "}")
    return "".join(out)


def trim_palettes(built_assets: Path, palette) -> list[Path]:
    """Trim Material's palette stylesheet in the built site to the colours mkdocs.yml uses. Returns the
    files changed (none when they are trimmed already: it can be run again)."""
    used = palette_colours(palette)
    changed = []
    for path in sorted(built_assets.glob(PALETTE_FILES)):
        text = path.read_text("utf-8")
        smaller = trim_palette(text, used)
        if smaller != text:
            path.write_text(smaller, "utf-8")
            changed.append(path)
    return changed
