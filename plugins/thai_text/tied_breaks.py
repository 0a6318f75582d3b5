"""Line breaks that a tie of the segmenter put inside an everyday word.

No Pelican imports. newmm (nlpo3) reads as few dictionary words as it can, and where two readings
have as many it may take either. pythainlp's word list holds compounds and old words that make
such ties out of the commonest words of a press release: ส่งข้อมูลนายหน้า came out as
ส่ง|ข้อ|มูลนาย|หน้า (มูลนาย, an old word for a master), รูปจากวัด as รูป|จา|กวัด, ถึงมือ
เจ้าหน้าที่แล้ว as เจ้าหน้า|ที่แล้ว, เอกสารประกอบ as เอก|สารประกอบ, แรงงานก่อสร้าง as
แรง|งานก่อสร้าง, ตั้งแต่วันพฤหัสบดี as ตั้ง|แต่วัน|พฤหัสบดี. A line could end at ข้อ|, จา|,
เจ้าหน้า|, inside the word a reader sees.

Where the letters at a boundary read as two everyday words the other way (the word after lends
its first letters to the word before: ข้อ + มูล = ข้อมูล, leaving นาย), and one of the two tokens
is not an everyday word, no line ends at that boundary: the two stay on one line (a browser
cannot cut them either: markup.py keeps a piece of several syllables whole). An everyday word
is one the Thai National Corpus counts at least COMMON times. The reading itself is not changed
(search and spelling read the tokens as before): of two readings that a unigram model cannot
tell apart (ความ|ผิดปกติ or ความผิด|ปกติ, ได้|รับรางวัล or ได้รับ|รางวัล), keeping both
halves on one line is right either way.
"""

from __future__ import annotations

COMMON = 1000  # the corpus counts an everyday word at least this many times
MEMO_ENTRIES = 200_000  # tokens whose lent starts a memo keeps before it is emptied


def lent_starts(word: str, counts) -> tuple[str, ...]:
    """The starts `word` could lend to the word before it: those whose rest is an everyday word
    (กวัด: ก, leaving วัด; มูลนาย: มูล, leaving นาย). `counts`: the corpus's count of each word."""
    return tuple(word[:k] for k in range(1, len(word)) if counts.get(word[k:], 0) >= COMMON)


def tied(tokens: list[str], counts, memo: dict) -> list[int]:
    """The indexes k of the boundaries (between tokens[k] and tokens[k + 1]) where no line should
    end: the word after lends letters that make an everyday word of the one before, and one of
    the two is not an everyday word. `memo` keeps each token's `lent_starts`."""
    found = []
    get = counts.get
    for k in range(len(tokens) - 1):
        after = tokens[k + 1]
        starts = memo.get(after)
        if starts is None:
            if len(memo) > MEMO_ENTRIES:
                memo.clear()
            starts = memo[after] = lent_starts(after, counts)
        if not starts:
            continue
        before = tokens[k]
        if get(before, 0) >= COMMON and get(after, 0) >= COMMON:
            continue
        if any(get(before + start, 0) >= COMMON for start in starts):
            found.append(k)
    return found
