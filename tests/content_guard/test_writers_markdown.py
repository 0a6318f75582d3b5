"""The site reads a release's Markdown as the web editor's preview does (writers_markdown.py).

The property: for every release and page of the site's content, for texts written the way press
releases are (hashtags, a list right under a line of text, web addresses in a sentence, tables,
numbered steps) and for a thousand releases put together from those blocks, the blocks the build
makes (headings, paragraphs, lists with their items and first number, tables, quotes, code) and
the addresses it links are the ones Decap CMS's own parser finds (tests/content_guard/
editor_blocks.cjs, run with node on the editor's node_modules).

Not covered, because writers do not write them and the two parsers still differ there: two
lists one after the other marked differently (`-` then `*`), lines that continue a quote or a
table without their mark, and `---` right under a line of text. Nor a line break right after a
web address: the editor's parser takes the backslash into the address and drops the break, the
site links the address and breaks the line.
"""

from __future__ import annotations

import json
import random
import re
import subprocess
import sys
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from markdown import Markdown

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "plugins"))

from pelican.settings import DEFAULT_CONFIG  # noqa: E402

from content_guard.settings import with_defaults  # noqa: E402
from content_guard.source import read_header  # noqa: E402
from content_guard.writers_markdown import NAME  # noqa: E402

BLOCKS = {"p": "paragraph", "table": "table", "blockquote": "blockquote", "pre": "code", "hr": "thematicBreak"}

# Written the way releases are: each is one case where Python-Markdown alone and the editor differ,
# or a neighbour of one that must not change.
WRITTEN = {
    "hashtags": "ผู้พบเห็นการทุจริตแจ้งได้ที่สายด่วน 1546\n\n#ดวงตาแรงงาน #ศปทแรงงาน #ไม่รับของขวัญ\n",
    "hashtags under text": "ขอเชิญร่วมกิจกรรม\n#ดวงตาแรงงาน #ศปทแรงงาน\n",
    "heading": "# สรุปผลการตรวจ\n\nคณะตรวจพบข้อสังเกตสามข้อ\n\n## ข้อเสนอแนะ\n\nให้ติดป้ายประกาศ\n",
    "heading then text": "### กำหนดการ\nเริ่มลงทะเบียนเวลา 08.30 น.\n",
    "bullets under text": "ข้อสังเกตจากการตรวจ มีดังนี้\n- ใบสำคัญรับเงินไม่มีลายมือชื่อ\n- ทะเบียนคุมวัสดุบันทึกด้วยมือ\n"
                          "- ป้ายประกาศติดในจุดที่มองเห็นยาก\n\nคณะตรวจจะติดตามผลในเดือนหน้า\n",
    "steps under text": "ขั้นตอนการแจ้งเบาะแส\n1. โทรสายด่วน 1546 กด 5\n2. แจ้งชื่อหน่วยงานและวันเวลา\n"
                        "3. รับเลขที่เรื่องไว้ติดตามผล\n",
    "steps numbered with brackets": "ขั้นตอน\n1) กรอกแบบฟอร์ม\n2) แนบหลักฐาน\n",
    "steps going on after text": "3. ตรวจเอกสาร\n\nเจ้าหน้าที่จะโทรกลับภายในสามวัน\n\n4. นัดหมายสอบข้อเท็จจริง\n",
    "numbers inside a line": "แบ่งเป็น 1) การตรวจเอกสาร และ 2) การสัมภาษณ์ผู้เกี่ยวข้อง\n",
    "list after heading": "## ข้อเสนอแนะ\n- จัดทำป้ายหลายภาษา\n- เพิ่มการชำระเงินออนไลน์\n",
    "list with a continued item": "- ใบสำคัญรับเงินค่าอาหารว่าง\n  บางฉบับไม่มีลายมือชื่อ\n- ทะเบียนคุมวัสดุ\n",
    "list between texts": "มีผู้เข้าร่วม\n* ข้าราชการ 40 คน\n* ลูกจ้าง 12 คน\nรวมทั้งสิ้น 52 คน\n",
    "address in a sentence": "อ่านรายงานฉบับเต็มได้ที่ https://zerocorruption.mol.go.th/pages/reports/ ตลอด 24 ชั่วโมง\n",
    "address in brackets": "ดูประกาศ (https://www.mol.go.th/news/2569/12) และแบบฟอร์ม https://forms.mol.go.th/a_b_c.\n",
    "address as a link": "ดู[ประกาศฉบับเต็ม](https://www.mol.go.th/x) หรือ <https://www.mol.go.th/y>\n",
    "address in code": "พิมพ์ `https://example.go.th/api` ในช่องที่อยู่\n",
    "table after text": "สรุปจำนวนเรื่อง\n\n| ประเภท | จำนวน |\n|---|---:|\n| นายหน้าเถื่อน | 71 |\n| อื่นๆ | 24 |\n",
    "quote": "> เราจะไม่ยอมให้มีการเรียกรับเงินแม้แต่บาทเดียว\n\nนายวีรพงษ์ ศรีสุวรรณ์ กล่าว\n",
    "line breaks from the editor": "สอบถามเพิ่มเติม\\\nกลุ่มงานประชาสัมพันธ์ ศปท.\\\nโทร. 0 2232 1262\n",
    "line breaks typed with spaces": "สอบถามเพิ่มเติม  \nโทร. 0 2232 1262\n",
    "struck out": "กำหนดส่งรายงานเลื่อนจากวันที่ ~~5~~ เป็นวันที่ 12 ธันวาคม 2569 (~~ห้อง 301~~ ห้อง 405)\n",
    "bold and emphasis inside Thai text": "ศูนย์ฯ **ขอเชิญ**ประชาชนร่วม*แจ้งเบาะแส*ได้ตลอด 24 ชั่วโมง\n",
    "a backslash that is text": "ใช้เครื่องหมาย \\\\\nแยกรายการ และ ท้ายย่อหน้า\\\n",
    # An official document numbers its items in Thai digits: text in the editor, where the site
    # made a list numbered 1. under <ol start="๑"> (Python's \\d is a digit of any script).
    "items numbered in Thai digits": "ช่องทางยื่นคำขอ\n\n๑. ยื่นด้วยตนเอง\n\n๒. ทางอีเมล\n",
    "items in Thai digits under text": "ช่องทางยื่นคำขอ\n๑) ยื่นด้วยตนเอง\n๒) ทางอีเมล\n",
    "items in Thai digits inside a list": "- ยื่นคำขอ\n    ๑. ด้วยตนเอง\n    ๒. ทางอีเมล\n",
}


