"""Thai text as it comes out of a PDF whose font's glyph variants have no map back to the letters.

A Thai font of Windows or macOS draws a mark lower or further left by its position (a tone mark
with no vowel above it sits lower; on the tall ป ฝ ฟ ฬ the marks above move left; a vowel below
ฎ ฏ moves down; ญ and ฐ lose their tail above a vowel below). It keeps those shapes at
private-use code points, and a PDF that does not map them back to letters gives them when its
text is copied. Other PDFs give each mark after a space ("ผู ้").

The code points are written out here from the fonts' tables, apart from plugins/thai_text (the
tests must not check the plugin against itself).
"""

from __future__ import annotations

import random

CONSONANT = range(0x0E01, 0x0E2F)
TALL = "ปฝฟฬ"
TAILED = {"ญ": ("\uf70f", "\uf89a"), "ฐ": ("\uf700", "\uf89e")}  # without the tail: Windows, macOS
LOW_TAIL = "ฎฏ"
ABOVE = "\u0e31\u0e34\u0e35\u0e36\u0e37\u0e47\u0e4d"  # ั ิ ี ึ ื ็ ํ
BELOW = "\u0e38\u0e39\u0e3a"  # ุ ู ฺ
TONES = "\u0e48\u0e49\u0e4a\u0e4b\u0e4c"  # ่ ้ ๊ ๋ ์
# Windows' code points, then macOS' (the first Windows code point of each group, and macOS' for
# each mark, in the order of TONES, ABOVE and BELOW).
DOWN = {"windows": "\uf70a\uf70b\uf70c\uf70d\uf70e", "mac": "\uf88b\uf88e\uf891\uf894\uf897"}
DOWN_LEFT = {"windows": "\uf705\uf706\uf707\uf708\uf709", "mac": "\uf88c\uf88f\uf892\uf895\uf898"}
LEFT = {"windows": "\uf713\uf714\uf715\uf716\uf717", "mac": "\uf88a\uf88d\uf890\uf893\uf896"}
ABOVE_LEFT = {"windows": "\uf710\uf701\uf702\uf703\uf704\uf712\uf711", "mac": "\uf884\uf885\uf886\uf887\uf888\uf889\uf899"}
BELOW_DOWN = {"windows": "\uf718\uf719\uf71a", "mac": "\uf89b\uf89c\uf89d"}


def pdf_glyphs(text: str, system: str = "windows") -> tuple[str, set[int]]:
    """`text` as a PDF made with a `system` ("windows" or "mac") Thai font gives it when copied,
    and the positions that changed (one character stands for one, so positions hold)."""
    out = list(text)
    changed = set()
    base = ""
    for i, char in enumerate(text):
        if ord(char) in CONSONANT:
            base = char
            continue
        if not base:
            continue  # a mark after no consonant (written alone) is drawn as it is
        if char in TONES:
            has_above = text[i - 1] in ABOVE
            table = (LEFT if has_above else DOWN_LEFT) if base in TALL else (None if has_above else DOWN)
            # sara am's nikhahit sits above too: the font keeps a tone mark before ำ high
            if table and not (i + 1 < len(text) and text[i + 1] == "\u0e33"):
                out[i] = table[system][TONES.index(char)]
        elif char in ABOVE and base in TALL:
            out[i] = ABOVE_LEFT[system][ABOVE.index(char)]
        elif char in BELOW:
            if base in LOW_TAIL:
                out[i] = BELOW_DOWN[system][BELOW.index(char)]
            elif base in TAILED and i > 0 and text[i - 1] == base:
                out[i - 1] = TAILED[base][system == "mac"]
                changed.add(i - 1)
        elif char not in ABOVE + "\u0e30\u0e32\u0e33\u0e45":  # marks and vowels after it keep the consonant
            base = ""
        if out[i] != char:
            changed.add(i)
    return "".join(out), changed


def loose_marks(text: str, rng: random.Random, share: float = 0.5) -> tuple[str, set[int]]:
    """`text` with a space before about `share` of its marks above and below (after a Thai
    letter), as some PDFs give them, and the positions (in `text`) of the marks moved."""
    out = []
    moved = set()
    for i, char in enumerate(text):
        if char in ABOVE + BELOW + TONES and i > 0 and "\u0e01" <= text[i - 1] <= "\u0e4e" and rng.random() < share:
            out.append(" ")
            moved.add(i)
        out.append(char)
    return "".join(out), moved
