"""Thai word segmentation: nlpo3 with pythainlp's word list plus the site dictionary.

A `Segmenter` loads one combined dictionary into nlpo3 (pythainlp's `nlpo3` engine silently
ignores a custom dictionary; nlpo3's own `load_dict` does not), finds word boundaries in a piece
of text, and remembers them by text hash so that a rebuild segments only text that changed
(`save()` writes the memory into the cache folder; the next build loads it).

Where a line may break is decided here too (`break_offsets`): only between two Thai words, never
next to a digit, a space or punctuation, never inside a URL, an e-mail address, an HTML entity,
a dotted abbreviation (ป.ป.ช., ก.พ.), a site-dictionary word or a person's name (names.py), and
never next to a piece the dictionary does not know that is shorter than three letters (a
transliterated name such as แมริออท comes out of the segmenter as แม|ริ|ออ|ท: it stays whole).

`line_layout` adds what the markup needs so that a browser cannot break where we did not: the
spans to keep on one line (`white-space: nowrap`): every piece between two breaks that has more
than one syllable (a browser's own Thai dictionary may cut it), and every name as a whole.
"""

from __future__ import annotations

import hashlib
import importlib.util
import logging
import os
import pickle
import re
import tempfile
import time
from bisect import bisect_left, bisect_right, insort
from itertools import accumulate, compress, islice
from functools import cached_property, lru_cache
from pathlib import Path

import nlpo3

from .abbreviations import find_abbreviations
from .companies import find_company_words
from .names import CONTACT_HINT, find_names, may_start_name, mend_title_cuts
from .places import find_places
from .patterns import alternation
from .rare_pieces import PREFIX_COMPOUNDS, mend_rare_pieces, split_prefix_compounds
from . import tied_breaks
from .royal_names import ROYAL_NAMES, ROYAL_TERMS

logger = logging.getLogger(__name__)

# Bump when the meaning of cached values changes.
CACHE_FORMAT = 11  # 8: abbreviations of more than one part and contact names are kept whole; 9: Burmese names after คุณ; 10: no line ends after ผู้; 11: ตัวผู้ before a word


# Characters after which a line may break between two Thai words: consonants, vowels that
# follow or sit on a consonant, tone marks, ฯ and ๆ (not the lead vowels เ แ โ ใ ไ, which belong
# to the consonant after them, and not Thai digits).
_LEFT_OK = frozenset(
    chr(c) for c in range(0x0E01, 0x0E4F) if not 0x0E40 <= c <= 0x0E44
)
# Characters that may start a Thai word on a new line: consonants and lead vowels (never a
# combining mark, ฯ or ๆ).
_RIGHT_OK = frozenset(
    [chr(c) for c in range(0x0E01, 0x0E2F)] + [chr(c) for c in range(0x0E40, 0x0E45)]
)
# Words that belong to the word before them and never start a line: ละ after a unit is "per"
# (เดือนละ 50 ราย, คนละ 2,000 บาท); a line that starts with ละ reads as the verb "to abandon".
NO_LINE_START = frozenset({"ละ"})
# Words that belong to the word after them and never end a line: ผู้ makes a person of the verb
# after it (ผู้|แจ้ง, ผู้|สมัคร, ผู้|มีสิทธิ); a line that ends with it leaves "the one who" alone,
# and newmm often reads it so (คุ้มครอง|ผู้|แจ้ง), or into a word before it (ระบุ|ตัวผู้|แจ้ง: ตัวผู้,
# a male animal). A token that ends with one ends no line before a Thai word.
NO_LINE_END = ("ผู้",)
# A token that starts with one of these is not a word (space, punctuation, symbol).
_NOT_WORD_START = re.compile(r"[^\w\u0e31\u0e34-\u0e3a\u0e47-\u0e4e]")

# Spans that are never broken inside, each with a cheap test that tells whether it can occur.
# Numbers with their units (09.00 น., 1,500 บาท) need no pattern: no break is ever put next to a
# digit, a space or punctuation.
_ENTITY = re.compile(r"&(?:#[0-9]+|#[xX][0-9a-fA-F]+|[A-Za-z][A-Za-z0-9]*);")
_URL = re.compile(r"(?:[A-Za-z][A-Za-z0-9+.-]*://|www\.|mailto:)[^\s<>\"']+")
_EMAIL = re.compile(r"[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}")
# A run of Thai letters and marks (the part of a piece a browser's dictionary could cut).
_THAI_STRETCH = re.compile("[\u0e01-\u0e4e]+")
_MAYBE_OPAQUE = re.compile("[&:@]|www\\.")
_MARK = re.compile("[\u0e31\u0e34-\u0e3a\u0e47-\u0e4e]")
# Pieces of a word the dictionary does not know (a transliterated name, a misspelling): the
# segmenter cuts it into short pieces, some of which are rare dictionary words (แมริออท ->
# แม|ริ|ออ|ท, where ริ and ออ are words). A piece is a fragment when it is not in the dictionary,
# or has at most SHORT_LETTERS letters and appears fewer than COMMON_SHORT_WORD times in the Thai
# National Corpus (ที่, จะ, ให้ are common; ริ, ออ, สุ are not). No break goes between two
# fragments, nor next to a run of fragments shorter than FRAGMENT_LETTERS letters (ส|โซ่, เด้|น).
SHORT_LETTERS = 2
COMMON_SHORT_WORD = 20_000
FRAGMENT_LETTERS = 3

