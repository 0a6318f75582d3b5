"""Generate the sample site's attached documents (no real document, no real people).

    .venv/bin/python tools/make_sample_documents.py     # writes content/extra/attachments/...

- An announcement of the center as offices attach it: a scanned page (a greyscale image) in a PDF
  made with Pillow, its text in Thai with Thai digits (the Thai subset of Sarabun has no ASCII
  punctuation, so the text has none), an emblem drawn as a circle. Needs a Pillow with libraqm
  for Thai (the committed file was made with one).
- A complaint form in Word (.docx) for the page แจ้งเบาะแส, and the hotline's figures in Excel
  (.xlsx) for their release: written part by part (the Office Open XML a program writes, no
  library), clean of what the check refuses (tracked changes, comments, hidden sheets), the
  office and not a person as their author.

Nothing in the tests regenerates them. Deterministic: same bytes on every run (with the same
Pillow for the PDF).
"""

from __future__ import annotations

import time
import zipfile
from pathlib import Path
from xml.sax.saxutils import escape

from PIL import Image, ImageDraw, ImageFilter, ImageFont

ROOT = Path(__file__).resolve().parent.parent
FONT = ROOT / "theme" / "static" / "vendor" / "fonts" / "sarabun-thai-400-normal.woff2"
BOLD = ROOT / "theme" / "static" / "vendor" / "fonts" / "sarabun-thai-700-normal.woff2"
TARGET = ROOT / "content" / "extra" / "attachments" / "complaint-email-guideline-2569-r7kd"
FORM = ROOT / "content" / "extra" / "attachments" / "report-k2m8" / "แบบฟอร์มแจ้งเบาะแส.docx"
FIGURES = (ROOT / "content" / "extra" / "attachments" / "hotline-statistics-2569-p4n2"
           / "สถิติเรื่องร้องเรียน-ครึ่งปีแรก-2569.xlsx")
OFFICE = "ศูนย์ปฏิบัติการต่อต้านการทุจริต กระทรวงแรงงาน"
W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
S = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PACKAGE = "http://schemas.openxmlformats.org/package/2006"
HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
FORM_LINES = [
    ("title", "แบบฟอร์มแจ้งเบาะแสการทุจริตและประพฤติมิชอบ"),
    ("title", OFFICE),
    ("", ""),
    ("", "ผู้แจ้งไม่จำเป็นต้องระบุชื่อ ข้อมูลของผู้แจ้งเปิดดูได้เฉพาะเจ้าหน้าที่ผู้รับผิดชอบ"),
    ("", ""),
    ("bold", "ส่วนที่ 1 ผู้แจ้ง (ระบุหรือไม่ก็ได้)"),
    ("", "ชื่อ-นามสกุล ..................................................................."),
    ("", "โทรศัพท์หรืออีเมลที่ติดต่อกลับได้ ............................................"),
    ("bold", "ส่วนที่ 2 เรื่องที่แจ้ง"),
    ("", "ชื่อหรือตำแหน่งของเจ้าหน้าที่ และหน่วยงาน ....................................."),
    ("", "พฤติการณ์ที่พบ เช่น เรียกรับเงินเท่าไร เพื่อแลกกับอะไร ............................"),
    ("", "วัน เวลา และสถานที่โดยประมาณ ..............................................."),
    ("", "หลักฐานที่มี เช่น ภาพถ่าย เอกสาร หรือชื่อพยาน ..................................."),
    ("", ""),
    ("", "ส่งแบบฟอร์มทางอีเมล zerocorruption@mol.go.th หรือทางไปรษณีย์ถึงศูนย์ฯ"),
]
FIGURE_ROWS = [
    ("ประเภทเรื่อง", "จำนวน", "ร้อยละ"),
    ("นายหน้าจัดหางานเถื่อนและการหลอกลวงไปทำงานต่างประเทศ", 71, 33.2),
    ("การเรียกรับเงินในงานอนุญาตทำงานของคนต่างด้าว", 52, 24.3),
    ("การตรวจแรงงานและการตรวจความปลอดภัยในการทำงาน", 38, 17.8),
    ("สิทธิประโยชน์ประกันสังคมและกองทุนเงินทดแทน", 29, 13.6),
    ("อื่นๆ", 24, 11.2),
    ("รวม", 214, 100),
]

