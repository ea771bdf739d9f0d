"""The parallel view (対訳): a page's Japanese and English side by side, aligned item by item.

A page type with a parallel view (pages.PageType.parallel) is rendered as usual in both languages;
both are turned into HTML with the site's Markdown extensions (the same as mkdocs.yml's), and the two
are walked together: they come from one template, so they have the same shape. Each block (a
heading, a paragraph, a list item, a measure's text, a table row) becomes a row of two cells, the
Japanese and the English, each with its `lang`: a CSS grid row (extra.css), so the two stay level
however long either is. An item's id (its anchor) goes on its row; the English cell's other ids
get a suffix no id can have ('--en'), so that the page's ids stay unique. Links are made relative to
the parallel page, each cell's to the pages of its own language.

Text stays text: the tree is read with html.parser and written back escaped.
"""

from __future__ import annotations

import html
import posixpath
import re
from dataclasses import dataclass, field
from html.parser import HTMLParser

import markdown

from strategy_site.structure import urls

# mkdocs.yml's markdown_extensions (tests/test_parallel.py checks they agree).
MARKDOWN_EXTENSIONS = ["abbr", "attr_list", "md_in_html", "tables", "def_list", "toc", "pymdownx.escapeall"]
MARKDOWN_CONFIG = {"toc": {"permalink": False}, "pymdownx.escapeall": {"hardbreak": False, "nbsp": False}}

VOID = frozenset({"area", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "wbr"})
SVG_EMPTY = frozenset({"rect", "line", "path", "circle", "polyline", "polygon", "use"})
HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
LINK_ATTRIBUTES = ("href", "src", "data-permalink")
ID_REFERENCES = ("aria-labelledby", "aria-describedby", "for")
EN_SUFFIX = "--en"  # never in an id (reading/shape.ID has no double hyphen)
KEEP_CLASSES = frozenset({"screen-only", "print-only"})  # a wrapper's classes its rows keep


class ParallelError(Exception):
    """The two languages' pages do not have the same shape (a template that says different things
    in each language where the parallel view expects one block for another)."""


@dataclass
class Node:
    tag: str
    attrs: dict[str, str | None] = field(default_factory=dict)
    children: list[Node | str] = field(default_factory=list)

    def html(self) -> str:
        attrs = "".join(
            f" {name}" if value is None else f' {name}="{html.escape(value, quote=True)}"'
            for name, value in self.attrs.items()
        )
        if self.tag in VOID:
            return f"<{self.tag}{attrs}>"
        if not self.children and self.tag in SVG_EMPTY:
            return f"<{self.tag}{attrs}/>"
        return f"<{self.tag}{attrs}>{inner(self.children)}</{self.tag}>"

    def walk(self):
        yield self
        for child in self.children:
            if isinstance(child, Node):
                yield from child.walk()

    def text(self) -> str:
        return "".join(child if isinstance(child, str) else child.text() for child in self.children)


def inner(children: list[Node | str]) -> str:
    return "".join(html.escape(child, quote=False) if isinstance(child, str) else child.html() for child in children)


