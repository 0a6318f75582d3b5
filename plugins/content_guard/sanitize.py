"""Sanitising the HTML of a post with nh3 (an allowlist), and reporting what was removed.

Raw HTML pasted into Markdown (from Word, Facebook or a video site) goes through `sanitize`:
scripts, event-handler attributes, inline styles, `javascript:` and other foreign-scheme URLs,
images from other sites and iframes are dropped. Iframes of an allowed video site become a plain
link to the video, so the page itself loads nothing from another origin. The result tells what
was removed, in words an author understands.
"""

from __future__ import annotations

import html
import re
from collections import Counter
from dataclasses import dataclass, field
from html.parser import HTMLParser
from urllib.parse import parse_qs, urlsplit

import nh3

from .urls import is_same_site

TAGS = (set(nh3.ALLOWED_TAGS) - {"center", "tt", "acronym", "strike", "map", "area"}) | {"wbr"}
ATTRIBUTES = {
    "*": {"id", "class", "title", "lang", "dir"},
    "a": {"href", "hreflang", "rel"},
    "img": {"src", "alt", "width", "height", "loading"},
    "ol": {"start", "reversed"},
    "td": {"colspan", "rowspan", "headers"},
    "th": {"colspan", "rowspan", "headers", "scope", "abbr"},
    "time": {"datetime"},
    "data": {"value"},
    "del": {"datetime"},
    "ins": {"datetime"},
    "abbr": {"title"},
    "blockquote": {"cite"},
    "q": {"cite"},
}
URL_SCHEMES = {"http", "https", "mailto", "tel"}
CLASS_NAME = re.compile(r"^[A-Za-z][A-Za-z0-9_-]{0,40}$")
WORD_CLASS = re.compile(r"^(mso|x_|gmail|yiv|xl\d|font\d)", re.I)

IFRAME = re.compile(r"<iframe\b(?P<attrs>[^>]*)>(?:.*?</iframe\s*>)?", re.I | re.S)
SRC_ATTR = re.compile(r"""\bsrc\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))""", re.I)
YOUTUBE = re.compile(
    r"^https://(?:www\.)?(?:youtube\.com|youtube-nocookie\.com)/embed/(?P<id>[A-Za-z0-9_-]{6,20})(?:[?#].*)?$"
)
FACEBOOK = re.compile(r"^https://(?:www\.|web\.)?facebook\.com/plugins/video\.php\?")
FACEBOOK_VIDEO = re.compile(r"^https://(?:www\.|web\.|m\.)?facebook\.com/[^\s\"'<>]+$")
# Python-Markdown's tables extension aligns a column (`|---:|`) with an inline style, which the
# allowlist and the site's CSP refuse: that exact form becomes a class of the theme (site.css).
MARKDOWN_ALIGN = re.compile(r'<(t[dh]) style="text-align: (left|center|right);">')
MARKER = "\ue000guard-embed-{}\ue001"
MARKER_RE = re.compile("\ue000guard-embed-(\\d+)\ue001")


@dataclass
class Cleaned:
    html: str
    removed: list = field(default_factory=list)  # what was dropped, e.g. "<script>", "onclick"
    foreign_images: list = field(default_factory=list)  # src of images from other sites
    unsafe_links: list = field(default_factory=list)  # href values with a scheme that is not allowed
    embeds: list = field(default_factory=list)  # video links made from iframes


def video_link(src: str) -> tuple[str, str] | None:
    """(page URL, site name) of an allowed video embed, or None."""
    src = html.unescape(src).strip()
    match = YOUTUBE.match(src)
    if match:
        return f"https://www.youtube.com/watch?v={match.group('id')}", "YouTube"
    if FACEBOOK.match(src):
        target = parse_qs(urlsplit(src).query).get("href", [""])[0]
        if FACEBOOK_VIDEO.match(target):
            return target, "Facebook"
    return None


def _video_html(url: str, site: str) -> str:
    url = html.escape(url, quote=True)
    return (
        f'<a class="video-embed" href="{url}" rel="noopener noreferrer">'
        f"ชมวิดีโอบน {site} (เปิดเว็บไซต์ภายนอก)</a>"
    )


