"""People's names as Thai news writes them, found without a list of the people.

A name is a title, the first name, one space and the surname: นายสมชาย ใจซื่อ,
นางสาวพิมพ์ชนก ศรีสวัสดิ์, ผศ.ดร.วรวุฒิ ธนากิจจานุวงศ์, พล.ต.อ. สมศักดิ์ เกียรติวงศ์ไพบูลย์,
ว่าที่ร้อยตรีหญิงกมลวรรณ มีสุข, ม.ล.ปิยะ สนิทวงศ์ ณ อยุธยา, มร.ฮิโรชิ ทานากะ (a foreigner: มร.,
มิสเตอร์, มิสซิส, มาดาม). Titles may follow each other (ผศ.ดร.,
พล.ต.อ. ดร.) and a dotted title may be followed by a space. The first name is the Thai letters
after the titles; the surname is the Thai letters after the one space, plus `ณ <word>` when it
follows (ม.ล.ปิยะ สนิทวงศ์ ณ อยุธยา), or `ณ <place>` alone (นายจักรพันธ์ ณ ระนอง): the surnames
of royal descent (NA_PLACES). First names and surnames are rarely dictionary words (สมชาย is not in
pythainlp's list; ใจซื่อ is two words), so a segmenter cuts them; `find_names` gives their spans
so that no line break is put inside.

Word titles are also the start of ordinary words (นายจ้าง, นายกรัฐมนตรี, นางพยาบาล, พลเอก is a
title but พลังงาน is not): a word title counts only where the segmenter ends a word right after
it, which `is_boundary` tells. Dotted titles need no such test. A surname written straight
before the next word (นายสมชาย ใจซื่อกล่าวว่า) ends where one of the words of NAME_ENDS starts.

A name mentioned again without its surname (นางสาวพิมพ์ชนกกล่าว, นายธนภัทรเน้นย้ำ) is the title
and the first name, which ends the same way; a title and letters with no space and no such word
after them are not taken for a name. Where the segmenter itself cuts a word after its title
(นาย|หน้าเป็น for นายหน้าเป็น...), such a word may be taken for a name: its letters then only stay
on one line.

A foreign first name or surname may be two pieces joined by a hyphen (ดร.มาเรีย ซานโตส-เรเยส,
มิสเตอร์ฌอง-ปิแอร์ ดูบัวส์); named again straight before the next word (ดร.ซานโตส-เรเยสเห็นว่า),
it ends where a word of NAME_ENDS starts in the piece after the hyphen, whatever the segmenter
makes of that piece, which it does not know.

A Burmese name has no surname and may have three or four words: it is known by its spelling in
Latin letters written after it (นายมิน ทู อ่อง (Min Thu Aung)), word for word, or, without it,
by the words Burmese names are made of (BURMESE_NAME_WORDS: นายมิน ตู อ่อง ซึ่งเป็นล่าม). A
Vietnamese name's given name follows a family name and a middle name (นายเหงียน วัน ทั่น). A
contact person is often named in brackets by คุณ and a first name alone (โทร. 08 1234 5678
(คุณอรวรรณ)): what the brackets hold is the name. คุณ before the words of a Burmese name is its
title too (อย่างคุณเอ เอ มยินต์ ที่สมุทรสาคร).

Where titles are written with a space between them (รองศาสตราจารย์ ดร.ปิยะนุช ทองประเสริฐ,
พล.ต.อ. ดร.สมศักดิ์ ...), the name's span starts at the titles after the last such space: a name
with a whole academic rank is often wider than a phone's line, and a line may end after the rank
(รองศาสตราจารย์ | ดร.ปิยะนุช ทองประเสริฐ) but not inside the surname.

Nothing here imports Pelican; `find_names` is a plain function the segmenter, the tests and the
line-break measurement call.
"""

from __future__ import annotations

import re
from bisect import bisect_left

from .patterns import THAI_LETTERS, alternation

