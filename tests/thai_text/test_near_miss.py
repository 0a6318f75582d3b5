"""Near misses of site-dictionary names (plugins/thai_text/near_miss.py).

Two properties over everything we have: every name of the site dictionary typed with any one slip
is found and given its right spelling, and no line of the sample content raises a false alarm.
"""

from pathlib import Path

import pytest

from thai_text.near_miss import (
    MIN_LETTERS,
    NearMissFinder,
    describe,
    letters,
    slip,
    spelling_suggestion_allowed,
)

CONTENT = Path(__file__).resolve().parents[2] / "content"
CONSONANTS = [chr(c) for c in range(0x0E01, 0x0E2F)]
MARKS = ["\u0E31", "\u0E34", "\u0E35", "\u0E38", "\u0E48", "\u0E49"]
VOWELS = ["\u0E32", "\u0E30", "\u0E40", "\u0E42"]
# Contexts a name is written in: glued to the word before, between spaces, at a line's start.
CONTEXTS = ["เจ้าหน้าที่{} ร่วมประชุม", "โดย {} ได้จัดงาน", "{}แถลงข่าว"]


@pytest.fixture(scope="module")
def finder(site_words):
    return NearMissFinder(site_words)


def _same_kind(ch):
    for group in (CONSONANTS, MARKS, VOWELS):
        if ch in group:
            return [c for c in group if c != ch][:3]
    return ["ก"]


def one_slips(entry):
    """Every one-slip variant of `entry`: each letter replaced (by letters of its kind), left out,
    doubled, an extra consonant added, neighbours swapped, a letter moved two places."""
    variants = set()
    for i, ch in enumerate(entry):
        for other in _same_kind(ch):
            variants.add(entry[:i] + other + entry[i + 1:])
        variants.add(entry[:i] + entry[i + 1:])
        variants.add(entry[:i] + ch + entry[i:])
        variants.add(entry[:i] + "ด" + entry[i:])
        if i + 1 < len(entry):
            variants.add(entry[:i] + entry[i + 1] + ch + entry[i + 2:])
        if i + 2 < len(entry):
            variants.add(entry[:i] + entry[i + 1:i + 3] + ch + entry[i + 3:])
    variants.discard(entry)
    # a slip that leaves a vowel or tone mark with nothing to sit on, or a lead vowel with nothing
    # after it, is not something a keyboard gives; a letter added before or after the whole name
    # belongs to the next word (การ|กระทรวง)
    lead = ["เ", "แ", "โ", "ใ", "ไ"]
    return sorted(v for v in variants if v[0] in CONSONANTS + lead and v[-1] not in lead and entry not in v)


def test_the_examples_of_the_issue(finder):
    line = "ศูนย์ปฏิบัติการต่อต้านการทุจริด กระทรวงแรงานง ร่วมกับสำนักงานปลัดกระทรวงแรงงาน"
    found = finder.find(line)
    assert [(m.found, m.entry, m.slip) for m in found] == [
        ("ศูนย์ปฏิบัติการต่อต้านการทุจริด", "ศูนย์ปฏิบัติการต่อต้านการทุจริต", "replaced"),
        ("กระทรวงแรงานง", "กระทรวงแรงงาน", "moved"),
    ]
    thai, english, fix, fix_english = describe(found[1])
    assert 'คล้ายชื่อ "กระทรวงแรงงาน"' in thai and "a letter out of place" in english
    assert fix == 'แก้เป็น "กระทรวงแรงงาน"' and fix_english == 'write "กระทรวงแรงงาน"'


def test_every_one_slip_of_every_name_is_found_with_its_right_spelling(finder):
    assert len(finder.entries) >= 10
    tried = found = 0
    missed = []
    names = set(finder.all_entries)
    for entry in finder.entries:
        for variant in one_slips(entry):
            if variant in names:
                continue
            for context in CONTEXTS:
                line = context.format(variant)
                tried += 1
                at = line.index(variant)
                hits = [m for m in finder.find(line) if m.start <= at + 1 and m.end >= at + len(variant) - 1]
                if any(m.entry == entry or entry in m.entry for m in hits):
                    found += 1
                else:
                    missed.append((entry, variant, context))
    assert tried > 5000
    assert missed == [], f"{len(missed)} of {tried} missed, e.g. {missed[:5]}"


def test_no_false_alarm_anywhere_in_the_sample_content(finder):
    lines = 0
    alarms = []
    for path in sorted(CONTENT.rglob("*.md")):
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
            lines += 1
            alarms += [(path.name, number, m.found, m.entry) for m in finder.find(line)]
    assert lines > 300
    assert alarms == []


def test_names_written_right_and_other_words_are_left_alone(finder):
    for line in [
        "ศูนย์ปฏิบัติการต่อต้านการทุจริตกระทรวงแรงงาน",  # two names glued together
        "รัฐมนตรีว่าการกระทรวงแรงงานและปลัดกระทรวงแรงงาน",  # names inside longer names
        "กระทรวงแรงงานคนใหม่",  # a name followed by a word that starts with a consonant
        "ป.ป.ช ป.ป.ท ศปท",  # abbreviations are not searched
        "แรงงานกระทรวง",
    ]:
        assert finder.find(line) == [], line


@pytest.mark.parametrize("typed,entry,kind", [
    ("ทุจริด", "ทุจริต", "replaced"),
    ("แรงาน", "แรงงาน", "missing"),
    ("แรงงงาน", "แรงงาน", "extra"),
    ("แรงานง", "แรงงาน", "moved"),
    ("แงรงาน", "แรงงาน", "moved"),  # neighbours swapped
    ("แรงนาง", "แรงงาน", None),  # two letters exchanged across a third: two slips
    ("แรงงาน", "แรงงาน", None),
    ("แงรานง", "แรงงาน", None),  # two slips
])
def test_slip(typed, entry, kind):
    assert slip(typed, entry) == kind


def test_letters_leave_out_vowels_and_tone_marks():
    assert letters("ศูนย์") == 3  # ศ น ย
    assert letters("เครือข่าย") == 7  # เ ค ร อ ข า ย
    assert letters("ป.ป.ช.") == 3 < MIN_LETTERS


@pytest.mark.parametrize("word,suggestion,allowed", [
    ("สโซ่", "โซ่", False),  # a transliterated name, not a slip
    ("เด้น", "เดิน", False),
    ("ทุจริด", "ทุจริต", True),
    ("ทุจริด", None, False),
])
def test_short_unknown_words_get_no_suggestion(word, suggestion, allowed):
    assert spelling_suggestion_allowed(word, suggestion) is allowed