def unwrap_facebook(url: str) -> str:
    """Facebook wraps every outgoing link in l.facebook.com/l.php?u=...; keep only the target (and
    drop fbclid=). The WordPress import cleans pasted links with it too."""
    parts = urlsplit(url)
    if parts.netloc in ("l.facebook.com", "lm.facebook.com") and parts.path == "/l.php":
        target = parse_qs(parts.query).get("u", [""])[0]
        if target.startswith(("https://", "http://")):
            url = target
    return re.sub(r"([?&])fbclid=[^&#]*&?", r"\1", url).rstrip("?&")


def _scheme(url: str) -> str:
    """The scheme of `url` as a browser reads it ("" for a relative URL)."""
    from .urls import resolve

    parsed = resolve(url, "https://site.invalid/_/")
    if parsed is None:
        return ""
    scheme = parsed.protocol.rstrip(":")
    return "" if scheme in ("https", "http") and parsed.host == "site.invalid" else scheme


class _Inventory(HTMLParser):
    """Counts tags and attributes (and foreign image sources) of an HTML fragment."""

    def __init__(self, site_urls=()):
        super().__init__(convert_charrefs=True)
        self.items = Counter()
        self.foreign_images = []
        self.unsafe_links = []
        self.site_urls = site_urls

    def handle_starttag(self, tag, attrs):
        self.items[f"<{tag}>"] += 1
        for name, value in attrs:
            if name == "class":
                for cls in (value or "").split():
                    self.items[f"class={cls}"] += 1
            else:
                self.items[name] += 1
            if tag == "img" and name == "src" and value and not is_same_site(value, self.site_urls):
                self.foreign_images.append(value)
            if name == "href" and value and _scheme(value) not in URL_SCHEMES | {""}:
                self.unsafe_links.append(value)

    handle_startendtag = handle_starttag


def sanitize(fragment: str, site_urls=(), video_embeds: bool = True) -> Cleaned:
    """Return the fragment with only allowed HTML left, and what was removed."""
    if not fragment:
        return Cleaned(html=fragment or "")
    embeds = []

    def replace_iframe(match):
        src_match = SRC_ATTR.search(match.group("attrs"))
        src = next((g for g in src_match.groups() if g is not None), "") if src_match else ""
        link = video_link(src) if video_embeds else None
        if not link:
            return match.group(0)
        embeds.append(link)
        return MARKER.format(len(embeds) - 1)

    prepared = IFRAME.sub(replace_iframe, fragment)
    if "text-align" in prepared:
        prepared = MARKDOWN_ALIGN.sub(r'<\1 class="align-\2">', prepared)

    def attribute_filter(tag, attr, value):
        if attr == "class":
            kept = [c for c in value.split() if CLASS_NAME.match(c) and not WORD_CLASS.match(c)]
            return " ".join(kept) or None
        if tag == "a" and attr == "href":
            return unwrap_facebook(value)
        if tag == "img" and attr == "src":
            return value if is_same_site(value, site_urls) else None
        return value

    cleaned = nh3.clean(
        prepared,
        tags=TAGS,
        clean_content_tags={"script", "style", "template", "noscript", "iframe", "object", "svg", "math"},
        attributes=ATTRIBUTES,
        attribute_filter=attribute_filter,
        url_schemes=URL_SCHEMES,
        link_rel=None,
        strip_comments=True,
    )
    # An image without its (foreign) source would show as a broken picture: drop it whole.
    cleaned = re.sub(r"<img\b(?![^>]*\ssrc=)[^>]*>", "", cleaned)
    cleaned = MARKER_RE.sub(lambda m: _video_html(*embeds[int(m.group(1))]), cleaned)
    if not embeds and cleaned == prepared and "<img" not in prepared.lower():
        # nh3 gave every byte back: nothing was removed, and with no <img> there is no image
        # from another site to name. The two inventories below would find exactly that.
        return Cleaned(html=cleaned)

    before = _Inventory(site_urls)
    before.feed(MARKER_RE.sub("", prepared))
    before.close()
    after = _Inventory(site_urls)
    after.feed(MARKER_RE.sub("", cleaned))
    after.close()
    after.items.subtract({f"<a>": len(embeds)})
    removed = [item for item, count in before.items.items() if count > after.items.get(item, 0)]
    # Word's class names are formatting junk: report them once, not one by one.
    word = [item for item in removed if item.startswith("class=")]
    removed = [item for item in removed if not item.startswith("class=")]
    if word:
        removed.append("class=" + ",".join(sorted({w.split("=", 1)[1] for w in word}))[:60])
    return Cleaned(
        html=cleaned, removed=removed, foreign_images=before.foreign_images,
        unsafe_links=before.unsafe_links,
        embeds=[url for url, _site in embeds],
    )


