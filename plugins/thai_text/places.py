"""Place names as Thai news writes them, found without a list of the places.

A place is named after the word for its kind: ตำบลห้วยยาง อำเภอกระนวน จังหวัดขอนแก่น,
บ้านห้วยตองก๊อ หมู่ 7, แขวงคลองเตยเหนือ เขตวัฒนา, อ.สบเมย จ.แม่ฮ่องสอน, เทศบาลตำบลบางเสาธง.
Thailand has about 7,400 subdistricts and 75,000 villages; their names (สบเมย, ละแม, ก๊อ) are
in no dictionary, and the spelling rule would hold back every release about a field visit until
each name was added to the site dictionary. `find_places` gives the spans of the names, which
spelling.py does not search for unknown words (as it does not search people's names: names.py).

The name is the Thai letters right after the place word (or a dotted one and an optional space:
อ. สบเมย), up to a space or other non-letter, or up to the start of a word that ends a name in
running text (names.NAME_ENDS: ตำบลบาเจาะเพื่อ...), of another place word (ตำบลละแมอำเภอละแม),
or หมู่. Place words are also the start of ordinary words (บ้านพัก, เขตพื้นที่, ชุมชนเข้มแข็ง,
ถนนหนทาง): a place word counts only where it starts a word and the segmenter ends a word right
after it, which `is_boundary` tells, as for the word titles of people's names (บ้านเกิด is one
word: no boundary follows its บ้าน). After a place word, words of running text (ที่บ้านของเขา)
end the name at once: no name. A name longer than NAME_LENGTH is no name (the words after a place
word then run on: เขตพื้นที่การศึกษาประถมศึกษา...). Public places named after where they are
(สถานีตำรวจภูธรสบเมย, โรงพยาบาลแม่ลาน้อย) and the people of a village (ชาวบ้านห้วยตองก๊อ) name
places too; ชาวบ้าน is mostly followed by running text, so its name must end at a space.

Nothing here imports Pelican.
"""

from __future__ import annotations

import re

from .names import NAME_ENDS
from .patterns import THAI_LETTERS, alternation

# Words for a kind of place, or for a public place named after where it is (สถานีตำรวจภูธรสบเมย,
# โรงพยาบาลแม่ลาน้อย), the names after them (longest first in the pattern).
PLACE_WORDS = (
    "จังหวัด", "อำเภอ", "กิ่งอำเภอ", "ตำบล", "แขวง", "เขต", "หมู่บ้าน", "บ้าน", "ชุมชน",
    "เทศบาลนคร", "เทศบาลเมือง", "เทศบาลตำบล", "องค์การบริหารส่วนตำบล", "ถนน", "ซอย",
    "สถานีตำรวจภูธร", "สถานีตำรวจนครบาล", "โรงพยาบาล", "โรงเรียน", "วัด", "นิคมอุตสาหกรรม",
    "ชาวบ้าน",
)
# Their abbreviations (อ. is also อาจารย์'s: a person's name, not searched either).
DOTTED_PLACE_WORDS = ("จ.", "อ.", "ต.", "ถ.", "ซ.", "อบต.", "ทต.", "ทม.", "ทน.", "สภ.", "สน.", "รพ.")
# Words mostly followed by running text (ชาวบ้านต้องกู้เงิน...): a name after them ends at a
# space or other non-letter, never at a word of running text.
ALONE = ("ชาวบ้าน",)
# A name ends within this many characters (หนองแวงตาชู has 11), or it is taken for no name.
NAME_LENGTH = 20

_LETTERS = THAI_LETTERS
_LETTER = re.compile(f"[{_LETTERS}]")
_PLACE = re.compile(
    f"(?P<word>{alternation(DOTTED_PLACE_WORDS + PLACE_WORDS)})(?P<space> ?)"
    f"(?P<name>[{_LETTERS}]{{2,40}}(?:-[{_LETTERS}]{{1,20}})?)"  # สุไหงโก-ลก
)
# Words that end a name written without a space after it, or show that no name follows.
_ENDS = re.compile(alternation(NAME_ENDS + PLACE_WORDS + (
    "หมู่", "ของ", "นี้", "นั้น", "ตาม", "ไป", "มา", "แล้ว", "ทั้ง", "เรา", "เขา", "ท่าน", "แห่ง",
)))
# Without one of these a text names no place (a quick test: "." stands for the dotted words).
_HINTS = PLACE_WORDS + (".",)


def find_places(text: str, is_boundary) -> list[tuple[int, int]]:
    """(start, end) of each place's name in `text` (the name only, not its place word).

    `is_boundary(offset)` says whether the segmenter ends a word at `offset`: a place word
    counts where it starts a word and, unless it is dotted or a space follows it, where a word
    ends right after it.
    """
    if not any(hint in text for hint in _HINTS):
        return []
    found = []
    pos = 0
    while (m := _PLACE.search(text, pos)) is not None:
        pos = m.start() + 1
        start = m.start("name")
        word = m.group("word")
        if m.start() and _LETTER.match(text, m.start() - 1) and not is_boundary(m.start()):
            continue  # inside a word
        if not (word.endswith(".") or m.group("space") or is_boundary(start)):
            continue  # the start of an ordinary word: บ้านพัก, เขตพื้นที่
        end = m.end("name")
        if word not in ALONE:
            for hit in _ENDS.finditer(text, start, end):
                if not (hit.start() == start or is_boundary(hit.start())) or not _word_follows(text, hit.end(), end, is_boundary):
                    continue  # inside a word of the name
                end = hit.start()  # at the start: running text follows the place word, no name
                break
        elif _LETTER.match(text, end):
            continue  # letters run on past the longest name
        if 2 <= end - start <= NAME_LENGTH:
            found.append((start, end))
            pos = end
    return found


def _word_follows(text: str, at: int, run_end: int, is_boundary) -> bool:
    """A word ends at `at` and no stray letter follows it: the run of letters ends there, or the
    next piece has two characters or more (a name no dictionary knows is cut into pieces, some
    of a single letter: บ้านอีต่อง is อี|ต่อ|ง)."""
    if at == run_end:
        return True
    if not is_boundary(at):
        return False
    following = at + 1
    while following < run_end and not is_boundary(following):
        following += 1
    return following - at >= 2
