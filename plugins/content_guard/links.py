"""The one link check: every link and image of a post or page that points into the site must lead
to something the build publishes.

It reads the sources, never the output, so `invoke check`, the build and the live preview give the
same answer before anything is written:
- `{filename}x.md`, `{static}`/`{attach}` targets must exist under content/ (a link from a
  published page to a draft is a WARNING: readers cannot open it yet);
- `{category}`/`{tag}` links must name a category or tag in use, and Pelican resolves them with its
  own slug, not the readable one the site uses, so the fix names the URL to write instead;
- a site-relative URL (`/news/x/`, `../x/`, `/theme/css/site.css`) must be one the build writes:
  `published_urls(site)` lists them from the sources and the settings (article, page, category and
  tag URLs with the slugs thai_text gives, feeds, direct templates), plus what each enabled
  plugin says it publishes (`published(site)` in its `rules` module: galleries, year archives,
  the search bundle, sitemap.xml...), theme and static files on disk;
- a link to a `.md` file without `{filename}` leads nowhere once published;
- a page that is not there names the nearest one that is, as the 404 page would offer it
  (`nearest_url`, nearest_pages.py), as the fix to write;
- a missing document (a type of ATTACHMENTS_TYPES: `/documents/minutes.pdf`) is named as one, and
  the fix is to attach it (the release then links to it itself).
"""

from __future__ import annotations

import html
import os
import posixpath
import re
from pathlib import Path
from urllib.parse import unquote

from . import urls
from .nearest_pages import nearest
from .problems import ERROR, WARNING, Problem
from .sources import ARTICLE, SourceFile, outside_code_fences

INLINE_CODE = re.compile(r"`[^`]*`")
# [text](target "title"), ![alt](target), <a href="...">, <img src="...">, [id]: target
# Link text may hold one level of brackets (an image inside a link); every part is bounded, so a
# line of 30,000 unclosed `[` costs milliseconds, not minutes (the rule "markup" reports it).
MD_LINK = re.compile(
    r"!?\[(?P<text>(?:[^\[\]\\]|\\.|\[(?:[^\[\]\\]|\\.)*\])*)\]"
    r"\(\s*<?(?P<target>[^)\s>\[]{1,2048})>?(?:\s+[\"'][^)\n]{0,500}[\"'])?\s*\)")
HTML_LINK = re.compile(r"""<(?:a|img|source)\b[^<>]{0,2000}?\s(?:href|src)\s*=\s*["'](?P<target>[^"']{1,2048})["']""", re.I)
# (not a footnote's text, `[^1]: ...`: Markdown's "extra" makes that a footnote, not a link)
REF_LINK = re.compile(r"^\s{0,3}\[(?!\^)[^\]]+\]:\s*<?(?P<target>\S+?)>?(?:\s+.*)?$")
# Where Pelican may resolve an intra-site link when it renders a body ({filename}, {static},
# |filename|: an attribute value that starts with { or |), with its default INTRASITE_LINK_REGEX.
_MAYBE_INTRASITE = re.compile(r"""=\s*["']?\s*[{|]""")


def may_hold_intrasite_links(html: str, settings: dict) -> bool:
    """Whether Pelican may change `html` (a body as read) when it renders it, resolving its
    intra-site links; False means the rendered body is `html` as it is."""
    from pelican.settings import DEFAULT_CONFIG

    default = DEFAULT_CONFIG["INTRASITE_LINK_REGEX"]
    if settings.get("INTRASITE_LINK_REGEX", default) != default:
        return True
    # (A body with neither { nor | holds no such link; looking for the two characters costs a
    # tenth of the pattern's search, and most bodies have neither.)
    return ("{" in html or "|" in html) and bool(_MAYBE_INTRASITE.search(html))
PLACEHOLDER = re.compile(r"^[{|](?P<kind>filename|static|attach|category|tag|index|author)[}|](?P<rest>.*)$")
PAGINATED = re.compile(r"page/\d+/$")


def link_targets(source: SourceFile) -> list[tuple[int, str]]:
    """(line number, target) of every link and image of `source`, outside code fences and spans."""
    return [(number, target) for number, target, _image in _targets(source)]


