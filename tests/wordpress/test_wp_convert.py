"""The body conversion's parts: text survives Markdown, shortcodes, classic paragraphs, blocks, clutter."""

from __future__ import annotations

import html
import io
from pathlib import Path

import markdown
import pytest
from bs4 import BeautifulSoup
from hypothesis import given, settings, strategies as st

from tools.wordpress.autop import add_paragraphs
from tools.wordpress.blocks import has_blocks, parse_blocks
from tools.wordpress.clutter import clean_clutter, unwrap_facebook
from tools.wordpress.markdown import to_markdown
from tools.wordpress.progress import Progress
from tools.wordpress.shortcodes import replace_shortcodes

# Thai letters, digits, ASCII punctuation that Markdown gives meaning to, spaces.
TEXT = st.text(st.sampled_from(list("กขคงจฉชซญดตถทนบปผพฟมยรลวสหอฮะาิีึืุูเแโใไ่้๊๋ํ็์ ๆฯ0123456789")
                               + list("*_[]()#+-.!`\\<>&|{}~=:;\"' ")), min_size=1, max_size=60)


def _plain(fragment: str) -> str:
    return " ".join(BeautifulSoup(fragment, "html.parser").get_text().split())


@settings(max_examples=300, deadline=None)
@given(TEXT)
def test_any_text_comes_back_from_markdown_unchanged(text):
    """Property: a paragraph's text, converted to Markdown and rendered by Python-Markdown (what
    Pelican runs), reads exactly the same: every character Markdown treats specially is escaped."""
    source = f"<p>{html.escape(text)}</p>"
    md, _kept = to_markdown(source)
    rendered = markdown.markdown(md, extensions=["markdown.extensions.extra"])
    assert _plain(rendered) == " ".join(text.split())


@pytest.mark.parametrize("html_in, expected", [
    ("<ul><li>ก<ul><li>ข</li></ul></li></ul>", "-   ก\n    -   ข\n"),
    ("<ol start=\"3\"><li>ก</li><li>ข</li></ol>", "3.  ก\n4.  ข\n"),
    ("<h1>หัวข้อ</h1>", "## หัวข้อ\n"),
    ("<table><tr><td colspan=\"2\">ก</td></tr><tr><td>ข</td><td>ค</td></tr></table>",
     '<table><tr><td colspan="2">ก</td></tr><tr><td>ข</td><td>ค</td></tr></table>\n'),
    # a table kept as HTML (a heading in a cell): its <h1> is an <h2> too
    ("<table><tr><td><h1>ผลงาน</h1></td><td>ข</td></tr></table>",
     "<table><tr><td><h2>ผลงาน</h2></td><td>ข</td></tr></table>\n"),
])
def test_markdown_dialect(html_in, expected):
    assert to_markdown(html_in)[0] == expected


def test_nested_list_renders_nested_in_python_markdown():
    md, _ = to_markdown("<ul><li>ก<ul><li>ข</li></ul></li><li>ค</li></ul>")
    rendered = markdown.markdown(md)
    assert rendered.count("<ul>") == 2 and "<li>ข</li>" in rendered


def test_shortcodes():
    seen = []

    def handle(code):
        seen.append((code.name, code.attrs, code.content))
        return "<X>"

    text = ('ก [caption id="a1" width="300"]<img src="p.jpg"> คำ[/caption] [gallery ids="1,2"] '
            '[[gallery]] [ภาพ] [1] [embed]https://youtu.be/x[/embed] [gallery]')
    out = replace_shortcodes(text, handle)
    assert out == "ก <X> <X> [gallery] [ภาพ] [1] <X> <X>"
    assert seen[0] == ("caption", {"id": "a1", "width": "300"}, '<img src="p.jpg"> คำ')
    assert seen[1] == ("gallery", {"ids": "1,2"}, None)
    assert seen[2][0] == "embed" and seen[2][2] == "https://youtu.be/x"


