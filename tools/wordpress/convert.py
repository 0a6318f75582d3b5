"""A WordPress body (block editor or classic editor) to clean Markdown, in two steps.

`prepare(item, catalog)` runs before any media is fetched: it reads Gutenberg blocks or adds the
classic editor's paragraphs, expands shortcodes (`[caption]` -> a figure with its caption,
`[gallery]` and `wp:gallery` -> the post's gallery, `[embed]` and YouTube/Facebook iframes ->
plain links), removes Word and Facebook clutter, and lists the uploads the body needs.
`render(prepared, links)` runs after the media are in `content/`: it points images and links at
their new places (`{static}` files, `{filename}` posts) and writes the Markdown.

Whatever cannot be converted is listed in `problems` as (Thai, English) pairs, one per kind of
problem, so the report can show it post by post.
"""

from __future__ import annotations

import html
import re
import sys
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol
from urllib.parse import urlsplit

from bs4 import BeautifulSoup, NavigableString

from .autop import add_paragraphs
from .blocks import Block, has_blocks, parse_blocks
from .catalog import Catalog, Target
from .clutter import clean_clutter
from .markdown import to_markdown
from .shortcodes import Shortcode, replace_shortcodes
from .wxr import Item

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT / "plugins") not in sys.path:
    sys.path.insert(0, str(ROOT / "plugins"))

from content_guard.sanitize import video_link  # noqa: E402  (the build's own embed rule)
from thai_text.quotes import first_words  # noqa: E402
from thai_text.typos import fix_typos  # noqa: E402
from thai_text.zawgyi import zawgyi_lines  # noqa: E402

YOUTUBE_ID = re.compile(
    r"^https?://(?:www\.|m\.)?(?:youtube\.com/(?:watch\?(?:.*&)?v=|embed/|shorts/|live/)|youtu\.be/)"
    r"(?P<id>[A-Za-z0-9_-]{6,20})")
FACEBOOK_VIDEO = re.compile(r"^https?://(?:www\.|web\.|m\.)?(?:facebook\.com|fb\.watch)/\S+$")
BARE_URL = re.compile(r"^\s*(https?://\S+)\s*$")
# Comments left after the block delimiters are read: <!--more-->, Word's <!--[if gte mso 9]>...
COMMENT = re.compile(r"<!--.*?-->", re.S)
STRAY_CLOSER = re.compile(r"\[/[a-z][a-z0-9_-]*\]")
# Core blocks whose HTML is their content (the delimiters simply go).
HTML_BLOCKS = {
    "paragraph", "heading", "list", "list-item", "table", "quote", "pullquote", "separator",
    "spacer", "columns", "column", "group", "buttons", "button", "image", "code", "preformatted",
    "verse", "details", "file", "cover", "media-text", "html", "text-columns", "row", "stack",
    "missing", "footnotes", "video", "audio",
}
# Core blocks WordPress draws from the database at view time: nothing to convert.
DYNAMIC_BLOCKS = {
    "latest-posts", "categories", "archives", "calendar", "search", "rss", "tag-cloud",
    "social-links", "navigation", "query", "latest-comments", "page-list", "post-title",
    "post-content", "site-title", "site-logo", "loginout", "comments",
}
VIDEO_TEXT = "ชมวิดีโอบน {site}"
MEDIA_TEXT = {"video": "ไฟล์วิดีโอ", "audio": "ไฟล์เสียง"}


@dataclass
class Prepared:
    item: Item
    html: str
    galleries: list[list[str]] = field(default_factory=list)  # attachment ids per gallery
    gallery_captions: dict[str, str] = field(default_factory=dict)  # id -> caption in the body
    uploads: list[str] = field(default_factory=list)  # uploads the body shows or links to
    converted: Counter = field(default_factory=Counter)
    problems: list[tuple[str, str]] = field(default_factory=list)

    def problem(self, thai: str, english: str) -> None:
        if (thai, english) not in self.problems:
            self.problems.append((thai, english))


