"""The editor's checks and `invoke check` give the same verdicts.

The editor runs the rules in the browser with rule data the build exports from their Python
owners (plugins/web_editor/rule_data.py). Compared here, in Chromium, on every content file and
on a fixture of bad inputs: for each file, the kinds of problem (rule, severity) `invoke check`'s
verdict (content_guard.verdict.judge) reports for the rules the editor runs (title, body, status,
category, date, typo, text-date, featured, phone, and captions missing from the photos of the
release's gallery); every line corrected by the typing-error table as thai_text's `fix_typos`
corrects it; every telephone number judged with the same message; and, on thousands of date
texts, the moment thai_date's `read_date` reads, whether it adds a caution, or that it refuses
the text. Problems only CI reports (captions.txt lines, spelling, links) are left out.
"""

from __future__ import annotations

import datetime as dt
import itertools
import sys
from collections import Counter
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from tests.editor.conftest import log_in, record

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
NOW = dt.datetime(2026, 12, 1, 10, 0, tzinfo=ZoneInfo("Asia/Bangkok"))  # 1 ธันวาคม 2569
EDITOR_RULES = {"title", "body", "status", "category", "date", "typo", "text-date", "featured", "phone"}

@pytest.fixture(scope="module")
def admin(browser, editor):
    """One logged-in editor page for the whole module (the rules run in it, nothing is saved)."""
    context = browser.new_context(locale="th-TH", timezone_id="Asia/Bangkok")
    page = context.new_page()
    page.recorder = record(page, editor.url)
    log_in(page, editor)
    yield page
    assert page.recorder.problems() == []
    context.close()


HEADER = "Title: {title}\nDate: {date}\nCategory: {category}\n"


def article(date="2569-11-20 09:30", category="ข่าวกิจกรรม", title="ข่าวทดสอบ", extra="", body="เนื้อข่าว\n"):
    return HEADER.format(title=title, date=date, category=category) + extra + "\n" + body


