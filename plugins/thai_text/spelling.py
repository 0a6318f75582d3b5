"""Thai words neither the dictionaries nor pythainlp's spell checker know (the rule "spelling").

Common misspellings made of dictionary pieces (อนุญาติ, กฏหมาย) are looked up in
COMMON_MISSPELLINGS. Text is segmented with the site's segmenter (pythainlp words + site
dictionary); a run of tokens that are not dictionary words (with 1-2 letter fragments next to
them) is one suspicious word. Runs shorter than 3 letters, words in the site dictionary and words
the spell checker knows are skipped; each word is reported once per file.

A word typed without one of its marks (a tone mark, ็, ์ or an upper or lower vowel: the most
usual Thai slip) is usually cut by the segmenter into pieces that are each a word (พร้อม typed
พรอม is พร|อม; จังหวัด typed จังหวด is จัง|หวด), so no piece is unknown. `missing_marks` looks at
every two or three pieces written together: when one mark put in (or a tone mark changed for
another: ได่ for ได้) makes them a word far more frequent than the pieces are together (MARK_EVIDENCE, in pythainlp's word counts),
that is the word meant. A short piece no dictionary counts (ไม, ให, กวา) is looked at alone the
same way, when the pieces beside it are whole words (a name no dictionary knows is cut into short
pieces: สุ|นัน|ทา). Those pieces are then not reported again as unknown words, and a suggestion for an
unknown word prefers a mark put in (สถติ -> สถิติ, not สติ). A letter typed with a key near it or
one of the same sound (ชั่งโมง for ชั่วโมง: ชั่ง|โมง, both words; รายระเอียด), or a letter left out
(ข้อเท็จจิง), is found the same way, for common words only (KEY_EVIDENCE).

Before any of that, the line is read with its typing errors fixed (typos.py reports those, once),
and the site's names typed with one slip (near_miss.py: ศูนย์ปฏิบัติการต่อต้านการทุจริด) are found
and named with their right spelling; their pieces are not reported again as unknown words.
People's names written with a title (names.py: นางสาวสุนันทา ภู่ระหงษ์ทองคำ, นายสก ปิซัย) are
not searched for unknown words: first names, surnames and transliterated names are rarely in a
dictionary, no dictionary can tell whether they are spelt right, and a warning there would hold
back the release until a developer added each name to the site dictionary. Nor are the names of
places after the word for their kind (places.py: ตำบลละแม, อ.สบเมย, บ้านห้วยตองก๊อ). A
spell checker's suggestion is not offered for an unknown word of fewer than 4 letters (สโซ่ is not
โซ่: near_miss.spelling_suggestion_allowed).

`Speller(site_words, segmenter)` does the work for one site dictionary and remembers what it found
for each line it was given, so the live preview checks again only the lines an edit changed;
`load`/`save` keep that between builds (CACHE_PATH/thai_text/spelling.pickle), for the same
dictionary and the same code of this plugin (segment.code_digest).
"""

from __future__ import annotations

import hashlib
import importlib
import math
import os
import pickle
import re
from functools import cached_property, lru_cache
from itertools import accumulate, chain
from pathlib import Path

from .letter_slips import slips_of, sound_slips_of
from .near_miss import NearMissFinder, spelling_suggestion_allowed
from .patterns import THAI_LETTERS
from .royal_names import ROYAL_CONTEXT, ROYAL_NAMES, ROYAL_TERMS
from .typos import fix_typos

