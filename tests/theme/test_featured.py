"""ข่าวเด่น: releases pinned to the top of the home page with `Featured_until:` (site_meta's
featured.py and rules.py), tested on the rule's own terms and on whole builds at chosen moments.

The moment of a build is moved by replacing `featured.now_in` in the module Pelican's plugin
loader imported (`site_meta.featured`, from PLUGIN_PATHS), so a test can build the same content
before and after a pin ends.
"""

from __future__ import annotations

import datetime as dt
import random
import re
import shutil
import sys
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from bs4 import BeautifulSoup
from hypothesis import given, settings
from hypothesis import strategies as st

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT / "plugins") not in sys.path:
    sys.path.insert(0, str(ROOT / "plugins"))

from site_meta import featured  # noqa: E402  (the module the build uses)

from tools.build import build  # noqa: E402

BKK = ZoneInfo("Asia/Bangkok")


# -- the rule on its own ---------------------------------------------------------------------------


def test_a_date_alone_lasts_to_the_end_of_that_day_in_bangkok():
    end = featured.featured_end("2569-12-20", "Asia/Bangkok")
    assert end == dt.datetime(2026, 12, 20, 23, 59, 59, tzinfo=BKK)
    assert featured.featured_end("20 ธันวาคม 2569", "Asia/Bangkok") == end
    assert featured.featured_end("๒๐ ธ.ค. ๒๕๖๙", "Asia/Bangkok") == end
    assert featured.featured_end("2026-12-20", "Asia/Bangkok") == end
    # with a time, until that moment; an offset is the same instant in Bangkok
    assert featured.featured_end("2569-12-20 17.00 น.", "Asia/Bangkok") == dt.datetime(2026, 12, 20, 17, 0, tzinfo=BKK)
    assert featured.featured_end("2026-12-20T03:00:00Z", "Asia/Bangkok") == dt.datetime(2026, 12, 20, 10, 0, tzinfo=BKK)
    # midnight in another zone is not midnight in Bangkok: kept as the moment it is
    assert featured.featured_end("2026-12-20T00:00:00Z", "Asia/Bangkok") == dt.datetime(2026, 12, 20, 7, 0, tzinfo=BKK)


moments = st.integers(min_value=0, max_value=60).map(
    lambda h: dt.datetime(2026, 12, 1, tzinfo=BKK) + dt.timedelta(hours=h * 12))


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(moments, st.one_of(st.none(), moments)), max_size=12), moments,
       st.integers(min_value=1, max_value=4))
def test_the_pinned_are_those_published_and_not_ended_newest_first(pins, now, limit):
    entries = [(date, end, f"news/{i:02d}.md", i) for i, (date, end) in enumerate(pins)]
    shown, left_out = featured.choose(entries, now, limit)
    pinned = [i for i, (date, end) in enumerate(pins) if end is not None and date <= now <= end]
    assert sorted(shown + left_out) == pinned
    assert len(shown) == min(limit, len(pinned))
    order = shown + left_out  # newest first, the newest shown
    assert order == sorted(pinned, key=lambda i: (pins[i][0], i), reverse=True)


# -- whole builds ----------------------------------------------------------------------------------


def release(slug: str, date: str, extra: str = "") -> str:
    return (f"Title: ข่าว {slug}\nDate: {date}\n{extra}Category: ข่าวกิจกรรม\nSlug: {slug}\n\n"
            f"ศูนย์ปฏิบัติการต่อต้านการทุจริต กระทรวงแรงงาน รายงานผลการดำเนินงานเรื่อง {slug}\n")


# 14 releases, one a day from 1 to 14 November 2569 (r01 the oldest), r13 a draft: the home page's
# first page lists the newest ten published (DEFAULT_PAGINATION), r04 to r14.
PINS = {
    "r02": "Featured_until: 2569-12-10\n",  # old (page 2 of the list), pinned until 10 December
    "r09": "Featured_until: 2569-12-05 12.00 น.\n",  # on the first page, until noon of 5 December
    "r11": "Featured_until: 2569-11-30\n",  # ended in November
    "r12": "Featured_until: สิ้นเดือนหน้า\n",  # not a date: published, not pinned, a warning
    "r13": "Featured_until: 2569-12-31\nStatus: draft\n",  # a draft is not published
}
FILES = {f"news/r{i:02d}.md": release(f"r{i:02d}", f"2569-11-{i:02d} 09:00", PINS.get(f"r{i:02d}", ""))
         for i in range(1, 15)}
FILES["news/later.md"] = release("later", "2690-01-01 09:00", "Featured_until: 2690-12-31\n")  # held back


def at(monkeypatch, moment: dt.datetime) -> None:
    monkeypatch.setattr(featured, "now_in", lambda _timezone: moment)


