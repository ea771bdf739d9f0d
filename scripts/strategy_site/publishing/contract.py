"""Links are a contract: the published URLs and anchors, kept in tests/url-contract.txt, must keep
working. A URL that is no longer served needs an entry in data/redirects.yaml that lands.

Also a link check of the built site: every internal link and every #anchor must resolve.
"""

from __future__ import annotations

import json
import posixpath
import re
import shutil
import tempfile
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

import yaml

from strategy_site.publishing import pipeline
from strategy_site.reading.problems import DataError, visible
from strategy_site.structure import pages, urls
from strategy_site.structure.model import Strategy

CONTRACT_FILE = "tests/url-contract.txt"
# Ids in pages that are not link targets (Material's own start with "__").
_NOT_ANCHORS = re.compile(r"^(__|chart-|anchor-moves$|cite-data$)")
_LINK_ATTRS = {"a": "href", "link": "href", "script": "src", "img": "src", "iframe": "src", "source": "src"}


class _Page(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.ids: set[str] = set()
        self.article_ids: list[str] = []
        self.links: list[tuple[str, str]] = []  # (tag, url)
        self._article_depth = 0
        self._depth = 0
        self.marks: set[str] = set()  # <meta name="strategy-site" content="...">: see EDITION_MARKS
        self.refresh: str | None = None  # a redirect's target (<meta http-equiv="refresh">)
        self.moves: dict[str, str] = {}  # the page's moved anchors (script#anchor-moves)
        self._in_moves = False

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        self._depth += 1
        if tag == "article" and "md-content__inner" in (a.get("class") or ""):
            self._article_depth = self._depth
        if a.get("id"):
            self.ids.add(a["id"])
            if self._article_depth and not _NOT_ANCHORS.match(a["id"]):
                self.article_ids.append(a["id"])
        attr = _LINK_ATTRS.get(tag)
        if attr and a.get(attr) and not (tag == "link" and a.get("rel") in ("alternate", "canonical")):
            self.links.append((tag, a[attr]))
        if tag in ("meta",) and (a.get("http-equiv") or "").lower() == "refresh":
            target = (a.get("content") or "").partition("url=")[2]
            if target:
                self.links.append(("meta", target))
                self.refresh = target
        if tag == "meta" and a.get("name") == "strategy-site" and a.get("content"):
            self.marks.add(a["content"])
        self._in_moves = tag == "script" and a.get("id") == "anchor-moves"

    def handle_data(self, data):
        if self._in_moves:
            try:
                table = json.loads(data)
            except ValueError:
                table = None
            if isinstance(table, dict):
                self.moves.update({k: v for k, v in table.items() if isinstance(v, str)})

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)
        self._depth -= 1

    def handle_endtag(self, tag):
        if tag == "article" and self._article_depth == self._depth:
            self._article_depth = 0
        self._depth -= 1


def _parse(path: Path) -> _Page:
    page = _Page()
    page.feed(path.read_text("utf-8"))
    return page


def _landing(site: Path, url: str, link: str) -> tuple[Path, str] | None:
    """The page file a relative link from the page at `url` leads to, and its anchor; None if none."""
    parts = urlsplit(link)
    if parts.scheme or parts.netloc:
        return None
    target = posixpath.normpath(posixpath.join(url, unquote(parts.path))) + "/"
    file = site / target.lstrip("/") / "index.html"
    return (file, unquote(parts.fragment)) if file.is_file() else None


def _url_of(site: Path, path: Path) -> str:
    rel = path.relative_to(site).as_posix()
    return "/" + (rel[: -len("index.html")] if rel.endswith("index.html") else rel)


def _pages(site: Path) -> list[Path]:
    return sorted(p for p in site.rglob("*.html") if p.name != "404.html" and "assets" not in p.relative_to(site).parts)


# With several editions (structure/editions.py), the addresses of the time the first edition was alone
# lead to its own, anchors and all; their pages say so (rendering/templates/permalink.html.j2, theme/main.html):
# "keeps-anchor": the redirect keeps the #anchor, so each anchor of the page it leads to is served here too;
# "edition-redirect": each of its moved anchors (script#anchor-moves) that lands is served here too.
EDITION_MARKS = ("keeps-anchor", "edition-redirect")


