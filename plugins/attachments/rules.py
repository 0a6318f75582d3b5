"""The rule "attachments": the documents a release lists in `Attachments:` (documents.py).

| problem | severity |
|---|---|
| a line that is not `path: title` | WARNING (the line is ignored) |
| a document that is not there, lies outside the content folder, is neither under ATTACHMENTS_DIR nor in STATIC_PATHS, is of a type not in ATTACHMENTS_TYPES, or is empty | ERROR (a link that would lead nowhere, or to a file a reader cannot open) |
| a document without a title | WARNING (its file name is the link) |
| a document larger than ATTACHMENTS_WARN_MB | WARNING |
| a document holding a photo that carries the place it was taken (GPS) or camera data (embedded_photos.py) | ERROR (a document is published as it is, and no published file may carry either) |
| a document keeping tracked changes or comments, a PDF keeping a reviewer's comments (hidden_content.py) | ERROR (a draft's deleted words and its reviewers' remarks, readable by whoever opens it) |

The rule "document-metadata" (per site) reads the same of every document Pelican publishes as it
is from STATIC_PATHS (photos only: tracked changes and comments in the old site's files were public
before the import, and a finding there would fail every production build of the archive) (the WordPress import's old files under extra/wordpress/, a file put there by
hand), ATTACHMENTS_DIR left out (its documents are published only when a release lists them, and
the rule above reports those with the release's line).
"""

from __future__ import annotations

import dataclasses
from pathlib import Path

from .documents import HEADER_KEY, Listed, document, listed

WHY = {
    "outside": ("อยู่นอกโฟลเดอร์ content", "lies outside the content folder",
                "วางเอกสารไว้ในโฟลเดอร์ {dir}/ ของข่าว", "put the document in the release's folder under {dir}/"),
    "missing": ("ไม่มีไฟล์นี้ (ตรวจชื่อไฟล์ ตัวพิมพ์เล็กใหญ่ และนามสกุล)", "is not there (check the name, case and extension)",
                "แนบเอกสารใหม่ในช่องเอกสารแนบ หรือแก้ชื่อให้ตรงกับไฟล์ใน {dir}/",
                "attach it again in the editor, or fix the name to match the file under {dir}/"),
    "unpublished": ("อยู่นอกโฟลเดอร์ที่เว็บไซต์เผยแพร่ ({statics})", "is outside the folders the site publishes ({statics})",
                    "ย้ายเอกสารไปไว้ใน {dir}/", "move the document under {dir}/"),
    "empty": ("เป็นไฟล์ว่าง (0 ไบต์) ผู้อ่านเปิดไม่ได้", "is empty (0 bytes): readers cannot open it",
              "แนบไฟล์ใหม่จากต้นฉบับ", "attach it again from the original"),
    "type": ("เป็นไฟล์ชนิดที่เว็บไซต์ไม่เผยแพร่", "is of a type the site does not publish",
             "แปลงเป็น PDF แล้วแนบใหม่ (ชนิดที่ใช้ได้: {types})", "save it as PDF and attach it again (accepted: {types})"),
}


def _file_name(entry) -> str:
    """A listed document as the writer knows it: its file name (the problem's line holds the path)."""
    return entry.path.rsplit("/", 1)[-1]


def _problem(name, line, severity, thai, english, fix="", fix_english=""):
    from content_guard.problems import Problem

    return Problem(name, line, "attachments", severity, thai, english, fix, fix_english)


def check_attachments(source, site) -> list:
    line = source.line_of(HEADER_KEY)
    if not line:
        return []
    from photo_gallery.header_captions import header_value

    settings = site.settings
    entries, bad = listed(header_value(source.lines, line), line)
    problems = [
        _problem(source.name, number, "warning",
                 f'บรรทัดใน Attachments: ไม่อยู่ในรูป "โฟลเดอร์/ชื่อไฟล์.pdf: ชื่อเอกสาร" ({text[:40]}) จึงไม่ถูกใช้',
                 'an Attachments: line is not of the form "folder/file.pdf: title"; it is ignored')
        for number, text in bad
    ]
    values = {"dir": f"content/{settings['ATTACHMENTS_DIR'].strip('/')}",
              "statics": ", ".join(f"content/{s}" for s in settings.get("STATIC_PATHS") or []),
              "types": ", ".join(sorted({t.lower() for t in settings["ATTACHMENTS_TYPES"]}))}
    warn_bytes = settings["ATTACHMENTS_WARN_MB"] * 1_000_000
    for entry in entries:
        path, why = document(entry, settings)
        if why:
            thai, english, fix, fix_english = (text.format(**values) for text in WHY[why])
            problems.append(_problem(source.name, entry.line, "error",
                                     f'เอกสารแนบ "{entry.path}" {thai}', f'attachment "{entry.path}" {english}',
                                     fix, fix_english))
            continue
        if not entry.title:
            problems.append(_problem(source.name, entry.line, "warning",
                                     f'เอกสารแนบ "{_file_name(entry)}" ไม่มีชื่อ ผู้อ่านจะเห็นชื่อไฟล์แทน',
                                     f'attachment "{_file_name(entry)}" has no title; readers see its file name',
                                     "พิมพ์ชื่อเอกสารหลังเครื่องหมาย :", "write its title after the colon"))
        problems += _photo_problems(source.name, entry, path)
        problems += _hidden_problems(source.name, entry, path)
        size = path.stat().st_size
        if size > warn_bytes:
            problems.append(_problem(source.name, entry.line, "warning",
                                     f'เอกสารแนบ "{_file_name(entry)}" ใหญ่ {size / 1_000_000:.0f} MB โหลดช้าบนโทรศัพท์',
                                     f'attachment "{_file_name(entry)}" is {size / 1_000_000:.0f} MB, slow on a phone',
                                     "บีบอัด PDF หรือแยกเป็นหลายไฟล์", "compress the PDF or split it"))
    return problems