CACHE_FORMAT = 11  # (word, suggestion, slip) per line, names left out (6: missing marks, 7: places, 8: keys near, 9: final sounds, runs on, joined, 10: slips first, the word before first, 11: ไ and ใ of one sound); older caches are not read
THAI = re.compile("[\u0e01-\u0e4e]")
THAI_WORD = re.compile("^[\u0e01-\u0e2e\u0e30-\u0e45\u0e47-\u0e4e]+$")  # letters and marks, not ฯ ๆ
COMBINING = re.compile("[\u0e31\u0e34-\u0e3a\u0e47-\u0e4e]")
INLINE_CODE = re.compile(r"`[^`]*`")
# Quotes and square brackets, read as spaces: the segmenter leaves one joined to letters it does
# not know as a word (แจ้งล่วงหน้" is แจ้ง|ล่วง|หน้"; [ผลการ is [ผ|ลการ), and such a token is never
# searched. (Round brackets stay: a contact's name is known by them, names.CONTACT_HINT.)
QUOTES = re.compile("[\"'“”‘’«»\\[\\]]")
URLISH = re.compile(r"(?:https?://|www\.|mailto:)\S+|\]\([^)]*\)|<[^>]+>|\{[a-z]+\}\S*")
# Upper and lower vowels, tone marks, ็ and ์: what a slip most often leaves out or gets wrong.
MARKS = "\u0e31\u0e34\u0e35\u0e36\u0e37\u0e38\u0e39\u0e47\u0e48\u0e49\u0e4a\u0e4b\u0e4c"
# How much likelier (natural log of the ratio of pythainlp's word counts) the word with a mark put
# in must be than its pieces written together, to be taken as the word meant. Measured on every
# line of content/ and of the segmentation gold set: the highest of text written right is 3.5
# (คนหา: ค้นหา, where คน|หา may be meant); พรอม for พร้อม is 4.7, most dropped marks above 8.
MARK_EVIDENCE = 4.0
# A tone mark typed for another (่ for ้: keys side by side) is read like a missing mark. Other
# marks are not changed for each other: that read transliterated names as slips (วิว, วัว).
TONE_MARKS = "\u0e48\u0e49\u0e4a\u0e4b"
_TONE = re.compile(f"[{TONE_MARKS}]")
# A lone piece that no count knows is taken as a word missing a mark only when that word is
# common (pythainlp's count: ให้ 54 million, กว่า 9 million); below it, names' pieces come in.
LONE_PIECE_MIN_COUNT = 1_000_000
# A letter typed with a key near it or one of the same sound (letter_slips.py: ชั่งโมง for ชั่วโมง,
# ง beside ว; รายระเอียด for รายละเอียด) is read the same way, with more care: any of several
# letters may have slipped, and a transliterated name (ฟิเดลิส, แชมเปียน) is made of pieces that a
# slip turns into some rare word. So the word meant must be common (pythainlp's count at least
# KEY_MIN_COUNT), of at least KEY_MIN_LETTERS letters, and far likelier than the pieces together
# (KEY_EVIDENCE). Measured: of 19,786 Wikipedia titles (names
# of people and places from everywhere, transliterated), it reports 3 that nothing reported
# before (one the usual misspelling โศกนาฎกรรม); without the count and length it reported 715.
# The highest of text written right in content/ and the gold set is 7.3 (ผู้ถูก|ร้อง: ถูกต้อง).
# A letter left out (ข้อเท็จจิง: ข้อ|เท็จ|จิง) is read the same way: 7 more of those titles
# (วรสาร read as วารสาร), and over every word of the content with a letter left out (10,055
# slips) the word meant is named 26.9% of the time instead of 22.2%.
KEY_EVIDENCE = 10.0
KEY_MIN_COUNT = 10_000
KEY_MIN_LETTERS = 5
# A piece no count knows of at most this many letters, right after two or three pieces that a slip
# would make a word, is more of that word (missing_marks does not read them as the slip; see _runs_on).
RUN_ON_LETTERS = 2
SPELLING_CACHE = "spelling.pickle"  # in CACHE_PATH/thai_text: what each line gave, by dictionary

