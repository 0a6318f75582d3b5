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


def selector_matcher(selector: str):
    """A function element -> bool for a simple CSS selector, or None for one we do not read."""
    selector = selector.strip()
    found = _SIMPLE.fullmatch(selector)
    if not selector or found is None:
        return None
    tag = (found.group("tag") or "*").lower()
    tests = []
    for part in _PART.finditer(found.group("rest") or ""):
        kind, name, attr, value = part.groups()
        if kind == ".":
            tests.append(lambda el, n=name: n in (el.get("class") or "").split())
        elif kind == "#":
            tests.append(lambda el, n=name: el.get("id") == n)
        elif value is None:
            tests.append(lambda el, a=attr: el.get(a) is not None)
        else:
            tests.append(lambda el, a=attr, v=value: el.get(a) == v)

    def matches(element) -> bool:
        return (tag == "*" or element.tag == tag) and all(test(element) for test in tests)

    return matches


def indexed_text(html: str, exclude_selectors=()) -> str:
    """The indexed text of `html`, with a space wherever Pagefind ends a word (block elements,
    `<wbr>`), so that splitting it at whitespace gives the words Pagefind indexes."""
    try:
        document = lxml.html.document_fromstring(html)
    except (ValueError, lxml.etree.ParserError):
        return ""
    matchers = [m for m in map(selector_matcher, exclude_selectors) if m is not None]
    bodies = [el for el in document.iter() if isinstance(el.tag, str) and el.get("data-pagefind-body") is not None]
    out: list[str] = []

    def left_out(element) -> bool:
        return (
            element.tag in SKIPPED_TAGS
            or element.get("data-pagefind-ignore") is not None
            or any(match(element) for match in matchers)
        )

    def walk(element) -> None:
        block = element.tag in BLOCK_TAGS
        if block:
            out.append(" ")
        if element.text:
            out.append(element.text)
        for child in element:
            if isinstance(child.tag, str) and not left_out(child):
                walk(child)
            elif isinstance(child.tag, str) and child.tag in BLOCK_TAGS:
                out.append(" ")
            if child.tail:
                out.append(child.tail)
        if block:
            out.append(" ")

    for body in bodies:
        if not any(ancestor in bodies for ancestor in body.iterancestors()) and not left_out(body):
            walk(body)
            out.append(" ")
    return "".join(out)
