"""Common Thai typing errors: find them (for the content check) and fix them (in displayed text).

Only errors that render wrongly or break searching and word segmentation, each with one
unambiguous fix, are handled; everything else in the text is kept exactly as it was (unlike
`pythainlp.util.normalize`, which also collapses spaces and rewrites ๅ).
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


RULES = [
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
    f"[\u200b\u200c\ufeff\u0e4d]|\u0e40\u0e40|{_DOUBLED}"
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
