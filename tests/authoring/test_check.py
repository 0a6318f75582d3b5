"""The content check (tools/check.py and the plugins' rules): one small fixture per rule, asserting
file, line and severity; the output for authors and for GitHub; exit codes."""

from __future__ import annotations

import datetime as dt
import io
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from PIL import Image

from tools import check

from thai_date.formats import DEFAULT_TIMEZONE  # noqa: E402  (plugins/ is on sys.path now)

NOW = dt.datetime(2026, 11, 22, 10, 0, tzinfo=ZoneInfo(DEFAULT_TIMEZONE))

GOOD = """\
Title: ศูนย์ฯ จัดอบรมเจ้าหน้าที่เรื่องผลประโยชน์ทับซ้อน
Date: 2569-03-25 09:00
Category: ข่าวกิจกรรม
Tags: ฝึกอบรม, ป.ป.ช.
Slug: good-news
Author: กลุ่มงานประชาสัมพันธ์

เจ้าหน้าที่กระทรวงแรงงานเข้าร่วมการอบรมเรื่องการป้องกันการทุจริต
อ่านข่าวก่อนหน้าได้ที่ [ข่าวเดิม]({filename}older-news.md) และหน้า [เกี่ยวกับเรา](/about/)
"""

OLDER = """\
Title: ประกาศนโยบายไม่รับของขวัญ
Date: 25 ธันวาคม 2566
Category: ประกาศ
Tags: ของขวัญ
Slug: older-news

กระทรวงแรงงานขอความร่วมมืองดให้ของขวัญทุกชนิด
"""

ABOUT = """\
Title: เกี่ยวกับศูนย์ฯ
Slug: about

ข้อมูลตัวอย่าง
"""


@pytest.fixture(scope="module")
def settings():
    return check.load_settings()


@pytest.fixture
def site(tmp_path, settings):
    """Write a content folder (good files plus `files`) and return a function that checks it."""
    content = tmp_path / "content"

    def write(files: dict | None = None, **overrides):
        base = {"news/good-news.md": GOOD, "news/older-news.md": OLDER, "pages/about.md": ABOUT}
        base.update(files or {})
        for rel, data in base.items():
            if data is None:
                continue
            path = content / rel
            path.parent.mkdir(parents=True, exist_ok=True)
            if isinstance(data, bytes):
                path.write_bytes(data)
            else:
                path.write_text(data, encoding="utf-8")
        merged = {**settings, "PATH": str(content), **overrides}
        return check.check_content(content, merged, now=NOW)

    return write


def news(body: str = "เนื้อข่าว", **meta) -> str:
    fields = {
        "Title": "ข่าวทดสอบ",
        "Date": "2569-01-10 10:00",
        "Category": "ข่าวประชาสัมพันธ์",
        "Slug": "test-news",
    }
    fields.update(meta)
    head = "".join(f"{k}: {v}\n" for k, v in fields.items() if v is not None)
    return f"{head}\n{body}\n"


def only(problems, rule):
    return [p for p in problems if p.rule == rule]


def where(problems):
    return [(p.file, p.line, p.severity) for p in problems]


def test_good_content_has_no_problem(site):
    assert site() == []


def test_invalid_date_is_an_error_with_file_and_line(site):
    problems = site({"news/bad-date.md": news(Date="2565-02-30", Slug="bad-date")})
    found = only(problems, "date")
    assert where(found) == [("content/news/bad-date.md", 2, "error")]
    assert "2565-02-30" in found[0].text()


def test_unreadable_date_and_missing_date(site):
    problems = site({
        "news/words.md": news(Date="เมื่อวานนี้", Slug="words"),
        "news/no-date.md": news(Date=None, Slug="no-date"),
    })
    assert ("content/news/words.md", 2, "error") in where(only(problems, "date"))
    assert ("content/news/no-date.md", 1, "error") in where(only(problems, "date"))


@pytest.mark.parametrize(
    "value, fragment",
    [
        ("1999-05-01", "1999"),  # too old
        ("2571-01-01 09:00", "2571"),  # more than a year ahead
        ("25 มีนาคม 2024", "2567"),  # Thai month with a C.E. year: suggests B.E.
    ],
)
def test_suspicious_dates_are_warnings(site, value, fragment):
    problems = site({"news/odd.md": news(Date=value, Slug="odd")})
    found = only(problems, "date")
    assert where(found) == [("content/news/odd.md", 2, "warning")]
    assert fragment in found[0].text()


