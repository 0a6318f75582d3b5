"""What the editor needs to know about the site, read once per build into admin/site-data.json.

- `rules`: the rule data of the checks (rule_data.py);
- `tags`: the tags the articles use, most used first (the tags field offers them);
- `galleries`: each gallery folder as photo_gallery reads it from disk (`scan_gallery`: the photos
  in order with their captions.txt captions) and, for a published gallery, a thumbnail URL per
  photo; the editor merges the header's `Captions:` over it as photo_gallery does;
- `entries`: for each article and page source file, its URL, its status and, when it has photos,
  the file of its cover photo (photo_gallery's choice) and its `Featured_until:` as written, so
  the editor shows an existing release's address, knows which file names are taken and tells the
  review when the cover or the ข่าวเด่น changed;
- `featured`: the releases the home page shows as ข่าวเด่น in this build, and how many it shows;
- `photos`: the limits the editor applies to photos before they enter the repository;
- `preview`: the theme's style sheets for the preview pane, and what Pelican's `{static}` and
  `{filename}` links in a body resolve to; `site_name`, the site's name.

`site_data(generators, settings)` runs on `all_generators_finalized`, after photo_gallery has
attached its galleries; it returns a JSON-ready dict and writes nothing.
"""

from __future__ import annotations

import os
from collections import Counter
from pathlib import Path

from .rule_data import site_rules

CONTENT_LISTS = {
    "article": ("articles", "translations", "drafts", "drafts_translations", "hidden_articles",
                "hidden_translations"),
    "page": ("pages", "hidden_pages", "draft_pages", "draft_translations"),
}
# Formats the browser can decode and clean itself (canvas); other photo files get a message.
BROWSER_FORMATS = {"image/jpeg": ".jpg", "image/png": ".png", "image/webp": ".webp"}


def repository_root(settings: dict) -> Path:
    """The folder the editor's paths are relative to: the one holding the content folder."""
    return Path(settings["PATH"]).resolve().parent


def relative(path, settings: dict) -> str:
    return Path(os.path.relpath(Path(path).resolve(), repository_root(settings))).as_posix()


def _contents(generators, kind: str):
    seen = set()
    for generator in generators:
        for name in CONTENT_LISTS[kind]:
            for item in getattr(generator, name, None) or []:
                if id(item) not in seen and getattr(item, "source_path", None):
                    seen.add(id(item))
                    yield item


def site_url(settings: dict) -> str:
    return (settings.get("SITEURL") or "").rstrip("/")


def _thumbnails(generators, siteurl: str) -> dict[str, dict[str, str]]:
    """Published galleries: gallery name -> {photo file name: URL of its smallest JPEG}."""
    found: dict[str, dict[str, str]] = {}
    for kind in CONTENT_LISTS:
        for item in _contents(generators, kind):
            gallery = getattr(item, "gallery", None)
            if not gallery or gallery.name in found:
                continue
            found[gallery.name] = {
                photo.name: f"{siteurl}/" + min(photo.versions["jpeg"], key=lambda v: v.width).url
                for photo in gallery
                if photo.versions.get("jpeg")
            }
    return found


def galleries(settings: dict, generators) -> dict[str, list[dict]]:
    from photo_gallery.settings import DEFAULTS as GALLERY_DEFAULTS
    from photo_gallery.sources import scan_gallery

    source_dir = settings.get("GALLERY_SOURCE_DIR", GALLERY_DEFAULTS["GALLERY_SOURCE_DIR"][0])
    root = Path(settings["PATH"]) / source_dir
    thumbs = _thumbnails(generators, site_url(settings))
    result = {}
    for folder in sorted(root.iterdir()) if root.is_dir() else []:
        if not folder.is_dir() or folder.name.startswith("."):
            continue
        scanned = scan_gallery(folder, folder.name)
        result[folder.name] = [
            {"file": photo.name, "caption": photo.caption, "thumb": thumbs.get(folder.name, {}).get(photo.name, "")}
            for photo in scanned.photos
        ]
    return result