def check_static_documents(site) -> list:
    """Rule document-metadata: documents under STATIC_PATHS (not ATTACHMENTS_DIR) whose photos
    carry a location or camera data; the problem names the document itself."""
    settings = site.settings
    types = {f".{t.lower()}" for t in settings["ATTACHMENTS_TYPES"]}
    listed_only = site.content_dir / settings["ATTACHMENTS_DIR"].strip("/")
    problems = []
    for folder in settings.get("STATIC_PATHS") or []:
        root = site.content_dir / folder
        paths = [root] if root.is_file() else sorted(root.rglob("*")) if root.is_dir() else []
        for path in paths:
            if (path.suffix.lower() in types and path.is_file() and not path.is_symlink()
                    and listed_only not in path.parents and path.stat().st_size):
                entry = Listed(None, path.relative_to(site.content_dir).as_posix(), "")
                problems += [dataclasses.replace(p, rule="document-metadata")
                             for p in _photo_problems(site.name(path), entry, path)]
    return problems


def _photo_problems(name, entry, path) -> list:
    """Photos inside the document that carry the place they were taken or camera data
    (photo_gallery's metadata, found by embedded_photos.py): an error, as no published file may
    carry either, and a document is published as it is."""
    from .embedded_photos import carried

    found = carried(path)
    if not found:
        return []
    located = [c.where for c in found if c.metadata.has_location]
    named = located or [c.where for c in found]
    where = ", ".join(named[:3]) + (f" และอีก {len(named) - 3} ภาพ" if len(named) > 3 else "")
    where_en = ", ".join(named[:3]) + (f" and {len(named) - 3} more" if len(named) > 3 else "")
    if located:
        thai = (f'เอกสารแนบ "{_file_name(entry)}" มีภาพที่บันทึกตำแหน่งที่ถ่าย (GPS) อยู่ข้างใน ({where}) '
                "ผู้อ่านที่ดาวน์โหลดเอกสารจะรู้ตำแหน่งนั้น")
        english = (f'attachment "{_file_name(entry)}" holds a photo that carries the place it was taken (GPS) '
                   f"({where_en}); readers who download it would get that place")
    else:
        what = ", ".join(sorted({c.metadata.camera or "XMP/IPTC" for c in found}))
        thai = f'เอกสารแนบ "{_file_name(entry)}" มีภาพที่มีข้อมูลกล้อง ({what}) อยู่ข้างใน ({where}) ซึ่งเว็บไซต์ไม่เผยแพร่'
        english = (f'attachment "{_file_name(entry)}" holds a photo that carries camera data ({what}) ({where_en}), '
                   "which the site never publishes")
    return [_problem(
        name, entry.line, "error", thai, english,
        "ใส่ภาพที่ไม่มีข้อมูลแฝงแทนในเอกสาร (ภาพจากแกลเลอรีของเว็บไซต์ไม่มีตำแหน่งและข้อมูลกล้อง) "
        "หรือบันทึกเอกสารเป็น PDF ใหม่ แล้วแนบแทนไฟล์เดิม",
        "put photos without metadata in the document instead (the site's gallery copies carry none), "
        "or save the document as PDF again, and attach it in place of this one")]


