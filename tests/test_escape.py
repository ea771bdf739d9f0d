"""Text from the data stays text: whatever staff type is shown exactly as typed, on every page
type, and never becomes Markdown, HTML or template markup.

Two tests:
- a property test (hypothesis) puts arbitrary one-line Unicode text into eight fields, renders
  the pages with render.py and converts them with Python-Markdown configured as mkdocs.yml
  configures MkDocs (fast: no MkDocs run per example);
- a build test puts hostile strings into the same fields of a scratch project and builds it with
  MkDocs, so that the theme's page titles, navigation and table of contents are covered too.

Both compare each page's elements with those of the same page with ordinary text in those fields
(plain words; for the build, the real site): text that created an element would show up as a
difference. The `abbr` extension wraps the glossary's acronyms (e.g. SIP) in <abbr> by design;
that is the one element text may create.
"""

from __future__ import annotations

import copy
import json
import re
import shutil
import string
from collections import Counter
from dataclasses import dataclass
from functools import cache
from html import unescape
from html.parser import HTMLParser
from pathlib import Path

import jsonschema
import markdown
import pytest
import yaml
from hypothesis import example, given
from hypothesis import strategies as st

from strategy_site.checking.schema import schema_name
from strategy_site.reading.load import data_files, read_file
from strategy_site.rendering import escape, render
from strategy_site.structure import model, urls
from strategy_site.structure import pages as site_pages

from conftest import ROOT, copy_project, fragments, run_cli, within_edition

# -- Reading pages: the visible text, and the elements.

RAW_TEXT = {"script", "style"}


def _fold(text: str) -> str:
    """Runs of ASCII white space as one space, as HTML shows them; other spaces (U+3000, U+00A0)
    are text and must stay as typed."""
    return re.sub(r"[ \t\n\r\f]+", " ", text).strip(" ")


class Page(HTMLParser):
    """A page's elements (tag and attribute names, in order) and its runs of text. A run is the
    text between two tags; <abbr> does not end a run (it wraps a word inside the text), nor does the
    <span lang="ja"> an English page puts around Japanese words (escape.japanese_marked)."""

    def __init__(self, html: str):
        super().__init__(convert_charrefs=True)
        self.elements: list[tuple[str, tuple[str, ...]]] = []
        self.abbrs: list[str] = []
        self.runs: list[str] = []
        self._run: list[str] = []
        self._raw = 0
        self._in_abbr = False
        self._derived = False
        self._spans: list[bool] = []  # for each open <span>: is it the mark of Japanese words
        self.feed(html)
        self.close()
        self._end_run()

    def _end_run(self) -> None:
        text = _fold("".join(self._run))
        if text:
            self.runs.append(text)
        self._run = []

    def handle_starttag(self, tag, attrs):
        if tag == "abbr":
            self._in_abbr = True
            return
        if tag == "dd" and "glossary-used" in (dict(attrs).get("class") or ""):
            # The glossary's links to the items whose texts use a term depend on what the texts say
            # (Strategy.term_items), so other texts lead to other items: left out of the elements.
            self._derived = True
        if self._derived:
            return
        if tag == "span":
            # Nor the empty element holding the names the search finds an item by: which names an item
            # has depends on the glossary terms its text uses (Strategy.search_names).
            names = dict(attrs).get("class") == "search-names"
            self._spans.append(attrs == [("lang", "ja")] or names)
            if self._spans[-1]:
                return
        self._end_run()
        self.elements.append((tag, tuple(sorted(name for name, _ in attrs))))
        if tag in RAW_TEXT:
            self._raw += 1

    def handle_startendtag(self, tag, attrs):
        self._end_run()
        self.elements.append((tag, tuple(sorted(name for name, _ in attrs))))

    def handle_endtag(self, tag):
        if tag == "abbr":
            self._in_abbr = False
            return
        if self._derived:
            self._derived = tag != "dd"
            return
        if tag == "span" and self._spans and self._spans.pop():
            return
        self._end_run()
        self.elements.append(("/" + tag, ()))
        if tag in RAW_TEXT:
            self._raw -= 1

    def handle_data(self, data):
        if self._in_abbr:
            self.abbrs.append(data)
        if not self._raw:
            self._run.append(data)

    def shows(self, text: str) -> bool:
        """Whether the text stands, whole, in one run of visible text (whitespace runs folded)."""
        folded = _fold(text)
        return any(folded in run for run in self.runs)


