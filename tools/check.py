"""Content check: `invoke check` reads every source file and reports problems with file and line.

`check_content(content_dir, settings)` is pure (it reads files, writes nothing) and returns a list
of `Problem`s; each rule is one function `check_<rule>(site)` that tests call on a small fixture.
Errors (the build would fail or a reader would hit a broken page) make `invoke check` exit
non-zero; warnings (typing errors, unknown words, photos without captions...) do not.

The rules reuse the plugins' own functions, so the check and the build always agree:
dates are read by `plugins/thai_date` (`parse_date`), typing errors are found by
`plugins/thai_text` (`find_typos`), words are segmented with the thai_text segmenter and the site
dictionary, slugs are made by thai_text's slug function, and galleries are read by
`plugins/photo_gallery` (`scan_gallery`).
"""

from __future__ import annotations

import datetime as _dt
import fnmatch
import importlib
import os
import posixpath
import re
import sys
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from pathlib import Path
from urllib.parse import unquote, urlsplit
from zoneinfo import ZoneInfo

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT / "plugins") not in sys.path:
    sys.path.insert(0, str(ROOT / "plugins"))

# Defaults of the check's own settings (they may be set in pelicanconf.py).
DEFAULTS = {
    "CHECK_MAX_PHOTO_MB": 20,  # photos larger than this many megabytes are flagged
    "CHECK_MAX_PHOTO_MEGAPIXELS": 50,  # photos with more pixels than this are flagged
    "CHECK_OLDEST_YEAR": 2000,  # a date before this C.E. year is suspicious
    "CHECK_FUTURE_DAYS": 366,  # a date further than this in the future is suspicious
    "CHECK_SPELLING": True,  # warn about words pythainlp's spell checker does not know
}
STATUSES = ("published", "draft", "hidden")
ERROR, WARNING = "error", "warning"

META_LINE = re.compile(r"^(?P<key>[A-Za-z][A-Za-z0-9_-]*):\s*(?P<value>.*)$")
FENCE = re.compile(r"^\s*(```|~~~)")
THAI = re.compile("[\u0e01-\u0e4e]")
THAI_WORD = re.compile("^[\u0e01-\u0e2e\u0e30-\u0e45\u0e47-\u0e4e]+$")  # letters and marks, not ฯ ๆ
COMBINING = re.compile("[\u0e31\u0e34-\u0e3a\u0e47-\u0e4e]")
# [text](target "title"), ![alt](target), <a href="...">, <img src="...">, [id]: target
MD_LINK = re.compile(r"!?\[(?:[^\]\\]|\\.)*\]\(\s*<?(?P<target>[^)\s>]+)>?(?:\s+[\"'][^)]*[\"'])?\s*\)")
HTML_LINK = re.compile(r"""<(?:a|img|source)\b[^>]*?\s(?:href|src)\s*=\s*["'](?P<target>[^"']+)["']""", re.I)
REF_LINK = re.compile(r"^\s{0,3}\[[^\]]+\]:\s*<?(?P<target>\S+?)>?(?:\s+.*)?$")
INLINE_CODE = re.compile(r"`[^`]*`")
URLISH = re.compile(r"(?:https?://|www\.|mailto:)\S+|\]\([^)]*\)|<[^>]+>|\{[a-z]+\}\S*")


@dataclass(frozen=True)
class Problem:
    """One thing to fix: where (path relative to the project, line), how bad, what and how."""

    path: str
    line: int | None
    level: str  # ERROR or WARNING
    rule: str
    message: str  # Thai, then English

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else self.path
        return f"{where}: {self.level}: {self.message}"


@dataclass
class Source:
    """A content file: metadata with line numbers, and its lines."""

    path: Path
    rel: str  # relative to the project, e.g. content/news/x.md
    content_rel: str  # relative to the content folder, e.g. news/x.md
    kind: str  # "article" or "page"
    lines: list[str]
    meta: dict[str, tuple[str, int]] = field(default_factory=dict)  # key (lowercase) -> (value, line)
    body_start: int = 1  # first line (1-based) after the metadata block

    def value(self, key: str) -> str | None:
        item = self.meta.get(key)
        return item[0] if item else None

    def line_of(self, key: str, default: int = 1) -> int:
        item = self.meta.get(key)
        return item[1] if item else default

    @property
    def status(self) -> str:
        return (self.value("status") or "published").strip().lower()

    def prose_lines(self, include_meta=("title", "summary")):
        """(line number, text) of the text a reader sees: chosen metadata, body outside code fences."""
        for key in include_meta:
            if key in self.meta:
                yield self.meta[key][1], self.meta[key][0]
        fenced = False
        for number in range(self.body_start, len(self.lines) + 1):
            text = self.lines[number - 1]
            if FENCE.match(text):
                fenced = not fenced
                continue
            if not fenced:
                yield number, text


