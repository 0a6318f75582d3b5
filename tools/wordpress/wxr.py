"""Reading a WordPress eXtended RSS export (WXR 1.0-1.2, as WordPress 5 and 6 write it).

`read_export(path)` streams the file through expat (memory grows with the items, not with a
document tree) and returns an `Export`: the site's addresses, authors, categories, tags and every
`<item>` as an `Item` with the line it starts on. Namespaces are matched by meaning, not by
version (`http://wordpress.org/export/1.1/` and `/1.2/` are both "wp").

A file that is not well-formed XML, is not a WordPress export, or declares entities raises
`ExportError`, whose message names the file and line in Thai and English and says what to do.
No XML entity is ever expanded (a WXR file declares none), so an export cannot blow up memory.
"""

from __future__ import annotations

import html
import re
import xml.parsers.expat
from dataclasses import dataclass, field
from pathlib import Path

WP_NS = re.compile(r"^https?://wordpress\.org/export/1\.\d+/$")
EXCERPT_NS = re.compile(r"^https?://wordpress\.org/export/1\.\d+/excerpt/$")
NAMESPACES = {
    "http://purl.org/rss/1.0/modules/content/": "content",
    "http://purl.org/dc/elements/1.1/": "dc",
    "http://wellformedweb.org/CommentAPI/": "wfw",
}
SUPPORTED_VERSIONS = ("1.0", "1.1", "1.2")
_CHUNK = 1 << 20


class ExportError(Exception):
    """The export cannot be read; the message says where (file:line), what and how to fix it."""


@dataclass
class Term:
    """A category or tag: `slug` as WordPress stores it (percent-encoded for Thai)."""

    kind: str  # "category" or "post_tag"
    name: str
    slug: str
    parent: str = ""  # the parent's slug (categories)
    term_id: str = ""


@dataclass
class Author:
    login: str
    display_name: str
    email: str = ""
    author_id: str = ""


@dataclass
class Item:
    """One `<item>`: a post, page, attachment, menu entry, reusable block..."""

    line: int
    title: str = ""
    link: str = ""
    guid: str = ""
    creator: str = ""
    content: str = ""
    excerpt: str = ""
    post_id: str = ""
    post_date: str = ""
    post_date_gmt: str = ""
    post_modified: str = ""
    post_modified_gmt: str = ""
    post_name: str = ""
    status: str = ""
    post_parent: str = "0"
    menu_order: str = "0"
    post_type: str = ""
    post_password: str = ""
    is_sticky: str = "0"  # "1": kept at the top of the old site's home page
    attachment_url: str = ""
    terms: list[Term] = field(default_factory=list)
    meta: dict[str, str] = field(default_factory=dict)
    comments: int = 0

    @property
    def categories(self) -> list[Term]:
        return [t for t in self.terms if t.kind == "category"]

    @property
    def tags(self) -> list[Term]:
        return [t for t in self.terms if t.kind == "post_tag"]


@dataclass
class Export:
    path: Path
    version: str = ""
    title: str = ""
    link: str = ""
    base_site_url: str = ""
    base_blog_url: str = ""
    generator: str = ""
    authors: dict[str, Author] = field(default_factory=dict)
    categories: list[Term] = field(default_factory=list)
    tags: list[Term] = field(default_factory=list)
    items: list[Item] = field(default_factory=list)

    @property
    def blog_url(self) -> str:
        """The address the old site's permalinks start with (no trailing slash)."""
        return (self.base_blog_url or self.link or self.base_site_url).rstrip("/")


# Leaf fields of an <item>: (prefix, local name) -> attribute of Item.
_ITEM_FIELDS = {
    ("", "title"): "title",
    ("", "link"): "link",
    ("", "guid"): "guid",
    ("dc", "creator"): "creator",
    ("content", "encoded"): "content",
    ("excerpt", "encoded"): "excerpt",
    ("wp", "post_id"): "post_id",
    ("wp", "post_date"): "post_date",
    ("wp", "post_date_gmt"): "post_date_gmt",
    ("wp", "post_modified"): "post_modified",
    ("wp", "post_modified_gmt"): "post_modified_gmt",
    ("wp", "post_name"): "post_name",
    ("wp", "status"): "status",
    ("wp", "post_parent"): "post_parent",
    ("wp", "menu_order"): "menu_order",
    ("wp", "post_type"): "post_type",
    ("wp", "post_password"): "post_password",
    ("wp", "is_sticky"): "is_sticky",
    ("wp", "attachment_url"): "attachment_url",
}
_CHANNEL_FIELDS = {
    ("", "title"): "title",
    ("", "link"): "link",
    ("wp", "wxr_version"): "version",
    ("wp", "base_site_url"): "base_site_url",
    ("wp", "base_blog_url"): "base_blog_url",
    ("", "generator"): "generator",
}


