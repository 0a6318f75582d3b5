"""Static redirect pages: a small HTML file at an old address that sends the reader to the new one.

For hosts without server rules (GitHub Pages), each old path gets `index.html` with a meta
refresh, a canonical link and a visible link (Thai and English) for browsers that do not follow
the refresh. The file is stored under the decoded path (`news/ข่าว-ใหม่/index.html`): a static
server decodes `%E0%B8%82...` in the request and looks for exactly those UTF-8 bytes on disk.

`page_path(old)` gives the file for an old address (None for one that cannot be a file: a query,
`..`, bytes that are not UTF-8); `redirect_html(target, canonical, title)` the page itself.
Nothing here imports Pelican.
"""

from __future__ import annotations

import html
import posixpath
from pathlib import PurePosixPath
from urllib.parse import unquote, urlsplit

# File names that are served as they are (a path ending in one of these is a file, not a folder).
FILE_SUFFIXES = (".html", ".htm", ".php")


def old_path(address: str) -> str | None:
    """The path part of an old address (full URL or path), decoded; None for a query address."""
    parts = urlsplit((address or "").strip())
    if parts.query or not parts.path:
        return None
    try:
        path = unquote(parts.path, errors="strict")
    except UnicodeDecodeError:
        return None
    return path if path.startswith("/") else "/" + path


def page_path(address: str) -> str | None:
    """Where the redirect page for `address` goes, relative to the output folder, or None."""
    path = old_path(address)
    if path is None or "\0" in path or "\\" in path:
        return None
    parts = [p for p in path.split("/") if p]
    if any(p in (".", "..") for p in parts) or not parts:
        return None
    clean = posixpath.join(*parts)
    if PurePosixPath(clean).suffix.lower() in FILE_SUFFIXES:
        return clean
    return clean + "/index.html"


def feed_type(target: str) -> str | None:
    """The media type of a feed at `target` (`.../all.atom.xml`, `.../all.rss.xml`), or None."""
    name = PurePosixPath(urlsplit(target).path).name.lower()
    if not name.endswith(".xml"):
        return None
    return "application/atom+xml" if "atom" in name else "application/rss+xml" if "rss" in name else None


def redirect_html(target: str, canonical: str, title: str = "") -> str:
    """The redirect page: refresh at once, canonical link, visible links, `noindex`; for a feed,
    also the feed's own link, which feed readers look for in a page (they follow no refresh:
    a reader subscribed to the old site's `/feed/` finds the new feed through it)."""
    href = html.escape(target, quote=True)
    canon = html.escape(canonical, quote=True)
    name = html.escape(title or target)
    kind = feed_type(target)
    feed = f'<link rel="alternate" type="{kind}" href="{href}">\n' if kind else ""
    return (
        "<!DOCTYPE html>\n"
        '<html lang="th">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>ย้ายไปที่อยู่ใหม่: {name}</title>\n"
        f'<meta http-equiv="refresh" content="0; url={href}">\n'
        f'<link rel="canonical" href="{canon}">\n{feed}'
        '<meta name="robots" content="noindex">\n</head>\n<body>\n<main>\n'
        f'<h1>หน้านี้ย้ายไปที่อยู่ใหม่แล้ว</h1>\n<p><a href="{href}">{name}</a></p>\n'
        f'<p lang="en">This page has moved: <a href="{href}">{html.escape(target)}</a></p>\n'
        "</main>\n</body>\n</html>\n"
    )