def entries(generators, settings: dict) -> dict[str, dict]:
    siteurl = site_url(settings)
    root = repository_root(settings)
    folders: dict[str, str] = {}  # folder as Pelican names it -> as it is on disk (resolved once)

    def name_of(path: str) -> str:
        folder, name = os.path.split(os.path.abspath(path))
        real = folders.get(folder)
        if real is None:  # the folder relative to the repository, with "/" after it
            real = folders[folder] = Path(os.path.relpath(os.path.realpath(folder), root)).as_posix() + "/"
        return name if real == "./" else real + name

    result = {}
    for kind in CONTENT_LISTS:
        for item in _contents(generators, kind):
            entry = {"kind": kind, "url": f"{siteurl}/{item.url}", "status": getattr(item, "status", "published")}
            cover = getattr(item, "cover", None)  # photo_gallery's choice (cover_index)
            if cover is not None:
                entry["cover"] = cover.name
            pin = (getattr(item, "metadata", None) or {}).get("featured_until")
            if pin:  # ข่าวเด่นจนถึง as written (site_meta's Featured_until:), for the review
                entry["featured_until"] = str(pin).strip()
            result[name_of(item.source_path)] = entry
    return dict(sorted(result.items()))


def tags(generators) -> list[str]:
    counts: Counter = Counter()
    for item in _contents(generators, "article"):
        for tag in getattr(item, "tags", None) or []:
            counts[str(tag)] += 1
    return [name for name, _count in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))]


def attachments(settings: dict) -> dict:
    """What the editor's เอกสารแนบ needs of plugins/attachments: the folder (under the content
    folder, and as a repository path), the file types, the size it warns about and the words of
    the rule on what a document keeps out of sight (tracked changes, comments)."""
    from attachments.settings import DEFAULTS as ATTACHMENT_DEFAULTS

    def setting(name):
        return settings.get(name, ATTACHMENT_DEFAULTS[name])

    from attachments.hidden_content import UNREAD_SUFFIXES
    from attachments.rules import LEFT_IN, LEFT_IN_FIX, PROGRAM

    folder = str(setting("ATTACHMENTS_DIR")).strip("/")
    return {"dir": folder, "media": f"{relative(settings['PATH'], settings)}/{folder}",
            "types": dict(setting("ATTACHMENTS_TYPES")), "warn_mb": setting("ATTACHMENTS_WARN_MB"),
            # what a document keeps out of sight (attachments' hidden_content.py): the rule's words
            "left_in": {kind: thai for kind, (thai, _english) in LEFT_IN.items()},
            "left_in_fix": {f"{kind}/{program}": thai for (kind, program), (thai, _english) in LEFT_IN_FIX.items()},
            "programs": PROGRAM, "unread": list(UNREAD_SUFFIXES)}


def featured(generators, settings: dict) -> dict:
    """The home page's ข่าวเด่น in this build (site_meta's `featured_articles`): each one's file and
    title, newest first, and how many the home page shows at once. The ข่าวเด่นจนถึง field names
    them, so a writer pinning a release knows which it joins."""
    context = (getattr(generators[0], "context", None) or {}) if generators else {}
    return {
        "max": settings.get("SITE_META_FEATURED_MAX", 0),
        "now": [{"path": relative(item.source_path, settings), "title": str(item.title)}
                for item in context.get("featured_articles") or []],
    }


def site_data(generators, settings: dict) -> dict:
    from photo_gallery.settings import DEFAULTS as GALLERY_DEFAULTS

    from .notes import SYSTEM_AUTHOR_ID
    from photo_gallery.sources import PHOTO_EXTENSIONS

    static = settings.get("THEME_STATIC_DIR", "theme")
    siteurl = site_url(settings)
    return {
        "site_name": settings.get("SITENAME", ""),
        "site_url": siteurl,
        "rules": site_rules(settings),
        "tags": tags(generators),
        "galleries": galleries(settings, generators),
        "entries": entries(generators, settings),
        "featured": featured(generators, settings),
        "photos": {
            "max_edge": settings["WEB_EDITOR_PHOTO_MAX_EDGE"],
            "quality": settings["WEB_EDITOR_PHOTO_QUALITY"],
            "max_pixels": settings.get("GALLERY_MAX_PIXELS", GALLERY_DEFAULTS["GALLERY_MAX_PIXELS"][0]),
            "extensions": sorted(PHOTO_EXTENSIONS),
            "browser_formats": BROWSER_FORMATS,
        },
        "attachments": attachments(settings),
        "file_name_length": settings["WEB_EDITOR_FILE_NAME_LENGTH"],
        "check_note_author": SYSTEM_AUTHOR_ID,  # the content check's note (notes.py)
        "preview": {
            "styles": [f"{siteurl}/{static}/css/site.css", f"{siteurl}/{static}/css/gallery.css"],
            # What Pelican resolves {static}/... to (the WordPress import's photos in a body).
            "content_dir": relative(settings["PATH"], settings),
            "static_paths": list(settings.get("STATIC_PATHS") or []),
            "static_url": settings.get("STATIC_URL", "{path}"),
        },
    }
