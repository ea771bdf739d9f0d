"""URLs: the one place that knows the site's URL layout. This layout is a contract: people link to it.

Japanese is at the site's root and English under /en/, at the same path in both. Pages are
Markdown files under docs/<lang>/, published with directory URLs (pillars/x.md -> /pillars/x/).
Which pages there are, and where each item is shown, is in pages.py.
"""

from __future__ import annotations

import functools
import posixpath
from urllib.parse import urlsplit

LANG_PREFIX = {"ja": "", "en": "en/"}

PERMALINK_DIR = "m"
EXPORT_DIR = "data"


def page_url(source: str) -> str:
    """'pillars/x.md' -> 'pillars/x/'; 'index.md' -> '' (relative to the language's root)."""
    stem = source[: -len(".md")]
    if stem == "index":
        return ""
    if stem.endswith("/index"):
        return stem[: -len("index")]
    return stem + "/"


def link(from_source: str, to_source: str, anchor: str | None = None) -> str:
    """A Markdown link target from one page source to another (MkDocs checks and rewrites it)."""
    target = "" if from_source == to_source else _relative_source(to_source, posixpath.dirname(from_source))
    return target + (f"#{anchor}" if anchor else "")


@functools.lru_cache(maxsize=4096)
def _relative_source(to_source: str, from_folder: str) -> str:
    """posixpath.relpath, which is slow, once per pair: a page links to the same few pages many
    times (at x100, 48,000 links between a few thousand pairs)."""
    return posixpath.relpath(to_source, from_folder or ".")


def permalink_source(ident: str) -> str:
    """The permalink page of an item, relative to docs/<lang>/ (a static HTML file)."""
    return f"{PERMALINK_DIR}/{ident}/index.html"


def permalink_path(ident: str) -> str:
    """The short permalink /m/<id>/, relative to the language's root."""
    return f"{PERMALINK_DIR}/{ident}/"


def site_path(lang: str, path: str) -> str:
    """A path relative to the site's root: '/en/pillars/x/' for English, '/pillars/x/' for Japanese."""
    return "/" + LANG_PREFIX[lang] + path


LOCAL_HOSTS = ("127.0.0.1", "localhost", "::1")


def printed_address(site_url: str, lang: str, path: str) -> str:
    """An address as printed on paper: absolute where the site knows where it is published
    (SITE_URL), else its path from the site's root (the local preview's address would mislead)."""
    host = urlsplit(site_url).hostname if site_url else None
    if host is None or host in LOCAL_HOSTS:
        return site_path(lang, path)
    return site_url.rstrip("/") + site_path(lang, path)


def relative_url(from_url: str, to_url: str) -> str:
    """Relative URL between two directory URLs of one language: from 'm/x/' to 'pillars/y/#z'
    gives '../../pillars/y/#z'. Relative URLs keep the site working in any sub-folder."""
    depth = len([part for part in from_url.split("/") if part])
    return ("../" * depth + to_url) or "./"
