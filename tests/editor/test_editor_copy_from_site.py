"""A writer starts from an earlier release: its text copied from the site and pasted into a new
release comes back as the release's own Markdown, for every release of the site.

The copy is Chromium's own (a selection of the page's article body and Ctrl+C, so the clipboard
holds what a reader's browser puts there: the site's `<wbr>`, the spans that keep names and words
whole, the tables' labels). Links to other pages of the site came back as full addresses
(http://127.0.0.1:.../news/ita-results-2565/), which the build's link check does not look at and
which lead to the address the text was copied from; they are now the page's path. A list inside
a list item (the fees under the first measure of the Udon Thani hearing) was run into the item's
text, word against word; it is now a list inside the item, as the editor writes one. A line break
inside a paragraph (the signature under an announcement) was read as a space; it is kept. The
links the site makes of telephone numbers and e-mail addresses (thai_text's contact_links.py)
came back as Markdown links ([1546](tel:1546)); they come back as the text the writer wrote.
"""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from tests.editor.conftest import CONTENT_FILES, capture_saves, log_in, new_release, put_on_clipboard, wait_for_save

pytestmark = pytest.mark.browser

NEWS = [path for collection, path in CONTENT_FILES if collection == "news"]
LINK = re.compile(r"\]\(([^)\s]+)\)")
# (an address in <>, an autolink, is the address the site shows: the paste gives it back plain)
MARKUP = re.compile(r"\]\([^)]*\)|[*_<>#|`\\\[\]]|^\s*(?:[-+]|\d+\.)\s|:?-{3,}:?", re.M)


def slug_of(path) -> str:
    found = re.search(r"(?im)^slug:\s*(.+)$", path.read_text(encoding="utf-8"))
    return found.group(1).strip() if found else path.stem


def copy_body(page, url: str) -> tuple[str, str]:
    """The clipboard's HTML and text after selecting the article body of `url` and Ctrl+C."""
    page.goto(url)
    page.evaluate("""() => { const range = document.createRange();
        range.selectNodeContents(document.querySelector('.prose'));
        getSelection().removeAllRanges(); getSelection().addRange(range); }""")
    page.keyboard.press("Control+C")
    return page.evaluate("""async () => { const [item] = await navigator.clipboard.read();
        const text = async type => item.types.includes(type) ? (await item.getType(type)).text() : '';
        return [await text('text/html'), await text('text/plain')]; }""")


ITEM = re.compile(r"^( *)([-*+]|\d+\.) ", re.M)


def items(markdown: str) -> list[tuple[int, str]]:
    """The list items of `markdown`: (indent, "-" or "1.") in order; the nesting a list keeps."""
    return [(len(indent), "1." if marker[0].isdigit() else "-") for indent, marker in ITEM.findall(markdown)]


HARD_BREAK = re.compile(r"(?<!\\)(?:\\\\)*\\\n")


def breaks(markdown: str) -> int:
    """The line breaks inside paragraphs of `markdown` (a backslash that ends a line)."""
    return len(HARD_BREAK.findall(markdown))


def words(markdown: str) -> list[str]:
    """The words a reader sees in `markdown` (its markup and link targets left out)."""
    return MARKUP.sub(" ", markdown).split()


def test_every_release_copied_from_the_site_pastes_as_its_markdown(editor, editor_page):
    page = editor_page
    page.context.grant_permissions(["clipboard-read", "clipboard-write"], origin=editor.url)
    copies = {path: copy_body(page, f"{editor.url}/news/{slug_of(path)}/")[0] for path in NEWS}
    log_in(page, editor)  # the editor's page, for its paste functions
    pasted = page.evaluate(
        "copies => copies.map(html => { const p = window.ZeroCorruptionEditor.paste; return p.htmlToMarkdown(p.cleanHtml(html)); })",
        list(copies.values()))
    assert len(copies) >= 25
    for (path, _html), markdown in zip(copies.items(), pasted):
        body = path.read_text(encoding="utf-8").split("\n\n", 1)[1]
        assert words(markdown) == words(body), path.name
        assert items(markdown) == items(body), path.name  # lists inside lists stay inside
        assert breaks(markdown) == breaks(body), path.name  # a signature block keeps its lines
        for target in LINK.findall(markdown):
            assert not target.startswith(editor.url), (path.name, target)
            # the site's own links of telephone numbers and addresses go back as text
            assert not target.startswith(("tel:", "mailto:")) or target in body, (path.name, target)
            if target.startswith("/"):
                assert target.rstrip("/").split("/")[-1] in body or target.startswith("/report/"), (path.name, target)


def test_only_the_sites_own_telephone_and_email_links_go_back_to_text(editor, editor_page):
    page = editor_page
    log_in(page, editor)
    html = ('<p>โทร. <a href="tel:+6622321262"><span class="w">0 2232 1262</span></a>-5 หรือ '
            '<a href="tel:+6622321262">0 2232 1262-5</a> สายด่วน <a href="tel:1546">๑๕๔๖</a> '
            '<a href="mailto:zerocorruption@mol.go.th">zerocorruption@mol.go.th</a> '
            '<a href="tel:+6622321263">สายตรงผู้อำนวยการ</a> <a href="tel:+6622321263">0 2232 1262</a> '
            '<a href="mailto:zerocorruption@mol.go.th">เขียนถึงศูนย์ฯ</a></p>')
    markdown = page.evaluate(
        "html => { const p = window.ZeroCorruptionEditor.paste; return p.htmlToMarkdown(p.cleanHtml(html)); }", html)
    assert markdown.strip() == (
        "โทร. 0 2232 1262-5 หรือ 0 2232 1262-5 สายด่วน ๑๕๔๖ zerocorruption@mol.go.th "
        "[สายตรงผู้อำนวยการ](tel:+6622321263) [0 2232 1262](tel:+6622321263) "
        "[เขียนถึงศูนย์ฯ](mailto:zerocorruption@mol.go.th)")


def test_a_copied_link_to_a_page_of_the_site_is_saved_as_its_path(editor, editor_page):
    """The whole path, as a writer takes it: copy a release with a link on the site, paste it
    into a new release, save."""
    page = editor_page
    page.context.grant_permissions(["clipboard-read", "clipboard-write"], origin=editor.url)
    html, text = copy_body(page, f"{editor.url}/news/ita-results-2568/")
    new_release(page, editor, category="ประกาศ")
    saved = capture_saves(page, editor)
    put_on_clipboard(page, editor, html, text)
    page.locator("[data-slate-editor]").first.click()
    page.keyboard.press("Control+V")
    expect(page.frame_locator("iframe").first.locator(".prose a").first).to_be_visible()
    page.get_by_role("button", name="บันทึก").first.click()
    wait_for_save(page, saved)
    body = next(iter(saved.values())).split("\n\n", 1)[1]
    assert "[ผลการประเมินปี 2565](/news/ita-results-2565/)" in body, body
    assert "127.0.0.1" not in body
