"""Summaries cut at a word boundary with balanced HTML; reading time from a Thai word count."""

import html.parser

from thai_text.markup import WBR, count_words, process_html, strip_wbr, summarize

PARAGRAPH = (
    "ศูนย์ปฏิบัติการต่อต้านการทุจริตกระทรวงแรงงานจัดอบรมเจ้าหน้าที่พัสดุจากทุกกรม "
    "เพื่อให้รู้ทันผลประโยชน์ทับซ้อนในการจัดซื้อจัดจ้าง และเปิดโอกาสให้ซักถามปัญหาที่พบในการทำงาน"
)


class _Balance(html.parser.HTMLParser):
    VOID = {"br", "img", "wbr", "hr"}

    def __init__(self):
        super().__init__()
        self.stack = []
        self.ok = True

    def handle_starttag(self, tag, attrs):
        if tag not in self.VOID:
            self.stack.append(tag)

    def handle_endtag(self, tag):
        if not self.stack or self.stack.pop() != tag:
            self.ok = False


def balanced(doc):
    parser = _Balance()
    parser.feed(doc)
    return parser.ok and not parser.stack


def test_cut_at_word_boundary_with_ellipsis(segmenter):
    src = process_html(f"<p>{PARAGRAPH}</p><p>{PARAGRAPH}</p>", segmenter)
    summary, cut = summarize(src, segmenter, 12)
    assert cut
    assert summary.endswith("…</p>")
    assert not summary.endswith(WBR + "…</p>")
    text = strip_wbr(summary)[3:-5]
    assert PARAGRAPH.startswith(text)
    words = segmenter.words(PARAGRAPH)
    assert text == "".join(segmenter.segment(PARAGRAPH))[: len(text)]
    # the cut is exactly after the 12th word
    assert len(segmenter.words(text)) == 12
    assert text.endswith(words[11])
    assert balanced(summary)


def test_nested_inline_elements_are_closed(segmenter):
    src = f"<p>ข่าว <strong>สำคัญ <em>{PARAGRAPH}</em> ท้าย</strong></p><ul><li>{PARAGRAPH}</li></ul>"
    summary, cut = summarize(src, segmenter, 8)
    assert cut and balanced(summary)
    assert summary.endswith("…</em></strong></p>")


def test_short_content_is_whole(segmenter):
    src = "<p>ข่าวสั้นมาก</p>"
    assert summarize(src, segmenter, 30) == (src, False)


def test_entities_are_not_cut(segmenter):
    src = "<p>" + "ข่าว &amp; กิจกรรม " * 5 + "</p>"
    for n in range(1, 12):
        summary, _cut = summarize(src, segmenter, n)
        assert "&amp" not in summary.replace("&amp;", "")


def test_code_is_kept_whole_in_summary_text(segmenter):
    src = f"<p>{PARAGRAPH}</p><script>var a = '{PARAGRAPH}';</script><p>{PARAGRAPH}</p>"
    summary, cut = summarize(src, segmenter, 60)
    assert "<script>" not in summary or "</script>" in summary
    assert balanced(summary)


def test_word_count(segmenter):
    assert count_words("<p>ข่าวกิจกรรม ของ ศปท. 2565</p>", segmenter) == 5
    assert count_words(process_html(f"<p>{PARAGRAPH}</p>", segmenter), segmenter) == len(
        segmenter.words(PARAGRAPH)
    )


def test_word_count_of_the_build_pass(segmenter):
    html = f"<p>{PARAGRAPH}</p><p>ข่าวกิจกรรม ของ ศปท. 2565</p><pre>code here</pre>"
    stats = {}
    process_html(html, segmenter, stats=stats)
    exact = count_words(html, segmenter)
    assert abs(stats["words"] - exact) <= 1
    without_breaks = {}
    process_html(html, segmenter, wbr=False, stats=without_breaks)
    assert without_breaks["words"] == exact
