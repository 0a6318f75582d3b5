"""Feed entry ids from `Guid:`: imported posts keep the ids WordPress's feed gave them.

Pelican's feed writer makes each entry's id with `get_tag_uri(link, date)` and then sends the
public signal `feed_generated(context, feed=feed)` before writing. `set_feed_ids(feed, guids,
site_url)` replaces the id of each entry whose link is an article with a `Guid:` (Atom `<id>`,
RSS `<guid isPermaLink="false">`), so a feed reader that already showed the WordPress entry does
not show it again as new. Nothing here imports Pelican.
"""

from __future__ import annotations

from urllib.parse import urlsplit


def url_of_link(link: str, site_url: str) -> str:
    """The site-relative URL (as `article.url`) of a feed entry's absolute link."""
    link = link.split("?ref=feed", 1)[0]
    base = (site_url or "").rstrip("/")
    if base and link.startswith(base + "/"):
        return link[len(base) + 1:]
    return urlsplit(link).path.lstrip("/")


def set_feed_ids(feed, guids: dict[str, str], site_url: str) -> int:
    """Give entries of `feed` (a feedgenerator feed) their GUID; returns how many changed."""
    changed = 0
    for item in getattr(feed, "items", []):
        guid = guids.get(url_of_link(item.get("link", ""), site_url))
        if guid:
            item["unique_id"] = guid
            item["unique_id_is_permalink"] = False
            changed += 1
    return changed