# Words Thai writers often misspell although every piece is a dictionary word (so no segmenter
# finds them): wrong -> right. None of the wrong forms is part of a correct word.
COMMON_MISSPELLINGS = {
    "อนุญาติ": "อนุญาต",
    "สังเกตุ": "สังเกต",
    "กฏหมาย": "กฎหมาย",
    "กฏเกณฑ์": "กฎเกณฑ์",
    "กฏระเบียบ": "กฎระเบียบ",
    "ปฎิบัติ": "ปฏิบัติ",
    "ปรากฎ": "ปรากฏ",
    "โอกาศ": "โอกาส",
    "อิเล็คทรอนิกส์": "อิเล็กทรอนิกส์",
    "บุคคลากร": "บุคลากร",
    "ผลัดดัน": "ผลักดัน",
    "คลีนิก": "คลินิก",
    "ลายเซ็นต์": "ลายเซ็น",
    "ผูกพันธ์": "ผูกพัน",
    "สาระพัด": "สารพัด",
    "ทรัพยากรณ์": "ทรัพยากร",
    "มาตรการณ์": "มาตรการ",
    "สัมนา": "สัมมนา",
    "ผลสัมฤทธ์": "ผลสัมฤทธิ์",
    "ศรัธา": "ศรัทธา",
    "ประณีประนอม": "ประนีประนอม",
    "บรรเทิง": "บันเทิง",
    "ดำริห์": "ดำริ",
    # the center's own words, as writers often spell them (trial releases wrote each)
    "ซื่อสัตว์": "ซื่อสัตย์",
    "คาดเคลื่อน": "คลาดเคลื่อน",
    "เฟสบุ๊ค": "เฟซบุ๊ก",
    "เฟสบุ๊ก": "เฟซบุ๊ก",
    "เฟซบุ๊ค": "เฟซบุ๊ก",
    "คอรัปชั่น": "คอร์รัปชัน",
    "คอร์รัปชั่น": "คอร์รัปชัน",
    "คอรัปชัน": "คอร์รัปชัน",
    "อินเตอร์เน็ต": "อินเทอร์เน็ต",  # (the Royal Institute's spelling; a job announcement wrote the other)
    # Entries of pythainlp's own word list that are slips of one vowel or tone mark (in neither
    # the Royal Institute's list nor the Thai National Corpus, one mark from a word the corpus
    # counts 300 times or more): as dictionary words they were never reported (เบิ้องต้น).
    "หรึอ": "หรือ", "เรี่อง": "เรื่อง", "เพี่อน": "เพื่อน", "วีธี": "วิธี", "นัอง": "น้อง",
    "ลัาน": "ล้าน", "ห้วใจ": "หัวใจ", "ฝืมือ": "ฝีมือ", "เชี้อ": "เชื้อ", "ฟัอง": "ฟ้อง",
    "เบี้องต้น": "เบื้องต้น", "เบิ้องต้น": "เบื้องต้น", "เมี่อไหร่": "เมื่อไหร่", "เถึยง": "เถียง",
    "แท๊กซี่": "แท็กซี่", "ปืโตรเลียม": "ปิโตรเลียม", "เยี่อ": "เยื่อ", "พีธีกร": "พิธีกร",
    "ศ้ลยกรรม": "ศัลยกรรม", "ช๊อกโกแลต": "ช็อกโกแลต", "จิตใต้สำนีก": "จิตใต้สำนึก",
}


@lru_cache(maxsize=1)
def _norvig():
    from pythainlp.spell import NorvigSpellChecker

    return NorvigSpellChecker()


@lru_cache(maxsize=1)
def _dictionary_words() -> frozenset[str]:
    from pythainlp.corpus.common import thai_words

    return frozenset(thai_words())


