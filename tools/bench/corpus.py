"""A deterministic synthetic corpus of Thai press releases for the benchmark.

Every post is assembled from the sentence fragments below (written for this project, about
fictional activities of the center) by a seeded random generator, so the same seed and count
always give byte-identical files. Posts are 2-6 KB of UTF-8 (mean about 4.8 KB), dated in
B.E. or C.E. years (both forms authors use), in the three site categories, with tags and an
explicit ASCII `Slug:`. The same posts are written twice: as Pelican Markdown (`pelican/news/`)
and with YAML front matter for Hugo (`hugo/content/news/`).
"""

from __future__ import annotations

import random
import shutil
import sys
from dataclasses import dataclass
from pathlib import Path

if str(Path(__file__).resolve().parents[2] / "plugins") not in sys.path:
    sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "plugins"))

from thai_date.formats import BE_OFFSET  # noqa: E402

CATEGORIES = ["ข่าวประชาสัมพันธ์", "ข่าวกิจกรรม", "ประกาศ"]

MONTHS = [
    "มกราคม", "กุมภาพันธ์", "มีนาคม", "เมษายน", "พฤษภาคม", "มิถุนายน",
    "กรกฎาคม", "สิงหาคม", "กันยายน", "ตุลาคม", "พฤศจิกายน", "ธันวาคม",
]

# (Thai name, ASCII slug part)
PROVINCES = [
    ("เชียงใหม่", "chiang-mai"), ("ขอนแก่น", "khon-kaen"), ("นครราชสีมา", "nakhon-ratchasima"),
    ("สงขลา", "songkhla"), ("ชลบุรี", "chon-buri"), ("อุดรธานี", "udon-thani"),
    ("พิษณุโลก", "phitsanulok"), ("สุราษฎร์ธานี", "surat-thani"), ("ระยอง", "rayong"),
    ("อุบลราชธานี", "ubon-ratchathani"), ("นครปฐม", "nakhon-pathom"), ("ลำปาง", "lampang"),
    ("ตาก", "tak"), ("ภูเก็ต", "phuket"), ("สมุทรสาคร", "samut-sakhon"), ("กาญจนบุรี", "kanchanaburi"),
]

# (topic, ASCII slug part)
TOPICS = [
    ("การป้องกันผลประโยชน์ทับซ้อน", "conflict-of-interest"),
    ("การประเมินคุณธรรมและความโปร่งใสในการดำเนินงานของหน่วยงานภาครัฐ (ITA)", "ita"),
    ("การเปิดเผยข้อมูลการจัดซื้อจัดจ้าง", "procurement-disclosure"),
    ("มาตรฐานทางจริยธรรมของเจ้าหน้าที่ของรัฐ", "ethics-standards"),
    ("การรับเรื่องร้องเรียนการทุจริตและประพฤติมิชอบ", "complaints"),
    ("การไม่รับของขวัญและของกำนัลจากการปฏิบัติหน้าที่ (No Gift Policy)", "no-gift-policy"),
    ("การบริหารความเสี่ยงการทุจริตในการอนุญาตทำงานของคนต่างด้าว", "work-permit-risk"),
    ("การคุ้มครองผู้แจ้งเบาะแสการทุจริต", "whistleblower-protection"),
    ("การตรวจสอบการเบิกจ่ายเงินกองทุนเพื่อผู้ใช้แรงงาน", "fund-audit"),
    ("แผนปฏิบัติการป้องกันและปราบปรามการทุจริต", "anti-corruption-plan"),
    ("การปลูกจิตสำนึกความซื่อสัตย์สุจริตในองค์กร", "integrity-culture"),
    ("การลดขั้นตอนการให้บริการที่เปิดช่องให้เรียกรับผลประโยชน์", "service-simplification"),
]

SUBJECTS = [
    "ศูนย์ปฏิบัติการต่อต้านการทุจริต กระทรวงแรงงาน",
    "ผู้อำนวยการศูนย์ปฏิบัติการต่อต้านการทุจริต",
    "คณะทำงานด้านความโปร่งใสของสำนักงานแรงงานจังหวัด{province}",
    "เจ้าหน้าที่กลุ่มงานเฝ้าระวังและติดตามประเมินผล",
    "ปลัดกระทรวงแรงงาน",
    "ผู้แทนกรมการจัดหางาน",
    "ผู้แทนกรมพัฒนาฝีมือแรงงาน",
    "ผู้แทนสำนักงานประกันสังคม",
    "ผู้แทนกรมสวัสดิการและคุ้มครองแรงงาน",
    "เครือข่ายดวงตาแรงงานจังหวัด{province}",
    "อาสาสมัครภาคประชาชนจังหวัด{province}",
]