def served(site: Path) -> set[str]:
    """Every URL the built site serves: pages, their content anchors (and those a redirect of an edition
    keeps: EDITION_MARKS), and the exported data files."""
    out: set[str] = set()
    for path in _pages(site):
        url = _url_of(site, path)
        out.add(url)
        page = _parse(path)
        out |= {f"{url}#{anchor}" for anchor in page.article_ids}
        if "keeps-anchor" in page.marks and page.refresh:
            there = _landing(site, url, page.refresh)
            out |= {f"{url}#{anchor}" for anchor in (_parse(there[0]).article_ids if there else ())}
        if "edition-redirect" in page.marks:
            for anchor, target in page.moves.items():
                there = _landing(site, url, target)
                if there and there[1] in _parse(there[0]).article_ids:
                    out.add(f"{url}#{anchor}")
    for lang in urls.LANG_PREFIX.values():
        export_dir = site / lang / urls.EXPORT_DIR
        out |= {_url_of(site, p) for p in export_dir.rglob("*") if p.is_file() and p.suffix in (".json", ".csv")}
    return out


class ContractError(ValueError):
    """The contract file cannot be read as a list of addresses; the message names the line."""


def read_contract(root: Path) -> list[str]:
    """The contract's addresses, each starting with '/'. A line that is not one (a lost leading '/',
    text that is not UTF-8) is refused with its line: advice built from it would be wrong."""
    path = root / CONTRACT_FILE
    raw = path.read_bytes()
    try:
        text = raw.decode("utf-8-sig")  # a byte-order mark an editor added is not part of line 1
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise ContractError(
            f"{CONTRACT_FILE}:{line}: is not UTF-8 text (byte 0x{raw[exc.start]:02x}). Save the file as UTF-8."
        ) from None
    entries = []
    for number, entry in enumerate(text.split("\n"), start=1):
        entry = entry.rstrip("\r")
        if not entry.strip() or entry.startswith("#"):
            continue
        if not entry.startswith("/") or entry != entry.strip() or not entry.isprintable():
            raise ContractError(
                f"{CONTRACT_FILE}:{number}: '{visible(entry)}' is not an address of the site. Each line "
                "is one address starting with '/' (for example /measures/), with no spaces around it; "
                "restore the line from the project's history."
            )
        entries.append(entry)
    return entries


def write_contract(root: Path, entries: set[str]) -> None:
    header = (
        "# The URL contract: every published URL and anchor. A build must serve each of them, or\n"
        "# data/redirects.yaml must say where it leads now. Regenerate after adding pages or items:\n"
        "#   ./scripts/build && .venv/bin/python -m strategy_site urls --write\n"
    )
    (root / CONTRACT_FILE).write_text(header + "\n".join(sorted(entries)) + "\n", "utf-8")


def _split(url: str) -> tuple[str, str, str | None]:
    """'/en/pillars/x/#k' -> ('en', 'pillars/x/', 'k')."""
    path, _, anchor = url.partition("#")
    lang = "en" if path.startswith("/en/") else "ja"
    page = path[len("/" + urls.LANG_PREFIX[lang]) :]
    return lang, page, anchor or None


REDIRECTS_FILE = "redirects.yaml"  # in data/


def refused_suggestions(root: Path, suggested: list[dict[str, str]]) -> dict[int, str]:
    """Follow the advice in a scratch copy of data/: add the suggested redirects to redirects.yaml
    and check the data as the build does. The check's word on each suggestion it refuses, by the
    suggestion's index; a suggestion it accepts is not in the result. A file that fails the schema
    hides it from the other rules, so the refused are taken out and the rest tried again."""
    pending, refused = dict(enumerate(suggested)), {}
    while pending:
        numbers = list(pending)
        found = _refused_together(root, [pending[n] for n in numbers])
        for index, message in found.items():
            refused[numbers[index]] = message
            del pending[numbers[index]]
        if not found:
            break
    return refused


def _refused_together(root: Path, suggested: list[dict[str, str]]) -> dict[int, str]:
    with tempfile.TemporaryDirectory(prefix="strategy-advice-") as scratch:
        data = Path(scratch) / "data"
        shutil.copytree(root / "data", data)
        path = data / REDIRECTS_FILE
        kept = list((yaml.safe_load(path.read_text("utf-8")) or {}).get("redirects") or [])
        path.write_text(yaml.safe_dump({"redirects": kept + suggested}, allow_unicode=True, sort_keys=False), "utf-8")
        try:
            pipeline.load(root, data_dir=data)
        except DataError as exc:
            found: dict[int, str] = {}
            for p in exc.problems:
                where = p.where
                ours = Path(p.file).name == REDIRECTS_FILE and where[:1] == ("redirects",) and len(where) > 1
                if ours and isinstance(where[1], int) and where[1] >= len(kept):
                    found.setdefault(where[1] - len(kept), p.message)
            return found
    return {}