def _settings() -> dict:
    settings = dict(DEFAULT_CONFIG)
    settings.update(with_defaults(settings))
    return settings


def markdown_of(configured: dict) -> Markdown:
    """Markdown as Pelican's reader makes it from the MARKDOWN setting (every configured extension)."""
    extensions = list(dict.fromkeys([*configured.get("extensions", ()), *configured["extension_configs"]]))
    return Markdown(**{**configured, "extensions": extensions})


def site_blocks(text: str, markdown: Markdown) -> dict:
    """What the build makes of `text`: its top-level blocks and the addresses it links."""
    soup = BeautifulSoup(markdown.reset().convert(text), "html.parser")
    blocks = []
    for node in soup.find_all(recursive=False):
        if node.name in ("ul", "ol"):
            blocks.append(["list", list_shape(node)])
        elif node.name[0] == "h" and node.name[1:].isdigit():
            blocks.append(["heading", int(node.name[1:])])
        else:
            blocks.append([BLOCKS.get(node.name, node.name), None])
    inline = {kind: len(soup.find_all(tag)) for kind, tag in (("strong", "strong"), ("emphasis", "em"), ("delete", "del"))}
    return {"blocks": blocks, "links": [a["href"] for a in soup.find_all("a")], "breaks": len(soup.find_all("br")),
            "inline": {kind: n for kind, n in inline.items() if n}}


def list_shape(node) -> str:
    """A list as kind, first number and items, with the lists inside each item (as editor_blocks.cjs)."""
    kind = f"ordered from {node.get('start', '1')}" if node.name == "ol" else "bullets"
    items = ["." + "".join(f"({list_shape(inner)})" for inner in item.find_all(["ul", "ol"], recursive=False))
             for item in node.find_all("li", recursive=False)]
    return f"{kind}[{','.join(items)}]"


def editor_blocks(texts: list[str]) -> list[dict]:
    script = Path(__file__).with_name("editor_blocks.cjs")
    done = subprocess.run(["node", str(script)], input=json.dumps(texts), capture_output=True, text=True,
                          check=True)
    return json.loads(done.stdout)


