"""Feeds as feed readers expect them: language, description, absolute links and stable ids.

Pelican's writer leaves the feed's language out, gives RSS an empty description (SITESUBTITLE),
and makes each entry id from the entry's link: with SITEURL empty (development) that is
`tag:None,...`, and an id that changes with the address makes every reader show the whole archive
again as new. On `feed_generated` (sent with the finished feed object, before it is written):

- the feed's language is DEFAULT_LANG and its description SITE_META_DESCRIPTION;
- a relative entry link gets the feed's domain (FEED_DOMAIN), so development feeds work too;
- each entry id is the entry's own `Guid:` metadata when it has one (an archive imported from
  WordPress keeps its old GUIDs: wp_legacy and the importer write it), else a tag URI made from the production address (SITE_DOMAIN) and
  the entry's path and date, the same in development and production;
- RSS says the id is not a link (`isPermaLink="false"`): it is a name, not an address.
"""

from __future__ import annotations

from urllib.parse import urljoin, urlsplit

from feedgenerator import get_tag_uri


def stable_id(site_domain: str, path: str, date) -> str:
    """A tag URI for the entry at `path` (relative to the site), independent of where it is served."""
    return get_tag_uri(urljoin(site_domain.rstrip("/") + "/", path.lstrip("/")), date)


def complete_feed(context, feed) -> None:
    """`feed_generated` handler: language, description, absolute links and stable ids."""
    settings = context
    feed.feed["language"] = settings.get("DEFAULT_LANG") or None
    description = settings.get("SITESUBTITLE") or settings.get("SITE_META_DESCRIPTION") or ""
    if not feed.feed.get("description"):
        feed.feed["description"] = description
    domain = settings.get("SITE_DOMAIN") or settings.get("SITEURL") or ""
    base = (settings.get("FEED_DOMAIN") or settings.get("SITEURL") or domain).rstrip("/") + "/"
    by_url = {}
    for name in ("articles", "pages"):
        for item in context.get(name) or []:
            by_url[getattr(item, "url", "")] = item
    for entry in feed.items:
        link = entry.get("link") or ""
        if not urlsplit(link).scheme:
            link = entry["link"] = urljoin(base, link.lstrip("/"))
        path = urlsplit(link).path.lstrip("/")
        item = by_url.get(path)
        own_id = item.metadata.get("guid") if item is not None else None
        if own_id:
            entry["unique_id"] = str(own_id).strip()
        elif domain and entry.get("pubdate"):
            entry["unique_id"] = stable_id(domain, path, entry["pubdate"])
        entry["unique_id_is_permalink"] = False
