"""The Pelican side: read `Gallery:` and `Cover:`, process the photos, publish them, attach objects.

Runs on `all_generators_finalized`, when every article and page is read and before any template is
rendered (so lists and the home page can show covers). The output folder was already emptied by
Pelican at that point; the gallery files are hard links to the cache.
"""

from __future__ import annotations

import logging
import os
import re
import shutil
from pathlib import Path

from .model import Gallery, OgImage, Photo, Version, join_url, url_path
from .processing import EXT, HashIndex, Processed, Stats, process_photos, sync_folder, zip_from_cache
from .settings import with_defaults
from .sources import Problem, SourceGallery, outside, output_stems, scan_gallery

logger = logging.getLogger(__name__)

CONTENT_LISTS = (
    "articles",
    "translations",
    "drafts",
    "drafts_translations",
    "hidden_articles",
    "hidden_translations",
    "pages",
    "hidden_pages",
    "draft_pages",
    "draft_translations",
)
_TAGS = re.compile(r"<[^>]+>")


def apply_defaults(pelican) -> None:
    """`initialized`: give Pelican a copy of its settings with every GALLERY_* default."""
    pelican.settings = with_defaults(pelican.settings)


class _Reporter:
    """Writes problems as 'path:line: Thai / English', paths relative to the project."""

    def __init__(self, settings: dict):
        self.roots = (Path(os.path.abspath(settings["PATH"])).parent, Path(settings["PATH"]).resolve().parent)

    def rel(self, path) -> str:
        """`path` relative to the project, as written (a symlink is named, not its target)."""
        for candidate, root in ((Path(os.path.abspath(path)), self.roots[0]), (Path(path).resolve(), self.roots[1])):
            try:
                return candidate.relative_to(root).as_posix()
            except ValueError:
                continue
        return str(path)

    def log(self, level: str, path, thai: str, english: str, line: int | None = None, used_by=()) -> None:
        where = self.rel(path) + (f":{line}" if line else "")
        users = ""
        if used_by:
            names = ", ".join(sorted({self.rel(getattr(u, "source_path", u)) for u in used_by}))
            users = f" (ใช้ในบทความ / used by {names})"
        message = "%s: %s / %s%s"
        {"error": logger.error, "warning": logger.warning}.get(level, logger.info)(
            message, where, thai, english, users
        )

    def problem(self, problem: Problem, used_by=()) -> None:
        self.log(problem.level, problem.path, problem.thai, problem.english, problem.line, used_by)


def _metadata_line(source_path: str, key: str) -> int | None:
    try:
        with open(source_path, encoding="utf-8-sig", errors="replace") as f:
            for number, line in enumerate(f, start=1):
                if not line.strip():
                    return None  # end of the metadata block
                if line.lower().startswith(key.lower() + ":"):
                    return number
    except OSError:
        pass
    return None


def _contents(generators) -> list:
    seen, result = set(), []
    for generator in generators:
        for name in CONTENT_LISTS:
            for content in getattr(generator, name, None) or []:
                if id(content) not in seen:
                    seen.add(id(content))
                    result.append(content)
    return result


def _resolve_folder(settings: dict, name: str) -> Path | None:
    root = (Path(settings["PATH"]) / settings["GALLERY_SOURCE_DIR"]).resolve()
    if not name or name.startswith(("/", "\\")) or ".." in Path(name).parts:
        return None
    folder = (root / name).resolve()
    return folder if folder.is_relative_to(root) else None