# Dotted titles: academic, medical, royal descent and the ranks of the armed forces and police.
DOTTED_TITLES = (
    "ศ.", "รศ.", "ผศ.", "ดร.", "นพ.", "พญ.", "ทพ.", "ทพญ.", "ภก.", "ภญ.", "สพ.ญ.", "น.ส.",
    "ด.ช.", "ด.ญ.", "ม.ร.ว.", "ม.ล.", "ม.จ.",
    "มร.",  # Mr., before a foreigner's name (มร.ฮิโรชิ ทานากะ)
    # army
    "พล.อ.", "พล.ท.", "พล.ต.", "พ.อ.", "พ.ท.", "พ.ต.", "ร.อ.", "ร.ท.", "ร.ต.",
    "จ.ส.อ.", "จ.ส.ท.", "จ.ส.ต.", "ส.อ.", "ส.ท.", "ส.ต.",
    # navy and air force (and their petty officers and sergeants: พ.จ.อ., พันจ่าเอก; พ.อ.อ.,
    # พันจ่าอากาศเอก; จ.อ., จ่าเอก or จ่าอากาศเอก)
    "พล.ร.อ.", "พล.ร.ท.", "พล.ร.ต.", "น.อ.", "น.ท.", "น.ต.", "พล.อ.อ.", "พล.อ.ท.", "พล.อ.ต.",
    "ร.อ.อ.", "พ.จ.อ.", "พ.จ.ท.", "พ.จ.ต.", "พ.อ.อ.", "พ.อ.ท.", "พ.อ.ต.", "จ.อ.", "จ.ท.", "จ.ต.",
    # police
    "พล.ต.อ.", "พล.ต.ท.", "พล.ต.ต.", "พ.ต.อ.", "พ.ต.ท.", "พ.ต.ต.", "ร.ต.อ.", "ร.ต.ท.", "ร.ต.ต.",
    "ด.ต.", "จ.ส.ต.", "ส.ต.อ.", "ส.ต.ท.", "ส.ต.ต.",
)
# Titles written as words (also the start of ordinary words: see the module docstring).
WORD_TITLES = (
    "นาย", "นาง", "นางสาว", "เด็กชาย", "เด็กหญิง", "คุณหญิง", "ท่านผู้หญิง",
    "หม่อมเจ้า", "หม่อมราชวงศ์", "หม่อมหลวง",
    "มิสเตอร์", "มิสซิส", "มาดาม",  # before a foreigner's name, as the English or French title
    "ศาสตราจารย์", "รองศาสตราจารย์", "ผู้ช่วยศาสตราจารย์", "นายแพทย์", "แพทย์หญิง",
    "ทันตแพทย์", "ทันตแพทย์หญิง", "เภสัชกร", "เภสัชกรหญิง",
    "พลเอก", "พลโท", "พลตรี", "พันเอก", "พันโท", "พันตรี", "ร้อยเอก", "ร้อยโท", "ร้อยตรี",
    "จ่าสิบเอก", "จ่าสิบโท", "จ่าสิบตรี", "สิบเอก", "สิบโท", "สิบตรี",
    "พลเรือเอก", "พลเรือโท", "พลเรือตรี", "นาวาเอก", "นาวาโท", "นาวาตรี",
    "พันจ่าเอก", "พันจ่าโท", "พันจ่าตรี", "จ่าเอก", "จ่าโท", "จ่าตรี",
    "พันจ่าอากาศเอก", "พันจ่าอากาศโท", "พันจ่าอากาศตรี", "จ่าอากาศเอก", "จ่าอากาศโท", "จ่าอากาศตรี",
    "เรือเอก", "เรือโท", "เรือตรี", "พลอากาศเอก", "พลอากาศโท", "พลอากาศตรี",
    "นาวาอากาศเอก", "นาวาอากาศโท", "นาวาอากาศตรี", "เรืออากาศเอก", "เรืออากาศโท",
    "เรืออากาศตรี",
    "พลตำรวจเอก", "พลตำรวจโท", "พลตำรวจตรี", "พันตำรวจเอก", "พันตำรวจโท", "พันตำรวจตรี",
    "ร้อยตำรวจเอก", "ร้อยตำรวจโท", "ร้อยตำรวจตรี", "ดาบตำรวจ", "จ่าสิบตำรวจ",
    "สิบตำรวจเอก", "สิบตำรวจโท", "สิบตำรวจตรี",
)
# A title may be preceded by ว่าที่ (acting: ว่าที่ร้อยตรี, ว่าที่ ร.ต.) and followed by หญิง
# (ร้อยตำรวจเอกหญิง, ร.ต.อ.หญิง), both part of the name.
_ACTING = "ว่าที่"
_FEMALE = "หญิง"

