"""A phone's video names the place it was filmed and the phone: the WordPress import copies old
.mp4 files as they are into content/extra/, and nothing encodes a video again. The rule
"photo-metadata" refuses such a video (video_metadata.py reads its `moov` box)."""

from __future__ import annotations

import struct

from photo_gallery.video_metadata import inspect_video

POST = """Title: คลิปกิจกรรมเดิน-วิ่งต้านทุจริต
Date: 2563-02-09 08:00
Category: ข่าวกิจกรรม

ศูนย์ปฏิบัติการต่อต้านการทุจริตเผยแพร่คลิปกิจกรรม [ชมคลิป]({static}/extra/wordpress/2020/02/clip.mp4)
"""


def box(kind: bytes, payload: bytes = b"") -> bytes:
    return struct.pack(">I4s", 8 + len(payload), kind) + payload


def large_box(kind: bytes, payload: bytes) -> bytes:
    """A box with a 64-bit size (size field 1), as cameras write long media data."""
    return struct.pack(">I4sQ", 1, kind, 16 + len(payload)) + payload


FTYP = box(b"ftyp", b"isom\x00\x00\x02\x00isomiso2mp41")
MVHD = box(b"mvhd", b"\x00" * 100)


def video(*moov_children: bytes, moov_last: bool = False, large: bool = False) -> bytes:
    media = (large_box if large else box)(b"mdat", b"\xa9xyz" * 2000)  # the media bytes are not read
    moov = box(b"moov", MVHD + b"".join(moov_children))
    return FTYP + (media + moov if moov_last else moov + media)


ANDROID = box(b"udta", box(b"\xa9xyz", b"\x00\x12\x15\xc7+13.7642+100.5655/"))
IPHONE = box(b"meta", box(b"keys", b"\x00" * 8 + box(b"mdta", b"com.apple.quicktime.location.ISO6709")
                          + box(b"mdta", b"com.apple.quicktime.make")))
CAMERA_ONLY = box(b"udta", box(b"\xa9mak", b"\x00\x0b\x15\xc7SamplePhone"))


def test_what_a_video_names(tmp_path):
    cases = {
        "android.mp4": (video(ANDROID), True, ""),
        "iphone.mov": (video(IPHONE, moov_last=True, large=True), True, "com.apple.quicktime.make"),
        "camera.mp4": (video(CAMERA_ONLY), False, "\xa9mak"),
        "clean.mp4": (video(moov_last=True), False, ""),
    }
    for name, (data, located, camera) in cases.items():
        (tmp_path / name).write_bytes(data)
        found = inspect_video(tmp_path / name)
        assert found.readable and found.has_location == located and found.camera == camera, name
    (tmp_path / "not-a-video.mp4").write_bytes("ไม่ใช่วิดีโอ".encode())
    (tmp_path / "cut.mp4").write_bytes(video(ANDROID, moov_last=True)[:300])
    assert not inspect_video(tmp_path / "not-a-video.mp4").readable
    assert not inspect_video(tmp_path / "cut.mp4").has_location


def test_an_imported_video_with_its_place_keeps_the_site_from_building(build_site):
    files = {"news/walk-run-clip.md": POST, "extra/wordpress/2020/02/clip.mp4": video(IPHONE, moov_last=True)}
    result = build_site(files)
    assert not result.ok
    found = [e for e in result.errors if e.startswith("content/extra/wordpress/2020/02/clip.mp4")]
    assert len(found) == 1 and "GPS" in found[0] and "YouTube" in found[0], result.errors
    files["extra/wordpress/2020/02/clip.mp4"] = video(moov_last=True)  # exported again, clean
    result = build_site(files)
    assert result.ok, result.errors
    assert (result.output / "extra/wordpress/2020/02/clip.mp4").read_bytes() == files["extra/wordpress/2020/02/clip.mp4"]
