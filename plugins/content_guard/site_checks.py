"""Checks across the whole site: duplicate slugs, links that lead nowhere, static symlinks.

- `check_duplicates` (all_generators_finalized): two posts or pages that would be written to the
  same file are an ERROR naming both source files.
- `collect_links` (all_generators_finalized) and `check_links` (finalized): every link and image
  of the content that points inside the site must lead to a file of the finished output.
- `drop_outside_statics` (static_generator_finalized): a static file that is a link to outside
  the content folder is not copied (it could publish any file of the machine).
"""

from __future__ import annotations

import logging
import os
import re
from dataclasses import dataclass, field
from urllib.parse import unquote, urljoin, urlsplit

from .readers import display_name
from .source import Problem, find_line

logger = logging.getLogger(__name__)

LEDGER_KEY = "_GUARD_LEDGER"  # internal: shared by the signals of one build
CONTENT_LISTS = (
    "articles", "translations", "hidden_articles", "hidden_translations", "drafts",
    "drafts_translations", "pages", "hidden_pages", "draft_pages", "draft_translations",
)
LINK = re.compile(r"""<(?:a|img)\b[^>]*?\s(?:href|src)=(?:"([^"]*)"|'([^']*)')""", re.I)


@dataclass
class Ledger:
    """What one build's checks pass from one signal to the next."""

    links: list = field(default_factory=list)  # (source_path, page_url, link)


def new_ledger(pelican) -> None:
    """`initialized` handler: a fresh ledger on Pelican's settings (the generators' context copies it)."""
    pelican.settings[LEDGER_KEY] = Ledger()


def _contents(generators):
    seen = set()
    for generator in generators:
        for name in CONTENT_LISTS:
            for item in getattr(generator, name, None) or []:
                if id(item) not in seen:
                    seen.add(id(item))
                    yield item


def _line_of(source_path: str, needle: str) -> int | None:
    try:
        with open(source_path, encoding="utf-8-sig", errors="replace") as handle:
            return find_line(handle.read().replace("\r\n", "\n").replace("\r", "\n"), needle)
    except OSError:
        return None


def check_duplicates(generators) -> None:
    """`all_generators_finalized`: an ERROR for each file written by two sources."""
    by_target: dict = {}
    settings = None
    for item in _contents(generators):
        settings = item.settings
        target = getattr(item, "save_as", "")
        if target:
            by_target.setdefault(os.path.normpath(target), []).append(item)
    for target, items in sorted(by_target.items()):
        if len(items) < 2:
            continue
        names = sorted(display_name(i.source_path, settings) for i in items)
        first = sorted(items, key=lambda i: display_name(i.source_path, settings))
        for item in first[1:]:
            _forget(generators, item)  # Pelican would stop the build when writing it twice
            name = display_name(item.source_path, settings)
            others = ", ".join(n for n in names if n != name)
            line = _line_of(item.source_path, "slug:") or _line_of(item.source_path, "title:")
            logger.error("%s", Problem(
                "error", line,
                f"Slug \"{item.slug}\" ซ้ำกับ {others} ทั้งสองจะถูกเขียนไปที่ {target}; "
                "ใส่ Slug: ที่ไม่ซ้ำในไฟล์ใดไฟล์หนึ่ง",
                f"slug \"{item.slug}\" is also used by {others}; both would be written to "
                f"{target}; give one of them a different Slug:",
            ).message(name))


def _forget(generators, item) -> None:
    for generator in generators:
        for name in CONTENT_LISTS:
            items = getattr(generator, name, None)
            if isinstance(items, list):
                while item in items:
                    items.remove(item)


def collect_links(generators) -> None:
    """`all_generators_finalized`: note every internal link of every post and page."""
    for item in _contents(generators):
        ledger = item._context.get(LEDGER_KEY) if item._context else None
        if ledger is None or not item.settings.get("GUARD_CHECK_LINKS", True):
            continue
        if getattr(item, "status", "published") == "draft":
            continue
        html = item.content or ""
        for match in LINK.finditer(html):
            link = match.group(1) if match.group(1) is not None else match.group(2)
            ledger.links.append((item.source_path, item.url, link))


def _target(link: str, page_url: str, site_urls) -> str | None:
    """Path inside the output that `link` (on the page at `page_url`) needs, or None if external."""
    link = link.strip()
    if not link or link.startswith(("#", "mailto:", "tel:", "data:")):
        return None
    for base in site_urls:
        if base and (link == base or link.startswith(base.rstrip("/") + "/")):
            link = "/" + link[len(base.rstrip("/")):].lstrip("/")
            break
    parts = urlsplit(link)
    if parts.scheme or parts.netloc:
        return None
    path = unquote(parts.path)
    if not path:
        return None
    if not path.startswith("/"):
        path = urljoin("/" + page_url, path)
    return path.lstrip("/")


def check_links(pelican) -> None:
    """`finalized`: a WARNING for each internal link or image that leads to no output file."""
    settings = pelican.settings
    ledger = settings.get(LEDGER_KEY)
    if ledger is None or not settings.get("GUARD_CHECK_LINKS", True):
        return
    output = settings["OUTPUT_PATH"]
    site_urls = [settings.get("SITEURL") or "", settings.get("SITE_DOMAIN") or ""]
    reported = set()
    for source_path, page_url, link in ledger.links:
        if "{" in link and "}" in link:  # a {filename}/{static} link Pelican could not resolve
            path = None
            missing = True
        else:
            path = _target(link, page_url, site_urls)
            if path is None:
                continue
            full = os.path.join(output, path)
            missing = not (
                os.path.isfile(full)
                or os.path.isfile(os.path.join(full, "index.html"))
            )
        if not missing or (source_path, link) in reported:
            continue
        reported.add((source_path, link))
        needle = link.rstrip("/").rsplit("/", 1)[-1] or link
        name = display_name(source_path, settings)
        logger.warning("%s", Problem(
            "warning", _line_of(source_path, needle),
            f"ลิงก์หรือรูป \"{link}\" ชี้ไปยังหน้าหรือไฟล์ที่ไม่มีในเว็บไซต์; "
            "ตรวจชื่อไฟล์ หรือใช้ {filename}/news/ชื่อไฟล์.md และ {static}/images/ชื่อรูป",
            f"the link or image \"{link}\" leads to no page or file of the site; check the name, "
            "or write {filename}/news/file.md and {static}/images/photo.jpg",
        ).message(name))


def drop_outside_statics(generator) -> None:
    """`static_generator_finalized`: never copy a static file that links outside content/."""
    root = os.path.realpath(generator.settings["PATH"])
    for static in list(generator.staticfiles):
        real = os.path.realpath(static.source_path)
        if os.path.commonpath([real, root]) == root:
            continue
        generator.staticfiles.remove(static)
        logger.error("%s", Problem(
            "error", None,
            f"ไฟล์นี้เป็นลิงก์ (symlink) ชี้ออกไปนอกโฟลเดอร์ content ที่ {real} จึงไม่คัดลอกขึ้นเว็บไซต์; "
            "คัดลอกไฟล์จริงมาไว้ใน content/ แทน",
            f"this file is a symlink to {real}, outside the content folder, so it is not "
            "published; copy the real file into content/ instead",
        ).message(display_name(static.source_path, generator.settings)))