def _targets(source: SourceFile) -> list[tuple[int, str, bool]]:
    """`link_targets` with whether each is an image (`![alt](...)`, the `src` of `<img>` or
    `<source>`): a missing photo gets a photo's fix, not a link's."""
    return source.derived("content_guard.link_targets", lambda: list(_scan_targets(source)))


def _scan_targets(source: SourceFile):
    for number, line in outside_code_fences(enumerate(source.lines, start=1)):
        if "](" not in line and "<" not in line and "]:" not in line:
            continue  # no link can be written without one of these
        for match in MD_LINK.finditer(INLINE_CODE.sub("", line)):
            yield number, match["target"], match.group().startswith("!")
            for inner in MD_LINK.finditer(match["text"]):  # [![photo](a.jpg)](page)
                yield number, inner["target"], inner.group().startswith("!")
        for match in HTML_LINK.finditer(line):
            yield number, match["target"], not match.group().lower().startswith("<a")
        ref = REF_LINK.match(line)
        if ref:
            yield number, ref["target"], False


# -- slugs and URLs the build gives ------------------------------------------------------------


class Slugs:
    """The slugs of the sources, tags and categories: thai_text's when it makes them, else Pelican's."""

    def __init__(self, site):
        from .verdict import plugin_module

        self.settings = site.settings
        slugs = plugin_module(site.settings, "thai_text", "slugs")
        self.thai = slugs if slugs is not None and site.settings.get("THAI_TEXT_SLUGS") else None
        self._of: dict[str, tuple[SourceFile, str]] = {}

    def of(self, source: SourceFile) -> str:
        """The slug of `source` (each source's once per verdict: three rules ask for it)."""
        found = self._of.get(source.name)
        if found is None or found[0] is not source:
            found = self._of[source.name] = (source, self._of_now(source))
        return found[1]

    def _of_now(self, source: SourceFile) -> str:
        if self.thai is not None:
            return self.thai.content_slug(self.settings, source.value("slug"), source.name)
        from pelican.utils import slugify

        if source.value("slug"):
            return source.value("slug")
        text = source.value("title") if self.settings.get("SLUGIFY_SOURCE") == "title" else source.path.stem
        return slugify(text, regex_subs=self.settings.get("SLUG_REGEX_SUBSTITUTIONS", []),
                       preserve_case=self.settings.get("SLUGIFY_PRESERVE_CASE", False),
                       use_unicode=self.settings.get("SLUGIFY_USE_UNICODE", False))

    def of_names(self, names, kind: str) -> dict[str, str]:
        names = sorted(set(names))
        if self.thai is not None:
            return self.thai.taxonomy_slugs(self.settings, names)
        from pelican.urlwrappers import Category, Tag

        wrapper = Category if kind == "category" else Tag
        return {name: wrapper(name, self.settings).slug for name in names}


def slugs(site) -> Slugs:
    return site.memo("content_guard.slugs", lambda: Slugs(site))


def tags_of(source: SourceFile) -> list[str]:
    return [t.strip() for t in source.value("tags").split(",") if t.strip()]


def category_names(site) -> set[str]:
    return {s.value("category") for s in site.articles if s.value("category")}


def tag_names(site) -> set[str]:
    return {t for s in site.articles for t in tags_of(s)}


def _url(settings: dict, key: str, default: str, **values) -> str:
    pattern = settings.get(key, default)
    return pattern.format(**values) if pattern else ""


def published_urls(site) -> tuple[set[str], tuple[str, ...]]:
    """(site paths the build writes, folder prefixes under which it writes files), no leading "/"."""
    return site.memo("content_guard.urls", lambda: _published_urls(site))


