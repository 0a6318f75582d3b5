"""Pelican signal handlers of wp_legacy; the work itself is in redirect_pages and nginx_map.

Order in a build:
- initialized: defaults;
- content_object_init: every article and page read, published or not (a redirect to a post held
  back until its date is not a dead redirect);
- page_generator_finalized (everything is read, pages last): the import's nginx redirect file is
  read, and when the site has old addresses (there, or in an `Old_url:`) the templates get
  `wp_legacy_addresses`, the address book's folder and its query parameters (index.html and
  404.html load theme/static/js/old-address.js with them). Before all_generators_finalized, where
  the build runner compares what every page shows (tools/build_plan.py's `layout_of`);
- all_generators_finalized: every article's and page's URL is final (and kept by render_cache):
  the URLs of everything read are taken, and the old addresses (`Old_url:`) of published content
  are collected (`Guid:`, the feed id, is site_meta's);
- finalized (everything else is written): a redirect page at each old address where the site
  has no file of its own, from `Old_url:` headers and from the import's nginx redirect file, and
  the address book (address_book.py) of those whose new page exists.
"""

from __future__ import annotations

import logging
import os
from pathlib import Path

from .address_book import address_book, as_redirect, book_files
from .nginx_map import parse, query_parts
from .redirect_pages import page_path, redirect_html
from .settings import with_defaults

logger = logging.getLogger(__name__)

CONTENT_LISTS = ("articles", "translations", "pages", "translations")


class LegacyAddresses:
    """What one build collected: (old address, new URL, title, source)."""

    def __init__(self, settings: dict):
        self.settings = settings
        self.redirects: list[tuple[str, str, str, str]] = []
        self.read: list = []  # every article and page read, held back or not
        self.read_urls: set[str] = set()  # their URLs, once final
        self.map_entries: list | None = None  # the import's redirect file, once read
        self.old_urls: set[str] = set()  # every `Old_url:` address read, published or not


_build: LegacyAddresses | None = None  # the build in progress (Pelican runs one at a time)

# Figures of the last finished build, for tests: redirect pages written, addresses skipped.
LAST_BUILD: dict = {}


def _project_file(settings: dict, name: str) -> Path:
    path = Path(name)
    if path.is_absolute():
        return path
    return Path(os.path.abspath(settings.get("PATH", "content"))).parent / path


def start_build(pelican) -> None:
    global _build
    pelican.settings.update(with_defaults(pelican.settings))
    _build = LegacyAddresses(pelican.settings)


def remember_url(instance) -> None:
    if _build is not None and type(instance).__name__ in ("Article", "Page"):
        _build.read.append(instance)  # its URL is asked for once final (formatting it costs)
        _build.old_urls.update(_addresses(instance.metadata.get("old_url")))


def offer_addresses(generator) -> None:
    """Read the redirect file; give the templates the address book's folder and parameters."""
    if _build is None:
        return
    _build.map_entries = _read_map(_build.settings)
    folder = _build.settings["WP_LEGACY_ADDRESSES_PATH"].strip("/")
    if folder and (_build.old_urls or _build.map_entries):
        sources = [entry.source for entry in _build.map_entries]
        sources += [entry.source for entry in (as_redirect(old, "/") for old in _build.old_urls) if entry]
        names = {parts[1].lower() for parts in map(query_parts, sources) if parts}
        generator.context["wp_legacy_addresses"] = {"url": folder + "/", "names": sorted(names)}


def collect(generators) -> None:
    if _build is None:
        return
    for instance in _build.read:
        url = getattr(instance, "url", "") or ""
        if url:
            _build.read_urls.add("/" + url.lstrip("/"))
    _build.read.clear()
    seen = set()
    for generator in generators:
        for name in CONTENT_LISTS:
            for content in getattr(generator, name, None) or []:
                if id(content) in seen or getattr(content, "status", "published") != "published":
                    continue
                seen.add(id(content))
                url = getattr(content, "url", "") or ""
                for old in _addresses(content.metadata.get("old_url")):
                    _build.redirects.append((old, url, str(getattr(content, "title", "")),
                                             getattr(content, "source_path", "")))