class Speller:
    """pythainlp's Norvig spell checker, with the site dictionary's words counted as known."""

    def __init__(self, site_words, segmenter):
        self.site_words = frozenset(site_words)
        self.segmenter = segmenter
        self._lines: dict[bytes, list[tuple[str, str | None, str | None]]] = {}
        self._loaded: set[str] = set()
        self._added = False

    # pythainlp's word list and spell checker are loaded on the first line not remembered (a
    # build whose lines are all in the cache never loads them).
    @cached_property
    def checker(self):
        return _norvig()

    @cached_property
    def known_words(self) -> frozenset:
        return _dictionary_words() | self.site_words

    @cached_property
    def near_misses(self) -> NearMissFinder:
        royal = dict.fromkeys(ROYAL_NAMES + ROYAL_TERMS, ROYAL_CONTEXT)
        return NearMissFinder(self.site_words, only_near=royal)

    @cached_property
    def _edits1(self):
        return importlib.import_module("pythainlp.spell.pn")._edits1

    def load(self, path: Path) -> None:
        """Add what an earlier build found (same dictionary, same findings format) to what is remembered."""
        if str(path) in self._loaded:
            return
        self._loaded.add(str(path))
        try:
            with open(path, "rb") as handle:
                data = pickle.load(handle)
        except (OSError, ValueError, EOFError, pickle.UnpicklingError):
            return
        from .segment import code_digest

        if isinstance(data, dict) and data.get("format") == CACHE_FORMAT and data.get("code") == code_digest() \
                and data.get("dictionary") == self.segmenter.dictionary_hash:
            self._lines = {**data.get("lines", {}), **self._lines}

    def save(self, path: Path) -> None:
        """Write what is remembered, when something was added since the last save."""
        if not self._added:
            return
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(f".{os.getpid()}.tmp")
        from .segment import code_digest

        data = {"format": CACHE_FORMAT, "code": code_digest(), "dictionary": self.segmenter.dictionary_hash,
                "lines": self._lines}
        with open(tmp, "wb") as handle:
            pickle.dump(data, handle, protocol=5)
        os.replace(tmp, path)
        self._added = False

    def suggestion(self, word: str) -> str | None:
        """The most frequent known word one edit away, if any (no two-edit search: too slow); a
        word one mark away comes first (สถติ -> สถิติ, though สติ is more frequent), then one a
        letter of the same sound away, then one a key away (สะกต -> สะกด, though สเกต is one
        edit too, a key away, and more frequent). Known: the spell checker's words, which are the
        corpus's, and the dictionaries' (the corpus counts ทำ and งาน, not ทำงาน: ทำงาร is meant
        ทำงาน)."""
        edits = set(self._edits1(word))
        candidates = set(self.checker.known(edits)) | (edits & self.known_words)
        if not candidates:
            return None
        marked = set(candidates) & mark_edits(word)
        # then one a letter away that a writer spelling by ear writes for it (a letter of the same
        # sound, or of the same final sound last: สะกต -> สะกด, not สเกต, which the corpus counts
        # more often), then one a key beside it (letter_slips.py)
        sounded = set(candidates) & set(sound_slips_of(word))
        slipped = set(candidates) & set(slips_of(word))
        return max(marked or sounded or slipped or candidates, key=lambda w: (self.checker.freq(w), w))

    @cached_property
    def counts(self) -> dict[str, int]:
        """pythainlp's word counts (its spell checker's), word -> count."""
        return dict(self.checker.dictionary())

    @cached_property
    def _total(self) -> int:
        return sum(self.counts.values())

    def log_chance(self, word: str) -> float:
        """Natural log of `word`'s share of pythainlp's word counts (half a count when it has none)."""
        return math.log((self.counts.get(word) or 0.5) / self._total)

    def mark_fix(self, text: str) -> str | None:
        """The most frequent counted word that is `text` with one mark put in, or with one tone
        mark changed for another, if any."""
        index = self._mark_index
        found = [index.get(text)]
        found += [index.get(text[:m.start()] + "*" + text[m.end():]) for m in _TONE.finditer(text)]
        found = [word for word in found if word and word != text]
        return max(found, key=lambda w: (self.counts[w], w)) if found else None

    def key_fix(self, text: str) -> str | None:
        """The most frequent common word (KEY_MIN_COUNT, KEY_MIN_LETTERS) that is `text` with one
        letter changed for a key near it or one of the same sound (letter_slips.py), without a
        tone mark typed too many (ครอบคลุ่ม: ครอบคลุม), or with a letter it left out put back
        (ค้างจ่ย: ค้างจ่าย), if any."""
        if _letters(text) < KEY_MIN_LETTERS - 1:
            return None
        counts = self.counts
        found = [word for word in chain(slips_of(text), _without_a_tone(text))
                 if counts.get(word, 0) >= KEY_MIN_COUNT] if _letters(text) >= KEY_MIN_LETTERS else []
        dropped = self._dropped_index.get(text)
        if dropped:
            found.append(dropped)
        return max(found, key=lambda w: (counts[w], w)) if found else None

    @cached_property
    def _dropped_index(self) -> dict[str, str]:
        """Each common word (KEY_MIN_COUNT, KEY_MIN_LETTERS) under its spelling without one of its
        letters (not a mark: missing_marks reads those), the most frequent where two share a key
        (about 20,000 keys). Not without its last letter: the next piece may hold it (อำ|นว|น|การ is
        อำนวยการ with น for ย, not อำนวย with ย left out)."""
        index: dict[str, str] = {}
        counts = self.counts
        for word, count in counts.items():
            if count < KEY_MIN_COUNT or _letters(word) < KEY_MIN_LETTERS:
                continue
            last = max(i for i, char in enumerate(word) if char not in MARKS)
            for i, char in enumerate(word[:last]):
                if char in MARKS or not THAI.match(char):
                    continue
                key = word[:i] + word[i + 1:]
                held = index.get(key)
                if held is None or (count, word) > (counts[held], held):
                    index[key] = word
        return index

    def window_fix(self, piece: tuple[str, ...]) -> str | None:
        """The word meant by tokens written together (missing_marks), or None; remembered for
        each run of tokens, as the same pairs come back in every text."""
        memo = self._windows
        if piece in memo:
            return memo[piece]
        written = "".join(piece)
        meant = None
        if written not in self.known_words:
            chance = sum(map(self.log_chance, piece))
            meant = self.mark_fix(written)
            if meant and self.log_chance(meant) - chance <= MARK_EVIDENCE:
                meant = None
            if meant is None:
                meant = self.key_fix(written)
                if meant and self.log_chance(meant) - chance <= KEY_EVIDENCE:
                    meant = None
        if len(memo) > 500_000:
            memo.clear()
        memo[piece] = meant
        return meant

    @cached_property
    def _windows(self) -> dict[tuple[str, ...], str | None]:
        return {}

    @cached_property
    def _mark_index(self) -> dict[str, str]:
        """Each counted word under its spelling without one of its marks, and under its spelling
        with one tone mark made "*" (the most frequent word where two share a key): mark_fix looks
        a text up instead of trying every mark at every place (about 64,000 keys, built in 0.04 s
        by the first line not remembered)."""
        index: dict[str, str] = {}
        counts = self.counts
        for word, count in counts.items():
            for i, char in enumerate(word):
                if char not in MARKS:
                    continue
                keys = [word[:i] + word[i + 1:]]
                if char in TONE_MARKS:
                    keys.append(word[:i] + "*" + word[i + 1:])
                for key in keys:
                    held = index.get(key)
                    if held is None or (count, word) > (counts[held], held):
                        index[key] = word
        return index

    def line_findings(self, line: str) -> list[tuple[str, str | None, str | None]]:
        """(word, suggestion or None, slip) of one line of prose, remembered by a hash of the line:
        `slip` is the kind of slip (near_miss.SLIPS) when the word is a site name typed with one,
        else None."""
        key = hashlib.blake2b(line.encode("utf-8"), digest_size=12).digest()
        found = self._lines.get(key)
        if found is None:
            text = QUOTES.sub(" ", fix_typos(URLISH.sub(" ", INLINE_CODE.sub(" ", line))))
            misses = self.near_misses.find(text)
            found = [(miss.found, miss.entry, miss.slip) for miss in misses]
            for miss in reversed(misses):
                text = text[:miss.start] + " " + text[miss.end:]
            for wrong, right in COMMON_MISSPELLINGS.items():
                if wrong in text:
                    found.append((wrong, right, None))
                    text = text.replace(wrong, " ")
            tokens = searched_tokens(self.segmenter, text)
            marks = missing_marks(tokens, self)
            found += [(word, better, None) for _start, _end, word, better in marks]
            for start, end, _word, _better in marks:
                tokens[start:end] = [" "] * (end - start)
            found += [(word, better, None) for word, better in suspicious_runs(tokens, self)]
            if len(self._lines) > 200_000:
                self._lines.clear()
            self._lines[key] = found
            self._added = True
        return found


