"""Render: the model into Markdown pages under docs/<lang>/, one template per page type.

Templates hold the markup; this module chooses what each page gets. Every value a template
prints goes through escape.finalize, so text from the data can never become markup.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from pathlib import Path

import jinja2
import jinja2.bccache
import segno
from markupsafe import Markup

from strategy_site.reading import shape
from strategy_site.rendering import changes, charts, cite, csp, escape, exports, parallel, provenance
from strategy_site.rendering import format as fmt
from strategy_site.rendering.ui import PROSE, label, ui
from strategy_site.structure import editions, pages, urls
from strategy_site.structure.model import LANGS, Strategy

TEMPLATES = Path(__file__).parent / "templates"


class RenderError(Exception):
    """A template could not be rendered."""


def _raw_id(value: str) -> Markup:
    if not isinstance(value, str) or not shape.is_id(value):
        raise RenderError(f"not an id: {value!r}")
    return Markup(value)


def _anchor(value: str, css_class: str = "") -> Markup:
    """An explicit element id in attribute-list syntax: {#k-program}; with a class of the site's own
    (a template's constant): {#k-program .screen-only}."""
    if css_class and not re.fullmatch(r"[a-z][a-z-]*", css_class):
        raise RenderError(f"not a class name: {css_class!r}")
    return Markup("{#" + _raw_id(value) + (" ." + css_class if css_class else "") + "}")


def _raw_line(value: str) -> Markup:
    """For names that go into Markdown syntax that takes no escapes (abbreviation definitions)."""
    if "\n" in value or "\r" in value:
        raise RenderError(f"a line break in {value!r}")
    return Markup(value)


def _raw_path(value: str) -> Markup:
    if not re.fullmatch(r"[a-z0-9_./-]+", value):
        raise RenderError(f"not a file name: {value!r}")
    return Markup(value)


def _coord(value: float, places: int | None = None) -> Markup:
    """A number for an SVG attribute (a coordinate or a length): as Python writes it, or with `places`
    decimals."""
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise RenderError(f"not a number: {value!r}")
    return Markup(str(value) if places is None else f"{value:.{places}f}")


@jinja2.pass_context
def _japanese_marked(context: jinja2.runtime.Context, text: object) -> Markup:
    """`|ja`: on an English page, Japanese in the text is marked lang="ja" (escape.japanese_marked);
    on a Japanese page the text is only escaped, as any value is."""
    if context.get("lang") == "ja":
        return text if isinstance(text, Markup) else escape.markdown_text(str(text))
    return escape.japanese_marked(text)


class CompiledTemplates(jinja2.BytecodeCache):
    """Compiled Jinja templates kept in memory, for a process that renders more than once (the
    preview renders at every save). Keyed by each template's name and checked against its source,
    so an edited template is compiled again."""

    def __init__(self) -> None:
        self.store: dict[str, bytes] = {}

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        code = self.store.get(bucket.key)
        if code is not None:
            bucket.bytecode_from_string(code)

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        self.store[bucket.key] = bucket.bytecode_to_string()


COMPILED = CompiledTemplates()  # this process's compiled page templates


def environment() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATES),
        bytecode_cache=COMPILED,
        finalize=escape.finalize,
        undefined=jinja2.StrictUndefined,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
        # Autoescape makes macro output Markup; finalize (above) escapes every other value
        # for Markdown before that, so the HTML escape never sees plain text.
        autoescape=True,
    )
    env.filters.update(
        anchor=_anchor,
        raw_id=_raw_id,
        raw_abbr=_raw_line,
        raw_path=_raw_path,
        html=escape.html_text,
        md_attr=escape.markdown_attribute,
        md_attr_text=escape.markdown_attribute_text,
        coord=_coord,
        ja=_japanese_marked,
    )
    return env


def prose(key: str, lang: str, **values: object) -> Markup:
    """One of the site's own paragraphs (ui.PROSE), which are Markdown, with the values it names put
    in: text is escaped like any value from the data; Markup (a link, a macro's output) goes in as it is."""
    return Markup(PROSE[key][lang].format(**{k: escape.finalize(v) for k, v in values.items()}))


