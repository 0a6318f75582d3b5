"""Whole-site builds: B.E. and C.E. dates sort, show and syndicate the same way.

Most builds use only this plugin and a tiny theme (tests/thai_date/theme) so they test dates and
nothing else; `test_project_theme_*` builds with every plugin and the project's theme.
"""

import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

THEME = str(Path(__file__).parent / "theme")
ONLY_DATES = {"PLUGINS": ["thai_date"], "THEME": THEME, "DIRECT_TEMPLATES": ["index", "archives"]}
ATOM = "{http://www.w3.org/2005/Atom}"


def post(slug, date, title=None, extra=""):
    return (
        f"Title: {title or 'ข่าว ' + slug}\nDate: {date}\n{extra}Category: ข่าวกิจกรรม\nSlug: {slug}\n\n"
        "ศูนย์ปฏิบัติการต่อต้านการทุจริตจัดกิจกรรมตามแผนประจำปี\n"
    )


# Slug -> Date as an author might write it; expected order newest first.
MIXED = {
    "news/a.md": post("ce-2021", "2021-06-14 10:30"),
    "news/b.md": post("be-2565-iso", "2565-03-25 09:00"),
    "news/c.md": post("thai-month-2566", "25 ธันวาคม 2566"),
    "news/d.md": post("thai-digits-2565", "๙ ธันวาคม ๒๕๖๕ เวลา ๑๓.๓๐ น."),
    "news/e.md": post("ce-2022-later-same-day", "2022-03-25 16:30"),
    "news/f.md": post("abbrev-2564", "20 ก.ค. 2564 09.00 น."),
}
NEWEST_FIRST = [
    "thai-month-2566",
    "thai-digits-2565",
    "ce-2022-later-same-day",
    "be-2565-iso",
    "abbrev-2564",
    "ce-2021",
]


def slugs(html):
    return re.findall(r'data-slug="([^"]+)"', html)


@pytest.fixture
def mixed_site(build_site):
    result = build_site(MIXED, **ONLY_DATES)
    assert result.ok, result.errors
    return result.output


def test_home_page_orders_be_and_ce_dates_together(mixed_site):
    home = (mixed_site / "index.html").read_text(encoding="utf-8")
    assert slugs(home) == NEWEST_FIRST
    assert '<time datetime="2022-03-25T09:00:00+07:00">25 มีนาคม 2565</time>' in home
    assert '<time datetime="2022-12-09T13:30:00+07:00">9 ธันวาคม 2565</time>' in home


def test_atom_and_rss_feeds_have_ce_dates_with_bangkok_offset_in_order(mixed_site):
    atom = ET.parse(mixed_site / "feeds" / "all.atom.xml").getroot()
    entries = atom.findall(f"{ATOM}entry")
    assert [e.find(f"{ATOM}link").get("href").rstrip("/").rsplit("/", 1)[1] for e in entries] == NEWEST_FIRST
    published = [e.find(f"{ATOM}published").text for e in entries]
    assert published == [
        "2023-12-25T00:00:00+07:00",
        "2022-12-09T13:30:00+07:00",
        "2022-03-25T16:30:00+07:00",
        "2022-03-25T09:00:00+07:00",
        "2021-07-20T09:00:00+07:00",
        "2021-06-14T10:30:00+07:00",
    ]
    assert atom.find(f"{ATOM}updated").text == "2023-12-25T00:00:00+07:00"
    rss = (mixed_site / "feeds" / "all.rss.xml").read_text(encoding="utf-8")
    assert "<pubDate>Fri, 25 Mar 2022 09:00:00 +0700</pubDate>" in rss
    atom_text = (mixed_site / "feeds" / "all.atom.xml").read_text(encoding="utf-8")
    assert not re.search(r"2[4-7]\d\d-\d\d-\d\dT", atom_text + rss)  # no B.E. year in machine dates


