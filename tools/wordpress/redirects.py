"""Every old WordPress address and where it leads now (for deploy/ and for the build's pages).

`old_addresses(...)` lists one `Redirect` per old address: each post's and page's permalink (and
its `?p=ID` / `?page_id=ID` form), category and tag archives (and their feeds), attachment pages
(to the image's new file or the post it belongs to), the site feed (`/feed/`, `?feed=rss2`) and
files under `wp-content/uploads/` (resized copies too). Sources are decoded paths: the nginx map
matches them against `$uri`, which nginx has decoded the same way.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path
from urllib.parse import unquote, urlsplit

from .catalog import Catalog, normal_path

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT / "plugins") not in sys.path:
    sys.path.insert(0, str(ROOT / "plugins"))

from wp_legacy.nginx_map import Redirect  # noqa: E402

_SIZE_FILE = re.compile(r'"file";s:\d+:"([^"]+)"')


def _decoded(path: str) -> str:
    return unquote(path, errors="surrogateescape")


def _both(path: str):
    """A folder-like path with and without its trailing slash (WordPress answered both)."""
    yield path
    if path.endswith("/") and len(path) > 1:
        yield path.rstrip("/")


def old_addresses(catalog: Catalog, item_urls: dict[str, tuple[str, str]], media_urls: dict[str, str],
                  taxonomy_urls: dict[tuple[str, str], str], feed_url: str,
                  category_base: str = "category", tag_base: str = "tag") -> list[Redirect]:
    """Redirects for an import.

    item_urls: WordPress id -> (kind "post"/"page", new URL "/news/slug/") of imported, published
    items; media_urls: upload path -> new URL of its copy; taxonomy_urls: ("category"|"tag",
    decoded WordPress slug) -> new URL.
    """
    entries: list[Redirect] = []
    blog = catalog.blog_path  # "/" or "/zerocorruption/"
    for item_id, (kind, url) in item_urls.items():
        item = catalog.items.get(item_id)
        if item is None:
            continue
        parts = urlsplit(item.link)
        if parts.path and not parts.query:
            for source in _both(_decoded(normal_path(parts.path))):
                entries.append(Redirect(source, url, kind))
        key = "page_id" if kind == "page" else "p"
        for prefix in (blog, blog + "index.php"):
            entries.append(Redirect(f"{prefix}?{key}={item_id}", url, "query"))
            if key == "page_id":
                entries.append(Redirect(f"{prefix}?p={item_id}", url, "query"))
    for attachment in catalog.attachments.values():
        target = media_urls.get(attachment.original) or media_urls.get(attachment.rel)
        parent = item_urls.get(attachment.parent)
        target = target or (parent[1] if parent else None)
        if not target:
            continue
        parts = urlsplit(attachment.item.link)
        if parts.path and not parts.query:
            for source in _both(_decoded(normal_path(parts.path))):
                entries.append(Redirect(source, target, "attachment"))
        for prefix in (blog, blog + "index.php"):
            entries.append(Redirect(f"{prefix}?attachment_id={attachment.id}", target, "attachment"))
        # The upload itself and WordPress's resized copies of it.
        uploads = catalog.uploads_paths[0]
        folder = attachment.rel.rsplit("/", 1)[0] + "/" if "/" in attachment.rel else ""
        names = {attachment.rel, attachment.original}
        names |= {folder + name for name in _SIZE_FILE.findall(attachment.item.meta.get("_wp_attachment_metadata", ""))}
        for name in sorted(n for n in names if n):
            entries.append(Redirect(uploads + name, target, "media"))
    for (kind, slug), url in taxonomy_urls.items():
        if kind == "category-feed":
            for source in _both(f"{blog}{category_base}/{slug}/feed/"):
                entries.append(Redirect(source, url, "feed"))
            continue
        base = category_base if kind == "category" else tag_base
        path = f"{blog}{base}/{slug}/"
        for source in _both(path):
            entries.append(Redirect(source, url, kind))
        if (("category-feed", slug) not in taxonomy_urls) or kind != "category":
            for source in _both(f"{path}feed/"):
                entries.append(Redirect(source, url, "feed"))
    for path in ("feed/", "feed/rss2/", "feed/rss/", "feed/atom/", "feed/rdf/", "comments/feed/"):
        for source in _both(blog + path):
            entries.append(Redirect(source, feed_url, "feed"))
    for value in ("rss2", "rss", "atom", "rdf"):
        entries.append(Redirect(f"{blog}?feed={value}", feed_url, "feed"))
    # An old address that is also a new one (an ASCII slug kept as it was) must not redirect.
    return [e for e in entries if normal_path(e.source) != normal_path(e.target) or e.is_query]
