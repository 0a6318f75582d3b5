"""A small site for the search tests: original Thai press releases with tone-mark minimal pairs.

ข่าว (news) / ขาว (white), เสือ (tiger) / เสื่อ (mat) / เสื้อ (shirt), ไก่ (chicken) / ไกล (far)
each live in different articles, so a search that folds vowels or tone marks finds the wrong one.
A draft and a hidden article hold words that must never be found.
"""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def _article(slug, title, date, category, body, status=None):
    head = f"Title: {title}\nDate: {date}\nCategory: {category}\nSlug: {slug}\n"
    if status:
        head += f"Status: {status}\n"
    return head + "\n" + body + "\n"


FILES = {
    "news/news-meeting.md": _article(
        "news-meeting",
        "ศูนย์ฯ ประชุมเครือข่ายดวงตาแรงงานภาคอีสาน",
        "2025-03-14 10:00",
        "ข่าวกิจกรรม",
        "ศูนย์ปฏิบัติการต่อต้านการทุจริตจัดประชุมเครือข่ายดวงตาแรงงานที่จังหวัดขอนแก่น "
        "เพื่อทบทวนการรับแจ้งเบาะแสและการเผยแพร่ข่าวสารให้ประชาชนได้รับรู้อย่างทั่วถึง\n\n"
        "ในช่วงพักกลางวัน ผู้เข้าร่วมได้ชิมไก่ย่างฝีมือชุมชนท้องถิ่น",
    ),
    "news/white-shirts.md": _article(
        "white-shirts",
        "เจ้าหน้าที่แต่งชุดสีขาวร่วมพิธีเปิดศูนย์บริการ",
        "2024-05-02 09:00",
        "ประกาศ",
        "เจ้าหน้าที่ทุกคนแต่งกายด้วยเสื้อสีขาวตามกำหนดการ พิธีเปิดศูนย์บริการแห่งใหม่ "
        "จัดที่อำเภอเมืองแม่ฮ่องสอน",
    ),
    "news/tiger-forest.md": _article(
        "tiger-forest",
        "รณรงค์ปกป้องป่าตะวันตกบ้านของเสือโคร่ง",
        "2024-06-02 09:00",
        "ข่าวประชาสัมพันธ์",
        "ศูนย์ปฏิบัติการต่อต้านการทุจริตร่วมกับชุมชนรณรงค์ไม่ให้มีการลักลอบตัดไม้ในป่า "
        "ซึ่งเป็นถิ่นอาศัยของเสือโคร่ง",
    ),
    "news/mat-meditation.md": _article(
        "mat-meditation",
        "ปูเสื่อนั่งสมาธิก่อนเริ่มงานวันสุจริต",
        "2023-11-20 08:30",
        "ข่าวกิจกรรม",
        "ผู้บริหารและเจ้าหน้าที่ปูเสื่อนั่งสมาธิร่วมกันที่ลานหน้าอาคาร "
        "บางคนเดินทางมาไกลจากสำนักงานจังหวัดชายแดน",
    ),
    "news/draft-secret.md": _article(
        "draft-secret",
        "ร่างประกาศที่ยังไม่เผยแพร่",
        "2025-01-05 09:00",
        "ประกาศ",
        "ข้อความนี้มีคำว่ากระท่อมริมบึงซึ่งยังไม่ควรค้นเจอ",
        status="draft",
    ),
    "news/hidden-page.md": _article(
        "hidden-page",
        "ประกาศที่ซ่อนจากรายการ",
        "2025-01-06 09:00",
        "ประกาศ",
        "ข้อความนี้มีคำว่าทุเรียนหมอนทองซึ่งไม่ควรค้นเจอ",
        status="hidden",
    ),
    "pages/about.md": "Title: เกี่ยวกับศูนย์\nSlug: about\n\n"
    "ศูนย์ปฏิบัติการต่อต้านการทุจริตกำกับดูแลความโปร่งใสของหน่วยงานในสังกัด\n",
}

# Twenty-four short reports that share the word ตรวจติดตาม (more than two pages of results) and
# say ข้าว (rice), which looks like ขาว (white) once its tone mark is folded away.
for n in range(1, 25):
    FILES[f"news/follow-up-{n:02d}.md"] = _article(
        f"follow-up-{n:02d}",
        f"ตรวจติดตามสำนักงานแรงงานจังหวัด ครั้งที่ {n}",
        f"{2021 + n % 2}-{(n % 12) + 1:02d}-10 09:00",
        "ประกาศ" if n % 2 else "ข่าวกิจกรรม",
        f"คณะทำงานลงพื้นที่ตรวจติดตามการให้บริการประชาชน ครั้งที่ {n} "
        "และรับฟังข้อเสนอแนะจากเกษตรกรผู้ปลูกข้าวในพื้นที่",
    )


def write_content(folder: Path) -> Path:
    for rel, text in FILES.items():
        path = folder / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return folder


def build_search_site(base: Path, **overrides):
    """Build FILES into base/output with the project's settings; returns the BuildResult."""
    from tools.build import build

    content = write_content(base / "content")
    settings = {"PATH": str(content), "CACHE_PATH": str(base / "cache")}
    settings.update(overrides)
    return build(ROOT / "pelicanconf.py", base / "output", overrides=settings, quiet=True)
