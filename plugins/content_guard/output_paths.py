"""content_guard's rules about where a post or page is written and with which template.

| rule | severity | what |
|---|---|---|
| url | ERROR | the file would be written over one of the site's own pages or files (`Save_as: index.html` replaces the home page, `Slug: search` the search page), or outside the output folder (`Save_as: ../x.html`) |
| template | ERROR | `Template:` names no template of the theme, or a path (`../x`) |

Pelican lets a page replace the home page or the 404 page without a word, and stops the whole
build with an English FileOverwriteFailedError (naming no source file) when a page meets the
search page. The site's own outputs are derived from the settings: the direct templates (home,
404, search, archives, categories, tags), the feeds, the category, tag and year-archive folders,
the theme's static folder, and what every enabled plugin's rules list as `published(site)`.
"""

from __future__ import annotations

import os
import posixpath
from pathlib import Path

from .problems import ERROR, Problem
from .sources import ARTICLE, SourceFile

# What readers know the site's own direct templates as (else the template's name is shown).
KNOWN_PAGES = {
    "index": ("หน้าแรก", "the home page"),
    "404": ("หน้า 404 (ไม่พบหน้า)", "the 404 (not found) page"),
    "search": ("หน้าค้นหา", "the search page"),
    "archives": ("หน้าคลังข่าว", "the archives page"),
    "categories": ("หน้ารวมหมวดข่าว", "the categories page"),
    "tags": ("หน้ารวมป้ายกำกับ", "the tags page"),
}
FIXED_FILES = ("sitemap.xml", "robots.txt", "favicon.ico")


def _folder_of(pattern: str) -> str | None:
    """The fixed folder a URL pattern writes under: "category/{slug}/index.html" -> "category/"."""
    head = pattern.split("{", 1)[0]
    return head[: head.rfind("/") + 1] or None if "{" in pattern else None


def reserved(site) -> tuple[dict, dict]:
    """({output file: (Thai, English) name}, {output folder prefix: (Thai, English) name})."""
    return site.memo("content_guard.reserved", lambda: _reserved(site))


def _reserved(site):
    from .links import published_urls

    settings = site.settings
    files: dict[str, tuple[str, str]] = {}
    folders: dict[str, tuple[str, str]] = {}
    for name in settings.get("DIRECT_TEMPLATES") or []:
        save_as = settings.get(f"{name.upper()}_SAVE_AS") or f"{name}.html"
        files[posixpath.normpath(save_as)] = KNOWN_PAGES.get(name, (f"หน้า {name}", f"the {name} page"))
    for key in ("FEED_ALL_ATOM", "FEED_ALL_RSS", "FEED_ATOM", "FEED_RSS"):
        if settings.get(key):
            files[posixpath.normpath(settings[key])] = ("ฟีดข่าว", "a feed")
    for key in ("CATEGORY_SAVE_AS", "TAG_SAVE_AS", "AUTHOR_SAVE_AS", "CATEGORY_FEED_ATOM",
                "CATEGORY_FEED_RSS", "TAG_FEED_ATOM", "TAG_FEED_RSS", "THAI_DATE_YEAR_ARCHIVE_SAVE_AS"):
        folder = _folder_of(settings.get(key) or "")
        if folder:
            folders[folder] = ("หน้าของหมวด ป้ายกำกับ คลังข่าว หรือฟีด",
                               "the category, tag, archive or feed pages")
    theme = (settings.get("THEME_STATIC_DIR") or "theme").strip("/")
    folders[theme + "/"] = ("ไฟล์ของธีมเว็บไซต์", "the theme's files")
    for name in FIXED_FILES:
        files.setdefault(name, ("ไฟล์ของระบบเว็บไซต์", "one of the site's own files"))
    _urls, prefixes = published_urls(site)
    for prefix in prefixes:  # what plugins publish: galleries, the search index, the editor
        folder = prefix[: prefix.rfind("/") + 1] if "/" in prefix else prefix
        if folder:
            folders.setdefault(folder, ("ไฟล์ที่ปลั๊กอินของเว็บไซต์สร้าง", "files a plugin of the site writes"))
    return files, folders