def attach_galleries(generators) -> None:
    """`all_generators_finalized`: process every gallery in use and attach it to its contents."""
    generators = list(generators)
    if not generators:
        return
    settings = generators[0].settings
    if "GALLERY_WIDTHS" not in settings or not isinstance(settings.get("GALLERY_PROCESSES"), int):
        settings = with_defaults(settings)
    report = _Reporter(settings)

    users: dict[str, list] = {}  # gallery name -> contents using it
    for content in _contents(generators):
        name = str(content.metadata.get("gallery") or "").strip().strip("/")
        cover = str(content.metadata.get("cover") or "").strip()
        content.gallery = None
        content.cover = None
        content.og_image = None
        if name:
            users.setdefault(name, []).append(content)
        elif cover:
            report.log(
                "warning",
                content.source_path,
                f'มี Cover: "{cover}" แต่ไม่มี Gallery: จึงไม่มีภาพปก ให้เพิ่ม Gallery: ชื่อโฟลเดอร์ภาพ',
                f'has Cover: "{cover}" but no Gallery:, so there is no cover: add Gallery: <folder>',
                _metadata_line(content.source_path, "cover"),
            )

    scanned: dict[str, SourceGallery] = {}
    for name, contents in users.items():
        written = Path(settings["PATH"]) / settings["GALLERY_SOURCE_DIR"] / name
        target = outside(written, Path(settings["PATH"])) if written.is_dir() else None
        if target is not None:
            for content in contents:
                report.log(
                    "error",
                    content.source_path,
                    f"โฟลเดอร์ภาพ {report.rel(written)}/ ที่ระบุใน Gallery: เป็นลิงก์ (symlink) ชี้ออกไปนอก "
                    f"โฟลเดอร์ content ที่ {target} จึงไม่นำมาเผยแพร่; คัดลอกภาพจริงมาไว้ในโฟลเดอร์นี้แทน",
                    f'Gallery: "{name}" names {report.rel(written)}/, a symlink to {target} outside the '
                    "content folder, so it is not published; copy the real photos into the folder instead",
                    _metadata_line(content.source_path, "gallery"),
                )
            continue
        folder = _resolve_folder(settings, name)
        if folder is None or not folder.is_dir():
            expected = report.rel(Path(settings["PATH"]) / settings["GALLERY_SOURCE_DIR"] / name)
            for content in contents:
                report.log(
                    "error",
                    content.source_path,
                    f"ไม่พบโฟลเดอร์ภาพ {expected}/ ที่ระบุใน Gallery: ให้สร้างโฟลเดอร์แล้ววางภาพไว้ในนั้น "
                    f"หรือแก้ชื่อใน Gallery: ให้ตรงกับโฟลเดอร์",
                    f'Gallery: "{name}" names {expected}/, which does not exist: create it and put '
                    f"the photos there, or fix the name",
                    _metadata_line(content.source_path, "gallery"),
                )
            continue
        source = scan_gallery(folder, name, root=Path(settings["PATH"]))
        for problem in source.problems:
            report.problem(problem, contents)
        if not source.photos:
            report.log(
                "warning",
                folder,
                "โฟลเดอร์ภาพว่าง ไม่มีภาพ JPEG, PNG, WebP หรือ HEIC ให้วางภาพในโฟลเดอร์นี้",
                "holds no JPEG, PNG, WebP or HEIC photo: put the photos in this folder",
                None,
                contents,
            )
        scanned[name] = source

    cache_dir = Path(settings["GALLERY_CACHE_DIR"]).resolve()
    stats = Stats()
    all_sources = [p.path for s in scanned.values() for p in s.photos]
    results = process_photos(all_sources, settings, cache_dir, stats) if all_sources else {}
    if stats.processed:
        logger.info(
            "photo_gallery: %d ภาพใหม่ / new photos processed, %d from cache", stats.processed, stats.cached
        )

    output_root = Path(settings["OUTPUT_PATH"]) / settings["GALLERY_OUTPUT_DIR"]
    siteurl = settings.get("SITEURL", "") or ""
    out_parts = [p for p in settings["GALLERY_OUTPUT_DIR"].split("/") if p]
    used_keys: set[str] = set()
    used_zips: set[str] = set()
    published_names: set[str] = set()
    for name, source in scanned.items():
        contents = users[name]
        good = []
        for photo in source.photos:
            item = results[photo.path]
            if item.error:
                report.log(
                    "warning",
                    photo.path,
                    item.error[0] + " ภาพนี้จะไม่ถูกเผยแพร่",
                    item.error[1] + "; the photo is left out",
                    None,
                    contents,
                )
            else:
                good.append((photo, item))
                used_keys.add(item.key)
        stems = output_stems([p for p, _ in good])

        def url(filename: str) -> tuple[str, str]:
            rel = url_path(*out_parts, *name.split("/"), filename)
            return rel, join_url(siteurl, rel)

        files: dict[str, Path] = {}
        members = []
        photos_common = []
        for (photo, item), stem in zip(good, stems):
            versions: dict[str, list[Version]] = {}
            for v in item.meta["versions"]:
                filename = f"{stem}-{v['width']}.{EXT[v['format']]}"
                files[filename] = item.folder / v["file"]
                versions.setdefault(v["format"], []).append(
                    Version(*url(filename), v["width"], v["height"], v["format"], v["bytes"])
                )
            order = [f for f in settings["GALLERY_FORMATS"] if f in versions]
            versions = {f: sorted(versions[f], key=lambda v: v.width) for f in order}
            if item.meta.get("download"):
                members.append((f"{stem}.jpg", item.folder / item.meta["download"]["file"]))
            photos_common.append((photo, item, stem, versions))
            if settings["GALLERY_CAPTION_REQUIRED"] and not photo.caption:
                report.log(
                    "warning",
                    photo.path,
                    "ภาพนี้ไม่มีคำบรรยายใน captions.txt",
                    "has no caption in captions.txt: add a line `%s: คำบรรยาย`" % photo.name,
                    None,
                    contents,
                )

        zip_rel = zip_href = None
        zip_size = 0
        if settings["GALLERY_ZIP"] and members:
            zip_name = f"{name.split('/')[-1]}.zip"
            zip_path = zip_from_cache(members, cache_dir)
            used_zips.add(zip_path.name)
            files[zip_name] = zip_path
            zip_size = zip_path.stat().st_size
            zip_rel, zip_href = url(zip_name)

        for content in contents:
            title = _TAGS.sub("", str(getattr(content, "title", "") or "")).strip()
            photos = [
                Photo(
                    name=photo.name,
                    stem=stem,
                    number=n,
                    caption=photo.caption,
                    alt=photo.caption or f"{title} ภาพที่ {n}",
                    versions=versions,
                )
                for n, (photo, item, stem, versions) in enumerate(photos_common, start=1)
            ]
            content.gallery = Gallery(name, photos, zip_rel, zip_href, zip_size) if photos else None
            if not photos:
                continue
            cover_name = str(content.metadata.get("cover") or "").strip()
            index = 0
            if cover_name:
                wanted = [i for i, (p, *_rest) in enumerate(photos_common) if p.name == cover_name]
                wanted = wanted or [
                    i
                    for i, (p, *_rest) in enumerate(photos_common)
                    if p.name.casefold() == cover_name.casefold()
                ]
                if wanted:
                    index = wanted[0]
                else:
                    report.log(
                        "warning",
                        content.source_path,
                        f'ไม่พบภาพปก "{cover_name}" ในโฟลเดอร์ {report.rel(source.folder)}/ '
                        f"จึงใช้ภาพแรก ({photos[0].name}) แทน ให้แก้ชื่อไฟล์ใน Cover:",
                        f'Cover: "{cover_name}" is not a usable photo of {report.rel(source.folder)}/; '
                        f"using the first photo ({photos[0].name}): fix the file name",
                        _metadata_line(content.source_path, "cover"),
                    )
            content.cover = photos[index]
            _photo, item, stem, _v = photos_common[index]
            if item.meta.get("og"):
                og_name = f"{stem}-og.jpg"
                files[og_name] = item.folder / item.meta["og"]["file"]
                rel, href = url(og_name)
                content.og_image = OgImage(rel, href, item.meta["og"]["width"], item.meta["og"]["height"])

        sync_folder(output_root.joinpath(*name.split("/")), files)
        published_names.add(name.split("/")[0])

    if output_root.is_dir():  # a gallery no article uses any more leaves nothing behind
        for entry in output_root.iterdir():
            if entry.name not in published_names:
                shutil.rmtree(entry) if entry.is_dir() else entry.unlink()
    if settings["GALLERY_CACHE_PRUNE"] and cache_dir.is_dir():
        prune_cache(cache_dir, used_keys, used_zips, [r for r in results.values()])


def prune_cache(cache_dir: Path, used_keys: set[str], used_zips: set[str], results: list[Processed]) -> None:
    """Delete cached photos and ZIPs that this build did not use (bounded disk use)."""
    photos = cache_dir / "photos"
    if photos.is_dir():
        for bucket in photos.iterdir():
            for entry in bucket.iterdir() if bucket.is_dir() else []:
                if entry.name not in used_keys:
                    shutil.rmtree(entry, ignore_errors=True)
    zips = cache_dir / "zips"
    if zips.is_dir():
        for entry in zips.iterdir():
            if entry.name not in used_zips:
                entry.unlink()
    index = HashIndex(cache_dir)
    keep = {str(r.source.resolve()) for r in results}
    stale = [k for k in index.entries if k not in keep]
    for k in stale:
        del index.entries[k]
    index.changed = bool(stale)
    index.save()