def home(output: Path) -> tuple[list[str], list[str]]:
    """(the slugs of the ข่าวเด่น section, the slugs of the latest news below it) on index.html."""
    page = BeautifulSoup((output / "index.html").read_text(encoding="utf-8"), "html.parser")

    def slugs(section):
        return [re.search(r"/news/([^/]+)/", a["href"]).group(1) for a in section.select(".card-title a")]

    highlight = page.select_one("section.highlight")
    latest = page.find("section", attrs={"aria-labelledby": "latest-label"})
    return slugs(highlight), slugs(latest) if latest else []


def expected(now: dt.datetime) -> tuple[list[str], list[str]]:
    """The home page's two sections at `now`, worked out from the files' own words."""
    ends = {"r02": dt.datetime(2026, 12, 10, 23, 59, 59, tzinfo=BKK),
            "r09": dt.datetime(2026, 12, 5, 12, 0, tzinfo=BKK),
            "r11": dt.datetime(2026, 11, 30, 23, 59, 59, tzinfo=BKK)}
    published = [f"r{i:02d}" for i in range(14, 0, -1) if i != 13]  # newest first
    pinned = [s for s in published if s in ends and now <= ends[s]]
    first_page = published[:10]
    highlight = pinned or first_page[:1]
    return highlight, [s for s in first_page if s not in highlight]


@pytest.mark.parametrize("now", [
    dt.datetime(2026, 11, 20, 8, 0, tzinfo=BKK),  # r02, r09 and r11 pinned
    dt.datetime(2026, 12, 5, 11, 59, tzinfo=BKK),  # r02 and r09
    dt.datetime(2026, 12, 5, 12, 1, tzinfo=BKK),  # r02 alone: r09's noon has passed
    dt.datetime(2026, 12, 10, 23, 59, tzinfo=BKK),  # r02 on its last minute
    dt.datetime(2026, 12, 11, 0, 0, tzinfo=BKK),  # none: the newest leads again
], ids=["three", "two", "noon-passed", "last-minute", "none"])
def test_the_home_page_leads_with_the_pinned_releases_of_the_moment(build_site, monkeypatch, now):
    at(monkeypatch, now)
    result = build_site(FILES)
    assert result.ok, result.errors
    highlight, latest = home(result.output)
    assert (highlight, latest) == expected(now)
    assert not set(highlight) & set(latest)  # no card twice
    assert (result.output / "news" / "r12" / "index.html").exists()  # a bad pin keeps its release
    assert not (result.output / "news" / "later").exists()
    # the list pages after the first are the plain date order
    second = (result.output / "page" / "2" / "index.html").read_text(encoding="utf-8")
    assert re.findall(r'class="card-title"><a href="/news/([^/]+)/', second) == ["r03", "r02", "r01"]
    [warning] = [w for w in result.warnings if "r12.md" in w]
    assert "สิ้นเดือนหน้า" in warning and "ข่าวเด่น" in warning and "Featured_until" in warning


def test_only_the_newest_three_lead_and_the_older_ones_wait_their_turn(build_site, monkeypatch):
    files = {**FILES, "news/r05.md": release("r05", "2569-11-05 09:00", "Featured_until: 2569-12-31\n")}
    files["news/r06.md"] = release("r06", "2569-11-06 09:00", "Featured_until: 2569-12-31\n")
    at(monkeypatch, dt.datetime(2026, 11, 20, 8, 0, tzinfo=BKK))  # five pinned: r11 r09 r06 r05 r02
    result = build_site(files)
    assert result.ok, result.errors
    highlight, latest = home(result.output)
    assert highlight == ["r11", "r09", "r06"]
    assert "r05" in latest and "r02" not in latest  # r02 is on the second page of the list
    # nothing to report: the check says the same at any moment (production fails on warnings)
    assert [w for w in result.warnings if "ข่าวเด่น" in w and "r12.md" not in w] == []
    at(monkeypatch, dt.datetime(2026, 12, 1, 8, 0, tzinfo=BKK))  # r11 has ended: r05 moves up
    result = build_site(files)
    assert home(result.output)[0] == ["r09", "r06", "r05"]


@pytest.mark.parametrize("pagination", [10, False], ids=["paginated", "one-page"])
def test_a_pin_that_ends_renders_the_home_page_again_as_a_cold_build_would(tmp_path, monkeypatch, pagination):
    content = tmp_path / "content"
    for rel, text in FILES.items():
        (content / rel).parent.mkdir(parents=True, exist_ok=True)
        (content / rel).write_text(text, encoding="utf-8")

    def files(folder: Path) -> dict:
        return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}

    def run(output: Path, cache: Path):
        result = build(ROOT / "pelicanconf.py", output, quiet=True,
                       overrides={"PATH": str(content), "CACHE_PATH": str(cache), "THAI_SEARCH_ENABLED": False,
                                  "DEFAULT_PAGINATION": pagination})
        assert result.ok, result.errors
        return result

    moments = [dt.datetime(2026, 12, 5, 11, 0, tzinfo=BKK), dt.datetime(2026, 12, 6, 9, 0, tzinfo=BKK),
               dt.datetime(2026, 12, 12, 9, 0, tzinfo=BKK)]
    for i, now in enumerate(moments):
        at(monkeypatch, now)
        warm = run(tmp_path / "output", tmp_path / "cache")  # the same folder and cache each time
        run(tmp_path / f"cold-{i}", tmp_path / f"cold-cache-{i}")
        assert files(tmp_path / "output") == files(tmp_path / f"cold-{i}")
        assert home(tmp_path / "output")[0] == expected(now)[0]  # (the list below: one page or ten)
        if i:  # no source changed: only the home page (and nothing else) is drawn again
            assert warm.read_again == 0 and warm.rendered == 1, (warm.rendered, warm.kept)
        shutil.rmtree(tmp_path / f"cold-{i}")


