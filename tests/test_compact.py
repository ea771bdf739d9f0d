"""compact.py: the built pages lose the theme's blank lines and indentation, and nothing else. Checked
on generated HTML (hypothesis) as a browser reads it, and on the built site."""

from __future__ import annotations

import re
import shutil
from html.parser import HTMLParser
from pathlib import Path

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from strategy_site.publishing import compact as compacting
from strategy_site.publishing.compact import ASSET_KINDS, SERVED_AS_ONE, compact, compact_assets, script, stylesheet

from conftest import ROOT

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


# -- The site's own stylesheets and scripts lose their comments and indentation, and nothing else.

_IDENT = st.text(alphabet="abcdefghij-", min_size=1, max_size=6).filter(lambda s: not s.startswith("-"))
_VALUE = st.one_of(
    _IDENT,
    st.integers(0, 99).map(lambda n: f"{n}px"),
    st.text(alphabet="ab /*'{};", max_size=8).map(lambda s: '"' + s.replace('"', "") + '"'),
)
_COMMENT = st.text(alphabet="ab \n*/{}\"'", max_size=12).filter(lambda s: "*/" not in s).map(lambda s: f"/*{s}*/")
_GAP = st.lists(st.one_of(st.sampled_from([" ", "\n", "\n\n  ", "\t"]), _COMMENT), max_size=3).map("".join)


@st.composite
def _stylesheet(draw) -> tuple[str, list[str]]:
    """A stylesheet with comments and white space between its tokens, and its tokens alone."""
    text, tokens = draw(_GAP), []
    for _ in range(draw(st.integers(0, 4))):
        rule = [f".{draw(_IDENT)}", "{"]
        for _ in range(draw(st.integers(0, 3))):
            rule += [draw(_IDENT), ":", draw(_VALUE), ";"]
        rule.append("}")
        for token in rule:
            gap = draw(_GAP)
            text += token + (gap if gap.strip(" \n\t") or gap else " ")
        tokens += rule
    return text, tokens


def _words(css: str) -> list[str]:
    return re.findall(r'"[^"\n]*"|[^\s{}:;"]+|[{}:;]', css)


@given(_stylesheet())
@example(('a /* x */ b { content: "/* kept */" }', ["a", "b", "{", "content", ":", '"/* kept */"', "}"]))
def test_a_stylesheet_keeps_every_token_and_loses_every_comment(case) -> None:
    css, tokens = case
    out = stylesheet(css)
    assert _words(out) == tokens
    assert not re.search(r"\n[ \t\n]", out)
    assert stylesheet(out) == out


@pytest.mark.parametrize(
    "css",
    ["a/**/b { x: 1 }", 'a { content: "unclosed }', "a { x: 1 }\\\n/* b */"],
)
def test_a_stylesheet_it_cannot_read_safely_is_left_as_it_is(css: str) -> None:
    if "\\\n" in css:
        assert "/*" not in stylesheet(css)  # an escaped line break is not a string: still compacted
    else:
        assert stylesheet(css) == css


def test_a_script_loses_whole_line_comments_and_indentation_only() -> None:
    js = 'var a = 1; // kept\n\n  /* a block\n     over lines */\n  // gone\n  if (a) { b("// kept"); } /* kept */\n'
    assert script(js) == 'var a = 1; // kept\nif (a) { b("// kept"); } /* kept */\n'
    for unsure in ("var s = `a\n  // b`;\n", 'var s = "a\\\n  // b";\n', "/* a */ var b;\n"):
        assert script(unsure) == unsure


def test_the_built_assets_are_the_compacted_sources(site: Path) -> None:
    """Each of the site's own stylesheets and scripts is served compacted, and smaller."""
    sources = sorted((ROOT / "docs" / "assets").glob("*.[cj]s*"))
    assert {p.suffix for p in sources} >= {".css", ".js"}
    parts = {part: whole for whole, served in SERVED_AS_ONE.items() for part in served}
    for source in sources:
        if source.name in parts:  # served within another stylesheet (below), not as a file of its own
            assert not (site / "assets" / source.name).exists(), source.name
            continue
        kind = ASSET_KINDS[source.suffix]
        built = (site / "assets" / source.name).read_text("utf-8")
        together = [source, *(source.parent / p for p in SERVED_AS_ONE.get(source.name, ()))]
        assert built == "".join(kind(p.read_text("utf-8")) for p in together), source.name
        assert len(built) < 0.9 * sum(p.stat().st_size for p in together), source.name
    # every page links the one stylesheet, and its printing rules are in it
    assert "@page" in (site / "assets" / "extra.css").read_text("utf-8")


