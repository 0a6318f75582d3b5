"""Planning an import: which items become files, with which slug, category, tags and gallery.

`existing_content` reads what the site already has (slugs, tags, categories, galleries not made by
the import); `plan_items` decides for every WordPress item (published and scheduled posts become
releases, drafts and pending posts `Status: draft`, pages keep their parents as folders; private,
trashed and password-protected items are skipped and listed) and gives each a slug: the last
import's, a readable ASCII slug WordPress already had, or the title romanised by thai_text.
"""

from __future__ import annotations

import html
import os
import re
from dataclasses import dataclass, field
from pathlib import Path

from bs4 import BeautifulSoup

from .catalog import Catalog
from .convert import Prepared
from .dates import ItemDate, bangkok_date
from .files import ImportLedger
from .photos import kind_of
from .report import ImportReport
from .taxonomy import Taxonomy
from .wxr import Item
from . import importer_paths  # noqa: F401  (puts plugins/ on sys.path)

from thai_text.slugs import content_slug, is_slug, slug_for, with_suffix  # noqa: E402
from thai_text.typos import fix_typos  # noqa: E402


IMPORTED_TYPES = ("post", "page")

# Item types that are WordPress's own machinery, never content.
MACHINERY = {"nav_menu_item", "revision", "wp_block", "customize_changeset", "custom_css",
             "oembed_cache", "user_request", "wp_global_styles", "wp_navigation", "wp_template",
             "wp_template_part", "wp_font_family", "wp_font_face", "attachment"}

# Top-level paths the site uses itself: a page may not take one of them as its slug.
RESERVED = {"news", "category", "tag", "archives", "search", "galleries", "theme", "images", "extra",
            "drafts", "feeds", "pagefind", "feed", "page", "404", "wp-content", "wp-admin"}


@dataclass


class Planned:
    item: Item
    kind: str  # "post" or "page"
    draft: bool
    slug: str
    file: Path  # absolute
    title: str
    date: ItemDate
    category: str = ""
    tags: list[str] = field(default_factory=list)
    author: str = ""
    summary: str = ""
    prepared: Prepared | None = None
    gallery: str = ""  # folder name under content/galleries/
    gallery_ids: list[str] = field(default_factory=list)
    cover_id: str = ""
    problems: list[tuple[str, str]] = field(default_factory=list)

    def url(self, settings: dict) -> str:
        pattern = settings.get("ARTICLE_URL" if self.kind == "post" else "PAGE_URL", "{slug}/")
        return "/" + pattern.format(slug=self.slug)


@dataclass


class Existing:
    """Content not written by the import: its slugs, tags and categories."""

    slugs: set[str] = field(default_factory=set)
    article_tags: set[str] = field(default_factory=set)
    article_categories: set[str] = field(default_factory=set)
    galleries: set[str] = field(default_factory=set)

_HEADER = re.compile(r"^([A-Za-z][A-Za-z0-9_-]*):\s*(.*)$")


def _header(path: Path) -> dict[str, str]:
    meta = {}
    try:
        with open(path, encoding="utf-8-sig", errors="replace") as f:
            for line in f:
                m = _HEADER.match(line.rstrip("\n"))
                if not m:
                    break
                meta[m.group(1).lower()] = m.group(2).strip()
    except OSError:
        pass
    return meta


def existing_content(content: Path, ledger: ImportLedger, settings: dict) -> Existing:
    ours = {v.get("file") for v in ledger.items.values()}
    existing = Existing()
    for folder, kind in (("news", "post"), ("pages", "page")):
        base = content / folder
        for path in sorted(base.rglob("*.md")) if base.is_dir() else []:
            rel = Path(os.path.relpath(path, content.parent)).as_posix()
            meta = _header(path)
            slug = content_slug(settings, meta.get("slug", ""), rel)
            if rel not in ours:
                existing.slugs.add(slug)
            if kind == "post":
                existing.article_tags.update(t.strip() for t in meta.get("tags", "").split(",") if t.strip())
                if meta.get("category"):
                    existing.article_categories.add(meta["category"])
    galleries = content / "galleries"
    ours_galleries = {v.get("gallery") for v in ledger.items.values()}
    if galleries.is_dir():
        existing.galleries = {p.name for p in galleries.iterdir() if p.is_dir() and p.name not in ours_galleries}
    return existing