def test_modified_before_date_is_a_warning(site):
    problems = site({"news/mod.md": news(Date="2569-03-01", Modified="2569-02-01", Slug="mod")})
    assert where(only(problems, "date")) == [("content/news/mod.md", 5, "warning")]


def test_missing_title(site):
    problems = site({"news/untitled.md": news(Title=None, Slug="untitled")})
    assert where(only(problems, "title")) == [("content/news/untitled.md", 1, "error")]


def test_missing_category(site):
    problems = site({"news/nocat.md": news(Category=None, Slug="nocat")})
    found = only(problems, "category")
    assert where(found) == [("content/news/nocat.md", 1, "error")]
    assert "ข่าวกิจกรรม" in found[0].text()  # says which categories exist


def test_unknown_category_lists_the_allowed_ones(site, settings):
    problems = site({"news/cat.md": news(Category="ข่าวทั่วไป", Slug="cat")})
    found = only(problems, "category")
    assert where(found) == [("content/news/cat.md", 3, "error")]
    for allowed in settings["CATEGORIES"]:
        assert allowed in found[0].text()


def test_duplicate_slugs(site):
    problems = site({"news/again.md": news(Slug="good-news")})
    found = only(problems, "slug")
    assert where(found) == [("content/news/good-news.md", 5, "error")] or where(found) == [
        ("content/news/again.md", 4, "error")
    ]
    assert "good-news" in found[0].text()


def test_gallery_folder_that_does_not_exist(site):
    problems = site({"news/gal.md": news(Slug="gal", Gallery="no-such-gallery")})
    found = only(problems, "gallery")
    assert where(found) == [("content/news/gal.md", 5, "error")]
    assert "content/galleries/no-such-gallery/" in found[0].text()


def _jpeg(size=(64, 48)) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", size, (200, 120, 40)).save(out, "JPEG")
    return out.getvalue()


def test_cover_that_does_not_exist(site):
    problems = site({
        "galleries/trip/p01.jpg": _jpeg(),
        "galleries/trip/captions.txt": "p01.jpg: ภาพกิจกรรม\n",
        "news/cover.md": news(Slug="cover", Gallery="trip", Cover="p09.jpg"),
        "news/cover-ok.md": news(Slug="cover-ok", Gallery="trip", Cover="P01.JPG"),
    })
    # The build uses the first photo instead: a warning, as in the build.
    assert where(only(problems, "cover")) == [("content/news/cover.md", 6, "warning")]
    assert "p01.jpg" in only(problems, "cover")[0].text()
    assert only(problems, "gallery") == []


def test_cover_without_a_gallery_warns_as_the_build_does(site):
    problems = site({
        "images/photo.jpg": _jpeg(),
        "news/cover.md": news(Slug="cover", Cover="images/photo.jpg"),
    })
    assert where(only(problems, "cover")) == [("content/news/cover.md", 5, "warning")]
    assert "Gallery:" in only(problems, "cover")[0].text()


def test_photos_without_captions(site):
    problems = site({
        "galleries/trip/p01.jpg": _jpeg(),
        "galleries/trip/p02.jpg": _jpeg(),
        "galleries/trip/captions.txt": "p01.jpg: ภาพกิจกรรม\n",
    })
    found = only(problems, "captions")
    assert where(found) == [("content/galleries/trip/p02.jpg", None, "warning")]
    assert "captions.txt" in found[0].text()


def test_oversize_photos(site):
    problems = site(
        {
            "galleries/big/p01.jpg": _jpeg((1200, 1000)),  # 1.2 megapixels
            "galleries/big/captions.txt": "p01.jpg: ภาพใหญ่\n",
        },
        GALLERY_WARN_MEGAPIXELS=1,
    )
    found = only(problems, "photo-size")
    assert where(found) == [("content/galleries/big/p01.jpg", None, "warning")]
    heavy = site({}, GALLERY_WARN_MB=0.0001)
    assert where(only(heavy, "photo-size")) == [("content/galleries/big/p01.jpg", None, "warning")]