class Links(Protocol):
    """Where things of the old site are now (the importer answers after fetching media)."""

    def item(self, item_id: str) -> tuple[str | None, str]: ...  # (href, why not)
    def media(self, upload: str) -> str | None: ...
    def taxonomy(self, kind: str, slug: str) -> str | None: ...
    def feed(self) -> str: ...
    def home(self) -> str: ...


def video_page(url: str) -> tuple[str, str] | None:
    """(watch URL, site) for a YouTube or Facebook video URL or embed address, else None."""
    url = html.unescape(url or "").strip()
    found = video_link(url)
    if found:
        return found
    m = YOUTUBE_ID.match(url)
    if m:
        return f"https://www.youtube.com/watch?v={m['id']}", "YouTube"
    if FACEBOOK_VIDEO.match(url) and ("video" in url or "watch" in url or "fb.watch" in url):
        return url, "Facebook"
    return None


def _link_html(url: str, text: str) -> str:
    return f'<p><a href="{html.escape(url, quote=True)}">{html.escape(text)}</a></p>'


# -- step 1: before the media --------------------------------------------------------------------


def prepare(item: Item, catalog: Catalog) -> Prepared:
    out = Prepared(item=item, html="")
    text = item.content or ""
    if has_blocks(text):
        out.converted["gutenberg"] += 1
        text = _blocks_html(parse_blocks(text), catalog, out, depth=0)
    else:
        text = add_paragraphs(COMMENT.sub("", text))
    text = COMMENT.sub("", text)
    text = replace_shortcodes(text, lambda code: _shortcode(code, catalog, out))
    for stray in STRAY_CLOSER.findall(text):
        out.problem(f"ป้ายปิด {stray} ที่ไม่มีป้ายเปิด ถูกลบออก", f"a closing {stray} without an opening tag was removed")
    text = STRAY_CLOSER.sub("", text)
    soup = BeautifulSoup(text, "html.parser")
    _media_elements(soup, catalog, out)
    removed = clean_clutter(soup)
    if removed.get("word") or removed.get("office") or removed.get("word-list"):
        out.converted["word"] += 1
    if removed.get("emoji"):
        out.converted["facebook"] += 1
    for name in ("script", "form", "object", "embed", "svg", "canvas", "button", "input"):
        if removed.get(name):
            out.problem(f"ลบ <{name}> ออกแล้ว (แปลงเป็น Markdown ไม่ได้)", f"<{name}> removed (no Markdown for it)")
    _bare_video_urls(soup, out)
    _typos(soup, out)
    _zawgyi(soup, out)
    for img in soup.find_all("img"):
        upload = catalog.upload_of(img.get("src", ""))
        if upload:
            _need(out, catalog, upload)
    for a in soup.find_all("a", href=True):
        target = catalog.resolve(a["href"])
        if target and target.kind == "media":
            _need(out, catalog, target.upload)
    out.html = str(soup)
    return out


def _need(out: Prepared, catalog: Catalog, upload: str) -> None:
    attachment = catalog.attachment_for_upload(upload)
    rel = attachment.original if attachment else upload
    if rel not in out.uploads:
        out.uploads.append(rel)


def _blocks_html(parts: list, catalog: Catalog, out: Prepared, depth: int) -> str:
    html_parts = []
    for part in parts:
        if isinstance(part, str):
            # HTML outside any block is the classic editor's ("freeform"): it needs paragraphs.
            html_parts.append(add_paragraphs(part) if part.strip() and depth == 0 else part)
            continue
        html_parts.append(_block(part, catalog, out, depth))
    return "".join(html_parts)


