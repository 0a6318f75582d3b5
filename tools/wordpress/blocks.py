"""Gutenberg block markup: `<!-- wp:name {json} -->inner<!-- /wp:name -->` and `<!-- wp:name /-->`.

`parse_blocks(text)` turns a post body into a list of `Block`s (with nested blocks) and runs of
plain HTML between them; `has_blocks(text)` tells a block-editor body from a classic one. The
converter (`convert.py`) decides what each block becomes; nothing here knows about Markdown.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field

# One block delimiter: opener, closer or void, with the block name and its JSON attributes.
_DELIMITER = re.compile(
    r"<!--\s+(?P<closer>/)?wp:(?P<name>[a-z][a-z0-9_-]*(?:/[a-z][a-z0-9_-]*)?)\s+"
    r"(?P<attrs>\{(?:(?!-->).)*?\}\s+)?(?P<void>/)?-->",
    re.S,
)


@dataclass
class Block:
    name: str  # "paragraph", "gallery", "core-embed/youtube", "jetpack/slideshow"...
    attrs: dict = field(default_factory=dict)
    children: list = field(default_factory=list)  # str (HTML) and Block, in order
    bad_attrs: str = ""  # attribute text that was not valid JSON

    @property
    def html(self) -> str:
        """The block's own HTML with nested blocks' HTML in place (delimiters dropped)."""
        return "".join(c if isinstance(c, str) else c.html for c in self.children)

    def inner_blocks(self) -> list["Block"]:
        return [c for c in self.children if isinstance(c, Block)]


def has_blocks(text: str) -> bool:
    return bool(text) and "<!-- wp:" in text


def _normal(name: str) -> str:
    return name[len("core/"):] if name.startswith("core/") else name


def parse_blocks(text: str) -> list:
    """The body as a list of HTML strings and Blocks; unbalanced delimiters are kept as text."""
    root = Block("")
    stack = [root]
    pos = 0
    for m in _DELIMITER.finditer(text or ""):
        if m.start() > pos:
            stack[-1].children.append(text[pos : m.start()])
        pos = m.end()
        name = _normal(m["name"])
        if m["closer"]:
            # Close the innermost open block of that name; an unmatched closer is dropped.
            for depth in range(len(stack) - 1, 0, -1):
                if stack[depth].name == name:
                    del stack[depth:]
                    break
            continue
        attrs, bad = {}, ""
        if m["attrs"]:
            try:
                attrs = json.loads(m["attrs"])
                if not isinstance(attrs, dict):
                    attrs, bad = {}, m["attrs"].strip()
            except ValueError:
                bad = m["attrs"].strip()
        block = Block(name, attrs, bad_attrs=bad)
        stack[-1].children.append(block)
        if not m["void"]:
            stack.append(block)
    if pos < len(text or ""):
        stack[-1].children.append(text[pos:])
    return root.children
