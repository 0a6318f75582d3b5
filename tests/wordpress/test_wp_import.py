"""The import end to end on the fixture: every file it writes, and what it refuses to write."""

from __future__ import annotations

import datetime as _dt
import json
import re
from pathlib import Path
from urllib.parse import unquote

from bs4 import BeautifulSoup
from PIL import Image

from wp_helpers import BY_ID, EXPORT, EXPORT_DATA, ROOT, copy_project, header, imported_files
from gallery_photos import BLUE, RED, assert_clean
from thai_date.parsing import parse_date
from thai_text.slugs import is_slug
from thai_text.typos import fix_typos
from tools.wordpress.dates import BANGKOK
from tools.wordpress.importer import REDIRECT_FILE

HEADER_ORDER = ["title", "date", "category", "tags", "slug", "author", "summary", "status", "gallery",
                "cover", "old_url", "guid"]


def test_every_release_and_page_has_our_exact_header(imported):
    root, _report = imported
    items = imported_files(root)
    assert len(items) == 15  # 14 posts less private, trashed, password-protected; 4 pages
    for wp_id, entry in items.items():
        item = BY_ID[wp_id]
        meta, body = header(root / entry["file"])
        keys = list(meta)
        assert keys == [k for k in HEADER_ORDER if k in meta], keys
        assert is_slug(meta["slug"]) and "%" not in meta["slug"]
        assert meta["slug"] == entry["slug"] and Path(entry["file"]).stem == meta["slug"]
        assert meta["title"] == fix_typos(" ".join(item.title.split()))
        if item.post_type == "post":
            assert entry["file"].startswith("content/news/")
            moment = parse_date(meta["date"]).replace(tzinfo=BANGKOK)
            gmt = _dt.datetime.strptime(item.post_date_gmt, "%Y-%m-%d %H:%M:%S") if not item.post_date_gmt.startswith("0000") else None
            if gmt:
                assert moment == gmt.replace(tzinfo=_dt.timezone.utc).astimezone(BANGKOK).replace(second=0)
            assert meta["category"] in ("ข่าวประชาสัมพันธ์", "ข่าวกิจกรรม", "ประกาศ")
            assert meta["guid"] == item.guid
        else:
            assert entry["file"].startswith("content/pages/") and "date" not in meta
        assert ("status" in meta) == (item.status in ("draft", "pending"))
        if "old_url" in meta:
            assert meta["old_url"] == item.link and "?" not in meta["old_url"]
        if item.excerpt.strip():
            assert meta["summary"] == fix_typos(" ".join(item.excerpt.split()))
        assert body.strip(), entry["file"]


def test_statuses_skips_and_page_parents(imported):
    root, report = imported
    items = imported_files(root)
    for wp_id, item in BY_ID.items():
        if item.post_type in ("post", "page"):
            should = item.status in ("publish", "future", "draft", "pending") and not item.post_password
            assert (wp_id in items) == should, (wp_id, item.status)
    skipped_titles = {title for _why, title, _old in report.skipped}
    for wp_id in ("108", "109", "114"):
        assert BY_ID[wp_id].title in skipped_titles
    future = header(root / items["105"]["file"])[0]
    assert parse_date(future["date"]).year == 2099 and "status" not in future
    child = items["302"]["file"]
    parent = items["301"]
    assert child == f"content/pages/{parent['slug']}/{items['302']['slug']}.md"
    assert items["303"]["slug"] == "gallery"  # an ASCII WordPress slug is kept


def test_categories_become_ours_or_tags(imported):
    root, _ = imported
    items = imported_files(root)
    meta = header(root / items["112"]["file"])[0]
    assert meta["category"] == "ข่าวประชาสัมพันธ์"
    assert "การประเมินคุณธรรมและความโปร่งใส" in meta["tags"] and "ITA" in meta["tags"]
    meta = header(root / items["103"]["file"])[0]  # "ไม่มีหมวดหมู่" (Uncategorized) is dropped
    assert meta["category"] == "ประกาศ" and "หมวดหมู่" not in meta.get("tags", "")


def test_bodies_are_clean_markdown(imported):
    root, _ = imported
    for wp_id, entry in imported_files(root).items():
        _meta, body = header(root / entry["file"])
        for junk in ("<!-- wp:", "[gallery", "[caption", "[/", "style=", "class=", "Mso", "TH Sarabun",
                     "<span", "<font", "<o:p", "&nbsp;", "<iframe", "wp-content/uploads", "acoc.mol.go.th",
                     "fbclid", "l.facebook.com", "\u200b", "\u0e40\u0e40"):
            assert junk not in body, (entry["file"], junk)
        for line in body.splitlines():
            assert not line.startswith("\t"), line
        assert "<table" not in body  # Word's table became a Markdown table


