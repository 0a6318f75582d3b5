"""`invoke import-wordpress`: a WordPress export in, releases, pages, galleries and redirects out.

`run_import(ImportOptions(...))` does the whole import and returns an `ImportReport`:

1. read the export (`wxr.py`) and index it (`catalog.py`); read the last import's ledger;
2. plan: which items are imported (published and scheduled posts as releases, drafts and pending
   posts as `Status: draft`, pages; private, trashed and password-protected items skipped and
   listed), their slugs (thai_text's romanisation, kept from the last run), files, categories,
   tags, galleries and featured images; bodies are prepared (`convert.prepare`);
3. media: every upload a body, gallery or featured image needs is fetched (`media.py`) and
   brought into content/ (`photos.py`: photos cleaned, documents copied);
4. write: Markdown files with our header, captions.txt for each gallery, the nginx redirect file
   in deploy/ and the ledger, each through `files.FileWriter` (no file an author edited is ever
   overwritten); with `dry_run` nothing is written and nothing is downloaded.

Fatal problems (an unreadable export, a missing media folder, a bad option) raise `ImportFailed`
with a Thai and English message; everything else goes into the report.
"""

from __future__ import annotations

import html
import os
import re
import sys
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from bs4 import BeautifulSoup

from .catalog import Catalog
from .convert import Prepared, prepare, render
from .dates import ItemDate, bangkok_date
from .files import LEDGER_NAME, FileWriter, ImportLedger, sha256_file
from .media import Failure, FolderSource, UrlSource
from .photos import cleaned_name, kind_of, process
from .progress import Progress
from .redirects import old_addresses
from .report import ImportReport, NeedsWork
from .taxonomy import Taxonomy, parse_mapping
from .taxonomy import decoded as decoded_slug
from .wxr import ExportError, Item, read_export

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT / "plugins") not in sys.path:
    sys.path.insert(0, str(ROOT / "plugins"))
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from thai_text.slugs import content_slug, is_slug, slug_for, taxonomy_slugs, with_suffix  # noqa: E402
from thai_text.typos import fix_typos  # noqa: E402
from tools.newpost import be_datetime, site_settings  # noqa: E402
from wp_legacy.nginx_map import render as render_map  # noqa: E402

REDIRECT_FILE = "deploy/wordpress-redirects.conf"
IMPORTED_TYPES = ("post", "page")
# Item types that are WordPress's own machinery, never content.
MACHINERY = {"nav_menu_item", "revision", "wp_block", "customize_changeset", "custom_css",
             "oembed_cache", "user_request", "wp_global_styles", "wp_navigation", "wp_template",
             "wp_template_part", "wp_font_family", "wp_font_face", "attachment"}
# Top-level paths the site uses itself: a page may not take one of them as its slug.
RESERVED = {"news", "category", "tag", "archives", "search", "galleries", "theme", "images", "extra",
            "drafts", "feeds", "pagefind", "feed", "page", "404", "wp-content", "wp-admin"}
IMAGES_DIR = "images/wordpress"
FILES_DIR = "extra/wordpress"


class ImportFailed(Exception):
    """The import cannot start or go on; the message says why and what to do (Thai / English)."""


@dataclass
class ImportOptions:
    source: Path
    media_dir: Path | None = None
    media_url: str | None = None
    root: Path = ROOT
    settings_file: Path | None = None
    dry_run: bool = False
    categories: list[str] = field(default_factory=list)  # "WordPress name=our category"
    category_base: str = "category"
    tag_base: str = "tag"
    cache_dir: Path | None = None
    workers: int = 4
    processes: int = 0
    progress: bool | None = None


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


# -- the steps -----------------------------------------------------------------------------------


