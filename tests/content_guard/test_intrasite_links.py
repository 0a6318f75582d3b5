"""content_guard.links.may_hold_intrasite_links, the one rule of where Pelican may change a body
when it renders it ({filename}, {static}, |attach|... links): the build's static links, the
summaries and the preview's page signatures skip Pelican's search of a body when it says False,
so a False must mean that Pelican leaves the body as it is and finds no static link in it."""

from __future__ import annotations

import sys
from pathlib import Path

from hypothesis import example, given, settings
from hypothesis import strategies as st

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "plugins"))

from content_guard.links import may_hold_intrasite_links  # noqa: E402

PIECES = ["<a", "<img", "<source", " ", "\t", "\n", "href", "src", "poster", "content", "=", "= ",
          '"', "'", "{", "}", "|", "{static}", "{attach}", "{filename}", "|static|", "{index}",
          "/images/a.jpg", "b.md", "ข่าว", "<wbr>", "ศูนย์ปฏิบัติการ", ">", "</a>", "<p>", "&amp;"]


def _pelican_settings():
    from pelican.settings import DEFAULT_CONFIG

    return {**DEFAULT_CONFIG, "PATH": str(ROOT / "content"), "SITEURL": ""}


PELICAN = _pelican_settings()


def _article(body: str):
    from pelican.contents import Article

    return Article(body, metadata={"title": "ข่าว"}, settings=PELICAN,
                   source_path=str(ROOT / "content" / "news" / "x.md"), context={})


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=30).map("".join))
@example('<p><img alt="" src="{static}/images/a.jpg"></p>')
@example('<img src = "|static|images/c.png">')
@example('<p>ราคา {ไม่ใช่ลิงก์} | ไม่ใช่ลิงก์ <a href="https://example.org/?a=1">x</a></p>')
def test_false_means_pelican_leaves_the_body_as_it_is(body):
    if not may_hold_intrasite_links(body, PELICAN):
        article = _article(body)
        assert article.get_static_links() == set()
        assert article.content == body


def test_every_sample_body_that_links_inside_the_site_is_found():
    import markdown

    md = markdown.Markdown(extensions=["tables", "attr_list"])
    found = 0
    for path in sorted((ROOT / "content").rglob("*.md")):
        body = md.reset().convert(path.read_text(encoding="utf-8").split("\n\n", 1)[-1])
        links = "{filename}" in body or "{static}" in body or "{attach}" in body
        if links:
            assert may_hold_intrasite_links(body, PELICAN), path.name
            found += 1
    assert found >= 10  # the sample releases that link to others


def test_another_link_pattern_is_always_searched():
    custom = {**PELICAN, "INTRASITE_LINK_REGEX": "[[](?P<what>.*?)[]]"}
    assert may_hold_intrasite_links("<p>ข้อความธรรมดา</p>", custom)
