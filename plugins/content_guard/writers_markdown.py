"""Markdown read the way the web editor's preview reads it, where Python-Markdown differs.

Writers see their release in the web editor's preview (Decap CMS: remark, CommonMark) before a
supervisor publishes it; the site is built with Python-Markdown. Where the two read the same
text differently, the site showed something else than the preview, and each difference is a
common way Thai press releases are written:

- **Hashtags**: `#ดวงตาแรงงาน #ศปทแรงงาน` at the start of a line was a level-1 heading (the
  first `#` eaten) on the site, a line of text in the preview. A heading needs a space after its
  `#`s, as in CommonMark: `# หัวข้อ` is still a heading.
- **A list right after a line of text** (`ข้อสังเกต มีดังนี้` then `- ...` on the next line,
  no blank line between) ran together into one paragraph on the site, a list in the preview. A
  bullet list (`-`, `*`, `+`) or a numbered one may begin a new block under a paragraph, as in
  the editor; inside a list nothing changes.
- **Numbered lists** start at the number written (`3.` goes on from 3, where the site began
  again at 1) and may be written `1)` as well as `1.`; a line that starts with a number in Thai
  digits (`๑. ยื่นด้วยตนเอง`, as official documents number their items) is text, as in the
  editor, where the site made it a list numbered 1. under `<ol start="๑">`, which no browser
  reads (a digit of Python's regular expressions is a digit of any script); a numbered list after a bulleted one, or
  a bulleted one after a numbered one, is a list of its own (the site made one list of both,
  every item with the first one's marks).
- **Lists inside lists** as the editor writes them (an item indented to the text of the item
  above: two spaces under `* `, three under `1. `) were flat on the site, which nests only at
  four spaces. Each item is indented four spaces per level of the list it belongs to.
- **Quotes**: two quotes with a blank line between are two quotes, as in the preview (the site
  made one of them).
- **Line breaks**: the editor saves a line break typed inside a paragraph (Shift+Enter: an
  address, a telephone line) as a backslash at the end of the line, CommonMark's hard break.
  The site showed the backslash and no break; it is now a `<br>`, like two spaces at the end
  of a line.
- **Struck-out text**: `~~วันที่ 5~~` (a correction shown as such) was struck out in the preview
  and printed with its tildes on the site; now `<del>`.
- **Web addresses**: `https://...` written in the text was plain text on the site, a link in the
  preview. A bare `http://` or `https://` address becomes a link, without the punctuation that
  ends a sentence or a closing bracket that opened before it.

The extension is added to the MARKDOWN setting by content_guard's defaults
(`CONTENT_GUARD_MARKDOWN_AS_EDITOR`), so the build, the content check and the live preview read
alike. tests/content_guard/test_writers_markdown.py compares the blocks of every sample release
and of written cases with what the editor's own parser finds.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as etree

from markdown import util
from markdown.blockprocessors import BlockQuoteProcessor, HashHeaderProcessor, OListProcessor, UListProcessor
from markdown.extensions import Extension
from markdown.inlinepatterns import InlineProcessor, SimpleTagInlineProcessor, SubstituteTagInlineProcessor
from markdown.preprocessors import Preprocessor

NAME = "content_guard.writers_markdown:WritersMarkdown"  # as the MARKDOWN setting names it

# Python-Markdown's heading pattern, with a space (or the end of the line) required after the #s.
HEADING = re.compile(r"(?:^|\n)(?P<level>#{1,6})(?=[ \t]|\n|$)(?P<header>(?:\\.|[^\\#]|#+(?=[^#\n]))*?)#*(?:\n|$)")

# A list item: its indent, a bullet or a number with `.` or `)`, a space. One that starts a list
# is indented three spaces at most; in the editor it may interrupt a paragraph.
ITEM = re.compile(r"^(?P<indent> *)(?P<marker>[-*+]|[0-9]{1,9}[.)])(?P<gap>[ \t]+)\S")
HEADING_LINE = re.compile(r"^ {0,3}#{1,6}(?:[ \t]|$)")
# Lines that begin a block of another kind: a heading, a quote, a table row, an indented code
# line, a stashed HTML block or code fence (Python-Markdown's placeholders).
OTHER_BLOCK = re.compile(r"^(?: {0,3}(?:#{1,6}(?:[ \t]|$)|>|\|)|    |\t|" + re.escape(util.STX) + ")")

# A bare web address: http:// or https:// not glued to a word or quote before it, up to a space
# or a character that cannot be part of it in text.
BARE_URL = r"(?<![\w@/:.\"'=&])https?://[^\s<>\"'" + util.STX + util.ETX + "]+"
TRAILING = ".,:;!?\"'"


class HashtagAwareHeadings(HashHeaderProcessor):
    RE = HEADING


class NumberedAsWritten(OListProcessor):
    """Numbered lists start at the number written (`3.` after a paragraph goes on from 3) and
    may be numbered `1)` as well as `1.`; a numbered list after a bulleted one (a blank line
    between) is a list of its own."""

    LAZY_OL = False
    SIBLING_TAGS = ["ol"]

    def __init__(self, parser):
        super().__init__(parser)
        self.RE = re.compile(r"^[ ]{0,%d}[0-9]+[.)][ ]+(.*)" % (self.tab_length - 1))
        _with_brackets(self)


def _with_brackets(processor) -> None:
    """Items numbered `1)` count as items, and as items inside an item, like `1.`."""
    indent = processor.tab_length
    processor.CHILD_RE = re.compile(r"^[ ]{0,%d}(([0-9]+[.)])|[*+-])[ ]+(.*)" % (indent - 1))
    processor.INDENT_RE = re.compile(r"^[ ]{%d,%d}(([0-9]+[.)])|[*+-])[ ]+.*" % (indent, indent * 2 - 1))


class BulletsApart(UListProcessor):
    """A bulleted list after a numbered one (a blank line between) is a list of its own."""

    SIBLING_TAGS = ["ul"]

    def __init__(self, parser):
        super().__init__(parser)
        _with_brackets(self)


class QuotesApart(BlockQuoteProcessor):
    """A quote after a blank line is a quote of its own, not more of the quote before it (two
    speakers quoted one after the other were one quote on the site)."""

    def run(self, parent, blocks):
        sibling = self.lastChild(parent)
        if sibling is None or sibling.tag != "blockquote":
            return super().run(parent, blocks)
        apart = etree.SubElement(parent, "div")  # stands between the two while the quote is read
        try:
            super().run(parent, blocks)
        finally:
            parent.remove(apart)


def starts_list(line: str) -> bool:
    m = ITEM.match(line)
    return m is not None and len(m.group("indent")) <= 3


class ListAfterText(Preprocessor):
    """A blank line before a list that starts on the line after a paragraph's text."""

    def run(self, lines: list[str]) -> list[str]:
        out: list[str] = []
        start = True  # the line begins a block (after a blank line or a heading)
        paragraph = False  # the lines since the block began are a paragraph of text
        for line in lines:
            if not line.strip():
                start, paragraph = True, False
            elif paragraph and starts_list(line):
                out.append("")
                start = paragraph = False
            elif start or HEADING_LINE.match(line):
                paragraph = not (starts_list(line) or OTHER_BLOCK.match(line))
                start = bool(HEADING_LINE.match(line))  # Python-Markdown ends the block there too
            out.append(line)
        return out