def test_visible_text_survives_word_for_word(imported):
    """Property over every imported body: each run of Thai text a reader saw on the old site is in
    the new file (bodies, or captions.txt for gallery captions)."""
    root, _ = imported
    thai_run = re.compile("[\u0e01-\u0e4e.]*[\u0e01-\u0e4e]")  # a Thai phrase between spaces
    checked = 0
    for wp_id, entry in imported_files(root).items():
        item = BY_ID[wp_id]
        raw = re.sub(r"<!--.*?-->", " ", item.content, flags=re.S)
        raw = re.sub(r"\[/?[a-z][a-z0-9_-]*[^\]]*\]", " ", raw)
        for ref in re.findall(r'"ref":(\d+)', item.content):
            raw += " " + BY_ID[ref].content
        seen = BeautifulSoup(re.sub(r"<!--.*?-->", " ", raw, flags=re.S), "html.parser").get_text(" ")
        written = (root / entry["file"]).read_text(encoding="utf-8")
        if entry.get("gallery"):
            written += (root / "content" / "galleries" / entry["gallery"] / "captions.txt").read_text(encoding="utf-8")
        written = " ".join(written.replace("\\", "").split())
        assert not re.search("[\uf700-\uf8ff]", written), entry["file"]  # no glyph variant of a PDF's font
        for run in thai_run.findall(fix_typos(" ".join(seen.split()))):
            assert run in written, (entry["file"], run)
            checked += 1
    assert checked > 80


def test_galleries_captions_and_featured_images(imported):
    root, _ = imported
    items = imported_files(root)
    galleries = root / "content" / "galleries"
    # wp:gallery with ids, featured image p01 as the cover; captions from the attachments.
    meta = header(root / items["101"]["file"])[0]
    folder = galleries / meta["gallery"]
    captions = (folder / "captions.txt").read_text(encoding="utf-8")
    assert meta["cover"] == "p01.jpg"
    assert "p01.jpg: ผู้เข้าอบรมลงทะเบียนหน้าห้องประชุม" in captions
    assert "p02.jpg: ฝึกวิเคราะห์กรณีศึกษาเป็นกลุ่มย่อย" in captions
    assert sorted(p.name for p in folder.iterdir()) == ["captions.txt", "p01.jpg", "p02.jpg", "p03.jpg"]
    # [gallery] without ids: every photo attached to the post (the GIF is listed, not imported).
    folder = galleries / header(root / items["103"]["file"])[0]["gallery"]
    assert sorted(p.name for p in folder.iterdir()) == ["captions.txt", "day01.jpg", "day02.jpg"]
    # [gallery ids="205,204"] keeps its order; a Thai file name is romanised.
    lines = (galleries / items["102"]["gallery"] / "captions.txt").read_text(encoding="utf-8").splitlines()[1:]
    assert [l.split(":")[0] for l in lines] == ["pai-prachasamphan.jpg", "line-qr.png"]
    # Gutenberg's new gallery (nested image blocks): captions from the attachment, else the block.
    lines = (galleries / items["104"]["gallery"] / "captions.txt").read_text(encoding="utf-8")
    assert "kk01.jpg: ประชุมร่วมกับสำนักงานแรงงานจังหวัด" in lines
    assert "kk02.jpg: พบผู้รับบริการที่ศูนย์ฝึกอาชีพ" in lines


def test_every_photo_in_content_is_clean_and_upright(imported, old_site):
    root, _ = imported
    ledger = json.loads((root / "content" / "wordpress-import.json").read_text(encoding="utf-8"))
    photos = [root / rel for rel in ledger["files"] if rel.endswith((".jpg", ".png"))]
    assert len(photos) >= 15
    for path in photos:
        assert_clean(path)
        with Image.open(path) as im:
            assert max(im.size) <= 2000
    sideways = root / "content" / "galleries" / imported_files(root)["101"]["gallery"] / "p02.jpg"
    with Image.open(sideways) as im:
        rgb = im.convert("RGB")
        assert rgb.size == (640, 480)  # stored 480x640 with orientation 6
        assert all(abs(a - b) < 40 for a, b in zip(rgb.getpixel((320, 60)), RED))
        assert all(abs(a - b) < 40 for a, b in zip(rgb.getpixel((320, 420)), BLUE))
    # WordPress's -scaled copy is not what was imported: the original is (640 px, not 400).
    with Image.open(sideways.with_name("p01.jpg")) as im:
        assert im.size == (640, 480)


