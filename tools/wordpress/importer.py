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

import datetime as _dt
import os
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from .bring_in import bring_in, fetch_media, plan_media
from .catalog import Catalog
from .convert import prepare, render
from .files import LEDGER_NAME, FileWriter, ImportLedger
from .importer_paths import ROOT
from .links import Links, feed_url, taxonomy_urls
from .media import FolderSource, UrlSource
from .plan import Planned, existing_content, name_galleries, plan_gallery, plan_items
from .progress import Progress
from .redirects import date_archives, old_addresses, whole_archive
from .report import ImportReport, NeedsWork
from .taxonomy import Taxonomy, parse_mapping
from .wxr import ExportError, read_export

from thai_text.typos import fix_typos  # noqa: E402
from tools.newpost import be_datetime, site_settings  # noqa: E402
from wp_legacy.nginx_map import render as render_map  # noqa: E402

REDIRECT_FILE = "deploy/wordpress-redirects.conf"


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


# -- the steps -----------------------------------------------------------------------------------


def run_import(options) -> ImportReport:
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
    existing = existing_content(content, ledger, settings)
    plans = plan_items(export, catalog, ledger, taxonomy, existing, content, report, settings)
    with progress.step("เตรียมเนื้อหา / preparing bodies", len(plans)) as advance:
        for plan in plans:
            plan.prepared = prepare(plan.item, catalog)
            plan_gallery(plan, catalog)
            advance()
    name_galleries(plans)

    body_dest, gallery_dest = plan_media(plans, catalog, content, report, settings)
    fetched = fetch_media(source, body_dest, gallery_dest, catalog, options, progress, report)
    media_urls, gallery_files = bring_in(body_dest, gallery_dest, fetched, catalog, writer, options,
                                          progress, report, content)

    new_taxonomy = taxonomy_urls(plans, existing, catalog, taxonomy, settings)
    links = Links(plans, catalog, settings, media_urls, new_taxonomy, content, report)
    with progress.step("เขียนข่าวและหน้า / writing releases and pages", len(plans)) as advance:
        for plan in plans:
            _write_plan(plan, catalog, links, writer, gallery_files, content, settings, report)
            ledger.items[plan.item.post_id] = {"type": plan.kind, "slug": plan.slug,
                                               "file": writer.rel(plan.file), "gallery": plan.gallery}
            advance()

    item_urls = {p.item.post_id: (p.kind, p.url(settings)) for p in plans if not p.draft}
    days = date_archives((p.date.moment for p in plans if p.kind == "post" and not p.draft), settings,
                         _dt.datetime.now(_dt.timezone.utc))
    redirects = old_addresses(catalog, item_urls, {k: "/" + v.split("}", 1)[1].lstrip("/")
                                                   for k, v in media_urls.items()},
                              new_taxonomy, feed_url(settings), options.category_base, options.tag_base, days,
                              whole_archive(settings))
    report.redirects.update(Counter(r.kind for r in redirects))
    writer.write_text(root / REDIRECT_FILE, render_map(redirects))
    writer.save_ledger()

    report.files.update(writer.counts)
    report.conflicts.extend(writer.conflicts)
    report.seconds = time.perf_counter() - started
    return report


def _settings(options) -> dict:
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


def _media_source(options, root: Path):
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


# -- media ---------------------------------------------------------------------------------------


# -- links and taxonomy --------------------------------------------------------------------------


# -- writing -------------------------------------------------------------------------------------


def _write_plan(plan: Planned, catalog: Catalog, links: Links, writer: FileWriter, gallery_files,
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
