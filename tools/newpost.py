"""Start a new press release: `invoke new-post "ชื่อข่าว"` writes content/news/<slug>.md.

The file has every metadata field filled in (today's date and time in Bangkok, in the Buddhist
era; a readable ASCII slug fixed at creation so that the URL never changes when the title is
edited later; the category, tags and author) and a short Thai body to replace. A new post starts
as `Status: draft`: it is built under drafts/ for preview and never published until the author
changes the status (see docs/developers/terminal/01-writing.md). With a gallery name, the photo folder
content/galleries/<name>/ is created with a captions.txt that explains itself.
"""

from __future__ import annotations

import datetime as _dt
import re
import sys
from dataclasses import dataclass
from pathlib import Path
from zoneinfo import ZoneInfo

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT / "plugins") not in sys.path:
    sys.path.insert(0, str(ROOT / "plugins"))

from content_guard.verdict import effective_settings  # noqa: E402
from thai_date.formats import BE_OFFSET, DEFAULT_TIMEZONE  # noqa: E402
from thai_text.slugs import slug_for  # noqa: E402

DEFAULT_CATEGORY = "ข่าวประชาสัมพันธ์"
DEFAULT_AUTHOR = "กลุ่มงานประชาสัมพันธ์ ศปท."
DEFAULT_TAGS = "ต่อต้านการทุจริต"
SLUG_PATTERN = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")

BODY_TEMPLATE = """\
ย่อหน้าแรก: ใคร ทำอะไร ที่ไหน เมื่อไร และเพื่ออะไร เขียนให้ผู้อ่านเข้าใจข่าวได้จากย่อหน้านี้ย่อหน้าเดียว

## รายละเอียด

เขียนรายละเอียดของกิจกรรมหรือประกาศที่นี่ แบ่งย่อหน้าสั้น ๆ และใช้หัวข้อย่อยเมื่อเนื้อหายาว

- ประเด็นสำคัญข้อที่หนึ่ง
- ประเด็นสำคัญข้อที่สอง
"""

CAPTIONS_TEMPLATE = """\
# วางภาพถ่ายของข่าวนี้ (JPEG, PNG, WebP หรือ HEIC จากโทรศัพท์) ไว้ในโฟลเดอร์นี้
# แล้วเขียนคำบรรยายภาพละหนึ่งบรรทัดในรูป   ชื่อไฟล์.jpg: คำบรรยายภาพ
# ภาพจะแสดงตามลำดับบรรทัดในไฟล์นี้ ข้อมูลตำแหน่ง GPS ในภาพจะถูกลบก่อนเผยแพร่
# Put the photos of this post in this folder and write one "file.jpg: caption" line per photo.
"""


class NewPostError(Exception):
    """The post cannot be created; the message (Thai / English) says why and what to do."""


@dataclass
class NewPost:
    path: Path
    slug: str
    gallery_dir: Path | None
    text: str


def site_settings(content_dir=None, settings: dict | None = None) -> dict:
    """The site's settings (pelicanconf.py unless given) with every plugin's defaults, for
    `content_dir` when given."""
    if settings is None:
        from tools.check import load_settings

        settings = load_settings()
    settings = dict(settings)
    if content_dir is not None:
        settings["PATH"] = str(Path(content_dir).resolve())
    return effective_settings(settings)


def be_datetime(moment: _dt.datetime, timezone: str = DEFAULT_TIMEZONE) -> str:
    """`2569-11-22 10:15`: the Buddhist-era date and time an author writes in `Date:`."""
    moment = moment.astimezone(ZoneInfo(timezone)) if moment.tzinfo else moment
    return f"{moment.year + BE_OFFSET:04d}-{moment.month:02d}-{moment.day:02d} {moment:%H:%M}"


def _unique_slug(slug: str, news_dir: Path) -> str:
    """`slug`, or `slug-2`, `slug-3`... when a post with that file name exists already."""
    candidate, number = slug, 2
    while (news_dir / f"{candidate}.md").exists():
        candidate = f"{slug}-{number}"
        number += 1
    return candidate


def render_post(title, *, slug, category, tags, author, date_text, gallery=None) -> str:
    """The text of a new post: metadata block, blank line, Thai body template."""
    lines = [
        f"Title: {title}",
        f"Date: {date_text}",
        f"Category: {category}",
        f"Tags: {tags}",
        f"Slug: {slug}",
        f"Author: {author}",
        "Status: draft",
    ]
    if gallery:
        lines.append(f"Gallery: {gallery}")
    return "\n".join(lines) + "\n\n" + BODY_TEMPLATE