class _TreeBuilder(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root = Node("root")
        self.open = [self.root]

    def handle_starttag(self, tag, attrs):
        node = Node(tag, dict(attrs))
        self.open[-1].children.append(node)
        if tag not in VOID:
            self.open.append(node)

    def handle_startendtag(self, tag, attrs):
        self.open[-1].children.append(Node(tag, dict(attrs)))  # <br/>, or an SVG element written <x/>

    def handle_endtag(self, tag):
        for depth in range(len(self.open) - 1, 0, -1):
            if self.open[depth].tag == tag:
                del self.open[depth:]
                return

    def handle_data(self, data):
        self.open[-1].children.append(data)


def parse(text: str) -> Node:
    builder = _TreeBuilder()
    builder.feed(text)
    builder.close()
    return builder.root


_FRONT_MATTER = re.compile(r"\A---\n.*?\n---\n", re.S)


class Converter:
    """Markdown to HTML with the site's extensions; one instance serves a whole render."""

    def __init__(self) -> None:
        self.md = markdown.Markdown(extensions=MARKDOWN_EXTENSIONS, extension_configs=MARKDOWN_CONFIG)

    def __call__(self, text: str) -> str:
        self.md.reset()
        return self.md.convert(_FRONT_MATTER.sub("", text, count=1))


@dataclass
class Place:
    """Where a cell's links start from and lead to: the normal page's source and address, the
    parallel page's address in the frame's language, and the cell's language."""

    source: str
    url: str
    here: str  # the parallel page, relative to the site's root ('parallel/pillars/x/', 'en/2026/parallel/')
    lang: str
    prefix: str = ""  # the edition's folder ('2026/'; structure/editions.py), in which `url` lies


def rebased(value: str, place: Place) -> str:
    """A link of the normal page, made relative to the parallel page and to the cell's language."""
    if not value or value.startswith(("#", "/")) or re.match(r"[a-z][a-z0-9+.-]*:", value):
        return value
    path, hash_mark, anchor = value.partition("#")
    if path.endswith(".md"):
        target = urls.page_url(posixpath.normpath(posixpath.join(posixpath.dirname(place.source), path)))
    else:
        joined = posixpath.normpath(posixpath.join(place.url, path or "."))
        target = "" if joined == "." else joined + ("/" if path.endswith("/") or not path else "")
    return urls.relative_url(place.here, urls.LANG_PREFIX[place.lang] + place.prefix + target) + hash_mark + anchor


def _cell(children: list[Node | str], lang: str, place: Place, tag: str = "div") -> Node:
    """One language's half of a row: its nodes, links rebased, ids left unique."""
    cell = Node(tag, {"class": "parallel__cell", "lang": lang}, children)
    for node in list(cell.walk())[1:]:
        for name in LINK_ATTRIBUTES:
            if node.attrs.get(name):
                node.attrs[name] = rebased(node.attrs[name] or "", place)
        if lang != "ja":
            if node.attrs.get("id"):
                node.attrs["id"] = (node.attrs["id"] or "") + EN_SUFFIX
            for name in ID_REFERENCES:
                if node.attrs.get(name):
                    node.attrs[name] = " ".join(ref + EN_SUFFIX for ref in (node.attrs[name] or "").split())
    return cell


def _blocks(nodes: list[Node | str]) -> list[Node | str]:
    """The block-level nodes: text that is only white space, and scripts (the page's table of moved
    anchors, which the normal page keeps), left out."""
    return [n for n in nodes if (n.strip() if isinstance(n, str) else n.tag != "script")]


def _shell(node: Node, children: list | None = None) -> Node:
    """An element's copy without its id, with these children (or none)."""
    return Node(node.tag, {k: v for k, v in node.attrs.items() if k != "id"}, list(children or []))


def _classes(node: Node) -> set[str]:
    return set((node.attrs.get("class") or "").split())


@dataclass
class Pair:
    places: tuple[Place, Place]
    rows: list[Node] = field(default_factory=list)

    def row(self, ident: str | None, ja: Node, en: Node, extra: frozenset[str] = frozenset(), tag: str = "div") -> None:
        classes = " ".join(["parallel__row", *sorted(extra)])
        attrs: dict[str, str | None] = {"id": ident, "class": classes} if ident else {"class": classes}
        self.rows.append(Node(tag, attrs, [ja, en]))

    def cells(self, ja: list, en: list, tag: str = "div") -> tuple[Node, Node]:
        return _cell(ja, "ja", self.places[0], tag), _cell(en, "en", self.places[1], tag)

    def walk(
        self, ja_nodes: list, en_nodes: list, keep: frozenset[str] = frozenset(), ident: str | None = None
    ) -> None:
        ja_nodes, en_nodes = _blocks(ja_nodes), _blocks(en_nodes)
        if len(ja_nodes) != len(en_nodes):
            raise ParallelError(f"{len(ja_nodes)} blocks in Japanese, {len(en_nodes)} in English")
        for ja, en in zip(ja_nodes, en_nodes, strict=True):
            if isinstance(ja, str) or isinstance(en, str):
                self.row(ident, *self.cells([ja], [en]), keep)
            elif ja.tag != en.tag:
                raise ParallelError(f"<{ja.tag}> in Japanese where English has <{en.tag}>")
            else:
                self.block(ja, en, keep, ident)
            ident = None  # a wrapper's id goes to its first row

    def block(self, ja: Node, en: Node, keep: frozenset[str], ident: str | None) -> None:
        ident = ja.attrs.get("id") or ident
        keep = keep | (_classes(ja) & KEEP_CLASSES)
        if ja.tag in HEADINGS:
            cells = self.cells(ja.children, en.children, tag="span")
            self.row(ident, *cells, keep | {"parallel__heading"}, tag=ja.tag)
        elif ja.tag in ("ul", "ol"):
            items_ja, items_en = _blocks(ja.children), _blocks(en.children)
            if len(items_ja) != len(items_en):
                raise ParallelError(f"a list of {len(items_ja)} items in Japanese, {len(items_en)} in English")
            for li_ja, li_en in zip(items_ja, items_en, strict=True):
                if isinstance(li_ja, str) or isinstance(li_en, str):
                    continue
                one_ja, one_en = (
                    _shell(ja, [_shell(li_ja, li_ja.children)]),
                    _shell(en, [_shell(li_en, li_en.children)]),
                )
                self.row(li_ja.attrs.get("id") or ident, *self.cells([one_ja], [one_en]), keep)
                ident = None
        elif ja.tag in ("div", "section") and "data-site-own" not in ja.attrs:
            self.walk(ja.children, en.children, keep, ident)
        elif ja.tag == "table":
            self.table(ja, en, keep, ident)
        else:
            self.row(ident, *self.cells([_shell(ja, ja.children)], [_shell(en, en.children)]), keep)

    def table(self, ja: Node, en: Node, keep: frozenset[str], ident: str | None) -> None:
        """A table's rows, each as a list of its cells under their headings (a wide table would not
        fit half a screen): the budget page's figures, one row each."""
        heads = [[th.children for th in t.walk() if th.tag == "th"] for t in (ja, en)]
        bodies = [
            [tr for tr in t.walk() if tr.tag == "tr" and not any(c.tag == "th" for c in tr.walk())] for t in (ja, en)
        ]
        if len(bodies[0]) != len(bodies[1]):
            raise ParallelError(f"a table of {len(bodies[0])} rows in Japanese, {len(bodies[1])} in English")
        for tr_ja, tr_en in zip(*bodies, strict=True):
            records = []
            for tr, head in ((tr_ja, heads[0]), (tr_en, heads[1])):
                cells = [td for td in tr.children if isinstance(td, Node) and td.tag == "td"]
                entries: list[Node | str] = [
                    Node("div", {}, [Node("dt", {}, list(name)), Node("dd", {}, td.children)])
                    for name, td in zip(head, cells, strict=True)
                ]
                records.append(Node("dl", {"class": "parallel__record"}, entries))
            found = next((n.attrs["id"] for n in tr_ja.walk() if n.attrs.get("id")), None)
            for n in [*tr_ja.walk(), *tr_en.walk()]:
                n.attrs.pop("id", None)
            self.row(found or ident, *self.cells([records[0]], [records[1]]), keep)
            ident = None


def rows(ja: str, en: str, places: tuple[Place, Place]) -> list[Node]:
    """The rows of a parallel view of two renderings of one page (their HTML)."""
    pair = Pair(places)
    pair.walk(parse(ja).children, parse(en).children)
    return pair.rows


def heading_text(page: str) -> str:
    """The page's first heading (its HTML), as text: its title."""
    first = next((n for n in parse(page).walk() if n.tag == "h1"), None)
    return first.text().strip() if first else ""
