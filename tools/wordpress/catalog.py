"""What the export holds, indexed for the conversion: attachments, old addresses, links.

`Catalog(export)` knows every attachment (by id, by uploads path, resized copies included), every
item's old address (path, `?p=ID`, `?page_id=ID`, `?attachment_id=ID`), the category and tag
slugs, and resolves any URL found in a body (`resolve`) into what it points at on the old site.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import PurePosixPath
from urllib.parse import parse_qs, quote, unquote, urlsplit

from .wxr import Export, Item

# WordPress's derived copies of an upload: p01-1024x768.jpg, p01-scaled.jpg, p01-rotated.jpg,
# p01-e1646200000000.jpg (edited in the media library), and combinations of them.
_DERIVED = re.compile(r"(?:-\d{1,5}x\d{1,5}|-scaled|-rotated|-e\d{10,13})+(?=\.[A-Za-z0-9]+$)")
_ORIGINAL_IMAGE = re.compile(r'"original_image";s:\d+:"([^"]+)"')


def original_name(rel: str) -> str:
    """`2022/03/p01-1024x768.jpg` -> `2022/03/p01.jpg` (WordPress's size suffixes dropped)."""
    return _DERIVED.sub("", rel)


def normal_path(path: str) -> str:
    """A path as one key whatever its spelling: decoded, NFC untouched, one trailing slash.

    Bytes that are not UTF-8 are kept as surrogates (never an exception)."""
    path = unquote(path or "/", errors="surrogateescape") if "%" in (path or "") else (path or "/")
    if not path.startswith("/"):
        path = "/" + path
    path = re.sub(r"/{2,}", "/", path)
    if not path.endswith("/") and "." not in PurePosixPath(path).name:
        path += "/"
    return path


def encoded_path(path: str) -> str:
    """The percent-encoded form of a decoded path, as browsers send it (upper-case hex)."""
    return quote(path, safe="/-._~!$&'()*+,;=:@")


@dataclass
class Attachment:
    item: Item
    id: str
    parent: str
    rel: str  # the attached file under uploads/, e.g. 2022/03/p01-scaled.jpg
    original: str  # the original upload, e.g. 2022/03/p01.jpg (may equal rel)
    url: str
    caption: str
    alt: str
    order: int

    @property
    def candidates(self) -> list[str]:
        """Upload paths to try, best first: the original, then the attached file."""
        return list(dict.fromkeys([self.original, self.rel]))


@dataclass
class Target:
    """What a URL in a body points at on the old site."""

    kind: str  # "item", "media", "category", "tag", "home", "feed", "unknown"
    item_id: str = ""
    upload: str = ""  # uploads-relative path (media)
    slug: str = ""  # taxonomy slug, decoded
    fragment: str = ""


@dataclass
class Catalog:
    export: Export
    items: dict[str, Item] = field(default_factory=dict)
    attachments: dict[str, Attachment] = field(default_factory=dict)
    by_upload: dict[str, str] = field(default_factory=dict)  # upload path -> attachment id
    children: dict[str, list[str]] = field(default_factory=dict)  # parent id -> attachment ids
    by_path: dict[str, str] = field(default_factory=dict)  # normal old path -> item id
    hosts: set[str] = field(default_factory=set)
    blog_path: str = "/"
    uploads_paths: list[str] = field(default_factory=list)  # e.g. ["/wp-content/uploads/"]
    site_path: str = "/"  # path of base_site_url: uploads are fetched relative to it

    def __post_init__(self):
        export = self.export
        for url in (export.base_site_url, export.base_blog_url, export.link):
            host = urlsplit(url).netloc.lower()
            if host:
                self.hosts.add(host)
                self.hosts.add(host[4:] if host.startswith("www.") else "www." + host)
        self.blog_path = normal_path(urlsplit(export.blog_url).path or "/")
        self.site_path = normal_path(urlsplit(export.base_site_url or export.blog_url).path or "/")
        uploads = set()
        for item in export.items:
            if item.post_id:
                self.items[item.post_id] = item
        for item in export.items:
            if item.post_type == "attachment" and item.post_id:
                att = self._attachment(item)
                self.attachments[att.id] = att
                for rel in {att.rel, att.original}:
                    self.by_upload.setdefault(rel, att.id)
                    self.by_upload.setdefault(rel.lower(), att.id)
                self.children.setdefault(att.parent, []).append(att.id)
                upath = urlsplit(att.url).path
                if att.rel and upath.endswith(att.rel):
                    uploads.add(upath[: len(upath) - len(att.rel)])
            if item.link and item.post_type not in ("nav_menu_item", "revision", "wp_block"):
                parts = urlsplit(item.link)
                if parts.path and not parts.query:
                    self.by_path.setdefault(normal_path(parts.path), item.post_id)
        self.uploads_paths = sorted(uploads or {self.site_path.rstrip("/") + "/wp-content/uploads/"},
                                    key=len, reverse=True)
        for ids in self.children.values():
            ids.sort(key=lambda i: (self.attachments[i].order, int(i) if i.isdigit() else 0))

    def _attachment(self, item: Item) -> Attachment:
        rel = item.meta.get("_wp_attached_file", "").lstrip("/")
        if not rel and "/uploads/" in item.attachment_url:
            rel = unquote(item.attachment_url.split("/uploads/", 1)[1])
        original = original_name(rel)
        found = _ORIGINAL_IMAGE.search(item.meta.get("_wp_attachment_metadata", ""))
        if found:
            folder = rel.rsplit("/", 1)[0] + "/" if "/" in rel else ""
            original = folder + found.group(1)
        order = int(item.menu_order) if item.menu_order.lstrip("-").isdigit() else 0
        return Attachment(
            item=item, id=item.post_id, parent=item.post_parent or "0", rel=rel, original=original,
            url=item.attachment_url, caption=" ".join(_text(item.excerpt).split()),
            alt=" ".join(item.meta.get("_wp_attachment_image_alt", "").split()), order=order)

    # -- addresses -----------------------------------------------------------------------------

    def is_old_site(self, url: str) -> bool:
        parts = urlsplit(url)
        if parts.scheme and parts.scheme not in ("http", "https"):
            return False
        return not parts.netloc or parts.netloc.lower() in self.hosts

    def upload_of(self, url: str) -> str | None:
        """The uploads-relative path of a media URL on the old site, or None."""
        if not self.is_old_site(url):
            return None
        path = unquote(urlsplit(url).path)
        for prefix in self.uploads_paths:
            if path.startswith(prefix):
                return path[len(prefix):]
        return None

    def attachment_for_upload(self, rel: str) -> Attachment | None:
        for key in (rel, original_name(rel), rel.lower(), original_name(rel).lower()):
            found = self.by_upload.get(key)
            if found:
                return self.attachments[found]
        return None

    def site_relative(self, upload: str) -> str:
        """Where an upload lies under the old site's root: wp-content/uploads/2022/03/p01.jpg."""
        prefix = self.uploads_paths[0]
        base = self.site_path
        rel_prefix = prefix[len(base):] if prefix.startswith(base) else prefix.lstrip("/")
        return (rel_prefix + upload).lstrip("/")

    def resolve(self, url: str) -> Target | None:
        """What an old-site URL points at; None for another site, mail, phone or an anchor."""
        url = (url or "").strip()
        if not url or url.startswith(("#", "mailto:", "tel:", "{")) or not self.is_old_site(url):
            return None
        parts = urlsplit(url)
        if not parts.netloc and not parts.path.startswith("/") and not parts.query:
            return None  # a relative link: nothing of the old site can be told from it
        upload = self.upload_of(url)
        if upload:
            return Target("media", upload=upload, fragment=parts.fragment)
        query = parse_qs(parts.query)
        for key in ("p", "page_id", "attachment_id", "preview_id"):
            if query.get(key, [""])[0].isdigit():
                return Target("item", item_id=query[key][0], fragment=parts.fragment)
        if "feed" in query:
            return Target("feed")
        for key, kind in (("cat", "category"), ("tag", "tag")):
            if query.get(key):
                return Target(kind, slug=query[key][0])
        path = normal_path(parts.path)
        found = self.by_path.get(path)
        if found:
            return Target("item", item_id=found, fragment=parts.fragment)
        rest = path[len(self.blog_path):] if path.startswith(self.blog_path) else path.lstrip("/")
        pieces = [p for p in rest.split("/") if p]
        if not pieces:
            return Target("home")
        if pieces[-1] == "feed" or pieces[:1] == ["feed"]:
            return Target("feed")
        if len(pieces) >= 2 and pieces[0] in ("category", "tag"):
            return Target("category" if pieces[0] == "category" else "tag", slug=pieces[-1])
        return Target("unknown")


def _text(fragment: str) -> str:
    from bs4 import BeautifulSoup

    if "<" not in (fragment or "") and "&" not in (fragment or ""):
        return fragment or ""
    return BeautifulSoup(fragment, "html.parser").get_text(" ")
