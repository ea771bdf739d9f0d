"""Render: the model into Markdown pages under docs/<lang>/, one template per page type.

Templates hold the markup; this module chooses what each page gets. Every value a template
prints goes through escape.finalize, so text from the data can never become markup.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path

import jinja2
import segno
from markupsafe import Markup

from . import charts, csp, escape, exports, urls
from . import format as fmt
from .load import LoadedFile
from .model import LANGS, Strategy
from .ui import ui

TEMPLATES = Path(__file__).parent / "templates"
ID_RE = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")


class RenderError(Exception):
    """A template could not be rendered."""


def _raw_id(value: str) -> Markup:
    if not isinstance(value, str) or not ID_RE.match(value):
        raise RenderError(f"not an id: {value!r}")
    return Markup(value)


def _anchor(value: str) -> Markup:
    """An explicit element id in attribute-list syntax: {#k-program}."""
    return Markup("{#" + _raw_id(value) + "}")


def _raw_line(value: str) -> Markup:
    """For names that go into Markdown syntax that takes no escapes (abbreviation definitions)."""
    if "\n" in value or "\r" in value:
        raise RenderError(f"a line break in {value!r}")
    return Markup(value)


def _raw_path(value: str) -> Markup:
    if not re.fullmatch(r"[a-z0-9_./-]+", value):
        raise RenderError(f"not a file name: {value!r}")
    return Markup(value)


def environment() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATES),
        finalize=escape.finalize,
        undefined=jinja2.StrictUndefined,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
        # Autoescape makes macro output Markup; finalize (above) escapes every other value
        # for Markdown before that, so the HTML escape never sees plain text.
        autoescape=True,
    )
    env.filters.update(anchor=_anchor, raw_id=_raw_id, raw_abbr=_raw_line, raw_path=_raw_path, html=escape.html_text)
    return env


@dataclass(frozen=True)
class PageSpec:
    template: str
    source: str  # relative to docs/<lang>/
    extra: dict


def pages(s: Strategy) -> list[PageSpec]:
    """Every page of the site, the same in both languages."""
    out = [PageSpec("home.md.j2", urls.HOME, {})]
    out += [PageSpec("pillar.md.j2", urls.pillar(p.id), {"p": p}) for p in s.pillars]
    out += [PageSpec(f"{name}.md.j2", getattr(urls, name.upper()), {})
            for name in ("measures", "progress", "budget", "history", "glossary", "summary", "about", "data")]
    return out


SHOWN_ON = {"box_item": urls.HOME, "aim": urls.HOME, "progress_item": urls.PROGRESS,
            "progress_statement": urls.PROGRESS, "figure": urls.BUDGET, "about_statement": urls.HISTORY}


def where_shown(s: Strategy, ident: str) -> tuple[str, str]:
    """The page (source) and anchor where an item is shown; its permalink leads there.
    Raises KeyError for an id no item has."""
    kind = s.kind_of(ident)
    if kind == "measure":
        return urls.pillar(s.measure(ident).pillar_id), ident
    return SHOWN_ON[kind], ident


def permalink_targets(s: Strategy) -> dict[str, tuple[str, str]]:
    """Every item with a short permalink /m/<id>/, and where it is shown."""
    idents = [s.aim.id, *(i.id for i in s.box_items), *(m.id for m in s.measures),
              *(st.id for st in s.progress_statements), *(i.id for i in s.progress_items),
              *(f.id for f in s.figures), *(st.id for st in s.about_statements)]
    return {i: where_shown(s, i) for i in idents}


def resolve(s: Strategy, to: str) -> str:
    """A redirect's destination as a directory URL with anchor: an item's id, or a page URL."""
    if to.endswith("/"):
        return to
    source, anchor = where_shown(s, to)
    return urls.page_url(source) + "#" + anchor


def anchor_moves(s: Strategy, page: str) -> dict[str, str]:
    """For a served page: its anchors that moved elsewhere, and where each leads now (relative URLs)."""
    return {r.from_anchor: urls.relative_url(page, resolve(s, r.to))
            for r in s.redirects if r.from_page == page and r.from_anchor}