def _prefix(uri: str) -> str:
    if not uri:
        return ""
    if uri in NAMESPACES:
        return NAMESPACES[uri]
    if EXCERPT_NS.match(uri):
        return "excerpt"
    if WP_NS.match(uri):
        return "wp"
    return uri


class _Reader:
    """expat handlers that fill an Export; one instance per file."""

    def __init__(self, export: Export):
        self.export = export
        self.parser = xml.parsers.expat.ParserCreate(namespace_separator=" ")
        self.parser.buffer_text = True
        self.parser.StartElementHandler = self.start
        self.parser.EndElementHandler = self.end
        self.parser.CharacterDataHandler = self.text
        self.parser.EntityDeclHandler = self.entity
        self.stack: list[tuple[str, str]] = []
        self.texts: list[list[str]] = []
        self.item: Item | None = None
        self.group: dict | None = None  # a wp:author, wp:category, wp:tag, wp:postmeta or category
        self.saw_rss = False
        self.saw_wp = False

    def entity(self, name, *_args):
        raise ExportError(_where(self.export.path, self.parser.CurrentLineNumber) + (
            f"ไฟล์ประกาศ entity ของ XML ({name}) ซึ่งไฟล์ส่งออกของ WordPress ไม่มี จึงไม่อ่านไฟล์นี้ "
            "ให้ส่งออกใหม่จากเมนู เครื่องมือ > ส่งออก ของ WordPress / the file declares an XML entity "
            f"({name}), which no WordPress export does, so it is not read: export it again "
            "(Tools > Export in WordPress)"))

    def start(self, name, attrs):
        uri, _, local = name.rpartition(" ")
        tag = (_prefix(uri), local)
        if tag[0] == "wp":
            self.saw_wp = True
        depth = len(self.stack)
        self.stack.append(tag)
        self.texts.append([])
        if depth == 0:
            if tag != ("", "rss"):
                raise ExportError(_where(self.export.path, self.parser.CurrentLineNumber) + (
                    f"ไม่ใช่ไฟล์ส่งออกของ WordPress (พบ <{local}> แทน <rss>) ให้ใช้ไฟล์ .xml ที่ได้จาก "
                    "เมนู เครื่องมือ > ส่งออก / not a WordPress export (found <"
                    f"{local}> instead of <rss>): use the .xml file from Tools > Export"))
            self.saw_rss = True
        elif tag == ("", "item") and depth == 2:
            self.item = Item(line=self.parser.CurrentLineNumber)
        elif self.item is not None:
            if tag == ("", "category") and depth == 3:
                self.group = {"domain": attrs.get("domain", ""), "nicename": attrs.get("nicename", "")}
            elif tag == ("wp", "postmeta") and depth == 3:
                self.group = {}
            elif tag == ("wp", "comment") and depth == 3:
                self.item.comments += 1
        elif depth == 2 and tag in (("wp", "author"), ("wp", "category"), ("wp", "tag")):
            self.group = {}

    def text(self, data):
        if self.texts:
            self.texts[-1].append(data)

    def end(self, _name):
        tag = self.stack.pop()
        value = "".join(self.texts.pop())
        depth = len(self.stack)
        item = self.item
        if item is not None:
            if depth == 2 and tag == ("", "item"):
                self.export.items.append(item)
                self.item = None
            elif depth == 3 and tag in _ITEM_FIELDS:
                setattr(item, _ITEM_FIELDS[tag], value.strip() if tag[1] not in ("encoded",) else value)
            elif depth == 3 and tag == ("", "category") and self.group is not None:
                domain = self.group["domain"]
                if domain in ("category", "post_tag"):
                    item.terms.append(Term(domain, _plain(value), self.group["nicename"]))
                self.group = None
            elif depth == 4 and self.stack[-1] == ("wp", "postmeta") and self.group is not None:
                self.group[tag[1]] = value
            elif depth == 3 and tag == ("wp", "postmeta") and self.group is not None:
                key = self.group.get("meta_key", "")
                if key:
                    item.meta[key] = self.group.get("meta_value", "")
                self.group = None
            return
        if depth == 2 and tag in _CHANNEL_FIELDS and self.stack[-1] == ("", "channel"):
            setattr(self.export, _CHANNEL_FIELDS[tag], value.strip())
        elif depth == 3 and self.group is not None and tag[0] == "wp":
            self.group[tag[1]] = value.strip()
        elif depth == 2 and self.group is not None:
            self._channel_group(tag, self.group)
            self.group = None

    def _channel_group(self, tag, group: dict) -> None:
        export = self.export
        if tag == ("wp", "author"):
            login = group.get("author_login", "")
            if login:
                export.authors[login] = Author(
                    login, _plain(group.get("author_display_name", "")) or login,
                    group.get("author_email", ""), group.get("author_id", ""))
        elif tag == ("wp", "category"):
            export.categories.append(Term(
                "category", _plain(group.get("cat_name", "")), group.get("category_nicename", ""),
                group.get("category_parent", ""), group.get("term_id", "")))
        elif tag == ("wp", "tag"):
            export.tags.append(Term(
                "post_tag", _plain(group.get("tag_name", "")), group.get("tag_slug", ""), "",
                group.get("term_id", "")))