LINES = [
    ("bold", "ประกาศศูนย์ปฏิบัติการต่อต้านการทุจริต กระทรวงแรงงาน"),
    ("bold", "ที่ ๓ ประจำปี ๒๕๖๙"),
    ("bold", "เรื่อง แนวทางการรับเรื่องร้องเรียนทางไปรษณีย์อิเล็กทรอนิกส์"),
    ("", ""),
    ("", "เพื่อให้การรับเรื่องร้องเรียนการทุจริตและประพฤติมิชอบเป็นไปด้วยความรวดเร็ว"),
    ("", "และคุ้มครองข้อมูลของผู้ร้องเรียน ศูนย์ฯ จึงกำหนดแนวทางดังนี้"),
    ("", "ข้อ ๑ เจ้าหน้าที่ตอบรับเรื่องภายในหนึ่งวันทำการนับจากวันที่ได้รับ"),
    ("", "ข้อ ๒ ผู้ร้องเรียนได้รับรหัสติดตามเรื่องทางไปรษณีย์อิเล็กทรอนิกส์"),
    ("", "ข้อ ๓ ข้อมูลที่ระบุตัวผู้ร้องเรียนเปิดดูได้เฉพาะเจ้าหน้าที่ผู้รับผิดชอบ"),
    ("", "ข้อ ๔ ศูนย์ฯ แจ้งผลการดำเนินการภายในสามสิบวัน หรือแจ้งเหตุที่ล่าช้า"),
    ("", ""),
    ("", "ทั้งนี้ ตั้งแต่วันที่ ๑ ธันวาคม ๒๕๖๙ เป็นต้นไป"),
    ("", ""),
    ("", "ประกาศ ณ วันที่ ๒๐ พฤศจิกายน ๒๕๖๙"),
    ("", "ลงชื่อ ผู้อำนวยการศูนย์ปฏิบัติการต่อต้านการทุจริต"),
]


