"""Generate the sample site's attached documents with Pillow (no real document, no real people).

    .venv/bin/python tools/make_sample_documents.py     # writes content/extra/attachments/...

An announcement of the center as offices attach it: a scanned page (a greyscale image) in a PDF,
its text in Thai with Thai digits (the Thai subset of Sarabun has no ASCII punctuation, so the
text has none), an emblem drawn as a circle. Needs a Pillow with
libraqm for Thai (the committed file was made with one); nothing in the tests regenerates it.
Deterministic: same bytes on every run with the same Pillow.
"""

from __future__ import annotations

import time
from pathlib import Path

from PIL import Image, ImageDraw, ImageFilter, ImageFont

ROOT = Path(__file__).resolve().parent.parent
FONT = ROOT / "theme" / "static" / "vendor" / "fonts" / "sarabun-thai-400-normal.woff2"
BOLD = ROOT / "theme" / "static" / "vendor" / "fonts" / "sarabun-thai-700-normal.woff2"
TARGET = ROOT / "content" / "extra" / "attachments" / "complaint-email-guideline-2569-r7kd"

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


def main() -> None:
    TARGET.mkdir(parents=True, exist_ok=True)
    moment = time.strptime("2026-11-20 10:00", "%Y-%m-%d %H:%M")  # the same bytes on every run
    page().save(TARGET / "prakat-3-2569.pdf", "PDF", resolution=150, quality=70,
                title="ประกาศศูนย์ปฏิบัติการต่อต้านการทุจริต ที่ 3/2569", creationDate=moment, modDate=moment)


if __name__ == "__main__":
    main()
