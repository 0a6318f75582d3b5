"""sitemap.xml and robots.txt: what the site holds and where crawlers find it.

Plain functions (no Pelican import) that the generator and the tests call. Dates are formatted by
the caller's `iso` function (thai_date's `iso_datetime` filter: C.E., +07:00).
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from datetime import datetime
from typing import Callable, Iterable
from xml.sax.saxutils import escape
from zoneinfo import ZoneInfo

SITEMAP_NS = "http://www.sitemaps.org/schemas/sitemap/0.9"


@dataclass(frozen=True)
class Entry:
    loc: str
    lastmod: datetime | None


def absolute(base: str, url: str) -> str:
    """Join the site's base address and a site-relative `url` ("" is the home page)."""
    if url.startswith(("http://", "https://")):
        return url
    return f"{base.rstrip('/')}/{url.lstrip('/')}"


def changed(item, timezone: str) -> datetime | None:
    """When `item` (article or page) last changed: Modified, else Date, else its file's time."""
    for attr in ("modified", "date"):
        value = getattr(item, attr, None)
        if isinstance(value, datetime):
            return value
    source = getattr(item, "source_path", None)
    if source and os.path.exists(source):
        return datetime.fromtimestamp(os.path.getmtime(source), ZoneInfo(timezone))
    return None


def newest(items: Iterable, timezone: str) -> datetime | None:
    """The latest change among `items`, or None when there is none."""
    dates = [d for d in (changed(i, timezone) for i in items) if d is not None]
    return max(dates) if dates else None


def collect_entries(context: dict, settings: dict) -> list[Entry]:
    """Every public address of the site with its last change: home, lists, archives, articles, pages."""
    base = settings["SITE_META_BASE_URL"]
    tz = settings["TIMEZONE"]
    articles = list(context.get("articles") or [])
    direct = settings.get("DIRECT_TEMPLATES") or []
    latest = newest(articles, tz)
    entries = [Entry(absolute(base, ""), latest)]
    for name, key in (("categories", "CATEGORIES_URL"), ("tags", "TAGS_URL"), ("archives", "ARCHIVES_URL")):
        if name in direct and settings.get(key):
            entries.append(Entry(absolute(base, settings[key]), latest))
    for category, items in context.get("categories") or []:
        entries.append(Entry(absolute(base, category.url), newest(items, tz)))
    for tag, items in context.get("tags") or []:
        entries.append(Entry(absolute(base, tag.url), newest(items, tz)))
    for granularity in ("year", "month", "day"):
        for period in (context.get("period_archives") or {}).get(granularity, []):
            if period.get("url"):
                entries.append(Entry(absolute(base, period["url"]), newest(period.get("dates") or [], tz)))
    for article in articles:
        entries.append(Entry(absolute(base, article.url), changed(article, tz)))
    for page in context.get("pages") or []:
        entries.append(Entry(absolute(base, page.url), changed(page, tz)))
    seen, unique = set(), []
    for entry in entries:
        if entry.loc not in seen:
            seen.add(entry.loc)
            unique.append(entry)
    return unique


def sitemap_xml(entries: Iterable[Entry], iso: Callable[[datetime], str]) -> str:
    """The sitemap document (sitemaps.org 0.9) for `entries`; `iso` formats lastmod.

    Written as text (one line per element, two spaces per level): the same document ElementTree
    would write, in a tenth of the time (the live preview writes it after every save)."""
    lines = ['<?xml version="1.0" encoding="UTF-8"?>', f'<urlset xmlns="{SITEMAP_NS}">']
    for entry in entries:
        lines.append(f"  <url>\n    <loc>{escape(entry.loc)}</loc>")
        if entry.lastmod is not None:
            lines.append(f"    <lastmod>{escape(str(iso(entry.lastmod)))}</lastmod>")
        lines.append("  </url>")
    if len(lines) == 2:
        lines[1] = f'<urlset xmlns="{SITEMAP_NS}" />'
    else:
        lines.append("</urlset>")
    return "\n".join(lines) + "\n"


def robots_txt(base: str, sitemap_save_as: str, disallow: Iterable[str] = ()) -> str:
    """robots.txt: everything may be crawled except `disallow`; names the sitemap."""
    # Disallow lines come first: Python's robotparser (and other first-match crawlers) take the
    # first rule that matches, so "Allow: /" first would allow everything.
    lines = ["User-agent: *"]
    lines += [f"Disallow: {path}" for path in disallow]
    lines += ["Allow: /"]
    if sitemap_save_as:
        lines += ["", f"Sitemap: {absolute(base, sitemap_save_as)}"]
    return "\n".join(lines) + "\n"