def _without_a_tone(text: str):
    """`text` without each of its tone marks in turn."""
    return (text[:m.start()] + text[m.end():] for m in _TONE.finditer(text))


def mark_edits(word: str) -> set[str]:
    """`word` with one mark put in after any letter, or one of its marks changed for another."""
    edits = set()
    for i in range(1, len(word) + 1):
        edits.update(word[:i] + mark + word[i:] for mark in MARKS)
    for i, char in enumerate(word):
        if char in MARKS:
            edits.update(word[:i] + mark + word[i + 1:] for mark in MARKS if mark != char)
    return edits


def missing_marks(tokens: list[str], speller: Speller) -> list[tuple[int, int, str, str]]:
    """(first token, token after the last, what was written, the word meant) for each place where
    a word was typed without one of its marks, with a tone mark for another, with a letter for one
    near it (letter_slips.py) or without one of its letters: two or three tokens written together
    that one mark (put in, or a tone mark changed) makes a far likelier word (MARK_EVIDENCE), or
    one letter changed or put back a far likelier common word (KEY_EVIDENCE), or one short token
    no count knows, between whole words, that one mark or one letter of the same sound makes a
    common word (LONE_PIECE_MIN_COUNT).
    Places do not overlap; the first found wins; a window a piece no count knows runs on from is
    none (_runs_on)."""
    found = []
    n = len(tokens)
    thai = [bool(THAI_WORD.match(token)) for token in tokens]
    window_fix, counts, site_words = speller.window_fix, speller.counts, speller.site_words
    i = 0
    while i < n:
        if not thai[i]:
            i += 1
            continue
        end = meant = None
        for size in (2, 3):
            if i + size > n or not thai[i + size - 1]:
                break
            meant = window_fix(tuple(tokens[i:i + size]))
            if meant and not _runs_on(tokens, thai, i + size, counts, site_words):
                end = i + size
                break
            meant = None
        if end is None:
            token = tokens[i]
            # A name no dictionary knows is cut into short pieces (สุ|นัน|ทา): a slip sits
            # between whole words.
            if len(token) > 1 and token not in counts and token not in site_words \
                    and not (i > 0 and thai[i - 1] and len(tokens[i - 1]) < 3) \
                    and not (i + 1 < n and thai[i + 1] and len(tokens[i + 1]) < 3):
                meant = speller.mark_fix(token)
                if not (meant and counts.get(meant, 0) >= LONE_PIECE_MIN_COUNT):
                    # or a letter of the same sound (ไช้ for ใช้: ไ and ใ are one vowel), where the
                    # token is no word of the dictionaries (ตราด, a province, is not ตลาด)
                    meant = None if token in speller.known_words else max(
                        (word for word in sound_slips_of(token) if counts.get(word, 0) >= LONE_PIECE_MIN_COUNT),
                        key=lambda word: (counts[word], word), default=None)
                if meant:
                    end = i + 1
        if end is None:
            i += 1
            continue
        found.append((i, end, "".join(tokens[i:end]), meant))
        i = end
    return found


