"""Telephone numbers as Thai releases write them, in groups: 0 2232 1262, 02 232 1262,
081 234 5678, 08 1234 5678, 0-2232-1262, +66 2232 1262, ๐ ๒๒๓๒ ๑๒๖๒.

A browser may end a line at each space of such a number, and Chromium after each hyphen too: a
reader on a phone sees "โทร. 0" or "โทร. 0-" at the end of one line and "2232 1262" at the start
of the next, and dials or copies half of it. markup.py keeps each number `find_phone_numbers`
gives on one line, as it keeps a name.

A Thai number has 9 digits (a fixed line: 0 and 8 digits) or 10 (a mobile phone: 06, 08 or 09
and 8 digits), with one space, no-break space or hyphen at most between two digits; in the
international form +66 stands for the 0. A range of lines may follow (0 2232 1262-5, 1262-63:
lines 1262 to 1265, to 1263). Digits right before or after it (a longer number), a decimal point
or a comma (a sum) make it no telephone number; a time after a space does not (โทรศัพท์ | 0 2232
1262 | 08.30-16.30 น.: a table's cells, as the search index reads them, one after the other). A short hotline number (1546) has no space to
break at and is not looked for, nor are numbers abroad (+886 2 ...).

The rule "phone" (`wrong_numbers`, below) warns of a number with a digit too many or too few:
copied from a letter, "โทร. 0 2232 126" sends every reader who calls it to nobody.

Nothing here imports Pelican: plain functions that markup.py, rules.py, the tests and the
line-break measurement call, and data web_editor exports to the editor's checks.
"""

from __future__ import annotations

import re

from .patterns import THAI_DIGITS, alternation

_GAP = "[ \u00a0-]"  # between two groups of digits


def _phone_pattern(digit: str, zero: str) -> str:
    # (a group after a gap is no time: 08.30, 08:30)
    group_gap = rf"{_GAP}(?!{digit}++[.:]{digit})"
    return (rf"(?<![\dA-Za-z_/#&+])(?<!\d[.,])(?<!\d{_GAP})(?:{zero}|\+66{_GAP}?)(?:(?:{group_gap})?{digit}){{8,9}}"
            rf"(?:-{digit}{{1,2}})?(?!{digit}|{group_gap}{digit}|[.,]\d)")


# A number is written in one script of digits: in "โทร. 0 2232 1262 ๗ น." the ๗ is a time's.
_PHONE = re.compile(_phone_pattern("[0-9]", "0") + "|" + _phone_pattern("[\u0e50-\u0e59]", "\u0e50"))
# What every number written in groups has: 0 (or +66) not after a digit, then a gap within its
# first digits (a quick test before _PHONE, whose look-behinds at every place cost more).
_HINT = re.compile(rf"(?<!\d)(?:[0\u0e50]|\+66){_GAP}?\d*{_GAP}\d")


def find_phone_numbers(text: str) -> list[tuple[int, int]]:
    """(start, end) of each telephone number written in groups in `text`, in order (written
    without a gap, 022321262, it needs nothing and is not looked for)."""
    if not _HINT.search(text):
        return []
    return [m.span() for m in _PHONE.finditer(text)]


# The rule "phone": a number a reader is to dial, with a digit too many or too few. It is a number
# after a word that says so (โทร. 0 2232 126, สายด่วน 15466) or, anywhere, one that starts with 0
# and is written in groups (| 0 5556 311 | in a table of offices). Thai digits count as digits.
PHONE_WORDS = ("โทรศัพท์มือถือ", "โทรศัพท์", "โทรสาร", "โทร.", "โทร", "มือถือ", "สายด่วน", "แฟกซ์",
               # the same in the languages of the site's notices to migrant workers and in English:
               # ဖုန်း (Myanmar), ទូរស័ព្ទ (Khmer), ເບີໂທ and ໂທ (Lao)
               "ဖုန်း", "ទូរស័ព្ទ", "ເບີໂທ", "ໂທ", "hotline", "Hotline", "telephone", "Telephone", "phone",
               "Phone", "Tel.", "tel.")