def bodies() -> dict[str, str]:
    """The body of every Markdown file of the site's content, and the written cases."""
    found = {}
    for path in sorted((ROOT / "content").rglob("*.md")):
        text = path.read_text(encoding="utf-8")
        found[str(path.relative_to(ROOT))] = "\n".join(text.splitlines()[read_header(text).body_line - 1:]) + "\n"
    found.update({f"written: {name}": text for name, text in WRITTEN.items()})
    return found


def test_the_site_sees_the_blocks_and_links_the_editor_shows():
    settings = _settings()
    markdown = markdown_of(settings["MARKDOWN"])
    texts = bodies()
    assert len(texts) > len(WRITTEN) + 10
    editor = editor_blocks(list(texts.values()))
    differ = {name: {"site": site_blocks(text, markdown), "editor": seen}
              for (name, text), seen in zip(texts.items(), editor)
              if site_blocks(text, markdown) != seen}
    assert not differ, json.dumps(differ, ensure_ascii=False)


def test_the_site_sees_what_the_editor_shows_in_a_thousand_written_releases():
    """Releases put together from the blocks writers use (paragraphs, a list right under a line
    or after a blank one, numbered steps from 1 or 3 with `.` or `)`, lists inside items as the
    editor writes them or by four spaces, headings, hashtags, quotes, tables, web addresses),
    each keeping to one way of marking its lists: the same blocks and links as in the editor's
    preview, for every one."""
    markdown = markdown_of(_settings()["MARKDOWN"])
    rng = random.Random(2569)
    texts = [written_release(rng) for _ in range(1000)]
    differ = [(text, site_blocks(text, markdown), seen) for text, seen in zip(texts, editor_blocks(texts))
              if site_blocks(text, markdown) != seen]
    assert not differ, json.dumps(differ[:3], ensure_ascii=False)


LINES = ["ศูนย์ฯ จัดประชุมเครือข่ายเฝ้าระวังการทุจริต", "ผู้เข้าร่วมทั้งหมด 52 คน จาก 12 หน่วยงาน",
         "ข้อสังเกต มีดังนี้", "ดูรายละเอียดที่ https://www.mol.go.th/news/1 ตลอดวัน",
         "แบบฟอร์ม (https://forms.mol.go.th/a_b) หรือ https://x.go.th.", "**สรุป** ผลการตรวจเป็นไปด้วยดี",
         "นายวีรพงษ์ ศรีสุวรรณ์ กล่าวว่า ศูนย์ฯ จะติดตามผล", "ปีงบประมาณ 2569 มีเรื่องร้องเรียน 214 เรื่อง",
         "ประชุมวันที่ ~~5~~ 12 ธันวาคม ที่*ห้องประชุมใหญ่*"]
ITEMS = ["ใบสำคัญรับเงินไม่ครบ", "ทะเบียนคุมวัสดุบันทึกด้วยมือ", "ป้ายประกาศมองเห็นยาก", "โทรสายด่วน 1546",
         "แนบหลักฐาน https://forms.mol.go.th/x"]
# The editor's parser takes the backslash of a line break into an address that ends the line
# (https://x.go.th.\ and no break); the site links the address and breaks the line.
URL_AT_END = re.compile(r"https?://\S+$")
TABLE = "| ประเภท | จำนวน |\n|---|---:|\n| นายหน้า | 71 |\n| อื่นๆ | 24 |"


def inner(rng: random.Random, column: int, bullet: str, delimiter: str) -> str:
    """Items inside an item a third of the time: indented to its text (as the web editor writes
    them) or by four spaces (as people type them)."""
    if rng.random() > 1 / 3:
        return ""
    pad = " " * rng.choice([column, 4])
    marks = [f"{bullet} "] * 3 if rng.random() < 0.5 else [f"{n}{delimiter} " for n in (1, 2, 3)]
    return "".join(f"\n{pad}{marks[k]}{rng.choice(ITEMS)}" for k in range(rng.randint(1, 3)))


