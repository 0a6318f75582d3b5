"""admin/config.yml: the Decap CMS configuration, made from the site's settings at every build.

Paths come from PATH, ARTICLE_PATHS, PAGE_PATHS and photo_gallery's GALLERY_SOURCE_DIR; the
categories from CATEGORIES; the backend from WEB_EDITOR_BACKEND (or the local git backend of
`invoke editor`). Nothing in it is copied by hand, so renaming a folder or adding a category
changes the editor at the next build.

Field names match js/format.js (the `Key: value` header); the widgets whose names start with
`thai-` or `checked-` are registered by js/admin.js.
"""

from __future__ import annotations

from .notes import notes_supported
from .site_data import attachments, relative

FORMAT_NAME = "pelican-markdown"  # registered by js/admin.js (js/format.js)
DICTIONARY_FORMAT = "site-dictionary"  # registered by js/admin.js (js/dictionary.js)

BODY_BUTTONS = ["bold", "italic", "link", "heading-two", "heading-three", "bulleted-list", "numbered-list", "quote"]

STATUS_OPTIONS = [
    {"label": "เผยแพร่ (เมื่อหัวหน้าอนุมัติและถึงวันที่ของข่าว)", "value": "published"},
    {"label": "ร่าง (ยังไม่เผยแพร่แม้หัวหน้าอนุมัติแล้ว)", "value": "draft"},
]

# Phrases of Decap's Thai locale that the authors' workflow names differently, that it spells
# wrong (เนิ้อหา, ค้าหา, การเปลี่ยแปลง, เปลี่ยนเปลง) or that it lacks (36 of the English locale's 248: Decap
# shows those in English), merged by js/admin.js over the locale that ships with Decap.
# tests/editor/test_editor_locale.py checks that every phrase is there, in Thai, and spelt right.
LOCALE_OVERRIDES = {
    "auth": {"loginWithForgejo": "เข้าสู่ระบบด้วย Forgejo"},
    "collection": {
        "sidebar": {"searchIn": "ค้นหาใน"},
        "collectionTop": {"viewAsList": "แสดงเป็นรายการ", "viewAsGrid": "แสดงเป็นตาราง"},
        "entries": {"loadingEntries": "กำลังโหลดเนื้อหา...", "unpublishedHeader": "ยังไม่เผยแพร่"},
    },
    "editor": {
        # Decap names each field's box after its widget's code name ("thai-date field").
        "editorControl": {"field": {"widgetLabel": "ช่องกรอกข้อมูล"}},
        "editorInterface": {"toggleNotes": "แสดงหรือซ่อนความเห็น"},
        "editorNotesPane": {
            "title": "ความเห็น",
            "emptyState": "ยังไม่มีความเห็น พิมพ์ความเห็นแรกด้านล่างเพื่อคุยกันเรื่องข่าวนี้",
            "addNote": "เพิ่มความเห็น",
            "addPlaceholder": "พิมพ์ความเห็น...",
            "editPlaceholder": "แก้ไขความเห็น...",
            "save": "บันทึก",
            "cancel": "ยกเลิก",
            "edit": "แก้ไข",
            "delete": "ลบ",
            "resolve": "แก้แล้ว",
            "unresolve": "ยังไม่ได้แก้",
            "confirmDelete": "ต้องการลบความเห็นนี้หรือไม่",
            "shortcut": "กด Ctrl+Enter เพื่อเพิ่มความเห็นได้ทันที",
        },
        "editorToolbar": {
            "inReview": "ส่งให้หัวหน้าตรวจ",
            "ready": "หัวหน้าอนุมัติแล้ว",
            "draft": "ร่าง",
            "publishNow": "เผยแพร่ทันที",
            "statusInfoTooltipDraft": "ข่าวนี้ยังเป็นร่าง เมื่อเขียนเสร็จให้เลือก สถานะ แล้วเลือก “ส่งให้หัวหน้าตรวจ”",
            "statusInfoTooltipInReview": "ส่งให้หัวหน้าตรวจแล้ว ระหว่างรอยังแก้ไขและบันทึกได้",
            "deleteUnpublishedChanges": "ลบการเปลี่ยนแปลงที่ยังไม่ได้เผยแพร่",
            "changesSaved": "บันทึกการเปลี่ยนแปลงแล้ว",
        },
        "editorWidgets": {
            "markdown": {"strikethrough": "ขีดฆ่า",
                         "toggleMode": {"rich": "สลับเป็นโหมดจัดรูปแบบ", "markdown": "สลับเป็นโหมด Markdown"}},
            "datetime": {"setToNow": "ตั้ง %{fieldLabel} เป็นเวลานี้"},
            "object": {"expand": "ขยาย", "collapse": "ย่อ"},
        },
    },
    "mediaLibrary": {"mediaLibraryModal": {"close": "ปิด"}},
    "ui": {
        "settingsDropdown": {"account": "เมนูบัญชีผู้ใช้"},
        "toast": {
            "onBackendDown": "ระบบจัดเก็บข่าวขัดข้อง ดูรายละเอียดที่ %{details}",
            "noteAdded": "เพิ่มความเห็นแล้ว",
            "onFailToAddNote": "เพิ่มความเห็นไม่สำเร็จ: %{details}",
            "noteUpdated": "แก้ไขความเห็นแล้ว",
            "onFailToUpdateNote": "แก้ไขความเห็นไม่สำเร็จ: %{details}",
            "noteDeleted": "ลบความเห็นแล้ว",
            "onFailToDeleteNote": "ลบความเห็นไม่สำเร็จ: %{details}",
            "noteResolved": "ทำเครื่องหมายว่าแก้แล้ว",
            "noteReopened": "เปิดความเห็นอีกครั้ง",
            "onFailToToggleNote": "เปลี่ยนสถานะความเห็นไม่สำเร็จ: %{details}",
            # Branch protection refuses to merge a release the check has not passed ("Required
            # status check build is failing"): say where the check's findings are.
            "onFailToPublishEntry": ("เผยแพร่ไม่ได้ (%{details}) ถ้าระบบตรวจยังพบเรื่องที่ต้องแก้หรือยังตรวจไม่เสร็จ"
                                     " ดูผลการตรวจด้านบนของตัวอย่างหรือในความเห็น แก้แล้วบันทึก"
                                     " รอจนผลการตรวจบอกว่าไม่พบสิ่งที่ต้องแก้ แล้วเผยแพร่อีกครั้ง"),
        },
    },
    "workflow": {
        "workflowList": {
            "draftHeader": "ร่าง",
            "inReviewHeader": "รอหัวหน้าตรวจ",
            "readyHeader": "อนุมัติแล้ว รอเผยแพร่",
        },
        # Decap writes this date with dayjs in English ("December 2"): day/month in numbers instead.
        "workflow": {"workflowHeading": "ข่าวที่รอตรวจและรอเผยแพร่", "dateFormat": "D/M"},
    },
}


