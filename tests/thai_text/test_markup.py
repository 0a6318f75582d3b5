"""<wbr> insertion in HTML: where it goes, where it never goes, and that text is kept."""

import html.parser

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from markupsafe import Markup

from thai_text.markup import WBR, process_html, strip_wbr, wbr_text

THAI = "ศูนย์ปฏิบัติการต่อต้านการทุจริตจัดอบรมเจ้าหน้าที่เรื่องการป้องกันการทุจริต"


def test_breaks_between_thai_words(segmenter):
    out = process_html(f"<p>{THAI}</p>", segmenter)
    assert out.count(WBR) >= 4
    assert "จัด<wbr>อบรม" in out
    assert strip_wbr(out) == f"<p>{THAI}</p>"


@pytest.mark.parametrize(
    "tag", ["pre", "code", "kbd", "samp", "script", "style", "textarea", "svg", "math"]
)
def test_skipped_elements_are_untouched(segmenter, tag):
    inner = f"<{tag}>{THAI}</{tag}>"
    out = process_html(f"<p>{THAI}</p>{inner}<p>{THAI}</p>", segmenter)
    assert inner in out
    assert out.count(WBR) == 2 * process_html(f"<p>{THAI}</p>", segmenter).count(WBR)


def test_nested_skip_elements(segmenter):
    src = f"<pre><code>{THAI}</code>{THAI}</pre><svg><text>{THAI}</text></svg>"
    assert process_html(src, segmenter) == src


def test_attributes_are_never_touched(segmenter):
    src = f'<a href="https://example.go.th/{THAI}" title="{THAI}" data-x=\'{THAI}\'>{THAI}</a>'
    out = process_html(src, segmenter)
    assert out.startswith(f'<a href="https://example.go.th/{THAI}" title="{THAI}" data-x=\'{THAI}\'>')
    assert WBR in out[out.index(">") :]


def test_attribute_with_greater_than_sign(segmenter):
    src = f'<img alt="{THAI} > {THAI}" src="x.jpg"><span title=\'a>b\'>{THAI}</span>'
    out = process_html(src, segmenter)
    assert out.startswith(f'<img alt="{THAI} > {THAI}" src="x.jpg"><span title=\'a>b\'>')


@pytest.mark.parametrize(
    "protected",
    [
        "https://www.mol.go.th/ข่าวประชาสัมพันธ์/กิจกรรม",
        "www.mol.go.th/ข่าวกิจกรรมล่าสุด",
        "zerocorruption@mol.go.th",
        "&amp;",
        "&#3585;&#3634;",
        "ป.ป.ช.",
        "ก.พ.ร.",
        "ศปท.",
    ],
)
def test_urls_emails_entities_abbreviations_are_not_broken(segmenter, protected):
    src = f"<p>ติดต่อสอบถาม {protected} ได้ทุกวันทำการ</p>"
    out = process_html(src, segmenter)
    assert protected in out


@pytest.mark.parametrize("text", ["เวลา 09.00 น. ถึง 16.30 น.", "จำนวน 1,500 บาท", "ร้อยละ 25.5%"])
def test_no_break_next_to_numbers(segmenter, text):
    out = process_html(f"<p>{text}</p>", segmenter)
    assert WBR not in out


def test_no_break_before_marks_or_mai_yamok(segmenter):
    out = process_html("<p>เจ้าหน้าที่ต่างๆ ในกรุงเทพฯ ฯลฯ</p>", segmenter)
    assert "<wbr>ๆ" not in out and "<wbr>ฯ" not in out


def test_never_a_zero_width_space(segmenter):
    out = process_html(f"<p>{THAI}</p>", segmenter)
    assert "\u200b" not in out


def test_typos_fixed_only_in_displayed_text(segmenter):
    src = '<p title="เเรงงาน">เเรงงาน</p><code>เเรงงาน</code>'
    out = strip_wbr(process_html(src, segmenter))
    assert out == '<p title="เเรงงาน">แรงงาน</p><code>เเรงงาน</code>'


