"""Thai text inside HTML: `<wbr>` between words, typing errors fixed, summaries, word counts.

The HTML is scanned once with a tokenizer that keeps every tag, attribute, comment and entity
byte for byte; only text nodes outside pre/code/kbd/samp/script/style/textarea/svg/math are
touched, and the output is the input with `<wbr>` inserted (and typing errors fixed), so removing
every inserted `<wbr>` gives the original text back.
"""

from __future__ import annotations

import re

from markupsafe import Markup, escape

from .typos import fix_typos

WBR = "<wbr>"
_HOLD = "\ufdd0"  # a Unicode noncharacter: stands for an inserted <wbr> while scanning
_SKIP = frozenset({"pre", "code", "kbd", "samp", "script", "style", "textarea", "svg", "math"})
# Elements whose content is not HTML: everything up to the matching end tag is left alone.
_RAW = frozenset({"script", "style", "textarea", "title", "xmp", "iframe", "noembed", "noframes"})
_VOID = frozenset(
    {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source",
     "track", "wbr"}
)
_TOKEN = re.compile(
    r"""<!--.*?(?:-->|\Z)                            # comment
      | <![^>]*>?                                     # doctype, CDATA-ish
      | <\?[^>]*>?                                    # processing instruction
      | <(/?)([A-Za-z][^\s/>]*)((?:[^>"']|"[^"]*"|'[^']*')*)>   # start or end tag
    """,
    re.S | re.X,
)
_THAI = re.compile("[\u0e01-\u0e4e]")
_ENTITY = re.compile(r"&#?[A-Za-z0-9]+;")


def _scan(html: str):
    """Yield (kind, text, tag, skipping) for each piece of `html`, in order.

    kind is "text", "markup" or "raw" (content of script, style, textarea...); tag is the
    lower-case name of a start tag, "/" + name for an end tag, or "";
    skipping is True for text inside an element whose text must not be touched.
    """
    depth = {}
    pos = 0
    n = len(html)
    while pos < n:
        m = _TOKEN.search(html, pos)
        if m is None:
            yield "text", html[pos:], "", bool(depth)
            return
        if m.start() > pos:
            yield "text", html[pos : m.start()], "", bool(depth)
        pos = m.end()
        name = (m.group(2) or "").lower()
        closing = m.group(1) == "/"
        yield "markup", m.group(0), ("/" + name if closing else name), bool(depth)
        if not name:
            continue
        self_closing = (m.group(3) or "").rstrip().endswith("/")
        if not closing and name in _RAW and not self_closing:
            end = re.compile(rf"</{re.escape(name)}\s*>", re.I).search(html, pos)
            stop = end.start() if end else n
            if stop > pos:
                yield "raw", html[pos:stop], "", True
            pos = stop
            continue
        if name in _SKIP:
            if closing:
                if depth.get(name):
                    depth[name] -= 1
                    if not depth[name]:
                        del depth[name]
            elif not self_closing:
                depth[name] = depth.get(name, 0) + 1


def _with_breaks(text: str, segmenter) -> str:
    if not _THAI.search(text):
        return text
    offsets = segmenter.break_offsets(text)
    if not offsets:
        return text
    return WBR.join([text[a:b] for a, b in zip([0, *offsets], [*offsets, len(text)])])


def process_html(html: str, segmenter, *, wbr: bool = True, fix: bool = True,
                 stats: dict | None = None) -> str:
    """`html` with `<wbr>` between Thai words and typing errors fixed in its text nodes.

    With `stats`, stats["words"] is increased by the number of words of the text (code included,
    script and style not), counted in the same pass: the breaks between Thai words plus the
    space-separated chunks, which needs no second look at the segmentation.
    """
    if not html or (stats is None and not _THAI.search(html)):
        return html
    out = []
    words = 0
    for kind, piece, _tag, skipping in _scan(html):
        if kind == "text":
            if not skipping:
                if fix:
                    piece = fix_typos(piece)
                if wbr:
                    offsets = segmenter.break_offsets(piece) if _THAI.search(piece) else ()
                    if offsets:
                        words += len(offsets)
                        piece = WBR.join(
                            [piece[a:b] for a, b in zip([0, *offsets], [*offsets, len(piece)])]
                        )
                    if stats is not None:
                        words += len(piece.split())
                elif stats is not None:
                    words += segmenter.word_count(piece)
            elif stats is not None:
                words += len(piece.split())
        out.append(piece)
    if stats is not None:
        stats["words"] = stats.get("words", 0) + words
    return "".join(out)


def wbr_text(text, segmenter) -> Markup:
    """The `thai_wbr` filter: `text` escaped (unless already Markup) with `<wbr>` between words."""
    if text is None:
        return Markup("")
    if isinstance(text, Markup):
        return Markup(process_html(str(text), segmenter, fix=False))
    return Markup(_with_breaks(str(escape(text)), segmenter))


def strip_wbr(html: str) -> str:
    """`html` without the `<wbr>` this module inserts."""
    return html.replace(WBR, "")


def count_words(html: str, segmenter) -> int:
    """Words in the text of `html` (Thai words as segmented, other words as written)."""
    total = 0
    for kind, piece, _tag, _skipping in _scan(html.replace(WBR, _HOLD)):
        if kind == "text":
            total += len(segmenter.word_spans(piece.replace(_HOLD, "")))
    return total


def summarize(html: str, segmenter, max_words: int, suffix: str = "…") -> tuple[str, bool]:
    """The first `max_words` words of `html`, cut at a word boundary, with tags balanced.

    Returns (summary, truncated). When cut, `suffix` is added after the last word, inside the
    elements that were still open. `<wbr>` already in `html` is kept.
    """
    count = 0
    out = []
    stack: list[str] = []
    # Inserted breaks are held as one character while scanning, so that a paragraph stays one
    # text node (one cached segmentation) instead of one node per word.
    for kind, piece, tag, skipping in _scan(html.replace(WBR, _HOLD)):
        if kind == "markup":
            out.append(piece)
            if tag and not tag.startswith("/"):
                if tag not in _VOID and not piece.rstrip(">").rstrip().endswith("/"):
                    stack.append(tag)
            elif tag:
                name = tag[1:]
                if name in stack:
                    while stack:
                        if stack.pop() == name:
                            break
            continue
        if kind == "raw":
            out.append(piece)
            continue
        plain = piece.replace(_HOLD, "")
        spans = segmenter.word_spans(plain)
        if count + len(spans) <= max_words:
            count += len(spans)
            out.append(piece)
            continue
        # cut after word number (max_words - count) of this piece
        end_plain = spans[max_words - count - 1][1] if max_words > count else 0
        for entity in _ENTITY.finditer(plain):
            if entity.start() < end_plain < entity.end():
                end_plain = entity.end()
        out.append(_prefix_keeping_hold(piece, end_plain))
        head = "".join(out).replace(_HOLD, WBR).rstrip()
        while head.endswith(WBR):  # the cut may fall right after an inserted break
            head = head[: -len(WBR)].rstrip()
        closing = "".join(f"</{name}>" for name in reversed(stack))
        return head + suffix + closing, True
    return html, False


def _prefix_keeping_hold(piece: str, plain_len: int) -> str:
    """The start of `piece` that holds the first `plain_len` characters other than _HOLD."""
    if _HOLD not in piece:
        return piece[:plain_len]
    used = 0
    seen = 0
    for part in piece.split(_HOLD):
        if seen + len(part) >= plain_len:
            return piece[: used + plain_len - seen]
        seen += len(part)
        used += len(part) + 1
    return piece