def parse_source(path: Path, content_dir: Path, root: Path, kind: str) -> Source:
    """Read `path` (Markdown with Pelican metadata: `Key: value` lines until the first blank line)."""
    text = path.read_bytes().decode("utf-8-sig", errors="replace")
    lines = text.splitlines()
    source = Source(
        path=path,
        rel=_relative(path, root),
        content_rel=_relative(path, content_dir),
        kind=kind,
        lines=lines,
    )
    last_key = None
    number = 0
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            source.body_start = number + 1
            break
        match = META_LINE.match(line)
        if match:
            last_key = match["key"].lower()
            source.meta[last_key] = (match["value"].strip(), number)
        elif last_key and line.startswith((" ", "\t")):  # continuation of the previous value
            value, at = source.meta[last_key]
            source.meta[last_key] = (f"{value} {line.strip()}".strip(), at)
        else:  # not metadata: the body starts here
            source.body_start = number
            break
    else:
        source.body_start = number + 1
    return source


def _relative(path: Path, base: Path) -> str:
    try:
        return Path(os.path.relpath(path, base)).as_posix()
    except ValueError:
        return path.as_posix()


class Site:
    """Everything the rules need about one content folder, read once and shared."""

    def __init__(self, content_dir, settings: dict | None = None, root=None, now=None):
        self.content_dir = Path(content_dir).resolve()
        self.root = Path(root).resolve() if root else self.content_dir.parent
        self.settings = {**DEFAULTS, **(settings or {})}
        tz = self.settings.get("TIMEZONE") or "Asia/Bangkok"
        self.tz = ZoneInfo(tz)
        self.now = now or _dt.datetime.now(self.tz)
        self.categories = list(self.settings.get("CATEGORIES") or [])
        self.sources: list[Source] = []
        ignores = list(self.settings.get("IGNORE_FILES") or [])
        for kind, key, default in (("article", "ARTICLE_PATHS", ["news"]), ("page", "PAGE_PATHS", ["pages"])):
            for folder in self.settings.get(key) or default:
                base = self.content_dir / folder
                for path in sorted(base.rglob("*.md")) if base.is_dir() else []:
                    if any(fnmatch.fnmatch(path.name, pattern) for pattern in ignores):
                        continue
                    self.sources.append(parse_source(path, self.content_dir, self.root, kind))

    def problem(self, where, line, level, rule, thai, english) -> Problem:
        rel = where.rel if isinstance(where, Source) else _relative(Path(where), self.root)
        return Problem(rel, line, level, rule, f"{thai} / {english}")

    @property
    def articles(self) -> list[Source]:
        return [s for s in self.sources if s.kind == "article"]

    @property
    def pages(self) -> list[Source]:
        return [s for s in self.sources if s.kind == "page"]

    # -- shared helpers, computed on first use ---------------------------------------------------

    @cached_property
    def gallery_root(self) -> Path:
        return self.content_dir / self.settings.get("GALLERY_SOURCE_DIR", "galleries")

    @cached_property
    def dictionary_path(self) -> Path:
        return self.content_dir / self.settings.get("THAI_TEXT_DICTIONARY", "dictionary.txt")

    @cached_property
    def site_words(self) -> list[str]:
        from thai_text.segment import read_word_list

        return read_word_list(self.dictionary_path) if self.dictionary_path.exists() else []

    @cached_property
    def segmenter(self):
        return _segmenter(tuple(self.site_words))

    def slugify(self, text: str) -> str:
        from thai_text.slugs import make_slug

        return make_slug(text)

    def slug_of(self, source: Source) -> str:
        """The URL slug the build gives: an explicit `Slug:`, else the file name (never the title)."""
        from thai_text.slugs import is_slug

        explicit = (source.value("slug") or "").strip()
        if explicit:
            return explicit if is_slug(explicit) else self.slugify(explicit)
        return self.slugify(source.path.stem)

    def parse_date(self, value: str):
        """A timezone-aware datetime, or raises thai_date's DateProblem (with Thai and English)."""
        from thai_date.parsing import parse_date

        moment = parse_date(value)
        return moment if moment.tzinfo else moment.replace(tzinfo=self.tz)

    @cached_property
    def article_slugs(self) -> dict[str, Source]:
        return {self.slug_of(s): s for s in self.articles}

    @cached_property
    def tags(self) -> set[str]:
        tags = set()
        for source in self.articles:
            tags.update(t.strip() for t in (source.value("tags") or "").split(",") if t.strip())
        return tags

    @cached_property
    def used_categories(self) -> set[str]:
        return {s.value("category").strip() for s in self.articles if s.value("category")}

    @cached_property
    def known_urls(self) -> set[str]:
        """Site-relative URLs (no leading slash) that the build will generate."""
        setting = self.settings.get
        urls = {"", "archives/", "search/", "category/", "tag/", "sitemap.xml", "robots.txt", "404.html"}
        for key in ("FEED_ALL_ATOM", "FEED_ALL_RSS", "ARCHIVES_URL", "CATEGORIES_URL", "TAGS_URL"):
            if setting(key):
                urls.add(setting(key))
        for source in self.articles:
            if source.status != "draft":
                urls.add(setting("ARTICLE_URL", "news/{slug}/").format(slug=self.slug_of(source)))
        for source in self.pages:
            if source.status != "draft":
                urls.add(setting("PAGE_URL", "{slug}/").format(slug=self.slug_of(source)))
        for name in set(self.categories) | self.used_categories:
            slug = self.slugify(name)
            urls.add(setting("CATEGORY_URL", "category/{slug}/").format(slug=slug))
            for key in ("CATEGORY_FEED_ATOM", "CATEGORY_FEED_RSS"):
                if setting(key):
                    urls.add(setting(key).format(slug=slug))
        for name in self.tags:
            urls.add(setting("TAG_URL", "tag/{slug}/").format(slug=self.slugify(name)))
        return urls