# -- The fields that get the text, and the pages that show each of them.

FIELDS = ("pillar", "group", "measure", "progress", "program", "note", "glossary", "priority", "source", "name_source")
PAGE_FIELDS = {
    site_pages.SOURCE["home"]: ("pillar", "group"),
    "pillar": ("pillar", "group", "measure", "progress", "program"),
    site_pages.SOURCE["measures"]: ("pillar", "group", "measure"),
    site_pages.SOURCE["progress"]: ("pillar", "progress", "program", "measure"),
    site_pages.SOURCE["budget"]: ("program", "note", "measure"),
    site_pages.SOURCE["history"]: ("priority", "pillar"),
    site_pages.SOURCE["glossary"]: ("glossary",),
    site_pages.SOURCE["summary"]: ("pillar", "group"),
    # "source": in the site's own paragraphs (ui.PROSE), which are Markdown; "name_source": the title of a
    # name's source (names.yaml), a link in a table cell
    site_pages.SOURCE["about"]: ("source", "name_source"),
}


def _targets(files: dict) -> dict[str, tuple[dict, str]]:
    """For each field, the dict in the loaded data that holds its ja/en text, and the pillar.
    The items are connected: the first budget figure, its measure, that measure's group and
    pillar, and the progress item the figure belongs to."""
    figure = files["figures"][0].data["figures"][0]
    pillar = group = measure = None
    for loaded in files["pillar"]:
        for g in loaded.data["groups"]:
            for m in g["measures"]:
                if m["id"] == figure["measure"]:
                    pillar, group, measure = loaded.data, g, m
    item = next(
        i for sec in files["progress"][0].data["sections"] for i in sec["items"] if i["id"] == figure["progress_item"]
    )
    return {
        "pillar": pillar["name"],
        "group": group["title"],
        "measure": measure["text"],
        "progress": item["text"],
        "program": figure["program"],
        "note": figure["note"],
        "glossary": files["glossary"][0].data["terms"][0]["name"],
        "priority": files["history"][0].data["years"][0]["priorities"][0],
        "source": files["strategy"][0].data["source_title"],
    }, pillar["id"]


def _permalinked(files: dict) -> dict[str, tuple[str, ...]]:
    """The items with a permalink page among the targets, and the field each one's page shows."""
    figure = files["figures"][0].data["figures"][0]
    return {figure["measure"]: ("measure",), figure["progress_item"]: ("progress",), figure["id"]: ("program",)}


def _markdown_config() -> tuple[list, dict]:
    """markdown_extensions from mkdocs.yml (and the ones MkDocs always adds), as Python-Markdown takes them."""

    class Loader(yaml.SafeLoader):
        pass

    Loader.add_constructor("!ENV", lambda loader, node: None)
    config = yaml.load((ROOT / "mkdocs.yml").read_text("utf-8"), Loader=Loader)
    names, configs = ["toc", "tables", "fenced_code"], {}  # MkDocs' built-in extensions
    for entry in config["markdown_extensions"]:
        name, options = next(iter(entry.items())) if isinstance(entry, dict) else (entry, None)
        if name not in names:
            names.append(name)
        if options:
            configs[name] = options
    return names, configs


MD = markdown.Markdown(extensions=_markdown_config()[0], extension_configs=_markdown_config()[1])


def _front_matter_off(text: str) -> str:
    if text.startswith("---\n"):
        return text.split("\n---\n", 1)[1]
    return text