def test_old_setting_names_are_read_with_a_warning(site, caplog):
    with caplog.at_level("WARNING"):
        problems = site({
            "galleries/big/p01.jpg": _jpeg((1200, 1000)),
            "galleries/big/captions.txt": "p01.jpg: ภาพใหญ่\n",
        }, CHECK_MAX_PHOTO_MEGAPIXELS=1)
    assert where(only(problems, "photo-size")) == [("content/galleries/big/p01.jpg", None, "warning")]
    assert "CHECK_MAX_PHOTO_MEGAPIXELS" in caplog.text and "GALLERY_WARN_MEGAPIXELS" in caplog.text


def _gps_jpeg() -> bytes:
    exif = Image.Exif()
    exif[0x010F] = "SamplePhone"
    exif[0x8825] = {1: "N", 2: (13.0, 45.0, 51.3), 3: "E", 4: (100.0, 33.0, 55.8)}
    out = io.BytesIO()
    Image.new("RGB", (64, 48), (90, 120, 40)).save(out, "JPEG", exif=exif)
    return out.getvalue()


def test_photos_with_a_location_are_refused(site):
    problems = site({
        "galleries/trip/p01.jpg": _gps_jpeg(),
        "galleries/trip/captions.txt": "p01.jpg: ภาพกิจกรรม\n",
        "images/banner.jpg": _gps_jpeg(),
        "images/clean.jpg": _jpeg(),
    })
    found = only(problems, "photo-metadata")
    assert where(found) == [
        ("content/galleries/trip/p01.jpg", None, "error"),
        ("content/images/banner.jpg", None, "error"),
    ]
    assert "GPS" in found[0].text()


def test_thai_typing_errors(site):
    body = "ย่อหน้าแรก\n\nกระทรวงเเรงงาน จัดงาน\nเจ้าหน้าที่่ทุกคน\n"
    problems = site({"news/typo.md": news(body, Slug="typo")})
    found = only(problems, "typo")
    assert where(found) == [
        ("content/news/typo.md", 8, "warning"),
        ("content/news/typo.md", 9, "warning"),
    ]
    assert "แรงงาน" in found[0].text()
    assert "ที่" in found[1].text()


def test_unknown_words_are_warnings_with_a_suggestion(site):
    problems = site({"news/spell.md": news("การทุจจริตในหน่วยงานต้องแจ้งทันที", Slug="spell")})
    found = only(problems, "spelling")
    assert where(found) == [("content/news/spell.md", 6, "warning")]
    assert "ทุจจริต" in found[0].text() and "ทุจริต" in found[0].text()


def test_one_message_per_mistake_and_names_typed_with_a_slip(site):
    # issue 13, section 4: two เเ on one line name their own words, once each, and are not
    # unknown words as well; names one slip away are named with their right spelling; short
    # unknown words (names, transliterations) get no suggestion that would change them
    body = ("ย่อหน้าแรก\n\nเจ้าหน้าที่เเละประชาชนร่วมกันเเจ้งเบาะแส\n"
            "ศูนย์ปฏิบัติการต่อต้านการทุจริด กระทรวงแรงานง ร่วมงานที่โรงแรมสโซ่ เด้น\n")
    dictionary = (Path(__file__).resolve().parents[2] / "content" / "dictionary.txt").read_text("utf-8")
    problems = site({"news/slips.md": news(body, Slug="slips"), "dictionary.txt": dictionary})
    typos = only(problems, "typo")
    assert sorted((p.line, p.thai.split(" ใน ")[1], p.fix) for p in typos) == sorted([
        (8, '"เเละ"', 'พิมพ์ใหม่เป็น "และ"'), (8, '"เเจ้ง"', 'พิมพ์ใหม่เป็น "แจ้ง"')])
    spelling = only(problems, "spelling")
    assert all(p.line == 9 for p in spelling)  # nothing more about the line with the typos
    near = [p for p in spelling if "คล้ายชื่อ" in p.thai]
    assert sorted(p.fix for p in near) == sorted(['แก้เป็น "ศูนย์ปฏิบัติการต่อต้านการทุจริต"',
                                                  'แก้เป็น "กระทรวงแรงงาน"'])
    assert not [p for p in spelling if "ทุจริ" in p.thai and p not in near]
    for damaging in ('"โซ่"', '"เดิน"'):
        assert not [p for p in spelling if damaging in p.thai]


