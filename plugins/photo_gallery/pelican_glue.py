"""The Pelican side: read `Gallery:` and `Cover:`, process the photos, publish them, attach objects.

What is wrong with `Gallery:`, `Cover:`, a folder or captions.txt is reported by the plugin's
rules (rules.py, judged before reading, like `invoke check`); here a missing folder gives no
gallery and a missing cover the first photo. A photo processing cannot decode is reported here
with the same rule ("photo") the content check uses.

Runs on `all_generators_finalized`, when every article and page is read and before any template is
rendered (so lists and the home page can show covers). The output folder was already emptied by
Pelican at that point; the gallery files are hard links to the cache.
"""

from __future__ import annotations

import logging
import re
import shutil
from pathlib import Path

from .cover import cover_index, gallery_folder
from .header_captions import HEADER_KEY, apply_header_captions, parse_header_captions
from .hidden_photos import HEADER_KEY as HIDDEN_KEY, hidden_names, without_hidden
from .model import Gallery, OgImage, Photo, Version, join_url, url_path
from .processing import EXT, HashIndex, Processed, Stats, process_photos, sync_folder, zip_from_cache
from .rules import unreadable_problem
from .sources import SourceGallery, output_stems, scan_gallery

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


def _contents(generators) -> list:
    seen, result = set(), []
    for generator in generators:
        for name in CONTENT_LISTS:
            for content in getattr(generator, name, None) or []:
                if id(content) not in seen:
                    seen.add(id(content))
                    result.append(content)
    return result


def _as_published(source: SourceGallery, contents) -> SourceGallery:
    """`source` in the order and with the captions of the first article (by file name) that has
    `Captions:` (header_captions.py), without the photos any of them hides (`Hidden_photos:`,
    hidden_photos.py); their problems are reported by the rule "captions"."""
    contents = sorted(contents, key=lambda c: str(c.source_path))
    for content in contents:
        value = content.metadata.get(HEADER_KEY)
        if value:
            entries, _problems = parse_header_captions(value, Path(content.source_path))
            source = apply_header_captions(source, entries, Path(content.source_path))
            break
    for content in contents:
        source = without_hidden(source, hidden_names(content.metadata.get(HIDDEN_KEY)), Path(content.source_path))
    return source


def attach_galleries(generators) -> None:
    """`all_generators_finalized`: process every gallery in use and attach it to its contents."""
    from content_guard.readers import report_once
    from content_guard.sources import display_name

    generators = list(generators)
    if not generators:
        return
    settings = generators[0].settings

    # Gallery:, Cover:, the folders and captions.txt are judged by this plugin's rules
    # (rules.py) before anything is read; here they only decide what is published.
    # A content with no page in the output (a draft in production, where DRAFT_SAVE_AS is empty)
    # publishes no photos: its gallery waits with it.
    users: dict[str, list] = {}  # gallery name -> contents using it
    for content in _contents(generators):
        name = str(content.metadata.get("gallery") or "").strip().strip("/")
        content.gallery = None
        content.cover = None
        content.og_image = None
        if name and getattr(content, "save_as", ""):
            users.setdefault(name, []).append(content)

    scanned: dict[str, SourceGallery] = {}
    for name in users:
        folder = gallery_folder(settings, name)
        if folder is not None and folder.is_dir():
            scanned[name] = _as_published(scan_gallery(folder, name, root=Path(settings["PATH"])), users[name])

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
                shown_by = [display_name(c.source_path, settings) for c in contents]
                report_once(unreadable_problem(display_name(photo.path, settings), item.error, shown_by), settings, logger)
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
            index = cover_index(str(content.metadata.get("cover") or ""), [p.name for p in photos]) or 0
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