def _json_for_html(value: object) -> Markup:
    """JSON safe inside a <script> element."""
    return Markup(json.dumps(value, ensure_ascii=False, sort_keys=True).replace("<", "\\u003c"))


def _qr_svg(address: str) -> Markup:
    qr = segno.make(address, error="m")
    svg = qr.svg_inline(scale=3, dark="#000", light="#fff", omitsize=False)
    title = "QR code: " + address
    return Markup(svg.replace("<svg ", f'<svg role="img" aria-label="{escape.html_text(title)}" ', 1))


def _budget_values(s: Strategy, lang: str) -> dict:
    type_names = {kind: fmt.budget_type(kind, lang) for kind in fmt.BUDGET_TYPES}
    return {
        "chart": charts.budget_chart(s.figures, lang, type_names),
        "chart_narrow": charts.budget_chart(s.figures, lang, type_names, narrow=True),
    }


# What a page type gets beyond what every page gets: (strategy, page, lang, address, exports) -> values.
# For a parallel view, `page` is the view (page.mirrors, the page it shows): a view lists less in full.
PAGE_VALUES = {
    "pillar": lambda s, page, lang, address, export_files: {"p": s.pillar(page.pillar_id)},
    "budget": lambda s, page, lang, address, export_files: (
        _budget_values(s, lang) | {"in_full": not page.mirrors or pages.listed_in_full(s.figures, parallel=True)}
    ),
    "progress": lambda s, page, lang, address, export_files: {
        "in_full": pages.listed_in_full(s.progress_items, parallel=bool(page.mirrors))
    },
    "summary": lambda s, page, lang, address, export_files: {
        "qr": _qr_svg(address),
        "page_address": address,
        "in_full": all(pages.listed_in_full(items, parallel=bool(page.mirrors)) for items in (s.measures, s.figures)),
    },
    "about": lambda s, page, lang, address, export_files: {"provenance": provenance},
    "topic": lambda s, page, lang, address, export_files: {"t": s.topic(page.topic_id)},
    "data": lambda s, page, lang, address, export_files: {
        "exports": export_files,
        "export_source": lambda name: f"{urls.EXPORT_DIR}/{name}",
        # With several editions, every edition's rows, at the site's root (exports.all_editions)
        "all_editions": exports.ALL_EDITIONS if s.address_prefix else (),
        "all_source": lambda name: (
            "../" * s.address_prefix.count("/") + f"{urls.EXPORT_DIR}/{exports.ALL_EDITIONS_DIR}/{name}"
        ),
    },
}


def page_title(s: Strategy, page: pages.Page, lang: str) -> str:
    """A page's title as a citation names it: a pillar's name, a topic's, the progress slide's title,
    else the page type's title in ui.py."""
    if page.pillar_id:
        return s.pillar(page.pillar_id).name[lang]
    if page.topic_id:
        return ui("topic_title", lang, name=s.topic(page.topic_id).name[lang])
    if page.type.name == "progress":
        return s.progress_title[lang]
    if page.type.name == "changes":
        return ui("changes_title", lang, year=s.previous_edition)
    return ui(page.type.name, lang)


def _cite_values(s: Strategy, page: pages.Page, lang: str, site_url: str) -> dict:
    """What a page gives its citations (_macros.j2, page_cite; docs/assets/extra.js): the patterns of an
    item's and of the page's citation, and the addresses they name: absolute where the site knows its
    published address (SITE_URL), else relative, for the script to make absolute from where it is."""

    def address(path: str) -> str:
        printed = urls.printed_address(site_url, lang, s.address_prefix + path)  # in the edition's folder
        return printed if "://" in printed else urls.relative_url(page.url, path)

    permalinks = urls.PERMALINK_DIR + "/"
    title = page_title(s, page, lang)
    item = cite.item_pattern(s, lang)
    whole = cite.page_pattern(s, lang, title)
    by_hand = cite.gaps(lang)
    return {
        "page_citation": cite.marked(
            whole, **by_hand | {"address": urls.printed_address(site_url, lang, s.address_prefix + page.url)}
        ),
        "item_citation_form": cite.marked(
            item,
            **by_hand
            | {
                "address": urls.printed_address(site_url, lang, s.address_prefix + permalinks)
                + ui("cite_gap_id", lang)
                + "/"
            },
        ),
        # The patterns are the texts above, with their gaps marked: the script fills in a copy of them.
        "cite_json": _json_for_html(
            {
                "lang": lang,
                "address": address(page.url),
                "permalinks": address(permalinks),
                "title": title,
                "words": {key: ui(key, lang) for key in ("cite", "cite_item_named", "cite_page_named", "cite_copied")},
            }
        ),
    }