def _json_for_html(value: object) -> Markup:
    """JSON safe inside a <script> element."""
    return Markup(json.dumps(value, ensure_ascii=False, sort_keys=True).replace("<", "\\u003c"))


def _qr_svg(address: str) -> Markup:
    qr = segno.make(address, error="m")
    svg = qr.svg_inline(scale=3, dark="#000", light="#fff", omitsize=False)
    title = "QR code: " + address
    return Markup(svg.replace("<svg ", f'<svg role="img" aria-label="{escape.html_text(title)}" ', 1))


BUDGET_WORDS = {
    "intro": {"ja": "スライド3に記された予算額の一覧です。対象年度も予算の種類も異なるため、合計はしていません。",
              "en": "The budget figures given on slide 3. They cover different fiscal years and budget types, "
                    "so this page does not add them up."},
    "caption": {"ja": "予算額（スライド3）。大学ファンドは桁が大きいため、別の目盛りで示しています。数値は下の表のとおりです。",
                "en": "Budget figures (slide 3). The University Fund is far larger and is drawn on its own scale. "
                      "The table below gives every value."},
    "table": {"ja": "予算額の一覧", "en": "All budget figures"},
    "note_heading": {"ja": "当初予算と補正予算", "en": "Initial and supplementary budgets"},
    "note": {"ja": "当初予算は、年度の始まる前に国会で成立する1年間の予算です。補正予算は、年度の途中で当初予算を補うために編成される予算です。"
                   "大学ファンドは年度ごとの予算ではなく、運用益で大学を支援する基金（ファンド）で、「10兆円規模」は概数です。"
                   "年度（FY）は4月から翌年3月までです。金額の英語表記は、1億円 = 1億（100 million）円、1兆円 = 1 trillion円として換算しています。",
             "en": "An initial budget (当初予算) is the annual budget passed by the Diet before the fiscal year begins. "
                   "A supplementary budget (補正予算) is added during the fiscal year to supplement it. The University "
                   "Fund is not an annual budget but a fund whose investment returns support universities; its "
                   "\"about ¥10 trillion\" (10兆円規模) is approximate. A fiscal year (FY) runs from April to March. "
                   "English amounts use 1億円 = ¥100 million and 1兆円 = ¥1 trillion."},
}


