"""Thai typing errors: found with line and column, fixed, and nothing else changed."""

import pytest

from thai_text.typos import describe_typo, find_typos, fix_typos


@pytest.mark.parametrize(
    "typed, fixed",
    [
        ("เเรงงาน", "แรงงาน"),  # two sara e
        ("ที่่", "ที่"),  # doubled tone mark
        ("ก็็", "ก็"),  # doubled mai taikhu
        ("ท่ี", "ที่"),  # tone mark before the upper vowel
        ("น้ํา", "น้ำ"),  # nikhahit + sara aa
        ("นํ้า", "น้ำ"),  # nikhahit, tone, sara aa
        ("นำ้", "น้ำ"),  # tone mark after sara am
        ("กา่ร", "ก่าร"),  # tone mark after sara aa
        ("ข่าว\u200bกิจกรรม", "ข่าวกิจกรรม"),  # zero-width space
        # copied from a PDF: a font's glyph variants (Windows' code points, then macOS')
        ("ต\uf70aอ", "ต่อ"),  # ่ moved down: no vowel above it
        ("ป\uf705า", "ป่า"),  # ่ moved down and left: on ป
        ("ป\uf702\uf713", "ปี่"),  # ี and ่ moved left: on ป
        ("ฟ\uf712น", "ฟ็น"),
        ("\uf70f\u0e38", "ญุ"),  # ญ without its tail above ุ
        ("ฎ\uf718", "ฎุ"),  # ุ moved down under ฎ
        ("แจ\uf70bง", "แจ้ง"),
        ("ต\uf88bอ ป\uf886\uf88a \uf89e\u0e38", "ต่อ ปี่ ฐุ"),  # macOS
        ("ผู ้ว่าราชการ", "ผู้ว่าราชการ"),  # a mark after a space
        ("ท ี ่", "ที่"),
        ("ที\u00a0่", "ที่"),
    ],
)
def test_fix(typed, fixed):
    assert fix_typos(typed) == fixed
    assert find_typos(typed)


def test_a_mark_alone_between_spaces_or_brackets_is_kept():
    """A mark written on its own to name it, in brackets, in quotes or on a dotted circle (ไม้เอก
    ( ่ ), "◌์"), follows no Thai letter: it is kept. (Right after a word and a space it
    would be joined to the word: that is how the marks of a PDF come.)"""
    for text in ("ไม้เอก ( \u0e48 ) และไม้โท (\u0e49)", "เครื่องหมาย \u25cc\u0e4c", 'ทัณฑฆาต " \u0e4c "', "\u0e48 ตัวเดียว"):
        assert fix_typos(text) == text and find_typos(text) == []


def test_correct_text_is_unchanged():
    text = (
        "ศูนย์ปฏิบัติการต่อต้านการทุจริต  กระทรวงแรงงาน\n\n"
        "  จัดอบรม 09.00 น. ต่างๆ ฯลฯ ฤๅษี น้ำ ที่ นั้น ปั๊ม เกื้อกูล  ครั้งนี้ๆ ป.ป.ช.\t"
        "**Markdown** [ลิงก์](https://x.th/เเ) 😀"
    )
    expected_fixed = text.replace("https://x.th/เเ", "https://x.th/แ")
    assert fix_typos(text) == expected_fixed
    assert [t[2] for t in find_typos(text)] == ["เเ"]


def test_positions_are_line_and_column():
    text = "Title: ข่าวใหม่\n\nวันนี้เเรงงานจังหวัด\nกรมนํ้าดี"
    found = find_typos(text)
    assert found == [(3, 7, "เเ", "แ"), (4, 5, "ํ้า", "้ำ")]
    assert "sara ae" in describe_typo("เเ")
    assert all(text.splitlines()[line - 1][col - 1 :].startswith(f) for line, col, f, _s in found)


def test_crlf_and_empty():
    assert find_typos("") == []
    assert find_typos("ก\r\nเเ") == [(2, 1, "เเ", "แ")]


def test_each_mistake_is_one_report_naming_its_own_word(segmenter):
    from thai_text.typos import typo_reports

    line = "เจ้าหน้าที่เเละประชาชนร่วมกันเเจ้งเบาะแส ข่าว\u200bกิจกรรม"
    reports = typo_reports(line, segmenter)
    assert [(r.column, r.word, r.fixed) for r in reports] == [
        (12, "เเละ", "และ"),
        (30, "เเจ้ง", "แจ้ง"),
        (42, "ข่าว\u200bกิจกรรม", "ข่าวกิจกรรม"),
    ]
    assert reports[0].thai == "สระเอสองตัว (เ+เ) แทนสระแอ"
    assert reports[0].english == "two sara e typed instead of sara ae"
    # two kinds of error in one word are one report
    [both] = typo_reports("ประชาชนเเก่่", segmenter)[-1:]
    assert (both.word, both.fixed) == ("เเก่่", "แก่") and "และ" in both.thai and " and " in both.english
    assert [r.word for r in typo_reports("นํ้าท่ี", segmenter)] == ["นํ้า", "ท่ี"]
    # without a segmenter each report still names the Thai around its own error
    words = [r.word for r in typo_reports(line)]
    assert len(words) == 3 and len(set(words)) == 3