def test_classic_paragraphs():
    out = add_paragraphs("หนึ่ง\nสอง\n\nสาม\n<ul>\n<li>ก\nข</li>\n</ul>\n<pre>x\n\ny</pre>")
    assert out == "<p>หนึ่ง<br>\nสอง</p>\n<p>สาม</p>\n<ul>\n<li>ก<br>\nข</li>\n</ul>\n<pre>x\n\ny</pre>"


def test_blocks_nest_and_keep_their_attributes():
    text = ('<!-- wp:gallery {"linkTo":"none"} --><figure><!-- wp:image {"id":9} --><img><!-- /wp:image -->'
            '</figure><!-- /wp:gallery --><!-- wp:block {"ref":4} /--><!-- wp:x {bad json} -->y<!-- /wp:x -->')
    assert has_blocks(text) and not has_blocks("<p>ก</p>")
    gallery, reusable, broken = parse_blocks(text)
    assert gallery.name == "gallery" and gallery.inner_blocks()[0].attrs == {"id": 9}
    assert reusable.name == "block" and reusable.attrs == {"ref": 4} and not reusable.children
    assert broken.bad_attrs and broken.html == "y"


def test_word_and_facebook_clutter():
    soup = BeautifulSoup(
        '<p class="MsoListParagraph"><span style="mso-list:Ignore">·<span>&nbsp; </span></span>'
        '<span style="font-family:\'TH SarabunPSK\'">ข้อหนึ่ง</span></p>'
        '<p class="MsoListParagraph"><span style="mso-list:Ignore">·</span>ข้อสอง</p>'
        '<p><o:p></o:p></p><p>ดู <img src="https://static.xx.fbcdn.net/e.png" alt="👉"> '
        '<a href="https://l.facebook.com/l.php?u=https%3A%2F%2Fwww.mol.go.th%2F%3Ffbclid%3Dabc">ลิงก์</a></p>',
        "html.parser")
    removed = clean_clutter(soup)
    assert str(soup) == '<ul><li>ข้อหนึ่ง</li><li>ข้อสอง</li></ul><p>ดู 👉 <a href="https://www.mol.go.th/">ลิงก์</a></p>'
    assert removed["word-list"] == 1 and removed["emoji"] == 1
    assert unwrap_facebook("https://x.example/a?b=1&fbclid=zz") == "https://x.example/a?b=1"


def test_progress_bar_draws_on_a_terminal_only():
    stream = io.StringIO()
    with Progress(enabled=True, stream=stream).step("แปลงเนื้อหา / converting", 3) as advance:
        for _ in range(3):
            advance()
    assert "แปลงเนื้อหา" in stream.getvalue() and "3/3" in stream.getvalue()
    quiet = io.StringIO()
    with Progress(stream=quiet).step("x", 3) as advance:  # StringIO is not a terminal
        advance()
    assert quiet.getvalue() == ""


def test_burmese_typed_in_zawgyi_is_named_in_the_report():
    # A pre-2019 notice to migrant workers, its Burmese typed in the Zawgyi font: imported as
    # written (only a reader of Burmese can check a conversion), named in the report.
    from tools.wordpress.catalog import Catalog
    from tools.wordpress.convert import prepare
    from tools.wordpress.wxr import Export, Item

    catalog = Catalog(export=Export(path=Path("export.xml"), link="https://example.go.th"))
    zawgyi = "ေငြေပးရန္ မလိုပါ ဖုန္း 1546 သို႔ အခမဲ့ ဆက္သြယ္ႏိုင္ပါသည္။"
    out = prepare(Item(line=1, content=f"<p>ประกาศถึงแรงงาน</p>\n<p>{zawgyi}</p>"), catalog)
    assert zawgyi in out.html
    assert any("Zawgyi" in thai and "1 paragraph" in english for thai, english in out.problems), out.problems
    unicode = "ငွေပေးရန် မလိုပါ ဖုန်း 1546 သို့ အခမဲ့ ဆက်သွယ်နိုင်ပါသည်။"
    assert not prepare(Item(line=1, content=f"<p>{unicode}</p>"), catalog).problems
