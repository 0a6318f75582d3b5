"""Common Thai typing errors: find them (for the content check) and fix them (in displayed text).

Only errors that render wrongly or break searching and word segmentation, each with one
unambiguous fix, are handled; everything else in the text is kept exactly as it was (unlike
`pythainlp.util.normalize`, which also collapses spaces and rewrites ๅ).

Two of them come from text copied out of a PDF rather than from typing. The Thai fonts of Windows
and macOS draw a mark moved lower or to the left (a tone mark with no vowel above it, a vowel on
ป ฝ ฟ) or a letter without its tail (ญ ฐ above a lower vowel) with glyphs kept at private-use code
points, and a PDF without a map back to the letters gives those code points when its text is
copied: empty boxes in the site's font, matching no search. Other PDFs give each mark after a
space, drawn on a dotted circle. (A mark after a word and a space is joined to the word; one
written alone to name it, in brackets or on ◌, follows no Thai letter and is kept.)
"""

from __future__ import annotations

import re
from typing import NamedTuple

_TONES = "\u0e48\u0e49\u0e4a\u0e4b"  # ่ ้ ๊ ๋
_UPPER_LOWER = "\u0e31\u0e34\u0e35\u0e36\u0e37\u0e38\u0e39"  # ั ิ ี ึ ื ุ ู
_MARKS = "\u0e31\u0e34-\u0e3a\u0e47-\u0e4e"  # every combining mark


class Rule(NamedTuple):
    pattern: re.Pattern
    replacement: str
    what: str  # Thai, then English


# The glyph variants of a Thai font at private-use code points, as Windows' fonts number them
# (U+F700-U+F71A) and as macOS' do (U+F884-U+F89E), by the letter each one draws.
GLYPH_VARIANTS = {
    "\u0e0d": "\uf70f\uf89a",  # ญ without its tail
    "\u0e10": "\uf700\uf89e",  # ฐ without its tail
    "\u0e31": "\uf710\uf884",  # ั moved left
    "\u0e34": "\uf701\uf885",  # ิ moved left
    "\u0e35": "\uf702\uf886",
    "\u0e36": "\uf703\uf887",
    "\u0e37": "\uf704\uf888",
    "\u0e38": "\uf718\uf89b",  # ุ moved down
    "\u0e39": "\uf719\uf89c",
    "\u0e3a": "\uf71a\uf89d",
    "\u0e47": "\uf712\uf889",  # ็ moved left
    "\u0e48": "\uf70a\uf705\uf713\uf88b\uf88c\uf88a",  # ่ moved down, down-left, left
    "\u0e49": "\uf70b\uf706\uf714\uf88e\uf88f\uf88d",
    "\u0e4a": "\uf70c\uf707\uf715\uf891\uf892\uf890",
    "\u0e4b": "\uf70d\uf708\uf716\uf894\uf895\uf893",
    "\u0e4c": "\uf70e\uf709\uf717\uf897\uf898\uf896",
    "\u0e4d": "\uf711\uf899",  # ํ moved left
}
_GLYPH_VARIANT = "".join(GLYPH_VARIANTS.values())
_GLYPH_WHAT = ("อักษรไทยรูปพิเศษจากแบบอักษรใน PDF (แสดงเป็นกล่องว่าง) แทนอักษรปกติ / "
               "a Thai glyph variant from a PDF's font (shown as an empty box) instead of the plain letter")

RULES = [
    *(Rule(re.compile(f"[{variants}]"), letter, _GLYPH_WHAT) for letter, variants in GLYPH_VARIANTS.items()),
    Rule(
        # a letter, then up to three marks each after spaces (ท ี ่): one error, one fix
        re.compile(f"([\u0e01-\u0e2e\u0e30-\u0e3a\u0e40-\u0e45\u0e47-\u0e4e])[ \u00a0]+([{_MARKS}])"
                   f"(?:[ \u00a0]+([{_MARKS}]))?(?:[ \u00a0]+([{_MARKS}]))?"),
        "\\1\\2\\3\\4",
        "สระหรือวรรณยุกต์ลอยหลังเว้นวรรค / a vowel or tone mark after a space",
    ),
    Rule(
        re.compile("[\u200b\u200c\ufeff]"),
        "",
        "อักขระล่องหน (zero-width) / invisible zero-width character",
    ),
    Rule(
        re.compile("\u0e40\u0e40"),
        "\u0e41",
        "สระเอสองตัว (เ+เ) แทนสระแอ / two sara e typed instead of sara ae",
    ),
    Rule(
        re.compile(f"\u0e4d([{_TONES}]?)\u0e32"),
        "\\1\u0e33",
        "นิคหิต+สระอา แทนสระอำ / nikhahit + sara aa typed instead of sara am",
    ),
    Rule(
        re.compile(f"([{_TONES}\u0e4c])([{_UPPER_LOWER}])"),
        "\\2\\1",
        "วรรณยุกต์พิมพ์ก่อนสระบน/ล่าง / tone mark typed before the upper or lower vowel",
    ),
    Rule(
        re.compile(f"([\u0e30\u0e32\u0e33])([{_TONES}])"),
        "\\2\\1",
        "วรรณยุกต์พิมพ์หลังสระ / tone mark typed after the vowel",
    ),
    Rule(
        re.compile(f"([{_MARKS}])\\1+"),
        "\\1",
        "สระหรือวรรณยุกต์ซ้ำ / the same vowel or tone mark typed twice",
    ),
]

