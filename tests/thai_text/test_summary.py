"""Summaries: cut where a line may break, never a stray last block, never a number without its
unit; reading time from a Thai word count. Properties over every page of the sample content and
over generated text."""

import html.parser
import re
from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from thai_text.markup import count_words, process_html, strip_wbr
from thai_text.number_groups import NUMBER_GROUP
from thai_text.summaries import MIN_LAST_BLOCK, summarize

ROOT = Path(__file__).resolve().parents[2]
PARAGRAPH = (
    "ศูนย์ปฏิบัติการต่อต้านการทุจริตกระทรวงแรงงานจัดอบรมเจ้าหน้าที่พัสดุจากทุกกรม "
    "เพื่อให้รู้ทันผลประโยชน์ทับซ้อนในการจัดซื้อจัดจ้าง และเปิดโอกาสให้ซักถามปัญหาที่พบในการทำงาน"
)
BLOCKS = {"p", "li", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "td", "th", "dd", "dt",
          "figcaption"}


class _Blocks(html.parser.HTMLParser):
    """Text of each block of a document as written (entities kept, as thai_text counts words),
    in order, and whether the tags balance."""

    VOID = {"br", "img", "wbr", "hr", "source", "input"}

    def __init__(self, node_mark=""):
        super().__init__(convert_charrefs=False)
        self.stack, self.blocks, self.ok, self.text = [], [], True, []
        self.mark = node_mark  # put between the text nodes of a block

    def _flush(self):
        text = self.mark.join(self.text).strip()
        if text:
            self.blocks.append(text)
        self.text = []

    def handle_starttag(self, tag, attrs):
        if tag in BLOCKS:
            self._flush()
        if tag not in self.VOID:
            self.stack.append(tag)

    def handle_endtag(self, tag):
        if tag in BLOCKS:
            self._flush()
        if not self.stack or self.stack.pop() != tag:
            self.ok = False

    def handle_data(self, data):
        self.text.append(data)

    def handle_entityref(self, name):
        self._joined(f"&{name};")

    def handle_charref(self, name):
        self._joined(f"&#{name};")

    def _joined(self, text):
        if self.text:
            self.text[-1] += text
        else:
            self.text.append(text)


def blocks(doc, node_mark=""):
    parser = _Blocks(node_mark)
    parser.feed(doc)
    parser.close()
    parser._flush()
    return parser.blocks, parser.ok and not parser.stack


def plain(doc):
    return " ".join(re.sub(r"<[^>]*>", " ", strip_wbr(doc)).split())


def check_summary(source, summary, cut, segmenter, max_words):
    """Every property a summary must have (source: the content's HTML)."""
    assert "<wbr>" not in summary and 'class="w' not in summary
    parts, balanced = blocks(summary)
    assert balanced, summary
    if not cut:
        assert summary == strip_wbr(source)
        return
    assert re.sub(r"(</[a-z0-9]+>\s*)+$", "", summary).endswith("…"), summary
    text = plain(summary)
    assert text.endswith("…")
    assert plain(source).startswith(text[:-1].rstrip()), (text[-40:], plain(source)[:200])
    # the last block is not a stray fragment: when it is cut, it keeps MIN_LAST_BLOCK words
    # (only the first block with words may be cut shorter)
    last = " ".join(parts[-1][:-1].split())
    assert last, summary
    whole = " ".join(blocks(strip_wbr(source))[0][len(parts) - 1].split())
    if last == whole:
        return
    assert whole.startswith(last), (last, whole)
    assert not any(segmenter.words(p) for p in parts[:-1]) or len(segmenter.words(last)) >= MIN_LAST_BLOCK, (
        parts[-1], summary)
    # the cut is where a line may break: at a space or a break point, not inside a name or a
    # dictionary word
    k = len(last)
    if not whole[k].isspace():
        assert k in set(segmenter.break_offsets(whole)), last[-20:] + "|" + whole[k : k + 20]
    for start, end in segmenter.protected_spans(whole):
        assert not start < k < end, (whole[start:end], last[-20:])
    # never a number cut from its unit, nor a lead word from its number, in one text node
    # ("\0" marks where one ends: ร้อยละ 25 <b>วันที่ 17</b> holds no "25 วัน")
    marked = " ".join(blocks(strip_wbr(source), "\0")[0][len(parts) - 1].split())
    at = [i for i, ch in enumerate(marked) if ch != "\0"]
    for group in NUMBER_GROUP.finditer(marked):
        assert not group.start() < at[k] < group.end(), (group.group(0), last[-30:])


