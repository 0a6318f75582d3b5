"""Documents listed under a release (`Attachments:`, plugins/attachments)."""

import re
from pathlib import Path

import pytest

from attachments.documents import document, listed

ARTICLE = """Title: ประกาศผลการประเมิน ITA ปี 2569
Date: 2569-11-20 10:00
Category: ประกาศ
Slug: ita-2569-notice
{extra}
ศูนย์ปฏิบัติการต่อต้านการทุจริตประกาศผลการประเมินคุณธรรมและความโปร่งใส รายละเอียดตามเอกสารแนบ
"""
PDF = b"%PDF-1.4\n" + b"0" * 2400 + b"\n%%EOF\n"


@pytest.mark.parametrize("value", [
    ["extra/attachments/ita/prakat.pdf: ประกาศผล  ITA", "extra/attachments/ita/score.xlsx:", "ไม่มีโคลอน"],
    "extra/attachments/ita/prakat.pdf: ประกาศผล  ITA\nextra/attachments/ita/score.xlsx:\nไม่มีโคลอน",
])
def test_lines_are_path_and_title(value):
    entries, bad = listed(value, first_line=6)
    assert [(e.line, e.path, e.title) for e in entries] == [
        (6, "extra/attachments/ita/prakat.pdf", "ประกาศผล ITA"), (7, "extra/attachments/ita/score.xlsx", "")]
    assert bad == [(8, "ไม่มีโคลอน")]


def test_where_a_document_may_be(tmp_path):
    content = tmp_path / "content"
    (content / "extra" / "attachments" / "ita").mkdir(parents=True)
    (content / "extra" / "attachments" / "ita" / "prakat.pdf").write_bytes(PDF)
    (content / "extra" / "attachments" / "ita" / "setup.exe").write_bytes(b"MZ")
    (content / "extra" / "attachments" / "ita" / "empty.pdf").write_bytes(b"")
    (content / "news").mkdir()
    (content / "news" / "notes.pdf").write_bytes(PDF)
    settings = {"PATH": str(content), "STATIC_PATHS": ["images"], "ATTACHMENTS_DIR": "extra/attachments",
                "ATTACHMENTS_TYPES": {"pdf": "PDF"}}
    why = {path: document(listed(f"{path}: x")[0][0], settings)[1] for path in (
        "extra/attachments/ita/prakat.pdf", "/extra/attachments/ita/prakat.pdf", "extra/attachments/ita/PRAKAT.pdf",
        "extra/attachments/ita/setup.exe", "news/notes.pdf", "../secret.pdf", "extra/../../secret.pdf",
        "images/x.pdf", "extra/attachments/ita/empty.pdf")}
    assert why == {
        "extra/attachments/ita/prakat.pdf": None, "/extra/attachments/ita/prakat.pdf": None,
        "extra/attachments/ita/PRAKAT.pdf": "missing", "extra/attachments/ita/setup.exe": "type",
        "news/notes.pdf": "unpublished", "../secret.pdf": "outside", "extra/../../secret.pdf": "outside",
        "images/x.pdf": "missing", "extra/attachments/ita/empty.pdf": "empty"}


def test_a_release_lists_its_documents_with_type_and_size(build_site):
    files = {
        "news/ita-2569-notice.md": ARTICLE.format(extra=(
            "Attachments: extra/attachments/ita-2569/prakat-ita.pdf: ประกาศผลการประเมิน ITA ปี 2569\n"
            "    extra/attachments/ita-2569/คะแนน รายหน่วยงาน.xlsx: ตารางคะแนนรายหน่วยงาน\n")),
        "extra/attachments/ita-2569/prakat-ita.pdf": PDF,
        "extra/attachments/ita-2569/คะแนน รายหน่วยงาน.xlsx": b"PK\x03\x04" + b"1" * 1_500_000,
        "extra/attachments/ita-2569/ฉบับร่างที่ถอนออก.pdf": PDF,
    }
    result = build_site(files)
    assert result.ok, result.errors
    html = (result.output / "news" / "ita-2569-notice" / "index.html").read_text(encoding="utf-8")
    section = re.search(r'<section class="attachments".*?</section>', html, re.S).group(0)
    items = [re.sub(r"<[^>]+>|\u200b", "", li).split() for li in re.findall(r"<li>(.*?)</li>", section, re.S)]
    assert items == [["ประกาศผลการประเมิน", "ITA", "ปี", "2569", "(PDF,", "2", "KB)"],
                     ["ตารางคะแนนรายหน่วยงาน", "(Excel,", "1.5", "MB)"]], items
    hrefs = re.findall(r'href="([^"]+)"', section)
    assert [h.rsplit("/", 3)[-3:] for h in hrefs][0] == ["attachments", "ita-2569", "prakat-ita.pdf"]
    from urllib.parse import unquote, urlsplit

    for href in hrefs:  # each link leads to the published file, byte for byte
        published = result.output / unquote(urlsplit(href).path).lstrip("/")
        assert published.read_bytes() == files[unquote(urlsplit(href).path).lstrip("/")], href
    assert not any("Attachments" in w and "metadata" in w.lower() for w in result.warnings)  # the key is known
    # A document in the folder that no release lists (one a writer took off) is not published.
    assert sorted(p.name for p in (result.output / "extra" / "attachments" / "ita-2569").iterdir()) == \
        ["prakat-ita.pdf", "คะแนน รายหน่วยงาน.xlsx"]