def _published_urls(site):
    from .verdict import enabled_plugins, plugin_module

    settings = site.settings
    urls = {"", "index.html"}
    for name in settings.get("DIRECT_TEMPLATES") or []:
        upper = name.upper()
        for key in (f"{upper}_URL", f"{upper}_SAVE_AS"):
            if settings.get(key):
                urls.add(settings[key])
        urls.add(settings.get(f"{upper}_SAVE_AS") or f"{name}.html")
    for key in ("FEED_ALL_ATOM", "FEED_ALL_RSS", "FEED_ATOM", "FEED_RSS"):
        if settings.get(key):
            urls.add(settings[key])
    names = slugs(site)
    for source in site.articles + site.pages:
        slug = names.of(source)
        if source.status == "draft":
            key = "DRAFT_URL" if source.kind == ARTICLE else "DRAFT_PAGE_URL"
        else:
            key = "ARTICLE_URL" if source.kind == ARTICLE else "PAGE_URL"
        url = _url(settings, key, "{slug}.html", slug=slug)
        if url:
            urls.add(url)
    for kind, found in (("category", category_names(site)), ("tag", tag_names(site))):
        upper = kind.upper()
        for slug in names.of_names(found, kind).values():
            urls.add(_url(settings, f"{upper}_URL", f"{kind}/{{slug}}.html", slug=slug))
            for feed in (f"{upper}_FEED_ATOM", f"{upper}_FEED_RSS"):
                if settings.get(feed):
                    urls.add(settings[feed].format(slug=slug))
    prefixes = []
    for plugin in enabled_plugins(settings):
        rules = plugin_module(settings, plugin, "rules")
        for url in getattr(rules, "published", lambda _site: ())(site):
            if url.endswith("*"):
                prefixes.append(url[:-1])
            else:
                urls.add(url)
    return {u for u in urls if u is not None}, tuple(prefixes)


def url_exists(site, site_path: str) -> bool:
    """Whether the build publishes `site_path` (no leading "/")."""
    site_path = re.sub(r"(^|/)index\.html$", r"\1", site_path)
    site_path = PAGINATED.sub("", site_path)
    urls, prefixes = published_urls(site)
    if site_path in urls or (site_path + "/") in urls or (site_path + "index.html") in urls:
        return True
    if site_path.startswith(tuple(prefixes)):
        return True
    settings = site.settings
    first, _, rest = site_path.partition("/")
    if first == settings.get("THEME_STATIC_DIR", "theme"):
        theme = Path(settings.get("THEME") or "theme")
        return (theme / "static" / rest).is_file()
    static_paths = settings.get("STATIC_PATHS") or []
    if any(site_path == p or site_path.startswith(p.rstrip("/") + "/") for p in static_paths):
        return (site.content_dir / site_path).is_file()
    return False


# -- the rule ----------------------------------------------------------------------------------


def _problem(source, line, severity, thai, english, fix="", fix_english="") -> Problem:
    return Problem(source.name, line, "link", severity, thai, english, fix, fix_english)


def check_links(source: SourceFile, site) -> list[Problem]:
    """Every link of `source` that leads nowhere (ERROR), or to a draft (WARNING)."""
    if not site.settings["CONTENT_GUARD_CHECK_LINKS"]:
        return []
    problems = []
    for line, target, image in _targets(source):
        problem = _check_link(site, source, line, target.strip(), image)
        if problem is not None:
            problems.append(problem)
    return problems


# What an author does about a photo that is not there (the web editor's field ภาพกิจกรรม puts
# photos in the release's gallery; a photo in the text lives in content/images/).
IMAGE_FIX = (
    "เพิ่มภาพในช่อง ภาพกิจกรรม ของระบบเขียนข่าว หรือวางไฟล์ภาพไว้ใน content/images/ "
    "แล้วเขียน ![คำบรรยายภาพ]({static}/images/ชื่อไฟล์)",
    "add the photo in the web editor's photos field (ภาพกิจกรรม), or put the file in "
    "content/images/ and write ![caption]({static}/images/file)",
)


# A document a release links to is published when the release lists it (plugins/attachments).
DOCUMENT_FIX = (
    "แนบเอกสารในช่อง เอกสารแนบ ของระบบเขียนข่าว (หรือบรรทัด Attachments:) ข่าวจะมีลิงก์ไปยังเอกสารให้เอง "
    "แล้วลบลิงก์นี้ หรือแก้ที่อยู่ให้ตรงกับเอกสารที่มีอยู่",
    "attach the document in the web editor's document field (เอกสารแนบ; or an Attachments: line): the "
    "release links to it by itself; then remove this link, or fix the address to a document that is there",
)