def test_links_between_posts_images_and_files(imported):
    root, _ = imported
    items = imported_files(root)
    body = header(root / items["102"]["file"])[1]
    assert f"({{filename}}/news/{items['101']['slug']}.md)" in body
    assert f"({{filename}}/news/{items['103']['slug']}.md)" in body
    assert "({static}/extra/wordpress/2022/04/manual.pdf)" in body
    assert '<figure><img src="{static}/images/wordpress/2022/04/line-qr.png" alt="คิวอาร์โค้ด"' in body
    assert "<figcaption>สแกนคิวอาร์โค้ดเพื่อเพิ่มเพื่อน</figcaption>" in body
    assert "[ชมวิดีโอบน YouTube](https://www.youtube.com/watch?v=Qm4Tn8Rw2Yc)" in body
    body = header(root / items["111"]["file"])[1]
    assert "![พิธีมอบเกียรติบัตร]({static}/images/wordpress/2023/11/award.jpg)" in body  # 1024x768 -> original
    assert "[![" not in body  # an image linked to its own file is just the image
    assert "## รายชื่อหน่วยงาน" in body  # a body <h1> becomes ##
    body = header(root / items["110"]["file"])[1]
    assert "ดูบันทึกภายในไม่ได้" in body and "](http" not in body.split("ดูบันทึกภายใน")[1][:20]
    assert "[ชมวิดีโอบน YouTube](https://www.youtube.com/watch?v=Hs7vD2nQp0E)" in body
    assert "👉" in body and "(https://www.mol.go.th/)" in body
    body = header(root / items["104"]["file"])[1]
    assert "[ชมวิดีโอบน Facebook](https://www.facebook.com/acoc.mol/videos/1234567890123456/)" in body
    assert "(/category/" in body and "สายด่วน 1546" in body  # category link, reusable block
    body = header(root / items["101"]["file"])[1]
    assert "-   กรณีศึกษาการจัดซื้อจัดจ้าง\n    -   การกำหนดคุณลักษณะเฉพาะ" in body
    assert "| ช่วงเวลา | กิจกรรม |" in body


def test_report_lists_what_needs_work_post_by_post(imported):
    root, report = imported
    files = {n.where: n for n in report.needs_work}
    items = imported_files(root)
    contact = files[items["113"]["file"]]
    text = " ".join(t + e for t, e in contact.problems)
    assert "contact-form-7" in text and "latest-posts" in text
    text = " ".join(t + e for t, e in files[items["110"]["file"]].problems)
    assert "partner.example.org" in text and "private" in text
    text = " ".join(t + e for t, e in files[items["112"]["file"]].problems)
    assert "post_date_gmt" in text  # the old site's clock disagreed with GMT
    # the one sticky post of the old home page: the report asks for a day to keep it featured
    sticky = [n.where for n in report.needs_work if any("sticky" in e for _t, e in n.problems)]
    assert sticky == [items["102"]["file"]]
    assert "Featured_until" not in (root / items["102"]["file"]).read_text(encoding="utf-8")
    assert report.converted["gallery"] >= 5 and report.converted["caption"] >= 2
    assert report.converted["video"] >= 4 and report.converted["word"] >= 1
    assert report.media["unused"] == 2 and report.files["added"] >= 30
    from tools.wordpress.report import format_report

    text = format_report(report)
    for words in ("ข่าว (post) / posts: 14", "ต้องแก้ด้วยมือ", "needs work by hand", "ส่วนตัว", "private"):
        assert words in text


def test_nothing_outside_content_and_deploy(tmp_path, import_into):
    root = copy_project(tmp_path / "p")
    before = {p for p in root.rglob("*")}
    import_into(root)
    new = {p for p in root.rglob("*")} - before
    assert new
    for path in new:
        assert path.relative_to(root).parts[0] in ("content", "deploy"), path
    assert (root / REDIRECT_FILE).is_file()