def _backend(settings: dict) -> dict:
    branch = settings["WEB_EDITOR_BACKEND"].get("branch", "main")
    if settings["WEB_EDITOR_LOCAL_BACKEND"]:
        return {"name": "proxy", "proxy_url": settings["WEB_EDITOR_LOCAL_BACKEND"], "branch": branch}
    return {key: value for key, value in settings["WEB_EDITOR_BACKEND"].items() if value not in (None, "")}


def _common_fields(kind: str) -> list[dict]:
    what = "ข่าว" if kind == "article" else "หน้า"
    return [
        {"name": "title", "label": f"ชื่อ{what}", "widget": "checked-string",
         "hint": f"ชื่อ{what}เต็ม ๆ ตามที่จะแสดงบนเว็บไซต์"},
        {"name": "file_name", "label": f"ที่อยู่ของ{what}", "widget": "thai-address", "required": False,
         "hint": "สร้างจากชื่อครั้งแรกที่บันทึก แล้วไม่เปลี่ยนอีก แม้แก้ชื่อภายหลัง"},
    ]


def _attachments_field(settings: dict) -> dict:
    """เอกสารแนบ (plugins/attachments): the documents go into their own folder under ATTACHMENTS_DIR."""
    where = f"/{attachments(settings)['media']}/{{{{fields.attachments.folder}}}}"
    return {"name": "attachments", "label": "เอกสารแนบ", "widget": "thai-attachments", "required": False,
            "media_folder": where, "public_folder": where,
            "hint": "ไฟล์ PDF, Word หรือ Excel ที่ผู้อ่านดาวน์โหลดได้ใต้ข่าว เช่น ประกาศฉบับเต็ม "
                    "พิมพ์ชื่อเอกสารให้ผู้อ่านรู้ว่าเป็นเอกสารอะไร"}