_DIGIT = "[0-9\u0e50-\u0e59]"
WRITTEN_NUMBER = re.compile(
    "(?:(?P<word>" + alternation(PHONE_WORDS) + ")[ \u00a0]*:?[ \u00a0]*|(?:^|[^0-9\u0e50-\u0e59.,+]))"
    rf"(?P<number>(?:\+66[ -]?)?{_DIGIT}(?:[ \u00a0-]?{_DIGIT})*)"
)
# A line without one of these holds no number the rule judges (a quick test before WRITTEN_NUMBER).
_MAY_HOLD = re.compile(alternation(PHONE_WORDS) + rf"|[0\u0e50]{_DIGIT}*[ \u00a0-]{_DIGIT}|\+66")
# What the rule says of each kind of wrong number (Thai, English): {number} as written, {digits}
# its count of digits. rules.py and the editor's checks (through web_editor's rule data) use these.
MESSAGES = {
    "count": ('หมายเลขโทรศัพท์ "{number}" มี {digits} หลัก แต่หมายเลขโทรศัพท์พื้นฐานมี 9 หลัก (0 2xxx xxxx) '
              "และหมายเลขโทรศัพท์มือถือมี 10 หลัก (08x xxx xxxx)",
              'the telephone number "{number}" has {digits} digits: a Thai fixed line has 9 (0 2xxx xxxx), '
              "a mobile 10 (08x xxx xxxx)"),
    "short-mobile": ('หมายเลขโทรศัพท์มือถือ "{number}" มี 9 หลัก แต่หมายเลขที่ขึ้นต้นด้วย 06 08 หรือ 09 มี 10 หลัก',
                     'the mobile number "{number}" has 9 digits: a number starting 06, 08 or 09 has 10'),
    "long-fixed": ('หมายเลขโทรศัพท์ "{number}" มี 10 หลัก แต่หมายเลขโทรศัพท์พื้นฐาน (ขึ้นต้นด้วย 02 03 04 05 หรือ 07) มี 9 หลัก',
                   'the telephone number "{number}" has 10 digits: a fixed line (starting 02, 03, 04, 05 or 07) has 9'),
    "hotline": ('หมายเลขสายด่วน "{number}" มี {digits} หลัก แต่สายด่วนมี 3 หรือ 4 หลัก (191, 1546) '
                "หรือ 10 หลักถ้าขึ้นต้นด้วย 1800",
                'the hotline number "{number}" has {digits} digits: a hotline has 3 or 4 (191, 1546), or 10 starting 1800'),
}
FIX = ("ตรวจหมายเลขกับต้นฉบับแล้วแก้ให้ถูก ผู้อ่านจะโทรผิดเบอร์", "check the number against its source: readers would call a wrong number")
FIXED_PREFIXES = "23457"  # 02 Bangkok, 03x-05x and 07x the provinces: 9 digits
MOBILE_PREFIXES = "689"  # 06, 08, 09: 10 digits


# 0, 0x or 0xx, then groups of 3 or 4 digits (a date, 05-02-2569, has a group of 2).
GROUPED = re.compile(r"0\d{0,2}(?:[ \u00a0-]\d{3,4})+(?:-\d{1,2})?")


def national_digits(written: str) -> str:
    """The digits of a number as dialled in Thailand (Thai digits read, +66 for 0)."""
    digits = re.sub(r"\D", "", written.translate(THAI_DIGITS))
    return "0" + digits[2:] if written.startswith("+66") else digits


def _by_itself(written: str) -> bool:
    """Whether `written` is a telephone number without a word such as โทร. before it: +66, or
    0 and groups of digits (GROUPED)."""
    return written.startswith("+66") or GROUPED.fullmatch(written.translate(THAI_DIGITS)) is not None


def first_line(written: str) -> str:
    """The digits dialled for `written` (`national_digits`), without a range of lines after it:
    0 2232 1262-5 is 022321262."""
    digits = national_digits(written)
    line_range = re.search(r"-(\d{1,2})$", written.translate(THAI_DIGITS))
    if line_range and len(digits) - len(line_range.group(1)) in (9, 10):
        digits = digits[: -len(line_range.group(1))]
    return digits