def _cite_examples(s: Strategy, lang: str, site_url: str) -> dict[str, str]:
    """/about/#citing: a citation of the first measure, of the home page and of the strategy itself,
    with words where the date viewed goes."""
    root = urls.printed_address(site_url, lang, s.address_prefix)
    measure = s.measures[0].id
    by_hand = cite.gaps(lang)
    return {
        "publisher": s.publication.official.publisher[lang] if s.publication else ui("cite_publisher", lang),
        "item": cite.item_citation(s, measure, lang, root + urls.permalink_path(measure), accessed=by_hand["accessed"]),
        "page": cite.fill(cite.page_pattern(s, lang, ui("home", lang)), **by_hand | {"address": root}),
        "strategy": cite.fill(cite.strategy_citation(s, lang), **by_hand),
    }


def _page_values(s: Strategy, page: pages.Page, lang: str, site_url: str = "", in_parallel: bool = False) -> dict:
    """What every page's template gets: the model, the language, the site's words, formatting, and
    links from this page (to another page, to an item's permalink, to its parallel view unless it is
    being rendered for one)."""
    here = page.url
    moves = pages.anchor_moves(s, here)
    mirror = pages.parallel_page(page) if page.type.parallel and not in_parallel else None
    return {
        "parallel_href": Markup(urls.relative_url(here, mirror.url)) if mirror else None,
        "s": s,
        "lang": lang,
        "other_lang": next(other for other in LANGS if other != lang),
        "fmt": fmt,
        "ui": lambda key, **kw: ui(key, lang, **kw),
        "label": lambda key, **kw: label(key, lang, **kw),
        "prose": lambda key, **kw: prose(key, lang, **kw),
        "page": lambda name: pages.SOURCE[name],
        "pillar_page": pages.pillar,
        "topic_page": pages.topic,
        "link": lambda to, anchor=None: Markup(urls.link(page.source, to, anchor)),
        "href": lambda to: Markup(urls.relative_url(here, urls.page_url(to))),  # for a link in raw HTML
        "where_shown": lambda ident: pages.where_shown(s, ident),
        "permalink": lambda ident: Markup(urls.relative_url(here, urls.permalink_path(ident))),
        "permalink_display": lambda ident: urls.printed_address(
            site_url, lang, s.address_prefix + urls.permalink_path(ident)
        ),
        "front": lambda text: Markup(_yaml_string(text)),
        "own_href": Markup(urls.relative_url(here, urls.page_url(pages.SOURCE["about"]) + "#site-additions")),
        "anchor_moves": _json_for_html(moves) if moves else None,
        "cite_quote": lambda ident: cite.quote(s, ident, lang),
        "slide_of": lambda ident: s.item(ident).slide,
        "cite_examples": lambda: _cite_examples(s, lang, site_url),
    } | _cite_values(s, page, lang, site_url)