def _date_problem_text(exc) -> tuple[str, str]:
    thai = getattr(exc, "thai", None)
    english = getattr(exc, "english", None)
    value = getattr(exc, "value", "")
    if thai and english:
        return f'วันที่ "{value}" {thai}', f'Date "{value}" {english}'
    return "อ่านวันที่ไม่ได้", str(exc)


# -- rules: one function per rule, each returns a list of Problems --------------------------------


def check_metadata(site: Site) -> list[Problem]:
    """Missing title; missing or unknown category; unknown status."""
    problems = []
    allowed = ", ".join(site.categories)
    for source in site.sources:
        if not (source.value("title") or "").strip():
            problems.append(site.problem(
                source, source.line_of("title"), ERROR, "title",
                "ไม่มีชื่อข่าว ให้เพิ่มบรรทัด Title: ชื่อข่าว ไว้บรรทัดแรก",
                "has no title: add a line `Title: ...` at the top"))
        status = source.status
        if status not in STATUSES:
            problems.append(site.problem(
                source, source.line_of("status"), ERROR, "status",
                f'Status "{source.value("status")}" ไม่รู้จัก ใช้ได้: {", ".join(STATUSES)}',
                f'unknown Status "{source.value("status")}"; use one of {", ".join(STATUSES)}'))
        if source.kind != "article":
            continue
        category = (source.value("category") or "").strip()
        if not category:
            problems.append(site.problem(
                source, source.line_of("category"), ERROR, "category",
                f"ไม่มีหมวดข่าว ให้เพิ่มบรรทัด Category: โดยเลือกจาก {allowed}",
                f"has no category: add `Category: ...`, one of {allowed}"))
        elif site.categories and category not in site.categories:
            problems.append(site.problem(
                source, source.line_of("category"), ERROR, "category",
                f'หมวด "{category}" ไม่มีในเว็บไซต์ หมวดที่ใช้ได้: {allowed}',
                f'unknown category "{category}"; the allowed categories are: {allowed}'))
    return problems


def check_dates(site: Site) -> list[Problem]:
    """Dates that cannot be read, do not exist, or look wrong (too old, far future, Modified < Date)."""
    problems = []
    oldest = site.settings["CHECK_OLDEST_YEAR"]
    horizon = site.now + _dt.timedelta(days=site.settings["CHECK_FUTURE_DAYS"])
    for source in site.sources:
        if source.kind == "article" and not (source.value("date") or "").strip():
            problems.append(site.problem(
                source, source.line_of("date"), ERROR, "date",
                "ไม่มีวันที่ ให้เพิ่มบรรทัด Date: เช่น Date: 2569-03-25 09:00 (ปี พ.ศ.)",
                "has no date: add e.g. `Date: 2569-03-25 09:00` (Buddhist-era year)"))
        moments = {}
        for key in ("date", "modified"):
            value = (source.value(key) or "").strip()
            if not value:
                continue
            line = source.line_of(key)
            try:
                moment = site.parse_date(value)
            except ValueError as exc:
                thai, english = _date_problem_text(exc)
                problems.append(site.problem(source, line, ERROR, "date", thai, english))
                continue
            moments[key] = moment
            if moment.year < oldest:
                problems.append(site.problem(
                    source, line, WARNING, "date",
                    f'วันที่ "{value}" คือปี ค.ศ. {moment.year} (พ.ศ. {moment.year + 543}) เก่าผิดปกติ '
                    "ตรวจว่าพิมพ์ปีถูกต้อง",
                    f'Date "{value}" is the year {moment.year} C.E., suspiciously old: check the year'))
            elif moment > horizon:
                problems.append(site.problem(
                    source, line, WARNING, "date",
                    f'วันที่ "{value}" อยู่ในอนาคตมากกว่าหนึ่งปี (ค.ศ. {moment.year} = พ.ศ. {moment.year + 543}) '
                    "ข่าวจะไม่ปรากฏจนถึงวันนั้น ตรวจว่าพิมพ์ปีถูกต้อง",
                    f'Date "{value}" is more than a year ahead ({moment:%Y-%m-%d}); the post stays '
                    "unpublished until then: check the year"))
            if THAI.search(value) and "ค.ศ" not in value:
                year = re.search(r"(\d{4})", value)
                if year and int(year.group(1)) < 2400:
                    problems.append(site.problem(
                        source, line, WARNING, "date",
                        f'วันที่ "{value}" ใช้ชื่อเดือนภาษาไทยกับปี ค.ศ. {year.group(1)} '
                        f"ถ้าหมายถึงปี พ.ศ. ให้เขียน {int(year.group(1)) + 543}",
                        f'Date "{value}" has a Thai month name with the C.E. year {year.group(1)}; '
                        f"write {int(year.group(1)) + 543} if the Buddhist-era year was meant"))
        if "date" in moments and "modified" in moments and moments["modified"] < moments["date"]:
            problems.append(site.problem(
                source, source.line_of("modified"), WARNING, "date",
                "วันที่แก้ไข (Modified) อยู่ก่อนวันที่เผยแพร่ (Date) ตรวจว่าพิมพ์ถูกต้อง",
                "Modified is earlier than Date: check both"))
    return problems