def _document_type(site_path: str) -> str:
    """The extension of the file `site_path` names, lower case, without the dot ("" for none)."""
    return posixpath.splitext(site_path.split("?", 1)[0].split("#", 1)[0])[1].lower().lstrip(".")


def _check_link(site, source: SourceFile, line: int, target: str, image: bool = False) -> Problem | None:
    match = PLACEHOLDER.match(target)
    if match and not urls.is_same_site(html.unescape(target)):
        return None  # `{static}//evil.example/x` leaves the site: the sanitiser removes and reports it
    if match:
        return _placeholder(site, source, line, target, match["kind"], unquote(match["rest"]), image)
    # Where a browser would go, decided as it decides (WHATWG parsing: `/\\evil.example` is another
    # site, `%2F%2Fx` a path here); a link to another site is not ours to check.
    key = "ARTICLE_URL" if source.kind == ARTICLE else "PAGE_URL"
    page = _url(site.settings, key, "{slug}.html", slug=slugs(site).of(source))
    own = [site.settings.get("SITEURL") or "", site.settings.get("SITE_DOMAIN") or ""]
    site_path = urls.site_path(html.unescape(target), page, own)  # &#47; is / to a browser
    if site_path is None:
        return None  # another site, mail, phone or an anchor in the same page
    if site_path.endswith(".md"):
        return _problem(
            source, line, ERROR,
            f'ลิงก์ "{target}" ชี้ไปที่ไฟล์ต้นฉบับ ซึ่งไม่มีบนเว็บไซต์',
            f'link "{target}" names a source file, which is not on the site',
            f"เขียนเป็น {{filename}}/{site_path} แทน", f"write {{filename}}/{site_path} instead")
    if url_exists(site, site_path):
        return None
    if image:
        return _problem(
            source, line, ERROR,
            f'ไม่พบภาพ "{target}" ในเว็บไซต์', f'the image "{target}" is not on the site', *IMAGE_FIX)
    if _document_type(site_path) in (site.settings.get("ATTACHMENTS_TYPES") or {}):
        return _problem(
            source, line, ERROR,
            f'ลิงก์ "{target}" ไม่พบเอกสารนี้ในเว็บไซต์', f'link "{target}" leads to no document of the site',
            *DOCUMENT_FIX)
    near = nearest_url(site, site_path)
    if near is not None:
        return _problem(
            source, line, ERROR,
            f'ลิงก์ "{target}" ไม่พบหน้านี้ในเว็บไซต์ หน้าที่ใกล้เคียงที่สุดคือ "{near}"',
            f'link "{target}" leads to no page of the site; the nearest is "{near}"',
            f'ถ้าหมายถึงหน้านั้น ให้แก้ลิงก์เป็น {near} หรือใช้ {{filename}}ชื่อไฟล์.md เพื่อลิงก์ไปยังข่าว',
            f"if that is the page meant, write {near}; or link to a post with {{filename}}file.md")
    return _problem(
        source, line, ERROR,
        f'ลิงก์ "{target}" ไม่พบหน้านี้ในเว็บไซต์',
        f'link "{target}" leads to no page of the site',
        "ตรวจที่อยู่ หรือใช้ {filename}ชื่อไฟล์.md เพื่อลิงก์ไปยังข่าว",
        "fix it, or link to a post with {filename}file.md")


def nearest_url(site, site_path: str) -> str | None:
    """The page the build publishes that a link to `site_path` (which it does not) most likely
    meant, as the 404 page would offer it (nearest_pages.py): /report/ for /pages/report/,
    /news/walk-run-2567/ for the slip /news/walk-run-2576/; None when no page is near."""
    urls_found, _prefixes = published_urls(site)
    pages = sorted("/" + u for u in urls_found if not u.endswith((".xml", ".atom", ".rss")))
    found = nearest("/" + site_path, pages, limit=1)
    return found[0] if found else None