def _article_fields(settings: dict) -> list[dict]:
    categories = list(settings.get("CATEGORIES") or [])
    return [
        *_common_fields("article"),
        {"name": "date", "label": "วันที่", "widget": "thai-date",
         "hint": "ปี พ.ศ.-เดือน-วัน เวลา ตามเวลาประเทศไทย เช่น 2569-12-01 09:30 ข่าวที่ลงวันที่ล่วงหน้าจะปรากฏเมื่อถึงเวลานั้น"},
        # Empty for a new release (start_now: false, read by the thai-date widget).
        {"name": "modified", "label": "ปรับปรุงเมื่อ", "widget": "thai-date", "required": False, "start_now": False,
         "hint": "เมื่อแก้ข้อเท็จจริงของข่าวที่เผยแพร่แล้ว (ตัวเลข ชื่อ วันที่) กด ตอนนี้ "
                 "เว็บไซต์จะแสดงใต้ชื่อข่าวว่าปรับปรุงเมื่อใด แก้คำผิดเล็กน้อยไม่ต้องใส่"},
        {"name": "category", "label": "หมวด", "widget": "checked-select", "options": categories,
         "hint": "เลือกหนึ่งหมวด"},
        {"name": "tags", "label": "ป้ายกำกับ", "widget": "thai-tags", "required": False,
         "hint": "คำสำคัญของข่าว เลือกจากที่เคยใช้ หรือพิมพ์คำใหม่แล้วกด Enter"},
        {"name": "summary", "label": "ข้อความย่อ", "widget": "checked-text", "required": False,
         "hint": "สองถึงสามบรรทัดที่แสดงในหน้ารวมข่าว เว้นว่างได้ ระบบจะตัดจากย่อหน้าแรกให้"},
        {"name": "photos", "label": "ภาพกิจกรรม", "widget": "thai-photos", "required": False,
         "hint": "เลือกภาพจากโทรศัพท์หรือคอมพิวเตอร์ได้หลายภาพพร้อมกัน แล้วพิมพ์คำบรรยายใต้ภาพทุกภาพ"},
        {"name": "body", "label": "เนื้อข่าว", "widget": "checked-markdown", "modes": ["rich_text"],
         "buttons": BODY_BUTTONS, "editor_components": [], "sanitize_preview": True,
         "hint": "วางข้อความจาก Word ได้ ระบบเก็บเฉพาะหัวข้อ ตัวหนา ตัวเอียง รายการ ลิงก์ และตาราง"},
        _attachments_field(settings),
        {"name": "status", "label": "สถานะ", "widget": "checked-select", "options": STATUS_OPTIONS,
         "default": "published", "required": False},
        # Featured_until: (site_meta's featured.py): empty for a new release.
        {"name": "featured_until", "label": "ข่าวเด่นจนถึง", "widget": "thai-date", "required": False,
         "start_now": False,
         "hint": "ใส่วันที่เมื่อต้องการให้ข่าวนี้อยู่บนสุดของหน้าแรก (ข่าวเด่น) จนถึงสิ้นวันนั้น "
                 "เช่น ประกาศสำคัญหรือข่าวที่ต้องการให้ผู้อ่านเห็นนานกว่าปกติ เว้นว่างได้"},
        {"name": "author", "label": "ผู้เขียน", "widget": "string", "required": False,
         "hint": "ชื่อหน่วยงานหรือผู้เขียนที่แสดงใต้ชื่อข่าว เว้นว่างได้"},
    ]


def _page_fields(settings: dict) -> list[dict]:
    return [
        *_common_fields("page"),
        {"name": "summary", "label": "ข้อความย่อ", "widget": "checked-text", "required": False},
        {"name": "body", "label": "เนื้อหา", "widget": "checked-markdown", "modes": ["rich_text"],
         "buttons": BODY_BUTTONS, "editor_components": [], "sanitize_preview": True},
        _attachments_field(settings),
        {"name": "status", "label": "สถานะ", "widget": "checked-select", "options": STATUS_OPTIONS,
         "default": "published", "required": False},
    ]