# Words that start right after a surname written without a space (กล่าวว่า, เป็นประธาน...).
NAME_ENDS = (
    "กล่าว", "เปิดเผย", "เป็น", "ได้", "และ", "พร้อม", "ร่วม", "ประธาน", "ผู้", "รอง", "ที่",
    "ซึ่ง", "ให้", "เข้า", "เดินทาง", "ตำแหน่ง", "หัวหน้า", "อธิบดี", "ปลัด", "รัฐมนตรี",
    "เลขาธิการ", "จาก", "ใน", "กับ", "มอบ", "ชี้แจง", "ระบุ", "แถลง", "ยืนยัน", "อธิบาย",
    "หรือ", "นายก", "ว่า", "เมื่อ", "จึง", "ยัง", "ก็", "เพื่อ", "โดย", "ต่อ", "ทำหน้าที่",
    "บรรยาย", "นำ", "ตอบ", "เล่า", "เน้น", "ขอบคุณ", "ลงนาม", "เปิด",
    "ชี้", "ย้ำ", "เผย", "บอก", "กำชับ", "สั่ง",  # (not แจ้ง: แจ้งสว่าง is a surname)
    "เห็น", "มอง", "เสนอ", "แนะนำ",  # (เห็นว่า, มองว่า: 2 of pythainlp's 9,836 surnames start so)
)

