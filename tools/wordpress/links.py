"""Where the old site's things are now: posts and pages, files, categories, tags, the feed.

`taxonomy_urls` computes the new address of every WordPress category and tag the way the build
computes slugs (thai_text's `taxonomy_slugs` over every name the site's articles use); `Links`
answers `convert.render` for each link and image of a body.
"""

from __future__ import annotations

import os
from pathlib import Path

from .catalog import Catalog
from . import importer_paths  # noqa: F401  (puts plugins/ on sys.path)
from .plan import Existing, Planned
from .taxonomy import Taxonomy
from .taxonomy import decoded as decoded_slug

from thai_text.slugs import taxonomy_slugs  # noqa: E402


def taxonomy_urls(plans, existing: Existing, catalog: Catalog, taxonomy: Taxonomy, settings) -> dict:
    """(kind, decoded WordPress slug path) -> new URL, computed as the build computes slugs.

    ("category-feed", slug path) -> the new category's feed, where the category is ours."""
    tags = set(existing.article_tags)
    cats = set(existing.article_categories)
    for plan in plans:
        if plan.kind == "post":
            tags.update(plan.tags)
            cats.add(plan.category)
    tag_slugs = taxonomy_slugs(settings, tags)
    cat_slugs = taxonomy_slugs(settings, cats)
    category_url = settings.get("CATEGORY_URL", "category/{slug}/")
    tag_url = settings.get("TAG_URL", "tag/{slug}/")
    urls = {}
    terms = {t.slug: t for t in catalog.export.categories}
    for term in catalog.export.categories or _terms_of_items(catalog, "category"):
        path, seen, parent = [decoded_slug(term.slug)], set(), terms.get(term.parent)
        while parent is not None and parent.slug not in seen:
            seen.add(parent.slug)
            path.insert(0, decoded_slug(parent.slug))
            parent = terms.get(parent.parent)
        ours = taxonomy.ours(term.name)
        if ours is None and taxonomy.is_uncategorized(term.name, term.slug):
            ours = taxonomy.default
        if ours is not None and ours in cat_slugs:
            url = "/" + category_url.format(slug=cat_slugs[ours])
            feed = settings.get("CATEGORY_FEED_RSS") or settings.get("CATEGORY_FEED_ATOM")
            if feed:
                urls[("category-feed", "/".join(path))] = "/" + feed.format(slug=cat_slugs[ours])
        elif term.name in tag_slugs:
            url = "/" + tag_url.format(slug=tag_slugs[term.name])
        else:
            continue
        urls[("category", "/".join(path))] = url
        urls.setdefault(("category", decoded_slug(term.slug)), url)
    for term in catalog.export.tags or _terms_of_items(catalog, "post_tag"):
        name = " ".join(term.name.replace(",", " ").split())
        if name in tag_slugs:
            urls[("tag", decoded_slug(term.slug))] = "/" + tag_url.format(slug=tag_slugs[name])
    return urls


def _terms_of_items(catalog: Catalog, kind: str) -> list:
    seen = {}
    for item in catalog.export.items:
        for term in item.terms:
            if term.kind == kind:
                seen.setdefault(term.slug, term)
    return list(seen.values())


def feed_url(settings: dict) -> str:
    return "/" + (settings.get("FEED_ALL_RSS") or settings.get("FEED_ALL_ATOM") or "feeds/all.atom.xml")


class Links:
    """Where the old site's items, files and archives are now (for `convert.render`)."""

    def __init__(self, plans, catalog: Catalog, settings, media_urls, taxonomy_urls, content: Path, report):
        self.plans = {p.item.post_id: p for p in plans}
        self.catalog = catalog
        self.settings = settings
        self.media_urls = media_urls
        self.taxonomy_urls = taxonomy_urls
        self.content = content
        self.current: Planned | None = None
        self.report = report

    def item(self, item_id: str):
        plan = self.plans.get(item_id)
        if plan is None:
            item = self.catalog.items.get(item_id)
            if item is None:
                return None, ("ไม่มีในไฟล์ส่งออก", "is not in the export")
            return None, ("ไม่ได้นำเข้า (ส่วนตัว ถูกลบ หรือไม่ใช่ข่าว)", "was not imported (private, trashed or not a post)")
        if plan.draft and self.current is not None and not self.current.draft:
            return None, ("ยังเป็นฉบับร่าง", "is still a draft")
        self.report.converted["link"] += 1
        return "{filename}/" + Path(os.path.relpath(plan.file, self.content)).as_posix(), ("", "")

    def media(self, upload: str):
        return self.media_urls.get(upload)

    def taxonomy(self, kind: str, slug: str):
        return self.taxonomy_urls.get((kind, decoded_slug(slug).strip("/")))

    def feed(self) -> str:
        return feed_url(self.settings)

    def home(self) -> str:
        return "/"