# What the choice of breaks needs to know of a token, as the bits of one int (Segmenter._code),
# remembered per token: most tokens of a page are words seen before.
_ENDS_LINE = 1  # a line may end after it: it ends in _LEFT_OK, or in "." after a letter of _LEFT_OK
_STARTS_LINE = 2  # a line may start with it: it starts with a letter of _RIGHT_OK
_RARE = 4  # a fragment: a short rare dictionary word (see SHORT_LETTERS)
_NOT_A_WORD = 8  # a fragment: Thai that is not in the dictionary
_LONE_DOT = 16  # "." alone: a line may end after it when the token before ends in _LEFT_OK
_LETTERS_SHIFT = 5  # a fragment's letters (at most FRAGMENT_LETTERS) are bits 5 and 6
_LETTERS_MASK = 3
assert FRAGMENT_LETTERS <= _LETTERS_MASK, "a fragment's letter count must fit its two bits"
_TITLE_START = 128  # a name may start with it (names.may_start_name)
_FRAGMENT = _RARE | _NOT_A_WORD
# Tokens next to which a break needs a closer look (_may_break): fragments and a "." alone.
_CLOSER_LOOK = _FRAGMENT | _LONE_DOT | (_LETTERS_MASK << _LETTERS_SHIFT)
# A paragraph's codes are one bytes object: these tables pick one bit of every code at C speed
# (a byte 1 where it is set), and `find` finds the few tokens that need more.
_ENDS_TABLE = bytes(int(bool(c & _ENDS_LINE)) for c in range(256))
_STARTS_TABLE = bytes(int(bool(c & _STARTS_LINE)) for c in range(256))
_CLOSER_LOOK_TABLE = bytes(int(bool(c & _CLOSER_LOOK)) for c in range(256))
_TITLE_START_TABLE = bytes(int(bool(c & _TITLE_START)) for c in range(256))


def _opaque_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of the entities, URLs and e-mail addresses in `text` (left as they are)."""
    spans = []
    if "&" in text:
        spans += [m.span() for m in _ENTITY.finditer(text)]
    if ":" in text or "www." in text:
        spans += [m.span() for m in _URL.finditer(text)]
    if "@" in text:
        spans += [m.span() for m in _EMAIL.finditer(text)]
    return spans


_THAI_HYPHEN = re.compile("[\u0e01-\u0e4e]-[\u0e01-\u0e4e]")


def _held_whole(text: str, start: int, end: int) -> bool:
    """Whether the protected span text[start:end] must be held in a span of its own: a browser
    would break a line inside it at a space (นายสมชาย ใจซื่อ) or after a hyphen between Thai
    letters (ดร.ซานโตส-เรเยส), where no `<wbr>` is needed."""
    return " " in text[start:end] or _THAI_HYPHEN.search(text, start, end) is not None


def dictionary_path(settings: dict) -> Path:
    """The site dictionary of a site: THAI_TEXT_DICTIONARY, relative to its content folder (PATH)."""
    return Path(settings.get("PATH") or ".") / settings["THAI_TEXT_DICTIONARY"]


def read_word_list(path: str | os.PathLike) -> list[str]:
    """Words of a dictionary file: one per line, `#` starts a comment, blank lines ignored."""
    words = []
    for line in Path(path).read_text(encoding="utf-8-sig").splitlines():
        word = line.split("#", 1)[0].strip()
        if word:
            words.append(word)
    return words


def pythainlp_corpus_file(name: str) -> Path:
    """A file of pythainlp's corpus folder, found without importing pythainlp (0.2 s)."""
    spec = importlib.util.find_spec("pythainlp")
    if spec is None or not spec.submodule_search_locations:
        raise ValueError("pythainlp is not installed: .venv/bin/pip install -r requirements.txt")
    return Path(list(spec.submodule_search_locations)[0]) / "corpus" / name


@lru_cache(maxsize=1)
def _pythainlp_words_text() -> str:
    """pythainlp's word list file as text (read directly: faster than building its set)."""
    return pythainlp_corpus_file("words_th.txt").read_text(encoding="utf-8-sig")


@lru_cache(maxsize=1)
def pythainlp_word_set() -> frozenset:
    """pythainlp's Thai word list as a set (what `pythainlp.corpus.common.thai_words()` gives)."""
    return frozenset(filter(None, _pythainlp_words_text().splitlines()))


def _corpus_lines(name: str) -> frozenset:
    """The lines of one of pythainlp's word lists, as a set."""
    return frozenset(pythainlp_corpus_file(name).read_text(encoding="utf-8-sig").splitlines())


# Closed-class words (prepositions, conjunctions, auxiliaries, directions, quantifiers): an entry
# of pythainlp's word list that starts or ends with one of them is a phrase when no other word
# list has it as one word (see phrase_entries). การ and ความ only start such entries.
FUNCTION_WORDS = frozenset("""
ว่า ที่ ได้ ให้ ใน จาก มาก ของ กับ และ จะ ไป มา แล้ว อยู่ เป็น คือ แต่ หรือ ซึ่ง โดย ต่อ แก่ ถึง
ทุก แต่ละ นี้ นั้น เอง กัน ด้วย อีก ยัง ก็ ไม่ เพื่อ ตาม ผ่าน ระหว่าง หลัง ก่อน ขึ้น ลง ออก เข้า
ไว้ อย่าง เมื่อ ถ้า หาก จึง จน บน ใต้ นอก ใกล้ ไกล ทั้ง บาง หลาย แห่ง ครั้ง คน ตัว อัน มี ต้อง ควร
อาจ คง เคย กำลัง สุด กว่า เท่า ละ
""".split())
PHRASE_PREFIXES = frozenset({"การ", "ความ"})


@lru_cache(maxsize=1)
def phrase_entries() -> frozenset:
    """Entries of pythainlp's word list that are phrases, not words: กล่าวว่า, จำนวนมาก, ในประเทศ.

    newmm takes the longest dictionary entries, so with these it never breaks a line between
    กล่าว and ว่า. An entry is a phrase when it is made of other entries, the first or last of
    which is a function word (FUNCTION_WORDS; or the first is การ or ความ), and no other word list
    of pythainlp has it as one word: not the Thai National Corpus word counts (tnc_freq.txt), not
    the Royal Institute's word list (orst_words_th.txt), not the titles of Thai Wikipedia
    (wikipedia_titles_th.txt). Compounds of content words (จัดซื้อ, นำเสนอ, มาตรการ) stay.
    Measured on tests/thai_text/data: boundary F1 0.957 with them, 0.973 without.
    """
    words = pythainlp_word_set()
    tnc = pythainlp_corpus_file("tnc_freq.txt").read_text(encoding="utf-8")
    candidates = {w for w in words if len(w) > 3} - set(re.findall("^([^\t\n]+)\t", tnc, re.M))
    candidates -= _corpus_lines("orst_words_th.txt")
    candidates -= _corpus_lines("wikipedia_titles_th.txt")
    return frozenset(w for w in candidates if _is_phrase(w, words))