# The places of the surnames of royal descent, written `ณ <place>` after a family name (สนิทวงศ์
# ณ อยุธยา) or alone (ณ ระนอง). Elsewhere ณ is "at" (นายสมชาย ใจดี ณ ห้องประชุม): not the name's.
NA_PLACES = (
    "อยุธยา", "ระนอง", "สงขลา", "เชียงใหม่", "นคร", "ลำปาง", "ลำพูน", "น่าน", "ถลาง", "พัทลุง",
    "ป้อมเพชร", "บางช้าง", "มโนรม", "หนองคาย", "อุบล", "กาฬสินธุ์", "ร้อยเอ็ด", "นครพนม", "ศรีเกษ",
    "จัมปาศักดิ์", "ตะกั่วทุ่ง", "ราชสีมา", "โกศิลป์", "วังขนาย", "พิศณุโลก",
)
# A first name written without its surname is at most this long (ประเสริฐศักดิ์ has 15).
FIRST_NAME_LETTERS = 15
_LETTERS = THAI_LETTERS
# A name's pieces joined by a hyphen are a foreign name's (ซานโตส-เรเยส, ฌอง-ปิแอร์), not two
# people's (นายสมชาย ใจดี-นายสมศักดิ์): the piece after the hyphen starts with no title.
_TITLES = alternation(DOTTED_TITLES + WORD_TITLES)
_NA = f"ณ\\ (?:{alternation(NA_PLACES)})"
_NAME = re.compile(
    rf"""
    (?:{_ACTING}\ ?)?
    (?P<titles>(?:{_TITLES}(?:{_FEMALE})?\ ?)+)
    (?P<first>[{_LETTERS}]{{2,24}}(?:-(?!{_TITLES})[{_LETTERS}]{{2,24}})?)
    (?:\ (?P<last>{_NA}|[{_LETTERS}]{{2,30}}(?:-(?!{_TITLES})[{_LETTERS}]{{2,30}})?)(?P<na>\ {_NA})?)?
    """,
    re.X,
)
# Words Burmese names are made of, as Thai news spells them (Aung, Min, Thu, Kyaw, Win, Tun, Soe,
# San, Khin, Maung, Myint, Myo, Hla, Lwin, Thein, Shwe...). A Burmese name has no surname and may
# have three or four of them (นายมิน ตู อ่อง, นางขิ่น มาร์ลาร์ วิน): where the first name or the
# piece after it is one, the name goes on over each next piece that is one and ends at a space
# or other non-letter (see _foreign_name_end). A Thai name's next word is none of them, or its name
# is not made of them.
BURMESE_NAME_WORDS = frozenset("""
อ่อง ออง มิน มินต์ ทู ตู ทุน ตุน จอ จ่อ วิน ซอ ซอว์ หม่อง โซ ซาน ขิ่น เต็ง เส่ง ชเว ลวิน หล่า
มยินต์ เมียว เมี้ยว เนียน ตาน ทัน ลิน ไหน่ หน่าย ติ่น ทิน ซู ส่วย โม ยุ้น ซิน พยู เมียต เท็ต มะ
ยี นันดา ละวิน ทวย อู ดอ เอ
""".split())
# A Vietnamese name is a family name, a middle name and a given name (นายเหงียน วัน ทั่น, Nguyen
# Van Thanh; นางสาวเจิ่น ถิ ลาน): after a family name and a middle name of these, the next word
# is the given name, whatever it is.
VIETNAMESE_FAMILY_NAMES = frozenset("""
เหงียน เจิ่น ตรัน เล ฝั่ม ฟาม หวิ่ง ฮวิ่ญ ฮวาง หวู หวุ โง ดัง บุ่ย โด่ ห่อ ดวง ลี ฟาน หวอ
""".split())
VIETNAMESE_MIDDLE_NAMES = frozenset("วัน ถิ ทิ ดึ๊ก ก๊วก ฮิ่ว ฮู มินห์ หง็อก ซวน ทัญ".split())
# A Vietnamese given name has at most this many letters.
GIVEN_NAME_LETTERS = 10
# A person named by the polite คุณ instead of a title: a contact in brackets, by a first name
# (08 1234 5678 (คุณอรวรรณ)) or a whole name, the brackets holding nothing else; or, in running
# text, a Burmese name, its words BURMESE_NAME_WORDS (อย่างคุณเอ เอ มยินต์ ที่สมุทรสาคร).
# Elsewhere คุณ starts words (คุณภาพ, คุณธรรม: the segmenter ends no word after it there) and is
# the pronoun "you" (คุณสามารถแจ้ง...), which brackets do not hold alone and no Burmese name follows.
CONTACT_HINT = "คุณ"
_CONTACT = re.compile(rf"(?<=\()คุณ[{_LETTERS}]{{2,24}}(?:\ [{_LETTERS}]{{2,30}})?(?=\))")
_CONTACT_BURMESE = re.compile(
    rf"คุณ(?:{alternation(BURMESE_NAME_WORDS)})(?:\ (?:{alternation(BURMESE_NAME_WORDS)})){{1,3}}"
    rf"(?:(?![{_LETTERS}])|(?={alternation(NAME_ENDS)}))"
)
# More words of a name, then the whole name in Latin letters in brackets (see _spelled_out_end).
_SPELLED_OUT = re.compile(
    rf"(?P<more>(?:\ [{_LETTERS}]{{2,12}}){{1,2}})\ \((?P<latin>[A-Za-z][A-Za-z'.\-]*(?:\ [A-Za-z][A-Za-z'.\-]*){{2,3}})\)"
)
_WORD_TITLES = frozenset(WORD_TITLES)
_LETTER = re.compile(f"[{_LETTERS}]")
# Pieces of every title: without one of them a text holds no name (a quick test).
_HINTS = ("นาย", "นาง", ".", "พล", "พัน", "ร้อย", "สิบ", "จ่า", "ดาบ", "เรือ", "นาวา", "หม่อม", "ศาสตรา",
          "แพทย์", "เภสัช", "คุณหญิง", "ท่านผู้หญิง", "เด็ก", "ว่าที่", "มิส", "มาดาม", CONTACT_HINT)
# Titles alone: a quick scan, and where a name can start.
_TITLE = re.compile(alternation(DOTTED_TITLES + WORD_TITLES + (_ACTING,)))
_ENDS = re.compile(alternation(NAME_ENDS))
_AFTER_TITLES = re.compile(
    rf"(?:{_ACTING})?(?:(?:{alternation(WORD_TITLES)})(?:{_FEMALE})?)+(?P<rest>[{_LETTERS}]{{2,}})$")
