"""What templates see: `article.gallery`, `article.cover`, `article.og_image`.

URLs: `.url` is relative to the site root like Pelican's `article.url` (the theme writes
`{{ SITEURL }}/{{ x.url }}`); `.href` already carries SITEURL, for the plugin's own partials.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from urllib.parse import quote

from .processing import MIME


def size_label(size: int) -> str:
    """12345678 -> '12.3 MB' (decimal units, as file managers on phones show them), a no-break
    space before the unit: a line that starts with "KB)" is a typesetting slip (the gallery's
    "(ZIP, 571 |KB)" at 320 px)."""
    if size >= 1_000_000:
        return f"{size / 1_000_000:.1f}\u00a0MB"
    return f"{max(1, round(size / 1000))}\u00a0KB"


@dataclass(frozen=True)
class Version:
    url: str
    href: str
    width: int
    height: int
    format: str
    bytes: int = 0

    @property
    def type(self) -> str:
        return MIME[self.format]


@dataclass(frozen=True)
class Source:
    type: str
    srcset: str


@dataclass
class Photo:
    """One published photo; also what `article.cover` is (the picture macro takes it)."""

    name: str  # the source file name, e.g. "p01.jpg"
    stem: str  # the output name stem, e.g. "p01"
    number: int  # 1-based position in the gallery
    caption: str
    alt: str
    versions: dict[str, list[Version]] = field(default_factory=dict)  # format -> by width

    def srcset(self, fmt: str = "jpeg") -> str:
        return ", ".join(f"{v.href} {v.width}w" for v in self.versions.get(fmt, []))

    @property
    def sources(self) -> list[Source]:
        """<source> elements of a <picture>: modern formats, best first (JPEG is the <img>)."""
        return [Source(MIME[f], self.srcset(f)) for f in self.versions if f != "jpeg"]

    @property
    def large(self) -> Version:
        """The widest JPEG: what the thumbnail links to without JavaScript."""
        return self.versions["jpeg"][-1]

    @property
    def lightbox(self) -> list[Version]:
        """Versions for the lightbox's srcset (one <img>, no <picture> type fallback): WebP, which
        every browser PhotoSwipe supports decodes, else JPEG."""
        return self.versions.get("webp") or self.versions["jpeg"]

    @property
    def fallback(self) -> Version:
        """The JPEG for <img src>: the middle width (old browsers without srcset)."""
        jpegs = self.versions["jpeg"]
        return jpegs[len(jpegs) // 2]

    @property
    def width(self) -> int:
        return self.large.width

    @property
    def height(self) -> int:
        return self.large.height

    @property
    def url(self) -> str:
        return self.large.url

    @property
    def href(self) -> str:
        return self.large.href


@dataclass
class OgImage:
    url: str
    href: str
    width: int
    height: int
    type: str = "image/jpeg"


@dataclass
class Gallery:
    """`article.gallery`: iterate over its photos; `.zip_url` and `.zip_size_label` for the press."""

    name: str
    photos: list[Photo]
    zip_url: str | None = None
    zip_href: str | None = None
    zip_size: int = 0

    def __iter__(self):
        return iter(self.photos)

    def __len__(self) -> int:
        return len(self.photos)

    def __bool__(self) -> bool:
        return bool(self.photos)

    @property
    def id(self) -> str:
        return "gallery-" + quote(self.name, safe="")

    @property
    def zip_size_label(self) -> str:
        return size_label(self.zip_size) if self.zip_size else ""


def join_url(siteurl: str, path: str) -> str:
    return f"{siteurl.rstrip('/')}/{path}"


def url_path(*parts: str) -> str:
    return "/".join(quote(p, safe="") for p in parts)
