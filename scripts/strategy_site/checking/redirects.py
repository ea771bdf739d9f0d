"""Redirects: an old address leads somewhere that has an address, and never takes over one the site
serves (a page, a permalink, an anchor); its form names no language and no folder the build owns."""

from __future__ import annotations

from strategy_site.checking import entities
from strategy_site.reading import shape
from strategy_site.reading.load import Files, LoadedFile, problem_at
from strategy_site.reading.problems import Problem
from strategy_site.structure import pages as site_pages
from strategy_site.structure import urls

# -- Redirects -------------------------------------------------------------------------------------


# What the build itself writes at the top of the site: the theme's files, the search index (Pagefind
# deletes and rewrites its folder, so a redirect page there would be lost) and the files of the site's
# root. A redirect may not take one over.
BUILD_OWNED = frozenset({"assets", "search", "pagefind", "404.html", "sitemap.xml", "robots.txt", "index.html"})
# A redirect is a folder per part of its address: a part longer than this many bytes cannot be a
# file name (255 bytes on most systems, with room for the build's own suffixes).
MAX_PART_BYTES = 120


def check_redirect_lengths(files: Files) -> list[Problem]:
    """Each part of a redirect's 'from' (between slashes) is at most 120 bytes: each part becomes a
    folder of the built site, and a longer name stops the build with 'File name too long'."""
    problems = []
    for loaded in files.get("redirects", []):
        for r, entry in shape.entries(loaded.data, "redirects"):
            source = shape.text(entry, "from")
            longest = max((part for part in (source or "").split("/")), key=lambda p: len(p.encode()), default="")
            if len(longest.encode()) > MAX_PART_BYTES:
                problems.append(
                    problem_at(
                        loaded,
                        ("redirects", r, "from"),
                        f"a part of this address is {len(longest.encode())} bytes long; each part between "
                        f"slashes may be at most {MAX_PART_BYTES} (it becomes a folder name). Shorten it.",
                    )
                )
    return problems


def check_redirect_forms(files: dict[str, list[LoadedFile]]) -> list[Problem]:
    """What a redirect's 'from' can be without knowing the rest of the data: no language prefix
    (each entry works in both languages), no folder the build writes itself, and each 'from' once."""
    reserved_folders = {prefix.rstrip("/") for prefix in urls.LANG_PREFIX.values() if prefix} | BUILD_OWNED
    problems = []
    for loaded in files.get("redirects", []):
        seen: dict[str, int] = {}
        for r, entry in shape.entries(loaded.data, "redirects"):
            source = shape.text(entry, "from")
            if source is None:
                continue
            first = source.split("/", 1)[0]
            where = ("redirects", r, "from")
            if first in urls.LANG_PREFIX and urls.LANG_PREFIX[first]:
                problems.append(
                    problem_at(
                        loaded,
                        where,
                        f"'{source}' starts with '{first}/'. Leave the language out: "
                        f"write '{source[len(first) + 1 :]}'; each entry works in both "
                        "languages.",
                    )
                )
            elif first in reserved_folders:
                problems.append(
                    problem_at(
                        loaded,
                        where,
                        f"'{source}' is in the folder '{first}/', which the site uses "
                        "for its own files. Only old page addresses can be redirected.",
                    )
                )
            if source in seen:
                problems.append(
                    problem_at(
                        loaded,
                        where,
                        f"'{source}' is already redirected on line {seen[source]}. Keep one of the two entries.",
                    )
                )
            seen.setdefault(source, loaded.mark(where)[0])
    return problems


def check_redirects_keep_live_pages(files: Files) -> list[Problem]:
    """A redirect may not take over a page the site still serves ('from' without an anchor)."""
    pages = set(site_pages.static_urls()) | {urls.page_url(site_pages.pillar(p)) for p in entities.pillar_ids(files)}
    problems = []
    for loaded in files.get("redirects", []):
        for r, entry in shape.entries(loaded.data, "redirects"):
            page, _, anchor = (shape.text(entry, "from") or "").partition("#")
            if page in pages and not anchor:
                problems.append(
                    problem_at(
                        loaded,
                        ("redirects", r, "from"),
                        f"'{page}' is a page the site still "
                        "serves, so it cannot be redirected. Remove this entry, or give an anchor.",
                    )
                )
    return problems


def check_redirect_targets(strategy, files: dict[str, list[LoadedFile]], page_anchors) -> list[Problem]:
    """Against the built model: a redirect may not take over an address the site serves (a page, a
    permalink /m/<id>/, an anchor on a page), and its 'to' must have an address (an item with a
    permalink, or a page). `page_anchors(page)` gives the ids a served page carries."""
    served = {page.url for page in site_pages.site_pages(strategy)}
    targets = site_pages.permalink_targets(strategy)
    kinds = {p.id: f"pillar (its page is pillars/{p.id}/)" for p in strategy.pillars}
    kinds |= {g.id: f"measure group (on the page pillars/{p.id}/)" for p in strategy.pillars for g in p.groups}
    kinds |= {t.id: "glossary term (on the page glossary/)" for t in strategy.glossary}
    problems = []
    anchored = []  # (loaded, where, page, anchor): checked against the rendered pages once every 'to' is good
    for loaded in files.get("redirects", []):
        for r, entry in enumerate(loaded.data["redirects"]):
            page, _, anchor = entry["from"].partition("#")
            where = ("redirects", r, "from")
            permalink = page.startswith(urls.PERMALINK_DIR + "/") and page.count("/") == 2
            if permalink and page.split("/")[1] in targets:
                problems.append(
                    problem_at(
                        loaded,
                        where,
                        f"'{page}' is the permalink of the item '{page.split('/')[1]}', "
                        "which the site serves: a redirect would take it over. Remove "
                        "this entry.",
                    )
                )
            elif page in served and anchor:
                anchored.append((loaded, where, page, anchor))
            to = entry["to"]
            if to.endswith("/"):
                if to not in served:
                    problems.append(
                        problem_at(
                            loaded,
                            ("redirects", r, "to"),
                            f"'{to}' is not a page of the site. Write a page's address, or an item's id.",
                        )
                    )
            elif to not in targets:
                what = kinds.get(to)
                advice = (
                    f"'{to}' is the id of a {what}, which has no permalink. Write a page's address "
                    "(ending in '/') or the id of a measure or item."
                    if what
                    else f"'{to}' is neither a page of the site nor the id of an item. Write an item's id or a "
                    "page's address."
                )
                problems.append(problem_at(loaded, ("redirects", r, "to"), advice))
    if problems:  # the pages cannot be rendered with a redirect that leads nowhere
        return problems
    for loaded, where, page, anchor in anchored:
        if anchor in page_anchors(page):
            problems.append(
                problem_at(
                    loaded,
                    where,
                    f"'#{anchor}' is still on the page '{page}': a redirect would "
                    "take that address over. Remove this entry.",
                )
            )
    return problems
