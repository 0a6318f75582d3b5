"""Bringing the uploads into content/: where each goes, fetching it, cleaning or copying it.

Body images go to `content/images/wordpress/YYYY/MM/`, documents to
`content/extra/wordpress/YYYY/MM/`, gallery photos (and featured images) to
`content/galleries/<slug>/`; Thai file names are romanised. `fetch_media` asks the media source
for the originals (WordPress's attached copy when the original is missing); `bring_in` cleans or
copies them through `photos.process`, never over a file an author changed (`files.FileWriter`).
"""

from __future__ import annotations

import os
import re
from pathlib import Path, PurePosixPath

from .catalog import Catalog
from .files import FileWriter, sha256_file
from . import importer_paths  # noqa: F401  (puts plugins/ on sys.path)
from .media import Failure, UrlSource
from .photos import cleaned_name, kind_of, process
from .plan import Planned
from .progress import Progress
from .report import ImportReport

from thai_text.slugs import slug_for, with_suffix  # noqa: E402


IMAGES_DIR = "images/wordpress"

FILES_DIR = "extra/wordpress"


def ascii_name(name: str, settings: dict) -> str:
    """A file name safe in a URL: an ASCII name is kept, a Thai one romanised (ป้าย.jpg -> pai.jpg)."""
    stem, suffix = os.path.splitext(name)
    if stem.isascii() and re.fullmatch(r"[A-Za-z0-9._-]+", stem):
        return stem + suffix.lower()
    return (slug_for(settings, stem) or "file") + suffix.lower()


def plan_media(plans: list[Planned], catalog: Catalog, content: Path, report: ImportReport, settings: dict):
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
            name = ascii_name(PurePosixPath(upload).name, settings)
            name = cleaned_name(name) if kind == "photo" else name
            dest = _unique(content / base / ("" if folder == "." else folder) / name, taken, upload)
            body[upload] = dest
    gallery: dict[tuple[str, str], Path] = {}
    for plan in plans:
        folder_taken: set[Path] = set()
        for att_id in plan.gallery_ids:
            att = catalog.attachments[att_id]
            name = cleaned_name(ascii_name(PurePosixPath(att.original).name, settings))
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


def fetch_media(source, body: dict[str, Path], gallery: dict[tuple[str, str], Path], catalog: Catalog,
           options, progress: Progress, report: ImportReport) -> dict[str, Path | Failure]:
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


def bring_in(body, gallery, fetched, catalog: Catalog, writer: FileWriter, options,
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