def render_pages(s: Strategy, site_url: str = "", schema_dir: Path | None = None) -> dict[str, str]:
    """Every generated file under docs/, by path ('ja/index.md', 'en/m/k-program/index.html', ...)."""
    env = environment()
    out: dict[str, str] = {}
    targets = permalink_targets(s)
    type_names = {lang: {k: fmt.budget_type(k, lang) for k in fmt.BUDGET_TYPES} for lang in LANGS}
    export_files = exports.export_list(schema_dir) if schema_dir else exports.EXPORTS  # once, not per page
    redirect = jinja2.Environment(loader=jinja2.FileSystemLoader(TEMPLATES), autoescape=True,
                                  undefined=jinja2.StrictUndefined).get_template("permalink.html.j2")
    specs = pages(s)
    retired = sorted({r.from_page for r in s.redirects} - {urls.page_url(spec.source) for spec in specs})
    for lang in LANGS:
        charts_svg = charts.budget_chart(s.figures, lang, type_names[lang])
        for spec in specs:
            here = urls.page_url(spec.source)
            moves = anchor_moves(s, here)
            address = (site_url.rstrip("/") + urls.site_path(lang, here)) if site_url else urls.site_path(lang, here)
            context = {
                "s": s, "lang": lang, "fmt": fmt, "pages": urls, "exports": export_files,
                "ui": lambda key, **kw: ui(key, lang, **kw),
                "link": lambda to, anchor=None, _src=spec.source: Markup(urls.link(_src, to, anchor)),
                "pillar_page": urls.pillar,
                "export_source": lambda name: f"{urls.EXPORT_DIR}/{name}",
                "where_shown": lambda ident: where_shown(s, ident),
                "permalink": lambda ident, _here=here: Markup(urls.relative_url(_here, urls.permalink_path(ident))),
                "permalink_display": lambda ident: urls.site_path(lang, urls.permalink_path(ident)),
                "front": lambda text: Markup(_yaml_string(text)),
                "chart": charts_svg,
                "chart_caption": BUDGET_WORDS["caption"][lang],
                "chart_title": charts.WORDS["title"][lang],
                "budget_intro": BUDGET_WORDS["intro"][lang],
                "table_heading": BUDGET_WORDS["table"][lang],
                "note_heading": BUDGET_WORDS["note_heading"][lang],
                "budget_note": BUDGET_WORDS["note"][lang],
                "qr": _qr_svg(address) if spec.source == urls.SUMMARY else Markup(""),
                "page_address": address,
                "anchor_moves": _json_for_html(moves) if moves else None,
                **spec.extra,
            }
            try:
                text = env.get_template(spec.template).render(context)
            except (jinja2.TemplateError, RenderError, KeyError) as exc:
                raise RenderError(f"scripts/strategy_site/templates/{spec.template}: {exc}") from exc
            out[f"{lang}/{spec.source}"] = _tidy(text)
        for ident in targets:
            target = urls.relative_url(urls.permalink_path(ident), resolve(s, ident))
            out[f"{lang}/{urls.permalink_source(ident)}"] = csp.with_policy(redirect.render(
                lang=lang, ident=ident, target=target, title=s.item_text(ident)[lang], anchors={}))
        # Pages that are no longer served lead to where their content is now.
        for page in retired:
            entries = [r for r in s.redirects if r.from_page == page]
            default = next((r.to for r in entries if not r.from_anchor), urls.page_url(urls.HOME))
            out[f"{lang}/{page}index.html"] = csp.with_policy(redirect.render(
                lang=lang, ident=page, target=urls.relative_url(page, resolve(s, default)),
                title=ui("site_name", lang),
                anchors={r.from_anchor: urls.relative_url(page, resolve(s, r.to)) for r in entries if r.from_anchor}))
    return out


def _yaml_string(text: str) -> str:
    """A YAML double-quoted string (front matter)."""
    return json.dumps(text, ensure_ascii=False)


def _tidy(text: str) -> str:
    """Squeeze the blank lines templates leave behind (three or more become one)."""
    text = re.sub(r"\n{3,}", "\n\n", text)
    return text.strip("\n") + "\n"


def write_tree(files: dict[str, str], docs_dir: Path, langs=LANGS) -> list[str]:
    """Write generated files under docs/<lang>/, only those whose content changed, and remove
    generated files that are no longer produced. Returns the paths written or removed."""
    changed = []
    for rel, content in sorted(files.items()):
        path = docs_dir / rel
        data = content.encode("utf-8")
        if path.exists() and path.read_bytes() == data:
            continue
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_name(path.name + ".tmp")
        tmp.write_bytes(data)
        tmp.replace(path)
        changed.append(rel)
    for lang in langs:
        root = docs_dir / lang
        if not root.exists():
            continue
        for path in sorted(root.rglob("*"), reverse=True):
            rel = path.relative_to(docs_dir).as_posix()
            if path.is_file() and rel not in files:
                path.unlink()
                changed.append(rel)
            elif path.is_dir() and not any(path.iterdir()):
                path.rmdir()
    return changed


def render_all(s: Strategy, files: dict[str, list[LoadedFile]], schema_dir: Path, site_url: str = "") -> dict[str, str]:
    """Pages, permalinks and exports, for both languages."""
    out = render_pages(s, site_url, schema_dir)
    data = exports.all_exports(s, files, schema_dir)
    for lang in LANGS:
        for name, content in data.items():
            out[f"{lang}/{urls.EXPORT_DIR}/{name}"] = content
    return out