def check_slugs(site: Site) -> list[Problem]:
    """Two articles (or two pages) with the same slug would overwrite each other's page."""
    problems = []
    for group in (site.articles, site.pages):
        seen: dict[str, Source] = {}
        for source in group:
            slug = site.slug_of(source)
            raw = (source.value("slug") or "").strip()
            if raw and not re.fullmatch(r"[a-z0-9]+(?:-[a-z0-9]+)*", raw):
                problems.append(site.problem(
                    source, source.line_of("slug"), WARNING, "slug",
                    f'Slug "{raw}" ควรมีเฉพาะอักษรอังกฤษตัวเล็ก ตัวเลข และขีด เช่น {site.slugify(raw) or "news-2569"}',
                    f'Slug "{raw}" should hold only lowercase a-z, digits and hyphens, e.g. '
                    f'{site.slugify(raw) or "news-2569"}'))
            if slug in seen:
                first = seen[slug]
                problems.append(site.problem(
                    source, source.line_of("slug", source.line_of("title")), ERROR, "slug",
                    f'Slug "{slug}" ซ้ำกับ {first.rel}:{first.line_of("slug", first.line_of("title"))} '
                    "ทั้งสองจะได้ที่อยู่เดียวกัน ให้เปลี่ยน Slug ของไฟล์ใดไฟล์หนึ่ง",
                    f'duplicate slug "{slug}" (also in {first.rel}): both would get the same URL; '
                    "change one Slug"))
            else:
                seen[slug] = source
    return problems


def check_galleries(site: Site) -> list[Problem]:
    """`Gallery:` names a folder under content/galleries/; `Cover:` names a photo that exists."""
    problems = []
    existing = sorted(p.name for p in site.gallery_root.iterdir() if p.is_dir()) if site.gallery_root.is_dir() else []
    gallery_rel = _relative(site.gallery_root, site.root)
    for source in site.sources:
        gallery = (source.value("gallery") or "").strip()
        folder = None
        if gallery:
            folder = site.gallery_root / gallery
            if not folder.is_dir():
                hint = f" (มีอยู่: {', '.join(existing[:8])})" if existing else ""
                problems.append(site.problem(
                    source, source.line_of("gallery"), ERROR, "gallery",
                    f'ไม่พบโฟลเดอร์ภาพ {gallery_rel}/{gallery}/ ให้สร้างโฟลเดอร์และใส่ภาพ '
                    f"หรือแก้ชื่อใน Gallery:{hint}",
                    f"gallery folder {gallery_rel}/{gallery}/ does not exist: create it with the photos "
                    "or fix the name"))
                folder = None
        cover = (source.value("cover") or "").strip()
        if cover and not _find_cover(cover, source, site, folder):
            problems.append(site.problem(
                source, source.line_of("cover"), ERROR, "cover",
                f'ไม่พบภาพปก "{cover}" ให้ใส่ชื่อไฟล์ภาพในโฟลเดอร์แกลเลอรี (เช่น Cover: photo01.jpg) '
                "หรือเส้นทางจากโฟลเดอร์ content/",
                f'cover image "{cover}" not found: name a photo of the gallery (Cover: photo01.jpg) '
                "or a path under content/"))
    return problems


