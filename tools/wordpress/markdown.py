"""Clean HTML (already rewritten by `convert.py`) to the Markdown our authors write.

markdownify (a maintained converter built on BeautifulSoup) does the walking; this subclass sets
what Pelican's Python-Markdown needs: `##` headings (a body `<h1>` becomes `##`, the page title is
the only `<h1>`), `-` bullets with four-space indents for nested lists, hard line breaks as two
spaces, only the escapes Python-Markdown understands, figures with captions kept as `<figure>`
HTML (Markdown has no caption), and tables with merged cells or block content kept as HTML
(a Markdown table cannot hold them); each kept table is counted in `kept_html`.
"""

from __future__ import annotations

import html
import re

from markdownify import (
    ATX,
    MarkdownConverter,
    re_escape_misc_dash_sequences,
    re_escape_misc_hashes,
    re_escape_misc_list_items,
)

_TAG_LIKE = re.compile(r"<(?=[A-Za-z/!?])")
_ENTITY_LIKE = re.compile(r"&(?=[#A-Za-z])")  # browsers read &copy and &#0 even without ";"
_LINE_START_QUOTE = re.compile(r"(^|\n)(\s*)>")
_LINE_START_HASH = re.compile(r"(^\s*|\n\s*)#")
_BLANKS = re.compile(r"\n{3,}")
_TRAILING = re.compile(r"[ \t]+$", re.M)
_BLOCK_IN_CELL = ("p", "ul", "ol", "table", "div", "blockquote", "h1", "h2", "h3", "h4", "h5", "h6",
                  "pre", "figure")


class Converter(MarkdownConverter):
    """markdownify with our Markdown dialect (see the module docstring)."""

    def __init__(self, **options):
        options = {
            "heading_style": ATX,
            "bullets": "-",
            "escape_asterisks": True,
            "escape_underscores": True,
            "escape_misc": False,
            "table_infer_header": True,
            "keep_inline_images_in": ["td", "th", "a"],
            "strip": ["span", "font"],
            **options,
        }
        super().__init__(**options)
        self.kept_html: list[str] = []

    def escape(self, text, parent_tags):
        if not text:
            return ""
        text = text.replace("\\", "\\\\").replace("`", "\\`").replace("[", "\\[").replace("]", "\\]")
        text = super().escape(text, parent_tags)  # * and _
        text = _ENTITY_LIKE.sub("&amp;", text)  # first: the "&lt;" made below is not text
        text = _TAG_LIKE.sub("&lt;", text)
        text = re_escape_misc_dash_sequences.sub(r"\1\\\2", text)
        text = re_escape_misc_hashes.sub(r"\1\\\2", text)
        text = re_escape_misc_list_items.sub(r"\1\\\2", text)
        text = re.sub(r"(^|\s)\+(\s)", r"\1\\+\2", text)
        text = _LINE_START_HASH.sub(r"\1\\#", text)  # "#0" starts a heading in Python-Markdown
        return _LINE_START_QUOTE.sub(r"\1\2\\>", text)

    def convert_hN(self, n, el, text, parent_tags):
        return super().convert_hN(max(2, n), el, text, parent_tags)

    def convert_li(self, el, text, parent_tags):
        text = (text or "").strip()
        if not text:
            return "\n"
        parent = el.parent
        if parent is not None and parent.name == "ol":
            start = int(parent["start"]) if str(parent.get("start", "")).isdigit() else 1
            bullet = f"{start + len(el.find_previous_siblings('li'))}."
        else:
            bullet = "-"
        bullet = bullet.ljust(4) if len(bullet) < 4 else bullet + " "
        indent = " " * len(bullet)
        lines = text.split("\n")
        body = "\n".join((indent + line) if line else "" for line in lines[1:])
        return f"{bullet}{lines[0]}\n" + (body + "\n" if body else "")

    def convert_figure(self, el, text, parent_tags):
        img = el.find("img")
        caption = el.find("figcaption")
        if img is None or not img.get("src"):
            return "\n\n" + (text or "").strip() + "\n\n"
        alt = html.escape(img.get("alt", "") or "", quote=True)
        src = html.escape(img["src"], quote=True)
        if caption is None or not caption.get_text(strip=True):
            return f"\n\n![{self.escape(img.get('alt', '') or '', parent_tags)}]({img['src']})\n\n"
        words = html.escape(" ".join(caption.get_text(" ").split()), quote=False)
        return (f'\n\n<figure><img src="{src}" alt="{alt}" loading="lazy">'
                f"<figcaption>{words}</figcaption></figure>\n\n")

    def convert_table(self, el, text, parent_tags):
        merged = el.find(["td", "th"], attrs={"colspan": re.compile(r"^(?!1$)\d+$")}) or el.find(
            ["td", "th"], attrs={"rowspan": re.compile(r"^(?!1$)\d+$")})
        blocky = any(cell.find(_BLOCK_IN_CELL) for cell in el.find_all(["td", "th"]))
        if merged is None and not blocky:
            return super().convert_table(el, text, parent_tags)
        self.kept_html.append("table")
        return "\n\n" + _table_html(el) + "\n\n"

    def convert_iframe(self, el, text, parent_tags):
        return ""


def _table_html(table) -> str:
    """A table as compact HTML with only the attributes that carry meaning (an `<h1>` in a cell
    becomes an `<h2>`, as outside tables: the page's title is its one `<h1>`)."""
    for tag in table.find_all(True):
        tag.attrs = {k: v for k, v in tag.attrs.items() if k in ("colspan", "rowspan", "href", "src", "alt")}
        if tag.name == "h1":
            tag.name = "h2"
    table.attrs = {}
    return re.sub(r">\s+<", "><", str(table)).strip()


def to_markdown(html_text: str) -> tuple[str, list[str]]:
    """(Markdown, what had to stay HTML) for a cleaned HTML fragment."""
    converter = Converter()
    text = converter.convert(html_text)
    text = _TRAILING.sub(lambda m: m.group(0) if m.group(0) == "  " else "", text)
    text = _BLANKS.sub("\n\n", text).strip("\n")
    return (text + "\n" if text else ""), converter.kept_html
