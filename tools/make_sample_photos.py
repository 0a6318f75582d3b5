"""Generate the sample galleries of the sample site with Pillow (no real photos, no real people).

    .venv/bin/python tools/make_sample_photos.py        # writes content/galleries/<name>/

Abstract scenes of the center's activities: a training room, tables of group work, a stage, an
open-house booth, a fishing pier, a scanned form. Each gallery exercises the plugin: one photo
stored sideways with EXIF orientation 6 (the only EXIF tag written: no location or camera data is ever committed, which
the content check's rule "photo-metadata" enforces), one PNG, an upper-case `.JPG`, a greyscale
photo; every photo has its caption in captions.txt, in an order that is not the file names'.
Deterministic: same bytes on every run.
"""

from __future__ import annotations

import random
import sys
from pathlib import Path

from PIL import Image, ImageDraw, ImageFilter

ROOT = Path(__file__).resolve().parent.parent
GALLERIES = ROOT / "content" / "galleries"

NAVY, GOLD, WHITE = (11, 61, 110), (200, 160, 42), (245, 245, 240)
SKIN = [(224, 187, 150), (198, 152, 112), (172, 124, 88), (236, 200, 165)]
SHIRTS = [(240, 240, 235), (60, 90, 150), (120, 30, 40), (230, 200, 60), (40, 110, 80), (90, 90, 100)]


def orientation_exif(orientation: int) -> Image.Exif:
    """EXIF with the orientation only: the photo is stored sideways, as phones store it."""
    exif = Image.Exif()
    exif[0x0112] = orientation
    return exif


def person(draw: ImageDraw.ImageDraw, x: float, y: float, scale: float, rng: random.Random) -> None:
    """A seen-from-behind or front person: shoulders and a head."""
    w = 46 * scale
    shirt = rng.choice(SHIRTS)
    draw.rounded_rectangle([x - w, y, x + w, y + 110 * scale], radius=int(28 * scale), fill=shirt)
    r = 22 * scale
    draw.ellipse([x - r, y - 2.1 * r, x + r, y - 0.1 * r], fill=rng.choice(SKIN))
    draw.chord([x - r, y - 2.2 * r, x + r, y - 0.9 * r], 180, 360, fill=(30, 26, 24))


def banner(draw, box, rng, colour=NAVY):
    x0, y0, x1, y1 = box
    draw.rectangle(box, fill=colour)
    draw.rectangle([x0, y1 - 12, x1, y1], fill=GOLD)
    # lines of "text" as light bars
    y = y0 + (y1 - y0) * 0.2
    for width in (0.7, 0.55, 0.4):
        cx = (x0 + x1) / 2
        half = (x1 - x0) * width / 2
        draw.rounded_rectangle([cx - half, y, cx + half, y + (y1 - y0) * 0.14], radius=6, fill=WHITE)
        y += (y1 - y0) * 0.24


def finish(im: Image.Image, seed: int) -> Image.Image:
    """Soften like a lens and add sensor noise, so files look and weigh like photos."""
    im = im.filter(ImageFilter.GaussianBlur(1.2))
    noise = Image.effect_noise(im.size, 18).convert("RGB")
    return Image.blend(im, noise, 0.06)