BAD_INPUTS = {
    "news/feb-30.md": article(date="2569-02-30 09:30"),
    "news/feb-29.md": article(date="29 กุมภาพันธ์ 2566"),
    "news/day-first.md": article(date="30/01/2569"),
    "news/month-first.md": article(date="03/25/2022"),
    "news/ambiguous.md": article(date="03/04/2022 09.00 น."),
    "news/range.md": article(date="2569-11-20 09.00-12.00 น."),
    "news/bad-range.md": article(date="2569-11-20 12.00-09.00 น."),
    "news/english.md": article(date="March 25, 2022"),
    "news/two-digit-old.md": article(date="25/3/22"),
    "news/two-digit.md": article(date="25 มี.ค. 65"),
    "news/month-13.md": article(date="2569-13-01"),
    "news/weekday.md": article(date="วันจันทร์ที่ 25 มีนาคม พ.ศ. 2565"),
    "news/english-month.md": article(date="25 Marc 2022"),
    "news/hour-25.md": article(date="2565-03-25 25:00"),
    "news/old.md": article(date="1999-01-01"),
    "news/far-future.md": article(date="2600-01-01 09:00"),
    "news/ce-with-thai-month.md": article(date="14 สิงหาคม 2025"),
    "news/era.md": article(date="25 มีนาคม พ.ศ. 2022"),
    "news/offset.md": article(date="2022-03-25T09:00+24:00"),
    "news/thai-digits.md": article(date="๒๕ มีนาคม ๒๕๖๕ เวลา ๐๙.๓๐ น."),
    "news/no-date.md": "Title: ไม่มีวันที่\nCategory: ข่าวกิจกรรม\n\nเนื้อ\n",
    "news/modified-first.md": article(extra="Modified: 2569-11-01 09:00\n"),
    "news/no-category.md": "Title: ไม่มีหมวด\nDate: 2569-11-20 09:30\n\nเนื้อ\n",
    "news/unknown-category.md": article(category="ข่าวด่วน"),
    "news/no-title.md": article(title=""),
    "news/bad-status.md": article(extra="Status: pending\n"),
    "news/draft.md": article(extra="Status: Draft\n"),
    "news/no-body.md": article(body=""),
    "news/typos.md": article(
        title="อบรมเเรงงาน", extra="Summary: กํา ก่ิน ก้้\nLang: th\n",
        body="ย่อหน้าเเรก ที่\u200bนี่\n\n- รายการที่ม\u0e35\u0e35\n",
    ),
    # copied from a PDF: a font's glyph variants (Windows', macOS') and marks after spaces
    "news/pdf-copy.md": article(
        title="ผู\uf70bตรวจแรงงานลงพื\uf70bนที\uf70a", extra="Summary: ป\uf886\uf88a ต\uf88bอ\n",
        body="ลูกจ\uf70bางได\uf70bรับเงินคืน\n\nผู ้ว่าราชการจังหวัดเปิดงาน ท ี ่ ศาลากลาง\n",
    ),
    "news/captions-txt.md": article(extra="Gallery: with-file\n"),
    "news/captions-header.md": article(extra="Gallery: with-header\nCaptions: b.jpg: ภาพบี\n    a.jpg:\n"),
    "news/text-dates.md": article(
        title="ลงพื้นที่วันอังคารที่ 30 พฤศจิกายน 2569",
        extra="Summary: ประชุมวันพฤหัสที่ ๒๖ พ.ย. ๒๕๖๙\n",
        body="เมื่อวันจันทร์ที่ 30 พฤศจิกายน 2569 ลงพื้นที่ และนัดอีกครั้งวันพุธที่ 8 มกราคม พ.ศ. 2570\n\n"
             "```\nวันศุกร์ที่ 31 พฤศจิกายน 2569\n```\n\nวันศุกร์ที่ 31 พฤศจิกายน 2569\n\n"
             "ประชุมสรุปผลวันจันทร์ที่\n13 มกราคม 2570\n",
    ),
    # telephone numbers (thai_text's rule "phone"): a digit short or too many, in each field; the
    # right ones, a count after โทร, a date, and a wrong number inside code are no problem
    "news/phone-title.md": article(title="เปิดสายด่วนใหม่ 0 2232 126"),
    "news/phone-summary.md": article(extra="Summary: สอบถามได้ที่มือถือ ๐๘ ๑๒๓๔ ๕๖๗\n"),
    "news/phone-body.md": article(body="ติดต่อ โทร. 0 2232 12623 หรือสายด่วน 15466\n\n| จังหวัด | โทรศัพท์ |\n|---|---|\n| ตาก | 0 5556 311 |\n"),
    "news/phone-right.md": article(
        title="สายด่วน 1546 กด 5", extra="Summary: โทร +66 2232 1262 หรือ 0-2232-1262-5\n",
        body="โทร. 0 2232 1262 ต่อ 1507 โทร 3 ครั้ง วันที่ 05-02-2569 มือถือ 081 234 5678\n\n"
             "```\nโทร. 0 2232 126\n```\n\n| ตาก | 0 5556 3112 |\n",
    ),
    "news/text-dates-right.md": article(body="เมื่อวันจันทร์ที่ 30 พฤศจิกายน 2569 และวันพฤหัสบดีที่ ๒๖ พ.ย. ๒๕๖๙\n"),
    # ข่าวเด่น (site_meta's rule "featured"): not a date, ending before the release, on a page;
    # a pin with a time, and one until the release's own day, are right
    "news/featured-words.md": article(extra="Featured_until: สิ้นเดือนนี้\n"),
    "news/featured-before.md": article(extra="Featured_until: 2569-11-19\n"),
    "news/featured-same-day.md": article(date="2569-11-20 16:30", extra="Featured_until: 20 พ.ย. 2569\n"),
    "news/featured-time.md": article(extra="Featured_until: 2569-11-20 17.00 น.\n"),
    "news/featured-ce.md": article(extra="Featured_until: 2026-12-31\n"),
    "pages/featured-page.md": "Title: หน้าเด่น\nFeatured_until: 2570-01-31\n\nเนื้อหา\n",
    "pages/page.md": "Title: หน้า\n\nเนื้อหา เเละ\n",
    "pages/page-no-title.md": "Title:\n\nเนื้อหา\n",
}
GALLERIES = {
    "with-file": {"captions.txt": "a.jpg: ภาพเอ\n", "files": ["a.jpg", "b.jpg"]},
    "with-header": {"captions.txt": "a.jpg: ภาพเอจากไฟล์\n", "files": ["a.jpg", "b.jpg", "c.jpg"]},
}