def _old_url_entries(build: LegacyAddresses) -> list:
    found = (as_redirect(old, "/" + url.lstrip("/")) for old, url, _title, _source in build.redirects)
    return [entry for entry in found if entry is not None]


def _read_map(settings: dict) -> list:
    """The entries of the import's redirect file (none when there is none)."""
    map_name = settings["WP_LEGACY_NGINX_MAP"]
    map_file = _project_file(settings, map_name) if map_name else None
    if map_file is None or not map_file.is_file():
        return []
    try:
        return parse(map_file.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as exc:
        logger.warning("%s: อ่านไฟล์ที่อยู่เดิมไม่ได้ (%s) จึงไม่ได้สร้างหน้าเปลี่ยนทาง / cannot read "
                       "the redirect file (%s), so no redirect pages were written from it",
                       map_name, exc, exc)
        return []


def _addresses(value) -> list[str]:
    if not value:
        return []
    values = value if isinstance(value, (list, tuple)) else [value]
    return [a.strip() for v in values for a in str(v).split(",") if a.strip()]


def write_redirect_pages(pelican) -> None:
    global _build
    build, _build = _build, None
    if build is None:
        return
    settings = build.settings
    LAST_BUILD.clear()
    LAST_BUILD.update(written=0, skipped=0, missing_targets=0)
    output = Path(settings["OUTPUT_PATH"])
    siteurl = (settings.get("SITEURL") or "").rstrip("/")
    pages = settings["WP_LEGACY_REDIRECT_PAGES"]
    done: set[str] = set()
    for old, url, title, _source in build.redirects if pages else ():
        _write(output, old, f"{siteurl}/{url}", title, done)
    live = _old_url_entries(build)
    map_name = settings["WP_LEGACY_NGINX_MAP"]
    if build.map_entries is None:  # (a run without a pages generator)
        build.map_entries = _read_map(settings)
    for entry in build.map_entries:
        if not _target_exists(output, entry.target) and entry.target in build.read_urls:
            continue  # a post held back until its date (or a draft): it will be there
        if not _target_exists(output, entry.target):
            LAST_BUILD["missing_targets"] += 1
            logger.warning(
                "%s: ที่อยู่เดิม %s ชี้ไปที่ %s ซึ่งไม่มีในเว็บไซต์ (ข่าวถูกลบหรือเปลี่ยน Slug?) "
                "ให้นำเข้าอีกครั้งด้วย invoke import-wordpress / the old address %s leads to %s, "
                "which the site does not have (a post deleted or its Slug changed?): run "
                "invoke import-wordpress again", map_name, entry.source, entry.target,
                entry.source, entry.target, extra={"limit_msg": "more redirects lead nowhere"})
            continue
        live.append(entry)
        if pages and not entry.is_query:
            _write(output, entry.source, siteurl + entry.target, "", done)
    folder = settings["WP_LEGACY_ADDRESSES_PATH"].strip("/")
    if folder and (build.old_urls or build.map_entries):  # (as the pages' script tag: offer_addresses)
        book = address_book(live)
        (output / folder).mkdir(parents=True, exist_ok=True)
        for name, text in book_files(book).items():
            (output / folder / name).write_text(text, encoding="utf-8")
        LAST_BUILD["book"] = {"paths": len(book["paths"]), **{n: len(q) for n, q in book["query"].items()}}
    logger.info("wp_legacy: %d redirect pages written, %d old addresses already had a page",
                LAST_BUILD["written"], LAST_BUILD["skipped"])


def _target_exists(output: Path, target: str) -> bool:
    from urllib.parse import unquote, urlsplit

    path = unquote(urlsplit(target).path).lstrip("/")
    candidate = output / path
    return (candidate / "index.html").is_file() if (not path or path.endswith("/")) else candidate.is_file()


def _write(output: Path, old: str, target: str, title: str, done: set[str]) -> None:
    rel = page_path(old)
    if rel is None or rel in done:
        return
    done.add(rel)
    path = output / rel
    if path.exists() or (path.parent.exists() and not path.parent.is_dir()):
        LAST_BUILD["skipped"] += 1  # the site has a page of its own there
        return
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(redirect_html(target, target, title), encoding="utf-8")
    LAST_BUILD["written"] += 1
