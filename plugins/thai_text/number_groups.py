"""A number with what it belongs to: `3,000 บาท`, `09.00 น.`, `พ.ศ. 2569`, `17 มีนาคม 2565`,
`ที่ รง 0201.6/ว 3874`.

A reader reads a number and the word that says what it counts, measures or dates as one thing.
`09.00|` at the end of one line and `น.` at the start of the next, or `พ.ศ.|` and the year, read
as a typesetting slip; a summary that ends `ภายใน 7…` has lost its unit. `find_number_groups`
gives each such group (a lead word, the number, a month and year, a unit); summaries.py never
cuts inside one and markup.py keeps each on one line (but for a telephone number's word and the
number: see TELEPHONE_LEADS), as a careful typesetter puts a no-break space there.

Nothing here imports Pelican: a plain function that markup.py, summaries.py, the tests and the
line-break measurement call.
"""

from __future__ import annotations

import re

from .patterns import alternation

_DIGITS = "0-9\u0e50-\u0e59"
_NUMBER = rf"[{_DIGITS}]+(?:[,.:/\-–][{_DIGITS}]+)*"
# A range written with spaces around its en dash, as Word writes it (09.30 – 12.00 น.,
# 2565 – 2566), or around a hyphen standing for one (08.00 - 12.00 น.): one thing to a reader,
# and a line that starts with the dash reads as a list. Not the last group of digits of a
# telephone number (0 2232 1262 – 3: phones.py's).
_RANGE = rf"(?:(?<![{_DIGITS}]\ ){_NUMBER}\ [–-]\ {_NUMBER}|{_NUMBER})"
# A clause of a section, after its number (มาตรา 85 (1), ข้อ 5 (2)): a line that starts with
# "(1)" reads as an item of a list.
_CLAUSE = rf"\ ?\([{_DIGITS}]{{1,3}}\)"
_MONTHS = (
    "มกราคม|กุมภาพันธ์|มีนาคม|เมษายน|พฤษภาคม|มิถุนายน|กรกฎาคม|สิงหาคม|กันยายน|ตุลาคม|"
    "พฤศจิกายน|ธันวาคม|ม\\.ค\\.|ก\\.พ\\.|มี\\.ค\\.|เม\\.ย\\.|พ\\.ค\\.|มิ\\.ย\\.|ก\\.ค\\.|ส\\.ค\\.|"
    "ก\\.ย\\.|ต\\.ค\\.|พ\\.ย\\.|ธ\\.ค\\."
)
# What follows a number it belongs to (where one starts another, the longest wins).
UNITS = (
    "ล้านบาท", "พันบาท", "บาท", "ล้าน", "แสน", "หมื่น", "พัน", "คน", "ราย", "เรื่อง", "ครั้ง",
    "แห่ง", "หน่วยงาน", "จังหวัด", "อำเภอ", "ตำบล", "ประเทศ", "องค์กร", "กรม", "ปี", "เดือน",
    "สัปดาห์", "วัน", "ชั่วโมง", "นาที", "วินาที", "น.", "กิโลเมตร", "กม.", "ตารางเมตร", "เมตร",
    "ไร่", "ฉบับ", "หลักสูตร", "รุ่น", "ชุด", "เล่ม", "ข้อ", "คะแนน", "เปอร์เซ็นต์", "%", "โครงการ",
    "กลุ่ม", "ทีม", "ตำแหน่ง", "อัตรา", "ใบ", "แผ่น", "ชิ้น", "เครื่อง", "คัน", "ห้อง", "ชั้น",
    "ที่นั่ง", "รางวัล", "เท่า", "คู่", "ช่องทาง", "สาขา", "มาตรการ", "แผนงาน", "ด้าน", "ขั้นตอน",
    "นิ้ว", "เซนติเมตร", "ซม.", "มิลลิเมตร", "มม.", "กิโลกรัม", "กก.", "ตัน", "ลิตร", "ครัวเรือน", "แปลง",
    "มื้อ", "ท่าน", "คืน", "รายการ", "หน้า", "ลำ", "หลัก",
)
# Words of magnitude, which a unit may follow (3.2 พันครั้ง, 1.5 หมื่นคน, 2.37 ล้านบาท).
MAGNITUDES = ("ล้าน", "แสน", "หมื่น", "พัน")
# Units written in Latin letters (ไฟล์ไม่เกิน 5 MB): a whole word each, never the start of one.
LATIN_UNITS = ("KB", "MB", "GB", "TB", "km", "kg", "cm", "mm")
# Units that name which one rather than how many when a number follows them: the next number's
# lead then (ห้องประชุม 301 ชั้น 3: the third floor, not 301 floors; แก้ไขหน้า 7 ข้อ 4.2).
_IDENTIFYING = ("ชั้น", "ข้อ", "หน้า")
# What comes before a number it belongs to.
LEADS = (
    "ร้อยละ", "จำนวน", "วันที่", "ที่", "เวลา", "ปี", "พ.ศ.", "ค.ศ.", "อายุ", "เลขที่", "ครั้งที่",
    "รุ่นที่", "ชั้น", "ข้อ", "หน้า", "มาตรา", "หมายเลข", "โทร.", "โทร", "สายด่วน", "ประมาณ", "กว่า",
    "เกือบ", "ราว", "รวม", "ทั้งสิ้น", "เพียง", "เฉลี่ย", "ลำดับที่", "ไตรมาสที่", "ไตรมาส", "ระหว่าง",
    "เขต", "ภาค", "หมู่ที่", "ฉบับที่", "ชุดที่", "ระยะที่", "กด", "ต่อ",
)
# The number of an official letter (ที่ รง ๐๒๐๑.๖/ว ๓๘๗๔, ที่ นร 0505/ว 123): the ministry's letters,
# its office's code, a slash, ว for a circular and the letter's number. One reference to a reader,
# who copies it whole; a line that ends at "๐๒๐๑.๖/" or "รง" has cut it.
_LETTER_NUMBER = (
    rf"(?:ที่\s*|(?<![\u0e01-\u0e4e]))[ก-ฮ]{{2,3}}\s?[{_DIGITS}]{{4}}(?:\.[{_DIGITS}]+)*"
    rf"/(?:ว\.?\s?)?[{_DIGITS}]+(?![{_DIGITS}])"
)
# A year after ปี, พ.ศ. or ค.ศ.: four digits, and no unit after them.
_YEAR = rf"(?:ปี|พ\.ศ\.|ค\.ศ\.)\s*[{_DIGITS}]{{4}}(?![{_DIGITS},.:/\-–]|\ –\ [{_DIGITS}])"
# A month with its year and no day (ในเดือนมกราคม 2570, เมื่อ ต.ค. 69): four digits, or two after a
# month's abbreviation, as a reader writes them.
_MONTH_YEAR = (
    rf"(?:{_MONTHS})\s*(?:(?:พ\.ศ\.|ค\.ศ\.)\s*)?"
    rf"(?:[{_DIGITS}]{{4}}|(?<=\.)\s*[{_DIGITS}]{{2}})(?![{_DIGITS},.:/\-–])"
)
# The lead words that name a telephone line: a summary never ends between one and its number (it
# would lose the number), but a line may (phones.py keeps the number itself on one line).
TELEPHONE_LEADS = ("โทร.", "โทร", "สายด่วน")