def put_texts(files: dict, texts: dict[str, str]) -> str:
    """Put each field's text into the loaded data, in both languages. Returns the pillar's id."""
    targets, pillar_id = _targets(files)
    for field, text in texts.items():
        if field == "name_source":  # one text, not a ja/en pair
            files["names"][0].data["names"][0]["source"]["title"] = text
            continue
        targets[field]["ja"] = targets[field]["en"] = text
        # A changed name is no longer the official one that data/names.yaml lists.
        targets[field].pop("translation", None)
        targets[field].pop("registry", None)
    return pillar_id


def rendered_pages(real_files: dict, texts: dict[str, str], lang: str) -> dict[str, Page]:
    """The eight pages, rendered with `texts` in the fields of the real data and converted to HTML."""
    files = copy.deepcopy(real_files)
    pillar_id = put_texts(files, texts)
    out = render.render_pages(model.build(files))
    pages = {}
    for key in PAGE_FIELDS:
        source = site_pages.pillar(pillar_id) if key == "pillar" else key
        MD.reset()
        pages[key] = Page(MD.convert(_front_matter_off(out[f"{lang}/{source}"])))
    return pages


PLAIN = {field: f"plain words for the {field}" for field in FIELDS}


@dataclass(frozen=True)
class Real:
    """The real data, the acronyms its glossary gives an <abbr>, and its pages (per language) with
    plain words in the fields: a page with other texts there must have the same elements."""

    files: dict
    acronyms: frozenset[str]
    plain: dict[str, dict[str, Page]]


@pytest.fixture(scope="module")
def real(loaded_files: dict, one_environment) -> Real:
    acronyms = frozenset(a for term in loaded_files["glossary"][0].data["terms"] for a in term.get("abbr", ()))
    return Real(loaded_files, acronyms, {lang: rendered_pages(loaded_files, PLAIN, lang) for lang in ("ja", "en")})


def _line_schema() -> dict:
    common = json.loads((ROOT / "data" / "schema" / "common.schema.json").read_text("utf-8"))
    return common["$defs"]["line"]


LINE = jsonschema.Draft202012Validator(_line_schema())
CONTROL = "".join(map(chr, [*range(0x20), 0x7F]))
# Mostly characters that mean something to Markdown, HTML or Jinja, then anything else.
lines = (
    st.text(
        alphabet=st.one_of(
            st.sampled_from(string.punctuation + " "),
            st.characters(exclude_characters=CONTROL, exclude_categories=("Cs",)),
        ),
        min_size=1,
        max_size=40,
    )
    .map(str.strip)
    .filter(LINE.is_valid)
)


def first_difference(a: list, b: list) -> str:
    i = next((i for i, (x, y) in enumerate(zip(a, b, strict=False)) if x != y), min(len(a), len(b)))
    return f"element {i}: {a[i : i + 3]} where the plain page has {b[i : i + 3]}"


def check_page(
    page: Page, plain: Page, texts: dict[str, str], fields: tuple[str, ...], name: str, acronyms: frozenset[str]
) -> None:
    for field in fields:
        assert page.shows(texts[field]), f"{name}: the {field} {texts[field]!r} is not shown as typed"
    if name.startswith("en/glossary"):
        # The English glossary is in the order of the English names, so a text put into a term's name
        # moves the term: the same elements, in another order.
        assert Counter(page.elements) == Counter(plain.elements), f"{name}: {texts}"
    else:
        assert page.elements == plain.elements, f"{name}: {first_difference(page.elements, plain.elements)}; {texts}"
    assert set(page.abbrs) <= acronyms, f"{name}: <abbr> around {page.abbrs}"


def check_pages(real: Real, texts: dict[str, str], lang: str) -> None:
    pages, plain = rendered_pages(real.files, texts, lang), real.plain[lang]
    for key, fields in PAGE_FIELDS.items():
        check_page(pages[key], plain[key], texts, fields, f"{lang}/{key}", real.acronyms)