ACTIONS = [
    "ได้จัดประชุมเชิงปฏิบัติการเรื่อง{topic}",
    "ได้ลงพื้นที่ติดตามการดำเนินงานด้าน{topic}",
    "ได้ร่วมลงนามบันทึกข้อตกลงว่าด้วย{topic}",
    "ได้เปิดรับฟังความคิดเห็นของประชาชนเกี่ยวกับ{topic}",
    "ได้บรรยายให้ความรู้แก่บุคลากรในหัวข้อ{topic}",
    "ได้มอบนโยบายและแนวทางด้าน{topic}",
    "ได้จัดกิจกรรมรณรงค์เผยแพร่ความรู้เรื่อง{topic}",
    "ได้ประชุมหารือร่วมกับหน่วยงานภาคีเพื่อผลักดัน{topic}",
]

PLACES = [
    "ณ ห้องประชุมชั้น {n} อาคารกระทรวงแรงงาน",
    "ณ ศาลากลางจังหวัด{province}",
    "ผ่านระบบการประชุมทางไกล",
    "ณ สำนักงานจัดหางานจังหวัด{province}",
    "ณ สถาบันพัฒนาฝีมือแรงงานภาค {n} จังหวัด{province}",
    "ณ หอประชุมสำนักงานประกันสังคมจังหวัด{province}",
]

WHENS = [
    "เมื่อวันที่ {d} {month} {be}",
    "ในช่วงเช้าของวันที่ {d} {month} {be}",
    "ระหว่างวันที่ {d}-{d2} {month} {be}",
    "ในวันนี้",
]

PURPOSES = [
    "เพื่อสร้างความตระหนักรู้ให้แก่เจ้าหน้าที่ทุกระดับ",
    "เพื่อให้การให้บริการแก่แรงงานเป็นไปอย่างโปร่งใสและตรวจสอบได้",
    "เพื่อลดขั้นตอนที่อาจเปิดช่องให้เกิดการเรียกรับผลประโยชน์",
    "เพื่อยกระดับผลการประเมินคุณธรรมและความโปร่งใสของกระทรวงแรงงาน",
    "เพื่อสร้างวัฒนธรรมองค์กรที่ไม่ทนต่อการทุจริตทุกรูปแบบ",
    "เพื่อให้ประชาชนมั่นใจว่าเรื่องร้องเรียนทุกเรื่องได้รับการดูแลอย่างเป็นธรรม",
]

