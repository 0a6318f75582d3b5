"""The text of a page that Pagefind indexes, read with lxml: the `data-pagefind-body` elements
without `data-pagefind-ignore` parts, the exclude selectors, scripts and styles.

No Pelican imports. It decides which extra words (terms.extra_words) a page gets, so a word left
out of the index (a footer, a gallery hint) gives it no extra words either. Exclude selectors
are read in their simple forms (`tag`, `.class`, `#id`, `[attr]`, `[attr=value]` and these
combined, such as `p.note`); a selector with combinators (`nav a`) is not applied here, which
only means a few extra words too many: Pagefind still leaves that text out.
"""

from __future__ import annotations

import re

import lxml.html

SKIPPED_TAGS = frozenset({"script", "style", "template", "noscript", "svg", "math", "head"})
# Elements that end a word for Pagefind: their text never runs into the text next to them.
BLOCK_TAGS = frozenset({
    "address", "article", "aside", "blockquote", "br", "caption", "dd", "details", "div", "dl",
    "dt", "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5",
    "h6", "header", "hr", "li", "main", "nav", "ol", "p", "pre", "section", "summary", "table",
    "tbody", "td", "tfoot", "th", "thead", "tr", "ul", "wbr",
})
_SIMPLE = re.compile(
    r"(?P<tag>[a-zA-Z][a-zA-Z0-9-]*|\*)?(?P<rest>(?:[.#][\w-]+|\[[\w-]+(?:=[\"']?[^\"'\]]*[\"']?)?\])*)"
)
_PART = re.compile(r"([.#])([\w-]+)|\[([\w-]+)(?:=[\"']?([^\"'\]]*)[\"']?)?\]")
# A space before every block tag, so that the text of two blocks never runs together; each <wbr>
# becomes a space before parsing (a page has hundreds, and they hold no text).
_BREAKS = re.compile(r"(?=</?(?:" + "|".join(sorted(BLOCK_TAGS - {"wbr"})) + r")[\s/>])", re.IGNORECASE)
_WBR = re.compile(r"<wbr\s*/?>", re.IGNORECASE)


def selector_xpath(selector: str) -> str | None:
    """The XPath of a simple CSS selector, or None for one we do not read (combinators)."""
    selector = selector.strip()
    found = _SIMPLE.fullmatch(selector)
    if not selector or found is None:
        return None
    tests = []
    for part in _PART.finditer(found.group("rest") or ""):
        kind, name, attr, value = part.groups()
        if kind == ".":
            tests.append(f"contains(concat(' ', normalize-space(@class), ' '), ' {name} ')")
        elif kind == "#":
            tests.append(f"@id='{name}'")
        elif value is None:
            tests.append(f"@{attr}")
        elif "'" not in value:
            tests.append(f"@{attr}='{value}'")
        else:
            return None
    tag = (found.group("tag") or "*").lower()
    return f"//{tag}" + "".join(f"[{test}]" for test in tests)


def indexed_text(html: str, exclude_selectors=()) -> str:
    """The indexed text of `html`, with a space wherever Pagefind ends a word (block elements,
    `<wbr>`), so that splitting it at whitespace gives the words Pagefind indexes."""
    try:
        document = lxml.html.document_fromstring(_BREAKS.sub(" ", _WBR.sub(" ", html)))
    except (ValueError, lxml.etree.ParserError):
        return ""
    paths = [f"//{tag}" for tag in sorted(SKIPPED_TAGS)] + ["//*[@data-pagefind-ignore]"]
    paths += [p for p in map(selector_xpath, exclude_selectors) if p is not None]
    for element in document.xpath(" | ".join(paths)):
        if element.getparent() is not None:
            element.drop_tree()  # keeps the text that follows it
    texts = []
    for body in document.xpath("//*[@data-pagefind-body][not(ancestor::*[@data-pagefind-body])]"):
        texts.append("".join(body.itertext()))
    return " ".join(texts)
