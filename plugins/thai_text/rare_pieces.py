"""Ties newmm breaks the wrong way: a common word read as a rare piece and a word.

newmm (the algorithm nlpo3 runs) finds as few dictionary words as it can, and where two readings
have as many words it may take either. pythainlp's word list holds rare short entries (ทุ, แร,
กก, สัด, บอ, แล้) that make such ties out of everyday words: ผู้เสียหายทุกราย came out as
ผู้เสียหาย|ทุ|กราย, ศูนย์แรกรับ as ศูนย์|แร|กรับ, มาบอกว่า as มา|บอ|กว่า, แล้วจะ as แล้|วจะ,
and a line could end at ทุ| or บอ|, inside the word a reader sees.

`mend_rare_pieces` looks again at each rare piece (a short dictionary word that is rare in the
Thai National Corpus: segment.rare_short_words) with the Thai token on either side of it. The
same letters read as solid words only (dictionary words that are not rare pieces), in no more
words than the segmenter used, win when they are clearly the likelier reading (LIKELIER): the
one whose words the corpus counts more often, as a unigram model scores it (`reading_score`). A rare piece that is a
word where it stands keeps its place: in การลดขั้นตอน, ลด is rarer than 20,000 in the corpus,
but ลด|ขั้นตอน is far likelier than ลดขั้น|ตอน. Names and loanwords the dictionary does not know
(นายธนภัทร, ริเวอร์วิว) have no solid reading and are left as they came: the line rules for
fragments and names (segment.py, names.py) hold them.

Nothing here imports Pelican.
"""

from __future__ import annotations

from math import log

# A window longer than this many characters is left as it came (the longest dictionary words
# are about 30; a window is a rare piece and a word on either side).
WINDOW = 48
# The corpus's size in words (the sum of pythainlp's tnc_freq.txt): a word it never counts
# scores as one in this many.
CORPUS_WORDS = 33_535_658
_LOG_CORPUS = log(CORPUS_WORDS)
# A solid reading replaces the segmenter's only when the model finds it this many times as
# likely: where the two are close (หอ|กลอง or หอก|ลอง, ตัด|เส้นตาย or ตัดเส้น|ตาย), a unigram
# model is no judge, and the segmenter's reading stands.
LIKELIER = 3.0
_MARGIN = log(LIKELIER)
# Windows whose verdict a memo keeps before it is emptied.
MEMO_ENTRIES = 50_000


def word_score(word: str, counts) -> float:
    """The log-probability of `word` in a unigram model of the corpus (`counts`: word -> count;
    a word it does not count is taken as seen once)."""
    return log(counts.get(word, 0) + 1) - _LOG_CORPUS


def reading_score(words, counts) -> float:
    """How likely a reading (a list of words) is: the sum of its words' `word_score`."""
    return sum(word_score(w, counts) for w in words)


def solid_reading(text: str, solid, counts, limit: int) -> tuple[list[int], float] | None:
    """(inner boundaries, score) of the likeliest reading of `text` as at most `limit` solid words
    (`solid(word)`), or None when there is none."""
    n = len(text)
    if n > WINDOW:
        return None
    # best[i][k]: (score, boundaries) of the likeliest reading of text[i:] as k + 1 solid words
    best = [[None] * limit for _ in range(n + 1)]
    for i in range(n - 1, -1, -1):
        for j in range(i + 1, n + 1):
            word = text[i:j]
            if not solid(word):
                continue
            score = word_score(word, counts)
            if j == n:
                if best[i][0] is None or score > best[i][0][0]:
                    best[i][0] = (score, [])
                continue
            for k in range(limit - 1):
                rest = best[j][k]
                if rest is not None and (best[i][k + 1] is None or score + rest[0] > best[i][k + 1][0]):
                    best[i][k + 1] = (score + rest[0], [j, *rest[1]])
    found = [b for b in best[0] if b is not None]
    if not found:
        return None
    score, inner = max(found, key=lambda b: b[0])
    return inner, score