def _status(item: Item) -> str:
    if item.post_password:
        return "password"
    return item.status or "draft"


def plan_items(export, catalog: Catalog, ledger: ImportLedger, taxonomy: Taxonomy, existing: Existing,
          content: Path, report: ImportReport, settings: dict) -> list[Planned]:
    plans: list[Planned] = []
    for item in export.items:
        kind = item.post_type
        if kind in MACHINERY:
            continue
        title = _title(item.title)
        if kind not in IMPORTED_TYPES:
            report.skipped.append((f"ชนิด {kind} ที่เว็บไซต์ใหม่ไม่มี / post type {kind} the new site does not have",
                                   title or item.post_id, item.link))
            continue
        status = _status(item)
        report.statuses[status] += 1
        if status in ("private", "trash", "password", "auto-draft", "inherit"):
            if status != "auto-draft":
                label = {"private": "ส่วนตัว / private", "trash": "อยู่ในถังขยะ / trashed",
                         "password": "มีรหัสผ่าน / password-protected"}.get(status, status)
                report.skipped.append((label, title or f"id {item.post_id}", item.link))
            continue
        draft = status not in ("publish", "future")
        date = bangkok_date(item.post_date, item.post_date_gmt)
        plan = Planned(item=item, kind="post" if kind == "post" else "page", draft=draft, slug="",
                       file=content, title=title, date=date)
        if not title:
            plan.title = f"ไม่มีชื่อเรื่อง (WordPress id {item.post_id})"
            plan.problems.append(("ไม่มีชื่อเรื่องใน WordPress: ตั้งชื่อเรื่องใหม่", "no title in WordPress: give it one"))
        if date.note:
            plan.problems.append(date.note)
        if plan.kind == "post" and not draft and item.is_sticky.strip() == "1":
            # WordPress's sticky post has no end; the new site's ข่าวเด่น has one (site_meta's
            # Featured_until:), so the import does not invent a day: the report asks for it.
            plan.problems.append((
                "ปักหมุดไว้บนหน้าแรกของเว็บไซต์เดิม (sticky): ถ้ายังต้องการให้อยู่บนสุดของหน้าแรก "
                "ให้ใส่ ข่าวเด่นจนถึง ในระบบเขียนข่าว",
                "sticky on the old site: to keep it at the top of the home page, set ข่าวเด่นจนถึง "
                "(Featured_until:) in the web editor"))
        if date.moment is None and plan.kind == "post":
            plan.problems.append(("ไม่มีวันที่ที่อ่านได้ ใช้เวลาที่นำเข้าแทน: ตรวจวันที่", "no readable date; the import time is used: check the date"))
        if plan.kind == "post":
            plan.category, plan.tags = taxonomy.classify([(t.name, t.slug) for t in item.categories],
                                                         [t.name for t in item.tags])
        author = export.authors.get(item.creator)
        plan.author = author.display_name if author else item.creator
        plan.summary = _one_line(item.excerpt)
        plans.append(plan)
    plans.sort(key=lambda p: (p.kind != "page", p.date.moment.isoformat() if p.date.moment else "",
                              int(p.item.post_id) if p.item.post_id.isdigit() else 0))
    _assign_slugs(plans, ledger, existing, content, settings)
    return plans


def _title(raw: str) -> str:
    text = html.unescape(raw or "")
    if "<" in text:
        text = BeautifulSoup(text, "html.parser").get_text(" ")
    return fix_typos(" ".join(text.split()))


def _one_line(fragment: str) -> str:
    text = html.unescape(fragment or "")
    if "<" in text:
        text = BeautifulSoup(text, "html.parser").get_text(" ")
    return fix_typos(" ".join(text.split()))


