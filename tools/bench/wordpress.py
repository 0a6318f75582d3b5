"""The WordPress import benchmark: a generated export and uploads folder, and the two importers.

`generate(work, posts, attachments)` writes (once; it is kept in the work folder) a WXR 1.2
export of `posts` Thai press releases built from the text corpus's fragments (`corpus.py`), half
block-editor bodies (`wp:gallery`, `wp:image`), half classic ones (`[gallery ids]`, `[caption]`),
each with a featured image and links to earlier posts, and `attachments` photos spread over them,
laid out as `uploads/wp-content/uploads/YYYY/MM/*.jpg`: small generated JPEGs with phone EXIF
and GPS, so that cleaning has something to strip. Nothing of it is committed.

`measure(...)` times our `invoke import-wordpress` (media from the folder: galleries, cleaned
photos, redirects) and `pelican-import --wpfile -m markdown` on the same export. pelican-import
converts text only (with pandoc, one process per post); it fetches no media without network
access and makes no galleries or redirects, so both figures are reported, not a ratio of equal
work.
"""

from __future__ import annotations

import html
import io
import random
import re
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

from . import corpus

SITE = "https://acoc.mol.go.th"
FORMAT_VERSION = 1
WP_SLUG_LIMIT = 200


def wordpress_slug(title: str, limit: int = WP_SLUG_LIMIT) -> str:
    """WordPress's slug for a title: UTF-8 percent-encoded (lower-case hex), cut before `limit`
    characters without splitting a character, spaces as hyphens. The generated export and the
    tests of the fixture export use it; the importer never does (it reads `wp:post_name`)."""
    out, length = [], 0
    for char in title.strip():
        encoded = char if ord(char) < 128 else "".join(f"%{b:x}" for b in char.encode("utf-8"))
        if length + len(encoded) > limit:
            break
        out.append(encoded)
        length += len(encoded)
    slug = re.sub(r"\s+", "-", "".join(out).lower())
    slug = re.sub(r"[^%a-z0-9 _-]", "", slug)
    return re.sub(r"-+", "-", slug).strip("-")


@dataclass
class WordPressCorpus:
    export: Path
    media_dir: Path
    posts: int
    attachments: int
    export_mb: float


def _photos(count: int = 24) -> list[bytes]:
    from PIL import Image

    blobs = []
    for i in range(count):
        rng = random.Random(i)
        im = Image.new("RGB", (160, 120), tuple(rng.randrange(40, 220) for _ in range(3)))
        im.paste(tuple(rng.randrange(0, 255) for _ in range(3)), (0, 0, 80, 60))
        exif = Image.Exif()
        exif[0x010F] = "SamplePhone"
        exif[0x0112] = 6 if i % 5 == 0 else 1
        exif[0x8825] = {1: "N", 2: (13.0, 45.0, float(i)), 3: "E", 4: (100.0, 31.0, 2.0)}
        buf = io.BytesIO()
        im.save(buf, "JPEG", quality=80, exif=exif)
        blobs.append(buf.getvalue())
    return blobs


def _cdata(text: str) -> str:
    return "<![CDATA[" + text.replace("]]>", "]]]]><![CDATA[>") + "]]>"


def _paragraphs(markdown_body: str) -> list[str]:
    """The corpus body's paragraphs as HTML (headings and lists kept), for WordPress bodies."""
    import markdown

    rendered = markdown.markdown(markdown_body)
    return [b for b in re.split(r"\n(?=<(?:p|h2|h3|ul|ol)>)", rendered) if b.strip()]