# One more word of a Burmese name after a space, up to a non-letter or a word of NAME_ENDS.
_MORE_BURMESE = re.compile(
    rf"\ (?:{alternation(BURMESE_NAME_WORDS)})(?:(?![{_LETTERS}])|(?={alternation(NAME_ENDS)}))"
)
# The letters after a space (a Vietnamese given name and what runs on after it).
_NEXT_LETTERS = re.compile(rf"\ [{_LETTERS}]+")
_TITLE_PREFIXES = frozenset(t[:k] for t in DOTTED_TITLES + WORD_TITLES + (_ACTING,) for k in range(1, len(t) + 1))


def find_names(text: str, is_boundary=None, starts=None) -> list[tuple[int, int]]:
    """(start, end) of each person's name in `text`: titles, first name, space, surname.

    `is_boundary(offset)` says whether the segmenter ends a word at `offset`; a word title
    directly followed by letters (นายสมชาย) counts only there, so นายจ้าง is no name. Without it
    (None), word titles count only when a space follows them or they are dotted.

    `starts`, when given, are the offsets (in order) of the segmenter's tokens for which
    `may_start_name` holds: a name starts at the start of a word, so only there (the segmenter
    gives each run of letters after a non-letter its own token). Otherwise every place where a
    title is written is tried.
    """
    if starts is None:
        if not any(h in text for h in _HINTS):
            return []
        starts = _title_positions(text)
    found = []
    pos = 0
    for start in starts:
        if start < pos:
            continue
        m = _NAME.match(text, start)
        if m is None:
            continue
        titles = m.group("titles")
        if not _starts_word(text, start, is_boundary) or not _titles_ok(text, m, titles, is_boundary):
            continue
        end = _first_name_end(text, m, is_boundary)
        if end is None:
            if m.group("last") is None:
                # letters after a title, and nothing tells where a name ends; but a foreign
                # name's two pieces joined by a hyphen end where their letters do (ดร.ซานโตส-เรเยส,)
                if "-" not in m.group("first") or _LETTER.match(text, m.end("first")):
                    continue
                end = m.end("first")
            else:
                end = _surname_end(text, m, is_boundary)
        if end is None:  # no surname: the word after the space is not part of the name
            end = m.end("first")
        elif end == m.end("last"):
            end = _spelled_out_end(text, end)
            if end == m.end("last") and not m.group("na"):
                end = _foreign_name_end(text, m, end)
        pos = end
        between = titles.rstrip(" ").rfind(" ")
        if between >= 0:  # a title, a space, more titles: the name starts at the last ones
            start = m.start("titles") + between + 1
        found.append((start, end))
    if CONTACT_HINT in text and is_boundary is not None:
        contacts = {m.span() for pattern in (_CONTACT, _CONTACT_BURMESE) for m in pattern.finditer(text)
                    if is_boundary(m.start() + len(CONTACT_HINT))}  # not คุณธรรม
        found = sorted({*found, *contacts}) if contacts else found
    return found


def after_titles(word: str, is_boundary) -> str | None:
    """The letters after the word titles `word` starts with (นูรฮายาตี of นางสาวนูรฮายาตี, a name
    the segmenter keeps whole with its title), or None: what a reader types to find the person.
    They count only where `is_boundary(offset)` (the segmenter ends a word there), as a word title
    does in find_names: นายจ้าง, นายกรัฐมนตรี and นางสาว itself hold no name."""
    m = _AFTER_TITLES.match(word)
    return m.group("rest") if m and is_boundary(m.start("rest")) else None


def _title_positions(text: str):
    """Every offset of `text` where a title (or ว่าที่) is written, in order."""
    pos = 0
    while (hint := _TITLE.search(text, pos)) is not None:
        yield hint.start()
        pos = hint.start() + 1


def may_start_name(token: str) -> bool:
    """Whether a name can start with the segmenter's token `token`: it is the beginning of a
    title (นาย, ผศ., ว่า of ว่าที่, พล of พล.ต.อ.) or a title is its beginning."""
    return token in _TITLE_PREFIXES or _TITLE.match(token) is not None