def _find_cover(cover: str, source: Source, site: Site, gallery_dir: Path | None) -> bool:
    name = re.sub(r"^[{|](static|attach|filename)[}|]", "", cover).strip()
    candidates = []
    if gallery_dir is not None:
        candidates.append(gallery_dir / name)
    if name.startswith("/"):
        candidates.append(site.content_dir / name.lstrip("/"))
    else:
        candidates += [source.path.parent / name, site.content_dir / name, site.gallery_root / name]
    return any(c.is_file() for c in candidates)


def _gallery_folders(site: Site) -> list[Path]:
    if not site.gallery_root.is_dir():
        return []
    return sorted(p for p in site.gallery_root.iterdir() if p.is_dir() and not p.name.startswith("."))


def check_captions(site: Site) -> list[Problem]:
    """Every photo of a gallery needs a line `photo.jpg: คำบรรยาย` in the folder's captions.txt."""
    from photo_gallery.sources import CAPTIONS_FILE, scan_gallery

    problems = []
    for folder in _gallery_folders(site):
        gallery = scan_gallery(folder, folder.name)
        captions_rel = _relative(folder / CAPTIONS_FILE, site.root)
        for found in gallery.problems:
            problems.append(site.problem(
                found.path, found.line, ERROR if found.level == ERROR else WARNING, "captions",
                found.thai, found.english))
        for photo in gallery.photos:
            if not photo.caption:
                problems.append(site.problem(
                    photo.path, None, WARNING, "captions",
                    f"ภาพนี้ไม่มีคำบรรยาย ให้เพิ่มบรรทัด {photo.name}: คำบรรยายภาพ ใน {captions_rel} "
                    "(ผู้ใช้โปรแกรมอ่านหน้าจอต้องใช้คำบรรยาย)",
                    f"photo has no caption: add `{photo.name}: ...` to {captions_rel} "
                    "(screen-reader users need it)"))
    return problems


def check_photo_sizes(site: Site) -> list[Problem]:
    """Photos too large to handle comfortably (file size or pixel count)."""
    from photo_gallery.sources import is_photo

    max_bytes = site.settings["CHECK_MAX_PHOTO_MB"] * 1_000_000
    max_pixels = site.settings["CHECK_MAX_PHOTO_MEGAPIXELS"] * 1_000_000
    problems = []
    for folder in _gallery_folders(site):
        for path in sorted(folder.iterdir()):
            if not path.is_file() or not is_photo(path):
                continue
            size = path.stat().st_size
            if size > max_bytes:
                problems.append(site.problem(
                    path, None, WARNING, "photo-size",
                    f"ไฟล์ภาพใหญ่ {size / 1_000_000:.1f} MB (เกิน {max_bytes // 1_000_000} MB) "
                    "ให้ย่อภาพหรือส่งออกใหม่เป็น JPEG ก่อนใส่ในโฟลเดอร์",
                    f"photo file is {size / 1_000_000:.1f} MB (limit {max_bytes // 1_000_000} MB): "
                    "export a smaller JPEG"))
                continue
            pixels = _pixel_count(path)
            if pixels and pixels > max_pixels:
                problems.append(site.problem(
                    path, None, WARNING, "photo-size",
                    f"ภาพมี {pixels / 1_000_000:.0f} ล้านพิกเซล (เกิน {max_pixels // 1_000_000} ล้าน) "
                    "ให้ย่อขนาดภาพก่อนใส่ในโฟลเดอร์",
                    f"photo has {pixels / 1_000_000:.0f} megapixels (limit {max_pixels // 1_000_000}): "
                    "resize it first"))
    return problems


def _pixel_count(path: Path) -> int | None:
    """Width x height from the file header only (no decoding); None if unreadable."""
    from PIL import Image

    if path.suffix.lower() in (".heic", ".heif"):
        try:
            from pillow_heif import register_heif_opener

            register_heif_opener()
        except ImportError:
            return None
    try:
        with Image.open(path) as image:
            width, height = image.size
    except Exception:  # unreadable photos are reported by the gallery plugin at build time
        return None
    return width * height


def check_typos(site: Site) -> list[Problem]:
    """Thai typing errors (เ+เ for แ, doubled or misplaced marks, zero-width characters)."""
    from thai_text.typos import describe_typo, find_typos

    problems = []
    for source in site.sources:
        for number, line in enumerate(source.lines, start=1):
            if not THAI.search(line) and "\u200b" not in line:
                continue
            for _, _column, found, suggestion in find_typos(line):
                what = describe_typo(found)
                thai_what, _, english_what = what.partition(" / ")
                word = _word_around(line, found)
                fixed = word.replace(found, suggestion, 1)
                problems.append(site.problem(
                    source, number, WARNING, "typo",
                    f'พิมพ์ผิด: {thai_what} ใน "{word}" ควรเป็น "{fixed}"',
                    f'typing error: {english_what or thai_what} in "{word}", should be "{fixed}"'))
    return problems


