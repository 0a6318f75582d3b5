"""The sanitiser: what it keeps, what it removes, how it reports, and that no script gets through."""

from __future__ import annotations

import html
import re
import sys
from html.parser import HTMLParser
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "plugins"))

from content_guard.sanitize import describe, is_same_site, sanitize, video_link  # noqa: E402

SITE = ("https://zerocorruption.mol.go.th",)


def test_plain_markdown_output_is_kept_as_it_is():
    fragment = (
        '<h2 id="x">หัวข้อ</h2>\n<p>ข้อความ <strong>หนา</strong> <em>เอียง</em> '
        '<a href="/news/a/">ลิงก์</a> <a href="https://www.mol.go.th/">กระทรวง</a></p>\n'
        '<ul>\n<li>หนึ่ง</li>\n</ul>\n<table>\n<thead>\n<tr>\n<th>ก</th>\n</tr>\n</thead>\n</table>\n'
        '<p><img alt="ภาพ" src="{static}/images/a.jpg"></p>\n'
        '<sup id="fnref:1"><a class="footnote-ref" href="#fn:1">1</a></sup>'
    )
    cleaned = sanitize(fragment, SITE)
    assert cleaned.html == fragment
    assert describe(cleaned) is None


def test_a_markdown_table_with_aligned_columns_is_kept_without_a_warning():
    """`|:---|---:|` in Markdown gives inline styles; they become the theme's classes, with no
    warning (a warning would stop `invoke publish`). The same style pasted in other HTML is still
    removed and reported."""
    import markdown

    table = markdown.markdown("| ประเภท | จำนวน |\n|:---|---:|\n| เรื่องร้องเรียน | 17 |", extensions=["tables"])
    assert 'style="text-align: right;"' in table
    cleaned = sanitize(table, SITE)
    assert describe(cleaned) is None and "style=" not in cleaned.html
    assert '<td class="align-right">17</td>' in cleaned.html and '<th class="align-left">' in cleaned.html
    pasted = sanitize('<table><tr><td style="text-align: right; color: red">17</td></tr></table>', SITE)
    assert "style" in pasted.removed and "style=" not in pasted.html


@pytest.mark.parametrize(
    "dirty, gone, reported",
    [
        ("<p>ก<script>alert(1)</script></p>", "alert", "scripts"),
        ('<p onclick="steal()">ก</p>', "steal", "onclick"),
        ('<img src="x.jpg" onerror="steal()" alt="">', "steal", "onerror"),
        ('<a href="javascript:steal()">ก</a>', "steal", "javascript"),
        ('<a href="JaVaScRiPt&#58;steal()">ก</a>', "steal", "javascript"),
        ('<a href="vbscript:steal()">ก</a>', "steal", "javascript"),
        ('<iframe src="https://evil.example/x"></iframe>', "evil", "iframes"),
        ('<p style="color:red">ก</p>', "color", "inline styles"),
        ("<style>p{color:red}</style><p>ก</p>", "color", "<style>"),
        ('<p class="MsoNormal">ก<o:p></o:p></p>', "Mso", "Word"),
        ('<img src="https://scontent.fbcdn.net/x.jpg" alt="">', "fbcdn", "another site"),
        ('<img src="data:image/png;base64,AAAA" alt="">', "base64", "another site"),
        ('<object data="x.swf"></object>', "swf", "<object>"),
        ('<form action="https://evil.example/"><input name="p"></form>', "evil", "<form>"),
        ('<svg><script>steal()</script></svg>', "steal", "<svg>"),
        ('<meta http-equiv="refresh" content="0;url=https://evil.example/">', "evil", "<meta>"),
    ],
)
def test_dangerous_html_is_removed_and_reported(dirty, gone, reported):
    cleaned = sanitize(dirty, SITE)
    assert gone not in cleaned.html
    words = describe(cleaned)
    assert words is not None, cleaned
    assert reported.lower() in words[1].lower(), words


def test_youtube_and_facebook_embeds_become_links_that_load_nothing():
    yt = sanitize(
        '<iframe width="560" src="https://www.youtube-nocookie.com/embed/Ab_cd-12345?si=q" '
        'allowfullscreen></iframe>'
    )
    assert "<iframe" not in yt.html
    assert 'href="https://www.youtube.com/watch?v=Ab_cd-12345"' in yt.html
    assert describe(yt) is None
    fb = sanitize(
        '<iframe src="https://www.facebook.com/plugins/video.php?height=314&amp;href='
        'https%3A%2F%2Fwww.facebook.com%2Fmolthailand%2Fvideos%2F1234567890%2F&amp;show_text=false">'
        "</iframe>"
    )
    assert "<iframe" not in fb.html
    assert 'href="https://www.facebook.com/molthailand/videos/1234567890/"' in fb.html
    # No element that makes the browser fetch anything by itself.
    for cleaned in (yt, fb):
        assert not re.search(r"<(img|iframe|script|video|audio|source|object|embed)\b", cleaned.html)