def check(contract: list[str], served_urls: set[str], strategy: Strategy, root: Path | None = None) -> list[str]:
    """Contract URLs that are neither served nor redirected to a served place; and served URLs
    missing from the contract. With `root`, the redirect each lost URL would need is first tried
    on a copy of the data (refused_suggestions): advice the check would refuse is not given."""
    problems = []
    redirects = {(r.from_page, r.from_anchor): r.to for r in strategy.redirects}
    served_pages = {page.url for page in pages.site_pages(strategy)}
    lost: list[tuple[str, dict[str, str]]] = []
    for url in contract:
        if url in served_urls:
            continue
        lang, page, anchor = _split(url)
        # A parallel view's anchors follow its page's redirects (rendering/parallel.py).
        to = redirects.get((page, anchor)) or redirects.get((page.removeprefix(pages.PARALLEL_DIR + "/"), anchor))
        if to is None:
            # To try it, a redirect needs a 'to': the page itself for an anchor on a page still served.
            somewhere = page if anchor and page in served_pages else urls.page_url(pages.SOURCE["measures"])
            lost.append((url, {"from": f"{page}{'#' + anchor if anchor else ''}", "to": somewhere}))
            continue
        target = "/" + urls.LANG_PREFIX[lang] + strategy.address_prefix + pages.resolve(strategy, to)
        if target not in served_urls:
            problems.append(
                f"{url} redirects to {target}, which the site does not serve. Correct the entry in data/redirects.yaml."
            )
    refused = refused_suggestions(root, [entry for _, entry in lost]) if root is not None and lost else {}
    for number, (url, entry) in enumerate(lost):
        if number in refused:
            problems.append(
                f"{url} is in the URL contract but the site no longer serves it, and no redirect can bring "
                f"it back (a redirect from '{visible(entry['from'])}' would be refused: {refused[number]}). "
                "Restore what served it: the id or page in data/, or the file the site made."
            )
        else:
            problems.append(
                f"{url} is in the URL contract but the site no longer serves it. Add an entry to "
                f"data/redirects.yaml (from: '{entry['from']}') saying where it leads now."
            )
    new = sorted(served_urls - set(contract))
    if new:
        problems.append(
            f"{len(new)} published URL(s) are not in {CONTRACT_FILE}, e.g. {new[0]}. Add them: "
            ".venv/bin/python -m strategy_site urls --write (after ./scripts/build)."
        )
    return problems


def broken_links(site: Path, site_url: str = "") -> list[str]:
    """Every internal link or resource in the built site that does not resolve, with its anchor."""
    pages = {p: _parse(p) for p in _pages(site)}
    ids_by_file = {p: page.ids for p, page in pages.items()}
    problems = []
    folder = urlsplit(site_url).path or "/" if site_url else "/"  # where the site is published, e.g. /strategy2025/
    for path, page in pages.items():
        base = _url_of(site, path)
        for tag, link in page.links:
            if site_url and link.startswith(site_url):
                link = "/" + link[len(site_url) :]
            elif link.startswith("/") and not link.startswith("//"):
                if not link.startswith(folder):
                    problems.append(
                        f"{path.relative_to(site).as_posix()}: <{tag}> {link}: leads out of the site's "
                        f"folder {folder} (a link from the server's root; links must be relative)"
                    )
                    continue
                link = "/" + link[len(folder) :]
            parts = urlsplit(link)
            if parts.scheme or parts.netloc or link.startswith(("mailto:", "javascript:", "data:")):
                continue
            target_url = (
                posixpath.normpath(posixpath.join(posixpath.dirname(base), unquote(parts.path))) if parts.path else base
            )
            if parts.path.endswith("/") or not parts.path:
                target_url = target_url.rstrip("/") + "/"
            file = site / target_url.lstrip("/")
            if target_url.endswith("/"):
                file = file / "index.html"
            where = f"{path.relative_to(site).as_posix()}: <{tag}> {link}"
            if not file.is_file():
                problems.append(f"{where}: no such file {target_url}")
                continue
            if parts.fragment and file.suffix == ".html":
                ids = ids_by_file.get(file)
                if ids is None:
                    ids = ids_by_file[file] = _parse(file).ids
                if unquote(parts.fragment) not in ids:
                    problems.append(f"{where}: no element with id '{parts.fragment}' in {target_url}")
    return problems