def test_peoples_names_are_not_unknown_words(site):
    # Names written with a title are names: no dictionary knows สุนันทา or a Khmer or Burmese name
    # in Thai letters, and a warning would hold the release back until a developer added each
    # one to the site dictionary (found writing releases no test had seen). A misspelt word on
    # the same line, a name typed without its title and a word after a surname are still read.
    # A foreigner's surname of two pieces (ซานโตส-เรเยส), named again straight before a verb,
    # was read as "สเห็น" (found in a release about an ILO workshop).
    names = ["ดร.สุนันทา ภู่ระหงษ์ทองคำ", "นายสก ปิซัย", "นางขิ่น มาร์ลาร์", "พ.ต.อ.ธีรศักดิ์ ปิ่นแก้ววรรณ์",
             "นางสาวจิราภรณ์ ฮวดหลี", "ว่าที่ร้อยตรีหญิงพรรณนิภา ทองเฟื่อง", "ดร.มาเรีย ซานโตส-เรเยส"]
    body = "ย่อหน้าแรก\n\n" + "\n".join(f"{name} ร่วมประชุม" for name in names) + \
        "\nดร.สุนันทา ภู่ระหงษ์ทองคำ แจ้งการทุจจริต\nคณะทำงานวรรณวิไลพัฒน์ลงพื้นที่\nทีมสุนันทาลงพื้นที่\n" \
        "ขณะที่ดร.ซานโตส-เรเยสเห็นว่าการติดประกาศเป็นภาษาของแรงงานทำได้ทันที\n"
    found = only(site({"news/names.md": news(body, Slug="names")}), "spelling")
    words = sorted(p.english.split('"')[1] for p in found)
    assert words == ["ทุจจริต", "พัฒน์", "สุนันทา"], [p.text() for p in found]


def test_an_unknown_piece_of_a_longer_word_is_named_with_the_letters_written_against_it(site):
    # The segmenter reports a piece the writer never typed apart: ด่านลาวบาว (a border crossing)
    # is read ลาว|บาว, and a message about "บาว" alone, with its suggestion บ่าว, sent the writer
    # looking for a word that is not there, or to misspell the name (found in a trial release).
    # A word with spaces on both sides is named alone.
    body = "ย่อหน้าแรก\n\nเจ้าหน้าที่ใช้ระบบไม่ใช้เงินสดที่ด่านลาวบาว\nแจ้ง ทุจจริต ได้\n"
    found = only(site({"news/context.md": news(body, Slug="context")}), "spelling")
    by_word = {p.english.split('"')[1]: p for p in found}
    assert sorted(by_word) == ["ทุจจริต", "บาว"], [p.text() for p in found]
    assert by_word["บาว"].english.startswith('unknown word "บาว" in "…ที่ด่านลาวบาว"')
    assert by_word["บาว"].thai.startswith('ไม่รู้จักคำว่า "บาว" ใน "…ที่ด่านลาวบาว"')
    assert by_word["บาว"].line == 8
    assert " in " not in by_word["ทุจจริต"].english and " ใน " not in by_word["ทุจจริต"].thai


def test_common_misspellings_made_of_dictionary_words(site):
    body = "ย่อหน้าแรก\n\nขออนุญาติเผยแพร่ตามกฏหมาย\nปรากฏว่าได้รับอนุญาตแล้ว\n"
    problems = site({"news/common.md": news(body, Slug="common")})
    found = only(problems, "spelling")
    assert where(found) == [("content/news/common.md", 8, "warning")] * 2
    assert {"อนุญาต", "กฎหมาย"} <= {m for p in found for m in ("อนุญาต", "กฎหมาย") if f'"{m}"' in p.text()}


def test_site_dictionary_words_are_not_reported(site):
    text = "คณะทำงานวรรณวิไลพัฒน์ลงพื้นที่"
    assert only(site({"news/name.md": news(text, Slug="name")}), "spelling")
    problems = site({"dictionary.txt": "วรรณวิไลพัฒน์\n"})
    assert only(problems, "spelling") == []


def test_broken_internal_links(site):
    body = (
        "ย่อหน้าแรก\n\n"
        "[ข่าวที่หายไป]({filename}missing.md)\n"
        "[หน้าที่ไม่มี](/no-such-page/)\n"
        "[ข่าวเดิม]({filename}older-news.md) [หน้าหลัก](/) [คลังข่าว](/archives/)\n"
        "[ไฟล์ต้นฉบับ](older-news.md)\n"
    )
    problems = site({"news/links.md": news(body, Slug="links")})
    found = only(problems, "link")
    assert where(found) == [
        ("content/news/links.md", 8, "error"),
        ("content/news/links.md", 9, "error"),
        ("content/news/links.md", 11, "error"),
    ]
    assert "missing.md" in found[0].text()