def _group_pattern(leads) -> re.Pattern:
    """A number with what it belongs to: a lead word, the number, a month and year, a unit.
    Spaces between the parts count as a reader sees them (a run of them shows as one); a unit
    that starts the lead of the next number is that lead's (ร้อยละ 25 วันที่ 17: no "25 วัน"); a
    year after ปี or พ.ศ. takes no unit (ปี 2565 คะแนนรวม: the score is not the year's), nor does a
    number a lead of `_IDENTIFYING` follows with a number of its own (301 ชั้น 3); a clause
    in brackets after the number is the number's, and the group ends with it (มาตรา 85 (1) แห่ง:
    แห่ง is no unit there). (An official letter's number is LETTER_NUMBER's.)"""
    return re.compile(
        rf"{_YEAR}|{_MONTH_YEAR}|"
        rf"(?:(?:{alternation(leads)})\s*)?{_RANGE}"
        rf"(?:{_CLAUSE}|"
        rf"(?:\s*(?:{_MONTHS})(?:\s*(?:พ\.ศ\.|ค\.ศ\.)?\s*{_NUMBER})?)?"
        rf"(?:\s*(?:(?:{alternation(MAGNITUDES)})\s?)?"
        rf"(?:{alternation(u for u in UNITS if u not in _IDENTIFYING)}"
        rf"|(?:{alternation(_IDENTIFYING)})(?!\s*[{_DIGITS}])"
        rf"|(?:{alternation(LATIN_UNITS)})(?![A-Za-z])"
        rf")(?!ที่\s*[{_DIGITS}]))?)"
    )


NUMBER_GROUP = _group_pattern(LEADS)
LETTER_NUMBER = re.compile(_LETTER_NUMBER)
_LINE_GROUP = _group_pattern([lead for lead in LEADS if lead not in TELEPHONE_LEADS])
_DIGIT = re.compile(f"[{_DIGITS}]")
_NOT_NUMBER = re.compile(r"[^0-9\u0e50-\u0e59,.:/\-–]")


def find_number_groups(text: str, *, telephone_leads: bool = True) -> list[tuple[int, int]]:
    """(start, end) of each number in `text` with its lead word, month and year or unit, in
    order; a number alone (`1,500`, `15-16`) is none: nothing inside it may end a line. Without
    `telephone_leads`, โทร. and สายด่วน are no lead words (what markup.py keeps on a line)."""
    if not _DIGIT.search(text):
        return []
    pattern = NUMBER_GROUP if telephone_leads else _LINE_GROUP
    groups = [m.span() for m in pattern.finditer(text) if _NOT_NUMBER.search(m.group())]
    if "/" in text:  # an official letter's number, ที่ and its letters with it, instead of its parts
        letters = [m.span() for m in LETTER_NUMBER.finditer(text)]
        if letters:
            groups = sorted(letters + [(a, b) for a, b in groups if not any(a < y and x < b for x, y in letters)])
    return groups