def _placeholder(site, source, line, target, kind, rest, image: bool = False) -> Problem | None:
    if kind in ("filename", "static", "attach"):
        path_part = rest.split("#", 1)[0].split("?", 1)[0]
        if path_part.startswith("/"):
            resolved = site.content_dir / path_part.lstrip("/")
        else:
            resolved = source.path.parent / path_part
        inside = os.path.normpath(resolved)
        content = os.path.normpath(site.content_dir)
        if path_part and os.path.commonpath([inside, content]) != content:
            return _problem(
                source, line, ERROR,
                f'ลิงก์ "{target}" ชี้ออกไปนอกโฟลเดอร์ content ซึ่งไม่เผยแพร่บนเว็บไซต์',
                f'link "{target}" leads outside the content folder, which is not published',
                "ลิงก์ได้เฉพาะไฟล์ใน content/ เช่น {static}/images/ชื่อไฟล์ หรือ {filename}/news/ชื่อไฟล์.md",
                "link only to files under content/, e.g. {static}/images/file or {filename}/news/file.md")
        if not path_part or not resolved.is_file():
            missing = site.name(resolved)
            if image:
                return _problem(
                    source, line, ERROR,
                    f'ไม่พบภาพ "{target}": ไม่มีไฟล์ {missing}',
                    f'the image "{target}" is missing: {missing} does not exist',
                    "ตรวจชื่อไฟล์ภาพ (ตัวพิมพ์เล็ก-ใหญ่และนามสกุลต้องตรงกัน: .jpg ไม่ใช่ .JPG) " + IMAGE_FIX[0],
                    "check the photo's file name (case and extension must match: .jpg is not .JPG); "
                    + IMAGE_FIX[1])
            if kind == "filename":
                fix = ("ตรวจชื่อไฟล์ (ชื่อไฟล์ข่าวคือ Slug ตามด้วย .md)",
                       "check the file name (a post's file is its slug and .md)")
            else:  # a document or another file
                fix = ("ตรวจชื่อไฟล์ (ตัวพิมพ์เล็ก-ใหญ่และนามสกุลต้องตรงกัน) และวางไฟล์ไว้ใน content/ "
                       "เช่น เอกสาร PDF ใน content/extra/ แล้วเขียน {static}/extra/ชื่อไฟล์",
                       "check the file name (case and extension must match) and that the file is "
                       "under content/, e.g. a PDF in content/extra/ linked as {static}/extra/file")
            return _problem(
                source, line, ERROR,
                f'ลิงก์ไปยัง "{target}" ไม่พบไฟล์ {missing}',
                f'link "{target}" leads nowhere: {missing} does not exist', *fix)
        linked = site.source_at(resolved)
        if linked is not None and linked.status == "draft" and source.status != "draft":
            return _problem(
                source, line, WARNING,
                f'ลิงก์ไปยัง "{target}" ซึ่งยังเป็นฉบับร่าง ผู้อ่านจะเปิดไม่ได้จนกว่าจะเผยแพร่',
                f'link "{target}" points to a draft, which readers cannot open until it is published',
                "เผยแพร่ข่าวปลายทางก่อน หรือเอาลิงก์ออก", "publish that post first, or remove the link")
        return None
    if kind not in ("category", "tag"):
        return None
    used = category_names(site) if kind == "category" else tag_names(site)
    if rest not in used:
        listed = ", ".join(sorted(used))
        what_th = "หมวด" if kind == "category" else "ป้ายกำกับ"
        return _problem(
            source, line, ERROR,
            f'ลิงก์ไปยัง{what_th} "{rest}" ซึ่งไม่มีข่าวใดใช้',
            f'link to the {kind} "{rest}", which no article uses',
            f"ใช้ชื่อที่มีอยู่: {listed}", f"use one in use: {listed}")
    from pelican.urlwrappers import Category, Tag

    wrapper = (Category if kind == "category" else Tag)(rest, site.settings)
    ours = slugs(site).of_names(used, kind)[rest]
    if wrapper.slug == ours:
        return None
    url = _url(site.settings, f"{kind.upper()}_URL", f"{kind}/{{slug}}.html", slug=ours)
    return _problem(
        source, line, ERROR,
        f'ลิงก์ "{target}" จะได้ที่อยู่ /{wrapper.url} ซึ่งไม่มีอยู่จริง',
        f'link "{target}" would lead to /{wrapper.url}, which does not exist',
        f"เขียน /{url} แทน", f"write /{url} instead")