def _runs_on(tokens: list[str], thai: list[bool], at: int, counts, site_words) -> bool:
    """Whether the token at `at` is a short piece (RUN_ON_LETTERS) no count knows written right
    after a window: the word the writer meant goes on into it (อาสา|ส|มัค is อาสาสมัคร misspelt,
    not อาวาส and มัค), and the run of unknown pieces is suspicious_runs' to read. A longer one is
    a word of its own, a name (ขัง|หวัด|กาญจนบุรี is จังหวัด misspelt before a province)."""
    return (at < len(tokens) and thai[at] and tokens[at] not in counts and tokens[at] not in site_words
            and _letters(tokens[at]) <= RUN_ON_LETTERS)


def searched_tokens(segmenter, text: str) -> list[str]:
    """The segmenter's tokens of `text` with people's and places' names (names.py, places.py)
    made spaces: what the spelling rule searches. Where a name starts or ends inside a token (the
    segmenter cut its last letters into the next word: ดร.ซานโตส-เรเยสอธิบาย, เรเย|สอ|ธิบาย),
    the text around the names is segmented again on its own, which would otherwise leave the rest
    of that word (ธิบาย) to be reported."""
    tokens = segmenter.segment(text)
    names = sorted(segmenter.names(text) + segmenter.places(text))  # (the boundaries just computed, remembered)
    if not names:
        return tokens
    cuts = {0, len(text), *accumulate(map(len, tokens))}
    if all(start in cuts and end in cuts for start, end in names):  # as usual: each name whole tokens
        return _outside(tokens, names)
    blanked, pos = [], 0
    for start, end in names:
        start = max(start, pos)
        blanked.append(text[pos:start])
        blanked.append(" " * max(0, end - start))
        pos = max(pos, end)
    blanked.append(text[pos:])
    return segmenter.segment("".join(blanked))


def _outside(tokens: list[str], spans: list[tuple[int, int]]) -> list[str]:
    """`tokens` with each one that overlaps one of `spans` (in order) made a space."""
    kept, at, k = [], 0, 0
    for token in tokens:
        end = at + len(token)
        while k < len(spans) and spans[k][1] <= at:
            k += 1
        kept.append(" " if k < len(spans) and spans[k][0] < end else token)
        at = end
    return kept


_SPELLERS: dict = {}


def speller_for(segmenter) -> Speller:
    """The Speller of a site segmenter (its site words are the site dictionary's)."""
    key = id(segmenter)
    if key not in _SPELLERS:
        if len(_SPELLERS) > 4:
            _SPELLERS.clear()
        _SPELLERS[key] = Speller(segmenter.site_words, segmenter)
    return _SPELLERS[key]


