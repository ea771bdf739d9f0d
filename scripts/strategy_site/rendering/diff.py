"""Diff: a text of one edition against the same measure's text in the next, with the changes marked.

Japanese is compared character by character, English word by word (a change inside a word marks the
whole word); white space and punctuation are kept as they are, so that the parts put back together
give each text exactly. The changes are marked in words as well as by colour and line (「削除」「追加」,
"removed"/"added", from ui.py), so that they read on paper, in black and white and to a screen reader.
"""

from __future__ import annotations

import re
from difflib import SequenceMatcher

from markupsafe import Markup

from strategy_site.rendering import escape
from strategy_site.rendering.ui import label, ui

SAME, REMOVED, ADDED = "same", "removed", "added"

# An English text as words (a hyphen or an apostrophe inside a word keeps it one word: "R&D" is three
# tokens, "state-of-the-art" and "Japan's" one each), runs of white space, and single other characters.
_EN_TOKENS = re.compile(r"\w+(?:['’\-]\w+)*|\s+|[^\w\s]")


def _tokens(text: str, lang: str) -> list[str]:
    return list(text) if lang == "ja" else _EN_TOKENS.findall(text)


def _filler(tokens: list[str], lang: str) -> bool:
    """A run the two texts share only by chance between two changes, shown inside the change rather
    than as a word kept: in English, spaces and punctuation; in Japanese, one character."""
    if lang == "ja":
        return len("".join(tokens)) <= 1
    return all(not re.search(r"\w", token) for token in tokens)


def parts(old: str, new: str, lang: str) -> list[tuple[str, str]]:
    """The two texts as runs ('same' | 'removed' | 'added', text), in reading order: the 'same' and
    'removed' runs joined give `old`, the 'same' and 'added' runs joined give `new`. Each change is one
    'removed' run followed by one 'added' run (either may be missing); no two runs of a kind touch."""
    a, b = _tokens(old, lang), _tokens(new, lang)
    # (kept, removed, added) token lists, in order: a hunk is what changed before the next kept run
    hunks: list[tuple[list[str], list[str], list[str]]] = []
    for tag, i1, i2, j1, j2 in SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if tag == "equal":
            hunks.append((a[i1:i2], [], []))
        else:
            hunks.append(([], a[i1:i2], b[j1:j2]))
    runs: list[tuple[str, str]] = []
    for index, (kept, removed, added) in enumerate(hunks):
        between_changes = 0 < index < len(hunks) - 1
        if kept and between_changes and _filler(kept, lang):
            removed, added, kept = kept, kept, []
        for op, tokens in ((SAME, kept), (REMOVED, removed), (ADDED, added)):
            if tokens:
                runs.append((op, "".join(tokens)))
    return _merged(runs)


def _merged(runs: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """Runs with each stretch between two 'same' runs as one 'removed' then one 'added' run."""
    out: list[tuple[str, str]] = []
    removed, added = "", ""
    for op, text in [*runs, (SAME, "")]:
        if op == REMOVED:
            removed += text
        elif op == ADDED:
            added += text
        else:
            out += [(kind, part) for kind, part in ((REMOVED, removed), (ADDED, added)) if part]
            removed, added = "", ""
            if text and out and out[-1][0] == SAME:
                out[-1] = (SAME, out[-1][1] + text)
            elif text:
                out.append((SAME, text))
    return out


def text_html(text: str, lang: str) -> Markup:
    """A data text (or a run of one) as HTML: escaped, its white space as one space (the marked texts go into raw
    HTML blocks of a Markdown page, which a blank line would end); on an English page, Japanese marked
    lang="ja"."""
    escaped = escape.html_text(re.sub(r"[ \t\n\r\f\v]+", " ", text))
    return escape.japanese_marked(escaped) if lang == "en" else escaped


def _change(tag: str, key: str, text: str, lang: str) -> Markup:
    """A change: its word (visible, and read out), the text, and for screen readers where it ends."""
    return Markup(
        f'<{tag} class="diff diff-{key}"><span class="diff-word">{escape.html_text(label("diff_" + key, lang))}'
        f"</span>{text_html(text, lang)}"
        f'<span class="sr-only">{escape.html_text(ui("paren_open", lang) + ui("diff_" + key + "_end", lang))}'
        f"{escape.html_text(ui('paren_close', lang))}</span></{tag}>"
    )


def marked(old: str, new: str, lang: str) -> tuple[Markup, Markup]:
    """The old text with what was removed marked (<del>), and the new text with what was added marked
    (<ins>), as HTML; the words of the page's language `lang`, which also chooses how to compare."""
    runs = parts(old, new, lang)
    before = Markup("").join(
        text_html(text, lang) if op == SAME else _change("del", op, text, lang) for op, text in runs if op != ADDED
    )
    after = Markup("").join(
        text_html(text, lang) if op == SAME else _change("ins", op, text, lang) for op, text in runs if op != REMOVED
    )
    return before, after