def _starts_word(text: str, start: int, is_boundary) -> bool:
    """The title starts a word: at the start of the text, after a non-letter, or at a boundary."""
    if start == 0 or not _LETTER.match(text, start - 1):
        return True
    return bool(is_boundary and is_boundary(start))


def _titles_ok(text: str, m: re.Match, titles: str, is_boundary) -> bool:
    """A word title right before the first name must end a word there (not นายจ้าง)."""
    last = titles.rstrip(" ")
    if titles.endswith(" ") or last.endswith("."):
        return True
    word = last[: -len(_FEMALE)] if last.endswith(_FEMALE) and last not in _WORD_TITLES else last
    if not word.endswith(WORD_TITLES):
        return True
    offset = m.start("first")
    return bool(is_boundary and is_boundary(offset))


def _first_name_end(text: str, m: re.Match, is_boundary) -> int | None:
    """Where a first name written straight before the next word ends (นายธนภัทรกล่าว, a second
    mention without the surname): where a word of NAME_ENDS starts, at most FIRST_NAME_LETTERS
    in; None when the first name runs to a space or the end of its letters. A name of two
    pieces joined by a hyphen (ดร.ซานโตส-เรเยสเห็นว่า) ends in its second piece."""
    start, stop = m.span("first")
    hyphen = text.find("-", start, stop)
    if hyphen >= 0:
        return _transliteration_end(text, hyphen + 1, stop)
    for hit in _ENDS.finditer(text, start + 2, stop):
        at = hit.start()
        if at - start > FIRST_NAME_LETTERS:
            break
        if is_boundary is None or is_boundary(at):
            return at
    return None


def _transliteration_end(text: str, start: int, stop: int) -> int | None:
    """Where the piece of a foreign name after its hyphen (ซานโตส-|เรเยส) ends when the next word
    follows it without a space: where a word of NAME_ENDS starts, from its third letter, at most
    FIRST_NAME_LETTERS in. The segmenter does not know such a piece and cuts its last letters
    into the next word (เรเย|สเห็น|ว่า), so its boundaries are not asked. None when there is no
    such word."""
    hit = _ENDS.search(text, start + 2, stop)
    if hit is None or hit.start() - start > FIRST_NAME_LETTERS:
        return None
    return hit.start()


def _spelled_out_end(text: str, end: int) -> int:
    """Where a name of three or four words ends when it is spelled out in Latin letters after it,
    word for word (นายมิน ทู อ่อง (Min Thu Aung)): Burmese names have no surname, and only the
    spelling tells where they end. Otherwise `end`, the end of the surname."""
    m = _SPELLED_OUT.match(text, end)
    if m is None or len(m.group("latin").split()) != 2 + len(m.group("more").split()):
        return end
    return m.end("more")


def _foreign_name_end(text: str, m: re.Match, end: int) -> int:
    """Where a Vietnamese name ends (_given_name_end), or a Burmese name of three or four words
    that is not spelled out in Latin letters (นายมิน ตู อ่อง ซึ่งเป็นล่าม): its first name or
    second word is one of BURMESE_NAME_WORDS, and each next word that is one belongs to it (two
    at most), up to a non-letter or a word of NAME_ENDS (นายมิน ตู อ่องกล่าวว่า). Otherwise
    `end`, the end of the second word."""
    if m.group("first") in VIETNAMESE_FAMILY_NAMES and m.group("last") in VIETNAMESE_MIDDLE_NAMES:
        return _given_name_end(text, end)
    if m.group("first") not in BURMESE_NAME_WORDS and m.group("last") not in BURMESE_NAME_WORDS:
        return end
    for _ in range(2):
        more = _MORE_BURMESE.match(text, end)
        if more is None:
            break
        end = more.end()
    return end


def _given_name_end(text: str, end: int) -> int:
    """Where the word after a Vietnamese family and middle name ends (นายเหงียน วัน ทั่น อดีต...):
    at a non-letter or where a word of NAME_ENDS starts, within GIVEN_NAME_LETTERS letters;
    otherwise `end` (letters run on: no given name is told apart)."""
    run = _NEXT_LETTERS.match(text, end)
    if run is None:
        return end
    start, stop = end + 1, run.end()
    if stop - start <= GIVEN_NAME_LETTERS:
        return stop
    hit = _ENDS.search(text, start + 2, stop)
    return hit.start() if hit and hit.start() - start <= GIVEN_NAME_LETTERS else end