def _word_around(line: str, found: str) -> str:
    at = line.find(found)
    if at < 0:
        return found
    start, end = at, at + len(found)
    while start > 0 and THAI.match(line[start - 1]) and at - start < 12:
        start -= 1
    while end < len(line) and THAI.match(line[end]) and end - at < 12 + len(found):
        end += 1
    return line[start:end]


# Words Thai writers often misspell although every piece is a dictionary word (so no segmenter
# finds them): wrong -> right. None of the wrong forms is part of a correct word.
COMMON_MISSPELLINGS = {
    "อนุญาติ": "อนุญาต",
    "สังเกตุ": "สังเกต",
    "กฏหมาย": "กฎหมาย",
    "กฏเกณฑ์": "กฎเกณฑ์",
    "กฏระเบียบ": "กฎระเบียบ",
    "ปฎิบัติ": "ปฏิบัติ",
    "ปรากฎ": "ปรากฏ",
    "โอกาศ": "โอกาส",
    "อิเล็คทรอนิกส์": "อิเล็กทรอนิกส์",
    "บุคคลากร": "บุคลากร",
    "ผลัดดัน": "ผลักดัน",
    "คลีนิก": "คลินิก",
    "ลายเซ็นต์": "ลายเซ็น",
    "ผูกพันธ์": "ผูกพัน",
    "สาระพัด": "สารพัด",
    "ทรัพยากรณ์": "ทรัพยากร",
    "มาตรการณ์": "มาตรการ",
    "สัมนา": "สัมมนา",
    "ผลสัมฤทธ์": "ผลสัมฤทธิ์",
    "ศรัธา": "ศรัทธา",
    "ประณีประนอม": "ประนีประนอม",
    "บรรเทิง": "บันเทิง",
    "ดำริห์": "ดำริ",
}


@lru_cache(maxsize=4)
def _segmenter(site_words: tuple[str, ...]):
    from thai_text.segment import Segmenter

    return Segmenter(site_words, persist=False)


@lru_cache(maxsize=1)
def _norvig():
    from pythainlp.spell import NorvigSpellChecker

    return NorvigSpellChecker()


@lru_cache(maxsize=1)
def _dictionary_words() -> frozenset[str]:
    from pythainlp.corpus.common import thai_words

    return frozenset(thai_words())


class _SpellChecker:
    """pythainlp's Norvig spell checker, with the site dictionary's words counted as known."""

    def __init__(self, site_words):
        self.checker = _norvig()
        self.known_words = _dictionary_words() | frozenset(site_words)
        self._edits1 = importlib.import_module("pythainlp.spell.pn")._edits1

    def suggestion(self, word: str) -> str | None:
        """The most frequent known word one edit away, if any (no two-edit search: too slow)."""
        candidates = self.checker.known(self._edits1(word))
        if not candidates:
            return None
        return max(candidates, key=lambda w: (self.checker.freq(w), w))


def check_spelling(site: Site) -> list[Problem]:
    """Thai words neither the dictionaries nor pythainlp's spell checker know (warnings).

    Common misspellings made of dictionary pieces (อนุญาติ, กฏหมาย) are looked up in
    COMMON_MISSPELLINGS. Text is segmented with the site's segmenter (pythainlp words + site dictionary); a run of
    tokens that are not dictionary words (with 1-2 letter fragments next to them) is one
    suspicious word. Runs shorter than 3 letters, words in the site dictionary and words the
    spell checker knows are skipped; each word is reported once per file.
    """
    if not site.settings["CHECK_SPELLING"]:
        return []
    speller = _SpellChecker(site.site_words)
    segmenter = site.segmenter
    problems = []
    for source in site.sources:
        reported = set()
        for number, line in source.prose_lines():
            if not THAI.search(line):
                continue
            text = URLISH.sub(" ", INLINE_CODE.sub(" ", line))
            found = [(w, r) for w, r in COMMON_MISSPELLINGS.items() if w in text]
            for wrong, right in found:
                text = text.replace(wrong, " ")
            found += _suspicious_runs(segmenter.segment(text), speller)
            for word, better in found:
                if word in reported:
                    continue
                reported.add(word)
                hint_th = f' หรือควรเป็น "{better}"' if better else ""
                hint_en = f' (did you mean "{better}"?)' if better else ""
                problems.append(site.problem(
                    source, number, WARNING, "spelling",
                    f'ไม่รู้จักคำว่า "{word}"{hint_th} ถ้าสะกดถูกแล้ว ให้เพิ่มคำนี้ใน '
                    f"{_relative(site.dictionary_path, site.root)}",
                    f'unknown word "{word}"{hint_en}; if it is right, add it to the site dictionary'))
    return problems


def _letters(word: str) -> int:
    return len(COMBINING.sub("", word))


