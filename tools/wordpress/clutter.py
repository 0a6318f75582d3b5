"""Removing what Word, Facebook and old editors leave in pasted HTML.

`clean_clutter(soup)` works on a BeautifulSoup tree in place and returns a Counter of what it
removed (for the report). Gone: comments (Word's `<!--[if gte mso 9]>` too), Office tags
(`<o:p>`, `<w:...>`), `<style>`, `<script>`, `<meta>`, `<font>` and `<span>` wrappers, every
`style=` (so `font-family: TH SarabunPSK` and `mso-*`), classes and ids, Facebook's emoji images
(their text is kept) and tracking wrappers, empty paragraphs, `&nbsp;` runs. Word's fake lists
(paragraphs starting with a bullet in a `mso-list:Ignore` span) become real `<ul>`/`<ol>` lists.
"""

from __future__ import annotations

import re
from collections import Counter
from urllib.parse import urlsplit

from bs4 import BeautifulSoup, Comment, NavigableString, Tag

from . import importer_paths  # noqa: F401  (puts plugins/ on sys.path)

from content_guard.sanitize import unwrap_facebook  # noqa: E402  (the build's own rule)

# Attributes kept per tag (everything else goes).
KEEP = {
    "a": {"href", "title"},
    "img": {"src", "alt", "title", "width", "height"},
    "td": {"colspan", "rowspan"},
    "th": {"colspan", "rowspan"},
    "ol": {"start"},
    "iframe": {"src"},
    "video": {"src"},
    "audio": {"src"},
    "source": {"src"},
    "figure": set(),
}
DROP_WHOLE = {"style", "script", "meta", "link", "xml", "title", "noscript", "template", "svg",
              "math", "button", "input", "select", "textarea", "object", "embed", "canvas", "map"}
UNWRAP = {"span", "font", "center", "big", "small", "u", "ins", "abbr", "acronym", "section",
          "article", "header", "footer", "main", "aside", "nav", "form", "label", "fieldset",
          "body", "html", "head", "picture", "mark", "time", "cite", "dfn", "kbd", "samp", "var",
          "bdi", "bdo", "tt", "data", "address"}
EMPTY_REMOVABLE = {"p", "strong", "b", "em", "i", "h1", "h2", "h3", "h4", "h5", "h6", "div", "a",
                   "li", "blockquote", "figcaption", "s", "strike", "del", "sup", "sub", "code"}
EMOJI_HOSTS = re.compile(r"(?:^|\.)(?:fbcdn\.net|s\.w\.org|twemoji\.maxcdn\.com|emoji\.wordpress)", re.I)
_BULLET = re.compile(r"^\s*(?:[·•▪■□◦o§Ø\-–]|\d{1,3}[.)]|[a-zก-ฮ][.)])\s*$")
_NUMBERED = re.compile(r"^\s*(?:\d{1,3}|[a-zก-ฮ])[.)]\s*$")
_SPACES = re.compile(r"[ \t\u00a0\u2002\u2003\u2009]{2,}")


def clean_clutter(soup: BeautifulSoup) -> Counter:
    removed: Counter = Counter()
    for comment in soup.find_all(string=lambda s: isinstance(s, Comment)):
        comment.extract()
        removed["comment"] += 1
    _word_lists(soup, removed)
    for tag in soup.find_all(True):
        if tag.decomposed:
            continue
        name = tag.name.lower()
        if ":" in name:  # <o:p>, <w:WordDocument>, <st1:place>: Office's own tags
            removed["office"] += 1
            if name in ("o:p",) or name.startswith(("w:", "m:", "v:")):
                tag.decompose()
            else:
                tag.unwrap()
            continue
        if name in DROP_WHOLE:
            removed[name] += 1
            tag.decompose()
            continue
        if name == "img" and _is_emoji(tag):
            tag.replace_with(NavigableString(tag.get("alt", "")))
            removed["emoji"] += 1
            continue
        style = tag.get("style", "")
        if style:
            removed["style"] += 1
            if "sarabun" in style.lower() or "mso-" in style.lower():
                removed["word"] += 1
        if tag.get("class"):
            removed["class"] += 1
        if name == "a" and tag.get("href"):
            tag["href"] = unwrap_facebook(tag["href"].strip())
        keep = KEEP.get(name, set())
        tag.attrs = {k: v for k, v in tag.attrs.items() if k in keep}
        if name in UNWRAP:
            tag.unwrap()
        elif name == "a" and not tag.get("href"):
            tag.unwrap()  # anchors (<a name=...>) carry nothing a reader sees
        elif name == "b":
            tag.name = "strong"
        elif name == "i":
            tag.name = "em"
        elif name in ("strike", "s"):
            tag.name = "del"
    for text in soup.find_all(string=True):
        if isinstance(text, NavigableString) and ("\u00a0" in text or "  " in text):
            text.replace_with(_SPACES.sub(" ", text.replace("\u00a0", " ")))
    _drop_empty(soup, removed)
    _flat_cells(soup)
    return removed


def _flat_cells(soup: BeautifulSoup) -> None:
    """Word puts a <p> in every table cell: one paragraph is just text, several are lines."""
    for cell in soup.find_all(["td", "th"]):
        paragraphs = cell.find_all("p", recursive=False)
        if not paragraphs or cell.find(["table", "ul", "ol", "div", "blockquote"]) is not None:
            continue
        for i, para in enumerate(paragraphs):
            if i:
                para.insert_before(soup.new_tag("br"))
            para.unwrap()


def _is_emoji(img: Tag) -> bool:
    src = img.get("src", "")
    classes = " ".join(img.get("class", []))
    host = urlsplit(src).netloc
    from_emoji_host = bool(host and EMOJI_HOSTS.search(host)) and len(img.get("alt", "")) <= 4
    return "emoji" in classes or from_emoji_host


def _drop_empty(soup: BeautifulSoup, removed: Counter) -> None:
    changed = True
    while changed:
        changed = False
        for tag in soup.find_all(EMPTY_REMOVABLE):
            if tag.decomposed:
                continue
            if tag.find(["img", "iframe", "video", "audio", "br", "hr", "table"]) is not None:
                continue
            if not tag.get_text().strip():
                tag.decompose()
                removed["empty"] += 1
                changed = True


def _word_lists(soup: BeautifulSoup, removed: Counter) -> None:
    """Word's list paragraphs (`<p class=MsoListParagraph>` + bullet span) -> <ul>/<ol>."""
    items = []
    for p in soup.find_all("p"):
        marker = p.find("span", style=re.compile(r"mso-list:\s*ignore", re.I))
        if marker is None or not _BULLET.match(marker.get_text().replace("\u00a0", " ")):
            continue
        numbered = bool(_NUMBERED.match(marker.get_text().replace("\u00a0", " ")))
        marker.decompose()
        items.append((p, numbered))
    run: list = []
    for p, numbered in items + [(None, False)]:
        if run and (p is None or run[-1][0].find_next_sibling("p") is not p or run[-1][1] != numbered):
            lst = soup.new_tag("ol" if run[0][1] else "ul")
            run[0][0].insert_before(lst)
            for para, _ in run:
                para.name = "li"
                para.attrs = {}
                lst.append(para.extract())
            removed["word-list"] += 1
            run = []
        if p is not None:
            run.append((p, numbered))