def test_article_shows_every_format_in_be(mixed_site):
    html = (mixed_site / "news" / "be-2565-iso" / "index.html").read_text(encoding="utf-8")
    assert '<time datetime="2022-03-25T09:00:00+07:00">25 มีนาคม 2565</time>' in html
    assert '<p class="full">วันศุกร์ที่ 25 มีนาคม พ.ศ. 2565</p>' in html
    assert '<p class="short">25 มี.ค. 65</p>' in html
    assert '<p class="time">25 มีนาคม 2565 เวลา 09.00 น.</p>' in html
    assert '<p class="locale">25 มีนาคม 2565</p>' in html
    assert '<p class="year">2565</p>' in html


def test_archives_grouped_by_be_year_with_year_pages(mixed_site):
    archives = (mixed_site / "archives" / "index.html").read_text(encoding="utf-8")
    headings = re.findall(r'<h2><a href="/([^"]+)">([^<]+)</a></h2>', archives)
    assert headings == [
        ("archives/2566/", "พ.ศ. 2566"),
        ("archives/2565/", "พ.ศ. 2565"),
        ("archives/2564/", "พ.ศ. 2564"),
    ]
    year = (mixed_site / "archives" / "2565" / "index.html").read_text(encoding="utf-8")
    assert "<h1>พ.ศ. 2565</h1>" in year and '<p class="num">2565</p>' in year
    assert slugs(year) == ["thai-digits-2565", "ce-2022-later-same-day", "be-2565-iso"]
    assert not (mixed_site / "archives" / "2022").exists()


@pytest.mark.parametrize("be_date", ["2565-03-25 09:00", "25 มีนาคม 2565 เวลา 09.00 น.",
                                     "๒๕ มี.ค. ๒๕๖๕ ๐๙:๐๐"])
def test_be_dated_post_is_identical_to_its_ce_twin(build_site, be_date):
    def outputs(date):
        result = build_site({"news/twin.md": post("twin", date, extra="Modified: 2022-03-26 08:00\n")},
                            **ONLY_DATES)
        assert result.ok, result.errors
        return {
            path.relative_to(result.output).as_posix(): path.read_bytes()
            for path in sorted(result.output.rglob("*"))
            if path.is_file() and path.suffix in (".html", ".xml")
        }

    ce = outputs("2022-03-25 09:00")
    be = outputs(be_date)
    assert be.keys() == ce.keys()
    assert "news/twin/index.html" in be and "archives/2565/index.html" in be
    assert be == ce


def test_thai_digits_setting(build_site):
    result = build_site({"news/a.md": post("a", "2565-03-25 09:00")}, THAI_DATE_DIGITS="thai", **ONLY_DATES)
    assert result.ok, result.errors
    html = (result.output / "news" / "a" / "index.html").read_text(encoding="utf-8")
    assert '<time datetime="2022-03-25T09:00:00+07:00">๒๕ มีนาคม ๒๕๖๕</time>' in html
    assert '<p class="time">๒๕ มีนาคม ๒๕๖๕ เวลา ๐๙.๐๐ น.</p>' in html
    assert "<h2>" not in html
    archives = (result.output / "archives" / "index.html").read_text(encoding="utf-8")
    assert "พ.ศ. ๒๕๖๕</a></h2>" in archives


@pytest.mark.parametrize(
    "header, value, line",
    [
        ("Date: 2566-02-29\n", "2566-02-29", 2),
        ("Date: 25 มี.ค. 22\n", "25 มี.ค. 22", 2),
        ("Date: 03/25/2022 09.00 น.\n", "03/25/2022 09.00 น.", 2),
        ("Date: 2565-03-25\nModified: 31 เมษายน 2565\n", "31 เมษายน 2565", 3),
        ("Date: 25 มีนาคมม 2565\n", "25 มีนาคมม 2565", 2),
        ("Date: 2300-01-01\n", "2300-01-01", 2),
    ],
)
def test_bad_date_is_one_clear_error_naming_file_line_and_value(build_site, header, value, line):
    good = post("good", "2565-03-25")
    bad = f"Title: ข่าวที่วันที่ผิด\n{header}Slug: bad\n\nเนื้อหา\n"
    result = build_site({"news/good.md": good, "news/bad.md": bad}, **ONLY_DATES)
    assert not result.ok
    assert len(result.errors) == 1, result.errors
    message = result.errors[0]
    assert message.startswith(f'content/news/bad.md:{line}: วันที่ "{value}"')
    assert f'Date "{value}"' in message
    assert "2565-03-25, 2022-03-25, 25 มีนาคม 2565" in message  # the forms that can be read
    assert "Traceback" not in message