def _block(block: Block, catalog: Catalog, out: Prepared, depth: int) -> str:
    name = block.name
    if block.bad_attrs:
        out.problem(f"บล็อก {name} มีค่าตั้ง JSON ที่อ่านไม่ได้", f"block {name} has unreadable JSON attributes")
    if name == "gallery":
        _gallery_block(block, catalog, out)
        return ""
    if name in ("embed",) or name.startswith("core-embed/"):
        url = str(block.attrs.get("url") or "").strip()
        if not url:
            found = re.search(r"https?://[^\s<\"']+", block.html)
            url = found.group(0) if found else ""
        return _embed_html(url, out)
    if name == "block":
        ref = str(block.attrs.get("ref", ""))
        reusable = catalog.items.get(ref)
        if reusable is None or depth > 5:
            out.problem(f"ไม่พบบล็อกที่ใช้ซ้ำ (ref {ref}) ในไฟล์ส่งออก", f"reusable block {ref} is not in the export")
            return ""
        out.converted["reusable-block"] += 1
        return _blocks_html(parse_blocks(reusable.content), catalog, out, depth + 1)
    if name == "shortcode":
        return block.html
    if name == "freeform":
        return add_paragraphs(block.html)
    if name in ("more", "nextpage"):
        if name == "nextpage":
            out.converted["nextpage"] += 1
        return ""
    if name in DYNAMIC_BLOCKS:
        out.problem(f"บล็อก {name} ของ WordPress สร้างเนื้อหาจากฐานข้อมูล จึงไม่มีในไฟล์ที่นำเข้า "
                    "ให้เขียนส่วนนี้ใหม่ถ้ายังต้องการ",
                    f"the {name} block is drawn by WordPress from its database and has no content "
                    "here: write that part again if it is still needed")
        return ""
    inner = _blocks_html(block.children, catalog, out, depth + 1)
    if name in HTML_BLOCKS:
        return inner
    if inner.strip():
        out.problem(f"บล็อก {name} จากปลั๊กอิน: นำเข้าเฉพาะ HTML ที่บันทึกไว้ ตรวจดูว่าครบ",
                    f"plugin block {name}: only its saved HTML was imported; check that nothing is missing")
    else:
        out.problem(f"บล็อก {name} จากปลั๊กอินไม่มีเนื้อหาที่บันทึกไว้ จึงไม่ได้นำเข้า",
                    f"plugin block {name} has no saved content and was not imported")
    return inner


def _gallery_block(block: Block, catalog: Catalog, out: Prepared) -> None:
    ids = [str(i) for i in block.attrs.get("ids") or [] if str(i).isdigit()]
    for inner in block.inner_blocks():
        if inner.name == "image" and str(inner.attrs.get("id", "")).isdigit():
            ids.append(str(inner.attrs["id"]))
    soup = BeautifulSoup(block.html, "html.parser")
    figures = soup.find_all("figure") or []
    for img in soup.find_all("img"):
        found = _attachment_id_of(img, catalog)
        if found and found not in ids and not block.attrs.get("ids"):
            ids.append(found)
    for fig in figures:
        img, cap = fig.find("img"), fig.find("figcaption")
        found = _attachment_id_of(img, catalog) if img else None
        if found and cap and cap.get_text(strip=True) and fig.find("figure") is None:
            out.gallery_captions.setdefault(found, " ".join(cap.get_text(" ").split()))
    _add_gallery(list(dict.fromkeys(ids)), catalog, out, "wp:gallery")


def _attachment_id_of(img, catalog: Catalog) -> str | None:
    for attr in ("data-id", "data-attachment-id"):
        value = str(img.get(attr, ""))
        if value.isdigit():
            return value
    for cls in img.get("class", []) or []:
        m = re.fullmatch(r"wp-image-(\d+)", cls)
        if m:
            return m.group(1)
    upload = catalog.upload_of(img.get("src", ""))
    attachment = catalog.attachment_for_upload(upload) if upload else None
    return attachment.id if attachment else None


def _add_gallery(ids: list[str], catalog: Catalog, out: Prepared, form: str) -> None:
    known = [i for i in ids if i in catalog.attachments]
    missing = [i for i in ids if i not in catalog.attachments]
    if missing:
        out.problem(f"แกลเลอรีอ้างถึงไฟล์แนบที่ไม่มีในไฟล์ส่งออก (id {', '.join(missing[:8])})",
                    f"a gallery names attachments that are not in the export (ids {', '.join(missing[:8])})")
    if known:
        out.galleries.append(known)
        out.converted["gallery"] += 1
    elif not missing:
        out.problem(f"แกลเลอรี ({form}) ไม่มีภาพ", f"an empty gallery ({form})")