def room(size, seed, rows=4, stage=True):
    rng = random.Random(seed)
    w, h = size
    im = Image.new("RGB", size, (214, 206, 190))
    d = ImageDraw.Draw(im)
    d.rectangle([0, int(h * 0.62), w, h], fill=(140, 110, 84))  # floor
    for i in range(0, w, w // 9):  # ceiling lights
        d.ellipse([i + 40, 20, i + 160, 60], fill=(255, 250, 225))
    if stage:
        banner(d, [w * 0.18, h * 0.08, w * 0.82, h * 0.36], rng)
        d.rectangle([w * 0.05, h * 0.55, w * 0.95, h * 0.62], fill=(96, 70, 52))
    for row in range(rows):
        y = h * (0.6 + row * 0.1)
        scale = 1.0 + row * 0.45
        for k in range(9 + row):
            x = (k + 0.5 + rng.uniform(-0.2, 0.2)) * w / (9 + row)
            person(d, x, y, scale * w / 2000, rng)
    return im


def tables(size, seed):
    rng = random.Random(seed)
    w, h = size
    im = Image.new("RGB", size, (226, 222, 212))
    d = ImageDraw.Draw(im)
    d.rectangle([0, int(h * 0.45), w, h], fill=(120, 128, 140))
    for t in range(3):
        cx = w * (0.2 + t * 0.3)
        cy = h * (0.62 + (t % 2) * 0.12)
        for k in range(5):
            person(d, cx + (k - 2) * w * 0.05, cy - h * 0.1, w / 2200, rng)
        d.ellipse([cx - w * 0.13, cy - h * 0.05, cx + w * 0.13, cy + h * 0.1], fill=(250, 250, 248))
        for _ in range(4):  # papers and flip charts
            px, py = cx + rng.uniform(-w * 0.08, w * 0.06), cy + rng.uniform(-h * 0.02, h * 0.05)
            d.rectangle(
                [px, py, px + w * 0.03, py + h * 0.035],
                fill=rng.choice([(255, 240, 150), (170, 220, 250), (255, 255, 255)]),
            )
    d.rectangle([w * 0.82, h * 0.15, w * 0.95, h * 0.55], fill=WHITE, outline=(60, 60, 60), width=6)
    return im


def outdoor(size, seed):
    rng = random.Random(seed)
    w, h = size
    im = Image.new("RGB", size, (150, 196, 236))
    d = ImageDraw.Draw(im)
    d.rectangle([0, int(h * 0.18), w, int(h * 0.55)], fill=(232, 226, 210))  # building
    for i in range(12):
        for j in range(3):
            d.rectangle(
                [w * (0.04 + i * 0.08), h * (0.22 + j * 0.1), w * (0.09 + i * 0.08), h * (0.28 + j * 0.1)],
                fill=(90, 120, 150),
            )
    d.rectangle([0, int(h * 0.55), w, h], fill=(178, 170, 160))
    for k in range(3):  # tents of the booths
        x = w * (0.08 + k * 0.31)
        d.polygon(
            [(x, h * 0.5), (x + w * 0.13, h * 0.4), (x + w * 0.26, h * 0.5)],
            fill=[NAVY, GOLD, (180, 40, 50)][k],
        )
        d.rectangle([x, h * 0.5, x + w * 0.26, h * 0.56], fill=WHITE)
    for _ in range(26):
        person(d, rng.uniform(0, w), rng.uniform(h * 0.62, h * 0.85), rng.uniform(0.8, 1.5) * w / 2000, rng)
    return im


def pier(size, seed):
    """A fishing pier at dawn: sea, moored boats, officers and crew on the quay."""
    rng = random.Random(seed)
    w, h = size
    im = Image.new("RGB", size, (236, 190, 150))
    d = ImageDraw.Draw(im)
    d.rectangle([0, int(h * 0.35), w, int(h * 0.7)], fill=(52, 96, 120))  # sea
    for k in range(4):  # boats: hull, cabin, mast
        x = w * (0.03 + k * 0.25)
        y = h * (0.42 + (k % 2) * 0.06)
        d.polygon([(x, y), (x + w * 0.2, y), (x + w * 0.17, y + h * 0.1), (x + w * 0.03, y + h * 0.1)],
                  fill=[(30, 90, 160), (180, 40, 50), (40, 120, 80), (220, 180, 40)][k])
        d.rectangle([x + w * 0.06, y - h * 0.07, x + w * 0.13, y], fill=WHITE)
        d.line([x + w * 0.15, y, x + w * 0.15, y - h * 0.2], fill=(60, 50, 40), width=max(2, w // 400))
    d.rectangle([0, int(h * 0.7), w, h], fill=(150, 146, 138))  # quay
    for _ in range(14):
        person(d, rng.uniform(0, w), rng.uniform(h * 0.72, h * 0.88), rng.uniform(0.9, 1.4) * w / 2000, rng)
    return im


def form_scan(size):
    """A scanned inspection form: lines of dark "text" and boxes on white paper, greyscale."""
    w, h = size
    im = Image.new("L", size, 248)
    d = ImageDraw.Draw(im)
    for y in range(int(h * 0.08), int(h * 0.9), max(12, h // 36)):
        d.rectangle([w * 0.08, y, w * 0.08 + (w * 0.84) * (0.45 + (y * 7 % 50) / 100), y + h // 120], fill=40)
    for k in range(4):
        d.rectangle([w * 0.62, h * (0.2 + k * 0.15), w * 0.9, h * (0.3 + k * 0.15)], outline=60, width=4)
    return im


def infographic(size, seed):
    """A slide shown at the event, as a PNG with a transparent margin."""
    rng = random.Random(seed)
    w, h = size
    im = Image.new("RGBA", size, (0, 0, 0, 0))
    d = ImageDraw.Draw(im)
    d.rounded_rectangle(
        [40, 40, w - 40, h - 40], radius=60, fill=(255, 255, 255, 255), outline=NAVY + (255,), width=14
    )
    banner(d, [80, 80, w - 80, h * 0.3], rng)
    for k, value in enumerate([0.55, 0.8, 0.35, 0.92, 0.7]):
        x = 140 + k * (w - 280) / 5
        d.rectangle(
            [x, h * 0.9 - value * h * 0.5, x + (w - 280) / 7, h * 0.9], fill=[NAVY, GOLD][k % 2] + (255,)
        )
    return im


def save_jpeg(im, path, **kwargs):
    im.save(path, "JPEG", quality=80, optimize=True, **kwargs)


def make_integrity_training(folder: Path) -> None:
    size = (2000, 1500)
    save_jpeg(finish(room(size, 1), 1), folder / "p01.jpg")
    save_jpeg(finish(room(size, 2, rows=2), 2), folder / "p02.jpg")
    upright = finish(tables(size, 3), 3)  # stored sideways, as phones do
    save_jpeg(upright.transpose(Image.Transpose.ROTATE_90), folder / "p03.jpg", exif=orientation_exif(6))
    save_jpeg(finish(outdoor((2400, 1600), 4), 4), folder / "p04.jpg")
    infographic((1600, 1000), 5).save(folder / "p05.png", optimize=True)
    save_jpeg(finish(room((1800, 1350), 6, rows=3), 6), folder / "p06.jpg")
    (folder / "captions.txt").write_text(
        "# ภาพละหนึ่งบรรทัด: ชื่อไฟล์: คำบรรยาย (ลำดับบรรทัดคือลำดับภาพ)\n"
        "p01.jpg: ผู้เข้าอบรมจากทุกกรมในสังกัดกระทรวงแรงงานกว่า 120 คน ร่วมฟังการบรรยายเปิดหลักสูตร\n"
        "p02.jpg: วิทยากรอธิบายความต่างระหว่างประโยชน์ส่วนตนกับประโยชน์ส่วนรวม\n"
        "p03.jpg: การระดมความคิดเป็นกลุ่ม วิเคราะห์กรณีศึกษาจากงานบริการประชาชน\n"
        "p04.jpg: ถ่ายภาพร่วมกันหน้าอาคารกระทรวงแรงงานหลังจบการอบรมวันแรก\n"
        "p05.png: สไลด์สรุปผลแบบประเมินก่อนและหลังการอบรม\n"
        "p06.jpg: ผู้เข้าอบรมกลุ่มสุดท้ายนำเสนอแนวทางป้องกันผลประโยชน์ทับซ้อนในหน่วยงานของตน\n",
        encoding="utf-8",
    )


def make_open_house(folder: Path) -> None:
    size = (2048, 1536)
    save_jpeg(finish(outdoor(size, 11), 11), folder / "p01.jpg")
    save_jpeg(finish(tables(size, 12), 12), folder / "p02.jpg")
    save_jpeg(finish(room(size, 13, rows=3), 13).convert("L"), folder / "p03.jpg")  # greyscale
    infographic((1600, 1200), 14).save(folder / "p04.png", optimize=True)
    upright = finish(outdoor((2000, 1500), 15), 15)
    save_jpeg(upright.transpose(Image.Transpose.ROTATE_90), folder / "p05.JPG", exif=orientation_exif(6))
    save_jpeg(finish(room((1920, 1440), 16, rows=2), 16), folder / "p06.jpg")
    (folder / "captions.txt").write_text(
        "p01.jpg: บรรยากาศหน้างานเปิดบ้าน ศปท. แรงงาน ประชาชนทยอยลงทะเบียนตั้งแต่เช้า\n"
        "p05.JPG: ซุ้มจำลองเส้นทางเรื่องร้องเรียน ตั้งแต่รับแจ้งจนถึงแจ้งผล\n"
        "p02.jpg: นักศึกษาร่วมกิจกรรมฐานที่ 2 ทดลองคัดกรองเรื่องร้องเรียนจากกรณีสมมุติ\n"
        "p03.jpg: ภาพขาวดำจากมุมห้องบรรยาย ผู้ร่วมงานฟังเจ้าหน้าที่เล่าขั้นตอนการคุ้มครองผู้แจ้งเบาะแส\n"
        "p04.png: แผนภาพสถิติเรื่องร้องเรียนที่ศูนย์ฯ ได้รับในปีงบประมาณ 2567\n"
        "p06.jpg: เจ้าหน้าที่ตอบคำถามของผู้เข้าชมเรื่องช่องทางแจ้งเบาะแสการทุจริต\n",
        encoding="utf-8",
    )


def make_ranong_pier(folder: Path) -> None:
    upright = finish(pier((2016, 1512), 21), 21)  # a phone held upright stores it sideways
    save_jpeg(upright.transpose(Image.Transpose.ROTATE_90), folder / "IMG_4521.JPG", exif=orientation_exif(6))
    save_jpeg(finish(pier((2016, 1512), 22), 22), folder / "IMG_4530.JPG")
    save_jpeg(form_scan((1240, 1754)), folder / "scan-inspection-form.jpg")  # an A4 page, portrait
    (folder / "captions.txt").write_text(
        "IMG_4530.JPG: นางสาวณัฏฐ์ชุดา กิตติวรรณโณ พูดคุยกับไต๋เรือก่อนเรือออกจากท่า\n"
        "IMG_4521.JPG: เจ้าหน้าที่ตรวจบัญชีรายชื่อลูกเรือบนท่าเทียบเรือประมงสะพานปลาระนอง\n"
        "scan-inspection-form.jpg: แบบบันทึกการตรวจเรือที่ใช้ในการอบรม \"ไม่รับ ไม่เรียก ไม่ยอม\"\n",
        encoding="utf-8",
    )


def main(root: Path = GALLERIES) -> int:
    for name, make in (
        ("integrity-training-2566", make_integrity_training),
        ("open-house-2568", make_open_house),
        ("ranong-pier-2569", make_ranong_pier),
    ):
        folder = root / name
        folder.mkdir(parents=True, exist_ok=True)
        make(folder)
        total = sum(p.stat().st_size for p in folder.iterdir())
        print(
            f"{folder.relative_to(ROOT) if folder.is_relative_to(ROOT) else folder}: "
            f"{len(list(folder.iterdir())) - 1} photos, {total / 1e6:.1f} MB"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