def output_path(source: SourceFile, site) -> tuple[str, int | None] | None:
    """(where the build writes `source`, the header line that decides it), or None if nowhere."""
    from .links import slugs

    settings = site.settings
    explicit = source.value("save_as")
    if source.header.line_of("save_as") is not None:
        return explicit, source.line_of("save_as")
    draft = source.status == "draft"
    if source.kind == ARTICLE:
        key = "DRAFT_SAVE_AS" if draft else "ARTICLE_SAVE_AS"
    else:
        key = "DRAFT_PAGE_SAVE_AS" if draft else "PAGE_SAVE_AS"
    pattern = settings.get(key)
    if not pattern:
        return None
    line = source.line_of("slug") or source.line_of("title")
    try:
        return pattern.format(slug=slugs(site).of(source), lang=""), line
    except (KeyError, IndexError, ValueError):  # a pattern with {date:...} or {category}: not judged
        return None


def check_output_path(source: SourceFile, site) -> list[Problem]:
    """Rule url: the file must not replace the site's own pages, nor leave the output folder."""
    found = output_path(source, site)
    if found is None or not found[0]:
        return []
    path, line = found
    normal = posixpath.normpath(path.replace("\\", "/"))
    if normal.startswith("../") or normal == ".." or posixpath.isabs(normal) or os.path.isabs(path):
        return [Problem(
            source.name, line, "url", ERROR,
            f'ไฟล์นี้จะถูกเขียนออกไปนอกโฟลเดอร์เว็บไซต์ ("{path}")',
            f'this file would be written outside the site\'s folder ("{path}")',
            "ลบบรรทัด Save_as: ออก หรือใส่ชื่อที่อยู่ในเว็บไซต์ เช่น about/index.html",
            "remove the Save_as: line, or give a path inside the site such as about/index.html")]
    files, folders = reserved(site)
    what = files.get(normal)
    if what is None:
        what = next((name for folder, name in folders.items() if normal.startswith(folder)), None)
    if what is None:
        return []
    return [Problem(
        source.name, line, "url", ERROR,
        f'ไฟล์นี้จะถูกเขียนทับ{what[0]}ของเว็บไซต์ ({normal})',
        f"this file would replace {what[1]} of the site ({normal})",
        "เปลี่ยน Slug: (หรือลบ Save_as:) ให้เป็นชื่ออื่นที่ไม่ซ้ำกับหน้าของระบบ",
        "choose another Slug: (or remove Save_as:) that is not one of the site's own pages")]


def check_template(source: SourceFile, site) -> list[Problem]:
    """Rule template: `Template:` must name a template of the theme (a name, not a path)."""
    name = source.value("template")
    if not name:
        return []
    theme = Path(site.settings.get("THEME") or "theme")
    if not theme.is_absolute():  # relative to the project, as Pelican reads it
        theme = site.content_dir.parent / theme
    folders = [theme / "templates"] + [Path(p) for p in site.settings.get("THEME_TEMPLATES_OVERRIDES") or []]
    available = sorted({p.stem for folder in folders if folder.is_dir() for p in folder.glob("*.html")})
    if "/" not in name and "\\" not in name and name not in ("..", ".") and name in available:
        return []
    return [Problem(
        source.name, source.line_of("template"), "template", ERROR,
        f'ไม่พบแม่แบบหน้า (Template) "{name}" ในธีมของเว็บไซต์',
        f'Template: "{name}" is not a template of the site\'s theme',
        "ลบบรรทัด Template: ออก (ใช้แม่แบบปกติ) หรือเลือกจาก: " + ", ".join(available),
        "remove the Template: line (the usual template is used), or use one of: " + ", ".join(available))]
