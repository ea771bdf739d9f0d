"""compact.py: the built pages lose the theme's blank lines and indentation, and nothing else. Checked
on generated HTML (hypothesis) as a browser reads it, and on the built site."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

from hypothesis import example, given
from hypothesis import strategies as st

from strategy_site.publishing.compact import compact

WHITE_SPACE_KEPT = ("pre", "textarea", "script", "style")


class Reading(HTMLParser):
    """What a browser makes of a page, for this check: the tags with their attributes as written,
    and the text, whose runs of white space HTML shows as one (but not inside WHITE_SPACE_KEPT)."""

    def __init__(self, html: str) -> None:
        super().__init__(convert_charrefs=False)
        self.seen: list[tuple] = []
        self._kept = 0
        self.feed(html)
        self.close()

    def handle_starttag(self, tag, attrs):
        self.seen.append(("<", tag, tuple(attrs)))
        self._kept += tag in WHITE_SPACE_KEPT

    def handle_startendtag(self, tag, attrs):
        self.seen.append(("<>", tag, tuple(attrs)))

    def handle_endtag(self, tag):
        self.seen.append(("</", tag))
        self._kept -= tag in WHITE_SPACE_KEPT

    def handle_data(self, data):
        text = data if self._kept else re.sub(r"\s+", " ", data)
        if self.seen and self.seen[-1][0] == "text":
            text = self.seen.pop()[1] + text
            text = text if self._kept else re.sub(r"\s+", " ", text)
        self.seen.append(("text", text))

    def handle_comment(self, data):
        self.seen.append(("comment", data))


SPACE = st.text(" \t\n", min_size=1, max_size=6)
WORD = st.text("ab<>&語 ", min_size=1, max_size=5).map(lambda t: t.replace("<", "&lt;").replace(">", "&gt;"))
ATTRIBUTE = st.builds(
    lambda name, value: f' {name}="{value}"',
    st.sampled_from(["title", "class", "data-x"]),
    st.text("a \n\t", max_size=6),
)
SPAN = st.builds(lambda parts: f"<span>{''.join(parts)}</span>", st.lists(st.one_of(WORD, SPACE), max_size=3))
# Where white space counts: text and spans (as in a highlighted code block), never another such element.
KEPT = st.builds(
    lambda tag, parts: f"<{tag}>{''.join(parts)}</{tag}>",
    st.sampled_from(WHITE_SPACE_KEPT),
    st.lists(st.one_of(WORD, SPACE, SPAN), max_size=4),
)
INLINE = st.recursive(
    st.one_of(WORD, SPACE, KEPT),
    lambda inner: st.builds(
        lambda tag, attrs, parts: f"<{tag}{''.join(attrs)}>{''.join(parts)}</{tag}>",
        st.sampled_from(["p", "li", "span", "a", "div", "nav"]),
        st.lists(ATTRIBUTE, max_size=2),
        st.lists(inner, max_size=4),
    ),
    max_leaves=20,
)


@given(st.lists(INLINE, max_size=8).map("".join))
@example("<ul>\n      \n    <li>\n   <a href='x'>\n  語\n </a>\n\n  </li>\n</ul>")
@example("<pre>\n  keep\n\n  this\n</pre>\n\n<script>\n  var a = 1;\n\n</script>")
@example('<p title="two\n   lines">a \n\n b</p>')
def test_a_page_reads_the_same_compacted(html: str) -> None:
    assert Reading(compact(html)).seen == Reading(html).seen


@given(st.lists(INLINE, max_size=8).map("".join))
def test_every_run_with_a_line_break_becomes_that_line_break(html: str) -> None:
    """What compacting is for: outside the elements that keep their white space and the tags that
    hold a line break, no blank is left beside a line break and no line break beside another."""
    kept = re.compile(r"<(pre|textarea|script|style)\b.*?</\1\s*>|<[^>\n]*\n[^>]*>", re.S | re.I)
    outside = kept.sub("<kept>", compact(html))
    assert not re.search(r"[ \t\r\f]\n|\n[ \t\r\n\f]", outside), outside


@given(st.lists(INLINE, max_size=8).map("".join))
def test_compacting_twice_changes_nothing_more(html: str) -> None:
    once = compact(html)
    assert compact(once) == once


def test_the_built_pages_are_compacted(site: Path) -> None:
    """No line of a built page (outside <pre> and the like) is blank or indented: the theme's
    templates leave hundreds of them on each page otherwise."""
    pages = sorted(p for p in site.rglob("index.html") if "/m/" not in p.as_posix())
    assert pages
    kept = re.compile(r"<(pre|textarea|script|style)\b.*?</\1\s*>", re.S)
    for page in pages:
        outside = kept.sub("<kept>", page.read_text(encoding="utf-8"))
        assert not re.search(r"\n[ \t]*\n|\n[ \t]+<", outside), page