def test_a_link_to_no_page_names_the_nearest_page_that_is_there(site):
    # A trial notice linked to "/pages/report/" (the folder of the source, content/pages/): the page
    # is published at /report/. The error names the page meant where one is close enough.
    body = ("ย่อหน้าแรก\n\n[เกี่ยวกับเรา](/pages/about/) [ข่าวเดิม](/news/older-newz/)\n"
            "[หน้าที่ไม่มี](/no-such-page/)\n")
    found = only(site({"news/links.md": news(body, Slug="links")}), "link")
    assert where(found) == [("content/news/links.md", 8, "error")] * 2 + [("content/news/links.md", 9, "error")]
    about, older, nothing = (next(p for p in found if target in p.thai)
                             for target in ("/pages/about/", "/news/older-newz/", "/no-such-page/"))
    assert '"/about/"' in about.thai and "write /about/" in about.fix_english
    assert '"/news/older-news/"' in older.english and "/news/older-news/" in older.fix
    assert "nearest" not in nothing.english and "{filename}" in nothing.fix_english


def test_tags_separated_by_semicolons_and_commas_are_named(site):
    # Pelican splits Tags: at ";" alone when there is one: "ต้านโกง;ITA, ความโปร่งใส" would be
    # the tags ต้านโกง and "ITA, ความโปร่งใส".
    mixed = site({"news/tags.md": news(Slug="tags", Tags="ต้านโกง;ITA, ความโปร่งใส")})
    (found,) = only(mixed, "tags")
    assert where([found]) == [("content/news/tags.md", found.line, "warning")] and found.line
    assert "ITA, ความโปร่งใส" in found.thai and "commas only" in found.fix_english
    assert only(site({"news/tags.md": news(Slug="tags", Tags="ต้านโกง, ITA")}), "tags") == []
    assert only(site({"news/tags.md": news(Slug="tags", Tags="ต้านโกง; ITA")}), "tags") == []


def test_html_in_a_title_is_named(site):
    # A title is text: <b> would show as typed; "<" before a number or Thai is no tag.
    found = only(site({"news/t.md": news(Slug="t", Title="<b>ประกาศ</b> ผลการคัดเลือก")}), "title")
    assert where(found) == [("content/news/t.md", 1, "warning")] and "<b>" in found[0].thai
    assert only(site({"news/t.md": news(Slug="t", Title="ค่าจ้าง < 300 บาท และ <ร่าง>")}), "title") == []


def test_a_footnote_is_no_link(site):
    # Markdown's "extra" (Pelican's default) makes [^1]: ... a footnote; a reference link
    # definition on the next line is still checked.
    body = "ย่อหน้าแรก\n\nตามรายงาน[^1] และ[คู่มือ][k]\n\n[^1]: รายงานประจำปี 2567 หน้า 12\n[k]: /no-such-guide/\n"
    found = only(site({"news/notes.md": news(body, Slug="notes")}), "link")
    assert where(found) == [("content/news/notes.md", 11, "error")]
    assert "no-such-guide" in found[0].english


def test_a_missing_photo_gets_a_photos_fix(site):
    # A photo in the text that is not there: the fix says where photos go (the web editor's photos
    # field, or content/images/ with {static}), not how to link to a post; a link keeps its own.
    body = (
        "ย่อหน้าแรก\n\n"
        "![ภาพบรรยากาศการประชุม](IMG_2041.jpg)\n"
        '<img src="{static}/images/banner.JPG" alt="ป้ายงาน">\n'
        "[ข่าวที่หายไป](/no-such-page/)\n"
    )
    found = only(site({"news/photo.md": news(body, Slug="photo")}), "link")
    assert where(found) == [("content/news/photo.md", line, "error") for line in (8, 9, 10)]
    photo, static, link = found
    assert "ไม่พบภาพ" in photo.thai and "image" in photo.english
    assert "ภาพกิจกรรม" in photo.fix and "{static}/images/" in photo.fix_english
    assert "content/images/banner.JPG" in static.thai and ".JPG" in static.fix_english
    assert "ภาพ" not in link.thai and "{filename}" in link.fix_english
    found = only(site({"news/doc.md": news("[ประกาศ]({static}/extra/notice-2568.PDF)", Slug="doc")}), "link")
    pdf = [p for p in found if p.file == "content/news/doc.md"]  # (a document: not a photo, not a post)
    assert len(pdf) == 1 and "content/extra/notice-2568.PDF" in pdf[0].thai
    assert "content/extra/" in pdf[0].fix and ".md" not in pdf[0].fix_english