def _embed_html(url: str, out: Prepared) -> str:
    found = video_page(url)
    if found:
        out.converted["video"] += 1
        return _link_html(found[0], VIDEO_TEXT.format(site=found[1]))
    if url.startswith(("http://", "https://")):
        out.converted["embed-link"] += 1
        host = urlsplit(url).netloc
        return _link_html(url, f"เปิดลิงก์ {host}")
    out.problem("สื่อฝัง (embed) ที่ไม่มีที่อยู่ ถูกลบออก", "an embed without an address was removed")
    return ""


def _shortcode(code: Shortcode, catalog: Catalog, out: Prepared) -> str:
    name = code.name
    if name in ("caption", "wp_caption"):
        return _caption(code, out)
    if name == "gallery":
        _gallery_shortcode(code, catalog, out)
        return ""
    if name == "embed":
        return _embed_html((code.content or code.attrs.get("src", "")).strip(), out)
    if name in ("video", "audio"):
        src = next((v for k, v in code.attrs.items() if k in ("src", "mp4", "m4v", "webm", "mp3", "ogg", "wav")), "")
        if not src:
            out.problem(f"[{name}] ไม่มีไฟล์", f"[{name}] names no file")
            return ""
        found = video_page(src)
        if found:
            out.converted["video"] += 1
            return _link_html(found[0], VIDEO_TEXT.format(site=found[1]))
        out.converted["media-link"] += 1
        return _link_html(src, MEDIA_TEXT[name])
    if name == "youtube":
        return _embed_html(code.content or code.attrs.get("0", "") or code.attrs.get("id", ""), out)
    out.problem(f"ชอร์ตโค้ด [{name}] แปลงไม่ได้: ลบป้ายออก เหลือไว้เฉพาะข้อความข้างใน",
                f"shortcode [{name}] cannot be converted: the tags were removed, the text inside kept")
    return code.content or ""


def _caption(code: Shortcode, out: Prepared) -> str:
    soup = BeautifulSoup(code.content or "", "html.parser")
    img = soup.find("img")
    if img is None:
        out.problem("[caption] ที่ไม่มีภาพ: เหลือไว้เฉพาะข้อความ", "[caption] without an image: only its text kept")
        return code.content or ""
    holder = img.parent if img.parent is not None and img.parent.name == "a" else img
    holder.extract()
    caption = code.attrs.get("caption") or soup.get_text(" ")
    caption = " ".join(html.unescape(caption).split())
    out.converted["caption"] += 1
    figure = BeautifulSoup("<figure></figure>", "html.parser")
    fig = figure.figure
    fig.append(holder)
    if caption:
        cap = figure.new_tag("figcaption")
        cap.string = caption
        fig.append(cap)
    return str(figure)


def _gallery_shortcode(code: Shortcode, catalog: Catalog, out: Prepared) -> None:
    attrs = code.attrs
    listed = attrs.get("ids") or attrs.get("include") or ""
    ids = [i.strip() for i in listed.split(",") if i.strip().isdigit()]
    if not ids:  # [gallery] alone: every attachment of the post (or of the post named by id=)
        parent = attrs.get("id", "").strip() or out.item.post_id
        ids = list(catalog.children.get(parent, []))
        ids = [i for i in ids if _is_image(catalog.attachments[i].original)]
    exclude = {i.strip() for i in (attrs.get("exclude") or "").split(",")}
    ids = [i for i in ids if i not in exclude]
    if attrs.get("orderby", "").lower() == "rand":
        out.problem("[gallery orderby=rand] เรียงภาพแบบสุ่ม: นำเข้าตามลำดับที่บันทึกไว้",
                    "[gallery orderby=rand] shuffled its photos; they are imported in saved order")
    _add_gallery(ids, catalog, out, "[gallery]")


def _is_image(rel: str) -> bool:
    return rel.lower().rsplit(".", 1)[-1] in ("jpg", "jpeg", "jpe", "png", "webp", "heic", "heif", "gif")


