"""The old addresses as the site's own pages read them (a static host has no server rules).

A static host (GitHub Pages) answers an old link with a query, `/?p=12&fbclid=...`, with the home
page, and `/index.php?p=12` with the page not found: a file cannot stand at an address with a
query. The build therefore publishes the old addresses in a folder of small JSON files, which the
home page and the page not found read (theme/static/js/old-address.js) only when the address
asked for has one of the old parameters, or when the page not found has nothing of the new site
to offer; one file per parameter, so that a `?p=` link does not load every photo's `?attachment_id=`:

    query-p.json        {"/?p=12": "/news/slug/", ...}
    query-page_id.json  ... (path + one parameter, as nginx_key writes it; `/index.php?p=12`
                        only where it leads elsewhere than `/?p=12`)
    paths.json          {"/news/ข่าว-เก่า": "/news/slug/", ...}

Targets are site-relative from the root, as in the nginx map. `paths.json` holds the old
addresses (decoded, without their trailing slash) that lead to a page of the site (an article, a
page, a category, a tag, a year's archive: a target ending in "/"), not to a photo or a feed, nor
an attachment page under the post it leads to: the page not found compares an address cut short,
mistyped or with more after it (`/category/ข่าว/page/2/`, `/news/ข่าว/amp/`) with them. Nothing
here imports Pelican.
"""

from __future__ import annotations

import json
import re
from urllib.parse import urlsplit

from .nginx_map import Redirect, nginx_key, query_parts, renderable
from .redirect_pages import old_path


PATHS_FILE = "paths.json"
# WordPress's front controller: `/index.php?p=12` is `/?p=12`.
_FRONT = re.compile(r"/index\.php\?")


def query_file(name: str) -> str:
    """The file of the old addresses whose query is the parameter `name` (lower case)."""
    return f"query-{name}.json"


def address_book(entries) -> dict:
    """{"query": {parameter: {source: target}}, "paths": {old path: target}} of `entries`
    (Redirects whose targets exist)."""
    query: dict[str, dict[str, str]] = {}
    paths: dict[str, str] = {}
    for entry in entries:
        if not renderable(entry):
            continue
        if entry.is_query:
            name = query_parts(entry.source)[1]
            query.setdefault(name.lower(), {}).setdefault(nginx_key(entry.source), entry.target)
        elif entry.target.endswith("/"):  # one spelling of "/news/old/" and "/news/old"
            paths.setdefault(entry.source.rstrip("/") or "/", entry.target)
    # `/index.php?p=12` where `/?p=12` leads to the same page: old-address.js asks for the latter
    for found in query.values():
        for key in [k for k in found if _FRONT.search(k)]:
            if found.get(_FRONT.sub("/?", key, count=1)) == found[key]:
                del found[key]
    # an attachment page under the post it leads to: the post's own address is enough
    paths = {old: target for old, target in paths.items() if paths.get(old.rsplit("/", 1)[0]) != target}
    return {"query": {name: dict(sorted(found.items())) for name, found in sorted(query.items())},
            "paths": dict(sorted(paths.items()))}


def book_files(book: dict) -> dict[str, str]:
    """{file name: text} of the book: compact JSON, keys sorted (the same input, the same bytes)."""
    def text(data):
        return json.dumps(data, ensure_ascii=False, separators=(",", ":"), sort_keys=True) + "\n"

    files = {query_file(name): text(found) for name, found in book["query"].items()}
    files[PATHS_FILE] = text(book["paths"])
    return files


def as_redirect(old: str, target: str) -> Redirect | None:
    """An `Old_url:` address (a full URL or a path) as an entry of the map, or None."""
    parts = urlsplit((old or "").strip())
    if parts.query:
        return Redirect(f"{parts.path or '/'}?{parts.query}", target)
    path = old_path(old)
    return Redirect(path, target) if path else None