def test_serving_stylesheets_as_one_is_the_same_however_often_it_runs(tmp_path: Path) -> None:
    """The preview's dirty builds copy again only the files that changed (print.css, which the last
    build took out): the stylesheet made of both stays the same, never holding the printing rules twice."""
    sources = ROOT / "docs" / "assets"
    built = tmp_path / "assets"
    shutil.copytree(sources, built)
    compact_assets(sources, built)
    once = (built / "extra.css").read_text("utf-8")
    shutil.copy(sources / "print.css", built / "print.css")  # copied again by a dirty build
    compact_assets(sources, built)
    assert (built / "extra.css").read_text("utf-8") == once
    assert once.count("@page") == (sources / "print.css").read_text("utf-8").count("@page")
    assert not (built / "print.css").exists()


def _material_palette() -> Path:
    import material

    (found,) = (Path(material.__file__).parent / "templates" / "assets").glob(compacting.PALETTE_FILES)
    return found


def _colours(css: str) -> set[tuple[str, str]]:
    return {m.groups() for m in compacting._COLOUR.finditer(css)}


def test_the_palette_stylesheet_keeps_the_colours_the_site_uses_and_both_schemes() -> None:
    """Material's palette stylesheet styles 21 colours; the site (mkdocs.yml) uses indigo in both schemes.
    Trimmed, every rule of indigo and of the schemes stays, word for word; the other colours' go."""
    import yaml

    class _Loader(yaml.SafeLoader):  # mkdocs.yml's !ENV and !!python/name tags are not read here
        pass

    for prefix in ("!", "tag:yaml.org,2002:python/"):
        _Loader.add_multi_constructor(prefix, lambda loader, suffix, node: None)
    palette = yaml.load((ROOT / "mkdocs.yml").read_text("utf-8"), Loader=_Loader)["theme"]["palette"]
    used = compacting.palette_colours(palette)
    assert used == {("primary", "indigo"), ("accent", "indigo")}
    css = _material_palette().read_text("utf-8")
    trimmed = compacting.trim_palette(css, used)
    assert len(_colours(css)) > 30 and _colours(trimmed) == used
    assert compacting.trim_palette(trimmed, used) == trimmed  # again: nothing more to take
    # the rules of no colour (the dark scheme's, the toggle's) all stay
    plain = [
        body for prelude, body in re.findall(r"([^{}]*)\{([^{}]*)\}", css) if not compacting._COLOUR.search(prelude)
    ]
    assert any("[data-md-color-scheme=slate]" in p for p in re.findall(r"([^{}]*)\{", trimmed))
    assert plain and all("{" + body + "}" in trimmed for body in plain)
    # each kept rule is one of Material's, whole: its declarations as they were
    kept = re.findall(r"\{([^{}]*)\}", trimmed)
    assert kept and all("{" + body + "}" in css for body in kept)
    # the indigo rules are all there
    indigo = re.findall(r"\[data-md-color-primary=indigo\][^{]*\{([^{}]*)\}", css)
    assert indigo and all(body in trimmed for body in indigo)
    assert len(trimmed) < len(css) / 2


def test_trimming_the_palette_splits_selectors_at_top_level_commas_only() -> None:
    css = (
        "@media screen{[data-md-color-primary=red],:is(a,b)[data-md-color-primary=indigo]{color:red}"
        "[data-md-color-accent=pink]{color:pink}}:root{--x:1}/*# sourceMappingURL=p.css.map */"
    )
    used = {("primary", "indigo"), ("accent", "indigo")}
    assert compacting.trim_palette(css, used) == (
        "@media screen{:is(a,b)[data-md-color-primary=indigo]{color:red}}:root{--x:1}/*# sourceMappingURL=p.css.map */"
    )
    assert compacting.trim_palette("a{b", used) == "a{b"  # braces that do not pair up: left as it is


def test_the_built_palette_stylesheet_is_trimmed(site: Path) -> None:
    """Every page links the palette stylesheet, trimmed to indigo: at most 0.8 KB gzip, where Material's
    is 2 KB."""
    import gzip

    (built,) = (site / "assets").glob(compacting.PALETTE_FILES)
    assert built.name == _material_palette().name  # the same address
    text = built.read_text("utf-8")
    assert _colours(text) == {("primary", "indigo"), ("accent", "indigo")}
    assert len(gzip.compress(text.encode(), 6)) < 800 < len(gzip.compress(_material_palette().read_bytes(), 6))
    page = (site / "pillars" / "advanced-science-and-technology" / "index.html").read_text("utf-8")
    assert built.name in page