def test_a_missing_document_gets_the_attachments_fix(site):
    # A trial's minutes linked to "/documents/...pdf", a file nobody had uploaded: the fix is to
    # attach it (the release then links to it itself), not to link to a post.
    body = "ย่อหน้าแรก\n\n[รายงานการประชุม (PDF)](/documents/minutes-4-2569.pdf) และ [ตาราง](../files/t.XLSX?dl=1)\n"
    found = only(site({"news/minutes.md": news(body, Slug="minutes")}), "link")
    assert where(found) == [("content/news/minutes.md", 8, "error")] * 2
    for problem in found:
        assert "เอกสาร" in problem.thai and "document" in problem.english
        assert "เอกสารแนบ" in problem.fix and "Attachments:" in problem.fix_english
        assert "{filename}" not in problem.fix_english


def test_a_past_event_after_the_release_date_is_named(site):
    # A trial's minutes, dated 7 December, told of the meeting "เมื่อวันพุธที่ 9 ธันวาคม 2569": the
    # date is a slip, or the release kept the day its draft was started.
    body = ("ย่อหน้าแรก\n\nเมื่อวันพุธที่ 9 ธันวาคม 2569 เวลา 13.30 น. ที่ประชุมมีมติ\n"
            "เมื่อวันที่ 7 ธ.ค. 2569 และเมื่อวันที่ 1 ธันวาคม 2569\n"
            "กฎหมายจะมีผลใช้บังคับเมื่อวันที่ 1 มกราคม 2570\n")
    found = only(site({"news/minutes.md": news(body, Slug="minutes", Date="2569-12-07 16:00")}), "event-date")
    assert where(found) == [("content/news/minutes.md", 8, "warning")]
    assert "9 ธันวาคม 2569" in found[0].thai and "7 ธันวาคม 2569" in found[0].thai
    assert "2026-12-09" in found[0].english and "Date:" in found[0].fix
    assert only(site({"news/minutes.md": news(body, Slug="minutes", Date="2569-12-10 09:00")}), "event-date") == []


def test_a_level_one_heading_in_the_text_gets_the_level_two_fix(site):
    # The page's title is its one <h1>: "# ", a === underline or <h1> in the text is another;
    # "## ", hashtags (no space after #) and code blocks are not reported.
    body = (
        "ย่อหน้าแรก\n\n"
        "# ผลการดำเนินงาน\n\n"
        "สรุปผลการประชุม\n===\n\n"
        "<h1>ภาคผนวก</h1>\n\n"
        "## หัวข้อย่อย\n\n"
        "#ดวงตาแรงงาน #ศปทแรงงาน ใช้แท็ก `<h1>` กับชื่อหน้าเท่านั้น\n\n"
        "```\n# ไม่ใช่หัวข้อ\n```\n"
    )
    found = only(site({"news/heads.md": news(body, Slug="heads")}), "heading")
    assert where(found) == [("content/news/heads.md", line, "warning") for line in (8, 11, 13)]
    assert "# ผลการดำเนินงาน" in found[0].thai and '"##"' in found[0].fix_english
    assert "หัวข้อ 2" in found[0].fix and "สรุปผลการประชุม" in found[1].thai and "<h2>" in found[2].fix


def test_category_placeholder_links_get_the_readable_url(site):
    problems = site({"pages/cats.md": "Title: หมวด\nSlug: cats\n\n[ประกาศ]({category}ประกาศ)\n"})
    found = only(problems, "link")
    assert where(found) == [("content/pages/cats.md", 4, "error")]
    assert "/category/prakat/" in found[0].text()


