"""When the live preview looks for saved files (tools/file_events.py)."""

from __future__ import annotations

import time

from tools.file_events import FileEvents


def _due_within(events: FileEvents, seconds: float) -> bool:
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        if events.due():
            return True
        time.sleep(0.02)
    return False


def test_a_saved_file_makes_it_due_and_the_output_does_not(tmp_path):
    # (the project itself in a hidden folder, as ~/.local/...: its files still count)
    content, output = tmp_path / ".site" / "content", tmp_path / ".site" / "content" / "output"
    output.mkdir(parents=True)
    events = FileEvents([content], ignored=[output], fallback=3600)
    try:
        time.sleep(0.3)  # (watchfiles has started watching)
        assert not events.due()
        (output / "index.html").write_text("<p>หน้าที่สร้าง</p>", encoding="utf-8")
        (content / ".#post.md").write_text("lock", encoding="utf-8")  # an editor's lock file
        (content / "post.md~").write_text("backup", encoding="utf-8")
        (content / ".git").mkdir()
        (content / ".git" / "index").write_text("git", encoding="utf-8")
        assert not _due_within(events, 1.0)
        (content / "post.md").write_text("Title: ข่าว\n\nเนื้อหา\n", encoding="utf-8")
        assert _due_within(events, 20)
        assert not events.due()  # once per burst
        assert events.delivered >= 1
    finally:
        events.close()


def test_without_events_it_is_due_every_fallback_seconds(tmp_path):
    events = FileEvents([tmp_path], fallback=0.2)
    try:
        assert not events.due()
        assert _due_within(events, 5)
        assert events.delivered == 0 and not events.failed
    finally:
        events.close()


def test_when_nothing_can_be_watched_it_scans_as_often_as_before(tmp_path):
    # (nothing to watch: watchfiles stops at once, as when the system's limit is reached)
    events = FileEvents([tmp_path / "missing"], fallback=3600, without_events=0.2)
    try:
        assert _due_within(events, 5) and events.failed
    finally:
        events.close()