def _dictionary_collection(settings: dict) -> dict:
    """The site dictionary (thai_text's THAI_TEXT_DICTIONARY) as one entry: the check's fix for a
    word it does not know is to add it there, and writers have no other way to."""
    from thai_text.segment import dictionary_path
    from thai_text.settings import DEFAULTS as THAI_TEXT_DEFAULTS

    path = dictionary_path({"THAI_TEXT_DICTIONARY": THAI_TEXT_DEFAULTS["THAI_TEXT_DICTIONARY"], **settings})
    return {
        "name": "dictionary", "label": "พจนานุกรมของเว็บไซต์", "label_singular": "พจนานุกรม",
        "description": "คำและชื่อเฉพาะที่ระบบตรวจคำไม่รู้จัก แต่สะกดถูกแล้ว เพิ่มได้ที่นี่ "
                       "คำในพจนานุกรมไม่ถูกตัดกลางคำเมื่อขึ้นบรรทัดใหม่",
        "format": DICTIONARY_FORMAT, "extension": "txt", "delete": False, "editor": {"preview": False},
        "files": [{
            "name": "words", "label": "พจนานุกรมของเว็บไซต์", "file": relative(path, settings),
            "fields": [{
                "name": "words", "label": "คำและชื่อเฉพาะ (บรรทัดละหนึ่งคำ)", "widget": "text",
                "hint": "พิมพ์คำใหม่ต่อท้ายบรรทัดสุดท้าย บรรทัดละหนึ่งคำ เช่น ชื่อบุคคล ชื่อสถานที่ หรือศัพท์เฉพาะ "
                        "ข้อความหลังเครื่องหมาย # เป็นหมายเหตุ เมื่อหัวหน้าอนุมัติแล้ว ระบบจะรู้จักคำนี้ในทุกข่าว",
            }],
        }],
    }


def editor_config(settings: dict) -> dict:
    """The Decap CMS configuration (config.yml) for these Pelican settings."""
    from photo_gallery.settings import DEFAULTS as GALLERY_DEFAULTS

    content = relative(settings["PATH"], settings)
    galleries = f"{content}/{settings.get('GALLERY_SOURCE_DIR', GALLERY_DEFAULTS['GALLERY_SOURCE_DIR'][0])}"
    news = f"{content}/{(settings.get('ARTICLE_PATHS') or ['news'])[0]}"
    pages = f"{content}/{(settings.get('PAGE_PATHS') or ['pages'])[0]}"
    # A release's photos go to the gallery folder its photos field names (js/widgets/photos.js).
    media = {"media_folder": f"/{galleries}/{{{{fields.photos.gallery}}}}",
             "public_folder": f"/{galleries}/{{{{fields.photos.gallery}}}}"}
    backend = _backend(settings)

    def collection():
        return {
            "extension": "md",
            "format": FORMAT_NAME,
            "create": True,
            # Decap's "delete published entry" and "unpublish" commit the removal straight to the
            # site's branch, past the review (decaporg/decap-cms#5650): a release is withdrawn by
            # its status (ร่าง), through review. A draft's unsaved or unreviewed changes can still
            # be thrown away.
            "delete": False,
            "slug": "{{fields.file_name}}",
            "identifier_field": "title",
            "summary": "{{title}}",
            "sortable_fields": ["title"],
            # ความเห็น: writers and the supervisor talk about a release under review, and the
            # check of its pull request writes its findings there (tools/review_note.py).
            "editor": {"notes": notes_supported(backend, settings["WEB_EDITOR_PUBLISH_MODE"])},
        }

    return {
        "backend": backend,
        "publish_mode": settings["WEB_EDITOR_PUBLISH_MODE"],
        "locale": "th",
        "site_url": settings.get("SITEURL") or "/",
        "media_folder": galleries,
        "public_folder": f"/{galleries}",
        "slug": {"encoding": "unicode", "clean_accents": False, "sanitize_replacement": "-"},
        "collections": [
            {"name": "news", "label": "ข่าว", "label_singular": "ข่าว", "folder": news,
             "description": "ข่าวประชาสัมพันธ์ ข่าวกิจกรรม และประกาศของศูนย์", **collection(), **media,
             "fields": _article_fields(settings)},
            {"name": "pages", "label": "หน้าเว็บไซต์", "label_singular": "หน้า", "folder": pages,
             "description": "หน้าถาวร เช่น เกี่ยวกับเรา ช่องทางร้องเรียน", **collection(),
             "fields": _page_fields(settings)},
            _dictionary_collection(settings),
        ],
    }
