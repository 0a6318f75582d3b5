"""Hashtags: kept on one line (hashtags.py, markup.py) and never cut by a summary.

The segmenter finds Thai words inside a hashtag (#ศปท|แรงงาน), and Chromium ended a line there:
the reader saw "#ศปท" and, on the next line, "แรงงาน", another hashtag and a word. The line-break
measure over the whole site (test_line_breaks.py) counts a line end inside a hashtag as one
inside a name; these tests hold the parts.
"""

import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from thai_text.hashtags import find_hashtags
from thai_text.markup import KEEP, KEEP_END, KEEP_LONG, LONG_LETTERS, WBR, process_html, strip_wbr, wbr_text
from thai_text.segment import letters
from thai_text.summaries import summarize

SPAN = re.compile('<span class="(wl?)">([^<]*)</span>')


@pytest.mark.parametrize(("text", "tags"), [
    ("ติดตามข่าวได้ที่ #ศปทแรงงาน", ["#ศปทแรงงาน"]),
    ("#ดวงตาแรงงาน #ศปทแรงงาน #ฝึกอาชีพโปร่งใส", ["#ดวงตาแรงงาน", "#ศปทแรงงาน", "#ฝึกอาชีพโปร่งใส"]),
    ("(#ต้านโกง) และ “#ไม่รับไม่ให้”", ["#ต้านโกง", "#ไม่รับไม่ให้"]),  # brackets and quotes stay out
    ("#กระทรวงแรงงาน2569 #MOL_ไม่โกง", ["#กระทรวงแรงงาน2569", "#MOL_ไม่โกง"]),  # digits, Latin, _
    ("#ศปทแรงงาน, #ดวงตาแรงงาน.", ["#ศปทแรงงาน", "#ดวงตาแรงงาน"]),  # punctuation ends it
    ("#๑๐๐ปีแรงงาน", ["#๑๐๐ปีแรงงาน"]),  # Thai digits
])
def test_hashtags_are_found(text, tags):
    assert [text[a:b] for a, b in find_hashtags(text)] == tags


@pytest.mark.parametrize("text", [
    "ข่าว &#34;แรงงาน&#34;",  # an entity
    "ดูที่ page#ส่วนที่สอง",  # a link's fragment, glued to a word
    "# หัวข้อ",  # a heading: a space after the #
    "#NoGift #ITA2569",  # no Thai: no browser breaks inside it
    "ข้อ #3 และ C#",
])
def test_other_hashes_are_no_hashtags(text):
    assert find_hashtags(text) == []


def test_each_hashtag_is_one_piece_without_breaks(segmenter):
    src = "<p>ติดตามข่าวได้ที่ #ศปทแรงงาน #ดวงตาแรงงาน #ฝึกอาชีพโปร่งใส และสายด่วน 1506</p>"
    out = process_html(src, segmenter)
    for tag in ("#ศปทแรงงาน", "#ดวงตาแรงงาน", "#ฝึกอาชีพโปร่งใส"):
        assert KEEP + tag + KEEP_END in out, out
    assert strip_wbr(out) == src
    # the words around them still break
    assert "<wbr>" in out.split("#")[0]


def test_a_hashtag_beside_a_name_and_a_number_in_a_title(segmenter):
    title = str(wbr_text("นายสมชาย ใจซื่อ โทร. 0 2232 1262 #ศปทแรงงาน", segmenter))
    kept = [m.group(2) for m in SPAN.finditer(title)]
    assert {"นายสมชาย ใจซื่อ", "0 2232 1262", "#ศปทแรงงาน"} <= set(kept), title


def test_a_long_hashtag_may_wrap_only_when_wider_than_the_line(segmenter):
    tag = "#ศูนย์ปฏิบัติการต่อต้านการทุจริตกระทรวงแรงงาน"
    assert letters(tag) >= LONG_LETTERS
    out = process_html(f"<p>ติดตามที่ {tag}</p>", segmenter)
    assert KEEP_LONG + tag + KEEP_END in out, out


WORDS = ["ศปท", "แรงงาน", "ดวงตา", "ไม่", "โกง", "ฝึกอาชีพ", "โปร่งใส", "กระทรวง", "2569", "ต้าน", "ทุจริต"]


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.lists(st.sampled_from(WORDS), min_size=2, max_size=5).map(lambda w: "#" + "".join(w)),
                min_size=1, max_size=4),
       st.sampled_from(["ติดตามข่าวได้ที่ ", "", "เจ้าหน้าที่แรงงาน (", "โทร. 0 2232 1262 "]))
def test_no_break_inside_any_hashtag(segmenter, tags, before):
    text = before + " ".join(tags)
    out = process_html(f"<p>{text}</p>", segmenter)
    assert strip_wbr(out) == f"<p>{text}</p>"
    kept = [m.group(2).lstrip("(") for m in SPAN.finditer(out)]  # an opening bracket joins its piece
    for tag in tags:
        if re.search("[\u0e01-\u0e4e]", tag):  # digits alone (#2569) have no break inside them
            assert tag in kept, (tag, out)
    for m in SPAN.finditer(out):
        assert WBR not in m.group(2)


def test_a_summary_never_ends_inside_a_hashtag(segmenter):
    html = ("<p>ศูนย์ปฏิบัติการต่อต้านการทุจริต กระทรวงแรงงาน ชวนติดตามข่าว #ศปทแรงงาน #ดวงตาแรงงาน "
            "#ฝึกอาชีพโปร่งใส และแจ้งเบาะแสได้ทุกวัน</p>")
    tags = ("#ศปทแรงงาน", "#ดวงตาแรงงาน", "#ฝึกอาชีพโปร่งใส")
    ends = []
    for words in range(1, 20):
        summary, _cut = summarize(html, segmenter, words)
        last = re.search(r"(#[^\s<]*)…", strip_wbr(summary))
        if last:
            ends.append(last.group(1))
    assert ends and set(ends) <= set(tags), ends  # cut after a hashtag, never inside one