def prose_lines(source):
    """(line number, text) of what a reader sees: `Title:`, `Summary:`, the body outside code
    fences, with a table's cells read as places where their column says so (`placed_cells`)."""
    for key in ("title", "summary"):
        line = source.line_of(key)
        if line:
            yield line, source.value(key)
    from content_guard.sources import outside_code_fences

    yield from placed_cells(outside_code_fences(source.body_lines))


_TABLE_DELIMITER = re.compile(r"^\s*\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?\s*$")


def _cells(line: str) -> list[str]:
    return line.strip().strip("|").split("|")


def placed_cells(lines):
    """`lines` with each cell of a table column headed by a kind of place (อำเภอ, ตำบล, จังหวัด,
    หมู่บ้าน: places.PLACE_WORDS) read after that word, when it does not start with a place word
    itself: a table by district lists bare names (| สบเมย |), which are names of places all the same."""
    from .places import DOTTED_PLACE_WORDS, PLACE_WORDS

    header, kinds = None, []
    for number, line in lines:
        if not line.lstrip().startswith("|"):
            header, kinds = None, []
        elif _TABLE_DELIMITER.match(line) and header is not None:
            kinds = [cell.strip() if cell.strip() in PLACE_WORDS else "" for cell in _cells(header)]
        elif any(kinds):
            cells = _cells(line)
            line = "| " + " | ".join(
                f"{kind}{cell.strip()}" if kind and cell.strip() and not cell.strip().startswith(PLACE_WORDS + DOTTED_PLACE_WORDS)
                else cell.strip() for kind, cell in zip(kinds + [""] * len(cells), cells)) + " |"
        else:
            header = line
        yield number, line


def misspellings(lines, speller: Speller):
    """(line number, word, suggestion or None, slip or None) for each unknown word or site name
    typed with a slip, once per word. A place named after the word for its kind anywhere in the
    lines is a name in all of them (อำเภอสบเมย, then ที่สบเมย or a table cell | สบเมย |): an
    unknown word inside one of the lines' place names is not reported."""
    lines = [(number, line) for number, line in lines if THAI.search(line)]
    found = [(number, *finding) for number, line in lines for finding in speller.line_findings(line)]
    # (looked for only when there is an unknown word to look up: most files have none)
    places = place_names((line for _n, line in lines), speller.segmenter) if any(not f[3] for f in found) else ()
    reported = set()
    for number, word, better, slip in found:
        if word in reported or (not slip and len(word) > 1 and any(word in place for place in places)):
            continue
        reported.add(word)
        yield number, word, better, slip


_THAI_LETTER = re.compile(f"[{THAI_LETTERS}]")


def in_context(word: str, line: str, segmenter, letters: int = 10) -> str | None:
    """`word` with the Thai letters written against it in `line` (up to `letters` on each side,
    cut where the segmenter ends a word, "…" where more letters follow): what the writer typed
    and can find, when an unknown word is a piece of it (บาว in ใช้เงินสดที่ด่านลาวบาว:
    "…ที่ด่านลาวบาว"). None when a space or punctuation stands on both sides of the word, or it
    is not in the line as written (a typing error fixed before the reading). Where the word's
    letters are also part of another word before it (ลักษณ in พระบรมฉายาลักษณ์ and in
    พัชรสุธาพิมลลักษณ), the place taken is the one the segmenter reads as the word: it starts and
    ends where the segmenter cuts."""
    at = line.find(word)
    if at < 0:
        return None
    cuts = None
    if line.find(word, at + 1) >= 0:
        cuts = {0, len(line), *segmenter.boundaries(line)}
        at = next((i for i in _occurrences(word, line) if i in cuts and i + len(word) in cuts), at)
    end = at + len(word)
    left, right = at, end
    while left > 0 and at - left < letters and _THAI_LETTER.match(line, left - 1):
        left -= 1
    while right < len(line) and right - end < letters and _THAI_LETTER.match(line, right):
        right += 1
    more_left = left > 0 and _THAI_LETTER.match(line, left - 1) is not None
    more_right = right < len(line) and _THAI_LETTER.match(line, right) is not None
    if (more_left or more_right) and cuts is None:
        cuts = set(segmenter.boundaries(line))
    if more_left or more_right:
        while more_left and left < at and left not in cuts:
            left += 1
        while more_right and right > end and right not in cuts:
            right -= 1
    if (left, right) == (at, end) and not (more_left or more_right):
        return None
    return ("…" if more_left else "") + line[left:right] + ("…" if more_right else "")