def run_import(options: ImportOptions) -> ImportReport:
    started = time.perf_counter()
    root = Path(options.root).resolve()
    content = root / "content"
    settings = site_settings(content, _settings(options))
    report = ImportReport(source=str(options.source), dry_run=options.dry_run)
    progress = Progress(options.progress)
    source = _media_source(options, root)

    try:
        export = read_export(options.source)
    except ExportError as exc:
        raise ImportFailed(str(exc)) from None
    if export.version and export.version not in ("1.0", "1.1", "1.2"):
        report.warnings.append(f"ไฟล์ส่งออกรุ่น WXR {export.version} ไม่ใช่ 1.0-1.2 ที่ทดสอบแล้ว / "
                               f"WXR version {export.version} is not one of the tested 1.0-1.2")
    catalog = Catalog(export)
    try:
        ledger = ImportLedger.load(content / LEDGER_NAME)
    except ValueError as exc:
        raise ImportFailed(str(exc)) from None
    writer = FileWriter(root, ledger, dry_run=options.dry_run)
    categories = list(settings.get("CATEGORIES") or [])
    try:
        taxonomy = Taxonomy(categories, settings.get("DEFAULT_CATEGORY") or (categories or ["ข่าว"])[0],
                            parse_mapping(options.categories, categories))
    except ValueError as exc:
        raise ImportFailed(str(exc)) from None

    _count(export, report)
    existing = _existing_content(content, ledger, settings)
    plans = _plan(export, catalog, ledger, taxonomy, existing, content, report, settings)
    with progress.step("เตรียมเนื้อหา / preparing bodies", len(plans)) as advance:
        for plan in plans:
            plan.prepared = prepare(plan.item, catalog)
            _plan_gallery(plan, catalog)
            advance()
    _name_galleries(plans, existing, content)

    body_dest, gallery_dest = _plan_media(plans, catalog, content, report, settings)
    fetched = _fetch(source, body_dest, gallery_dest, catalog, options, progress, report)
    media_urls, gallery_files = _bring_in(body_dest, gallery_dest, fetched, catalog, writer, options,
                                          progress, report, content)

    taxonomy_urls = _taxonomy_urls(plans, existing, catalog, taxonomy, settings)
    links = _Links(plans, catalog, settings, media_urls, taxonomy_urls, content, report)
    with progress.step("เขียนข่าวและหน้า / writing releases and pages", len(plans)) as advance:
        for plan in plans:
            _write_plan(plan, catalog, links, writer, gallery_files, content, settings, report)
            ledger.items[plan.item.post_id] = {"type": plan.kind, "slug": plan.slug,
                                               "file": writer.rel(plan.file), "gallery": plan.gallery}
            advance()

    item_urls = {p.item.post_id: (p.kind, p.url(settings)) for p in plans if not p.draft}
    redirects = old_addresses(catalog, item_urls, {k: "/" + v.split("}", 1)[1].lstrip("/")
                                                   for k, v in media_urls.items()},
                              taxonomy_urls, _feed_url(settings), options.category_base, options.tag_base)
    report.redirects.update(Counter(r.kind for r in redirects))
    writer.write_text(root / REDIRECT_FILE, render_map(redirects))
    writer.save_ledger()

    report.files.update(writer.counts)
    report.conflicts.extend(writer.conflicts)
    report.seconds = time.perf_counter() - started
    return report


def _settings(options: ImportOptions) -> dict:
    from pelican.settings import read_settings

    path = Path(options.settings_file or (ROOT / "pelicanconf.py"))
    cwd = os.getcwd()
    try:
        os.chdir(path.resolve().parent)
        return read_settings(str(path))
    except Exception as exc:  # any problem of the settings file: say which and why
        raise ImportFailed(f"{path}: อ่านการตั้งค่าไม่ได้ ({exc}) / cannot read the settings ({exc})") from None
    finally:
        os.chdir(cwd)


def _media_source(options: ImportOptions, root: Path):
    if bool(options.media_dir) == bool(options.media_url):
        raise ImportFailed("ให้ระบุ --media-dir โฟลเดอร์ หรือ --media-url ที่อยู่เว็บไซต์เดิม อย่างใดอย่างหนึ่ง / "
                           "give exactly one of --media-dir DIR or --media-url URL")
    if options.media_dir:
        source = FolderSource(options.media_dir)
    else:
        cache = options.cache_dir or (root / "cache" / "wordpress" / "media")
        source = UrlSource(options.media_url, cache, workers=options.workers)
    failure = source.check()
    if failure:
        raise ImportFailed(str(failure))
    return source