def _is_phrase(word: str, words) -> bool:
    """Whether `word` splits into entries of `words` with a function word at either end."""
    n = len(word)
    for k in range(1, n):
        head, tail = word[:k], word[k:]
        if head in words and (head in FUNCTION_WORDS or head in PHRASE_PREFIXES) and _made_of(tail, words, whole=True):
            return True
        if tail in words and tail in FUNCTION_WORDS and _made_of(head, words, whole=True):
            return True
    return False


def _made_of(word: str, words, whole: bool = False) -> bool:
    """Whether `word` is entries of `words` written together: two or more, or with `whole` also
    one."""
    n = len(word)
    if whole and word in words:
        return True
    reachable = [True] + [False] * n
    for end in range(1, n + 1):
        for start in range(max(0, end - 24), end):
            if reachable[start] and (start or end < n) and word[start:end] in words:
                reachable[end] = True
                break
    return reachable[n]


def _segmentation_words_text(cache_dir: Path | None) -> str:
    """pythainlp's word list without its phrase entries, one word a line (computed once, about
    a second, then read from `cache_dir` when given)."""
    return _derived_text(cache_dir, "words", _segmentation_words_text_now)


def _derived_text(cache_dir: Path | None, name: str, compute) -> str:
    """`compute()`, a text derived from pythainlp's data alone, kept in `cache_dir` under `name`
    and pythainlp's version (read from there by every later process)."""
    from importlib.metadata import version

    path = cache_dir / f"{name}-{version('pythainlp')}-{CACHE_FORMAT}.txt" if cache_dir else None
    if path is not None and path.exists():
        try:
            return path.read_text(encoding="utf-8")
        except OSError:
            pass
    text = compute()
    if path is not None:
        try:
            cache_dir.mkdir(parents=True, exist_ok=True)
            tmp = path.with_suffix(f".{os.getpid()}.tmp")
            tmp.write_text(text, encoding="utf-8")
            os.replace(tmp, path)
        except OSError:
            pass
    return text


@lru_cache(maxsize=1)
def segmentation_word_set() -> frozenset:
    """The words every segmenter's dictionary starts from, before any site dictionary: pythainlp's
    word list without its phrase entries."""
    return frozenset(filter(None, _segmentation_words_text(_default_cache_dir()).splitlines()))


@lru_cache(maxsize=1)
def _longest_segmentation_word() -> int:
    return max(map(len, segmentation_word_set()))


@lru_cache(maxsize=1)
def _plain_kan_takers() -> dict[str, frozenset]:
    return kan_takers(pythainlp_word_set())


def attach_kan(text: str, cuts: tuple[int, ...], tokens: list[str], words, takers) -> tuple[int, ...]:
    """Words that end in การ or ทาง win a tie against การ starting the next word.

    newmm finds as few tokens as it can; for มาตรการป้องกัน, มาตร|การป้องกัน and
    มาตรการ|ป้องกัน are both two dictionary words, and it may take the first. The same tie
    gives ช่อง|ทางการ for ช่องทาง|การ. When the word before can take การ (or ทาง) and what is
    left is still a word, the boundary moves: มาตรการ|ป้องกัน, ช่องทาง|การ, กรรมการ|คุมสอบ.
    `tokens` are the pieces between `cuts`; they are changed to match the boundaries returned.
    `words`: the dictionary's words; `takers`: `kan_takers(words)`.
    """
    moves = []  # (boundary, letters it moves to the right), decided on the tokens as nlpo3 gave them
    # Each การ in turn, with ทาง before it when there is (as `(?:ทาง)?การ` finds them, faster:
    # a search for a plain string skips ahead, a pattern that starts with an optional part
    # is tried at every character).
    at = text.find("การ")
    while at >= 0:
        found, at = at, text.find("การ", at + 3)
        if found >= 3 and text.startswith("ทาง", found - 3):
            found, head = found - 3, "ทาง"
        else:
            head = "การ"
        k = bisect_left(cuts, found)
        if k == len(cuts) or cuts[k] != found or tokens[k] not in takers[head]:
            continue  # การ inside a token, or after a word that cannot take it
        rest = tokens[k + 1][len(head) :]
        if rest and rest in words and (head == "การ" or rest.startswith("การ")):
            moves.append((k, len(head)))
    if not moves:
        return cuts
    moved = list(cuts)
    for k, n in moves:  # the token after the boundary gives its first letters to the one before
        moved[k] += n
        tokens[k] += tokens[k + 1][:n]
        tokens[k + 1] = tokens[k + 1][n:]
    return tuple(moved)


def kan_takers(words) -> dict[str, frozenset]:
    """For การ and ทาง: the words that make a dictionary word with it after them (มาตร for
    การ, ช่อง for ทาง), function words left out (see attach_kan)."""
    takers = {"การ": set(), "ทาง": set()}
    for word in words:
        tail = word[-3:]
        if tail in takers and len(word) > 3:
            takers[tail].add(word[:-3])
    return {head: frozenset(found - FUNCTION_WORDS) for head, found in takers.items()}


@lru_cache(maxsize=1)
def _segmentation_words_text_now() -> str:
    phrases = phrase_entries()
    return "".join(w + "\n" for w in sorted(pythainlp_word_set() - phrases))


def letters(text: str) -> int:
    """Number of characters of `text` that are not Thai combining marks."""
    return len(text) - len(_MARK.findall(text))