def _snapshot(root: Path) -> dict:
    return {str(p.relative_to(root)): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


def test_dry_run_writes_nothing_and_tells_what_would_change(tmp_path, import_into):
    root = copy_project(tmp_path / "p")
    before = _snapshot(root)
    report = import_into(root, dry_run=True)
    assert _snapshot(root) == before
    assert report.dry_run and report.files["added"] >= 30


def test_second_run_adds_only_what_is_new_and_keeps_authors_edits(tmp_path, import_into):
    root = copy_project(tmp_path / "p")
    import_into(root)
    items = imported_files(root)
    first = _snapshot(root)
    again = import_into(root)
    assert _snapshot(root) == first
    assert again.files["added"] == 0 and again.files["updated"] == 0 and again.files["conflict"] == 0

    # An author edits one post, deletes another; WordPress then changes both and adds a post.
    edited = root / items["101"]["file"]
    edited.write_text(edited.read_text(encoding="utf-8") + "\nย่อหน้าที่ผู้เขียนเพิ่มเอง\n", encoding="utf-8")
    kept = edited.read_bytes()
    deleted = root / items["104"]["file"]
    deleted.unlink()
    newer = EXPORT.read_text(encoding="utf-8")
    newer = newer.replace("เพื่อปลูกฝังค่านิยมสุจริต", "เพื่อปลูกฝังค่านิยมสุจริตและความรับผิดชอบ")
    newer = newer.replace("รับฟังข้อเสนอแนะจากผู้รับบริการ", "รับฟังข้อเสนอแนะจากผู้รับบริการทุกกลุ่ม")
    newer = newer.replace("งานป้องกันการทุจริตในทุกหน่วยงานของกระทรวง", "งานป้องกันการทุจริตในทุกหน่วยงานของกระทรวงแรงงาน")
    added_item = newer[newer.index("\t<item>"):newer.index("\t</item>") + len("\t</item>")]
    added_item = (added_item.replace("<wp:post_id>101</wp:post_id>", "<wp:post_id>901</wp:post_id>")
                  .replace("?p=101", "?p=901").replace("จัดอบรมเชิงปฏิบัติการ", "จัดสัมมนาวิชาการ"))
    added_item = re.sub(r"<link>[^<]*</link>", "<link>https://acoc.mol.go.th/?p=901</link>", added_item)
    added_item = re.sub(r"<wp:post_name><!\[CDATA\[[^\]]*\]\]></wp:post_name>", "<wp:post_name><![CDATA[seminar-2024]]></wp:post_name>", added_item)
    newer = newer.replace("</channel>", added_item + "\n</channel>")
    source = tmp_path / "newer.xml"
    source.write_text(newer, encoding="utf-8")
    report = import_into(root, source=source)
    assert edited.read_bytes() == kept  # never overwritten
    assert not deleted.exists()  # not brought back
    assert report.files["conflict"] == 1 and report.files["deleted"] == 1
    assert [c[0] for c in report.conflicts] == [items["101"]["file"]]
    page = root / items["301"]["file"]
    assert "กระทรวงแรงงาน" in page.read_text(encoding="utf-8")  # unedited: updated
    new_items = imported_files(root)
    assert new_items["901"]["slug"] == "seminar-2024" and (root / new_items["901"]["file"]).is_file()
    assert {k: v["slug"] for k, v in new_items.items() if k != "901"} == {k: v["slug"] for k, v in items.items()}


def test_redirect_file_is_valid_and_covers_every_kind_of_old_address(imported):
    root, report = imported
    from wp_legacy.nginx_map import parse

    entries = parse((root / REDIRECT_FILE).read_text(encoding="utf-8"))
    sources = {e.source for e in entries}
    items = imported_files(root)
    for wp_id, entry in items.items():
        item = BY_ID[wp_id]
        if item.status in ("draft", "pending"):
            continue
        key = "page_id" if item.post_type == "page" else "p"
        assert f"/?{key}={wp_id}" in sources
        if "?" not in item.link and not item.link.endswith(f"/{entry['slug']}/"):
            assert unquote(item.link.split("acoc.mol.go.th", 1)[1]) in sources
    assert "/feed/" in sources and "/?feed=rss2" in sources
    assert any(s.startswith("/category/ข่าวกิจกรรม/") for s in sources)
    assert any(s.startswith("/tag/") for s in sources)
    assert any(s.startswith("/?attachment_id=") for s in sources)
    by_source = {e.source: e.target for e in entries}
    from tools.wordpress.taxonomy import decoded

    cats = [t for t in EXPORT_DATA.categories if by_source.get(f"/category/{decoded(t.slug)}/")]
    assert len(cats) >= 3
    for term in cats:  # WordPress's plain link to a category
        assert by_source[f"/?cat={term.term_id}"] == by_source[f"/category/{decoded(term.slug)}/"]
    assert "/wp-content/uploads/2022/03/p01-300x225.jpg" in sources  # a resized copy
    for kind in ("post", "page", "query", "category", "tag", "attachment", "feed", "media", "date", "author"):
        assert report.redirects[kind] > 0, kind
    # WordPress's plain link to a tag (?tag=slug, the slug as WordPress wrote it: percent-encoded)
    tags = [t for t in EXPORT_DATA.tags if by_source.get(f"/tag/{decoded(t.slug)}/")]
    assert len(tags) >= 3 and any("%e0" in t.slug for t in tags)
    for term in tags:
        assert by_source[f"/?tag={term.slug}"] == by_source[f"/index.php?tag={term.slug}"] \
            == by_source[f"/tag/{decoded(term.slug)}/"]
    # WordPress's date archives of every day with a published post, and of its month and year, to
    # that year's archive (B.E.)
    days = {(item.post_date[:4], item.post_date[5:7], item.post_date[8:10]) for item in EXPORT_DATA.items
            if item.post_type == "post" and item.status == "publish" and item.post_date[:4] < "2090"
            and not item.post_password}  # (a post behind a password is imported as a draft)
    by_source = {e.source: e.target for e in entries}
    assert len(days) >= 5
    for year, month, day in days:
        archive = f"/archives/{int(year) + 543}/"
        assert by_source[f"/{year}/{month}/{day}/"] == by_source[f"/{year}/{month}/"] == by_source[f"/{year}/"] \
            == by_source[f"/?m={year}{month}"] == by_source[f"/?m={year}{month}{day}"] == archive
    assert not [s for s in sources if re.fullmatch(r"/\d{4}/\d\d/\d\d/", s) and tuple(s[1:-1].split("/")) not in days]
    # the archive of each author with a published post (the site has none per author) to the whole archive
    writers = {item.creator for item in EXPORT_DATA.items
               if item.post_type == "post" and item.status == "publish" and not item.post_password}
    assert len(writers) >= 2 and set(EXPORT_DATA.authors) - writers  # one account never posted
    for author in EXPORT_DATA.authors.values():
        found = {by_source.get(s) for s in (f"/author/{author.login}/", f"/author/{author.login}",
                                            f"/?author={author.author_id}", f"/index.php?author={author.author_id}")}
        assert found == ({"/archives/"} if author.login in writers else {None}), (author, found)
        feed = by_source.get(f"/author/{author.login}/feed/")
        assert feed == (by_source["/feed/"] if author.login in writers else None), (author, feed)


def test_date_archives_follow_bangkok_time_and_leave_out_what_is_not_there_yet():
    import datetime as dt

    from tools.wordpress.redirects import date_archives

    utc = dt.timezone.utc
    settings = {"THAI_DATE_YEAR_ARCHIVE_URL": "archives/{be_year}/", "TIMEZONE": "Asia/Bangkok",
                "THAI_DATE_YEAR_ARCHIVE_SAVE_AS": "archives/{be_year}/index.html", "ARCHIVES_URL": "archives/",
                "ARCHIVES_SAVE_AS": "archives/index.html"}
    now = dt.datetime(2026, 12, 5, tzinfo=utc)
    moments = [dt.datetime(2019, 12, 31, 20, 0, tzinfo=utc),  # 1 January 2020 in Bangkok
               dt.datetime(2019, 5, 14, 3, 0, tzinfo=utc), dt.datetime(2099, 1, 15, tzinfo=utc), None]
    assert date_archives(moments, settings, now) == {(2020, 1, 1): "/archives/2563/", (2019, 5, 14): "/archives/2562/"}
    no_years = {**settings, "THAI_DATE_YEAR_ARCHIVE_SAVE_AS": ""}
    assert set(date_archives(moments, no_years, now).values()) == {"/archives/"}


def test_an_author_s_archive_address_is_wordpress_s():
    from tools.wordpress.redirects import nicename

    assert [nicename(n) for n in ("admin", "PR.Office", "somsri_m", "สมศรี", " web  team ")] == [
        "admin", "pr-office", "somsri_m", "สมศรี", "web-team"]


def test_invoke_task_dry_run_on_the_repository_changes_nothing(old_site):
    import subprocess
    import sys

    def state():
        return {str(p): p.stat().st_mtime_ns for d in ("content", "deploy") for p in (ROOT / d).rglob("*")}

    before = state()
    result = subprocess.run(
        [str(Path(sys.executable).parent / "invoke"), "import-wordpress", "--source", str(EXPORT),
         "--media-dir", str(old_site), "--dry-run", "--category", "การประเมินคุณธรรมและความโปร่งใส=ประกาศ"],
        cwd=ROOT, capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stderr
    assert "ทดลองนำเข้า" in result.stdout and "dry run" in result.stdout
    assert "Traceback" not in result.stderr
    assert state() == before
