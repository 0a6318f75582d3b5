"""photo_gallery's rules: `Gallery:` and `Cover:`, gallery folders, captions, photo files.

| rule | severity | what |
|---|---|---|
| gallery | ERROR | `Gallery:` names a folder that does not exist (or lies outside GALLERY_SOURCE_DIR) |
| gallery | WARNING | a gallery in use holds no photo |
| cover | WARNING | `Cover:` without `Gallery:` (no cover), or naming no photo of the gallery (the first is used) |
| captions | WARNING / ERROR | captions.txt: a line naming a missing photo, a line that is not `file: caption`, a photo listed twice; not UTF-8 (ERROR) |
| captions | WARNING | a photo without a caption (GALLERY_CAPTION_REQUIRED); `Captions:` or `Hidden_photos:` in a header naming a photo not in the folder |
| photo | WARNING | a file in a gallery folder that is not a photo; a photo that cannot be decoded (left out) |
| photo-size | WARNING | a photo over GALLERY_WARN_MB megabytes or GALLERY_WARN_MEGAPIXELS megapixels |
| photo-metadata | ERROR | a photo under content/ that carries its location (GPS) (GALLERY_REFUSE_METADATA) |
| photo-metadata | WARNING | a photo under content/ that carries camera data or XMP/IPTC |
| photo-metadata | ERROR | a video under content/ (MP4, MOV, 3GP) that names the place it was filmed or the phone (video_metadata.py): published as it is |

How a cover and captions are found is in cover.py; what a photo carries is in metadata.py.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path

from .cover import cover_index, gallery_folder, gallery_root, missing_captions
from .header_captions import HEADER_KEY, apply_header_captions, header_value, parse_header_captions
from .hidden_photos import HEADER_KEY as HIDDEN_KEY, hidden_names, without_hidden
from .metadata import inspect_photo
from .video_metadata import VIDEO_EXTENSIONS, inspect_video
from .processing import unreadable
from .sources import CAPTIONS_FILE, PHOTO_EXTENSIONS, is_photo, outside, scan_gallery


def _problem(name, line, rule, severity, thai, english, fix="", fix_english=""):
    from content_guard.problems import Problem

    return Problem(name, line, rule, severity, thai, english, fix, fix_english)


def scanned(site, folder: Path):
    """The gallery in `folder`, scanned once per verdict."""
    return site.memo(("photo_gallery.scan", str(folder)),
                     lambda: scan_gallery(folder, folder.name, root=site.content_dir))


def _users(site, name: str) -> list:
    return [s for s in site.sources if s.refused is None and s.value("gallery").strip("/") == name]


def _used_by(site, name: str) -> tuple[str, str]:
    users = sorted(s.name for s in _users(site, name))
    if not users:
        return "", ""
    listed = ", ".join(users)
    return f" (ใช้ในบทความ {listed})", f" (used by {listed})"


def check_gallery_fields(source, site) -> list:
    """Rules gallery and cover of one post: its `Gallery:` folder and its `Cover:` photo."""
    settings = site.settings
    problems = []
    name = source.value("gallery").strip("/")
    cover = source.value("cover")
    if not name:
        if cover:
            problems.append(_problem(
                source.name, source.line_of("cover"), "cover", "warning",
                f'มี Cover: "{cover}" แต่ไม่มี Gallery: จึงไม่มีภาพปก',
                f'has Cover: "{cover}" but no Gallery:, so there is no cover',
                "เพิ่ม Gallery: ชื่อโฟลเดอร์ภาพ (ภาพปกต้องเป็นภาพในแกลเลอรี)",
                "add Gallery: <folder> (the cover is a photo of the gallery)"))
        return problems
    written = Path(settings["PATH"]) / settings["GALLERY_SOURCE_DIR"] / name
    target = outside(written, site.content_dir) if written.is_dir() else None
    if target is not None:
        problems.append(_problem(
            source.name, source.line_of("gallery"), "gallery", "error",
            f"โฟลเดอร์ภาพ {site.name(written)}/ ที่ระบุใน Gallery: เป็นลิงก์ (symlink) ชี้ออกไปนอกโฟลเดอร์ "
            f"content ที่ {target} จึงไม่นำมาเผยแพร่",
            f'Gallery: "{name}" names {site.name(written)}/, a symlink to {target} outside the '
            "content folder, so it is not published",
            "คัดลอกภาพจริงมาไว้ในโฟลเดอร์นี้แทนลิงก์", "copy the real photos into the folder instead"))
        return problems
    folder = gallery_folder(settings, name)
    if folder is None or not folder.is_dir():
        expected = site.name(gallery_root(settings) / name)
        problems.append(_problem(
            source.name, source.line_of("gallery"), "gallery", "error",
            f"ไม่พบโฟลเดอร์ภาพ {expected}/ ที่ระบุใน Gallery:",
            f'Gallery: "{name}" names {expected}/, which does not exist',
            "สร้างโฟลเดอร์แล้ววางภาพไว้ในนั้น หรือแก้ชื่อใน Gallery: ให้ตรงกับโฟลเดอร์",
            "create it and put the photos there, or fix the name"))
        return problems
    photos = scanned(site, folder).photos
    if cover and photos and cover_index(cover, [p.name for p in photos]) is None:
        shown = site.name(folder)
        problems.append(_problem(
            source.name, source.line_of("cover"), "cover", "warning",
            f'ไม่พบภาพปก "{cover}" ในโฟลเดอร์ {shown}/ จึงใช้ภาพแรก ({photos[0].name}) แทน',
            f'Cover: "{cover}" is not a photo of {shown}/; the first photo ({photos[0].name}) is used',
            "แก้ชื่อไฟล์ใน Cover: ให้ตรงกับภาพในโฟลเดอร์", "fix the file name in Cover:"))
    return problems


def _folders(site) -> list[Path]:
    root = gallery_root(site.settings)
    if not root.is_dir():
        return []
    # A folder that links outside content/ is never read (one error where Gallery: names it).
    return sorted(p for p in root.iterdir() if p.is_dir() and not p.name.startswith(".")
                  and outside(p, site.content_dir) is None)


def as_published(site, folder: Path, gallery):
    """`gallery` with the `Captions:` of the first post (by file name) that uses it and has one
    (header_captions.py), without the photos any of its posts hides (hidden_photos.py): what the
    build publishes."""
    users = sorted(_users(site, folder.name), key=lambda s: s.name)
    for source in users:
        line = source.line_of(HEADER_KEY)
        if line:
            entries, problems = parse_header_captions(header_value(source.lines, line), source.path, line)
            gallery = apply_header_captions(gallery, entries, source.path)
            gallery.problems.extend(problems)
            break
    for source in users:
        line = source.line_of(HIDDEN_KEY)
        if line:
            gallery = without_hidden(gallery, hidden_names(header_value(source.lines, line), line), source.path)
    return gallery


def check_gallery_folders(site) -> list:
    """Rules gallery, captions, photo and photo-size over every gallery folder."""
    settings = site.settings
    problems = []
    for folder in _folders(site):
        gallery = as_published(site, folder, scanned(site, folder))
        used_th, used_en = _used_by(site, folder.name)
        for found in gallery.problems:
            # a line of an article's `Captions:` names the article itself; the others name its users
            located = found.located(site.name(found.file))
            if Path(found.file).suffix.lower() not in (".md", ".markdown"):
                located = dataclasses.replace(located, thai=found.thai + used_th, english=found.english + used_en)
            problems.append(located)
        if not scanned(site, folder).photos and used_th:  # (all of them hidden is no problem)
            problems.append(_problem(
                site.name(folder), None, "gallery", "warning",
                "โฟลเดอร์ภาพว่าง ไม่มีภาพ JPEG, PNG, WebP หรือ HEIC" + used_th,
                "holds no JPEG, PNG, WebP or HEIC photo" + used_en,
                "วางภาพในโฟลเดอร์นี้", "put the photos in this folder"))
        if settings["GALLERY_CAPTION_REQUIRED"]:
            captions = site.name(folder / CAPTIONS_FILE)
            for photo in missing_captions(gallery):
                problems.append(_problem(
                    site.name(photo.path), None, "captions", "warning",
                    "ภาพนี้ไม่มีคำบรรยาย (ผู้ใช้โปรแกรมอ่านหน้าจอต้องใช้คำบรรยาย)",
                    "photo has no caption (screen-reader users need it)",
                    f"เพิ่มบรรทัด {photo.name}: คำบรรยายภาพ ใน {captions}",
                    f"add `{photo.name}: ...` to {captions}"))
        for photo in gallery.photos:
            problems.extend(_size_problems(site, photo.path))
    return problems


def _size_problems(site, path: Path) -> list:
    settings = site.settings
    max_bytes = settings["GALLERY_WARN_MB"] * 1_000_000
    max_pixels = settings["GALLERY_WARN_MEGAPIXELS"] * 1_000_000
    size = path.stat().st_size
    if size > max_bytes:
        return [_problem(
            site.name(path), None, "photo-size", "warning",
            f"ไฟล์ภาพใหญ่ {size / 1_000_000:.1f} MB (เกิน {max_bytes / 1_000_000:g} MB)",
            f"photo file is {size / 1_000_000:.1f} MB (limit {max_bytes / 1_000_000:g} MB)",
            "ย่อภาพหรือส่งออกใหม่เป็น JPEG ก่อนใส่ในโฟลเดอร์", "export a smaller JPEG")]
    pixels = _pixel_count(path)
    if pixels and pixels > max_pixels:
        return [_problem(
            site.name(path), None, "photo-size", "warning",
            f"ภาพมี {pixels / 1_000_000:.0f} ล้านพิกเซล (เกิน {max_pixels / 1_000_000:g} ล้าน)",
            f"photo has {pixels / 1_000_000:.0f} megapixels (limit {max_pixels / 1_000_000:g})",
            "ย่อขนาดภาพก่อนใส่ในโฟลเดอร์", "resize it first")]
    return []


def _pixel_count(path: Path) -> int | None:
    """Width x height from the file header only (no decoding); None if unreadable."""
    import warnings

    from PIL import Image

    try:  # (processing.py, imported above, registered the HEIC opener)
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", Image.DecompressionBombWarning)
            with Image.open(path) as image:
                width, height = image.size
    except Exception:  # an unreadable photo is the rule "photo"'s to report
        return None
    return width * height


def _content_photos(site, extensions=PHOTO_EXTENSIONS) -> list[Path]:
    """Every photo file (or file of `extensions`) under the gallery folders and the static
    folders of content/."""
    roots = [gallery_root(site.settings)]
    roots += [site.content_dir / p for p in site.settings.get("STATIC_PATHS") or []]
    found = set()
    for root in roots:
        paths = [root] if root.is_file() else root.rglob("*") if root.is_dir() else []
        for path in paths:
            if path.is_file() and not path.is_symlink() and path.suffix.lower() in extensions:
                found.add(path)
    return sorted(found)


def check_photo_metadata(site) -> list:
    """Rule photo-metadata: photos in content/ must not carry a location (or camera data)."""
    if not site.settings["GALLERY_REFUSE_METADATA"]:
        return []
    problems = []
    files = _content_photos(site, PHOTO_EXTENSIONS | VIDEO_EXTENSIONS)  # one walk of the folders
    for path in (p for p in files if p.suffix.lower() in PHOTO_EXTENSIONS):
        found = inspect_photo(path)
        if found.has_location:
            problems.append(_problem(
                site.name(path), None, "photo-metadata", "error",
                "ภาพนี้มีข้อมูลตำแหน่งที่ถ่าย (GPS) ซึ่งต้องไม่อยู่ในคลังข้อมูลของเว็บไซต์",
                "this photo carries the place it was taken (GPS), which must never be in the repository",
                "ลบข้อมูลตำแหน่งก่อนใส่ภาพ (ส่งออกภาพใหม่โดยปิดตำแหน่ง หรือเพิ่มภาพผ่านเครื่องมือแก้ไขข่าว ซึ่งลบให้เอง)",
                "remove the location first (export the photo again without it, or add it through the "
                "web editor, which strips it)"))
        elif found.has_camera_data:
            what = ", ".join(x for x in (found.camera, "XMP" if found.xmp else "", "IPTC" if found.iptc else "") if x)
            problems.append(_problem(
                site.name(path), None, "photo-metadata", "warning",
                f"ภาพนี้มีข้อมูลกล้องหรือข้อมูลแฝง ({what})",
                f"this photo carries camera data or embedded metadata ({what})",
                "ส่งออกภาพใหม่โดยไม่มีข้อมูลแฝง", "export the photo again without metadata"))
    for path in (p for p in files if p.suffix.lower() in VIDEO_EXTENSIONS):
        found = inspect_video(path)
        if found.has_location or found.has_camera_data:
            what = ("ตำแหน่งที่ถ่าย (GPS)", "the place it was filmed (GPS)") if found.has_location else (
                f"ข้อมูลโทรศัพท์ที่ถ่าย ({found.camera})", f"the phone that filmed it ({found.camera})")
            problems.append(_problem(
                site.name(path), None, "photo-metadata", "error",
                f"วิดีโอนี้มี{what[0]} และเว็บไซต์เผยแพร่วิดีโอตามไฟล์เดิม",
                f"this video names {what[1]}, and the site publishes videos as they are",
                "ส่งออกวิดีโอใหม่โดยไม่มีข้อมูลแฝง (เช่น ตัดต่อแล้วบันทึกใหม่) หรืออัปโหลดไว้ที่ YouTube แล้วใส่ลิงก์ในข่าวแทน",
                "export the video again without metadata (edit and save it anew), or put it on YouTube and "
                "link to it from the release instead"))
    return problems


def unreadable_problem(name: str, reason: tuple[str, str], users=()):
    """Rule photo: a photo processing leaves out (`reason` is processing's Thai and English;
    `users`: the names of the posts that show its gallery)."""
    listed = ", ".join(sorted(users))
    used_th, used_en = (f" (ใช้ในบทความ {listed})", f" (used by {listed})") if listed else ("", "")
    return _problem(name, None, "photo", "warning", reason[0] + " ภาพนี้จะไม่ถูกเผยแพร่" + used_th,
                    reason[1] + "; the photo is left out" + used_en)


_DECODED: dict = {}  # (path, time, size, limit) -> reason: a photo is decoded once per change


def _unreadable(path: Path, max_pixels: int):
    stat = path.stat()
    key = (str(path), stat.st_mtime_ns, stat.st_size, max_pixels)
    if key not in _DECODED:
        if len(_DECODED) > 20_000:
            _DECODED.clear()
        _DECODED[key] = unreadable(path, max_pixels)
    return _DECODED[key]


def check_photos_readable(source, site) -> list:
    """Rule photo for the photos of the gallery a post uses (the build finds it by processing them)."""
    name = source.value("gallery").strip("/")
    folder = gallery_folder(site.settings, name)
    if folder is None or not folder.is_dir():
        return []
    problems = []
    users = [s.name for s in _users(site, name)]
    for photo in scanned(site, folder).photos:
        reason = _unreadable(photo.path, site.settings["GALLERY_MAX_PIXELS"])
        if reason:
            problems.append(unreadable_problem(site.name(photo.path), reason, users))
    return problems


def published(site):
    """The gallery folders the build publishes (everything under them)."""
    out = site.settings["GALLERY_OUTPUT_DIR"].strip("/")
    names = {s.value("gallery").strip("/") for s in site.sources if s.refused is None and s.value("gallery")}
    return [f"{out}/{name}/*" for name in sorted(names) if name]


def _rules():
    from content_guard.verdict import READING, SITE, Rule

    return (
        Rule("gallery", check_gallery_fields),
        Rule("captions", check_gallery_folders, per=SITE),
        Rule("photo-metadata", check_photo_metadata, per=SITE),
        Rule("photo", check_photos_readable, when=READING),
    )


RULES = _rules()
