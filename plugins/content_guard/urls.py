"""Where a URL written in content really leads, decided as a browser decides it.

Browsers parse URLs by the WHATWG URL Standard, not by RFC 3986: a backslash counts as a slash
(`/\\evil.example/x.png` and `\\\\evil.example\\x.png` load from evil.example), tabs and newlines
anywhere are dropped (`ht<TAB>tps:`), and leading spaces and control characters are ignored. Python's
`urllib.parse` does none of this, so a URL that looks local to it can load from another site.
Every decision here goes through ada (`ada_url`), the WHATWG parser that Node.js uses.

`is_same_site(url, site_urls)` is the one rule for "does this stay on our site": the sanitiser
uses it for every image, and the link check uses `site_path` to find the file a link needs.
Pelican placeholders (`{static}`, `{filename}`, ...) are local only when what follows them is a
plain path: Pelican turns `{static}//evil.example/x.png` into `//evil.example/x.png`.
No Pelican import here.
"""

from __future__ import annotations

import re
from urllib.parse import unquote

import ada_url

# Relative URLs are resolved against this made-up page of the site (the host cannot exist: .invalid
# is reserved), so "same site" means "resolves to this host".
LOCAL_PAGE = "https://site.invalid/_/"
LOCAL_HOST = "site.invalid"
PLACEHOLDER = re.compile(r"^\{(static|filename|attach|index|tag|category|author)\}")
# What a browser strips from both ends of a URL before parsing it (C0 controls and space).
_EDGE = "".join(chr(c) for c in range(0x21))
# A placeholder's path must be a plain path: no backslash, no tab or newline, no `//` start.
_UNSAFE_PATH = re.compile(r"[\\\x00-\x1f\x7f]|^/[/\\]")


def resolve(url: str, base: str = LOCAL_PAGE) -> ada_url.URL | None:
    """The URL a browser would request for `url` on the page `base`, or None if it cannot parse."""
    try:
        return ada_url.URL(url, base)
    except ValueError:
        return None


def _origin(url: str) -> str | None:
    """The host a page of the site would ask for `url`, or None (another scheme, unparsable).

    Resolved from an https and an http page: `https:evil.example/x` is a relative path on an
    https page but another site on an http one (the development server), so both must agree.
    """
    hosts = set()
    for base in (LOCAL_PAGE, "http" + LOCAL_PAGE[5:]):
        parsed = resolve(url.strip(_EDGE), base)
        if parsed is None or parsed.protocol not in ("http:", "https:"):
            return None
        hosts.add(parsed.host)
    return hosts.pop() if len(hosts) == 1 else None


def is_same_site(url: str, site_urls=()) -> bool:
    """True when a browser loading `url` from a page of the site asks the site itself.

    `site_urls`: the site's own absolute addresses (SITEURL, the production domain), whose pages
    are the same site. `data:`, `javascript:` and every other scheme are not the site.
    """
    url = url.strip(_EDGE)
    placeholder = PLACEHOLDER.match(url)
    if placeholder:
        rest = url[placeholder.end():]
        return not _UNSAFE_PATH.search(rest) and _origin(rest or "/") == LOCAL_HOST
    host = _origin(url)
    if host == LOCAL_HOST:
        return True
    if host is None:
        return False
    return any(host == _origin(base) for base in site_urls if base)


def site_path(url: str, page_url: str, site_urls=()) -> str | None:
    """The path inside the output (no leading slash) that `url` on the page `page_url` needs.

    None for anything that does not lead into the site: another site, `mailto:`, `tel:`, `data:`,
    an anchor on the same page, or a URL no browser can parse.
    """
    url = url.strip(_EDGE)
    if not url or url.startswith("#") or not is_same_site(url, site_urls):
        return None
    parsed = resolve(url, f"https://{LOCAL_HOST}/" + page_url.lstrip("/"))
    if parsed is None:
        return None
    return unquote(parsed.pathname).lstrip("/")