def _suspicious_runs(tokens: list[str], speller: _SpellChecker) -> list[tuple[str, str | None]]:
    """(word, suggestion or None) for each run of consecutive non-dictionary Thai tokens.

    A misspelt word is often cut into a dictionary piece and an unknown piece (ทุจจริต ->
    ทุ|จ|จริต), so the run is also tried joined with its neighbours: if one of those is a known
    word the run is only a segmentation artefact; if one is one edit away from a known word, that
    is the suggestion.
    """
    found = []
    i = 0
    while i < len(tokens):
        if not THAI_WORD.match(tokens[i]) or tokens[i] in speller.known_words:
            i += 1
            continue
        j = i
        while j + 1 < len(tokens) and THAI_WORD.match(tokens[j + 1]) and tokens[j + 1] not in speller.known_words:
            j += 1
        run = "".join(tokens[i : j + 1])
        before = tokens[i - 1] if i > 0 and THAI_WORD.match(tokens[i - 1]) else ""
        after = tokens[j + 1] if j + 1 < len(tokens) and THAI_WORD.match(tokens[j + 1]) else ""
        combos = [c for c in dict.fromkeys((run, before + run, run + after, before + run + after)) if c]
        if any(speller.checker.known([c]) for c in combos):
            i = j + 1
            continue
        reported = None
        for combo in reversed(combos):
            better = speller.suggestion(combo) if _letters(combo) >= 3 else None
            if better:
                reported = (combo, better)
                break
        if reported is None and _letters(run) >= 3:
            reported = (run, None)
        if reported:
            found.append(reported)
        i = j + 1
    return found


def check_links(site: Site) -> list[Problem]:
    """Links inside the site must lead somewhere: {filename} targets and site-relative URLs."""
    problems = []
    for source in site.sources:
        fenced = False
        for number, line in enumerate(source.lines, start=1):
            if FENCE.match(line):
                fenced = not fenced
                continue
            if fenced:
                continue
            targets = [m["target"] for m in MD_LINK.finditer(INLINE_CODE.sub("", line))]
            targets += [m["target"] for m in HTML_LINK.finditer(line)]
            ref = REF_LINK.match(line)
            if ref:
                targets.append(ref["target"])
            for target in targets:
                problem = _check_link(site, source, number, target)
                if problem:
                    problems.append(problem)
    return problems


_PLACEHOLDER = re.compile(r"^[{|](?P<kind>filename|static|attach|category|tag|index|author)[}|](?P<rest>.*)$")


def _check_link(site: Site, source: Source, line: int, target: str) -> Problem | None:
    target = target.strip()
    match = _PLACEHOLDER.match(target)
    if match:
        kind, rest = match["kind"], unquote(match["rest"])
        if kind in ("filename", "static", "attach"):
            path_part = rest.split("#", 1)[0].split("?", 1)[0]
            if path_part.startswith("/"):
                resolved = site.content_dir / path_part.lstrip("/")
            else:
                resolved = source.path.parent / path_part
            if not path_part or not resolved.is_file():
                return site.problem(
                    source, line, ERROR, "link",
                    f'ลิงก์ไปยัง "{target}" ไม่พบไฟล์ {_relative(resolved, site.root)} '
                    "ตรวจชื่อไฟล์ (ชื่อไฟล์ข่าวคือ Slug ตามด้วย .md)",
                    f'link "{target}" leads nowhere: {_relative(resolved, site.root)} does not exist')
            linked = next((s for s in site.sources if s.path.resolve() == resolved.resolve()), None)
            if linked is not None and linked.status == "draft" and source.status != "draft":
                return site.problem(
                    source, line, WARNING, "link",
                    f'ลิงก์ไปยัง "{target}" ซึ่งยังเป็นฉบับร่าง ผู้อ่านจะเปิดไม่ได้จนกว่าจะเผยแพร่',
                    f'link "{target}" points to a draft, which readers cannot open until it is published')
            return None
        if kind == "category":
            if rest not in site.categories and rest not in site.used_categories:
                return site.problem(
                    source, line, ERROR, "link",
                    f'ลิงก์ไปยังหมวด "{rest}" ซึ่งไม่มี หมวดที่มี: {", ".join(site.categories)}',
                    f'link to the unknown category "{rest}"; categories: {", ".join(site.categories)}')
        if kind == "tag" and rest not in site.tags:
            return site.problem(
                source, line, ERROR, "link",
                f'ลิงก์ไปยังป้ายกำกับ "{rest}" ซึ่งไม่มีข่าวใดใช้',
                f'link to the tag "{rest}", which no article uses')
        if kind in ("category", "tag"):
            return _taxonomy_link(site, source, line, target, kind, rest)
        return None

    parts = urlsplit(target)
    if parts.scheme or target.startswith(("#", "//")) or not parts.path:
        return None  # another site, mail, phone or an anchor in the same page
    path = unquote(parts.path)
    if path.endswith(".md"):
        return site.problem(
            source, line, ERROR, "link",
            f'ลิงก์ "{target}" ชี้ไปที่ไฟล์ต้นฉบับ ให้เขียนเป็น {{filename}}{path} แทน',
            f'link "{target}" names a source file: write {{filename}}{path} instead')
    if path.startswith("/"):
        site_path = path.lstrip("/")
    else:  # relative to the page's own URL
        own = site.settings.get("ARTICLE_URL" if source.kind == "article" else "PAGE_URL", "{slug}/")
        base = own.format(slug=site.slug_of(source))
        site_path = posixpath.normpath(posixpath.join(posixpath.dirname(base.rstrip("/") + "/x"), path))
        site_path = "" if site_path == "." else site_path + ("/" if path.endswith("/") else "")
    if _url_exists(site, site_path):
        return None
    return site.problem(
        source, line, ERROR, "link",
        f'ลิงก์ "{target}" ไม่พบหน้านี้ในเว็บไซต์ ตรวจที่อยู่ หรือใช้ {{filename}}ชื่อไฟล์.md เพื่อลิงก์ไปยังข่าว',
        f'link "{target}" leads to no page of the site: fix it, or link to a post with {{filename}}file.md')