EXPLAIN = {
    "<script>": ("สคริปต์", "scripts"),
    "<style>": ("การจัดรูปแบบ <style>", "<style> blocks"),
    "<iframe>": ("กรอบหน้าเว็บอื่น (iframe) ที่ไม่อยู่ในรายการวิดีโอที่อนุญาต", "iframes of sites not on the video allowlist"),
    "style": ("การจัดรูปแบบในแท็ก (style=)", "inline styles (style=)"),
    "href": ("ลิงก์ที่ไม่ปลอดภัย (เช่น javascript:)", "unsafe links (e.g. javascript:)"),
    "src": ("แหล่งรูปที่ไม่ปลอดภัย", "unsafe image sources"),
}


def describe(cleaned: Cleaned) -> tuple[str, str] | None:
    """(Thai, English) sentence about what was removed, or None when nothing was."""
    if not cleaned.removed and not cleaned.foreign_images:
        return None
    # A foreign image is dropped whole: its tag and attributes are not named one by one.
    image_parts = {"<img>", "src", "alt", "width", "height", "loading", "title"}
    items = [i for i in cleaned.removed if not (i in image_parts and cleaned.foreign_images)]
    th_parts, en_parts = [], []
    handlers = sorted(i for i in items if i.startswith("on"))
    if handlers:
        th_parts.append("คำสั่งเมื่อคลิกหรือโหลด (" + ", ".join(handlers) + ")")
        en_parts.append("event handlers (" + ", ".join(handlers) + ")")
    word = [i.split("=", 1)[1] for i in items if i.startswith("class=")]
    if word:
        th_parts.append(f"ชื่อคลาสที่ติดมาจาก Word หรือเว็บอื่น ({word[0]})")
        en_parts.append(f"class names pasted from Word or another site ({word[0]})")
    for item in sorted(set(items) - set(handlers) - {f"class={w}" for w in word}):
        th, en = EXPLAIN.get(item, (item, item))
        th_parts.append(th)
        en_parts.append(en)
    if cleaned.foreign_images:
        first = cleaned.foreign_images[0][:80].translate({9: "\\t", 10: "\\n", 13: "\\r"})
        th_parts.append(f"รูปจากเว็บไซต์อื่น ({first}) ให้ดาวน์โหลดมาไว้ใน content/images/")
        en_parts.append(f"images from another site ({first}); download them into content/images/")
    return (
        "ลบ HTML ที่ไม่อนุญาตออกแล้ว: " + "; ".join(th_parts)
        + " ตรวจดูว่าหน้าเว็บยังถูกต้อง แล้วลบส่วนนั้นออกจากไฟล์",
        "removed HTML that is not allowed: " + "; ".join(en_parts)
        + "; check the page and delete it from the file",
    )


def first_token(cleaned: Cleaned) -> str:
    """A string to look for in the source to find the line of the first removal."""
    if cleaned.foreign_images:
        return cleaned.foreign_images[0]
    for item in cleaned.removed:
        if item.startswith("<"):
            return item[:-1]
        if item.startswith("class="):
            return item.split("=", 1)[1].split(",")[0]
        if item == "href" and cleaned.unsafe_links:
            return cleaned.unsafe_links[0][:20]
        if item in ("href", "src"):
            return "javascript:" if item == "href" else "data:"
        return item
    return ""