# One quick test for "is there any error at all" (no back-references, so it can be combined).
_DOUBLED = "".join(chr(c) * 2 + "|" for c in [0x0E31, *range(0x0E34, 0x0E3B), *range(0x0E47, 0x0E4F)])
_ANY = re.compile(
    f"[\u200b\u200c\ufeff\u0e4d{_GLYPH_VARIANT}]|[ \u00a0][{_MARKS}]|\u0e40\u0e40|{_DOUBLED}"
    f"[{_TONES}\u0e4c][{_UPPER_LOWER}]|[\u0e30\u0e32\u0e33][{_TONES}]"
)


def fix_typos(text: str) -> str:
    """`text` with every typing error of RULES corrected; unchanged when there is none."""
    if not _ANY.search(text):
        return text
    for rule in RULES:
        text = rule.pattern.sub(rule.replacement, text)
    return text


def find_typos(text: str) -> list[tuple[int, int, str, str]]:
    """Typing errors in `text`: (line, column, found, suggestion), 1-based, in reading order.

    `found` is the exact text typed and `suggestion` what it should be (may be empty for an
    invisible character). Use `describe_typo(found)` for a sentence an author understands.
    """
    hits = []
    for rule in RULES:
        for m in rule.pattern.finditer(text):
            hits.append((m.start(), m.group(0), m.expand(rule.replacement)))
    hits.sort()
    result = []
    line_starts = [0] + [m.end() for m in re.finditer("\n", text)]
    line = 0
    for offset, found, suggestion in hits:
        while line + 1 < len(line_starts) and line_starts[line + 1] <= offset:
            line += 1
        result.append((line + 1, offset - line_starts[line] + 1, found, suggestion))
    return result


def describe_typo(found: str) -> str:
    """What kind of error `found` (as returned by find_typos) is, in Thai then English."""
    for rule in RULES:
        if rule.pattern.fullmatch(found):
            return rule.what
    return "พิมพ์ผิด / typing error"


class TypoReport(NamedTuple):
    """One typing mistake as the author is told of it: where, the word as typed and as it should
    be, and what kind of error it is (Thai, English)."""

    line: int
    column: int
    word: str
    fixed: str
    thai: str
    english: str


_THAI_RUN_CHAR = re.compile(f"[\u0e01-\u0e4e\u200b\u200c\ufeff{_GLYPH_VARIANT}]")
_CONTEXT = 12  # characters of Thai around a typo when no segmenter says where the word ends


def typo_reports(text: str, segmenter=None) -> list[TypoReport]:
    """One report per mistake in `text`, each naming the word it is in (so two เเ errors on one
    line name two words) and that word corrected; errors of several kinds in one word are one
    report. With `segmenter` (thai_text's Segmenter) the word is the whole word as segmented once
    corrected; without, the Thai around the error (at most 12 characters either side).
    """
    line_starts = [0] + [m.end() for m in re.finditer("\n", text)]
    words: list[list] = []  # [start, end, line, kinds, end of the last error] per word, in order
    for line, column, found, _suggestion in find_typos(text):
        at = line_starts[line - 1] + column - 1
        start, end = _word_span(text, at, at + len(found), segmenter)
        kind = describe_typo(found)
        # the same word: the segmenter's words overlap, or (without one) the errors touch
        same = words and (
            at <= words[-1][4] or (segmenter is not None and start < words[-1][1] and words[-1][0] < end)
        )
        if same:
            words[-1][0], words[-1][1] = min(start, words[-1][0]), max(end, words[-1][1])
            words[-1][4] = max(words[-1][4], at + len(found))
            if kind not in words[-1][3]:
                words[-1][3].append(kind)
            continue
        words.append([start, end, line, [kind], at + len(found)])
    reports = []
    for start, end, line, kinds, _ in words:
        parts = [kind.partition(" / ") for kind in kinds]
        word = text[start:end]
        reports.append(TypoReport(
            line, start - line_starts[line - 1] + 1, word, fix_typos(word),
            " และ".join(thai for thai, _, _ in parts),
            " and ".join(english or thai for thai, _, english in parts),
        ))
    return reports


def _word_span(text: str, start: int, end: int, segmenter) -> tuple[int, int]:
    """The word around text[start:end]: the Thai run it is in, narrowed to the segmenter's words
    that cover it once the run is corrected."""
    run_start, run_end = start, end
    while run_start > 0 and _THAI_RUN_CHAR.match(text[run_start - 1]) and text[run_start - 1] != "\n":
        run_start -= 1
    while run_end < len(text) and _THAI_RUN_CHAR.match(text[run_end]):
        run_end += 1
    if segmenter is None:
        return max(run_start, start - _CONTEXT), min(run_end, end + _CONTEXT)
    run = text[run_start:run_end]
    # where each position of the run lands once corrected (fixes are local, so a prefix fixed on
    # its own ends where it ends in the fixed run)
    landing = [len(fix_typos(run[:i])) for i in range(len(run) + 1)]
    fixed = fix_typos(run)
    cuts = [0, *segmenter.boundaries(fixed), len(fixed)]
    lo = landing[start - run_start]
    hi = landing[end - run_start]
    if hi == lo:
        # an invisible character between two words: name the words on both sides of it
        lo, hi = max(0, lo - 1), min(len(fixed), hi + 1)
    word_lo = max(c for c in cuts if c <= lo)
    word_hi = min(c for c in cuts if c >= hi and c > word_lo)
    # the last position that lands at or before the word's start (a fix spanning several
    # characters lands them all on its own start), and the first that lands at or after its end
    begin = max(i for i in range(start - run_start + 1) if landing[i] <= word_lo)
    finish = min(i for i in range(end - run_start, len(run) + 1) if landing[i] >= word_hi or i == len(run))
    return run_start + begin, run_start + finish