DETAILS = [
    "ที่ประชุมได้ร่วมกันทบทวนขั้นตอนการให้บริการที่มีความเสี่ยง และกำหนดมาตรการควบคุมที่ชัดเจนในแต่ละขั้นตอน",
    "ผู้เข้าร่วมกิจกรรมได้แลกเปลี่ยนประสบการณ์และกรณีศึกษาจากการปฏิบัติงานจริงในพื้นที่",
    "ทั้งนี้ ประชาชนที่พบเห็นพฤติกรรมไม่โปร่งใสสามารถแจ้งเบาะแสได้ที่สายด่วน 1546 ตลอด 24 ชั่วโมง",
    "ข้อมูลของผู้แจ้งเบาะแสจะถูกเก็บรักษาเป็นความลับตามระเบียบที่เกี่ยวข้องอย่างเคร่งครัด",
    "นอกจากนี้ ยังได้มอบหมายให้ทุกหน่วยงานในสังกัดรายงานผลการดำเนินงานเป็นรายไตรมาส",
    "ผลการดำเนินงานในรอบปีที่ผ่านมาพบว่าเรื่องร้องเรียนที่ได้รับการแก้ไขแล้วเสร็จมีสัดส่วนเพิ่มขึ้นอย่างต่อเนื่อง",
    "ในการนี้ ได้แจกคู่มือแนวทางปฏิบัติให้แก่ผู้เข้าร่วมจำนวน {n} คน",
    "กิจกรรมดังกล่าวได้รับความสนใจจากนายจ้าง ลูกจ้าง และผู้ประกอบการในพื้นที่เป็นจำนวนมาก",
    "เจ้าหน้าที่ได้ตรวจสอบเอกสารคำขอย้อนหลัง เพื่อยืนยันว่าไม่มีการเรียกเก็บค่าใช้จ่ายเกินกว่าที่กฎหมายกำหนด",
    "หน่วยงานในสังกัดได้ประกาศเจตนารมณ์ร่วมกันว่าจะปฏิบัติหน้าที่ด้วยความซื่อสัตย์สุจริตและเป็นกลาง",
    "ผู้บริหารได้ย้ำว่าการทุจริตแม้เพียงเล็กน้อยย่อมบั่นทอนความเชื่อมั่นของประชาชนที่มีต่อภาครัฐ",
    "ศปท. จะประสานงานกับสำนักงาน ป.ป.ท. และสำนักงาน ป.ป.ช. อย่างใกล้ชิด เพื่อติดตามเรื่องที่อยู่ระหว่างการตรวจสอบ",
    "ในปีงบประมาณถัดไป จะขยายผลการอบรมไปยังสำนักงานแรงงานจังหวัดอีก {n} แห่ง",
    "ผู้สนใจสามารถดาวน์โหลดเอกสารประกอบการบรรยายได้จากหน้าเอกสารเผยแพร่ของศูนย์ฯ",
    "คณะทำงานได้สุ่มสัมภาษณ์ผู้มารับบริการจำนวน {n} ราย เพื่อประเมินความพึงพอใจและความโปร่งใสของการให้บริการ",
    "ที่ประชุมเห็นชอบให้จัดทำช่องทางติดตามสถานะเรื่องร้องเรียนออนไลน์ เพื่อให้ผู้ร้องทราบความคืบหน้าได้ด้วยตนเอง",
    "การดำเนินงานครั้งนี้สอดคล้องกับยุทธศาสตร์ชาติว่าด้วยการป้องกันและปราบปรามการทุจริตและประพฤติมิชอบ",
    "เจ้าหน้าที่ได้อธิบายหลักเกณฑ์การพิจารณาเรื่องร้องเรียนตั้งแต่การรับเรื่องจนถึงการแจ้งผลให้ผู้ร้องทราบ",
    "ผู้เข้าร่วมได้ฝึกวิเคราะห์สถานการณ์จำลองที่อาจนำไปสู่ผลประโยชน์ทับซ้อน และเสนอแนวทางป้องกันที่ทำได้จริง",
    "ภาคีเครือข่ายได้เสนอให้เพิ่มการประชาสัมพันธ์สิทธิของแรงงานต่างด้าวเป็นภาษาของประเทศต้นทาง",
]

QUOTES = [
    "ความโปร่งใสไม่ใช่เพียงตัวชี้วัด แต่เป็นหน้าที่ที่เราต้องทำทุกวัน",
    "ทุกเรื่องร้องเรียนมีความหมาย เพราะเป็นเสียงของผู้ใช้แรงงานที่ไว้วางใจเรา",
    "เราจะไม่ปล่อยให้ผู้ใดแสวงหาประโยชน์จากความเดือดร้อนของแรงงาน",
    "การป้องกันดีกว่าการตามแก้ไข จึงต้องเริ่มจากการวางระบบที่ตรวจสอบได้",
    "ขอให้เจ้าหน้าที่ทุกคนเป็นแบบอย่างของความซื่อสัตย์ในการให้บริการประชาชน",
]

SPEAKERS = [
    "ผู้อำนวยการศูนย์ปฏิบัติการต่อต้านการทุจริต",
    "ปลัดกระทรวงแรงงาน",
    "แรงงานจังหวัด{province}",
    "หัวหน้ากลุ่มงานเฝ้าระวังและติดตามประเมินผล",
]

HEADINGS = ["รายละเอียดกิจกรรม", "ผลการดำเนินงาน", "ช่องทางแจ้งเบาะแส", "ขั้นตอนต่อไป", "ข้อเสนอแนะจากที่ประชุม"]