def test_embeds_can_be_turned_off():
    cleaned = sanitize('<iframe src="https://www.youtube.com/embed/Ab_cd-12345"></iframe>', video_embeds=False)
    assert cleaned.html == ""
    assert "<iframe>" in cleaned.removed


def test_video_allowlist_is_strict():
    assert video_link("https://www.youtube.com/embed/Ab_cd-12345")
    assert video_link("https://youtube.com.evil.example/embed/Ab_cd-12345") is None
    assert video_link("http://www.youtube.com/embed/Ab_cd-12345") is None
    assert video_link("https://www.facebook.com/plugins/video.php?href=https%3A%2F%2Fevil.example%2F") is None


def test_facebook_link_wrapper_and_tracking_are_removed():
    cleaned = sanitize(
        '<a href="https://l.facebook.com/l.php?u=https%3A%2F%2Fwww.mol.go.th%2Fnews%3Fid%3D5'
        '&amp;h=AT0x">ข่าว</a> <a href="https://www.mol.go.th/?fbclid=IwAR0abc">หน้าแรก</a>'
    )
    assert 'href="https://www.mol.go.th/news?id=5"' in cleaned.html
    assert 'href="https://www.mol.go.th/"' in cleaned.html
    assert describe(cleaned) is None


def test_same_site():
    assert is_same_site("{static}/images/a.jpg")
    assert is_same_site("../images/a.jpg")
    assert is_same_site("https://zerocorruption.mol.go.th/theme/a.png", SITE)
    assert not is_same_site("https://zerocorruption.mol.go.th.evil.example/a.png", SITE)
    assert not is_same_site("//evil.example/a.png")
    assert not is_same_site("https://evil.example/a.png", SITE)


class _Scan(HTMLParser):
    """What a browser would treat as script: elements, handlers, script URLs, styles, frames."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.bad = []

    def handle_starttag(self, tag, attrs):
        if tag in {"script", "iframe", "object", "embed", "style", "link", "meta", "base", "svg",
                   "math", "form", "frame", "frameset", "applet", "noscript", "template"}:
            self.bad.append(tag)
        for name, value in attrs:
            if name.startswith("on") or name in {"style", "srcdoc", "formaction"}:
                self.bad.append(name)
            url = re.sub(r"[\x00-\x20]", "", html.unescape(value or "")).lower()
            if name in {"href", "src", "action", "xlink:href", "data"} and url.startswith(
                ("javascript:", "vbscript:", "data:text")
            ):
                self.bad.append(url)
            if tag == "img" and name == "src" and not is_same_site(value or "", SITE):
                self.bad.append("foreign " + url)

    handle_startendtag = handle_starttag


PIECES = st.sampled_from([
    "<script>", "</script>", "<SCRIPT SRC=//evil.example/x.js>", "<scr<script>ipt>", "alert(1)",
    "<img src=x onerror=alert(1)>", '<a href="javascript:alert(1)">', '<a href="jav&#x09;ascript:x">',
    '<a href=" &#106;avascript:x">', "<iframe src=https://evil.example>", "</iframe>",
    "<svg onload=alert(1)>", "<math><mi xlink:href=javascript:x>", '<p style="x:expression(1)">',
    "<style>", "</style>", "<!--", "-->", "<![CDATA[", "]]>", "<", ">", '"', "'", "=", " ",
    "<p>", "</p>", "<div ", "onclick=x ", "<object data=x>", "<embed src=x>", "<base href=//e>",
    "<meta http-equiv=refresh content=0>", "<form action=//e><button formaction=javascript:x>",
    "<noscript><p title=\"</noscript><img src=x onerror=alert(1)>\">", "<template><script>",
    '<iframe src="https://www.youtube.com/embed/Ab_cd-12345" onload=x>', "ข่าว", "&lt;script&gt;",
    "<img src=https://evil.example/a.png>", "<img src=data:image/svg+xml,x>", "<a href=/ok/>",
])


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(PIECES | st.text(max_size=6), max_size=25).map("".join))
def test_no_script_ever_gets_through(fragment):
    cleaned = sanitize(fragment, SITE)
    scan = _Scan()
    scan.feed(cleaned.html)
    scan.close()
    assert scan.bad == [], (fragment, cleaned.html)
    # Sanitising is stable: the cleaned HTML has nothing more to remove.
    again = sanitize(cleaned.html, SITE)
    assert describe(again) is None, (cleaned.html, again.removed)