def write_fixture(content: Path) -> None:
    from PIL import Image

    for rel, text in BAD_INPUTS.items():
        (content / rel).parent.mkdir(parents=True, exist_ok=True)
        (content / rel).write_text(text, encoding="utf-8")
    for name, spec in GALLERIES.items():
        folder = content / "galleries" / name
        folder.mkdir(parents=True)
        (folder / "captions.txt").write_text(spec["captions.txt"], encoding="utf-8")
        for photo in spec["files"]:
            Image.new("RGB", (8, 6), (200, 30, 30)).save(folder / photo, "JPEG")


def python_verdicts(content: Path) -> dict[str, set[tuple[str, str]]]:
    """{file: {(rule, severity)}} from `invoke check`'s verdict, for the rules the editor runs."""
    from content_guard.verdict import judge
    from photo_gallery.sources import PHOTO_EXTENSIONS
    from tools.check import load_settings

    settings = {**load_settings(ROOT / "pelicanconf.py"), "PATH": str(content), "THAI_TEXT_SPELLING": False}
    verdict = judge(settings, now=NOW)
    sources = [s for s in verdict.site.sources if s.refused is None]
    found: dict[str, set] = {s.name: set() for s in sources}
    for problem in verdict.problems:
        if problem.rule in EDITOR_RULES:
            found.setdefault(problem.file, set()).add((problem.rule, problem.severity))
        elif problem.rule == "captions" and Path(problem.file).suffix.lower() in PHOTO_EXTENSIONS:
            gallery = Path(problem.file).parent.name  # a photo without a caption: its releases'
            for source in sources:
                if source.value("gallery").strip("/") == gallery:
                    found[source.name].add(("captions", problem.severity))
    return found


def manifest(content: Path) -> dict:
    """What site-data.json says of each gallery folder (site_data.galleries), for the fixture."""
    from photo_gallery.sources import scan_gallery

    root = content / "galleries"
    return {
        folder.name: [{"file": p.name, "caption": p.caption} for p in scan_gallery(folder, folder.name).photos]
        for folder in sorted(root.iterdir()) if folder.is_dir()
    } if root.is_dir() else {}


def browser_verdicts(page, content: Path, root: Path) -> dict[str, list[tuple[str, str]]]:
    files = {
        path.relative_to(root).as_posix(): [path.read_text(encoding="utf-8"), "page" if "/pages/" in path.as_posix() else "article"]
        for path in sorted(content.rglob("*.md"))
    }
    found = page.evaluate(
        """([files, galleries, now]) => {
          const { checks, site } = window.ZeroCorruptionEditor;
          const out = {};
          for (const [path, [text, kind]] of Object.entries(files)) {
            out[path] = checks.checkFile(text, kind, { rules: site.rules, galleries, now })
              .map(p => [p.rule, p.level]);
          }
          return out;
        }""",
        [files, manifest(content), NOW.timestamp() * 1000],
    )
    return {rel: {tuple(item) for item in items} for rel, items in found.items()}


def test_every_content_file_gets_the_same_verdicts(admin):
    expected = python_verdicts(ROOT / "content")
    found = browser_verdicts(admin, ROOT / "content", ROOT)
    assert len(found) >= 22
    assert found == expected


def test_a_fixture_of_bad_inputs_gets_the_same_verdicts(admin, tmp_path):
    content = tmp_path / "content"
    write_fixture(content)
    expected = python_verdicts(content)
    found = browser_verdicts(admin, content, tmp_path)
    assert found == expected
    # The fixture is bad where it should be: every rule the editor runs finds something.
    rules = Counter(rule for items in found.values() for rule, _level in items)
    assert set(rules) == EDITOR_RULES | {"captions"}, rules
    assert rules["date"] >= 15 and rules["typo"] >= 2
    assert sorted(name for name, items in found.items() if ("featured", "warning") in items) == [
        "content/news/featured-before.md", "content/news/featured-words.md", "content/pages/featured-page.md"]
    assert ("date", "warning") in found["content/news/ambiguous.md"]  # read day first, with a caution
    # weekdays in the text: the same mistakes, one by one (title; 8 มกราคม 2570 is a Friday; 31
    # พฤศจิกายน does not exist; not inside code; a weekday ending a line, its date on the next),
    # none where the weekdays are right
    from content_guard.verdict import judge
    from tools.check import load_settings

    settings = {**load_settings(ROOT / "pelicanconf.py"), "PATH": str(content), "THAI_TEXT_SPELLING": False}
    lines = sorted(p.line for p in judge(settings, now=NOW).problems
                   if p.rule == "text-date" and p.file == "content/news/text-dates.md")
    in_browser = admin.evaluate(
        """(text) => window.ZeroCorruptionEditor.checks.checkFile(text, 'article',
             { rules: window.ZeroCorruptionEditor.site.rules, galleries: {}, now: 0 })
             .filter(p => p.rule === 'text-date').map(p => p.field)""",
        BAD_INPUTS["news/text-dates.md"])
    assert lines == [1, 6, 12, 14] and sorted(in_browser) == ["body", "body", "body", "title"], (lines, in_browser)
    assert "content/news/text-dates-right.md" in expected and not expected["content/news/text-dates-right.md"]