LIST_ITEMS = [
    "ทบทวนคู่มือการปฏิบัติงานให้เป็นปัจจุบัน",
    "เปิดเผยผลการจัดซื้อจัดจ้างทุกเดือนบนเว็บไซต์",
    "จัดอบรมเจ้าหน้าที่ใหม่เรื่องมาตรฐานทางจริยธรรม",
    "ติดตั้งกล่องรับความคิดเห็นในจุดให้บริการ",
    "รายงานผลการดำเนินงานต่อผู้บริหารเป็นรายไตรมาส",
    "ประสานเครือข่ายดวงตาแรงงานในการเฝ้าระวัง",
    "สุ่มตรวจเอกสารการอนุญาตทำงานอย่างน้อยเดือนละครั้ง",
]

TITLE_VERBS = ["จัดประชุม", "ลงพื้นที่ติดตาม", "รณรงค์", "ประกาศแนวทาง", "อบรมเจ้าหน้าที่เรื่อง", "เปิดรับฟังความคิดเห็นเรื่อง"]
TITLE_SUBJECTS = ["ศปท. กระทรวงแรงงาน", "กระทรวงแรงงาน", "สำนักงานแรงงานจังหวัด{province}", "ศูนย์ปฏิบัติการต่อต้านการทุจริต"]

TAGS = ["ITA", "ป.ป.ช.", "ป.ป.ท.", "ดวงตาแรงงาน", "No Gift Policy", "จัดซื้อจัดจ้าง", "ร้องเรียน",
        "จริยธรรม", "ผลประโยชน์ทับซ้อน", "แรงงานต่างด้าว", "ความโปร่งใส"]


@dataclass
class CorpusInfo:
    posts: int
    mean_kb: float
    min_kb: float
    max_kb: float
    pelican_content: Path
    hugo_site: Path


class _Writer:
    """Builds one post from the fragments with its own seeded random generator."""

    def __init__(self, rng: random.Random):
        self.rng = rng

    def fill(self, template: str, ctx: dict) -> str:
        r = self.rng
        return template.format(
            province=ctx["province"], topic=ctx["topic"], n=r.randint(2, 250),
            d=ctx["day"], d2=min(ctx["day"] + r.randint(1, 3), 28), month=ctx["month"], be=ctx["be"],
        )

    def sentence(self, ctx: dict) -> str:
        r = self.rng
        kind = r.random()
        if kind < 0.35:
            return (f"{self.fill(r.choice(SUBJECTS), ctx)} {self.fill(r.choice(ACTIONS), ctx)} "
                    f"{self.fill(r.choice(PLACES), ctx)} {self.fill(r.choice(WHENS), ctx)} "
                    f"{r.choice(PURPOSES)}")
        if kind < 0.45:
            return f"“{r.choice(QUOTES)}” {self.fill(r.choice(SPEAKERS), ctx)}กล่าว"
        return self.fill(r.choice(DETAILS), ctx)

    def paragraph(self, ctx: dict) -> str:
        r = self.rng
        parts = [self.sentence(ctx) for _ in range(r.randint(2, 4))]
        if r.random() < 0.2:
            i = r.randrange(len(parts))
            parts[i] = f"**{parts[i]}**"
        return " ".join(parts)

    def body(self, ctx: dict, target_bytes: int, min_bytes: int, max_bytes: int) -> str:
        r = self.rng
        blocks: list[str] = []
        size = 0
        while size < target_bytes:
            roll = r.random()
            if blocks and roll < 0.12:
                block = f"## {r.choice(HEADINGS)}"
            elif blocks and roll < 0.2:
                block = "\n".join(f"- {item}" for item in r.sample(LIST_ITEMS, r.randint(2, 4)))
            else:
                block = self.paragraph(ctx)
            grown = size + len(block.encode("utf-8")) + 2
            # Stop at whichever of "with" or "without" this block is nearer the target.
            if size >= min_bytes and (grown > max_bytes or grown - target_bytes > target_bytes - size):
                break
            blocks.append(block)
            size = grown
        return "\n\n".join(blocks) + "\n"