@lru_cache(maxsize=4)
def rare_short_words(cache_dir: Path | None = None) -> frozenset:
    """Dictionary words of at most SHORT_LETTERS letters that are rare in the Thai National
    Corpus (pythainlp's tnc_freq.txt): in a segmentation they are mostly pieces of longer words.
    Kept in `cache_dir` when given (0.3 s to compute)."""
    text = _derived_text(cache_dir, "rare", lambda: "".join(w + "\n" for w in sorted(_rare_short_words_now())))
    return frozenset(filter(None, text.split("\n")))


def _rare_short_words_now() -> frozenset:
    counts = {}
    for line in pythainlp_corpus_file("tnc_freq.txt").read_text(encoding="utf-8").splitlines():
        word, _, count = line.partition("\t")
        if len(word) <= 6 and count.isdigit():
            counts[word] = int(count)
    return frozenset(
        w for w in pythainlp_word_set()
        if len(w) <= 6 and letters(w) <= SHORT_LETTERS and counts.get(w, 0) < COMMON_SHORT_WORD
    )


@lru_cache(maxsize=4)
def corpus_counts(cache_dir: Path | None = None) -> dict[str, int]:
    """How often the Thai National Corpus (pythainlp's tnc_freq.txt) counts each word of
    pythainlp's word list that it counts at all (26,000 words; rare_pieces.py weighs readings
    with them). Kept in `cache_dir` when given."""
    text = _derived_text(cache_dir, "counts", _corpus_counts_now)
    return {word: int(count) for word, _, count in (line.partition("\t") for line in text.splitlines())}


def _corpus_counts_now() -> str:
    words = pythainlp_word_set()
    found = []
    for line in pythainlp_corpus_file("tnc_freq.txt").read_text(encoding="utf-8").splitlines():
        word, _, count = line.partition("\t")
        if word in words and count.isdigit():
            found.append(f"{word}\t{count}\n")
    return "".join(found)