class NestedLists(Preprocessor):
    """Lists inside lists indented as CommonMark reads them, re-indented as Python-Markdown does.

    An item belongs to the item above it when it is indented at least to that item's text (two
    spaces under `* `, three under `1. `); Python-Markdown nests only at four spaces a level.
    Each item, and each line that continues one, is indented four spaces per level; lines
    outside lists are left as they are."""

    def run(self, lines: list[str]) -> list[str]:
        out: list[str] = []
        levels: list[tuple[int, int]] = []  # open items: (column of their text, new indent)
        blank = True
        for line in lines:
            if not line.strip():
                blank = True
                out.append(line)
                continue
            indent = len(line) - len(line.lstrip(" "))
            m = ITEM.match(line)
            if m and (levels or indent <= 3):
                while levels and indent < levels[-1][0]:
                    levels.pop()
                new = levels[-1][1] + 4 if levels else 0
                text = indent + len(m.group("marker")) + len(m.group("gap").expandtabs(4))
                levels.append((text, new))
                out.append(" " * new + line.lstrip(" "))
            elif levels and (indent >= levels[0][0] or not blank):
                holder = [lv for lv in levels if indent >= lv[0]]
                out.append(" " * (holder[-1][1] + 4) + line.lstrip(" ") if holder else line)
            else:
                levels = []
                out.append(line)
            blank = False
        return out


class BareUrl(InlineProcessor):
    """`https://...` in the text: a link to itself."""

    ANCESTOR_EXCLUDES = ("a",)

    def handleMatch(self, m, data):
        url = m.group(0)
        while url and (url[-1] in TRAILING or (url[-1] == ")" and url.count(")") > url.count("("))):
            url = url[:-1]
        if "://" not in url or url.endswith("://"):
            return None, None, None
        link = etree.Element("a")
        link.set("href", url)
        link.text = util.AtomicString(url)
        return link, m.start(0), m.start(0) + len(url)


class WritersMarkdown(Extension):
    def extendMarkdown(self, md):
        md.parser.blockprocessors.register(HashtagAwareHeadings(md.parser), "hashheader", 70)
        md.parser.blockprocessors.register(NumberedAsWritten(md.parser), "olist", 40)
        md.parser.blockprocessors.register(BulletsApart(md.parser), "ulist", 30)
        md.parser.blockprocessors.register(QuotesApart(md.parser), "quote", 20)
        md.preprocessors.register(ListAfterText(md), "content_guard_list_after_text", 15)
        md.preprocessors.register(NestedLists(md), "content_guard_nested_lists", 14)
        md.inlinePatterns.register(BareUrl(BARE_URL, md), "content_guard_bare_url", 85)
        md.inlinePatterns.register(SimpleTagInlineProcessor(r"(~{2})(?!~)(.+?)(?<!~)\1", "del"),
                                   "content_guard_strikethrough", 65)
        # After Python-Markdown's escapes (180), which take an escaped backslash first: a backslash
        # that ends a line is a line break.
        md.inlinePatterns.register(SubstituteTagInlineProcessor(r"\\\n", "br"), "content_guard_backslash_break", 175)


def makeExtension(**kwargs):  # Markdown's way to load an extension by module name
    return WritersMarkdown(**kwargs)