def page() -> Image.Image:
    width, height = 1240, 1754  # A4 at 150 dpi
    image = Image.new("L", (width, height), 250)
    draw = ImageDraw.Draw(image)
    draw.ellipse((width // 2 - 70, 90, width // 2 + 70, 230), outline=60, width=6)
    regular, bold = ImageFont.truetype(str(FONT), 34), ImageFont.truetype(str(BOLD), 36)
    y = 290
    for weight, text in LINES:
        font = bold if weight else regular
        if text:
            x = (width - draw.textlength(text, font=font)) // 2 if weight else 140
            draw.text((x, y), text, font=font, fill=25)
        y += 64
    return image.filter(ImageFilter.GaussianBlur(0.6))  # a scan, not a crisp render


def _package(path: Path, parts: dict[str, str]) -> None:
    """Write an Office Open XML package with fixed member times (the same bytes on every run)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, text in parts.items():
            member = zipfile.ZipInfo(name, date_time=(2026, 11, 20, 10, 0, 0))
            archive.writestr(member, HEAD + text, compress_type=zipfile.ZIP_DEFLATED)


def _core(title: str) -> str:
    return (f'<cp:coreProperties xmlns:cp="{PACKAGE}/metadata/core-properties" '
            'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" '
            'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">'
            f"<dc:title>{escape(title)}</dc:title><dc:creator>{OFFICE}</dc:creator>"
            '<dcterms:created xsi:type="dcterms:W3CDTF">2026-11-20T03:00:00Z</dcterms:created>'
            "</cp:coreProperties>")


def _types(more: dict[str, str]) -> str:
    overrides = {"/docProps/core.xml": "application/vnd.openxmlformats-package.core-properties+xml", **more}
    return (f'<Types xmlns="{PACKAGE}/content-types">'
            f'<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
            '<Default Extension="xml" ContentType="application/xml"/>'
            + "".join(f'<Override PartName="{name}" ContentType="{kind}"/>' for name, kind in overrides.items())
            + "</Types>")


def _relationships(*targets: tuple[str, str]) -> str:
    return (f'<Relationships xmlns="{PACKAGE}/relationships">'
            + "".join(f'<Relationship Id="rId{at}" Type="{kind}" Target="{target}"/>'
                      for at, (kind, target) in enumerate(targets, start=1))
            + "</Relationships>")


def form_docx() -> dict[str, str]:
    paragraphs = []
    for style, text in FORM_LINES:
        centre = '<w:jc w:val="center"/>' if style == "title" else ""
        bold = "<w:b/><w:bCs/>" if style else ""
        run = (f'<w:r><w:rPr><w:rFonts w:ascii="TH SarabunPSK" w:hAnsi="TH SarabunPSK" w:cs="TH SarabunPSK"/>{bold}'
               f'<w:sz w:val="32"/><w:szCs w:val="32"/><w:lang w:bidi="th-TH"/></w:rPr>'
               f'<w:t xml:space="preserve">{escape(text)}</w:t></w:r>') if text else ""
        paragraphs.append(f"<w:p><w:pPr>{centre}</w:pPr>{run}</w:p>")
    document = (f'<w:document xmlns:w="{W}" xmlns:r="{R}"><w:body>{"".join(paragraphs)}'
                '<w:sectPr><w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="1440" w:right="1440" w:bottom="1440" '
                'w:left="1440" w:header="708" w:footer="708" w:gutter="0"/></w:sectPr></w:body></w:document>')
    return {
        "[Content_Types].xml": _types({
            "/word/document.xml": "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"}),
        "_rels/.rels": _relationships((f"{R}/officeDocument", "word/document.xml"),
                                      (f"{PACKAGE}/relationships/metadata/core-properties", "docProps/core.xml")),
        "docProps/core.xml": _core(FORM_LINES[0][1]),
        "word/document.xml": document,
    }


def figures_xlsx() -> dict[str, str]:
    def cell(column: str, row: int, value) -> str:
        if isinstance(value, str):
            return f'<c r="{column}{row}" t="inlineStr"><is><t>{escape(value)}</t></is></c>'
        return f'<c r="{column}{row}"><v>{value}</v></c>'

    rows = "".join(f'<row r="{at}">' + "".join(cell(column, at, value) for column, value in zip("ABC", values))
                   + "</row>" for at, values in enumerate(FIGURE_ROWS, start=1))
    sheet = (f'<worksheet xmlns="{S}"><cols><col min="1" max="1" width="60" customWidth="1"/></cols>'
             f"<sheetData>{rows}</sheetData></worksheet>")
    return {
        "[Content_Types].xml": _types({
            "/xl/workbook.xml": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml",
            "/xl/worksheets/sheet1.xml": "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"}),
        "_rels/.rels": _relationships((f"{R}/officeDocument", "xl/workbook.xml"),
                                      (f"{PACKAGE}/relationships/metadata/core-properties", "docProps/core.xml")),
        "docProps/core.xml": _core("สถิติเรื่องร้องเรียน ครึ่งแรกของปีงบประมาณ 2569"),
        "xl/workbook.xml": (f'<workbook xmlns="{S}" xmlns:r="{R}"><sheets>'
                            '<sheet name="เรื่องร้องเรียน" sheetId="1" r:id="rId1"/></sheets></workbook>'),
        "xl/_rels/workbook.xml.rels": _relationships((f"{R}/worksheet", "worksheets/sheet1.xml")),
        "xl/worksheets/sheet1.xml": sheet,
    }


def main() -> None:
    TARGET.mkdir(parents=True, exist_ok=True)
    moment = time.strptime("2026-11-20 10:00", "%Y-%m-%d %H:%M")  # the same bytes on every run
    page().save(TARGET / "prakat-3-2569.pdf", "PDF", resolution=150, quality=70,
                title="ประกาศศูนย์ปฏิบัติการต่อต้านการทุจริต ที่ 3/2569", creationDate=moment, modDate=moment)
    _package(FORM, form_docx())
    _package(FIGURES, figures_xlsx())


if __name__ == "__main__":
    main()
