"""Letters a writer types for the one meant: a key near it, or a letter of the same sound.

A writer who means ชั่วโมง and types ชั่งโมง hit ง, the key beside ว (on Kedmanee, the layout every
Thai computer and phone has); หลักสูตน for หลักสูตร hit น, beside ร. `NEIGHBOURS` gives, for each
Thai letter, the letters a finger that slips types instead: the keys to its left and right, the
keys above and below it (rows are staggered as on any keyboard), and the same key with Shift
pressed or not (ร and ณ, ส and ศ). A writer who spells by ear writes a letter of the same sound
(รายระเอียด for รายละเอียด: ร and ล, which Thai speakers often say alike; ส, ศ and ษ): SOUND_ALIKE.
A letter that ends a word is heard only as its final sound, which many letters share (งบประมาณ
and งบประมาน, เทศกาล and เทศกาน, ขอบเขต and ขอบเขด): FINAL_SOUNDS, for the last letter.
Only letters count: a digit or a mark typed for a letter is another kind of slip (typos.py,
spelling.missing_marks).
"""

from __future__ import annotations

# The rows without Shift and with it, key for key, from the key left of 1 to the key left of
# Backspace, then Q to \, A to ', Z to /.
PLAIN = ("_ๅ/-ภถุึคตจขช", "ๆไำพะัีรนยบลฃ", "ฟหกดเ้่าสวง", "ผปแอิืทมใฝ")
SHIFTED = ('%+๑๒๓๔ู฿๕๖๗๘๙', '๐"ฎฑธํ๊ณฯญฐ,ฅ', "ฤฆฏโฌ็๋ษศซ.", "()ฉฮฺ์?ฒฬฦ")
# Where each row starts under the row above it, in keys: Q sits between 1 and 2 (the row above
# starts one key further left, at the key left of 1), A between Q and W, Z between A and S.
_UNDER = (None, 1, 0, 0)
# Letters of one sound, each group written for each other (ญ ends a syllable as น does: หาญ, หาน;
# ไ and ใ are one vowel, and which of the two a word takes is learnt by heart: ไช้ for ใช้).
SOUND_ALIKE = ("รล", "ซศษส", "ทธฑฒ", "นณญ", "ยญ", "ตฏ", "ดฎ", "ชฉฌ", "คฆ", "พภ", "ไใ")
# Letters that end a syllable with one sound (the final sounds k, t, p and n), each written for
# another at the end of a word.
FINAL_SOUNDS = ("กขคฆ", "ดจชซฎฏฐฑฒตถทธศษส", "บปพฟภ", "นญณรลฬ")
_FINAL = {letter: group.replace(letter, "") for group in FINAL_SOUNDS for letter in group}
# Thai consonants and the vowels written as letters on the line (ะ า ำ เ แ โ ใ ไ).
LETTERS = frozenset(chr(c) for c in range(0x0E01, 0x0E2F)) | frozenset("ะาำเแโใไ")


def _neighbours() -> dict[str, str]:
    near: dict[str, set[str]] = {}

    def join(a: str, b: str) -> None:
        if a in LETTERS and b in LETTERS and a != b:
            near.setdefault(a, set()).add(b)
            near.setdefault(b, set()).add(a)

    for rows in (PLAIN, SHIFTED):
        for r, row in enumerate(rows):
            for k in range(len(row) - 1):
                join(row[k], row[k + 1])
            if r:
                above = rows[r - 1]
                for k, key in enumerate(row):
                    for j in (k + _UNDER[r], k + _UNDER[r] + 1):
                        if j < len(above):
                            join(key, above[j])
    for plain, shifted in zip(PLAIN, SHIFTED):
        for a, b in zip(plain, shifted):
            join(a, b)
    for group in SOUND_ALIKE:
        for a in group:
            for b in group:
                join(a, b)
    return {letter: "".join(sorted(found)) for letter, found in near.items()}


NEIGHBOURS = _neighbours()


def slips_of(written: str):
    """`written` with one letter changed for one of its NEIGHBOURS, or its last letter for one of
    the same final sound (FINAL_SOUNDS), each way once (what was meant, if `written` is such a
    slip)."""
    for i, char in enumerate(written):
        for other in NEIGHBOURS.get(char, ""):
            yield written[:i] + other + written[i + 1:]
    last = written[-1:]
    for other in _FINAL.get(last, ""):
        if other not in NEIGHBOURS.get(last, ""):
            yield written[:-1] + other


_SOUND = {letter: group.replace(letter, "") for group in SOUND_ALIKE for letter in group}


def sound_slips_of(written: str):
    """`written` with one letter changed for one of the same sound (SOUND_ALIKE), or its last
    letter for one of the same final sound (FINAL_SOUNDS): the slips of a writer who spells by
    ear, which `slips_of` yields too, among the keys a finger slips to."""
    for i, char in enumerate(written):
        for other in _SOUND.get(char, ""):
            yield written[:i] + other + written[i + 1:]
    last = written[-1:]
    for other in _FINAL.get(last, ""):
        yield written[:-1] + other