def _content_of(path: Path) -> str:
    page = path.read_text(encoding="utf-8")
    m = re.search(r'<div class="prose">(.*?)</div>\s*(?:<section|<div class="tags"|</article>)', page, re.S)
    assert m, path
    return m.group(1)


@pytest.fixture(scope="module")
def sample_contents(sample_site):
    files = sorted(sample_site.output.glob("news/*/index.html"))
    files += [p for p in sorted(sample_site.output.glob("*/index.html"))
              if (ROOT / "content" / "pages" / f"{p.parent.name}.md").exists()]
    assert len(files) >= 20
    return {f.parent.name: _content_of(f) for f in files}


def test_summaries_of_all_sample_content(sample_contents, segmenter):
    cut_count = 0
    for name, content in sample_contents.items():
        for max_words in range(3, 80, 4):
            summary, cut = summarize(content, segmenter, max_words)
            cut_count += cut
            check_summary(content, summary, cut, segmenter, max_words)
    assert cut_count > 200


def test_sample_summaries_as_built_end_well(sample_site, segmenter):
    """The summaries on the home page cards, as built (the default 30 words)."""
    home = (sample_site.output / "index.html").read_text(encoding="utf-8")
    cards = re.findall(r'<div class="card-summary">(.*?)</div>', home, re.S)
    assert len(cards) >= 8
    for card in cards:
        parts, balanced = blocks(card)
        assert balanced and parts
        assert all(len(segmenter.words(p.rstrip("…"))) >= MIN_LAST_BLOCK for p in parts), parts


# -- generated text --------------------------------------------------------------------------

chunks = st.sampled_from([
    "ศูนย์ปฏิบัติการต่อต้านการทุจริต", "กระทรวงแรงงาน", "จัดอบรม", "เจ้าหน้าที่", "ผู้", "การ",
    "นายสมชาย ใจซื่อ", "นางสาวพิมพ์ชนก ศรีสวัสดิ์", "พล.ต.อ.สมศักดิ์ เกียรติวงศ์ไพบูลย์",
    "3,000 บาท", "จำนวน 85 คน", "ร้อยละ 25", "วันที่ 17 มีนาคม 2565", "เวลา 09.30 น.",
    "โรงแรมแมริออท", "ไบเทค บางนา", "ป.ป.ช.", "ITA", " ", " ", "เครือข่าย", "อาสาสมัคร", "และ",
    "ทุจจริต", "&amp;", "ได้รับ", "ผลประโยชน์ทับซ้อน", "1,200", "กิโลเมตร", " (", ")", "Labour Center",
])
paragraph = st.lists(chunks, min_size=1, max_size=12).map(lambda p: "".join(p).strip() or "ข่าว")
inline = st.sampled_from(["{}", "<strong>{}</strong>", '<a href="/x/">{}</a>', "<em>{}</em>", '<span lang="th">{}</span>'])


@st.composite
def documents(draw):
    parts = []
    for _ in range(draw(st.integers(1, 4))):
        tag = draw(st.sampled_from(["p", "p", "li", "h2", "blockquote"]))
        body = " ".join(draw(inline).format(draw(paragraph)) for _ in range(draw(st.integers(1, 3))))
        parts.append(f"<ul><li>{body}</li></ul>" if tag == "li" else
                     f"<blockquote><p>{body}</p></blockquote>" if tag == "blockquote" else
                     f"<{tag}>{body}</{tag}>")
    return "\n".join(parts)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(documents(), st.integers(1, 40))
@example(doc="<p>ร้อยละ 25  วันที่ 17 มีนาคม 2565</p>", max_words=1)  # found by Hypothesis: two spaces
# found by Hypothesis: a first block without a word; the summary cannot end before the second
@example(doc="<p>(</p>\n<p>ศูนย์ปฏิบัติการต่อต้านการทุจริตศูนย์ปฏิบัติการต่อต้านการทุจริต</p>", max_words=1)
def test_summaries_of_generated_text(segmenter, doc, max_words):
    content = process_html(doc, segmenter)
    summary, cut = summarize(content, segmenter, max_words)
    check_summary(content, summary, cut, segmenter, max_words)


# -- examples ----------------------------------------------------------------------------------

def test_cut_at_word_boundary_with_ellipsis(segmenter):
    src = process_html(f"<p>{PARAGRAPH}</p><p>{PARAGRAPH}</p>", segmenter)
    summary, cut = summarize(src, segmenter, 12)
    assert cut and summary.endswith("…</p>")
    text = summary[3:-5]
    assert PARAGRAPH.startswith(text[:-1])
    assert len(segmenter.words(text[:-1])) >= 12