def test_a_document_that_is_not_there_keeps_the_release_off_the_site(build_site):
    files = {
        "news/ita-2569-notice.md": ARTICLE.format(extra="Attachments: extra/attachments/ita-2569/prakat.pdf: ประกาศ\n"),
    }
    result = build_site(files)
    assert any("content/news/ita-2569-notice.md:5" in e and "prakat.pdf" in e and "attachments" in e.lower()
               for e in result.errors), result.errors
    assert not result.ok  # an ERROR: CI stops the release, and the published site stays as it was


def test_a_drafts_documents_wait_with_it_in_production(build_site):
    files = {
        "news/ita-2569-notice.md": ARTICLE.format(extra=(
            "Status: draft\nAttachments: extra/attachments/ita-2569/prakat-ita.pdf: ประกาศผลการประเมิน\n")),
        "news/other.md": ARTICLE.replace("ita-2569-notice", "other").format(extra=""),
        "extra/attachments/ita-2569/prakat-ita.pdf": PDF,
    }
    result = build_site(files, DRAFT_SAVE_AS="", DRAFT_URL="")
    assert result.ok, result.errors
    assert not (result.output / "extra" / "attachments").exists()
    result = build_site(files)  # the development build shows drafts, with their documents
    assert (result.output / "extra" / "attachments" / "ita-2569" / "prakat-ita.pdf").read_bytes() == PDF


def test_feeds_offer_a_releases_documents_as_enclosures(build_site):
    """A feed reader offers the documents for download: every one in Atom (link rel=enclosure),
    the first in RSS (one enclosure per item), each an absolute link to the published file with
    its size and media type."""
    import xml.etree.ElementTree as ET
    from urllib.parse import unquote, urlsplit

    files = {
        "news/ita-2569-notice.md": ARTICLE.format(extra=(
            "Attachments: extra/attachments/ita-2569/prakat-ita.pdf: ประกาศผลการประเมิน ITA ปี 2569\n"
            "    extra/attachments/ita-2569/คะแนน รายหน่วยงาน.xlsx: ตารางคะแนนรายหน่วยงาน\n")),
        "news/other.md": ARTICLE.replace("ita-2569-notice", "other").replace("ITA ปี 2569", "ITA ปี 2568").format(extra=""),
        "extra/attachments/ita-2569/prakat-ita.pdf": PDF,
        "extra/attachments/ita-2569/คะแนน รายหน่วยงาน.xlsx": b"PK\x03\x04" + b"1" * 1_500,
    }
    result = build_site(files)
    assert result.ok, result.errors
    atom = ET.parse(result.output / "feeds" / "all.atom.xml").getroot()
    ns = {"a": "http://www.w3.org/2005/Atom"}
    by_entry = {e.find("a:title", ns).text: e.findall("a:link[@rel='enclosure']", ns) for e in atom.findall("a:entry", ns)}
    assert len(by_entry) == 2
    enclosures = next(links for title, links in by_entry.items() if links)
    assert sum(bool(links) for links in by_entry.values()) == 1  # the release without documents has none
    assert [(l.get("type"), l.get("length")) for l in enclosures] == [
        ("application/pdf", str(len(PDF))),
        ("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "1504")]
    for link in enclosures:
        href = link.get("href")
        assert urlsplit(href).scheme in ("http", "https")
        assert (result.output / unquote(urlsplit(href).path).lstrip("/")).stat().st_size == int(link.get("length"))
    rss = ET.parse(result.output / "feeds" / "all.rss.xml").getroot()
    found = [(i.find("enclosure").get("url"), i.find("enclosure").get("type"))
             for i in rss.iter("item") if i.find("enclosure") is not None]
    assert found == [(enclosures[0].get("href"), "application/pdf")]