def test_a_custom_romanisation_gives_the_url_the_build_writes(site):
    body = "ดู [ข่าวกิจกรรม](/category/news-kitchakam/) ได้\n"
    files = {"pages/links.md": "Title: ลิงก์\nSlug: links\n\n" + body,
             "news/act.md": news(Slug="act", Category="ข่าวกิจกรรม")}
    assert only(site(files, THAI_TEXT_ROMANIZATION={"ข่าว": "news"}), "link") == []
    assert where(only(site(files), "link")) == [("content/pages/links.md", 4, "error")]


def test_category_and_article_urls_are_known(site):
    body = "ดู [ข่าวดี](/news/good-news/) และ [หมวดประกาศ](/category/prakat/) ได้\n"
    problems = site({"pages/links.md": "Title: ลิงก์\nSlug: links\n\n" + body})
    assert only(problems, "link") == []


def _typo_site(tmp_path, settings) -> Path:
    """A site with one post that has a typing error; returns its settings file."""
    content = tmp_path / "content"
    (content / "news").mkdir(parents=True)
    (content / "news" / "a.md").write_text(news("กระทรวงเเรงงาน", Slug="a"), encoding="utf-8")
    conf = tmp_path / "pelicanconf.py"
    conf.write_text(
        f"CATEGORIES = {settings['CATEGORIES']!r}\nPATH = 'content'\n"
        f"PLUGIN_PATHS = [{str(check.ROOT / 'plugins')!r}]\nPLUGINS = {settings['PLUGINS']!r}\n",
        encoding="utf-8",
    )
    return conf


def test_errors_exit_nonzero_and_warnings_do_not(tmp_path, settings):
    conf = _typo_site(tmp_path, settings)
    content = tmp_path / "content"
    out = io.StringIO()
    assert check.main(settings_file=conf, stream=out) == 0  # a typo is only a warning
    assert "content/news/a.md:6: warning:" in out.getvalue()
    (content / "news" / "b.md").write_text(news(Category="อื่น ๆ", Slug="b"), encoding="utf-8")
    out = io.StringIO()
    assert check.main(settings_file=conf, stream=out) == 1
    assert "content/news/b.md:3: error:" in out.getvalue()


def test_strict_fails_on_warnings_and_github_gets_annotations(tmp_path, settings):
    conf = _typo_site(tmp_path, settings)
    out = io.StringIO()
    assert check.main(settings_file=conf, stream=out, output="github", strict=True) == 1
    *lines, summary = out.getvalue().splitlines()
    assert all(line.startswith("::warning file=content/news/a.md,line=6,") for line in lines)
    [line] = [line for line in lines if "typo" in line]
    head, _, message = line[2:].partition("::")
    command, _, props = head.partition(" ")
    assert command == "warning"
    fields = dict(item.split("=", 1) for item in props.split(","))
    assert fields["file"] == "content/news/a.md" and fields["line"] == "6"
    assert "typo" in fields["title"]
    thai, _, english = message.partition(" / ")
    assert "พิมพ์ผิด" in thai and "typing error" in english  # Thai first
    assert f"content check: 0 error(s), {len(lines)} warning(s)" in summary


def test_annotation_escapes_what_github_reads_as_syntax():
    problem = check.Problem("content/news/a,b.md", 3, "link", "error", "ก: ข\nค", "50% off", "แก้", "fix")
    text = check.annotation(problem)
    assert text.startswith("::error file=content/news/a%2Cb.md,line=3,title=")
    assert "\n" not in text and "%0A" in text and "50%25 off" in text


def test_repository_content_has_no_problem_at_all(settings):
    root = Path(check.ROOT)
    problems = check.check_content(root / "content", settings)
    assert [str(p) for p in problems] == []


def test_the_invoke_task_writes_annotations_and_fails_on_errors(tmp_path, capsys):
    import invoke

    import tasks

    content = tmp_path / "content"
    (content / "news").mkdir(parents=True)
    (content / "news" / "b.md").write_text(news(Category="อื่น ๆ", Slug="b"), encoding="utf-8")
    with pytest.raises(SystemExit) as done:
        tasks.check(invoke.Context(), content=str(content), output="github")
    assert done.value.code == 1
    first = capsys.readouterr().out.splitlines()[0]
    assert first.startswith("::error file=content/news/b.md,line=3,title=")
    assert 'หมวด "อื่น ๆ" ไม่มีในเว็บไซต์' in first
    with pytest.raises(SystemExit, match="--output"):
        tasks.check(invoke.Context(), content=str(content), output="xml")
