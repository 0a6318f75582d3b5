"""Summaries of Thai HTML: the first N words, cut where a reader would stop.

`summarize(html, segmenter, max_words)` keeps the start of `html` up to about `max_words` words
(Thai words as segmented, other words as written), closes the elements still open and adds `…`.
Where it cuts follows three rules:

- only where a line may break: at a space or one of the segmenter's break points, never inside
  a name (นายสมชาย ใจซื่อ), a transliterated name or a dictionary word;
- never between a number and what it counts or measures: `3,000 บาท`, `85 คน`,
  `17 มีนาคม 2565`, `09.00 น.`, `ร้อยละ 25` stay together (number_groups.py), nor inside a telephone
  number (`โทร. 0 2232 1262`: phones.py), a hashtag (`#ศปทแรงงาน`: hashtags.py) or a word and
  the repetition mark after it (`จริง ๆ`: repeat_marks.py); the cut moves to the end of the group;
- never a stray last block: when fewer than MIN_LAST_BLOCK words of the block that holds the cut
  would be kept (a paragraph holding only `ผู้…`, or only `…` when the words ran out exactly at the
  end of the block before), the summary ends with the block before, and the `…` goes there.

The markup thai_text inserts (`<wbr>`, the spans of markup.py) is removed first and the summary is
marked up again by the caller (`process_html`), so it carries the same line breaks as the page.
"""

from __future__ import annotations

from .hashtags import find_hashtags
from .markup import _VOID, _scan, strip_wbr
from .number_groups import find_number_groups
from .phones import find_phone_numbers
from .repeat_marks import find_repeat_marks

# Fewer words than this in the last block of a summary make it a stray fragment (see above).
MIN_LAST_BLOCK = 5

# Elements that end a block of text: a summary may stop after one of them.
_BLOCKS = frozenset(
    {"p", "li", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "dd", "dt", "figcaption",
     "td", "th", "div", "section", "pre", "table", "ul", "ol", "dl", "figure"}
)

def summarize(html: str, segmenter, max_words: int, suffix: str = "…") -> tuple[str, bool]:
    """The first `max_words` words of `html` (about), cut as the module docstring says.

    Returns (summary, truncated). When cut, `suffix` is added after the last word, inside the
    elements that were still open. The result holds no `<wbr>` or spans of markup.py.
    """
    html = strip_wbr(html)
    count = 0
    out: list[str] = []
    stack: list[str] = []
    block_words = 0  # words kept of the block being read
    last_block = None  # (len(out), open elements) just before the end tag of the last block
    for kind, piece, tag, _skipping in _scan(html):
        if kind == "markup":
            if tag.startswith("/") and tag[1:] in _BLOCKS and tag[1:] in stack:
                if block_words:
                    last_block = (len(out), list(stack))
                block_words = 0
            elif tag in _BLOCKS:
                block_words = 0
            out.append(piece)
            _track(stack, tag, piece)
            continue
        if kind == "raw":
            out.append(piece)
            continue
        spans = segmenter.word_spans(piece)
        if count + len(spans) <= max_words:
            count += len(spans)
            block_words += len(spans)
            out.append(piece)
            continue
        keep = max_words - count
        # With no word left to keep, the cut is still only where a line may break: the text
        # before ended inside a line (`(<span lang="th">ศปท.</span>) has`), not at a space.
        cut = _cut(piece, spans[min(keep, len(spans)) - 1][1] if keep > 0 else 0, segmenter)
        kept = sum(1 for a, _b in spans if a < cut)
        if block_words + kept < MIN_LAST_BLOCK and last_block is not None:
            size, open_tags = last_block
            return _close("".join(out[:size]), suffix, open_tags), True
        out.append(piece[:cut])
        return _close("".join(out), suffix, stack), True
    return html, False


def _track(stack: list[str], tag: str, piece: str) -> None:
    """Keep `stack` (the open elements) up to date with one tag."""
    if not tag:
        return
    if not tag.startswith("/"):
        if tag not in _VOID and not piece.rstrip(">").rstrip().endswith("/"):
            stack.append(tag)
        return
    name = tag[1:]
    if name in stack:
        while stack and stack.pop() != name:
            pass


def _cut(text: str, end: int, segmenter) -> int:
    """Where to cut `text` to keep at least its first `end` characters (the end of the last word
    to keep): the first offset from there where a line may break (a space or a break offset),
    not inside a number group, a name, a dictionary word, an entity, a URL, a telephone number,
    a hashtag or a word and its repetition mark."""
    allowed = set(segmenter.break_offsets(text))
    groups = find_number_groups(text)
    groups += segmenter.protected_spans(text)  # names, dictionary words, entities, URLs
    groups += find_phone_numbers(text)
    groups += find_hashtags(text)
    groups += find_repeat_marks(text)
    moved = True
    while moved:
        moved = False
        while end < len(text) and not (end in allowed or text[end].isspace()):
            end += 1
        for start, stop in groups:
            if start < end < stop:
                end, moved = stop, True
    return end


def _close(head: str, suffix: str, open_tags: list[str]) -> str:
    return head.rstrip() + suffix + "".join(f"</{name}>" for name in reversed(open_tags))