def _occurrences(word: str, line: str):
    at = line.find(word)
    while at >= 0:
        yield at
        at = line.find(word, at + 1)


def place_names(lines, segmenter) -> set[str]:
    """The names of places (places.py) written in `lines`, read as line_findings reads a line."""
    names = set()
    for line in lines:
        text = fix_typos(line)
        names.update(text[start:end] for start, end in segmenter.places(text))
    return names


def _letters(word: str) -> int:
    return len(COMBINING.sub("", word))


def suspicious_runs(tokens: list[str], speller: Speller) -> list[tuple[str, str | None]]:
    """(word, suggestion or None) for each run of consecutive non-dictionary Thai tokens.

    A misspelt word is often cut into a dictionary piece and an unknown piece (ทุจจริต ->
    ทุ|จ|จริต), so the run is also tried joined with its neighbours: if one of those is a known
    word the run is only a segmentation artefact; if one is one edit away from a known word, that
    is the suggestion. Two reports that touch are one word (_joined).
    """
    found = []
    i = 0
    while i < len(tokens):
        if not THAI_WORD.match(tokens[i]) or tokens[i] in speller.known_words:
            i += 1
            continue
        j = i
        while j + 1 < len(tokens) and THAI_WORD.match(tokens[j + 1]) and tokens[j + 1] not in speller.known_words:
            j += 1
        run = "".join(tokens[i : j + 1])
        before = tokens[i - 1] if i > 0 and THAI_WORD.match(tokens[i - 1]) else ""
        after = tokens[j + 1] if j + 1 < len(tokens) and THAI_WORD.match(tokens[j + 1]) else ""
        # and two tokens before or after it: a slip at a word's end leaves a word and a letter
        # (สำนักงาร is สำนัก|งา|ร, meant สำนักงาน; ทำงาร is ทำ|งา|ร)
        before2 = tokens[i - 2] + before if before and i > 1 and THAI_WORD.match(tokens[i - 2]) else ""
        after2 = after + tokens[j + 2] if after and j + 2 < len(tokens) and THAI_WORD.match(tokens[j + 2]) else ""
        lo, hi = i - bool(before), j + 1 + bool(after)
        spans = {}  # each text tried, with its tokens (the first of equal texts)
        # (tried from the last: the widest first, and a letter left between two words read with
        # the word before it before the word after it: วัฒนธรรม|ม|แห่ง is วัฒนธรรมม, meant
        # วัฒนธรรม, not มแห่ง, meant แห่ง; นาฬิกา|ร|อัจฉริยะ is นาฬิการ)
        for text, span in ((run, (i, j + 1)), (run + after, (i, hi)), (before + run, (lo, j + 1)),
                           (before + run + after, (lo, hi)), (run + after2, (i, hi + bool(after2))),
                           (before2 + run, (lo - bool(before2), j + 1))):
            spans.setdefault(text, span)
        if any(speller.checker.known([c]) for c in spans):
            i = j + 1
            continue
        reported = None
        for combo in reversed(spans):
            better = speller.suggestion(combo) if _letters(combo) >= 3 else None
            if spelling_suggestion_allowed(combo, better):
                reported = (combo, better, spans[combo])
                break
        if reported is None and _letters(run) >= 3:
            reported = (run, None, (i, j + 1))
        if reported and found and reported[2][0] <= found[-1][2][1]:
            reported = _joined(tokens, found.pop()[2], reported[2], speller)
        if reported:
            found.append(reported)
        i = j + 1
    return [(word, better) for word, better, _span in found]


def _joined(tokens, first, second, speller) -> tuple[str, str | None, tuple[int, int]]:
    """Two unknown words written one against the other, as one (ไลน์ออฟฟิเชียล read as ออฟฟิ and
    เชียล is one word to its writer, who adds it to the dictionary whole): the tokens from the
    first's start to the second's end, with the word one edit away, if any."""
    span = (first[0], max(first[1], second[1]))
    word = "".join(tokens[span[0]:span[1]])
    better = speller.suggestion(word) if _letters(word) >= 3 else None
    return word, better if spelling_suggestion_allowed(word, better) else None, span