# What a document keeps out of sight (hidden_content.py): (Thai, English) of the finding, with {n}
# and {sample}; the fix per program that made the file.
LEFT_IN = {
    "changes": ("ยังเก็บการแก้ไขที่ติดตามไว้ (Track Changes) {n} แห่ง{sample} ผู้ที่ดาวน์โหลดไปเปิดจะเห็นข้อความที่ลบและชื่อผู้แก้",
                "still keeps {n} tracked change(s) (Track Changes){sample}; whoever downloads and opens it "
                "sees the deleted words and who made each change"),
    "comments": ("มีความคิดเห็น (Comment) {n} รายการ{sample} ผู้ที่ดาวน์โหลดไปเปิดจะเห็นความคิดเห็นและชื่อผู้เขียน",
                 "holds {n} comment(s){sample}; whoever downloads and opens it sees them and who wrote them"),
}
LEFT_IN_FIX = {
    ("changes", "Word"): ("เปิดไฟล์ใน Word แท็บ ตรวจทาน (Review) กด ยอมรับ (Accept) > ยอมรับการเปลี่ยนแปลงทั้งหมด "
                         "(หรือ ปฏิเสธ ส่วนที่ไม่ใช้) แล้วบันทึก และแนบไฟล์ใหม่แทนไฟล์เดิม",
                         "open it in Word, Review > Accept > Accept All Changes (or Reject what is not meant), "
                         "save, and attach the new file in place of this one"),
    ("changes", "LibreOffice"): ("เปิดไฟล์ใน LibreOffice เมนู แก้ไข > ติดตามการเปลี่ยนแปลง > จัดการ แล้วกด ยอมรับทั้งหมด "
                                 "บันทึก และแนบไฟล์ใหม่แทนไฟล์เดิม",
                                 "open it in LibreOffice, Edit > Track Changes > Manage > Accept All, save, and "
                                 "attach the new file in place of this one"),
    ("comments", "Word"): ("เปิดไฟล์ใน Word แท็บ ตรวจทาน (Review) กด ลบ (Delete) > ลบข้อคิดเห็นทั้งหมดในเอกสาร "
                           "แล้วบันทึก และแนบไฟล์ใหม่แทนไฟล์เดิม",
                           "open it in Word, Review > Delete > Delete All Comments in Document, save, and attach "
                           "the new file in place of this one"),
    ("comments", "Excel"): ("เปิดไฟล์ใน Excel คลิกขวาที่เซลล์ที่มีความคิดเห็นหรือบันทึกย่อ เลือก ลบความคิดเห็น (Delete Comment) "
                            "ทุกเซลล์ แล้วบันทึก และแนบไฟล์ใหม่แทนไฟล์เดิม",
                            "open it in Excel, right-click each cell with a comment or note > Delete Comment, save, "
                            "and attach the new file in place of this one"),
    ("comments", "PowerPoint"): ("เปิดไฟล์ใน PowerPoint แท็บ ตรวจทาน (Review) กด ลบ (Delete) > ลบข้อคิดเห็นทั้งหมดในงานนำเสนอนี้ "
                                 "แล้วบันทึก และแนบไฟล์ใหม่แทนไฟล์เดิม",
                                 "open it in PowerPoint, Review > Delete > Delete All Comments in This Presentation, "
                                 "save, and attach the new file in place of this one"),
    ("comments", "LibreOffice"): ("เปิดไฟล์ใน LibreOffice คลิกขวาที่ความคิดเห็น เลือก ลบความคิดเห็นทั้งหมด "
                                  "แล้วบันทึก และแนบไฟล์ใหม่แทนไฟล์เดิม",
                                  "open it in LibreOffice, right-click a comment > Delete All Comments, save, and "
                                  "attach the new file in place of this one"),
    ("comments", "PDF"): ("เปิดไฟล์ใน Adobe Acrobat Reader เปิดแถบ ความคิดเห็น (Comments) เลือกความคิดเห็นทั้งหมดแล้วลบ "
                          "จากนั้นใช้ บันทึกเป็น (Save As) เป็นไฟล์ใหม่ (การบันทึกทับไฟล์เดิมยังเก็บความคิดเห็นที่ลบไว้ในไฟล์) "
                          "และแนบไฟล์ใหม่แทนไฟล์เดิม",
                          "open it in Adobe Acrobat Reader, open Comments, select every comment and delete them, "
                          "then Save As a new file (saving over the old one keeps the deleted comments in the file), "
                          "and attach the new file in place of this one"),
}
PROGRAM = {".docx": "Word", ".xlsx": "Excel", ".pptx": "PowerPoint", ".pdf": "PDF"}  # .odt, .ods, .odp: LibreOffice


def _hidden_problems(name, entry, path) -> list:
    """What the document keeps out of sight (hidden_content.py): an error per kind and document,
    as the draft's deleted words and its reviewers' remarks would go out with it."""
    from thai_text.quotes import first_words

    from .hidden_content import left_in

    problems = []
    for found in left_in(path):
        program = PROGRAM.get(Path(found.where or entry.path).suffix.lower(), "LibreOffice")
        inside = f' (ไฟล์ "{found.where}" ข้างใน)' if found.where else ""
        inside_en = f' (the file "{found.where}" inside it)' if found.where else ""
        sample = first_words(found.sample)
        thai, english = LEFT_IN[found.kind]
        fix, fix_english = LEFT_IN_FIX.get((found.kind, program)) or LEFT_IN_FIX[(found.kind, "Word")]
        quote, quote_en = (f" เช่น «{sample}»", f', such as "{sample}"') if sample else ("", "")
        problems.append(_problem(
            name, entry.line, "error",
            f'เอกสารแนบ "{_file_name(entry)}"{inside} ' + thai.format(n=found.count, sample=quote),
            f'attachment "{_file_name(entry)}"{inside_en} ' + english.format(n=found.count, sample=quote_en),
            fix, fix_english))
    return problems


def _rules():
    from content_guard.verdict import SITE, Rule

    return (Rule("attachments", check_attachments), Rule("document-metadata", check_static_documents, per=SITE))


RULES = _rules()