def test_filter_escapes_plain_text(segmenter):
    out = wbr_text("ข่าว<script>กิจกรรม</script>", segmenter)
    assert isinstance(out, Markup)
    assert "<script>" not in out and "&lt;script&gt;" in out
    assert wbr_text(None, segmenter) == ""


def test_filter_keeps_markup_input(segmenter):
    out = wbr_text(Markup("<b>ข่าวกิจกรรม</b>"), segmenter)
    assert out == Markup("<b>ข่าว<wbr>กิจกรรม</b>")


def test_filter_on_title(segmenter):
    assert wbr_text("ศปท. จัดอบรมโครงการดวงตาแรงงาน", segmenter) == Markup(
        "ศปท. จัด<wbr>อบรม<wbr>โครงการ<wbr>ดวงตาแรงงาน"
    )


class _Shape(html.parser.HTMLParser):
    """Tags, attributes and text of a document, with <wbr> left out."""

    def __init__(self):
        super().__init__(convert_charrefs=False)
        self.events = []

    def handle_starttag(self, tag, attrs):
        if tag != "wbr":
            self.events.append(("start", tag, attrs))

    def handle_endtag(self, tag):
        self.events.append(("end", tag))

    def handle_data(self, data):
        if self.events and self.events[-1][0] == "data":
            self.events[-1] = ("data", self.events[-1][1] + data)
        else:
            self.events.append(("data", data))

    def handle_comment(self, data):
        self.events.append(("comment", data))

    def handle_entityref(self, name):
        self.handle_data(f"&{name};")

    def handle_charref(self, name):
        self.handle_data(f"&#{name};")


def shape(doc):
    parser = _Shape()
    parser.feed(doc)
    parser.close()
    return parser.events


thai_chunks = st.sampled_from(
    ["ศูนย์", "ปฏิบัติการ", "กระทรวงแรงงาน", "ป.ป.ช.", "จัดอบรม", "เจ้าหน้าที่", "ต่างๆ", " ",
     "09.00 น.", "&amp;", "https://x.th/ข่าว", "a@b.co", "<", ">", "\"", "เเรง", "\u0e48\u0e48",
     "ๆ", "ฯ", "\n", "abc", "๑๒", "ทุจริต", "ความโปร่งใส"]
)
text = st.lists(thai_chunks, max_size=12).map("".join)
tags = st.sampled_from(["p", "b", "a", "code", "pre", "span", "script", "svg", "em", "textarea"])


@st.composite
def html_docs(draw, depth=0):
    parts = []
    for _ in range(draw(st.integers(0, 4))):
        kind = draw(st.integers(0, 3 if depth < 3 else 1))
        if kind <= 1:
            parts.append(draw(text).replace("<", "&lt;").replace(">", "&gt;"))
        elif kind == 2:
            tag = draw(tags)
            title = draw(text).replace('"', "&quot;").replace("<", "").replace(">", "")
            inner = draw(html_docs(depth + 1))
            if tag in ("script", "textarea"):
                inner = inner.replace("</", "<\\/")
            parts.append(f'<{tag} title="{title}">{inner}</{tag}>')
        else:
            parts.append(f"<!-- {draw(text).replace('--', '')} -->")
    return "".join(parts)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(html_docs())
def test_wbr_keeps_text_and_structure(segmenter, doc):
    out = process_html(doc, segmenter, fix=False)
    assert strip_wbr(out) == doc
    assert shape(out) == shape(doc)
    assert "\u200b" not in out


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from("ก่้ะาเแ.<>&\"'/= apbre-x!๑\n"), max_size=60))
def test_arbitrary_input_never_breaks_inside_markup(segmenter, doc):
    out = process_html(doc, segmenter, fix=False)
    assert strip_wbr(out) == doc
    assert shape(out) == shape(doc)
