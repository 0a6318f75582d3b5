"""The import's report, in Thai and English: counts, what was converted, what needs work by hand."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

TYPE_NAMES = {
    "post": ("ข่าว (post)", "posts"),
    "page": ("หน้า (page)", "pages"),
    "attachment": ("ไฟล์แนบ (attachment)", "attachments"),
    "nav_menu_item": ("รายการเมนู", "menu items"),
    "wp_block": ("บล็อกที่ใช้ซ้ำ", "reusable blocks"),
    "revision": ("ฉบับแก้ไข (revision)", "revisions"),
}
STATUS_NAMES = {
    "publish": ("เผยแพร่แล้ว", "published"),
    "future": ("ตั้งเวลาเผยแพร่", "scheduled"),
    "draft": ("ฉบับร่าง", "drafts"),
    "pending": ("รอตรวจ (นำเข้าเป็นฉบับร่าง)", "pending review (imported as drafts)"),
    "private": ("ส่วนตัว (ข้าม)", "private (skipped)"),
    "trash": ("ถังขยะ (ข้าม)", "trashed (skipped)"),
    "password": ("มีรหัสผ่าน (ข้าม)", "password-protected (skipped)"),
    "auto-draft": ("ร่างอัตโนมัติว่าง (ข้าม)", "empty auto-drafts (skipped)"),
}
CONVERTED_NAMES = {
    "gutenberg": ("เนื้อหาแบบบล็อก (Gutenberg)", "block-editor bodies"),
    "gallery": ("แกลเลอรี", "galleries"),
    "caption": ("ภาพพร้อมคำบรรยาย [caption]", "[caption] images"),
    "video": ("วิดีโอ YouTube/Facebook เป็นลิงก์", "YouTube/Facebook videos as links"),
    "embed-link": ("สื่อฝังอื่นเป็นลิงก์", "other embeds as links"),
    "media-link": ("ไฟล์เสียงหรือวิดีโอเป็นลิงก์", "audio or video files as links"),
    "word": ("ข้อความที่วางจาก Word (ลบรูปแบบแล้ว)", "pasted Word text (formatting removed)"),
    "facebook": ("ข้อความที่วางจาก Facebook (ลบอีโมจิภาพแล้ว)", "pasted Facebook text (emoji images removed)"),
    "typo": ("ข้อความที่แก้การพิมพ์ผิด (เช่น เ+เ หรือวรรณยุกต์รูปพิเศษจาก PDF)",
             "text nodes with typing errors fixed (e.g. เ+เ, or a PDF font's glyph variants)"),
    "reusable-block": ("บล็อกที่ใช้ซ้ำ (แทรกเนื้อหาแล้ว)", "reusable blocks (inlined)"),
    "nextpage": ("การแบ่งหน้า (รวมเป็นหน้าเดียว)", "page breaks (joined into one page)"),
    "featured": ("ภาพเด่น (เป็นภาพปก)", "featured images (as covers)"),
    "link": ("ลิงก์ระหว่างข่าว (เป็น {filename})", "links between posts (as {filename})"),
}
FILE_ACTIONS = {
    "added": ("เพิ่มใหม่", "added"),
    "updated": ("ปรับตามไฟล์ส่งออกใหม่", "updated from the newer export"),
    "unchanged": ("ไม่เปลี่ยน", "unchanged"),
    "kept": ("ผู้เขียนแก้แล้ว เก็บไว้ตามเดิม", "edited by an author, kept"),
    "deleted": ("ผู้เขียนลบแล้ว ไม่สร้างใหม่", "deleted by an author, not recreated"),
    "conflict": ("ขัดกัน ไม่เขียนทับ (ดูด้านล่าง)", "conflicts, not overwritten (see below)"),
}


@dataclass
class NeedsWork:
    where: str  # the file written (or the old address for a skipped item)
    title: str
    problems: list[tuple[str, str]]


@dataclass
class ImportReport:
    source: str = ""
    dry_run: bool = False
    types: Counter = field(default_factory=Counter)
    statuses: Counter = field(default_factory=Counter)
    terms: Counter = field(default_factory=Counter)  # categories, tags, authors, comments
    converted: Counter = field(default_factory=Counter)
    files: Counter = field(default_factory=Counter)
    media: Counter = field(default_factory=Counter)
    media_failures: list[tuple[str, str]] = field(default_factory=list)  # (path, reason)
    skipped: list[tuple[str, str, str]] = field(default_factory=list)  # (why, title, old address)
    conflicts: list[tuple[str, str, str]] = field(default_factory=list)
    needs_work: list[NeedsWork] = field(default_factory=list)
    redirects: Counter = field(default_factory=Counter)
    written: list[str] = field(default_factory=list)
    seconds: float = 0.0
    warnings: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return True


def _line(thai: str, english: str, value) -> str:
    return f"  {thai} / {english}: {value:,}" if isinstance(value, int) else f"  {thai} / {english}: {value}"


def format_report(r: ImportReport, limit: int | None = None) -> str:
    """The whole report; `limit` caps each list (None: everything)."""
    out = []
    head = "ทดลองนำเข้า (ไม่ได้เขียนไฟล์) / dry run (nothing written)" if r.dry_run else "นำเข้าแล้ว / imported"
    out.append(f"== รายงานการนำเข้าจาก WordPress / WordPress import report: {r.source} ({head}, {r.seconds:.1f} s)")
    for warning in r.warnings:
        out.append(f"  คำเตือน / warning: {warning}")
    out.append("ในไฟล์ส่งออก / in the export:")
    for key, count in sorted(r.types.items(), key=lambda kv: -kv[1]):
        thai, english = TYPE_NAMES.get(key, (f"ชนิด {key}", f"type {key}"))
        out.append(_line(thai, english, count))
    for key, (thai, english) in (("categories", ("หมวดหมู่", "categories")), ("tags", ("แท็ก", "tags")),
                                 ("authors", ("ผู้เขียน", "authors")),
                                 ("comments", ("ความคิดเห็น (ไม่นำเข้า)", "comments (not imported)"))):
        if r.terms.get(key):
            out.append(_line(thai, english, r.terms[key]))
    out.append("ข่าวและหน้าตามสถานะ / posts and pages by status:")
    for key, count in sorted(r.statuses.items(), key=lambda kv: -kv[1]):
        thai, english = STATUS_NAMES.get(key, (key, key))
        out.append(_line(thai, english, count))
    if r.converted:
        out.append("แปลงแล้ว / converted:")
        for key, count in sorted(r.converted.items(), key=lambda kv: -kv[1]):
            thai, english = CONVERTED_NAMES.get(key, (key, key))
            out.append(_line(thai, english, count))
    out.append("ไฟล์ใน content/ และ deploy/ / files in content/ and deploy/:")
    for key, (thai, english) in FILE_ACTIONS.items():
        if r.files.get(key):
            out.append(_line(thai, english, r.files[key]))
    if r.media:
        out.append("ไฟล์สื่อ / media:")
        for key, count in sorted(r.media.items()):
            out.append(_line(*_MEDIA.get(key, (key, key)), count))
    if r.redirects:
        out.append("ที่อยู่เดิมที่เปลี่ยนทางไปหน้าใหม่ / old addresses redirected:")
        for key, count in sorted(r.redirects.items(), key=lambda kv: -kv[1]):
            out.append(_line(key, key, count) if key not in _REDIRECTS else _line(*_REDIRECTS[key], count))
    sections = [
        ("ข้ามไป (ไม่ได้นำเข้า) / skipped", [f"{why}: {title} ({old})" for why, title, old in r.skipped]),
        ("ไฟล์สื่อที่ดึงไม่สำเร็จ / media that could not be fetched",
         [f"{path}: {reason}" for path, reason in r.media_failures]),
        ("ไฟล์ที่ขัดกัน (ไม่เขียนทับ) / conflicts (not overwritten)",
         [f"{path}: {thai} / {english}" for path, thai, english in r.conflicts]),
    ]
    for title, rows in sections:
        if rows:
            out.append(f"{title}: {len(rows):,}")
            out += [f"  - {row}" for row in rows[:limit]]
            if limit is not None and len(rows) > limit:
                out.append(f"  ... และอีก {len(rows) - limit:,} รายการ / and {len(rows) - limit:,} more")
    if r.needs_work:
        out.append(f"ต้องแก้ด้วยมือ (ตามข่าว) / needs work by hand (post by post): {len(r.needs_work):,}")
        for entry in r.needs_work[:limit]:
            out.append(f"  {entry.where} ({entry.title})")
            out += [f"    - {thai} / {english}" for thai, english in entry.problems]
        if limit is not None and len(r.needs_work) > limit:
            out.append(f"  ... และอีก {len(r.needs_work) - limit:,} ไฟล์ / and {len(r.needs_work) - limit:,} more files")
    else:
        out.append("ไม่มีส่วนที่ต้องแก้ด้วยมือ / nothing needs work by hand")
    if not r.dry_run:
        out.append("ขั้นต่อไป: ตรวจด้วย invoke check แล้วดูตัวอย่างด้วย invoke livereload / "
                   "next: run invoke check, then look at the site with invoke livereload")
    return "\n".join(out)


_MEDIA = {
    "fetched": ("ดาวน์โหลดแล้ว", "downloaded"),
    "from-cache": ("มีในแคชแล้ว", "already in the cache"),
    "found": ("พบในโฟลเดอร์", "found in the folder"),
    "failed": ("ดึงไม่สำเร็จ", "could not be fetched"),
    "cleaned": ("ภาพที่ทำความสะอาดแล้ว (หมุนตั้ง ลบข้อมูลแฝง)", "photos cleaned (upright, no metadata)"),
    "copied": ("เอกสารที่คัดลอก", "documents copied"),
    "unchanged": ("ไม่เปลี่ยน", "unchanged"),
    "gallery-photos": ("ภาพในแกลเลอรี", "gallery photos"),
    "body-files": ("ภาพและไฟล์ในเนื้อหา", "images and files in bodies"),
    "galleries": ("แกลเลอรี", "galleries"),
    "unused": ("ไฟล์แนบที่ไม่มีข่าวใดใช้ (ไม่นำเข้า)", "attachments no post uses (not imported)"),
    "bad": ("ไฟล์ที่ไม่ใช่ภาพหรือเสียหาย", "files that are not photos or are damaged"),
}
_REDIRECTS = {
    "post": ("ข่าว", "posts"),
    "page": ("หน้า", "pages"),
    "query": ("ที่อยู่แบบ ?p= และ ?page_id=", "?p= and ?page_id= addresses"),
    "category": ("หมวดหมู่", "categories"),
    "tag": ("แท็ก", "tags"),
    "attachment": ("หน้าไฟล์แนบ", "attachment pages"),
    "feed": ("ฟีด", "feeds"),
    "media": ("ไฟล์ใน wp-content/uploads", "files in wp-content/uploads"),
    "date": ("คลังข่าวรายปี รายเดือน และรายวัน (/2019/05/, /2019/05/14/, ?m=201905)",
             "year, month and day archives (/2019/05/, /2019/05/14/, ?m=201905)"),
    "author": ("ข่าวของผู้เขียนแต่ละคน (/author/ชื่อ/, ?author=2) ไปที่คลังข่าวทั้งหมด",
               "authors' archives (/author/name/, ?author=2), to the whole archive"),
}