def written_release(rng: random.Random) -> str:
    """A release body of one to six blocks; a list follows a paragraph on the next line half the
    time, a paragraph follows a heading on the next line a third of the time."""
    bullet, delimiter = rng.choice("-*+"), rng.choice(".)")
    out, before = "", None
    for _ in range(rng.randint(1, 6)):
        kind = rng.choice("ppppbboohtqT")
        if kind == "p":  # lines joined as typed, or with the editor's line break (Shift+Enter)
            lines = [rng.choice(LINES) for _ in range(rng.randint(1, 3))]
            joint = "\n" if any(URL_AT_END.search(line) for line in lines[:-1]) else rng.choice(["\n", "\\\n"])
            text = joint.join(lines)
        elif kind == "b":
            text = "\n".join(f"{bullet} {rng.choice(ITEMS)}" + inner(rng, 2, bullet, delimiter)
                             for _ in range(rng.randint(1, 4)))
        elif kind == "o":
            first = rng.choice([1, 1, 1, 3])
            text = "\n".join(f"{first + i}{delimiter} {rng.choice(ITEMS)}" + inner(rng, 3, bullet, delimiter)
                             for i in range(rng.randint(1, 4)))
        elif kind == "h":
            text = "#" * rng.randint(2, 3) + " " + rng.choice(ITEMS)
        elif kind == "t":
            text = "#ดวงตาแรงงาน #ศปทแรงงาน"
        elif kind == "q":
            text = "> " + rng.choice(LINES)
        else:
            text = TABLE
        if out:
            tight = (kind in "bo" and before == "p" and rng.random() < 0.5) or (
                kind == "p" and before == "h" and rng.random() < 0.3)
            out += "\n" if tight else "\n\n"
        out += text
        before = kind
    return out + "\n"


@pytest.mark.parametrize("name", ["hashtags", "bullets under text", "address in a sentence",
                                  "line breaks from the editor", "struck out", "items numbered in Thai digits"])
def test_without_the_extension_the_site_and_editor_differ(name):
    """The written cases are ones where plain Python-Markdown disagrees with the editor."""
    settings = _settings()
    configs = {k: v for k, v in settings["MARKDOWN"]["extension_configs"].items() if k != NAME}
    plain = markdown_of({**settings["MARKDOWN"], "extension_configs": configs})
    assert site_blocks(WRITTEN[name], plain) != editor_blocks([WRITTEN[name]])[0]


def test_the_setting_turns_it_off_and_defaults_apply_once():
    settings = _settings()
    assert NAME in settings["MARKDOWN"]["extension_configs"]
    assert "MARKDOWN" not in with_defaults(settings)  # applied a second time: nothing to add
    off = dict(DEFAULT_CONFIG, CONTENT_GUARD_MARKDOWN_AS_EDITOR=False)
    assert "MARKDOWN" not in with_defaults(off)
    assert NAME not in DEFAULT_CONFIG["MARKDOWN"]["extension_configs"]  # Pelican's own left alone


def test_a_hashtag_line_is_text_and_a_heading_still_a_heading():
    markdown = markdown_of(_settings()["MARKDOWN"])
    html = markdown.reset().convert(WRITTEN["hashtags"] + "\n# สรุป\n")
    assert "<p>#ดวงตาแรงงาน #ศปทแรงงาน #ไม่รับของขวัญ</p>" in html
    assert "<h1>สรุป</h1>" in html


def test_a_bare_address_links_without_the_punctuation_after_it():
    markdown = markdown_of(_settings()["MARKDOWN"])
    html = markdown.reset().convert(WRITTEN["address in brackets"])
    assert '(<a href="https://www.mol.go.th/news/2569/12">https://www.mol.go.th/news/2569/12</a>)' in html
    assert '<a href="https://forms.mol.go.th/a_b_c">https://forms.mol.go.th/a_b_c</a>.' in html


def test_the_build_reads_a_release_as_the_editor_shows_it(build_site):
    body = WRITTEN["bullets under text"] + "\n" + WRITTEN["address in a sentence"] + "\n" + WRITTEN["hashtags"]
    result = build_site({"news/nan.md": "Title: ตรวจศูนย์ฝึกอาชีพ\nDate: 2569-11-27 09:00\nCategory: ข่าวกิจกรรม\n"
                                        "Slug: nan-2569\n\n" + body})
    assert result.ok, result.errors
    page = BeautifulSoup((result.output / "news/nan-2569/index.html").read_text("utf-8"), "html.parser")
    article = page.find("article")
    assert [h.get_text() for h in article.find_all("h1")] == ["ตรวจศูนย์ฝึกอาชีพ"]  # the title alone
    assert len(article.find("ul").find_all("li")) == 3
    assert article.find("a", href="https://zerocorruption.mol.go.th/pages/reports/") is not None
    assert any(p.get_text() == "#ดวงตาแรงงาน #ศปทแรงงาน #ไม่รับของขวัญ" for p in article.find_all("p"))
