"""Which photos a gallery has, in which order, with which captions (no image is decoded)."""

from pathlib import Path

from photo_gallery.sources import natural_key, output_stems, scan_gallery

from gallery_photos import jpeg


def names(gallery):
    return [p.name for p in gallery.photos]


def touch(folder: Path, *files: str) -> None:
    for name in files:
        (folder / name).write_bytes(b"x")


def test_natural_order_and_every_case_of_extension(tmp_path):
    touch(tmp_path, "p10.jpg", "p2.JPG", "p1.jpeg", "P3.PNG", "p4.webp", "p5.HEIC", ".DS_Store", "Thumbs.db")
    gallery = scan_gallery(tmp_path, "g")
    assert names(gallery) == ["p1.jpeg", "p2.JPG", "P3.PNG", "p4.webp", "p5.HEIC", "p10.jpg"]
    assert gallery.problems == []


def test_natural_key_orders_numbers_by_value():
    assert sorted(["img12", "img2", "IMG1"], key=natural_key) == ["IMG1", "img2", "img12"]


def test_other_files_are_reported_not_published(tmp_path):
    touch(tmp_path, "p1.jpg", "notes.docx", "clip.mov")
    gallery = scan_gallery(tmp_path, "g")
    assert names(gallery) == ["p1.jpg"]
    reported = sorted(Path(p.file).name for p in gallery.problems)
    assert reported == ["clip.mov", "notes.docx"]
    assert all(p.severity == "warning" and "JPEG" in p.english for p in gallery.problems)


def test_captions_set_order_and_text_then_the_rest_in_natural_order(tmp_path):
    touch(tmp_path, "p1.jpg", "p2.jpg", "p3.jpg", "p10.jpg")
    (tmp_path / "captions.txt").write_text(
        "\ufeff# ความเห็น\n\np3.jpg: ภาพที่สาม  มีช่องว่าง\nP1.JPG: ชื่อไฟล์ตัวพิมพ์ต่าง\n", encoding="utf-8"
    )
    gallery = scan_gallery(tmp_path, "g")
    assert names(gallery) == ["p3.jpg", "p1.jpg", "p2.jpg", "p10.jpg"]
    assert [p.caption for p in gallery.photos] == ["ภาพที่สาม มีช่องว่าง", "ชื่อไฟล์ตัวพิมพ์ต่าง", "", ""]
    assert gallery.photos[0].caption_line == 3
    assert gallery.problems == []


def test_caption_naming_a_missing_file_is_a_warning_with_its_line(tmp_path):
    touch(tmp_path, "p1.jpg")
    (tmp_path / "captions.txt").write_text(
        "p1.jpg: หนึ่ง\np9.jpg: ไม่มีไฟล์นี้\nแค่ข้อความ\np1.jpg: ซ้ำ\n", encoding="utf-8"
    )
    gallery = scan_gallery(tmp_path, "g")
    assert names(gallery) == ["p1.jpg"]
    assert [(p.line, p.severity) for p in gallery.problems] == [(2, "warning"), (3, "warning"), (4, "warning")]
    assert "p9.jpg" in gallery.problems[0].english and "p9.jpg" in gallery.problems[0].thai
    assert all(Path(p.file).name == "captions.txt" for p in gallery.problems)


def test_captions_not_in_utf8_say_how_to_fix(tmp_path):
    touch(tmp_path, "p1.jpg")
    (tmp_path / "captions.txt").write_bytes("p1.jpg: ภาพกิจกรรม\n".encode("cp874"))
    gallery = scan_gallery(tmp_path, "g")
    assert names(gallery) == ["p1.jpg"]
    assert gallery.problems[0].severity == "error"
    assert "UTF-8" in gallery.problems[0].english and "UTF-8" in gallery.problems[0].thai


def test_output_stems_keep_the_source_name_unique_and_url_safe(tmp_path):
    touch(tmp_path, "p01.jpg", "p01.png", "P01.JPEG", "ภาพ งาน,1.jpg")
    gallery = scan_gallery(tmp_path, "g")
    stems = dict(zip(names(gallery), output_stems(gallery.photos)))
    assert stems["p01.jpg"] != stems["p01.png"] != stems["P01.JPEG"]
    assert len({s.casefold() for s in stems.values()}) == 4
    assert stems["ภาพ งาน,1.jpg"] == "ภาพ-งาน-1"
    assert all(" " not in s and "," not in s for s in stems.values())


def test_scanning_reads_no_image(tmp_path):
    jpeg(tmp_path / "p1.jpg")
    before = (tmp_path / "p1.jpg").stat()
    scan_gallery(tmp_path, "g")
    assert (tmp_path / "p1.jpg").stat().st_mtime_ns == before.st_mtime_ns


def test_thai_vowel_and_tone_marks_stay_in_output_names(tmp_path):
    """Every Thai letter and mark of a file name survives (ภาพ-ก-จกรรม was ภาพกิจกรรม)."""
    touch(tmp_path, "ภาพกิจกรรม 1.jpg", "ผู้เข้าร่วม_อบรม (2).JPG", "เจ้าหน้าที่ ๓.png", "!!!.jpg")
    gallery = scan_gallery(tmp_path, "g")
    stems = dict(zip(names(gallery), output_stems(gallery.photos)))
    assert stems["ภาพกิจกรรม 1.jpg"] == "ภาพกิจกรรม-1"
    assert stems["ผู้เข้าร่วม_อบรม (2).JPG"] == "ผู้เข้าร่วม_อบรม-2"
    assert stems["เจ้าหน้าที่ ๓.png"] == "เจ้าหน้าที่-๓"
    assert stems["!!!.jpg"] == "photo"
    for name, stem in stems.items():
        thai = [c for c in name if "\u0e00" <= c <= "\u0e7f"]
        assert [c for c in stem if "\u0e00" <= c <= "\u0e7f"] == thai, (name, stem)


def test_photo_links_outside_the_content_folder_are_refused(tmp_path):
    content = tmp_path / "content"
    folder = content / "galleries" / "g"
    folder.mkdir(parents=True)
    jpeg(folder / "p1.jpg")
    secret = tmp_path / "secret.jpg"
    jpeg(secret)
    (folder / "p2.jpg").symlink_to(secret)
    (folder / "p3.jpg").symlink_to(folder / "p1.jpg")  # a link inside content/ is fine
    gallery = scan_gallery(folder, "g", root=content)
    assert names(gallery) == ["p1.jpg", "p3.jpg"]
    [problem] = gallery.problems
    assert problem.severity == "error" and Path(problem.file).name == "p2.jpg"
    assert "symlink" in problem.english and str(secret) in problem.english


def test_a_named_pipe_is_not_read(tmp_path):
    import os

    jpeg(tmp_path / "p1.jpg")
    os.mkfifo(tmp_path / "p2.jpg")
    gallery = scan_gallery(tmp_path, "g", root=tmp_path)
    assert names(gallery) == ["p1.jpg"]
    assert Path(gallery.problems[0].file).name == "p2.jpg" and "regular file" in gallery.problems[0].english