def _surname_end(text: str, m: re.Match, is_boundary) -> int | None:
    """Where the surname ends: at the end of its letters, or where a word of NAME_ENDS starts."""
    start, end = m.span("last")
    ends = _ENDS.match(text, start)
    if ends:  # the word after the space is a verb or a position: there is no surname
        return None
    hyphen = text.find("-", start, end)
    if hyphen >= 0:  # a foreign surname of two pieces (ซานโตส-เรเยส): it ends in the second
        return _transliteration_end(text, hyphen + 1, end) or end
    for hit in _ENDS.finditer(text, start + 2, end):
        at = hit.start()
        if is_boundary is None or is_boundary(at):
            return at
    if m.group("na"):
        return m.end("na")
    return end


_WORD_TITLE = re.compile(alternation(WORD_TITLES))
# What a first name starts with: a consonant or a leading vowel (never ะ, า or a mark).
_NAME_START = re.compile("[\u0e01-\u0e2e\u0e40-\u0e44]")


def mend_title_cuts(text: str, cuts: tuple[int, ...], tokens: list[str], solid) -> tuple[int, ...]:
    """`cuts` (the segmenter's boundaries of `tokens` in `text`) with a boundary put back after a
    word title that the segmenter read into the name after it, so that `find_names` finds the
    name. newmm reads a name it does not know as dictionary pieces, and where the title's last
    letters make one with the name's first (นา|ยธ|นก|ฤต for นายธนกฤต, นายก|ฤต|ชนะ for นายกฤตชนะ)
    no boundary follows the title, which is how นายจ้าง is told from a name: the name was not
    found, and a line could end inside it. Of 3,000 names made of pythainlp's first names and
    surnames, 159 were missed this way or otherwise.

    The boundary goes back after the title where a title starts a token and
    - the segmenter cut inside the title, and the token that holds its last letter is a fragment
      (not a solid dictionary word, `solid`): นา|ยธ; or it cut after a shorter title the title
      starts with, and that token is the rest of the title and one or two letters more
      (นาง|สาวก|ชา|มาส for นางสาวกชามาส: the longer title wins, as in `find_names`); or
    - the token that starts with the title is the title and one letter more (นายก, a word
      itself), and the next is a fragment: นายก|ฤต (not นายพล|คิม: a general);
    and the title is followed by the start of a name (a consonant or a leading vowel). Words
    that start with a title (นายจ้าง|ง, นายก|รัฐมนตรี, ชาวนา|ยาก) are left as they came.
    `tokens` are changed to match the boundaries returned."""
    bounds = None
    moved = []
    for m in _WORD_TITLE.finditer(text):
        if bounds is None:
            bounds = [0, *cuts, len(text)]
        p, e = m.span()
        k = bisect_left(bounds, p)
        if k >= len(bounds) - 1 or bounds[k] != p or bounds[bisect_left(bounds, e)] == e:
            continue  # the title does not start a token, or a boundary already follows it
        if not _NAME_START.match(text, e):
            continue
        j = bisect_left(bounds, e) - 1  # the token that holds the title's last letter
        token = text[bounds[j] : bounds[j + 1]]
        if j > k:
            if token in solid and not (j == k + 1 and text[p : bounds[j]] in _WORD_TITLES
                                       and bounds[j + 1] - e <= 2):
                continue
        elif bounds[j + 1] - e != 1 or j + 2 >= len(bounds) or text[bounds[j + 1] : bounds[j + 2]] in solid:
            continue
        moved.append((k, j, e))
    if not moved:
        return cuts
    for k, j, e in reversed(moved):  # the cuts inside the title go, one goes after it
        bounds[k + 1 : j + 1] = [e]
    tokens[:] = [text[a:b] for a, b in zip(bounds, bounds[1:])]
    return tuple(bounds[1:-1])