def generate(work: Path, posts: int, attachments: int, seed: int = 2026) -> WordPressCorpus:
    folder = Path(work) / f"wordpress-{posts}-{attachments}-v{FORMAT_VERSION}"
    export = folder / "export.xml"
    media = folder / "old-site"
    done = folder / ".complete"
    if done.exists():
        return WordPressCorpus(export, media, posts, attachments, export.stat().st_size / 1e6)
    if folder.exists():
        shutil.rmtree(folder)
    uploads = media / "wp-content" / "uploads"
    blobs = _photos()
    per_post = [attachments // posts + (1 if i < attachments % posts else 0) for i in range(posts)]
    folder.mkdir(parents=True)
    used_slugs: set[str] = set()
    next_attachment = 100_000
    with open(export, "w", encoding="utf-8") as out:
        out.write('<?xml version="1.0" encoding="UTF-8" ?>\n<rss version="2.0" '
                  'xmlns:excerpt="http://wordpress.org/export/1.2/excerpt/" '
                  'xmlns:content="http://purl.org/rss/1.0/modules/content/" '
                  'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:wp="http://wordpress.org/export/1.2/">\n'
                  f"<channel>\n<title>ศูนย์ปฏิบัติการต่อต้านการทุจริต (ชุดทดสอบ)</title>\n<link>{SITE}</link>\n"
                  f"<wp:wxr_version>1.2</wp:wxr_version>\n<wp:base_site_url>{SITE}</wp:base_site_url>\n"
                  f"<wp:base_blog_url>{SITE}</wp:base_blog_url>\n<wp:author><wp:author_login>{_cdata('pr')}"
                  f"</wp:author_login><wp:author_display_name>{_cdata('กลุ่มงานประชาสัมพันธ์ ศปท.')}"
                  "</wp:author_display_name></wp:author>\n")
        for index in range(posts):
            post = corpus._post(index, seed)
            post_id = index + 1
            slug = wordpress_slug(post["title"])
            number = 2
            while slug in used_slugs:  # WordPress adds -2, -3... within its 200 characters
                slug = wordpress_slug(post["title"], WP_SLUG_LIMIT - 6) + f"-{number}"
                number += 1
            used_slugs.add(slug)
            folder_rel = f"{post['year']:04d}/{post['month']:02d}"
            ids, files = [], []
            for k in range(per_post[index]):
                next_attachment += 1
                name = f"{folder_rel}/p{post_id:05d}-{k + 1}.jpg"
                target = uploads / name
                target.parent.mkdir(parents=True, exist_ok=True)
                target.write_bytes(blobs[(post_id * 7 + k) % len(blobs)])
                ids.append(next_attachment)
                files.append(name)
            paragraphs = _paragraphs(post["body"])
            gutenberg = index % 2 == 0
            body = _body(paragraphs, ids, files, gutenberg, post_id)
            date = f"{post['year']:04d}-{post['month']:02d}-{post['day']:02d} {post['hour']:02d}:{post['minute']:02d}:00"
            gmt_hour = (post["hour"] - 7) % 24
            gmt = f"{post['year']:04d}-{post['month']:02d}-{post['day']:02d} {gmt_hour:02d}:{post['minute']:02d}:00"
            if post["hour"] < 7:  # never: corpus hours are 8-17
                raise AssertionError("corpus hours changed")
            categories = "".join(
                f'<category domain="post_tag" nicename="{wordpress_slug(t)}">{_cdata(t)}</category>'
                for t in post["tags"])
            categories += (f'<category domain="category" nicename="{wordpress_slug(post["category"])}">'
                           f'{_cdata(post["category"])}</category>')
            meta = f"<wp:postmeta><wp:meta_key>_thumbnail_id</wp:meta_key><wp:meta_value>{ids[0]}</wp:meta_value></wp:postmeta>" if ids else ""
            out.write(
                f"<item><title>{_cdata(post['title'])}</title><link>{SITE}/news/{slug}/</link>"
                f"<dc:creator>{_cdata('pr')}</dc:creator><guid isPermaLink=\"false\">{SITE}/?p={post_id}</guid>"
                f"<content:encoded>{_cdata(body)}</content:encoded>"
                f"<excerpt:encoded>{_cdata(post['summary'] or '')}</excerpt:encoded>"
                f"<wp:post_id>{post_id}</wp:post_id><wp:post_date>{date}</wp:post_date>"
                f"<wp:post_date_gmt>{gmt}</wp:post_date_gmt><wp:post_name>{_cdata(slug)}</wp:post_name>"
                f"<wp:status>publish</wp:status><wp:post_parent>0</wp:post_parent><wp:menu_order>0</wp:menu_order>"
                f"<wp:post_type>post</wp:post_type><wp:post_password></wp:post_password>{categories}{meta}</item>\n")
            for k, (att_id, name) in enumerate(zip(ids, files)):
                out.write(
                    f"<item><title>{_cdata(f'ภาพกิจกรรม {post_id}-{k + 1}')}</title>"
                    f"<link>{SITE}/?attachment_id={att_id}</link><guid>{SITE}/wp-content/uploads/{name}</guid>"
                    f"<content:encoded>{_cdata('')}</content:encoded>"
                    f"<excerpt:encoded>{_cdata(f'บรรยากาศกิจกรรม ภาพที่ {k + 1}')}</excerpt:encoded>"
                    f"<wp:post_id>{att_id}</wp:post_id><wp:post_date>{date}</wp:post_date>"
                    f"<wp:post_date_gmt>{gmt}</wp:post_date_gmt><wp:post_name>p{post_id}-{k + 1}</wp:post_name>"
                    f"<wp:status>inherit</wp:status><wp:post_parent>{post_id}</wp:post_parent>"
                    f"<wp:menu_order>{k}</wp:menu_order><wp:post_type>attachment</wp:post_type>"
                    f"<wp:attachment_url>{SITE}/wp-content/uploads/{name}</wp:attachment_url>"
                    f"<wp:postmeta><wp:meta_key>_wp_attached_file</wp:meta_key><wp:meta_value>{name}</wp:meta_value></wp:postmeta>"
                    "</item>\n")
        out.write("</channel>\n</rss>\n")
    done.write_text("ok\n")
    return WordPressCorpus(export, media, posts, attachments, export.stat().st_size / 1e6)


def _body(paragraphs: list[str], ids: list[int], files: list[str], gutenberg: bool, post_id: int) -> str:
    """A WordPress body: the paragraphs, a captioned photo, a link to an earlier post, a gallery."""
    upload = f"{SITE}/wp-content/uploads/"
    parts = list(paragraphs)
    link = f'<p>อ่านข่าวก่อนหน้าได้ที่<a href="{SITE}/?p={max(1, post_id - 1)}">ข่าวที่เกี่ยวข้อง</a></p>'
    if gutenberg:
        blocks = [f"<!-- wp:paragraph -->\n{p}\n<!-- /wp:paragraph -->" if p.startswith("<p>") else
                  f"<!-- wp:html -->\n{p}\n<!-- /wp:html -->" for p in parts]
        if ids:
            resized = re.sub(r"\.jpg$", "-1024x768.jpg", files[-1])
            blocks.insert(1, f'<!-- wp:image {{"id":{ids[-1]}}} -->\n<figure class="wp-block-image">'
                             f'<img src="{upload}{resized}" class="wp-image-{ids[-1]}" alt=""/>'
                             "<figcaption>ภาพประกอบข่าว</figcaption></figure>\n<!-- /wp:image -->")
            blocks.append(f'<!-- wp:gallery {{"ids":[{",".join(map(str, ids))}]}} -->\n'
                          '<figure class="wp-block-gallery"></figure>\n<!-- /wp:gallery -->')
        blocks.append(f"<!-- wp:paragraph -->\n{link}\n<!-- /wp:paragraph -->")
        return "\n\n".join(blocks)
    text = [html.unescape(re.sub(r"^<p>|</p>$", "", p)) if p.startswith("<p>") else p for p in parts]
    if ids:
        text.insert(1, f'[caption id="attachment_{ids[-1]}" width="300"]<img class="wp-image-{ids[-1]}" '
                       f'src="{upload}{files[-1]}" alt="" /> ภาพประกอบข่าว[/caption]')
        text.append(f'[gallery ids="{",".join(map(str, ids))}"]')
    text.append(link)
    return "\n\n".join(text)


def pelican_import_missing(python: Path) -> str | None:
    """Why `pelican-import --wpfile` cannot run here, or None."""
    if shutil.which("pandoc") is None:
        return "pandoc is not installed (apt-get install pandoc): pelican-import converts HTML with it"
    probe = subprocess.run([str(python), "-c", "import lxml"], capture_output=True)
    if probe.returncode != 0:
        return "lxml is not installed (it is in requirements.txt): pelican-import reads the export with it"
    return None


def pelican_import_command(python: Path, export: Path, output: Path) -> list:
    return [Path(python).parent / "pelican-import", "--wpfile", "-m", "markdown", "-o", output, export]


def ours_command(python: Path, export: Path, media: Path, root: Path) -> list:
    return [python, "-m", "tools.wordpress", "--source", export, "--media-dir", media, "--root", root,
            "--report-limit", "3"]