def _post(index: int, seed: int) -> dict:
    rng = random.Random(f"{seed}:{index}")
    w = _Writer(rng)
    province, province_slug = rng.choice(PROVINCES)
    topic, topic_slug = rng.choice(TOPICS)
    year = rng.randint(2021, 2026)
    month = rng.randint(1, 10 if year == 2026 else 12)
    day = rng.randint(1, 28)
    hour, minute = rng.randint(8, 17), rng.choice([0, 15, 30, 45])
    ctx = {"province": province, "topic": topic, "day": day, "month": MONTHS[month - 1], "be": year + BE_OFFSET}
    title = f"{w.fill(rng.choice(TITLE_SUBJECTS), ctx)} {rng.choice(TITLE_VERBS)}{topic}"
    if rng.random() < 0.5:
        title += f" จังหวัด{province}"
    # Mean 4.8 KB, clipped to 2-6 KB (front matter counts towards the size).
    target = int(min(5900, max(2100, rng.gauss(5060, 900))))
    post = {
        "title": title,
        "slug": f"{topic_slug}-{province_slug}-{index:05d}",
        "year": year, "month": month, "day": day, "hour": hour, "minute": minute,
        "be_date": rng.random() < 0.5,
        "category": rng.choice(CATEGORIES),
        "tags": rng.sample(TAGS, rng.randint(1, 4)),
        "summary": w.sentence(ctx) if rng.random() < 0.2 else None,
        "body": "",
    }
    head = len(pelican_markdown(post).encode("utf-8"))
    post["body"] = w.body(ctx, target - head, 2000 - head, 6000 - head)
    return post


def titles(count: int, seed: int = 2026) -> list[str]:
    """The titles of `count` posts of the corpus of `seed` (tests use them as varied titles)."""
    return [_post(index, seed)["title"] for index in range(count)]


def pelican_markdown(post: dict) -> str:
    year = post["year"] + BE_OFFSET if post["be_date"] else post["year"]
    lines = [
        f"Title: {post['title']}",
        f"Date: {year:04d}-{post['month']:02d}-{post['day']:02d} {post['hour']:02d}:{post['minute']:02d}",
        f"Category: {post['category']}",
        f"Tags: {', '.join(post['tags'])}",
        f"Slug: {post['slug']}",
    ]
    if post["summary"]:
        lines.append(f"Summary: {post['summary']}")
    return "\n".join(lines) + "\n\n" + post["body"]


def hugo_markdown(post: dict) -> str:
    # Hugo has no B.E. years: it gets the same instant in C.E., as its own front matter.
    def q(text):
        return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'

    lines = [
        "---",
        f"title: {q(post['title'])}",
        f"date: {post['year']:04d}-{post['month']:02d}-{post['day']:02d}T"
        f"{post['hour']:02d}:{post['minute']:02d}:00+07:00",
        f"categories: [{q(post['category'])}]",
        f"tags: [{', '.join(q(t) for t in post['tags'])}]",
        f"slug: {q(post['slug'])}",
    ]
    if post["summary"]:
        lines.append(f"summary: {q(post['summary'])}")
    lines.append("---")
    return "\n".join(lines) + "\n\n" + post["body"]


def generate(work: Path, posts: int, seed: int = 2026) -> CorpusInfo:
    """Write `posts` posts under `work/corpus-<posts>-<seed>/`; reuse it when already complete."""
    base = Path(work) / f"corpus-{posts}-{seed}"
    pelican_dir = base / "pelican"
    hugo_dir = base / "hugo"
    stamp = base / "complete"
    sizes = []
    if not stamp.exists():
        if base.exists():
            shutil.rmtree(base)
        (pelican_dir / "news").mkdir(parents=True)
        (hugo_dir / "content" / "news").mkdir(parents=True)
        for i in range(posts):
            post = _post(i, seed)
            text = pelican_markdown(post)
            sizes.append(len(text.encode("utf-8")))
            (pelican_dir / "news" / f"{post['slug']}.md").write_text(text, encoding="utf-8")
            (hugo_dir / "content" / "news" / f"{post['slug']}.md").write_text(
                hugo_markdown(post), encoding="utf-8")
        stamp.write_text("ok\n")
    else:
        sizes = [p.stat().st_size for p in (pelican_dir / "news").glob("*.md")]
    return CorpusInfo(
        posts=posts,
        mean_kb=sum(sizes) / len(sizes) / 1000,
        min_kb=min(sizes) / 1000,
        max_kb=max(sizes) / 1000,
        pelican_content=pelican_dir,
        hugo_site=hugo_dir,
    )