def test_thai_day_month_year_is_read_day_first_and_a_doubtful_ce_date_warns(build_site):
    files = {
        "news/be.md": post("be", "1/12/2569 09.30 น."),
        "news/ce.md": post("ce", "03/04/2022"),
    }
    result = build_site(files)  # every plugin: the rule "date" is judged in the build
    assert result.ok, result.errors
    be = (result.output / "news" / "be" / "index.html").read_text(encoding="utf-8")
    assert '<time datetime="2026-12-01T09:30:00+07:00">' in be
    ce = (result.output / "news" / "ce" / "index.html").read_text(encoding="utf-8")
    assert '<time datetime="2022-04-03T00:00:00+07:00">' in ce and "3 เมษายน 2565" in ce
    [warning] = [p for p in result.problems if "03/04/2022" in p.thai]
    assert (warning.rule, warning.severity, warning.line) == ("date", "warning", 2)
    assert warning.thai.startswith('วันที่ "03/04/2022" อ่านเป็นวันที่ 3 เมษายน')
    assert "2022-03-04" in warning.thai and "for March 4 write 2022-03-04" in warning.english
    assert not [p for p in result.problems if "2569" in p.thai]  # a B.E. year leaves no doubt


def test_bad_date_in_file_name_names_the_file(build_site):
    result = build_site(
        {"news/2566-02-29-visit.md": "Title: เยี่ยมชม\nSlug: visit\n\nเนื้อหา\n"}, **ONLY_DATES
    )
    assert not result.ok
    assert len(result.errors) == 1, result.errors
    assert result.errors[0].startswith("content/news/2566-02-29-visit.md: วันที่จากชื่อไฟล์")


def test_future_article_is_held_back_entirely(build_site):
    files = {"news/now.md": post("now", "2565-03-25"), "news/later.md": post("later", "1 มกราคม 2690")}
    result = build_site(files, **ONLY_DATES)
    assert result.ok, result.errors
    assert not [w for w in result.warnings if "Docutils" not in w], result.warnings
    written = [p.relative_to(result.output).as_posix() for p in result.output.rglob("*") if p.is_file()]
    assert not [p for p in written if "later" in p or "2690" in p], written
    assert all("later" not in (result.output / p).read_text(encoding="utf-8")
               for p in written if p.endswith((".html", ".xml")))
    assert "news/now/index.html" in written

    shown = build_site(files, THAI_DATE_HOLD_FUTURE=False, **ONLY_DATES)
    assert (shown.output / "news" / "later" / "index.html").exists()


PROJECT_POSTS = {
    "news/a.md": (
        "Title: ศปท. ตรวจเยี่ยมสำนักงานจัดหางานจังหวัด\nDate: {date}\n"
        "Modified: 26 มีนาคม 2565 เวลา 14.30 น.\nCategory: ข่าวกิจกรรม\nSlug: visit\n\n"
        "ศูนย์ปฏิบัติการต่อต้านการทุจริตลงพื้นที่ตรวจเยี่ยมการให้บริการประชาชน\n"
    ),
    "news/b.md": (
        "Title: ประกาศเจตนารมณ์ไม่รับของขวัญ\nDate: 2022-03-26 10:00\nCategory: ประกาศ\nSlug: no-gift\n\n"
        "กระทรวงแรงงานขอความร่วมมืองดให้ของขวัญทุกเทศกาล\n"
    ),
}


def project_build(build_site, date):
    files = {path: text.replace("{date}", date) for path, text in PROJECT_POSTS.items()}
    result = build_site(files)
    assert result.ok, result.errors
    return result.output


