"""Render: the model into Markdown pages under docs/<lang>/, one template per page type.

Templates hold the markup; this module chooses what each page gets. Every value a template
prints goes through escape.finalize, so text from the data can never become markup.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import jinja2
import jinja2.bccache
import segno
from markupsafe import Markup

from strategy_site.reading import shape
from strategy_site.rendering import charts, csp, escape, exports, provenance
from strategy_site.rendering import format as fmt
from strategy_site.rendering.ui import PROSE, label, ui
from strategy_site.structure import pages, urls
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
PAGE_VALUES = {
    "pillar": lambda s, page, lang, address, export_files: {"p": s.pillar(page.pillar_id)},
    "budget": lambda s, page, lang, address, export_files: _budget_values(s, lang),
    "progress": lambda s, page, lang, address, export_files: {"in_full": pages.listed_in_full(s.progress_items)},
    "summary": lambda s, page, lang, address, export_files: {
        "qr": _qr_svg(address),
        "page_address": address,
        "in_full": pages.listed_in_full(s.measures) and pages.listed_in_full(s.figures),
    },
    "about": lambda s, page, lang, address, export_files: {"provenance": provenance},
    "data": lambda s, page, lang, address, export_files: {
        "exports": export_files,
        "export_source": lambda name: f"{urls.EXPORT_DIR}/{name}",
    },
}


def _page_values(s: Strategy, page: pages.Page, lang: str, site_url: str = "") -> dict:
    """What every page's template gets: the model, the language, the site's words, formatting, and
    links from this page (to another page, to an item's permalink)."""
    here = page.url
    moves = pages.anchor_moves(s, here)
    return {
        "s": s,
        "lang": lang,
        "other_lang": next(other for other in LANGS if other != lang),
        "fmt": fmt,
        "ui": lambda key, **kw: ui(key, lang, **kw),
        "label": lambda key, **kw: label(key, lang, **kw),
        "prose": lambda key, **kw: prose(key, lang, **kw),
        "page": lambda name: pages.SOURCE[name],
        "pillar_page": pages.pillar,
        "link": lambda to, anchor=None: Markup(urls.link(page.source, to, anchor)),
        "where_shown": lambda ident: pages.where_shown(s, ident),
        "permalink": lambda ident: Markup(urls.relative_url(here, urls.permalink_path(ident))),
        "permalink_display": lambda ident: urls.printed_address(site_url, lang, urls.permalink_path(ident)),
        "front": lambda text: Markup(_yaml_string(text)),
        "own_href": Markup(urls.relative_url(here, urls.page_url(pages.SOURCE["about"]) + "#site-additions")),
        "anchor_moves": _json_for_html(moves) if moves else None,
    }


def render_pages(
    s: Strategy,
    site_url: str = "",
    schema_dir: Path | None = None,
    published: dict[str, str] | None = None,
    only: set[str] | None = None,
) -> dict[str, str]:
    """Every page and permalink page, by its path under docs/ ('ja/index.md', 'en/m/k-program/index.html',
    ...; the plain HTML pages go straight into the site: pipeline.split). `published`: the export files
    (exports.all_exports), so that the open data page gives their sizes. `only`: just these pages (by
    their path under docs/), no permalink page (the preview's first step: the pages open in a browser)."""
    env = environment()
    out: dict[str, str] = {}
    targets = pages.permalink_targets(s)
    export_files = exports.export_list(schema_dir) if schema_dir else exports.EXPORTS  # once, not per page
    export_files = exports.with_sizes(export_files, published or {})
    redirect = jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATES),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        bytecode_cache=COMPILED,
    ).get_template("permalink.html.j2")
    site = pages.site_pages(s)
    retired = sorted({r.from_page for r in s.redirects} - {page.url for page in site})
    for lang in LANGS:
        for page in site:
            if only is not None and f"{lang}/{page.source}" not in only:
                continue
            address = (
                (site_url.rstrip("/") + urls.site_path(lang, page.url)) if site_url else urls.site_path(lang, page.url)
            )
            values = _page_values(s, page, lang, site_url)
            extra = PAGE_VALUES.get(page.type.name)
            if extra:
                values |= extra(s, page, lang, address, export_files)
            try:
                text = env.get_template(page.type.template).render(values)
            except (jinja2.TemplateError, RenderError, KeyError) as exc:
                raise RenderError(f"scripts/strategy_site/rendering/templates/{page.type.template}: {exc}") from exc
            out[f"{lang}/{page.source}"] = _tidy(text)
        if only is not None:
            continue
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
                )
            )
    return out


def _yaml_string(text: str) -> str:
    """A YAML double-quoted string (front matter)."""
    return json.dumps(text, ensure_ascii=False)


def _tidy(text: str) -> str:
    """Squeeze the blank lines templates leave behind (three or more become one)."""
    text = re.sub(r"\n{3,}", "\n\n", text)
    return text.strip("\n") + "\n"