def _media_elements(soup: BeautifulSoup, catalog: Catalog, out: Prepared) -> None:
    """Iframes, <video> and <audio> become links (the site loads nothing from elsewhere)."""
    for frame in soup.find_all("iframe"):
        src = frame.get("src", "") or frame.get("data-src", "")
        found = video_page(src)
        if found:
            out.converted["video"] += 1
            frame.replace_with(BeautifulSoup(_link_html(found[0], VIDEO_TEXT.format(site=found[1])), "html.parser"))
        elif src.startswith(("http://", "https://", "//")):
            host = urlsplit(src if not src.startswith("//") else "https:" + src).netloc
            out.problem(f"กรอบเว็บอื่น (iframe) จาก {host} เปลี่ยนเป็นลิงก์: ตรวจว่าใช้ได้",
                        f"an iframe from {host} became a link: check it")
            frame.replace_with(BeautifulSoup(_link_html(src, f"เปิด {host}"), "html.parser"))
        else:
            out.problem("กรอบเว็บ (iframe) ที่ไม่มีที่อยู่ ถูกลบออก", "an iframe without an address was removed")
            frame.decompose()
    for tag in soup.find_all(["video", "audio"]):
        src = tag.get("src") or next((s.get("src") for s in tag.find_all("source") if s.get("src")), "")
        if src:
            out.converted["media-link"] += 1
            tag.replace_with(BeautifulSoup(_link_html(src, MEDIA_TEXT[tag.name]), "html.parser"))
        else:
            tag.decompose()


def _bare_video_urls(soup: BeautifulSoup, out: Prepared) -> None:
    """A YouTube or Facebook address alone on its line: WordPress showed the player there."""
    for p in soup.find_all("p"):
        if p.find(True) is not None and not (p.find("a") and len(p.find_all(True)) == 1):
            continue
        m = BARE_URL.match(p.get_text())
        found = video_page(m.group(1)) if m else None
        if found:
            out.converted["video"] += 1
            p.replace_with(BeautifulSoup(_link_html(found[0], VIDEO_TEXT.format(site=found[1])), "html.parser"))


def _typos(soup: BeautifulSoup, out: Prepared) -> None:
    for text in soup.find_all(string=True):
        if isinstance(text, NavigableString) and re.search("[\u0e00-\u0e7f\u200b\u200c\ufeff]", text):
            fixed = fix_typos(str(text))
            if fixed != text:
                text.replace_with(fixed)
                out.converted["typo"] += 1


def _zawgyi(soup: BeautifulSoup, out: Prepared) -> None:
    """Burmese typed in the Zawgyi font (common before 2019): imported as written, since only a
    reader of Burmese can check a conversion, and named in the report; the content check's rule
    zawgyi stops the build until the text is replaced."""
    found = zawgyi_lines(soup.get_text("\n"))
    if found:
        sample = first_words(found[0][1], 24)
        out.problem(
            f'ข้อความภาษาเมียนมา {len(found)} ย่อหน้า (เช่น "{sample}") พิมพ์ด้วยฟอนต์ Zawgyi ไม่ใช่ Unicode: '
            "ระบบตรวจจะไม่ให้สร้างเว็บไซต์จนกว่าจะวางข้อความฉบับ Unicode แทน",
            f'{len(found)} paragraph(s) of Myanmar text (such as "{sample}") typed in the Zawgyi font, '
            "not Unicode: the content check stops the build until Unicode text replaces it",
        )


# -- step 2: after the media ---------------------------------------------------------------------


