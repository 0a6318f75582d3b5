"""Paragraphs of a classic-editor body: what WordPress makes of blank lines and line breaks.

The classic editor stores text without `<p>`: a blank line separates paragraphs and a single line
break is a `<br>`. WordPress adds the markup when it shows the post; an export has none of it, so
`add_paragraphs(text)` adds it: text between blank lines becomes `<p>...</p>` unless it is a
block element itself; inside a paragraph or a block such as `<li>` a single line break becomes
`<br>`, except next to a block tag. Text inside containers (`<div>`, `<blockquote>`) gets
paragraphs too; `<pre>` is left exactly as it is. Block-editor bodies never go through this.
"""

from __future__ import annotations

import re

BLOCKS = (
    "address|article|aside|blockquote|caption|col|colgroup|dd|details|div|dl|dt|fieldset|figcaption|"
    "figure|footer|form|h[1-6]|header|hr|iframe|legend|li|main|menu|nav|ol|p|pre|section|summary|"
    "table|tbody|td|tfoot|th|thead|tr|ul|video|audio|object|embed"
)
CONTAINERS = "address|article|aside|blockquote|details|div|fieldset|footer|form|header|main|nav|section"
_BLOCK_OPEN = re.compile(rf"(<(?:{BLOCKS})\b[^>]*>)", re.I)
_BLOCK_CLOSE = re.compile(rf"(</(?:{BLOCKS})>)", re.I)
_CONTAINER_OPEN = re.compile(rf"(<(?:{CONTAINERS})\b[^>]*>)", re.I)
_CONTAINER_CLOSE = re.compile(rf"(</(?:{CONTAINERS})>)", re.I)
_STARTS_BLOCK = re.compile(rf"^</?(?:{BLOCKS})\b", re.I)
_ENDS_BLOCK = re.compile(rf"</?(?:{BLOCKS})\b[^>]*>$|<br\s*/?>$", re.I)
_PROTECT = re.compile(r"<(pre|script|style|textarea)\b.*?</\1>", re.I | re.S)


def add_paragraphs(text: str) -> str:
    """Classic-editor HTML with `<p>` and `<br>` where WordPress would show them."""
    if not text or not text.strip():
        return ""
    kept: list[str] = []

    def protect(match):
        kept.append(match.group(0))
        return f"\n\n\ue000{len(kept) - 1}\ue001\n\n"

    text = _PROTECT.sub(protect, text.replace("\r\n", "\n").replace("\r", "\n"))
    text = _BLOCK_OPEN.sub(r"\n\n\1", text)
    text = _BLOCK_CLOSE.sub(r"\1\n\n", text)
    text = _CONTAINER_OPEN.sub(r"\1\n\n", text)
    text = _CONTAINER_CLOSE.sub(r"\n\n\1", text)
    chunks = []
    for chunk in re.split(r"\n\s*\n", text):
        chunk = chunk.strip()
        if not chunk:
            continue
        if chunk.startswith("\ue000"):
            chunks.append(kept[int(chunk[1:-1])])
            continue
        chunk = _line_breaks(chunk)
        chunks.append(chunk if _STARTS_BLOCK.match(chunk) else f"<p>{chunk}</p>")
    return "\n".join(chunks)


def _line_breaks(chunk: str) -> str:
    lines = [line.strip() for line in chunk.split("\n")]
    out = [lines[0]]
    for line in lines[1:]:
        if not line:
            continue
        if _ENDS_BLOCK.search(out[-1]) or _STARTS_BLOCK.match(line):
            out.append("\n" + line)
        else:
            out.append("<br>\n" + line)
    return "".join(out)
