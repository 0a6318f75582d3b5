"""Near misses of the site's names: a site-dictionary name typed with one slip.

A misspelt name such as ศูนย์ปฏิบัติการต่อต้านการทุจริด or กระทรวงแรงานง is not an unknown word to
a spell checker: it splits into real words (ทุจ + ริด, แรง + าน + ง). So the content check also
looks for every site-dictionary entry of 5 letters or more typed with exactly one slip:

- one letter (or vowel or tone mark) wrong:            ทุจริต -> ทุจริด
- one left out:                                         กระทรวงแรงงาน -> กระทรวงแรงาน
- one typed twice or one extra:                         แรงงาน -> แรงงงาน
- two neighbours swapped, or one letter moved:          แรงงาน -> แรงานง

and names the entry as the fix. Dotted abbreviations (ป.ป.ช.) and entries of fewer than 5 letters
(vowels and tone marks are not letters here) are left out: one slip from them is too often another
real word. A slip is reported only where a word can begin and end (never inside a longer word),
never where the entry itself is written correctly, and once per place (the longest entry wins).

`spelling_suggestion_allowed(word, suggestion)` is the other half of "never damage a name": a
spell checker's suggestion for an unknown word of fewer than 4 letters is not offered (สโซ่ is
not โซ่ and เด้น is not เดิน: short unknown words are names and transliterations far more often
than typing slips).

Pure functions, no Pelican: the content check calls them.
"""

from __future__ import annotations

import re
from typing import NamedTuple

MIN_LETTERS = 5  # entries shorter than this are not searched for near misses
MIN_SUGGESTION_LETTERS = 4  # an unknown word shorter than this gets no spelling suggestion

_THAI = re.compile(r"[\u0E01-\u0E3A\u0E40-\u0E4E]")
_LEAD_VOWELS = frozenset("\u0E40\u0E41\u0E42\u0E43\u0E44")
# What may follow a whole word: ฯ (กรุงเทพฯ, a name cut short) and ๆ (a word said again).
_AFTER_WORD = frozenset("\u0E2F\u0E46")
# What may begin a Thai word (a consonant or a lead vowel).
_WORD_START = frozenset(chr(c) for c in range(0x0E01, 0x0E2F)) | _LEAD_VOWELS

SLIPS = {
    "replaced": ("พิมพ์ผิดหนึ่งตัว", "one letter wrong"),
    "missing": ("ขาดไปหนึ่งตัว", "one letter missing"),
    "extra": ("เกินมาหนึ่งตัว", "one letter too many"),
    "moved": ("สลับตำแหน่ง", "a letter out of place"),
}


class NearMiss(NamedTuple):
    start: int  # offset in the text
    end: int
    found: str  # what was typed
    entry: str  # the site-dictionary name it misses
    slip: str  # a key of SLIPS


def letters(text: str) -> int:
    """Letters of `text`: characters that are letters (Thai vowels and tone marks are not)."""
    return sum(1 for ch in text if ch.isalpha())


def slip(typed: str, entry: str) -> str | None:
    """The one slip that turns `entry` into `typed` (a key of SLIPS), or None (none, or more)."""
    if typed == entry:
        return None
    if len(typed) == len(entry) - 1:
        return "missing" if _one_removed(entry, typed) else None
    if len(typed) == len(entry) + 1:
        return "extra" if _one_removed(typed, entry) else None
    if len(typed) != len(entry):
        return None
    first = next(i for i in range(len(entry)) if typed[i] != entry[i])
    last = len(entry) - 1 - next(i for i in range(len(entry)) if typed[-1 - i] != entry[-1 - i])
    a, b = typed[first:last + 1], entry[first:last + 1]
    if len(a) == 1:
        return "replaced"
    if a[0] == b[-1] and a[1:] == b[:-1] or a[-1] == b[0] and a[:-1] == b[1:]:
        return "moved"
    return None


def _one_removed(longer: str, shorter: str) -> bool:
    i = 0
    while i < len(shorter) and longer[i] == shorter[i]:
        i += 1
    return longer[i + 1:] == shorter[i:]


def _starts_word(text: str, i: int) -> bool:
    if i == 0 or not _THAI.match(text[i - 1]):
        return True
    return text[i] in _WORD_START and text[i - 1] not in _LEAD_VOWELS


def _ends_word(text: str, i: int) -> bool:
    if i == len(text) or not _THAI.match(text[i]) or text[i] in _AFTER_WORD:
        return True
    return text[i] in _WORD_START and text[i - 1] not in _LEAD_VOWELS