def render_pages(
    s: Strategy,
    site_url: str = "",
    schema_dir: Path | None = None,
    published: dict[str, str] | None = None,
    only: set[str] | None = None,
    place: tuple[editions.Editions, editions.Edition] | None = None,
) -> dict[str, str]:
    """Every page and permalink page of one edition (`place`: every edition, and this one; by default the
    strategy alone), by its path under docs/ within the edition ('ja/index.md', 'en/m/k-program/index.html',
    ...; the plain HTML pages go straight into the site: pipeline.split). `published`: the export files
    (exports.all_exports), so that the open data page gives their sizes. `only`: just these pages (by
    their path under docs/), no permalink page (the preview's first step: the pages open in a browser)."""
    env = environment()
    out: dict[str, str] = {}
    targets = pages.permalink_targets(s)
    export_files = exports.export_list(schema_dir) if schema_dir else exports.EXPORTS  # once, not per page
    if published and exports.CROSSWALK.name in published:  # an edition after the first
        export_files = (*export_files[:4], exports.CROSSWALK, *export_files[4:])
    export_files = exports.with_sizes(export_files, published or {})
    redirect = _redirect_template()
    site = pages.site_pages(s)
    every, edition = place or _alone(s)
    retired = sorted({r.from_page for r in s.redirects} - {page.url for page in site})
    convert = parallel.Converter()

    def page_text(page: pages.Page, lang: str, in_parallel: bool = False) -> str:
        address = (
            (site_url.rstrip("/") + urls.site_path(lang, s.address_prefix + page.url))
            if site_url
            else urls.site_path(lang, s.address_prefix + page.url)
        )
        values = _page_values(s, page, lang, site_url, in_parallel) | _edition_values(every, edition, page, lang)
        if page.type.name == "changes":
            values |= _changes_values(every, edition, page, lang)
        extra = PAGE_VALUES.get(page.type.name)
        if extra:
            values |= extra(s, pages.parallel_page(page) if in_parallel else page, lang, address, export_files)
        try:
            text = _tidy(env.get_template(page.type.template).render(values))
            return text if in_parallel else with_edition(env, text, every, edition, page, lang)
        except (jinja2.TemplateError, RenderError, KeyError) as exc:
            raise RenderError(f"scripts/strategy_site/rendering/templates/{page.type.template}: {exc}") from exc

    def wanted(source: str) -> bool:
        return only is None or any(f"{lang}/{source}" in only for lang in LANGS)

    for page in site:
        for lang in LANGS:
            if only is None or f"{lang}/{page.source}" in only:
                # With several editions, a page is found by its edition too (the search covers the current one).
                marks = pages.search_filters(s, page) | ({"edition": (edition.id,)} if every.several else {})
                out[f"{lang}/{page.source}"] = page_text(page, lang) + filter_marks(marks)
        if page.type.parallel and wanted(pages.parallel_page(page).source):
            trees = {lang: convert(page_text(page, lang, True)) for lang in LANGS}
            views = _parallel_pages(env, page, trees, s, site_url, edition.prefix)
            view = pages.parallel_page(page)
            out |= {
                rel: with_edition(env, text, every, edition, view, rel.partition("/")[0]) for rel, text in views.items()
            }
    for lang in LANGS:
        if only is not None:
            break  # the preview's first step: no permalink page
        for ident in targets:
            target = urls.relative_url(urls.permalink_path(ident), pages.resolve(s, ident))
            out[f"{lang}/{urls.permalink_source(ident)}"] = csp.with_policy(
                redirect.render(
                    lang=lang,
                    ident=ident,
                    target=target,
                    title=s.item_text(ident)[lang],
                    anchors={},
                    note=ui("item_is_on", lang, ident=ident),
                    keep_hash=False,
                )
            )
        # Pages that are no longer served lead to where their content is now.
        for retired_page in retired:
            entries = [r for r in s.redirects if r.from_page == retired_page]
            default = next((r.to for r in entries if not r.from_anchor), urls.page_url(pages.SOURCE["home"]))
            out[f"{lang}/{retired_page}index.html"] = csp.with_policy(
                redirect.render(
                    lang=lang,
                    ident=retired_page,
                    target=urls.relative_url(retired_page, pages.resolve(s, default)),
                    title=ui("site_name", lang),
                    note=ui("item_is_on", lang, ident=retired_page),
                    anchors={
                        r.from_anchor: urls.relative_url(retired_page, pages.resolve(s, r.to))
                        for r in entries
                        if r.from_anchor
                    },
                    keep_hash=False,
                )
            )
    return out