def _taxonomy_link(site: Site, source: Source, line: int, target: str, kind: str, name: str):
    """Pelican resolves {category}/{tag} links with its own slug, not the site's readable one."""
    from pelican.urlwrappers import Category, Tag

    wrapper = (Category if kind == "category" else Tag)(name, site.settings)
    ours = site.slugify(name)
    if wrapper.slug == ours:
        return None
    url = site.settings.get(f"{kind.upper()}_URL", f"{kind}/{{slug}}/").format(slug=ours)
    return site.problem(
        source, line, ERROR, "link",
        f'ลิงก์ "{target}" จะได้ที่อยู่ /{wrapper.url} ซึ่งไม่มีอยู่จริง ให้เขียน /{url} แทน',
        f'link "{target}" would lead to /{wrapper.url}, which does not exist: write /{url} instead')


def _url_exists(site: Site, site_path: str) -> bool:
    site_path = re.sub(r"(^|/)index\.html$", r"\1", site_path)
    site_path = re.sub(r"page/\d+/$", "", site_path)
    if site_path in site.known_urls or (site_path + "/") in site.known_urls:
        return True
    first = site_path.split("/", 1)[0]
    if first == site.settings.get("THEME_STATIC_DIR", "theme"):
        theme = Path(site.settings.get("THEME", "theme"))
        theme = theme if theme.is_absolute() else site.root / theme
        return (theme / "static" / site_path.split("/", 1)[-1]).exists()
    if first == site.settings.get("GALLERY_OUTPUT_DIR", "galleries"):
        name = site_path.split("/")[1] if "/" in site_path else ""
        return (site.gallery_root / name).is_dir()
    if first in (site.settings.get("STATIC_PATHS") or []) or first == "pagefind":
        return first == "pagefind" or (site.content_dir / site_path).exists()
    return False


RULES = (
    check_metadata,
    check_dates,
    check_slugs,
    check_galleries,
    check_captions,
    check_photo_sizes,
    check_typos,
    check_spelling,
    check_links,
)


def check_content(content_dir, settings: dict | None = None, *, root=None, now=None, rules=RULES) -> list[Problem]:
    """Every problem of the content in `content_dir` (Pelican settings dict), errors first."""
    site = Site(content_dir, settings, root=root, now=now)
    problems: list[Problem] = []
    for rule in rules:
        problems.extend(rule(site))
    return sorted(problems, key=lambda p: (p.level != ERROR, p.path, p.line or 0, p.rule))


def load_settings(settings_file=ROOT / "pelicanconf.py") -> dict:
    """The site's Pelican settings (plugins are not loaded: the check reads, never builds)."""
    from pelican.settings import read_settings

    cwd = os.getcwd()
    try:
        os.chdir(Path(settings_file).resolve().parent)
        return read_settings(str(settings_file))
    finally:
        os.chdir(cwd)


def main(content_dir=None, settings_file=ROOT / "pelicanconf.py", stream=None) -> int:
    """Print every problem, one per line, then a summary; 1 if there is an error, else 0."""
    stream = stream or sys.stdout
    settings = load_settings(settings_file)
    content = Path(content_dir) if content_dir else Path(settings["PATH"])
    if not content.is_absolute():
        content = Path(settings_file).resolve().parent / content
    problems = check_content(content, settings, root=Path(settings_file).resolve().parent)
    for problem in problems:
        print(problem, file=stream)
    errors = sum(p.level == ERROR for p in problems)
    warnings = len(problems) - errors
    print(
        f"ตรวจเนื้อหาแล้ว: ข้อผิดพลาด {errors} รายการ คำเตือน {warnings} รายการ"
        f" / content check: {errors} error(s), {warnings} warning(s)",
        file=stream,
    )
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:2]))