def _hard(text: str, start: int, end: int) -> int:
    """How many ends of text[start:end] touch something other than Thai (space, punctuation)."""
    return (start == 0 or not _THAI.match(text[start - 1])) + (end == len(text) or not _THAI.match(text[end]))


class NearMissFinder:
    """Finds near misses of `entries` (the site dictionary) in text; build once, use per line."""

    def __init__(self, entries, only_near=None):
        """`only_near`: {entry: words}, entries looked for only in a text that holds one of its
        words (a royal name near พระ or เจ้าฟ้า: 37 entries that most pages never need)."""
        entries = [e.strip() for e in entries if e and e.strip()]
        self.all_entries = tuple(dict.fromkeys(entries))
        self.entries = tuple(e for e in self.all_entries if "." not in e and letters(e) >= MIN_LETTERS)
        self._near = [(only_near or {}).get(e, ()) for e in self.entries]
        # three pieces of each entry: one slip (a move is one removal and one insertion) leaves
        # at least one of them whole, so a near miss is found around an exact piece
        self._pieces = []
        for entry in self.entries:
            n = len(entry)
            cuts = (0, n // 3, 2 * n // 3, n)
            self._pieces.append([(entry[a:b], a) for a, b in zip(cuts, cuts[1:]) if b > a])

    def find(self, text: str) -> list[NearMiss]:
        """Near misses in `text`, in order, at most one per place."""
        if not text or not _THAI.search(text):
            return []
        exact = self._exact_spans(text)
        found = []
        for entry, pieces, near in zip(self.entries, self._pieces, self._near):
            if near and not any(word in text for word in near):
                continue
            n = len(entry)
            tried = set()
            for piece, offset in pieces:
                at = text.find(piece)
                while at >= 0:
                    for start in range(at - offset - 1, at - offset + 2):
                        for size in (n - 1, n, n + 1):
                            end = start + size
                            if start < 0 or end > len(text) or (start, end) in tried:
                                continue
                            tried.add((start, end))
                            candidate = self._candidate(text, start, end, entry, exact)
                            if candidate:
                                found.append(candidate)
                    at = text.find(piece, at + 1)
        return self._one_per_place(text, found)

    def _exact_spans(self, text: str) -> list[tuple[int, int, str]]:
        """Where an entry is written right: whole, not the first letters of another spelling
        (พัชรสุธาพิมลลักษณ์ holds พัชรสุธาพิมลลักษณ, and a mark after it: a slip of it, not it)."""
        spans = []
        for entry in self.all_entries:
            at = text.find(entry)
            while at >= 0:
                if _ends_word(text, at + len(entry)):
                    spans.append((at, at + len(entry), entry))
                at = text.find(entry, at + 1)
        return spans

    @staticmethod
    def _candidate(text, start, end, entry, exact) -> NearMiss | None:
        typed = text[start:end]
        kind = slip(typed, entry)
        if kind is None or not _starts_word(text, start) or not _ends_word(text, end):
            return None
        for a, b, written in exact:
            if a < end and start < b and (written == entry or written not in entry):
                return None  # a name written right overlaps it: the "slip" is the next word
        return NearMiss(start, end, typed, entry, kind)

    @staticmethod
    def _one_per_place(text, found: list[NearMiss]) -> list[NearMiss]:
        # the longest entry first; then a window that ends at a space or punctuation (it takes
        # the stray letter with it: กระทรวงแรงานง, not กระทรวงแรงาน + ง); then the longer window
        ranked = sorted(found, key=lambda m: (-len(m.entry), -_hard(text, m.start, m.end),
                                              -(m.end - m.start), m.start))
        kept = []
        for miss in ranked:
            if all(miss.end <= k.start or k.end <= miss.start for k in kept):
                kept.append(miss)
        return sorted(kept)


def describe(miss: NearMiss) -> tuple[str, str, str, str]:
    """What to tell the author about `miss`: (Thai, English, fix in Thai, fix in English)."""
    thai, english = SLIPS[miss.slip]
    return (
        f'"{miss.found}" คล้ายชื่อ "{miss.entry}" ในพจนานุกรมของเว็บไซต์ ({thai})',
        f'"{miss.found}" is one slip ({english}) from the site-dictionary name "{miss.entry}"',
        f'แก้เป็น "{miss.entry}"',
        f'write "{miss.entry}"',
    )


def spelling_suggestion_allowed(word: str, suggestion: str | None) -> bool:
    """May a spell checker's `suggestion` for the unknown `word` be offered? Not for words of
    fewer than MIN_SUGGESTION_LETTERS letters (names and transliterations: สโซ่, เด้น)."""
    return bool(suggestion) and letters(word) >= MIN_SUGGESTION_LETTERS
