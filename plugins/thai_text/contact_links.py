"""Telephone numbers and e-mail addresses a reader taps: each becomes a `tel:` or `mailto:` link.

Most readers come on a phone. "สายด่วน 1546" or "โทร. 0 5368 9104" in a release is what they are
asked to call, "ส่งความเห็นทางอีเมล zerocorruption@mol.go.th" where they are asked to write; as
plain text they must copy it, or remember it and type it again. `link_contacts` puts each number
`phones.numbers_to_dial` finds into `<a href="tel:...">` and each e-mail address into
`<a href="mailto:...">`, with nothing else changed: the text a reader sees, copies or searches is
the same.

- A number after a word such as โทร. or สายด่วน is found across inline markup too
  (`**สายด่วน** 1546`, `โทร. <strong>0 2232 1262</strong>`): the words of a line since its
  block began (a paragraph, a list item, a table cell) are read before each text node.
- An e-mail address is ASCII letters, digits and `._%+-`, `@`, and a domain of two or more
  labels; a Thai letter may touch it (แจ้งได้ที่zerocorruption@mol.go.th, as typed), the full
  stop that ends a sentence is not part of it.
- Nothing inside a link (a writer's own `[โทร](tel:...)`, a web address that Markdown linked, or
  a number in a link's text), code, a script or a style is touched.
- Numbers a reader could not call are left as text: a digit missing (the rule "phone" warns of
  it), a number abroad, an extension (ต่อ 14: the number before it is linked), a count
  (โทร 3 ครั้ง).

It runs on the content of articles and pages before markup.py, which then keeps the number on
one line inside the link (on the HTML Markdown wrote: after markup.py, with a tag every few
letters, cold builds of the benchmark's 2,000 posts took about 2.5 s more CPU; before it, the
pass takes 0.3 s).
A phone word with typing errors (สายด่วน copied from a PDF, with a font's glyph variants:
typos.py) is read as fixed. Titles, which are links on list pages, are left alone.
"""

from __future__ import annotations

import re

from .markup import _INLINE, _scan
from .phones import numbers_to_dial
from .typos import fix_typos

_DIGIT = re.compile("[0-9\u0e50-\u0e59]")
_LABEL = "[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?"
EMAIL = re.compile(rf"(?<![A-Za-z0-9._%+-])[A-Za-z0-9_%+-](?:[A-Za-z0-9._%+-]*[A-Za-z0-9_%+-])?@{_LABEL}(?:\.{_LABEL})+")
# How much of the line before a text node is read for the word before a number (สายด่วน and a
# few spaces or a colon).
_CONTEXT = 32
# Elements whose text is never linked: a link already (no link may hold another), a button or a
# label (a control of a form), and the elements _scan marks as never touched (code, script...).
_NO_LINKS = frozenset({"a", "button", "label"})


def link_contacts(html: str) -> str:
    """`html` with each telephone number of its text (outside links and code) in a `tel:` link
    and each e-mail address in a `mailto:` link."""
    if not html or not (_DIGIT.search(html) or "@" in html):
        return html
    out = []
    before = ""  # the end of the line's text so far (only inline tags came since)
    inside = 0  # depth in elements whose text is never linked
    for kind, piece, tag, skipping in _scan(html):
        if kind == "markup":
            name = tag.lstrip("/")
            if name in _NO_LINKS:
                inside = max(0, inside + (-1 if tag.startswith("/") else 1))
            if tag and name not in _INLINE:
                before = ""
        elif kind == "raw":
            before = ""
        elif kind == "text":
            if not skipping and not inside:
                linked = _linked(before, piece)
                before = (before + piece)[-_CONTEXT:]
                piece = linked
            else:
                before = (before + piece)[-_CONTEXT:]
        out.append(piece)
    return "".join(out)


def _numbers_in(before: str, text: str) -> list[tuple[int, int, str]]:
    """(start, end, what to dial) of each number to dial in `text`, read after `before`, both
    with their typing errors fixed (a fix moves no digit: a number is found as written)."""
    if not _DIGIT.search(text):
        return []
    before, fixed = fix_typos(before), fix_typos(text)
    found = [(a - len(before), b - len(before), dial)
             for a, b, dial in numbers_to_dial(before + fixed) if a >= len(before)]
    if fixed == text:
        return found
    spans = []
    pos = 0
    for a, b, dial in found:
        at = text.find(fixed[a:b], pos)
        if at >= 0:
            spans.append((at, at + b - a, dial))
            pos = at + b - a
    return spans


def _linked(before: str, text: str) -> str:
    found = [(m.start(), m.end(), "mailto:" + m.group()) for m in EMAIL.finditer(text)] if "@" in text else []
    found += [(a, b, "tel:" + dial) for a, b, dial in _numbers_in(before, text)
              if not any(a < end and start < b for start, end, _ in found)]  # not digits of an address
    if not found:
        return text
    out = []
    pos = 0
    for start, end, href in sorted(found):
        out.append(text[pos:start])
        out.append(f'<a href="{href}">{text[start:end]}</a>')
        pos = end
    out.append(text[pos:])
    return "".join(out)
