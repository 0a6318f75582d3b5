"""The old addresses as the site's own pages read them (a static host has no server rules).

A static host (GitHub Pages) answers an old link with a query, `/?p=12&fbclid=...`, with the home
page, and `/index.php?p=12` with the page not found: a file cannot stand at an address with a
query. The build therefore publishes the old addresses in one JSON file, which the home page and
the page not found read (theme/static/js/old-address.js) only when the address asked for has one
of the old parameters, or when the page not found has nothing of the new site to offer:

    {"names": ["p", "page_id"],                 the old parameters (lower case)
     "query": {"/?p=12": "/news/slug/", ...},   path + one parameter, as nginx_key writes it
     "paths": {"/news/ข่าว-เก่า": "/news/slug/"}}  old addresses of articles and pages, decoded,
                                                without their trailing slash

Targets are site-relative from the root, as in the nginx map. `paths` holds only addresses that
lead to an article or a page (not photos, feeds, categories): the page not found compares an
address cut short or mistyped with them. Nothing here imports Pelican.
"""

from __future__ import annotations

import json

from urllib.parse import urlsplit

from .nginx_map import Redirect, nginx_key, query_parts, renderable
from .redirect_pages import old_path


def address_book(entries, pages: set[str]) -> dict:
    """The published map of `entries` (Redirects whose targets exist), `pages` the URLs of the
    site's articles and pages ("/news/slug/")."""
    query: dict[str, str] = {}
    paths: dict[str, str] = {}
    names: set[str] = set()
    for entry in entries:
        if not renderable(entry):
            continue
        if entry.is_query:
            names.add(query_parts(entry.source)[1].lower())
            query.setdefault(nginx_key(entry.source), entry.target)
        elif entry.target in pages:  # one spelling of "/news/old/" and "/news/old"
            paths.setdefault(entry.source.rstrip("/") or "/", entry.target)
    return {"names": sorted(names), "query": dict(sorted(query.items())), "paths": dict(sorted(paths.items()))}


def render_book(book: dict) -> str:
    """The file's text: compact, keys sorted (the same input gives the same bytes)."""
    return json.dumps(book, ensure_ascii=False, separators=(",", ":"), sort_keys=True) + "\n"


def as_redirect(old: str, target: str) -> Redirect | None:
    """An `Old_url:` address (a full URL or a path) as an entry of the map, or None."""
    parts = urlsplit((old or "").strip())
    if parts.query:
        return Redirect(f"{parts.path or '/'}?{parts.query}", target)
    path = old_path(old)
    return Redirect(path, target) if path else None