def _edition_values(every: editions.Editions, edition: editions.Edition, page: pages.Page, lang: str) -> dict:
    """What the history page and a topic's page say of the other editions (none with one edition): each
    edition, oldest first, with Markdown links from this page to its home, its page of what changed, and
    (on a topic's page) its page of the same topic and how many items it has."""
    if not every.several:
        return {"editions_list": (), "topic_editions": ()}
    here = edition.prefix + page.source

    def link(target: editions.Edition, source: str) -> Markup:
        return Markup(urls.link(here, target.prefix + source))

    listed = []
    for e in every.all:
        s = e.strategy
        listed.append(
            {
                "name": ui("edition_name", lang, year=e.id),
                "title": s.title[lang],
                "home": link(e, pages.SOURCE["home"]),
                "changes": link(e, pages.SOURCE["changes"]) if s.previous_edition else None,
                "decided": fmt.date(s.publication.decided, lang) if s.publication else None,
                "current": e.id == every.current_id,
                "this": e.id == edition.id,
            }
        )
    topic = page.topic_id
    by_topic = [
        entry | {"count": e.strategy.topic_count(topic), "topic": link(e, pages.topic(topic))}
        for entry, e in zip(listed, every.all, strict=True)
        if topic and e.strategy.topic_count(topic)
    ]
    return {"editions_list": listed, "topic_editions": by_topic}


def _changes_values(every: editions.Editions, edition: editions.Edition, page: pages.Page, lang: str) -> dict:
    """The page of what changed since the edition before (rendering/changes.py), its links to each
    measure's permalink in its edition."""
    before = every.previous(edition)
    if before is None:
        raise RenderError(f"the page of what changed in the {edition.id} edition: no edition comes before it")
    here = edition.url(page.url)

    def link(e: editions.Edition) -> Callable[[str], str]:
        return lambda ident: urls.relative_url(here, e.url(urls.permalink_path(ident)))

    return changes.changes_values(
        every.crosswalk(edition), before.strategy, edition.strategy, lang, link(before), link(edition)
    )


def _redirect_template() -> jinja2.Template:
    """The plain HTML page that leads to another address (permalink.html.j2)."""
    return jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATES),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        bytecode_cache=COMPILED,
    ).get_template("permalink.html.j2")


def first_edition_addresses(every: editions.Editions, first: dict[str, str]) -> dict[str, str]:
    """With several editions: the addresses published while the first edition was alone (the site's root),
    from `first`, its generated files within it. Each page's address leads to the edition's own, keeping
    its #anchor; each other file (an export) stays there as a copy. The home page's is the front door
    (front_door), made from the first edition's home rendered here."""
    edition = every.first
    redirect = _redirect_template()
    out: dict[str, str] = {}
    home = pages.SOURCE["home"]
    for rel, content in first.items():
        lang, _, rest = rel.partition("/")
        if not rest.endswith((".md", ".html")):
            out[rel] = content
            continue
        url = urls.page_url(rest) if rest.endswith(".md") else rest[: -len("index.html")]
        if rest == home:
            continue  # the front door (front_door)
        target = urls.relative_url(url, edition.url(url))
        note = ui("edition_redirect_note", lang, year=edition.id)
        out[f"{lang}/{url}index.html"] = csp.with_policy(
            redirect.render(
                lang=lang,
                ident=url,
                target=target,
                title=edition.strategy.title[lang],
                note=note,
                anchors={},
                keep_hash=True,
            )
        )
    return out | front_door(every, first[f"{LANGS[0]}/{home}"])


def anchors_in(markdown: str) -> set[str]:
    """The ids a page's Markdown gives its elements ({#id} and id="id")."""
    return set(re.findall(r"\{#([a-z0-9-]+)\}", markdown)) | set(re.findall(r'\bid="([a-z0-9-]+)"', markdown))


def _alone(s: Strategy) -> tuple[editions.Editions, editions.Edition]:
    every = editions.single(s, {})
    return every, every.first


def with_edition(
    env: jinja2.Environment,
    text: str,
    every: editions.Editions,
    edition: editions.Edition,
    page: pages.Page,
    lang: str,
) -> str:
    """A page's Markdown with what a site of several editions adds: the edition's title in the front matter
    (the theme's header and <title>) and the edition bar (_macros.j2, edition_bar) after it."""
    if not every.several:
        return text
    front, body = ("---", text) if not text.startswith("---\n") else text.split("\n---\n", 1)
    named = f"edition: {_yaml_string(edition.id)}\nsite_title: {_yaml_string(edition.strategy.title[lang])}"
    html = _edition_bar_html(env, every, edition, page, lang)
    # After the page's heading, which MkDocs takes as the page's title only if it comes first.
    heading = re.search(r"^# .*$", body, re.MULTILINE)
    at = heading.end() if heading else 0
    return f"{front}\n{named}\n---\n{body[:at]}\n\n{html}\n{body[at:]}"