def test_typing_errors_are_corrected_alike(admin):
    from thai_text.typos import fix_typos

    import random

    from tests.thai_text.pdf_text import loose_marks, pdf_glyphs

    written = {line for path in (ROOT / "content").rglob("*.md") for line in path.read_text("utf-8").split("\n")}
    rng = random.Random(3)
    # every line also as a PDF made with a Windows or a macOS font gives it when copied
    copied = {loose_marks(pdf_glyphs(line, rng.choice(["windows", "mac"]))[0], rng, 0.2)[0] for line in written}
    lines = sorted(written | copied
                   | {line for text in BAD_INPUTS.values() for line in text.split("\n")}
                   | {"เเรงงาน กํา ก่ิน ก้้ ที\u200bนี่ น้ำ่ ปั้ั เเเ"})
    found = admin.evaluate(
        "lines => lines.map(line => window.ZeroCorruptionEditor.checks.fixTypos(line, window.ZeroCorruptionEditor.site.rules))",
        lines,
    )
    assert len(lines) > 300 and sum(fix_typos(line) != line for line in lines) >= 500
    assert found == [fix_typos(line) for line in lines]


def test_telephone_numbers_are_judged_alike(admin):
    """Every line of the content, the cases of tests/thai_text/test_phones.py, and each number of
    the content and of those cases with a digit dropped, added, in Thai digits or after โทร., and
    hotline numbers right and wrong: the editor gives the very messages of the rule "phone", in
    the same order."""
    import random

    from thai_text.phones import MESSAGES, find_phone_numbers, wrong_numbers

    from tests.thai_text.test_phones import NUMBERS, RIGHT, WRONG

    written = [line for path in sorted((ROOT / "content").rglob("*.md")) for line in path.read_text("utf-8").split("\n")]
    numbers = sorted({line[a:b] for line in written for a, b in find_phone_numbers(line)} | set(NUMBERS))
    rng = random.Random(5)
    varied = []
    for number in numbers:
        at = rng.randrange(1, len(number))
        for text in (number[:at] + number[at + 1:], number[:at] + "7" + number[at:], number.translate(str.maketrans("0123456789", "๐๑๒๓๔๕๖๗๘๙"))):
            varied += [text, f"โทร. {text}"]
    varied += [f"{word} {hotline}" for word in ("สายด่วน", "โทร") for hotline in (
        "1546", "15466", "154", "1546 กด 5", "15460 กด 5", "1800 123 456", "1800 123 4567", "191", "๑๕๔๖๖")]
    lines = [line for line in written + [*WRONG, *RIGHT] + varied if not line.startswith(("```", "~~~"))]
    expected = [MESSAGES[kind][0].format(number=number, digits=digits)
                for line in lines for number, kind, digits in wrong_numbers(line)]
    found = admin.evaluate(
        r"""lines => window.ZeroCorruptionEditor.checks.checkFile(
             `Title: ข่าว\nDate: 2569-11-20 09:30\nCategory: ข่าวกิจกรรม\n\n${lines.join('\n\n')}\n`, 'article',
             { rules: window.ZeroCorruptionEditor.site.rules, galleries: {}, now: 0 })
           .filter(p => p.rule === 'phone').map(p => p.message)""",
        lines,
    )
    assert len(numbers) >= 15 and len(expected) >= 40, (len(numbers), len(expected))
    assert found == expected