def wrong_number(written: str, after_word: bool) -> str | None:
    """What is wrong with the telephone number `written` (as WRITTEN_NUMBER's group "number"
    found it; `after_word`: a word such as โทร. comes before it), or None.

    "short-mobile": 9 digits starting 06, 08 or 09 (a mobile number has 10);
    "long-fixed": 10 digits starting 02, 03, 04, 05 or 07 (a fixed line has 9);
    "count": another count of digits for a number starting with 0 (+66 stands for it);
    "hotline": 5 to 9 digits, or more than 10, starting with 1 after such a word (a hotline has 3
    or 4: 191, 1546; a free number 10: 1800 ...).
    A range of lines after the number (0 2232 1262-5) is not counted. Anything else is no
    telephone number this rule knows (a count: โทร 3 ครั้ง; 001 abroad)."""
    if not after_word and not _by_itself(written):
        return None  # by itself, only a number that starts with 0 and is written in groups is one
    digits = first_line(written)
    if digits.startswith("0"):
        if len(digits) < 6 or digits[1] in "01":
            return None
        if len(digits) == 9:
            return None if digits[1] in FIXED_PREFIXES else "short-mobile"
        if len(digits) == 10:
            return None if digits[1] in MOBILE_PREFIXES else "long-fixed"
        return "count"
    if digits.startswith("1") and after_word and (5 <= len(digits) <= 9 or len(digits) > 10):
        return "hotline"
    return None


def wrong_numbers(text: str) -> list[tuple[str, str, int]]:
    """(number as written, what is wrong, its count of digits) for each telephone number of
    `text` with a digit too many or too few (`wrong_number`)."""
    if not _MAY_HOLD.search(text):
        return []
    found = []
    for m in WRITTEN_NUMBER.finditer(text):
        written = m.group("number").rstrip(" \u00a0-")
        kind = wrong_number(written, m.group("word") is not None)
        if kind:
            found.append((written, kind, len(national_digits(written))))
    return found


# What joins two numbers after one word: สายด่วน 1694 และ 1546, โทร. 1111 หรือ 1546, 191, 1669.
_JOINED = re.compile("[ \u00a0]*(?:,|/|และ|หรือ)[ \u00a0]*")
# สายด่วน and the name of the office it belongs to, right before a number: สายด่วนกรมการจัดหางาน
# 1694, สายด่วนประกันสังคม 1506, สายด่วนศูนย์ดำรงธรรม 1567. The name starts with a word an office's
# name starts with: other words after สายด่วน may end before a count (สายด่วนได้รับแจ้ง 1245 เรื่อง).
_NAMED_HOTLINE = re.compile(
    "สายด่วน(?:ของ)?(?:กรม|กระทรวง|สำนักงาน|ศูนย์|สถาบัน|กอง|ประกันสังคม)[\u0e01-\u0e4e]{0,60}[ \u00a0]*$")
# A decimal point or a comma and a digit after a number make it part of a sum (1546.5, 1,546).
_SUM_GOES_ON = re.compile(r"[.,][0-9\u0e50-\u0e59]")


def numbers_to_dial(text: str) -> list[tuple[int, int, str]]:
    """(start, end, what to dial) for each telephone number of `text` a reader can call: a number
    in Thailand with the right count of digits (`wrong_number` finds nothing wrong with it), after
    a word such as โทร. or สายด่วน or by itself in groups (0 2232 1262); a hotline of 3 or 4
    digits, or 1800 and 6 more, only after such a word (สายด่วน 1546, โทร 191), after สายด่วน and
    the name of an office (สายด่วนกรมการจัดหางาน 1694), or after such a number and และ, หรือ, a
    comma or a slash (สายด่วน 1694 และ 1546).

    What to dial is "+66" and the number without its 0 (a range of lines: its first line), or the
    hotline's digits. Digits right after a decimal point or comma (a sum) are none; nor is a count
    (โทร 3 ครั้ง), an extension (ต่อ 14), a number abroad or a number with a digit missing."""
    if not _MAY_HOLD.search(text):
        return []
    found = []
    for m in WRITTEN_NUMBER.finditer(text):
        written = m.group("number").rstrip(" \u00a0-")
        start = m.start("number")
        end = start + len(written)
        # สายด่วน 1694 และ 1546: the word stands before both; สายด่วนกรมการจัดหางาน 1694: before the name
        after_word = (m.group("word") is not None or bool(found and _JOINED.fullmatch(text, found[-1][1], start))
                      or _NAMED_HOTLINE.search(text, max(0, start - 80), start) is not None)
        if _SUM_GOES_ON.match(text, end) or wrong_number(written, after_word):
            continue
        digits = first_line(written)
        if digits[:1] == "0" and (after_word or _by_itself(written)) and (
                len(digits) == 9 and digits[1] in FIXED_PREFIXES or len(digits) == 10 and digits[1] in MOBILE_PREFIXES):
            found.append((start, end, "+66" + digits[1:]))
        elif after_word and digits[:1] == "1" and (len(digits) in (3, 4) or len(digits) == 10 and digits.startswith("1800")):
            found.append((start, end, digits))
    return found
