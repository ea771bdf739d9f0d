"""The Content-Security-Policy every page carries, as a <meta http-equiv> (it works on any static
host, with no server setting). The policy is built in ONE place, `policy()`: the site's own origin
only, and no inline script or style except what the page itself holds, allowed by its hash.

A <meta> policy cannot set frame-ancestors, report-uri or sandbox; everything else applies.
"""

from __future__ import annotations

import base64
import hashlib
import html as html_module
import re

# Every directive, in order. Add a source here, in one line, when the site needs one.
DIRECTIVES: dict[str, tuple[str, ...]] = {
    "default-src": ("'self'",),
    # 'wasm-unsafe-eval': Pagefind's search (issue 14) compiles its WebAssembly index; it allows
    # WebAssembly only, not eval() of text.
    "script-src": ("'self'", "'wasm-unsafe-eval'"),
    "style-src": ("'self'",),
    "img-src": ("'self'", "data:"),  # data: for the icons Material's stylesheet holds inline
    "font-src": ("'self'",),
    "connect-src": ("'self'",),  # the search index, and the sitemap Material's language selector reads
    "worker-src": ("'self'",),
    "object-src": ("'none'",),
    "base-uri": ("'self'",),
    "form-action": ("'self'",),
}

# What a web server should send as a header beside the pages' own <meta> policy (README, the nginx
# sample). Two policies both apply, so the header holds only what a <meta> cannot say
# (frame-ancestors) and what every page's policy says too: it never blocks what a page's hashes allow.
SERVER_POLICY = "frame-ancestors 'self'; object-src 'none'; base-uri 'self'; form-action 'self'"

_SCRIPT = re.compile(r"<script(?P<attrs>[^>]*)>(?P<body>.*?)</script>", re.S | re.I)
_STYLE = re.compile(r"<style[^>]*>(?P<body>.*?)</style>", re.S | re.I)
# style="" attributes, as the templates and Markdown write them: in lower case. This is not re.I, which
# made it the slowest step of the policy (a case-blind search has no fast start); a STYLE= attribute
# would get no hash, so the browser would refuse its style: never allow more than it should.
_STYLE_ATTR = re.compile(r"""style=(?:"(?P<dq>[^"]*)"|'(?P<sq>[^']*)')""")
_DATA_TYPE = re.compile(r"""\btype=["']?application/(?:ld\+)?json""", re.I)
_EXISTING = re.compile(r"""<meta\s+http-equiv=["']?Content-Security-Policy["']?[^>]*>\s*""", re.I)
_CHARSET = re.compile(r"<meta\s+charset=[\"']?utf-8[\"']?\s*/?>", re.I)


def source_hash(text: str) -> str:
    """A CSP hash source for the exact text of an inline script, style or style attribute."""
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode("ascii") + "'"


def policy(script_hashes=(), style_hashes=(), style_attribute_hashes=()) -> str:
    """The policy text, with the hashes of what a page keeps inline."""
    sources = {name: list(values) for name, values in DIRECTIVES.items()}
    sources["script-src"] += sorted(set(script_hashes))
    sources["style-src"] += sorted(set(style_hashes) | set(style_attribute_hashes))
    if style_attribute_hashes:  # a hash may allow a style="" attribute only with 'unsafe-hashes'
        sources["style-src"].insert(1, "'unsafe-hashes'")
    return "; ".join(f"{name} {' '.join(values)}" for name, values in sources.items())


def page_policy(html: str) -> str:
    """The policy for one page: its inline scripts (not JSON data, which is never run), its <style>
    elements and its style="" attributes, each allowed by hash."""
    scripts = [
        m["body"]
        for m in _SCRIPT.finditer(html)
        if "src=" not in m["attrs"].lower() and not _DATA_TYPE.search(m["attrs"])
    ]
    styles = [m["body"] for m in _STYLE.finditer(html)]
    attributes = [
        m["dq"] if m["dq"] is not None else m["sq"]
        for m in _STYLE_ATTR.finditer(html)
        if html[m.start() - 1 : m.start()].isspace()  # an attribute, not the end of data-style="
    ]
    return policy(
        [source_hash(s) for s in scripts],
        [source_hash(s) for s in styles],
        [source_hash(html_module.unescape(a)) for a in attributes],
    )


def with_policy(html: str) -> str:
    """The page with its policy as the first element after <meta charset> (before anything it governs)."""
    html = _EXISTING.sub("", html)
    meta = f'<meta http-equiv="Content-Security-Policy" content="{page_policy(html)}">'
    found = _CHARSET.search(html)
    if found:
        return html[: found.end()] + "\n" + meta + html[found.end() :]
    head = re.search(r"<head[^>]*>", html, re.I)
    if head is None:
        raise ValueError("a page without <head>: no place for its Content-Security-Policy")
    return html[: head.end()] + "\n" + meta + html[head.end() :]
