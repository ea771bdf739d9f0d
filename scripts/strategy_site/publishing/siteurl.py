"""The address the site is published at (SITE_URL): checked, and percent-encoded where it must be.

It ends up in canonical links, the sitemap (XML), the QR code and the printed address, so it must be
an absolute http or https address and nothing else: no quotation marks or angle brackets that
would end an attribute, no '&' that would break the sitemap's XML, no space in a QR code.
"""

from __future__ import annotations

import re
from urllib.parse import quote, urlsplit

DEFAULT = "http://127.0.0.1:8000/"
_HOST = re.compile(
    r"(?=.{1,253}\Z)[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}"
    r"[A-Za-z0-9])?)*\.?\Z"
)
_IPV6 = re.compile(r"\[[0-9A-Fa-f:.]+\]\Z")
# Kept as typed in a path: letters, digits, -._~ and '/', and %XX escapes already made.
_PATH_SAFE = "/-._~%"


# A page's address is SITE_URL and its path; the summary prints it as a QR code, which holds at most
# about 2,300 characters and becomes unreadable on paper long before. 200 leaves room for any page.
MAX_LENGTH = 200


class SiteUrlError(ValueError):
    """SITE_URL cannot be used; the message says why, in words."""


def checked(text: str | None) -> str:
    """SITE_URL as the site uses it: scheme and host in lowercase, the path percent-encoded, and a
    final '/'. An empty or missing SITE_URL gives the local preview's address."""
    if text is None or not text.strip():
        return DEFAULT
    example = "for example SITE_URL=https://intranet.example/strategy2025/"
    if any(ord(c) < 0x20 or ord(c) == 0x7F for c in text) or text != text.strip():
        raise SiteUrlError(
            f"contains a line break, a control character or spaces at its ends. Write the address alone, {example}"
        )
    try:
        parts = urlsplit(text)
        port = parts.port
    except ValueError as exc:
        raise SiteUrlError(f"'{text}' is not a web address ({exc}). Write the full address, {example}") from None
    if parts.scheme.lower() not in ("http", "https"):
        raise SiteUrlError(f"'{text}' does not start with http:// or https://. Write the full address, {example}")
    if parts.username is not None or parts.password is not None:
        raise SiteUrlError(f"'{text}' holds a user name or password. Leave them out: {example}")
    host = parts.hostname or ""
    try:
        ascii_host = host.encode("idna").decode("ascii") if host and not _IPV6.match(f"[{host}]") else host
    except UnicodeError:
        ascii_host = ""
    if not ascii_host or not (_HOST.match(ascii_host) or (":" in host and _IPV6.match(f"[{host}]"))):
        raise SiteUrlError(f"'{text}' has no valid server name after '//'. Write the full address, {example}")
    if parts.query or parts.fragment or "?" in text or "#" in text:
        raise SiteUrlError(
            f"'{text}' has a '?' or '#' part, which a site's address cannot have. Leave it out: {example}"
        )
    path = parts.path or "/"
    path = re.sub(r"%(?![0-9A-Fa-f]{2})", "%25", path)  # a lone % becomes %25
    path = quote(path, safe=_PATH_SAFE)
    if not path.endswith("/"):
        path += "/"
    netloc = f"[{ascii_host}]" if ":" in ascii_host else ascii_host.lower()
    if port is not None:
        netloc += f":{port}"
    address = f"{parts.scheme.lower()}://{netloc}{path}"
    if len(address) > MAX_LENGTH:
        raise SiteUrlError(
            f"is {len(address):,} characters long (as the site writes it); it may be at most {MAX_LENGTH}, "
            f"so that every page's address fits the printed summary's QR code. Use a shorter address, {example}"
        )
    return address