@lru_cache(maxsize=1)
def code_digest() -> str:
    """A digest of this plugin's own code. What `remember` keeps (a page's marked-up HTML, a
    summary) is made by markup.py, tables.py, summaries.py...: a cache written by other code is
    not used, so a build after a change to the plugin gives what a build from nothing gives
    (before, a page kept its old tables and line breaks until its source changed)."""
    digest = hashlib.blake2b(digest_size=16)
    for path in sorted(Path(__file__).resolve().parent.glob("*.py")):
        digest.update(path.name.encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()


def _default_cache_dir() -> Path:
    return Path(tempfile.gettempdir()) / f"thai_text-{os.getuid() if hasattr(os, 'getuid') else 0}"


class Segmenter:
    """Segments Thai text with nlpo3, one combined dictionary, and a cache of results.

    `site_words`: the site dictionary's words (never split); the royal names and terms
    (royal_names.py) are taken as if they were its first words. `cache_dir`: where the combined
    dictionary file and the segmentation cache live (created when needed).
    """

    def __init__(self, site_words=(), cache_dir: str | os.PathLike | None = None, persist=True):
        words = (*ROYAL_NAMES, *ROYAL_TERMS, *site_words)
        self.site_words = tuple(dict.fromkeys(w.strip() for w in words if w.strip()))
        self.cache_dir = Path(cache_dir) if cache_dir else _default_cache_dir()
        self.persist = persist
        # (The word list and the rare short words are derived from the installed pythainlp alone:
        # one copy per user in the temporary folder, like Python's compiled modules, shared by
        # every site and build, so that a build with an emptied CACHE_PATH does not compute them
        # again, half a second.)
        base = _segmentation_words_text(_default_cache_dir())
        combined = base.rstrip("\n") + "\n" + "".join(w + "\n" for w in self.site_words)
        digest = hashlib.sha256(combined.encode("utf-8"))
        digest.update(f"format{CACHE_FORMAT}".encode())
        self.dictionary_hash = digest.hexdigest()[:16]
        self.dict_name = f"thai_text-{self.dictionary_hash}"
        self._load_dictionary(combined)
        self._special = self._special_words()
        self._words = pythainlp_word_set() | frozenset(self.site_words)
        self._solid = self._words - rare_short_words(_default_cache_dir())
        self._rare = self._words - self._solid
        self._mended: dict = {}  # rare_pieces.py's verdicts, by window
        self._several_syllables: dict[str, bool] = {}
        self._lent: dict[str, tuple[str, ...]] = {}  # tied_breaks.py's memo, by token
        self._codes: dict[str, int] = {}  # token -> _code(token)
        self._memory: dict[bytes, tuple[int, ...]] = {}
        self._digests: dict[tuple[int, str], tuple[str, bytes]] = {}  # see remember()
        self._used: set[bytes] = set()
        self.segmented_chars = 0  # characters actually run through nlpo3 (not from the cache)
        self._load_cache()

    def begin_build(self) -> None:
        """Start counting for a new build made with this segmenter (`build_segmenter`): the keys
        `save` keeps and the characters the build reports are those of this build only."""
        self._used = set()
        self.segmented_chars = 0

    # -- dictionary ---------------------------------------------------------------------------

    def _load_dictionary(self, combined: str) -> None:
        if self.dict_name in _LOADED:
            return
        path = self.cache_dir / f"dictionary-{self.dictionary_hash}.txt"
        for attempt in (1, 2):
            if not path.exists():
                self.cache_dir.mkdir(parents=True, exist_ok=True)
                tmp = path.with_suffix(f".{os.getpid()}.tmp")
                tmp.write_text(combined, encoding="utf-8")
                os.replace(tmp, path)
            message, ok = nlpo3.load_dict(str(path), self.dict_name)
            if ok:
                break
            if attempt == 2:
                raise ValueError(
                    f"{path}: nlpo3 โหลดพจนานุกรมไม่ได้ / nlpo3 could not load the dictionary: "
                    f"{message}; delete the file to have it written again"
                )
            path.unlink(missing_ok=True)  # damaged or removed meanwhile: write it again
        _LOADED.add(self.dict_name)
        if self.persist:  # a build's own cache folder: drop files of older site dictionaries
            for old in self.cache_dir.glob("dictionary-*.txt"):
                if old != path:
                    old.unlink(missing_ok=True)

    def _special_words(self):
        # Every site word is also protected by exact match: the dictionary makes the segmenter
        # prefer it, this makes sure no break is ever put inside it, whatever surrounds it.
        words = [w for w in self.site_words if len(w) > 1]
        return re.compile(alternation(words)) if words else None

    def protected_spans(self, text: str, cuts: tuple[int, ...] | None = None, name_starts=None) -> list[tuple[int, int]]:
        """(start, end) of the parts of `text` that must not be broken inside, in order.

        `cuts` are the segmenter's boundaries in `text` (computed when not given); names need
        them to tell the title นาย from the start of นายจ้าง. `name_starts`, when given, are the
        offsets of the tokens that may begin a title (see _TITLE_START), the only places a name
        can start.
        """
        if name_starts is None:
            spans = self._names(text, cuts)
        else:
            found = name_starts or CONTACT_HINT in text  # (a contact by คุณ has no title)
            spans = find_names(text, self._is_boundary(cuts), name_starts) if found else []
        if self._special is not None:
            spans += [m.span() for m in self._special.finditer(text)]
        spans += find_company_words(text)
        if len(spans) > 1:  # keep the longest of overlapping matches
            spans.sort()
            merged = [spans[0]]
            for start, end in spans[1:]:
                if start < merged[-1][1]:
                    merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
                else:
                    merged.append((start, end))
            spans = merged
        spans += find_abbreviations(text)
        spans += _opaque_spans(text)
        spans.sort()
        return spans

    def _names(self, text: str, cuts) -> list[tuple[int, int]]:
        return find_names(text, self._is_boundary(self.boundaries(text) if cuts is None else cuts))

    def names(self, text: str) -> list[tuple[int, int]]:
        """(start, end) of each person's name in `text` (names.py: a title, the first name, the
        surname), with this segmenter telling the title นาย from the start of นายจ้าง."""
        return self._names(text, None)

    def places(self, text: str) -> list[tuple[int, int]]:
        """(start, end) of each place's name in `text` (places.py: the name after ตำบล, อำเภอ,
        บ้าน...), with this segmenter telling the place word บ้าน from the start of บ้านพัก."""
        return find_places(text, self._is_boundary(self.boundaries(text)))

    @staticmethod
    def _is_boundary(cuts):
        """A function that tells whether an offset is one of `cuts` (in order)."""

        def is_boundary(offset: int) -> bool:
            k = bisect_left(cuts, offset)
            return k < len(cuts) and cuts[k] == offset

        return is_boundary

    # -- persistent cache ---------------------------------------------------------------------

    @property
    def cache_file(self) -> Path:
        return self.cache_dir / "segments.pickle"

    def _load_cache(self) -> None:
        if not self.persist or not self.cache_file.exists():
            return
        try:
            with open(self.cache_file, "rb") as fh:
                data = pickle.load(fh)
            if data.get("dictionary") == self.dictionary_hash and data.get("code") == code_digest():
                self._memory = data["segments"]
        except Exception as exc:  # a damaged cache is rebuilt, never fatal
            logger.info("thai_text: ignoring unreadable cache %s (%s)", self.cache_file, exc)

    def save(self) -> None:
        """Write the segmentations used in this build to the cache folder."""
        if not self.persist:
            return
        keep = {k: v for k, v in self._memory.items() if k in self._used}
        self.cache_dir.mkdir(parents=True, exist_ok=True)
        tmp = self.cache_file.with_suffix(f".{os.getpid()}.tmp")
        with open(tmp, "wb") as fh:
            pickle.dump({"dictionary": self.dictionary_hash, "code": code_digest(), "segments": keep}, fh, protocol=5)
        os.replace(tmp, self.cache_file)

    # -- a second process's results (tools/two_writers.py) --------------------------------------

    def mark(self) -> tuple[int, int]:
        """Where the cache stands now, for `changes_since` in a forked process."""
        return len(self._memory), self.segmented_chars

    def changes_since(self, mark: tuple[int, int]) -> tuple[dict, set, int]:
        """What this (forked) process added to the cache since `mark`, the keys it used and the
        characters it segmented, for `take` in the process it was forked from."""
        added = dict(islice(self._memory.items(), mark[0], None))
        return added, set(self._used), self.segmented_chars - mark[1]

    def take(self, changes: tuple[dict, set, int]) -> None:
        """Add another process's `changes_since` to this cache (saved with this build's own)."""
        added, used, chars = changes
        for key, value in added.items():
            self._memory.setdefault(key, value)
        self._used |= used
        self.segmented_chars += chars

    # -- segmentation -------------------------------------------------------------------------

    def boundaries(self, text: str, use_cache: bool = True) -> tuple[int, ...]:
        """Offsets in `text` where one token ends and the next begins (0 and len excluded)."""
        return self._segment(text, use_cache)[0]

    def _segment(self, text: str, use_cache: bool) -> tuple[tuple[int, ...], list[str] | None]:
        """(boundaries, the tokens between them, or None for them when the boundaries came from
        the cache)."""
        if not text:
            return (), None
        if use_cache:
            key = hashlib.blake2b(text.encode("utf-8"), digest_size=16).digest()
            self._used.add(key)
            found = self._memory.get(key)
            if found is not None:
                return found, None
        self.segmented_chars += len(text)
        result, tokens = self._newmm(text)
        if not self._rare.isdisjoint(tokens):
            result = mend_rare_pieces(text, result, tokens, self._mending_words, self._rare,
                                      self._counts, self._mended)
        if any(compound in text for compound in PREFIX_COMPOUNDS) and not PREFIX_COMPOUNDS.keys().isdisjoint(tokens):
            result = split_prefix_compounds(text, result, tokens, self._words)
        result = mend_title_cuts(text, result, tokens, self._solid)
        if use_cache:
            self._memory[key] = result
        return result, tokens

    @cached_property
    def _counts(self) -> dict[str, int]:
        return corpus_counts(_default_cache_dir())

    @cached_property
    def _mending_words(self):
        """What a rare piece may be read again as (rare_pieces.py): the words of the segmenter's
        own dictionary that are not rare pieces (not the phrase entries it leaves out: read with
        them, ตั้งแต่|ต้น became ตั้ง|แต่ต้น)."""
        own = frozenset(filter(None, _segmentation_words_text(_default_cache_dir()).splitlines()))
        phrases = pythainlp_word_set() - own
        solid = self._solid
        return lambda word: word in solid and word not in phrases

    def _newmm(self, text: str) -> tuple[tuple[int, ...], list[str]]:
        """(boundaries, tokens) of `text` as nlpo3 gives them, with the tie rule for การ."""
        tokens = nlpo3.segment(text, self.dict_name)
        result = tuple(accumulate(map(len, tokens)))[:-1]
        if "การ" in text:
            result = self._attach_kan(text, result, tokens)
        return result, tokens

    def _attach_kan(self, text: str, cuts: tuple[int, ...], tokens: list[str]) -> tuple[int, ...]:
        return attach_kan(text, cuts, tokens, self._words, self._kan_takers)

    @cached_property
    def _kan_takers(self) -> dict[str, frozenset]:
        return kan_takers(self._words)

    def remember(self, kind: str, text: str, compute):
        """`compute(text)`, cached like segmentations (by `kind` and a hash of `text`)."""
        # The hash of a text seen before (the very same string object: a process that builds
        # again keeps the bodies it read) is not computed again: 2,000 bodies cost about 50 ms.
        known = self._digests.get((id(text), kind))
        if known is not None and known[0] is text:
            key = known[1]
        else:
            key = hashlib.blake2b((kind + "\0" + text).encode("utf-8"), digest_size=16).digest()
            if len(self._digests) >= DIGEST_MEMO_ENTRIES:
                self._digests.clear()
            self._digests[(id(text), kind)] = (text, key)
        self._used.add(key)
        found = self._memory.get(key)
        if found is None:
            found = compute(text)
            self._memory[key] = found
        return found

    def segment(self, text: str) -> list[str]:
        """The tokens of `text` (words, spaces, punctuation), joined they give `text` back."""
        cuts = (0,) + self.boundaries(text) + (len(text),)
        return [text[a:b] for a, b in zip(cuts, cuts[1:]) if b > a]

    def words(self, text: str) -> list[str]:
        """The words of `text`: tokens with a letter or digit (no spaces or punctuation)."""
        return [text[a:b] for a, b in self.word_spans(text)]

    def plain_words(self, text: str) -> list[str]:
        """The words of `text` as a segmenter without the site dictionary gives them (the words
        of a slug: a word added to the site dictionary must not change a published address).

        Where no site word is in `text` they are nlpo3's words with the tie rule for การ and ทาง:
        `words(text)` before rare pieces and titles are read again (rare_pieces.py,
        names.mend_title_cuts: rules for where lines end and names are, which must not move an
        address). Where a site word is, newmm (pythainlp's,
        the algorithm nlpo3 runs) is given only the dictionary words found in `text`, which are
        all it would look up, and the tie rule for การ and ทาง is applied with pythainlp's words:
        the same words as a second, site-less nlpo3 dictionary would give, without its 60 MiB.
        Remembered like segmentations.
        """
        if self._special is None or not self._special.search(text):
            return [t for t in self._newmm(text)[1] if t[0].isalnum() or t[0] == "_"] if text else []
        return list(self.remember("plain-words", text, _plain_words))

    def word_spans(self, text: str) -> list[tuple[int, int]]:
        """(start, end) of each word of `text` (a token that starts with a letter or digit)."""
        if not text:
            return []
        cuts = (0,) + self.boundaries(text) + (len(text),)
        return [(a, b) for a, b in zip(cuts, cuts[1:]) if text[a].isalnum() or text[a] == "_"]

    def break_offsets(self, text: str, use_cache: bool = True) -> list[int]:
        """Offsets in `text` where a `<wbr>` may be inserted (between two Thai words)."""
        return self._layout(text, use_cache)[0]

    def breaks_and_names(self, text: str, use_cache: bool = True):
        """(break offsets, spans of the names and dictionary words that hold a space)."""
        return self._layout(text, use_cache)

    def line_layout(self, text: str, use_cache: bool = True) -> tuple[list[int], list[tuple[int, int]]]:
        """(break offsets, spans to keep on one line) of `text`, both in order.

        A span to keep is a piece between two breaks with more than one syllable (a browser's
        own Thai dictionary could cut it: กระทรวง|แรงงาน, เครือ|ข่าย), or a name or dictionary
        word that holds a space (นายสมชาย ใจซื่อ), which is kept whole. Spans start and end at a
        break offset, a space or the edge of a run of Thai letters, and never overlap. Nothing
        inside a URL, an e-mail address or an entity is kept (they are left as they are).
        """
        offsets, whole = self._layout(text, use_cache)
        opaque = sorted(_opaque_spans(text)) if _MAYBE_OPAQUE.search(text) else ()
        several = self._several_syllables
        keep = []
        # The text with a NUL at each break: each run of Thai letters in it is one piece.
        marked = "\0".join([text[a:b] for a, b in zip([0, *offsets], [*offsets, len(text)])])
        shift = last = 0  # NULs before `last` in `marked`
        w = 0  # next span of `whole`
        for m in _THAI_STRETCH.finditer(marked):
            piece = m.group()
            if len(piece) < 2 and not whole:
                continue
            shift += marked.count("\0", last, m.start())
            last = m.start()
            start = last - shift
            end = start + len(piece)
            if whole:
                while w < len(whole) and whole[w][1] <= start:
                    w += 1
                if w < len(whole) and whole[w][0] < end:  # a name: keep it whole, once
                    if not keep or keep[-1] != whole[w]:
                        keep.append(whole[w])
                    continue
                if len(piece) < 2:
                    continue
            found = several.get(piece)
            if found is None:
                found = self.several_syllables(piece)
            if found and not (opaque and any(a < end and start < b for a, b in opaque)):
                keep.append((start, end))
        return offsets, keep

    def several_syllables(self, piece: str) -> bool:
        """Whether a browser could cut a piece of Thai: it has more than one syllable, or it is a
        loanword with a silent letter (แกรนด์ is one syllable to pythainlp, แก|รนด์ to Chromium's
        dictionary). Remembered per piece."""
        found = self._several_syllables.get(piece)
        if found is None:
            found = "\u0e4c" in piece or len(syllables(piece)) > 1
            if len(self._several_syllables) < 200_000:
                self._several_syllables[piece] = found
        return found

    def _layout(self, text: str, use_cache: bool) -> tuple[list[int], list[tuple[int, int]]]:
        """(break offsets, protected spans that hold a space) of `text`."""
        cuts, tokens = self._segment(text, use_cache)
        if not cuts:
            return [], []
        if tokens is None:
            tokens = [text[a:b] for a, b in zip((0, *cuts), (*cuts, len(text)))]
        try:
            codes = bytes(map(self._codes.__getitem__, tokens))
        except KeyError:  # a token not seen before
            codes = bytes(self._code(t) for t in tokens)
        # A break between tokens k and k + 1 when k may end a line and k + 1 may start one (one
        # byte per boundary, the two bits ANDed as two big ints), decided again next to a fragment
        # or a "." alone (a paragraph has a few)
        ok = (
            int.from_bytes(codes[:-1].translate(_ENDS_TABLE), "little")
            & int.from_bytes(codes[1:].translate(_STARTS_TABLE), "little")
        ).to_bytes(len(cuts), "little")
        closer = codes.translate(_CLOSER_LOOK_TABLE)
        j = closer.find(1)
        if j >= 0:
            ok = bytearray(ok)
            while j >= 0:
                for k in (j - 1, j) if j else (j,):
                    if k < len(ok):
                        ok[k] = self._may_break(codes, tokens, k)
                j = closer.find(1, j + 1)
        result = list(compress(cuts, ok))
        if result:  # no line ends inside an everyday word that a tie cut (tied_breaks.py)
            tied = tied_breaks.tied(tokens, self._counts, self._lent)
            if tied:
                dropped = {cuts[k] for k in tied}
                result = [offset for offset in result if offset not in dropped]
        titles = codes.translate(_TITLE_START_TABLE)
        starts = []
        k = titles.find(1)
        while k >= 0:
            starts.append(cuts[k - 1] if k else 0)
            k = titles.find(1, k + 1)
        whole = []
        if result:
            # drop the breaks that fall strictly inside a protected span
            glued = []
            for start, end in self.protected_spans(text, cuts, starts):
                lo = bisect_right(result, start)
                hi = bisect_left(result, end, lo)
                if hi > lo:
                    del result[lo:hi]
                if _held_whole(text, start, end):
                    whole.append((start, end))
                if end < len(text) and text[end] in _RIGHT_OK and text[end - 1] in _LEFT_OK:
                    at = bisect_left(cuts, end)
                    if at == len(cuts) or cuts[at] != end:  # the span ends inside a token
                        glued.append(end)
            if glued:
                self._read_after(text, glued, result, whole, use_cache)
        elif " " in text or "-" in text:
            whole = [s for s in self.protected_spans(text, cuts, starts) if _held_whole(text, *s)]
        return result, whole

    def _read_after(self, text: str, ends: list[int], result: list[int], whole: list, use_cache: bool) -> None:
        """Where a protected span (a name) ends inside one of the segmenter's tokens, the
        segmenter read the name's last letters into the next word, which has a wrong break then
        (ดร.ซานโตส-เรเยส|อธิ|บาย, from เรเย|สอ|ธิ|บาย): the run of Thai letters after the span is
        laid out again on its own, and a line may break at the span's end when a whole word
        follows it. `result` and `whole` are changed in place."""
        for end in ends:
            stop = _THAI_STRETCH.match(text, end).end()
            tail = text[end:stop]
            offsets, held = self._layout(tail, use_cache)
            lo = bisect_right(result, end)
            hi = bisect_left(result, stop, lo)
            result[lo:hi] = [end + k for k in offsets]
            if self.segment(tail)[0] in self._solid:  # not next to a fragment (see _may_break)
                insort(result, end)
            whole.extend((end + a, end + b) for a, b in held)
        whole[:] = sorted(set(whole))

    def _may_break(self, codes: bytes, tokens: list[str], k: int) -> bool:
        """Whether a line may break between tokens k and k + 1 (`codes`: the tokens' `_code`)."""
        before, after = codes[k], codes[k + 1]
        return bool(
            after & _STARTS_LINE
            and (before & _ENDS_LINE or (before & _LONE_DOT and k and tokens[k - 1][-1] in _LEFT_OK))
            and not ((before | after) & _FRAGMENT and self._next_to_fragment(codes, k))
        )

    def _code(self, token: str) -> int:
        """What the choice of breaks needs to know of `token` (the _ENDS_LINE... bits), remembered."""
        last = token[-1]
        code = 0
        if (last in _LEFT_OK or (last == "." and len(token) > 1 and token[-2] in _LEFT_OK)) \
                and not token.endswith(NO_LINE_END):
            code |= _ENDS_LINE
        if token == ".":
            code |= _LONE_DOT
        if may_start_name(token):
            code |= _TITLE_START
        if token[0] in _RIGHT_OK:
            if token not in NO_LINE_START:
                code |= _STARTS_LINE
            if token not in self._solid:  # a fragment
                code |= _RARE if token in self._words else _NOT_A_WORD
                code |= min(letters(token), FRAGMENT_LETTERS) << _LETTERS_SHIFT
        if len(self._codes) < 200_000:
            self._codes[token] = code
        return code

    def _next_to_fragment(self, codes: bytes, k: int) -> bool:
        """Whether the boundary between tokens k and k + 1 lies inside a run of fragments or next
        to a short one (`codes`: the tokens' `_code`).

        A fragment is Thai that is not a solid dictionary word: a short rare word, or not a
        dictionary word at all. A run is a sequence of fragments holding one that is not a
        dictionary word (แม|ริ|ออ|ท: แม and ท are not words) or two short rare words (ยู|ทูบ).
        No break goes inside a run, nor next to a run of fewer than FRAGMENT_LETTERS letters.
        """
        left, right = codes[k] & _FRAGMENT, codes[k + 1] & _FRAGMENT
        if not (left or right):
            return False
        run = []  # the tokens of the run that touches the boundary
        if left:
            j = k
            while j >= 0 and codes[j] & _FRAGMENT:
                run.append(j)
                j -= 1
        if right:
            j = k + 1
            while j < len(codes) and codes[j] & _FRAGMENT:
                run.append(j)
                j += 1
        if len(run) < 2 and not any(codes[j] & _NOT_A_WORD for j in run):
            return False  # one rare short word (สุ|โกศล): it may be a word after all
        if left and right:
            return True
        return sum(codes[j] >> _LETTERS_SHIFT & _LETTERS_MASK for j in run) < FRAGMENT_LETTERS

    def word_count(self, text: str) -> int:
        """Number of words in `text` (as `len(word_spans(text))`, computed faster)."""
        if not text:
            return 0
        cuts = self.boundaries(text)
        starts = {0, *cuts}
        not_words = sum(1 for m in _NOT_WORD_START.finditer(text) if m.start() in starts)
        return len(starts) - not_words


_LOADED: set[str] = set()
DIGEST_MEMO_ENTRIES = 50_000  # hashes of texts kept by Segmenter.remember
_SYLLABLE_DICT = "thai_text-syllables"


def syllables(word: str) -> list[str]:
    """The syllables of a Thai word (nlpo3 with pythainlp's syllable list)."""
    if _SYLLABLE_DICT not in _LOADED:
        nlpo3.load_dict(str(pythainlp_corpus_file("syllables_th.txt")), _SYLLABLE_DICT)
        _LOADED.add(_SYLLABLE_DICT)
    return nlpo3.segment(word, _SYLLABLE_DICT)


_LAST_BUILD: dict = {}  # (site words, cache folder, persist) -> the segmenter of the last build


def build_segmenter(site_words=(), cache_dir=None, persist=True) -> Segmenter:
    """The segmenter of a build: the one of this process's last build when it was made from the
    same site words, cache folder and `persist`, else a new one.

    A process that builds again and again (the live preview: every save) thus keeps the combined
    word sets, the segmentations and the summaries it made, instead of reading the cache file,
    deriving the sets and writing the cache again on each save (the cache file is still written
    at the end of each build, with what that build used). One segmenter is kept at a time.
    """
    key = (tuple(site_words), str(cache_dir), bool(persist))
    segmenter = _LAST_BUILD.get(key)
    if segmenter is None:
        _LAST_BUILD.clear()
        segmenter = _LAST_BUILD[key] = Segmenter(site_words, cache_dir=cache_dir, persist=persist)
    segmenter.begin_build()
    return segmenter


@lru_cache(maxsize=4)
def default_segmenter(dictionary: str | None = None) -> Segmenter:
    """A segmenter with pythainlp's words and the words of the site dictionary file `dictionary`
    (none when it is None or missing).

    For tools and tests that run outside a Pelican build; `site_segmenter(settings)` gives the
    one of a site. The build makes its own from the site's settings.
    """
    path = Path(dictionary) if dictionary else None
    words = read_word_list(path) if path is not None and path.exists() else []
    return Segmenter(words, persist=False)


def _plain_words(text: str) -> tuple[str, ...]:
    """`Segmenter.plain_words` for a text with a site word in it."""
    from pythainlp.tokenize.newmm import segment as newmm
    from pythainlp.util import Trie

    known, longest, n = segmentation_word_set(), _longest_segmentation_word(), len(text)
    found = {text[i:j] for i in range(n) for j in range(i + 1, min(n, i + longest) + 1) if text[i:j] in known}
    tokens = newmm(text, custom_dict=Trie(found)) if found else [text]
    cuts = tuple(accumulate(map(len, tokens)))[:-1]
    if "การ" in text:
        cuts = attach_kan(text, cuts, list(tokens), pythainlp_word_set(), _plain_kan_takers())
    bounds = (0,) + cuts + (n,)
    return tuple(text[a:b] for a, b in zip(bounds, bounds[1:]) if b > a and (text[a].isalnum() or text[a] == "_"))


def site_segmenter(settings: dict) -> Segmenter:
    """The segmenter of the site of `settings` (its dictionary as it is now on disk)."""
    path = dictionary_path(settings)
    try:
        stamp = path.stat()
        version = (stamp.st_mtime_ns, stamp.st_size)
    except OSError:
        version = None
    return _site_segmenter(str(path), version)


@lru_cache(maxsize=4)
def _site_segmenter(path: str, version) -> Segmenter:
    return default_segmenter.__wrapped__(path if version is not None else None)


def segment_throughput(text: str, segmenter: Segmenter | None = None, repeat: int = 3) -> float:
    """Megabytes (UTF-8) of `text` segmented per second, best of `repeat` runs, without the cache.

    Measures the segmentation a page costs on a cold build: nlpo3 with the site dictionary and
    the choice of `<wbr>` positions (names, fragments of unknown words, protected words).
    `thai_text.markup.markup_throughput` measures the whole mark-up of a text node.
    """
    seg = segmenter or default_segmenter()
    size = len(text.encode("utf-8"))
    paragraphs = [p for p in text.split("\n") if p]
    best = float("inf")
    for _ in range(repeat):
        started = time.perf_counter()
        for paragraph in paragraphs:
            seg.break_offsets(paragraph, use_cache=False)
        best = min(best, time.perf_counter() - started)
    return size / 1e6 / best if best > 0 else float("inf")