def _edition_bar_html(
    env: jinja2.Environment, every: editions.Editions, edition: editions.Edition, page: pages.Page, lang: str
) -> str:
    """The edition bar of one page in one language (see with_edition)."""
    here = edition.url(page.url)
    current = every.current

    def href(target: editions.Edition) -> Markup:
        return Markup(urls.relative_url(here, editions.counterpart(every, edition, page, target)))

    bar = {
        "edition": edition.id,
        # the edition's LINKS_FILE, at the site's root (above the language's), and the language's root
        "links_href": Markup(
            urls.relative_url(here, "") + "../" * urls.LANG_PREFIX[lang].count("/") + edition.prefix + LINKS_FILE
        ),
        "root": Markup(urls.relative_url(here, "")),
        "editions": [
            {
                "id": e.id,
                "prefix": e.prefix,
                "name": ui("edition_name", lang, year=e.id),
                "mark": ui("edition_current_mark", lang) if e.id == current.id else "",
                "this": e.id == edition.id,
                "href": None if e.id == edition.id else href(e),
            }
            for e in every.all
        ],
        "banner": None
        if edition.id == current.id
        else {
            "text": ui("edition_banner", lang, year=edition.id, current=current.id),
            "link": ui("edition_banner_link", lang, current=current.id),
            "href": href(current),
            "edition": current.id,
            "prefix": current.prefix,
        },
    }
    module = env.get_template("_macros.j2").make_module(_macro_values(lang))
    return str(module.edition_bar(bar))  # type: ignore[attr-defined]


def _macro_values(lang: str) -> dict:
    return {
        "lang": lang,
        "ui": lambda key, **kw: ui(key, lang, **kw),
        "label": lambda key, **kw: label(key, lang, **kw),
    }


# Each edition's measures in the other editions (structure/editions.py, measure_across), at the site's root
# (not a language's: the ids are the same in both): {"2026": {"<id of this edition>": ["<id there>", ...]}}.
# The edition switch fetches it when it is used, to lead to the same measure.
LINKS_FILE = "editions.json"


def edition_links(every: editions.Editions, edition: editions.Edition) -> str:
    """An edition's LINKS_FILE."""
    out: dict[str, dict[str, list[str]]] = {}
    for other in every.all:
        if other.id == edition.id:
            continue
        found = {
            m.id: list(there)
            for m in edition.strategy.measures
            if (there := editions.measure_across(every, edition, m.id, other))
        }
        out[other.id] = found
    return json.dumps(out, ensure_ascii=False, sort_keys=True) + "\n"


def site_files(every: editions.Editions) -> dict[str, str]:
    """What the site has once, by path under docs/: the search's filter names; with several editions,
    each edition's LINKS_FILE (the front door comes with the first edition's addresses)."""
    root_lang = next(lang for lang, prefix in urls.LANG_PREFIX.items() if not prefix)  # its folder is the site's root
    out = {f"{root_lang}/{SEARCH_FILTER_NAMES}": search_filter_names(every)}
    if every.several:
        out |= {f"{root_lang}/{e.prefix}{LINKS_FILE}": edition_links(every, e) for e in every.all}
    return out


def front_door(every: editions.Editions, first_home: str) -> dict[str, str]:
    """With several editions, the site's home in each language (editions.FRONT_DOOR): it leads to the current
    edition's home, and the anchors of the first edition's home (`first_home`, its Markdown: the addresses
    of the time it was alone) to that edition's home."""
    env = environment()
    first, current = every.first, every.current
    home = pages.SOURCE["home"]
    moved = {a: first.url("") + "#" + a for a in sorted(anchors_in(first_home))}
    out = {}
    for lang in LANGS:
        values = _macro_values(lang) | {
            "front": lambda text: Markup(_yaml_string(text)),
            "to": Markup(current.url("")),
            "title": current.strategy.title[lang],
            "editions": [
                {
                    "name": ui("edition_name", lang, year=e.id),
                    "title": e.strategy.title[lang],
                    "source": Markup(e.prefix + home),
                    "current": e.id == current.id,
                }
                for e in reversed(every.all)
            ],
            "current_source": Markup(current.prefix + home),
            "anchor_moves": _json_for_html(moved) if moved else None,
        }
        out[f"{lang}/{editions.FRONT_DOOR}"] = _tidy(env.get_template("front.md.j2").render(values))
    return out


