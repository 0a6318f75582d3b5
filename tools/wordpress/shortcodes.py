"""WordPress shortcodes: `[gallery ids="1,2"]`, `[caption ...]<img> text[/caption]`, `[embed]url[/embed]`.

`replace_shortcodes(text, handle)` finds every shortcode (self-closing, `[name /]`, or enclosing,
`[name]...[/name]`; `[[name]]` is the escaped literal `[name]`) and replaces it with what
`handle(Shortcode)` returns. A shortcode is a lowercase ASCII name right after `[`, so Thai text
in brackets (`[ภาพข่าว]`) and footnote marks (`[1]`) are never taken for one.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field
from typing import Callable

_OPEN = re.compile(r"(?P<escape>\[)?\[(?P<name>[a-z][a-z0-9_-]*)(?P<attrs>(?:\s[^\[\]]*?)?)(?P<void>/)?\](?P<escaped>\])?")
_ATTR = re.compile(
    r"""(?P<key>[\w-]+)\s*=\s*(?:"(?P<dq>[^"]*)"|'(?P<sq>[^']*)'|(?P<bare>[^\s"']+))|"(?P<pdq>[^"]*)"|'(?P<psq>[^']*)'|(?P<pos>[^\s"'=]+)"""
)
# Shortcodes that never enclose content (a later [/name] belongs to nothing).
VOID = {"gallery", "playlist"}


@dataclass
class Shortcode:
    name: str
    attrs: dict = field(default_factory=dict)  # key -> value; positional values under "0", "1"...
    content: str | None = None  # None for a self-closing shortcode
    raw: str = ""


def parse_attrs(text: str) -> dict:
    attrs, position = {}, 0
    for m in _ATTR.finditer(html.unescape(text or "").replace("\u201d", '"').replace("\u201c", '"')
                             .replace("\u2033", '"')):
        if m["key"]:
            attrs[m["key"].lower()] = next(v for v in (m["dq"], m["sq"], m["bare"], "") if v is not None)
        else:
            attrs[str(position)] = next(v for v in (m["pdq"], m["psq"], m["pos"]) if v is not None)
            position += 1
    return attrs


def replace_shortcodes(text: str, handle: Callable[[Shortcode], str]) -> str:
    """`text` with every shortcode replaced by `handle(shortcode)` (nested ones first)."""
    if not text or "[" not in text:
        return text or ""
    out, pos = [], 0
    while True:
        m = _OPEN.search(text, pos)
        if not m:
            out.append(text[pos:])
            return "".join(out)
        out.append(text[pos : m.start()])
        name = m["name"]
        if m["escape"] and m["escaped"]:  # [[name]] is the literal [name]
            out.append(m.group(0)[1:-1])
            pos = m.end()
            continue
        if m["escape"]:
            out.append("[")
        closer = f"[/{name}]"
        end = -1 if (m["void"] or name in VOID) else text.find(closer, m.end())
        if end >= 0:
            inner = replace_shortcodes(text[m.end() : end], handle)
            code = Shortcode(name, parse_attrs(m["attrs"]), inner, text[m.start() : end + len(closer)])
            pos = end + len(closer)
        else:
            code = Shortcode(name, parse_attrs(m["attrs"]), None, m.group(0))
            pos = m.end()
        out.append(handle(code))
        if m["escaped"] and end < 0:  # a stray "]" right after a shortcode stays text
            out.append("]")