def _assign_slugs(plans: list[Planned], ledger: ImportLedger, existing: Existing, content: Path,
                  settings: dict) -> None:
    """Each item's slug: the last import's, else a readable ASCII slug WordPress had, else the title
    romanised by thai_text (`slug_for`, as the build does), made unique with thai_text's suffix."""
    used = set(existing.slugs) | set(existing.galleries) | RESERVED
    by_id = {p.item.post_id: p for p in plans}
    for plan in plans:  # slugs given by an earlier run stay
        known = ledger.items.get(plan.item.post_id)
        if known and known.get("slug") and known["slug"] not in used:
            plan.slug = known["slug"]
            used.add(plan.slug)
    for plan in plans:
        if plan.slug:
            continue
        # A readable ASCII slug WordPress already had is kept (its address needs no redirect);
        # a percent-encoded Thai one never is: the title is romanised instead.
        wp_slug = plan.item.post_name.strip().lower()
        if is_slug(wp_slug) and wp_slug not in used and not wp_slug.isdigit():
            plan.slug = wp_slug
            used.add(wp_slug)
            continue
        base = slug_for(settings, plan.title) or f"wp-{plan.item.post_id}"
        slug = base
        if slug in used:
            slug = with_suffix(base, f"wordpress-{plan.item.post_id}")
            n = 2
            while slug in used:
                slug = with_suffix(base, f"wordpress-{plan.item.post_id}-{n}")
                n += 1
        plan.slug = slug
        used.add(slug)
    for plan in plans:
        known = ledger.items.get(plan.item.post_id)
        if known and known.get("file") and known.get("slug") == plan.slug:
            plan.file = content.parent / known["file"]
        elif plan.kind == "post":
            plan.file = content / "news" / f"{plan.slug}.md"
        else:
            parents, seen, parent = [], set(), by_id.get(plan.item.post_parent)
            while parent is not None and parent.kind == "page" and parent.item.post_id not in seen:
                seen.add(parent.item.post_id)
                parents.insert(0, parent.slug)
                parent = by_id.get(parent.item.post_parent)
            plan.file = content.joinpath("pages", *parents, f"{plan.slug}.md")


def plan_gallery(plan: Planned, catalog: Catalog) -> None:
    ids = []
    for gallery in plan.prepared.galleries:
        ids += [i for i in gallery if i not in ids]
    if len(plan.prepared.galleries) > 1:
        plan.problems.append((f"มี {len(plan.prepared.galleries)} แกลเลอรีในข่าวเดียว รวมเป็นแกลเลอรีเดียวท้ายข่าว",
                              f"{len(plan.prepared.galleries)} galleries in one post were joined into one at its end"))
    thumb = plan.item.meta.get("_thumbnail_id", "").strip()
    if thumb:
        if thumb in catalog.attachments and kind_of(catalog.attachments[thumb].original) == "photo":
            plan.cover_id = thumb
            if thumb not in ids:
                ids.insert(0, thumb)
            plan.prepared.converted["featured"] += 1
        else:
            plan.problems.append((f"ไม่พบภาพเด่น (_thumbnail_id {thumb}) ในไฟล์ส่งออก",
                                  f"the featured image (_thumbnail_id {thumb}) is not in the export"))
    photos = [i for i in ids if kind_of(catalog.attachments[i].original) == "photo"]
    if len(photos) < len(ids):
        plan.problems.append(("แกลเลอรีมีไฟล์ที่ไม่ใช่ภาพถ่าย (เช่น GIF หรือ PDF) ซึ่งไม่ได้นำเข้า",
                              "the gallery holds files that are not photos (GIF, PDF...), not imported"))
    plan.gallery_ids = photos


def name_galleries(plans: list[Planned]) -> None:
    for plan in plans:
        if plan.gallery_ids:
            plan.gallery = plan.slug  # slugs are unique among posts, pages and existing galleries