def mend_rare_pieces(text: str, cuts: tuple[int, ...], tokens: list[str], solid, rare, counts,
                     memo: dict | None = None) -> tuple[int, ...]:
    """`cuts` (the boundaries of `tokens` in `text`) with each rare piece read again (see the
    module's text). `tokens` are changed to match the boundaries returned. `solid(word)`: whether
    `word` is a dictionary word that is not a rare piece; `rare`: the rare pieces; `counts`: the
    corpus's count of each word; `memo`, when given, keeps each window's verdict (the same few
    phrases come back on every page: ทุกชั้น, ลดขั้นตอน)."""
    bounds = [0, *cuts, len(text)]
    k, changed = 0, False
    while k < len(tokens):
        if tokens[k] not in rare:
            k += 1
            continue
        first = k - 1 if k and _is_thai(tokens[k - 1]) else k
        last = k + 1 if k + 1 < len(tokens) and _is_thai(tokens[k + 1]) else k
        start, end = bounds[first], bounds[last + 1]
        inner = _verdict(text[start:end], tokens[first : last + 1], solid, counts, memo)
        if inner is None:
            k += 1
            continue
        new = [start + c for c in inner]
        edges = [start, *new, end]
        tokens[first : last + 1] = [text[a:b] for a, b in zip(edges, edges[1:])]
        bounds[first + 1 : last + 1] = new
        changed = True
        k = first + len(new) + 1
    if not changed:
        return cuts
    return tuple(bounds[1:-1])


def _verdict(window: str, pieces: list[str], solid, counts, memo) -> list[int] | None:
    """The inner boundaries of the reading that replaces `pieces` (the segmenter's reading of
    `window`), or None when theirs stands."""
    key = tuple(pieces)  # (the verdict weighs the segmenter's reading, not only its letters)
    if memo is not None:
        found = memo.get(key, False)
        if found is not False:
            return found
    found = solid_reading(window, solid, counts, len(pieces))
    if found is None or found[1] < reading_score(pieces, counts) + _MARGIN:
        inner = None
    else:
        inner = found[0]
    if memo is not None:
        if len(memo) >= MEMO_ENTRIES:
            memo.clear()
        memo[key] = inner
    return inner


def _is_thai(token: str) -> bool:
    return "\u0e01" <= token[0] <= "\u0e4e" and "\u0e01" <= token[-1] <= "\u0e4e"


# เป็น (to be) followed by the prefix การ or ความ: pythainlp lists เป็นความ (to go to law) and
# เป็นการ as words, which the Thai National Corpus never counts as one word. With the phrase
# entries out of the segmenter's dictionary (ความลับ is one: segment.phrase_entries), newmm reads
# เป็นความลับ as เป็นความ|ลับ, two words, where เป็น|ความ|ลับ is three, and a line could end
# after เป็นความ, with ลับ (secret) starting the next; เป็นความท้าทาย the same.
# ตัวผู้ (a male animal) before a Thai word is ตัว and the ผู้ of the word after it: newmm read
# เลขประจำตัวผู้สอบ as เลข|ประจำ|ตัวผู้|สอบ and ระบุตัวผู้แจ้ง as ระบุ|ตัวผู้|แจ้ง (no line ends
# after ผู้: segment.NO_LINE_END; it may before it).
PREFIX_COMPOUNDS = {"เป็นความ": "ความ", "เป็นการ": "การ", "ตัวผู้": "ผู้"}


def split_prefix_compounds(text: str, cuts: tuple[int, ...], tokens: list[str], words) -> tuple[int, ...]:
    """`cuts` (the boundaries of `tokens` in `text`) with each of PREFIX_COMPOUNDS that a Thai
    token follows read as its head (เป็น, ตัว) and its prefix: the prefix joins that token when the two make a
    word of `words` (เป็น|ความลับ), else it stands alone (เป็น|การ|ทุจริต; เป็น|ความ|ผิดวินัย, as
    ผิดวินัย is a word: the prefix does not take its first letters, as it would take แอบ of
    แอบอ้าง). `tokens` are changed to match the boundaries returned."""
    bounds = [0, *cuts, len(text)]
    k, changed = 0, False
    while k < len(tokens) - 1:
        prefix = PREFIX_COMPOUNDS.get(tokens[k])
        after = tokens[k + 1]
        if prefix is None or not _is_thai(after):
            k += 1
            continue
        head = tokens[k][: -len(prefix)]
        cut = bounds[k] + len(head)
        if prefix + after in words:
            tokens[k : k + 2] = [head, prefix + after]
            bounds[k + 1] = cut
        else:
            tokens[k : k + 1] = [head, prefix]
            bounds.insert(k + 1, cut)
        changed = True
        k += 2
    if not changed:
        return cuts
    return tuple(bounds[1:-1])