def render(prepared: Prepared, links: Links, catalog: Catalog) -> tuple[str, list[tuple[str, str]]]:
    """(Markdown, problems) with every image and link pointing at its new place."""
    problems = list(prepared.problems)

    def problem(thai, english):
        if (thai, english) not in problems:
            problems.append((thai, english))

    soup = BeautifulSoup(prepared.html, "html.parser")
    for img in soup.find_all("img"):
        src = img.get("src", "")
        upload = catalog.upload_of(src)
        new = links.media(_original(upload, catalog)) if upload else None
        if new:
            img["src"] = new
            if not (img.get("alt") or "").strip():
                img["alt"] = _alt_text(img, upload, catalog)
            continue
        if upload:
            problem(f"ไม่ได้นำเข้าภาพ {upload} (ดูรายการไฟล์ที่ดึงไม่สำเร็จ) จึงลบภาพออกจากเนื้อหา",
                    f"the image {upload} was not imported (see the failed files) and was removed")
        elif src.startswith(("http://", "https://", "//")):
            host = urlsplit(src if not src.startswith("//") else "https:" + src).netloc
            problem(f"ภาพจากเว็บไซต์อื่น ({host}) เปลี่ยนเป็นลิงก์: ดาวน์โหลดมาใส่ถ้าได้รับอนุญาต",
                    f"an image from another site ({host}) became a link: download it if you may use it")
            link = soup.new_tag("a", href=src)
            link.string = img.get("alt") or f"ภาพจาก {host}"
            img.replace_with(link)
            continue
        else:
            problem("ภาพที่ไม่มีที่อยู่ ถูกลบออก", "an image without an address was removed")
        img.replace_with(NavigableString(img.get("alt", "")))
    for a in soup.find_all("a", href=True):
        _rewrite_link(a, links, catalog, problem)
    markdown, kept = to_markdown(str(soup))
    if kept:
        problem("ตารางที่มีช่องผสานหรือมีย่อหน้าในช่อง เก็บไว้เป็น HTML: ตรวจการแสดงผล",
                "a table with merged cells or paragraphs in its cells was kept as HTML: check how it looks")
    return markdown, problems


def _alt_text(img, upload: str, catalog: Catalog) -> str:
    """Text for an image WordPress left without alt: its caption, the attachment's alt or title."""
    figure = img.find_parent("figure")
    caption = figure.find("figcaption") if figure is not None else None
    if caption is not None and caption.get_text(strip=True):
        return " ".join(caption.get_text(" ").split())
    attachment = catalog.attachment_for_upload(upload)
    if attachment is not None:
        title = " ".join(html.unescape(attachment.item.title).split())
        return attachment.alt or attachment.caption or title or "ภาพประกอบข่าว"
    return "ภาพประกอบข่าว"


def _original(upload: str, catalog: Catalog) -> str:
    attachment = catalog.attachment_for_upload(upload)
    return attachment.original if attachment else upload


def _rewrite_link(a, links: Links, catalog: Catalog, problem) -> None:
    href = a["href"]
    target: Target | None = catalog.resolve(href)
    if target is None:
        return
    img = a.find("img")
    fragment = f"#{target.fragment}" if target.fragment else ""
    new = None
    if target.kind == "media":
        new = links.media(_original(target.upload, catalog))
        if img is not None and new and img.get("src") == new:
            a.unwrap()  # an image linked to its own full-size file
            return
        if new is None:
            problem(f"ลิงก์ไปยังไฟล์ {target.upload} ที่ไม่ได้นำเข้า: เหลือไว้เฉพาะข้อความ",
                    f"a link to the file {target.upload}, which was not imported: only its text kept")
    elif target.kind == "item":
        attachment = catalog.attachments.get(target.item_id)
        if attachment is not None:  # an attachment page: the image itself, or the post it is in
            new = links.media(attachment.original)
            if img is not None and new:
                a.unwrap()
                return
            new = new or links.item(attachment.parent)[0]
        else:
            new, why = links.item(target.item_id)
            if new is None:
                problem(f"ลิงก์ไปยัง {href} ซึ่ง{why[0]}: เหลือไว้เฉพาะข้อความ",
                        f"a link to {href}, which {why[1]}: only its text kept")
            else:
                new += fragment
    elif target.kind in ("category", "tag"):
        new = links.taxonomy(target.kind, target.slug)
        if new is None:
            problem(f"ลิงก์ไปยังหมวดหรือแท็กเดิม {href} ที่ไม่มีแล้ว: เหลือไว้เฉพาะข้อความ",
                    f"a link to the old category or tag {href}, which no longer exists: only its text kept")
    elif target.kind == "home":
        new = links.home()
    elif target.kind == "feed":
        new = links.feed()
    else:
        problem(f"ลิงก์ไปยังหน้าเดิม {href} ซึ่งไม่มีในไฟล์ส่งออก: ตรวจและแก้ลิงก์",
                f"a link to the old page {href}, which is not in the export: check and fix it")
        return
    if new is None:
        a.unwrap()
    else:
        a["href"] = new
