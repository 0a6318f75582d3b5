"""Dotted abbreviations: ป.ป.ช., ก.พ.ร., ศปท., and those of more than one part, ศปท.รง., บก.ปปท.

A reader reads an abbreviation as one word. A trial announcement ended lines at "(ศปท.|รง.)" (the
center's own name: its short name and its ministry's) and at "(บ|ก.ปปท.)" (the anti-corruption
police division): a line may end at neither. `ABBREVIATION` is also what slugs.py romanises
letter by letter (ป.ป.ช. -> ppch).

Nothing here imports Pelican: plain functions that the segmenter, slugs.py, the tests and the
line-break measurement call.
"""

from __future__ import annotations

import re

_CONSONANT = "\u0e01-\u0e2e"
# Consonants and dots, ending in a dot: letter by letter (ป.ป.ช., ก.พ.ร., also written on after a
# word: สำนักงานป.ป.ช.), or parts of a few letters each, not written on after a word (ศปท.,
# ศปท.รง., บก.ปปท., จ.ขอนแก่น; not the last letter of a word before a full stop: ประเมิน.).
ABBREVIATION = re.compile(
    f"(?:[{_CONSONANT}]\\.){{2,}}(?:[{_CONSONANT}]{{1,4}}\\.)*"
    f"|(?<![\u0e01-\u0e4e.])(?:[{_CONSONANT}]{{1,4}}\\.)+"
)
# Every abbreviation of more than one part holds a dot before a letter (the test costs little: a
# pattern that starts with a plain character is searched for at C speed).
_INNER_DOT = re.compile(f"\\.[{_CONSONANT}]")


def find_abbreviations(text: str) -> list[tuple[int, int]]:
    """(start, end) of each dotted abbreviation of more than one part in `text` (ป.ป.ช.,
    ศปท.รง.), in order: nothing inside one may end a line. One of one part (ศปท.) has no inside."""
    if "." not in text or not _INNER_DOT.search(text):
        return []
    return [m.span() for m in ABBREVIATION.finditer(text) if "." in m.group()[:-1]]