def test_a_stray_last_paragraph_is_dropped(segmenter):
    first = "ศูนย์จัดอบรมเจ้าหน้าที่ทุกกรม"
    src = f"<p>{first}</p><p>ผู้เข้าอบรมทุกคนได้รับเกียรติบัตร</p>"
    n = len(segmenter.words(first))
    for extra in range(0, MIN_LAST_BLOCK):
        summary, cut = summarize(src, segmenter, n + extra)
        assert cut and summary == f"<p>{first}…</p>", summary
    summary, _cut = summarize(src, segmenter, n + MIN_LAST_BLOCK)
    assert summary.count("<p>") == 2


@pytest.mark.parametrize("text, whole", [
    ("ศูนย์ได้รับเงินบริจาค 3,000 บาท เพื่อจัดกิจกรรม", "3,000 บาท"),
    ("ผู้เข้าร่วมจำนวน 85 คน จากทุกจังหวัด", "85 คน"),
    ("จัดขึ้นเมื่อวันที่ 17 มีนาคม 2565 ณ ห้องประชุม", "17 มีนาคม 2565"),
    ("คะแนนเพิ่มขึ้นร้อยละ 25 จากปีก่อน", "ร้อยละ 25"),
    ("คะแนนเพิ่มขึ้นร้อยละ 25  วันที่ 17 มีนาคม 2565 ณ ห้องประชุม", "วันที่ 17 มีนาคม 2565"),
    ("ผู้เข้าร่วมจำนวน 85\n  คน จากทุกจังหวัด", "85\n  คน"),
])
def test_numbers_keep_their_units(segmenter, text, whole):
    start = text.index(whole)
    for max_words in range(1, len(segmenter.words(text)) + 1):
        summary, cut = summarize(f"<p>{text}</p>", segmenter, max_words)
        kept = summary[3:-5].rstrip("…")
        assert not start < len(kept) < start + len(whole), kept


def test_names_are_never_cut(segmenter):
    text = "ในพิธีเปิดมีนางสาวพิมพ์ชนก ศรีสวัสดิ์ ผู้อำนวยการศูนย์ เป็นประธาน"
    name = "นางสาวพิมพ์ชนก ศรีสวัสดิ์"
    start = text.index(name)
    for max_words in range(1, 12):
        kept = summarize(f"<p>{text}</p>", segmenter, max_words)[0][3:-5].rstrip("…")
        assert not start < len(kept) < start + len(name), kept


def test_nested_inline_elements_are_closed(segmenter):
    src = f"<p>ข่าว <strong>สำคัญ <em>{PARAGRAPH}</em> ท้าย</strong></p><ul><li>{PARAGRAPH}</li></ul>"
    summary, cut = summarize(src, segmenter, 8)
    assert cut and blocks(summary)[1]
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
    assert blocks(summary)[1]


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


@pytest.mark.parametrize("body", [
    "<p>ศูนย์ฯ ประชุม <a href=\"https://www.mol.go.th/\">กระทรวงแรงงาน</a> x = 'y'</p>",
    "<p>อ่าน<a href=\"{filename}/news/other.md\">ข่าวก่อนหน้า</a></p>",
    "<p><img src='{static}/images/a.jpg' alt=\"ภาพ\"> <a href=\"|filename|/news/b.md\">b</a></p>",
    "<p>สูตร a = {b} และ c = '|d|'</p>",
])
def test_the_body_summaries_are_cut_from_is_pelicans_content(tmp_path, body):
    """Summaries are cut from the body with Pelican's intra-site links resolved; when a body can
    hold no such link, thai_text takes it without Pelican's pass over it: the same text."""
    from datetime import datetime

    from pelican.contents import Article
    from pelican.settings import DEFAULT_CONFIG

    from thai_text.pelican_hooks import _body

    from types import SimpleNamespace

    (tmp_path / "news").mkdir()
    linked = {name: SimpleNamespace(url=url, attach_to=lambda _obj: None) for name, url in
              (("news/other.md", "news/other/"), ("news/b.md", "news/b/"), ("images/a.jpg", "images/a.jpg"))}
    context = {"generated_content": linked, "static_content": linked, "static_links": set(), "localsiteurl": ""}
    settings = {**DEFAULT_CONFIG, "PATH": str(tmp_path)}
    article = Article(body, {"title": "ข่าว", "date": datetime(2026, 3, 1)}, settings=settings,
                      source_path=str(tmp_path / "news" / "a.md"), context=context)
    assert _body(article) == article.content
    assert ("{" not in body) or ("{filename}" not in article.content and "{static}" not in article.content)