def _parallel_pages(
    env: jinja2.Environment, page: pages.Page, trees: dict[str, str], s: Strategy, site_url: str, prefix: str = ""
) -> dict[str, str]:
    """The parallel view of a page (parallel.py) in each language's frame, from the page's HTML in
    both languages (`trees`, its HTML, rendered without the link to the parallel view)."""
    view = pages.parallel_page(page)
    template = env.get_template("parallel.md.j2")
    moves = pages.anchor_moves(s, page.url)
    out = {}
    for frame in LANGS:
        here = urls.LANG_PREFIX[frame] + prefix + view.url
        places = {lang: parallel.Place(page.source, page.url, here, lang, prefix) for lang in LANGS}
        ja, en = (places[lang] for lang in LANGS)
        try:
            rows = parallel.rows(trees[ja.lang], trees[en.lang], (ja, en))
        except parallel.ParallelError as exc:
            raise RenderError(f"the parallel view of {page.source}: {exc}") from exc
        values = _page_values(s, view, frame, site_url) | {
            "title": parallel.heading_text(trees[frame]),
            "heading": Markup(rows[0].html()),
            "rest": Markup("\n".join(row.html() for row in rows[1:])),
            # The page's moved anchors (data/redirects.yaml) lead from its view too, to the same places.
            "anchor_moves": _json_for_html({k: parallel.rebased(v, places[frame]) for k, v in moves.items()})
            if moves
            else None,
            "only_href": {
                lang: Markup(urls.relative_url(here, urls.LANG_PREFIX[lang] + prefix + page.url)) for lang in LANGS
            },
        }
        out[f"{frame}/{view.source}"] = _tidy(template.render(values))
    return out


# The names of the search's filter values in both languages, at the site's root (the search dialog fetches
# them when it first opens, so they weigh nothing on a page's first visit).
SEARCH_FILTER_NAMES = "search-filters.json"


def search_filter_names(every: editions.Editions) -> str:
    """The search dialog's choices for narrowing, by language: each filter's values (pages.SEARCH_FILTERS)
    as [id, name], in the data's order (the newest edition's first, for a pillar of several editions);
    with several editions, the editions too, the current one named."""
    strategies = [e.strategy for e in every.all]
    slides = sorted({i.slide for s in strategies for things in s.tagged.values() for i in things})
    pillars: dict = {}
    for s in strategies:  # in the order they first appear, by the newest edition's name
        pillars |= {p.id: p for p in s.pillars}
    out = {
        lang: {
            "topic": [[t.id, t.name[lang]] for t in every.current.strategy.topics],  # shared by every edition
            "pillar": [[p.id, p.name[lang]] for p in pillars.values()],
            "slide": [[str(n), fmt.slide(n, lang)] for n in slides],
        }
        | (
            {
                "edition": [[e.id, ui("edition_name", lang, year=e.id)] for e in every.all],
                "current_edition": every.current_id,
            }
            if every.several
            else {}
        )
        for lang in LANGS
    }
    return json.dumps(out, ensure_ascii=False, sort_keys=True) + "\n"


def filter_marks(filters: dict[str, tuple[str, ...]]) -> str:
    """A page's values for the search's filters, as Pagefind reads them (data-pagefind-filter="topic:ai"):
    empty elements, in a hidden block at the end of the page's Markdown."""
    marks = "".join(
        f'<span data-pagefind-filter="{key}:{_raw_id(value)}"></span>'
        for key, values in filters.items()
        for value in values
    )
    return f'\n<div class="search-filters" hidden>{marks}</div>\n' if marks else ""


def _yaml_string(text: str) -> str:
    """A YAML double-quoted string (front matter)."""
    return json.dumps(text, ensure_ascii=False)


def _tidy(text: str) -> str:
    """Squeeze the blank lines templates leave behind (three or more become one)."""
    text = re.sub(r"\n{3,}", "\n\n", text)
    return text.strip("\n") + "\n"
