"""Every old WordPress address and where it leads now (for deploy/ and for the build's pages).

`old_addresses(...)` lists one `Redirect` per old address: each post's and page's permalink (and
its `?p=ID` / `?page_id=ID` form), category and tag archives (and their feeds; a category's
`?cat=ID` and a tag's `?tag=slug` too, WordPress's plain links), attachment pages (to the image's
new file or the post it belongs to), the site feed (`/feed/`, `?feed=rss2`), files under
`wp-content/uploads/` (resized copies too), the date archives of every day with a published post
and of its month and year (`/2019/`, `/2019/05/`, `/2019/05/14/`, `?m=2019`, `?m=201905`,
`?m=20190514`: `date_archives`), to that year's archive, whose address is in B.E.
(`/archives/2562/`), and the archive of each author with a published post (`/author/somsri/`,
`?author=2`) to the site's whole archive, its feed to the site's feed (the site has no pages per
author: releases are the office's). Sources without a query are decoded paths: the nginx map matches them against
`$uri`, which nginx has decoded the same way; a query's value is as WordPress wrote it in its
links (a Thai tag slug percent-encoded), which is what nginx's `$arg_tag` holds.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path
from urllib.parse import unquote, urlsplit
from zoneinfo import ZoneInfo

from .catalog import Catalog, normal_path
from .taxonomy import decoded as decoded_slug

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT / "plugins") not in sys.path:
    sys.path.insert(0, str(ROOT / "plugins"))

from thai_date.formats import be_year  # noqa: E402
from wp_legacy.nginx_map import Redirect  # noqa: E402

_SIZE_FILE = re.compile(r'"file";s:\d+:"([^"]+)"')


def _decoded(path: str) -> str:
    return unquote(path, errors="surrogateescape")


def _both(path: str):
    """A folder-like path with and without its trailing slash (WordPress answered both)."""
    yield path
    if path.endswith("/") and len(path) > 1:
        yield path.rstrip("/")


def whole_archive(settings: dict) -> str:
    """The site's archive of every release ("/archives/"), or "/" when it writes none."""
    if not settings.get("ARCHIVES_SAVE_AS", "archives.html"):
        return "/"
    return "/" + (settings.get("ARCHIVES_URL") or "archives/").lstrip("/")


def date_archives(moments, settings: dict, now) -> dict[tuple[int, int, int], str]:
    """(C.E. year, month, day) -> the new archive of that year, for the days of `moments` (the dates
    of the published posts) up to `now`: the year's archive (thai_date's B.E. address), or the
    whole archive when the site writes none. A post dated later has no archive page yet."""
    year_url = settings.get("THAI_DATE_YEAR_ARCHIVE_URL") if settings.get("THAI_DATE_YEAR_ARCHIVE_SAVE_AS") else ""
    whole = whole_archive(settings)
    timezone = settings.get("TIMEZONE") or "Asia/Bangkok"
    days = {}
    for moment in moments:
        if moment is None or moment > now:
            continue
        local = moment.astimezone(ZoneInfo(timezone))
        url = year_url.format(be_year=be_year(local, timezone)) if year_url else whole
        days[(local.year, local.month, local.day)] = "/" + url.lstrip("/")
    return days


def nicename(login: str) -> str:
    """The address WordPress gave an author's archive (`/author/<nicename>/`): its login as
    `sanitize_title` writes it (lower case, full stops and spaces as hyphens, of ASCII only letters,
    digits, `_` and `-`; a Thai login's letters kept, as WordPress percent-encodes them)."""
    name = re.sub(r"[.\s]+", "-", login.strip().lower())
    name = "".join(c for c in name if not c.isascii() or c.isalnum() or c in "_-")
    return re.sub("-{2,}", "-", name).strip("-")


def old_addresses(catalog: Catalog, item_urls: dict[str, tuple[str, str]], media_urls: dict[str, str],
                  taxonomy_urls: dict[tuple[str, str], str], feed_url: str,
                  category_base: str = "category", tag_base: str = "tag",
                  days: dict[tuple[int, int, int], str] | None = None, archive_url: str = "") -> list[Redirect]:
    """Redirects for an import.

    item_urls: WordPress id -> (kind "post"/"page", new URL "/news/slug/") of imported, published
    items; media_urls: upload path -> new URL of its copy; taxonomy_urls: ("category"|"tag",
    decoded WordPress slug) -> new URL; days: `date_archives`; archive_url: `whole_archive`, where
    an author's archive leads ("": authors' archives are left out).
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
    for term in catalog.export.categories:  # WordPress's plain link to a category: ?cat=ID
        url = taxonomy_urls.get(("category", decoded_slug(term.slug)))
        if url and term.term_id.isdigit():
            for prefix in (blog, blog + "index.php"):
                entries.append(Redirect(f"{prefix}?cat={term.term_id}", url, "category"))
    for term in catalog.export.tags:  # and to a tag: ?tag=slug, the slug as stored (Thai percent-encoded)
        url = taxonomy_urls.get(("tag", decoded_slug(term.slug)))
        if url and term.slug:
            for prefix in (blog, blog + "index.php"):
                entries.append(Redirect(f"{prefix}?tag={term.slug.lower()}", url, "tag"))
    if archive_url:
        published = {catalog.items[i].creator for i, (kind, _url) in item_urls.items()
                     if kind == "post" and i in catalog.items}
        for author in catalog.export.authors.values():
            if author.login not in published:
                continue
            name = nicename(author.login)
            for path, target in (((f"author/{name}/", archive_url), (f"author/{name}/feed/", feed_url)) if name else ()):
                for source in _both(blog + path):
                    entries.append(Redirect(source, target, "author"))
            if author.author_id.isdigit():
                for prefix in (blog, blog + "index.php"):
                    entries.append(Redirect(f"{prefix}?author={author.author_id}", archive_url, "author"))
    for path in ("feed/", "feed/rss2/", "feed/rss/", "feed/atom/", "feed/rdf/", "comments/feed/"):
        for source in _both(blog + path):
            entries.append(Redirect(source, feed_url, "feed"))
    for value in ("rss2", "rss", "atom", "rdf"):
        entries.append(Redirect(f"{blog}?feed={value}", feed_url, "feed"))
    periods = {}
    for (year, month, day), url in sorted((days or {}).items()):
        for period in (f"{year}", f"{year}/{month:02d}", f"{year}/{month:02d}/{day:02d}"):
            periods.setdefault(period, url)
    for period, url in periods.items():
        for source in _both(f"{blog}{period}/"):
            entries.append(Redirect(source, url, "date"))
        for prefix in (blog, blog + "index.php"):
            entries.append(Redirect(f"{prefix}?m={period.replace('/', '')}", url, "date"))
    # An old address that is also a new one (an ASCII slug kept as it was) must not redirect.
    return [e for e in entries if normal_path(e.source) != normal_path(e.target) or e.is_query]