def _plain(text: str) -> str:
    """A name as people read it: entities decoded, whitespace collapsed."""
    return " ".join(html.unescape(text or "").split())


def _where(path: Path, line: int | None) -> str:
    return f"{path}:{line}: " if line else f"{path}: "


# What expat's messages mean for someone holding a WordPress export.
_HINTS = {
    "no element found": (
        "ไฟล์จบก่อนเวลา (อาจดาวน์โหลดหรือคัดลอกไม่ครบ) ให้ส่งออกจาก WordPress ใหม่",
        "the file ends too early (an interrupted download or copy?): export it again",
    ),
    "not well-formed (invalid token)": (
        "มีอักขระที่ XML ไม่อนุญาต (เช่น อักขระควบคุมที่ติดมากับข้อความ) ให้ลบอักขระนั้นหรือส่งออกใหม่",
        "a character XML does not allow (often a control character pasted with the text): "
        "delete it or export again",
    ),
    "mismatched tag": (
        "แท็กเปิดและปิดไม่ตรงกัน ไฟล์อาจถูกแก้ด้วยมือหรือเสียหาย ให้ส่งออกจาก WordPress ใหม่",
        "an element is closed by the wrong tag (edited by hand or damaged?): export it again",
    ),
}


def read_export(path) -> Export:
    """Read the WXR file at `path`; raise ExportError with file:line for anything unreadable."""
    path = Path(path)
    export = Export(path=path)
    reader = _Reader(export)
    try:
        handle = open(path, "rb")
    except OSError as exc:
        raise ExportError(f"{path}: เปิดไฟล์ส่งออกไม่ได้ ({exc.strerror}) ตรวจชื่อไฟล์ใน --source / "
                          f"cannot open the export ({exc.strerror}): check the --source path") from None
    with handle:
        try:
            while chunk := handle.read(_CHUNK):
                reader.parser.Parse(chunk, False)
            reader.parser.Parse(b"", True)
        except xml.parsers.expat.ExpatError as exc:
            message = xml.parsers.expat.errors.messages.get(exc.code, str(exc))
            thai, english = _HINTS.get(message, (
                "ไฟล์ XML เสียหาย ให้ส่งออกจาก WordPress ใหม่", "the XML is damaged: export it again"))
            raise ExportError(
                f"{path}:{exc.lineno}: คอลัมน์ {exc.offset + 1}: {thai} / column {exc.offset + 1}: "
                f"{english} (XML: {message})") from None
    if not reader.saw_rss or not reader.saw_wp:
        raise ExportError(f"{path}:1: ไม่ใช่ไฟล์ส่งออกของ WordPress (ไม่มีข้อมูล wp:) ให้ใช้ไฟล์ .xml จาก "
                          "เมนู เครื่องมือ > ส่งออก > เนื้อหาทั้งหมด / not a WordPress export (no wp: "
                          "elements): use the .xml file from Tools > Export > All content")
    return export