def test_every_report_fixes_its_word_and_points_at_it(segmenter):
    text = "วันนี้เเรงงานจังหวัด\nกรมนํ้าดี ท่ีนี่ เเละเเล้ว"
    for report in typo_reports_of(text, segmenter):
        line = text.splitlines()[report.line - 1]
        assert line[report.column - 1:].startswith(report.word)
        assert report.fixed == fix_typos(report.word) != report.word
        assert find_typos(report.fixed) == []


def typo_reports_of(text, segmenter):
    from thai_text.typos import typo_reports

    return typo_reports(text, segmenter)


def test_every_sara_ae_of_the_sample_content_typed_as_two_sara_e_is_one_report(segmenter):
    """Over every line of the sample content: each word with แ, typed เเ, is reported once, by
    its own column, and corrected back to the word as written."""
    from pathlib import Path

    from thai_text.typos import typo_reports

    content = Path(__file__).resolve().parents[2] / "content"
    checked = 0
    for path in sorted(content.rglob("*.md")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if "แ" not in line or find_typos(line):
                continue
            typed = line.replace("แ", "เเ")
            expected = [w for w in segmenter.segment(line) if "แ" in w]
            reports = typo_reports(typed, segmenter)
            assert [r.fixed for r in reports] == expected, line
            assert len({r.column for r in reports}) == len(reports)
            checked += len(reports)
    assert checked > 100


def test_every_line_of_the_sample_content_copied_from_a_pdf_is_restored(segmenter):
    """Property over every line of the sample content: as a PDF made with a Windows or a macOS
    Thai font gives it when copied (glyph variants, and marks after spaces), it is fixed back to
    the line; every changed character is in one report, which names the word around it by its
    column and that word as written."""
    import random
    from pathlib import Path

    from tests.thai_text.pdf_text import loose_marks, pdf_glyphs
    from thai_text.typos import typo_reports

    content = Path(__file__).resolve().parents[2] / "content"
    rng = random.Random(2570)
    lines = changed_words = 0
    for path in sorted(content.rglob("*.md")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if find_typos(line):
                continue
            for system in ("windows", "mac"):
                pdf, changed = pdf_glyphs(line, system)
                assert fix_typos(pdf) == line, (system, line)
                assert bool(find_typos(pdf)) == bool(changed)
                loose, moved = loose_marks(line, rng)
                assert fix_typos(loose) == line, line
                assert bool(find_typos(loose)) == bool(moved)
            if not changed:
                continue
            lines += 1
            # each report names a word around changed characters, and that word as written; every
            # changed character is in one report (glyph variants stand one for one: positions hold)
            reports = typo_reports(pdf, segmenter)
            covered = []
            for report in reports:
                start = report.column - 1
                span = range(start, start + len(report.word))
                assert pdf[start:span.stop] == report.word and line[start:span.stop] == report.fixed, line
                assert changed & set(span) and not set(span) & set(covered), line
                covered += span
            assert changed <= set(covered), line
            changed_words += len(reports)
    assert lines > 100 and changed_words > 300, (lines, changed_words)


def test_every_glyph_variant_of_both_fonts_is_restored():
    """Syllables that put every mark in every place a font moves it (on ป ฝ ฟ ฬ, above a vowel
    or not, under ฎ ฏ, ญ ฐ above a vowel below): all 54 glyph variants of Windows' and macOS'
    fonts come out of them, and each syllable is restored."""
    from itertools import product

    from tests.thai_text.pdf_text import ABOVE, BELOW, TONES, pdf_glyphs

    syllables = [base + above + tone for base, above, tone in product("กปฟ", ["", *ABOVE], ["", *TONES])]
    syllables += [base + below for base, below in product("กฎฏญฐ", BELOW)]
    seen = set()
    for syllable, system in product(syllables, ("windows", "mac")):
        pdf, _changed = pdf_glyphs(f"คำว่า{syllable}นี้", system)
        assert fix_typos(pdf) == f"คำว่า{syllable}นี้", (syllable, system)
        seen |= {c for c in pdf if "\ue000" <= c <= "\uf8ff"}
    assert len(seen) == 54, sorted(hex(ord(c)) for c in seen)