# Hostile strings: each visits each field once, in one of the two languages (see the examples below).
HOSTILE = [
    "<script>alert(1)</script>",
    "*em* and **strong**",
    "_u_ __b__",
    "a | b | c",
    "[x](y)",
    "# heading",
    "text {#id}",
    "{{ 7 * 7 }} {% if true %}x{% endif %} {# c #}",
    "&amp; &lt; &#60;",
    "back\\slash \\*",
    "`code`",
    "<b>bold</b> <!-- c -->",
    "*[X]: expansion",
    "1. one",
    "- item",
    "> quote",
    "~~~",
    "SIP and AI",
    "![img](x.png)",
    "<https://example.org>",
    "line  \\",
    "a\u00a0b\u2028c",
    "全角\u3000空白 and no-break\u00a0space",
    "![img](https://evil.example/i.png) **x**",
    "'' \"\"",
]


def _rotations():
    """Example k puts HOSTILE[k + i] into field i: over all k, every string is in every field once."""
    n = len(HOSTILE)
    return [({field: HOSTILE[(k + i) % n] for i, field in enumerate(FIELDS)}, ("ja", "en")[k % 2]) for k in range(n)]


def _with_examples(test):
    for texts, lang in _rotations():
        test = example(texts=texts, lang=lang)(test)
    return test


@pytest.fixture(scope="module", autouse=True)
def marks_everywhere():
    """Which glossary names the site marks as its own depends on whether the data's texts quote them
    (Strategy.quoted), and the texts put in here replace some of them (a glossary name among them), so
    a mark could come and go with the text. These tests are about escaping: here every such phrase is
    marked, whatever the texts (the marks have tests of their own in test_names_and_provenance.py)."""
    original = model.Strategy.quoted
    model.Strategy.quoted = lambda self, ja: False  # type: ignore[method-assign]
    yield
    model.Strategy.quoted = original  # type: ignore[method-assign]


@pytest.fixture(scope="module", autouse=True)
def one_environment():
    """render_pages builds its Jinja environment at every call; compiling the templates once makes the
    examples five times faster and changes nothing in what is rendered."""
    original = render.environment
    render.environment = cache(original)
    yield
    render.environment = original


@_with_examples
@given(texts=st.fixed_dictionaries({field: lines for field in FIELDS}), lang=st.sampled_from(["ja", "en"]))
def test_any_text_is_shown_as_typed_and_creates_no_element(real: Real, texts: dict[str, str], lang: str) -> None:
    check_pages(real, texts, lang)


@pytest.mark.parametrize(
    "url",
    ["https://example.org/a|b", "https://example.org/x?q=a\\*b*`c`", "https://example.org/p_(1)_|_[2]"],
)
def test_a_source_address_stays_whole_in_its_table_cell(real: Real, url: str) -> None:
    """A name's source address is a link in a cell of the names table (about page): a '|' in it does
    not split the row, and Markdown changes nothing in it (a backslash, a backquote)."""
    files = copy.deepcopy(real.files)
    files["names"][0].data["names"][0]["source"]["url"] = url
    out = render.render_pages(model.build(files))
    for lang in ("ja", "en"):
        MD.reset()
        html = MD.convert(_front_matter_off(out[f"{lang}/{site_pages.SOURCE['about']}"]))
        hrefs = [unescape(h) for h in re.findall(r'<a href="([^"]*)" rel="external">', html)]
        assert url in hrefs, hrefs[:3]
        assert Page(html).elements == real.plain[lang][site_pages.SOURCE["about"]].elements


# -- The same through MkDocs: page titles, navigation, table of contents, search and permalink pages.

HOSTILE_LINE = (
    "# <script>alert(1)</script> *em* _u_ | [x](y) {#id} {{ 7*7 }} {% if 1 %}x{% endif %} &amp; `c` \\ <b>b</b>"
)