def create_post(
    title: str,
    *,
    content_dir: str | Path = ROOT / "content",
    category: str = DEFAULT_CATEGORY,
    categories: list[str] | tuple[str, ...] | None = None,
    gallery: str | None = None,
    slug: str | None = None,
    tags: str = DEFAULT_TAGS,
    author: str = DEFAULT_AUTHOR,
    now: _dt.datetime | None = None,
    settings: dict | None = None,
) -> NewPost:
    """Write content/news/<slug>.md (and content/galleries/<gallery>/); never overwrite a file.

    `settings`: the site's Pelican settings (default: pelicanconf.py): the slug is the one the
    build gives the title (thai_text's `slug_for`, THAI_TEXT_ROMANIZATION included), the date is in
    the site's TIMEZONE, the gallery folder is under GALLERY_SOURCE_DIR."""
    settings = site_settings(content_dir, settings)
    title = " ".join((title or "").split())
    if not title or title.startswith("-"):
        raise NewPostError('โปรดระบุชื่อข่าว เช่น invoke new-post "ชื่อข่าว" / give a title: invoke new-post "title"')
    if categories and category not in categories:
        raise NewPostError(
            f'ไม่มีหมวด "{category}" หมวดที่ใช้ได้: {", ".join(categories)} / '
            f'unknown category "{category}"; allowed: {", ".join(categories)}'
        )
    content_dir = Path(content_dir)
    news_dir = content_dir / "news"
    if slug:
        if not SLUG_PATTERN.fullmatch(slug):
            raise NewPostError(
                f'Slug "{slug}" ใช้ได้เฉพาะอักษรอังกฤษตัวเล็ก ตัวเลข และขีด (-) เช่น integrity-training-2569 / '
                "a slug may only hold lowercase a-z, digits and hyphens"
            )
        path = news_dir / f"{slug}.md"
        if path.exists():
            raise NewPostError(
                f"{path.relative_to(content_dir.parent)} มีอยู่แล้ว ไม่เขียนทับ เลือก --slug อื่น / "
                "exists already and is never overwritten: choose another --slug"
            )
    else:
        base = slug_for(settings, title) or "news"
        slug = _unique_slug(base, news_dir)
        path = news_dir / f"{slug}.md"
    if gallery is not None and not SLUG_PATTERN.fullmatch(gallery):
        raise NewPostError(
            f'ชื่อแกลเลอรี "{gallery}" ใช้ได้เฉพาะอักษรอังกฤษตัวเล็ก ตัวเลข และขีด (-) / '
            "a gallery name may only hold lowercase a-z, digits and hyphens"
        )

    text = render_post(
        title,
        slug=slug,
        category=category,
        tags=tags,
        author=author,
        date_text=be_datetime(now or _dt.datetime.now(_dt.timezone.utc), settings["TIMEZONE"]),
        gallery=gallery,
    )
    news_dir.mkdir(parents=True, exist_ok=True)
    try:
        with open(path, "x", encoding="utf-8") as out:  # "x": never overwrite
            out.write(text)
    except FileExistsError:
        raise NewPostError(
            f"{path} มีอยู่แล้ว ไม่เขียนทับ / exists already and is never overwritten"
        ) from None

    gallery_dir = None
    if gallery:
        gallery_dir = content_dir / settings["GALLERY_SOURCE_DIR"] / gallery
        gallery_dir.mkdir(parents=True, exist_ok=True)
        captions = gallery_dir / "captions.txt"
        if not captions.exists():
            captions.write_text(CAPTIONS_TEMPLATE, encoding="utf-8")
    return NewPost(path=path, slug=slug, gallery_dir=gallery_dir, text=text)


def report(post: NewPost, root: Path = ROOT) -> str:
    """What the author reads after `invoke new-post`: where the file is, what to do next (Thai)."""

    def rel(path: Path) -> str:
        try:
            return str(path.resolve().relative_to(root.resolve()))
        except ValueError:
            return str(path)

    lines = [
        f"สร้างข่าวใหม่แล้ว: {rel(post.path)}",
        f"  ที่อยู่ของข่าวเมื่อเผยแพร่: news/{post.slug}/ (Slug ไม่เปลี่ยนแม้แก้ชื่อข่าวภายหลัง)",
        "  ข่าวนี้ยังเป็นฉบับร่าง (Status: draft) ดูตัวอย่างได้ที่ "
        f"http://127.0.0.1:8000/drafts/{post.slug}/ ระหว่างใช้ invoke livereload",
        "  เมื่อพร้อมเผยแพร่ ให้ลบบรรทัด Status: draft แล้วตรวจด้วย invoke check",
    ]
    if post.gallery_dir:
        lines += [
            f"วางภาพถ่ายไว้ที่: {rel(post.gallery_dir)}/",
            f"  เขียนคำบรรยายภาพใน {rel(post.gallery_dir / 'captions.txt')} บรรทัดละภาพ "
            "ในรูป ชื่อไฟล์.jpg: คำบรรยายภาพ",
        ]
    lines.append(f"Created {rel(post.path)} (draft); see docs/developers/terminal/01-writing.md")
    return "\n".join(lines)