def _count(export, report: ImportReport) -> None:
    for item in export.items:
        report.types[item.post_type or "?"] += 1
        report.terms["comments"] += item.comments
    report.terms["categories"] = len(export.categories) or len({t.slug for i in export.items for t in i.categories})
    report.terms["tags"] = len(export.tags) or len({t.slug for i in export.items for t in i.tags})
    report.terms["authors"] = len(export.authors)


# -- planning ------------------------------------------------------------------------------------


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


def _existing_content(content: Path, ledger: ImportLedger, settings: dict) -> Existing:
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


def _plan(export, catalog: Catalog, ledger: ImportLedger, taxonomy: Taxonomy, existing: Existing,
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


def _plan_gallery(plan: Planned, catalog: Catalog) -> None:
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


def _name_galleries(plans: list[Planned], existing: Existing, content: Path) -> None:
    for plan in plans:
        if plan.gallery_ids:
            plan.gallery = plan.slug  # slugs are unique among posts, pages and existing galleries


# -- media ---------------------------------------------------------------------------------------


def _ascii_name(name: str, settings: dict) -> str:
    """A file name safe in a URL: an ASCII name is kept, a Thai one romanised (ป้าย.jpg -> pai.jpg)."""
    stem, suffix = os.path.splitext(name)
    if stem.isascii() and re.fullmatch(r"[A-Za-z0-9._-]+", stem):
        return stem + suffix.lower()
    return (slug_for(settings, stem) or "file") + suffix.lower()


def _plan_media(plans: list[Planned], catalog: Catalog, content: Path, report: ImportReport, settings: dict):
    """body: upload -> destination; gallery: (gallery, attachment id) -> destination."""
    body: dict[str, Path] = {}
    taken: set[Path] = set()
    for plan in plans:
        for upload in plan.prepared.uploads:
            if upload in body:
                continue
            kind = kind_of(upload)
            if kind is None:
                plan.problems.append((f"ไม่นำเข้าไฟล์ {upload} (ชนิดไฟล์ที่เว็บไซต์ไม่เผยแพร่)",
                                      f"{upload} was not imported (a file type the site does not publish)"))
                continue
            folder = PurePosixPath(upload).parent.as_posix()
            base = IMAGES_DIR if kind == "photo" or upload.lower().endswith(".gif") else FILES_DIR
            name = _ascii_name(PurePosixPath(upload).name, settings)
            name = cleaned_name(name) if kind == "photo" else name
            dest = _unique(content / base / ("" if folder == "." else folder) / name, taken, upload)
            body[upload] = dest
    gallery: dict[tuple[str, str], Path] = {}
    for plan in plans:
        folder_taken: set[Path] = set()
        for att_id in plan.gallery_ids:
            att = catalog.attachments[att_id]
            name = cleaned_name(_ascii_name(PurePosixPath(att.original).name, settings))
            gallery[(plan.gallery, att_id)] = _unique(content / "galleries" / plan.gallery / name,
                                                       folder_taken, att.original)
    report.media["body-files"] = len(body)
    report.media["gallery-photos"] = len(gallery)
    report.media["galleries"] = sum(1 for p in plans if p.gallery_ids)
    used = {u for p in plans for u in p.prepared.uploads} | {
        catalog.attachments[i].original for p in plans for i in p.gallery_ids}
    report.media["unused"] = sum(1 for a in catalog.attachments.values() if a.original not in used)
    return body, gallery


def _unique(path: Path, taken: set[Path], key: str) -> Path:
    if path not in taken:
        taken.add(path)
        return path
    stem = with_suffix(path.stem.lower(), key, 80)
    candidate = path.with_name(stem + path.suffix)
    taken.add(candidate)
    return candidate


def _fetch(source, body: dict[str, Path], gallery: dict[tuple[str, str], Path], catalog: Catalog,
           options: ImportOptions, progress: Progress, report: ImportReport) -> dict[str, Path | Failure]:
    """upload path -> local file (the original, else WordPress's attached copy) or Failure."""
    wanted = list(dict.fromkeys(list(body) + [catalog.attachments[a].original for _g, a in gallery]))
    site_rel = {u: catalog.site_relative(u) for u in wanted}
    with progress.step("ดึงไฟล์สื่อ / fetching media", len(wanted)) as advance:
        got = source.fetch_all(site_rel.values(), advance, dry_run=options.dry_run)
    result: dict[str, Path | Failure] = {u: got[site_rel[u]] for u in wanted}
    retry = {}
    for upload, outcome in result.items():
        att = catalog.attachment_for_upload(upload)
        if isinstance(outcome, Failure) and att and att.rel != upload and not options.dry_run:
            retry[upload] = catalog.site_relative(att.rel)
    if retry:
        again = source.fetch_all(retry.values(), None)
        for upload, rel in retry.items():
            if not isinstance(again[rel], Failure):
                result[upload] = again[rel]
    if isinstance(source, UrlSource):
        report.media["fetched"] = source.downloaded
        report.media["from-cache"] = source.from_cache
    else:
        report.media["found"] = sum(1 for v in result.values() if not isinstance(v, Failure))
    for upload, outcome in result.items():
        if isinstance(outcome, Failure) and not options.dry_run:
            report.media["failed"] += 1
            report.media_failures.append((upload, str(outcome)))
    return result


def _bring_in(body, gallery, fetched, catalog: Catalog, writer: FileWriter, options: ImportOptions,
              progress: Progress, report: ImportReport, content: Path):
    """Clean or copy what was fetched into content/. Returns (upload -> {static} URL, gallery files)."""
    jobs, plan_for = [], {}
    final: dict[Path, Path] = {}
    everything = [(u, d) for u, d in body.items()] + [
        (catalog.attachments[a].original, d) for (_g, a), d in gallery.items()]
    for upload, dest in everything:
        src = fetched.get(upload)
        if src is None or isinstance(src, Failure):
            if options.dry_run:  # not downloaded in a dry run: it would be added if missing
                writer.note("added" if not dest.exists() else "unchanged", dest)
                final[dest] = dest
            continue
        source_sha = sha256_file(src)
        action = writer.decide_media(dest, source_sha)
        if action in ("added", "updated"):
            if options.dry_run:
                writer.note(action, dest)
                final[dest] = dest
            else:
                jobs.append((str(src), str(dest)))
                plan_for[str(dest)] = (dest, source_sha, action)
        else:
            writer.note(action, dest)
            final[dest] = dest
    with progress.step("ทำความสะอาดภาพ / cleaning photos", len(jobs)) as advance:
        done = process(jobs, options.processes, advance)
    for result in done:
        dest, source_sha, action = plan_for[result.planned]
        if result.final is None:
            report.media["bad"] += 1
            report.media_failures.append((writer.rel(dest), f"{result.error[0]} / {result.error[1]}"))
            continue
        path = Path(result.final)
        writer.record_media(path, source_sha)
        writer.note(action, path)
        report.media["cleaned" if result.cleaned else "copied"] += 1
        final[dest] = path
    media_urls = {}
    for upload, dest in body.items():
        if dest in final:
            media_urls[upload] = "{static}/" + Path(os.path.relpath(final[dest], content)).as_posix()
    gallery_files = {key: final[d] for key, d in gallery.items() if d in final}
    return media_urls, gallery_files


# -- links and taxonomy --------------------------------------------------------------------------


def _taxonomy_urls(plans, existing: Existing, catalog: Catalog, taxonomy: Taxonomy, settings) -> dict:
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


def _feed_url(settings: dict) -> str:
    return "/" + (settings.get("FEED_ALL_RSS") or settings.get("FEED_ALL_ATOM") or "feeds/all.atom.xml")


class _Links:
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
        return _feed_url(self.settings)

    def home(self) -> str:
        return "/"


# -- writing -------------------------------------------------------------------------------------


def _write_plan(plan: Planned, catalog: Catalog, links: _Links, writer: FileWriter, gallery_files,
                content: Path, settings: dict, report: ImportReport) -> None:
    links.current = plan
    body, problems = render(plan.prepared, links, catalog)
    problems = plan.problems + [p for p in problems if p not in plan.problems]
    report.converted.update(plan.prepared.converted)
    photos = [(a, gallery_files[(plan.gallery, a)]) for a in plan.gallery_ids if (plan.gallery, a) in gallery_files]
    gallery_line = cover = ""
    if photos:
        lines = ["# ภาพจากเว็บไซต์ WordPress เดิม: ชื่อไฟล์: คำบรรยาย (นำเข้าโดย invoke import-wordpress)"]
        for att_id, path in photos:
            att = catalog.attachments[att_id]
            caption = att.caption or plan.prepared.gallery_captions.get(att_id, "") or att.alt
            lines.append(f"{path.name}: {fix_typos(' '.join(caption.split()))}".rstrip())
        writer.write_text(content / "galleries" / plan.gallery / "captions.txt", "\n".join(lines) + "\n")
        gallery_line = plan.gallery
        if plan.cover_id and (plan.gallery, plan.cover_id) in gallery_files:
            cover = gallery_files[(plan.gallery, plan.cover_id)].name
    elif plan.gallery_ids:
        problems.append(("ไม่มีภาพในแกลเลอรีที่ดึงมาได้ จึงไม่มีแกลเลอรี", "none of the gallery's photos could be fetched: no gallery"))
    if not body.strip() and photos:
        body = f"ภาพ{'กิจกรรม' if plan.kind == 'post' else ''}ทั้งหมด {len(photos)} ภาพ\n"
        problems.append(("มีแต่แกลเลอรี ไม่มีข้อความ: เขียนคำอธิบายสั้น ๆ แทนบรรทัดที่ใส่ไว้ให้",
                         "only a gallery, no text: write a short description instead of the line put there"))
    elif not body.strip():
        problems.append(("เนื้อหาว่าง: เขียนเนื้อหาหรือลบไฟล์นี้", "the body is empty: write it or delete the file"))
    text = _header_text(plan, gallery_line, cover) + "\n" + (body or "")
    outcome = writer.write_text(plan.file, text)
    if outcome.action != "unchanged":
        report.written.append(outcome.path)
    if problems:
        report.needs_work.append(NeedsWork(writer.rel(plan.file), plan.title, problems))


def _header_text(plan: Planned, gallery: str, cover: str) -> str:
    lines = [f"Title: {plan.title}"]
    if plan.kind == "post":
        moment = plan.date.moment or _now()
        lines += [f"Date: {be_datetime(moment, 'Asia/Bangkok')}", f"Category: {plan.category}"]
        if plan.tags:
            lines.append(f"Tags: {', '.join(plan.tags)}")
    lines.append(f"Slug: {plan.slug}")
    if plan.author and plan.kind == "post":
        lines.append(f"Author: {plan.author}")
    if plan.summary:
        lines.append(f"Summary: {plan.summary}")
    if plan.draft:
        lines.append("Status: draft")
    if gallery:
        lines.append(f"Gallery: {gallery}")
        if cover:
            lines.append(f"Cover: {cover}")
    if plan.item.link and "?" not in plan.item.link:
        lines.append(f"Old_url: {plan.item.link}")
    if plan.kind == "post" and plan.item.guid:
        lines.append(f"Guid: {plan.item.guid}")
    return "\n".join(lines) + "\n"


def _now():
    import datetime as _dt

    from .dates import BANGKOK

    return _dt.datetime.now(BANGKOK).replace(second=0, microsecond=0)