def date_texts() -> list[str]:
    """Thousands of date texts: every form thai_date reads, and the ways authors get them wrong."""
    from thai_date.formats import MONTHS, MONTHS_SHORT, WEEKDAYS

    texts = []
    years = ["2565", "2022", "65", "2469", "1899", "2701", "พ.ศ. 2565", "ค.ศ. 2022", "พ.ศ. 2022", "๒๕๖๕"]
    days = ["1", "01", "28", "29", "30", "31", "0", "32", "๒๙"]
    times = ["", " 09:30", " 9.05 น.", " เวลา 23.59 น.", " 24:00", " 12:60", ", 08:00:30"]
    for day, month, year, time in itertools.product(days, [*MONTHS[1:3], *MONTHS_SHORT[1:3], "กุมภา", "กพ.", "มีนาคม", "ฟีบรวม"], years, times[:4]):
        texts.append(f"{day} {month} {year}{time}")
    for year, month, day, time in itertools.product(["2565", "2566", "2567", "2024", "2100", "65"], ["02", "2", "13", "00"], ["28", "29", "30", "1"], times):
        texts.append(f"{year}-{month}-{day}{time}")
    texts += [f"วัน{w}ที่ 25 มีนาคม พ.ศ. 2565" for w in [*WEEKDAYS, "ศุก"]]
    for day, month, year, sep, time in itertools.product(["1", "03", "12", "13", "25", "31", "32"], ["1", "04", "12", "13"],
                                                          ["2565", "2022", "65", "22", "2469"], ["/", "-", "."],
                                                          ["", " 09.00 น.", " 09.00-12.00 น.", " 12.00-09.00 น."]):
        texts.append(f"{day}{sep}{month}{sep}{year}{time}")
    for month, day, year in itertools.product(["March", "Mar", "mar.", "Sept", "Marc", "June"], ["1", "25st", "31"], ["2022", "2565"]):
        texts.append(f"{month} {day}, {year}")
        texts.append(f"{day.rstrip('st')} {month} {year} 10:15")
    texts += ["2022-03-25T09:00+07:00", "2022-03-25T09:00Z", "2022-03-25 09:00 -0530", "2022-03-25T09:00+2400",
              "2022/03/25 09:00", "2022/03-25", "2569-11-20 09:00 - 12:00", "2569-11-20 09:00-12:00 น.",
              "30/01/2569", "1/2/2565 09:00", "", "   ", "พรุ่งนี้", "25 มีนาคม", "2565-03-25 09:00:61",
              "25 มี.ค. พ.ศ. 22", "25 มี.ค. ค.ศ. 22", "45-03-25"]
    return texts


def test_dates_are_read_alike(admin):
    from thai_date.parsing import DateProblem, read_date

    texts = date_texts()
    expected = []
    for text in texts:
        try:
            moment, caution = read_date(text)
        except DateProblem:
            expected.append(None)
            continue
        offset = None if moment.tzinfo is None else int(moment.utcoffset().total_seconds() // 60)
        expected.append([moment.year, moment.month, moment.day, moment.hour, moment.minute, moment.second, offset,
                         caution is not None])
    found = admin.evaluate(
        """texts => texts.map(text => {
          const { dates, site } = window.ZeroCorruptionEditor;
          try {
            const { moment: m, caution } = dates.readDate(text, site.rules.dates);
            return [m.year, m.month, m.day, m.hour, m.minute, m.second, m.offset, caution !== null];
          } catch (error) {
            if (!(error instanceof dates.DateProblem)) throw error;
            return null;
          }
        })""",
        texts,
    )
    assert len(texts) > 2000
    assert sum(e is None for e in expected) > 200 and sum(e is not None for e in expected) > 200
    mismatches = [(t, e, f) for t, e, f in zip(texts, expected, found) if e != f]
    assert mismatches == []


def test_dates_are_shown_as_the_site_shows_them(admin):
    from thai_date.formats import FORMATS, thai_date

    moments = [dt.datetime(2000, 1, 1) + dt.timedelta(days=d * 37, minutes=d * 71) for d in range(400)]
    expected = [[thai_date(m, name) for name in FORMATS] for m in moments]
    found = admin.evaluate(
        """([moments, names]) => moments.map(([y, mo, d, h, mi]) => names.map(name =>
             window.ZeroCorruptionEditor.dates.thaiDate(
               { year: y, month: mo, day: d, hour: h, minute: mi, second: 0, offset: null },
               name, window.ZeroCorruptionEditor.site.rules.dates)))""",
        [[[m.year, m.month, m.day, m.hour, m.minute] for m in moments], list(FORMATS)],
    )
    assert found == expected