def test_project_theme_machine_dates_are_ce_and_visible_dates_be(build_site):
    out = project_build(build_site, "2565-03-25 09:00")
    article = (out / "news" / "visit" / "index.html").read_text(encoding="utf-8")
    assert '<time datetime="2022-03-25T09:00:00+07:00">' in article
    assert '<time datetime="2022-03-26T14:30:00+07:00">' in article
    assert '<meta property="article:published_time" content="2022-03-25T09:00:00+07:00">' in article
    assert '"datePublished": "2022-03-25T09:00:00+07:00"' in article
    assert '"dateModified": "2022-03-26T14:30:00+07:00"' in article
    assert "25 มีนาคม" in article and "2565" in article
    home = (out / "index.html").read_text(encoding="utf-8")
    assert home.index('href="/news/no-gift/"') < home.index('href="/news/visit/"')
    sitemap = (out / "sitemap.xml").read_text(encoding="utf-8")
    assert re.search(r"news/visit/</loc>\s*<lastmod>2022-03-26T14:30:00\+07:00</lastmod>", sitemap)
    atom = (out / "feeds" / "all.atom.xml").read_text(encoding="utf-8")
    assert "<published>2022-03-25T09:00:00+07:00</published>" in atom
    assert atom.index("no-gift") < atom.index("/visit/")
    assert (out / "archives" / "2565" / "index.html").exists()
    for page in [article, home, sitemap, atom]:
        assert not re.search(r"2[4-7]\d\d-\d\d-\d\dT", page)  # no B.E. year in a machine date


def test_project_theme_be_post_identical_to_ce_twin(build_site):
    def pages(date):
        out = project_build(build_site, date)
        return {
            p.relative_to(out).as_posix(): p.read_bytes()
            for p in sorted(out.rglob("*"))
            if p.is_file() and p.suffix in (".html", ".xml")
        }

    assert pages("25 มี.ค. 2565 09.00 น.") == pages("2022-03-25 09:00")


def test_explicit_offset_is_shown_and_syndicated_in_bangkok_time(build_site):
    result = build_site({"news/utc.md": post("utc", "2022-03-25T02:00Z")}, **ONLY_DATES)
    assert result.ok, result.errors
    atom = (result.output / "feeds" / "all.atom.xml").read_text(encoding="utf-8")
    assert "<published>2022-03-25T09:00:00+07:00</published>" in atom
    html = (result.output / "news" / "utc" / "index.html").read_text(encoding="utf-8")
    assert '<p class="time">25 มีนาคม 2565 เวลา 09.00 น.</p>' in html


@pytest.mark.parametrize(
    "name, text",
    [
        ("news/r.rst", "ข่าว reST\n#########\n\n:date: 25 มีนาคม 2565 เวลา 09.00 น.\n:slug: r\n\nเนื้อหา\n"),
        ("news/h.html", '<html><head><title>ข่าว HTML</title><meta name="date" content="2565-03-25 09:00">'
                        '<meta name="slug" content="h"></head><body><p>เนื้อหา</p></body></html>'),
    ],
)
def test_rest_and_html_sources_read_thai_dates(build_site, name, text):
    readers = {"READERS": {}}  # the project turns reST off; these readers must still work
    result = build_site({name: text}, **readers, **ONLY_DATES)
    assert result.ok, result.errors
    slug = name.split("/")[1].split(".")[0]
    html = (result.output / "news" / slug / "index.html").read_text(encoding="utf-8")
    assert '<time datetime="2022-03-25T09:00:00+07:00">25 มีนาคม 2565</time>' in html

    bad = build_site({name: text.replace("2565", "2566").replace("25 มีนาคม", "29 กุมภาพันธ์")
                      .replace("2566-03-25", "2566-02-29")}, **readers, **ONLY_DATES)
    assert not bad.ok and len(bad.errors) == 1, bad.errors
    line = 4 if name.endswith(".rst") else 1
    assert bad.errors[0].startswith(f"content/{name}:{line}: วันที่ "), bad.errors


def test_static_files_with_date_like_names_are_left_alone(build_site):
    files = {"news/a.md": post("a", "2565-03-25"), "images/2566-02-29-scan.png": b"\x89PNG\r\n\x1a\n"}
    result = build_site(files, **ONLY_DATES)
    assert result.ok, result.errors
    assert (result.output / "images" / "2566-02-29-scan.png").exists()