def write_texts(root: Path, texts: dict[str, str]) -> str:
    """Put the texts into the data files of the project at `root` (rewritten as plain YAML)."""
    data_dir = root / "data"
    loaded = {path: read_file(path)[0] for path in data_files(data_dir)}
    files: dict[str, list] = {}
    for path, one in loaded.items():
        files.setdefault(schema_name(within_edition(path.relative_to(data_dir))), []).append(one)
    pillar_id = put_texts(files, texts)
    for path, one in loaded.items():
        path.write_text(yaml.safe_dump(one.data, allow_unicode=True, sort_keys=False, width=10**6), "utf-8")
    return pillar_id


@pytest.mark.site  # builds (or installs) in a scratch copy of the project
def test_hostile_text_through_mkdocs(tmp_path: Path, real: Real) -> None:
    """Compared with the site built from the same copy of the project with plain words in the same
    fields (so that what the site marks as its own, which depends on the texts, is alike in both):
    the hostile texts create no element but glossary <abbr>s."""
    (tmp_path / "real").mkdir()
    real_root = copy_project(tmp_path / "real")
    project = Path(shutil.copytree(real_root, tmp_path / "hostile"))
    texts = {field: f"{HOSTILE_LINE} {field}" for field in FIELDS}
    pillar_id = write_texts(project, texts)
    write_texts(real_root, PLAIN)
    for root in (real_root, project):
        result = run_cli(root, "build")
        assert result.returncode == 0, result.stderr[-3000:]
    built, site = project / "site", real_root / "site"
    pages = sorted(p.relative_to(built) for p in built.rglob("*.html"))
    assert pages == sorted(p.relative_to(site) for p in site.rglob("*.html"))
    shown = {
        urls.page_url(site_pages.pillar(pillar_id) if key == "pillar" else key): fields
        for key, fields in PAGE_FIELDS.items()
    }
    shown |= {urls.permalink_path(ident): fields for ident, fields in _permalinked(real.files).items()}
    checked = 0
    for rel in pages:
        page, plain = Page((built / rel).read_text("utf-8")), Page((site / rel).read_text("utf-8"))
        parts = rel.parent.parts[1:] if rel.parts[0] == urls.LANG_PREFIX["en"].strip("/") else rel.parent.parts
        fields = shown.get("".join(part + "/" for part in parts), ()) if rel.name == "index.html" else ()
        check_page(page, plain, texts, fields, str(rel), real.acronyms)
        checked += bool(fields)
    assert checked == 2 * len(shown)
    # The pillar's page title (Material unescaped it once: see theme/main.html).
    for lang in ("ja", "en"):
        path = urls.site_path(lang, urls.page_url(site_pages.pillar(pillar_id))).lstrip("/")
        html = (built / path / "index.html").read_text("utf-8")
        title = unescape(re.search(r"<title>(.*?)</title>", html, re.S)[1])
        assert title.startswith(texts["pillar"] + " - "), title
    # The search index holds each page's text as text: the hostile line's markup is there as the
    # characters the page shows (search.js puts them into the page as text, never as markup).
    entries = " ".join(r["meta"].get("title", "") + " " + r["content"] for r in fragments(built).values())
    assert "<script>alert(1)</script>" in unescape(entries)


@pytest.mark.parametrize(
    "text", ["![img](x.png)", "*a* _b_ `c` [d](e) <f> \\g | h & i \" j ' k", "*[AI]: x", "<https://example.org>"]
)
def test_an_attribute_markdown_does_not_read_keeps_its_text(text: str) -> None:
    """The names the search indexes (data-names, from the data) stand in inline HTML on Markdown pages,
    also in table cells: Markdown (the site's extensions) leaves the attribute's value as it was."""
    import markdown

    value = escape.markdown_attribute_text(text)
    span = f'<span data-names="{value}"></span>'
    source = f'| a |\n|---|\n| {span}x |\n\n<p markdown="span">{span}y</p>\n'
    out = markdown.markdown(source, extensions=["abbr", "attr_list", "md_in_html", "tables", "def_list"])
    found = re.findall(r'<span data-names="([^"]*)"></span>', out)
    assert [unescape(v) for v in found] == [text, text], out