def test_a_random_pin_on_the_sample_site_leads_its_home_page(tmp_path, monkeypatch):
    """Three releases of the sample content chosen at random (a fixed seed), each pinned alone at
    a moment after the newest one's date, lead the home page; the latest news below are the others,
    newest first."""
    content = tmp_path / "content"
    shutil.copytree(ROOT / "content", content)
    releases = sorted((content / "news").glob("*.md"))
    rng = random.Random(17)
    chosen = rng.sample(releases, 3)
    for path in releases:  # no other pin, whatever the sample content has
        text = path.read_text(encoding="utf-8")
        path.write_text(re.sub(r"(?m)^Featured_until:.*\n", "", text), encoding="utf-8")
    at(monkeypatch, dt.datetime(2027, 1, 15, 9, 0, tzinfo=BKK))
    for i, path in enumerate(chosen):
        text = path.read_text(encoding="utf-8")
        path.write_text(text.replace("\nCategory:", "\nFeatured_until: 2570-01-31\nCategory:", 1), encoding="utf-8")
        result = build(ROOT / "pelicanconf.py", tmp_path / f"out-{i}", quiet=True,
                       overrides={"PATH": str(content), "CACHE_PATH": str(tmp_path / f"cache-{i}"),
                                  "THAI_SEARCH_ENABLED": False})
        assert result.ok, result.errors
        highlight, latest = home(tmp_path / f"out-{i}")
        slug = re.search(r"(?m)^Slug: (.+)$", text)
        assert highlight == [slug.group(1).strip() if slug else path.stem]
        assert highlight[0] not in latest and len(latest) >= 9
        page = BeautifulSoup((tmp_path / f"out-{i}" / "index.html").read_text(encoding="utf-8"), "html.parser")
        dates = [t["datetime"] for t in page.select("section[aria-labelledby=latest-label] .card-meta time")]
        assert len(dates) == len(latest) and dates == sorted(dates, reverse=True)
        path.write_text(text, encoding="utf-8")


def test_every_message_of_the_rule_names_its_line_and_is_spelt_right(tmp_path):
    """Each problem the rule can give (a day that is not a date, a pin on a page, a pin ending
    before its release) names the file and the line of Featured_until:, says it in Thai that the
    site's own spelling rule accepts, and gives a fix; the same at any moment of checking."""
    from thai_text.segment import build_segmenter, read_word_list
    from thai_text.spelling import Speller
    from thai_text.typos import find_typos

    from tools.check import check_content, load_settings

    content = tmp_path / "content"
    files = {**FILES, "news/before.md": release("before", "2569-11-20 09:00", "Featured_until: 2569-11-19\n"),
             "pages/about.md": "Title: เกี่ยวกับศูนย์\nFeatured_until: 2569-12-31\n\nพันธกิจของศูนย์\n"}
    for rel, text in files.items():
        (content / rel).parent.mkdir(parents=True, exist_ok=True)
        (content / rel).write_text(text, encoding="utf-8")
    settings = load_settings(ROOT / "pelicanconf.py")
    found = {}
    for now in (dt.datetime(2026, 11, 20, 8, 0, tzinfo=BKK), dt.datetime(2027, 6, 1, 8, 0, tzinfo=BKK)):
        found[now] = [p for p in check_content(content, settings, now=now) if p.rule.startswith("featured")]
    first, later = found.values()
    assert first == later
    assert sorted((p.file, p.rule) for p in first) == [
        ("content/news/before.md", "featured"), ("content/news/r12.md", "featured"), ("content/pages/about.md", "featured")]
    segmenter = build_segmenter(read_word_list(ROOT / "content" / "dictionary.txt"))
    speller = Speller(segmenter.site_words, segmenter)
    for problem in first:
        text = (content.parent / problem.file).read_text(encoding="utf-8").split("\n")
        assert text[problem.line - 1].startswith("Featured_until:"), problem
        assert problem.severity == "warning" and problem.fix and problem.fix_english and problem.english
        for words in (problem.thai, problem.fix):
            words = re.sub(r'"[^"]*"', " ", words)  # the value as written
            assert [w for w, _better, _slip in speller.line_findings(words)] == [], words
            assert [t for *_at, t, _fix in find_typos(words)] == [], words
