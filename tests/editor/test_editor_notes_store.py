"""The notes of `invoke editor`'s local backend (tools/editor_notes.py), request by request, as
Decap's proxy backend sends them: a writer's note added, edited, resolved and deleted; the check's
note refused to all of those; bad requests answered, other actions left to decap-server; two
processes writing at once lose nothing."""

from __future__ import annotations

import json
import multiprocessing

from tools.editor import _saved_entry
from tools.editor_notes import NoteStore, answer
from tools.review_note import Note


def ask(store, action, **params):
    return answer(store, {"branch": "main", "action": action, "params": {"collection": "news", "slug": "a", **params}},
                  author="เจ้าหน้าที่ประชาสัมพันธ์")


def test_a_writers_note_goes_through_every_action(tmp_path):
    store = NoteStore(tmp_path / "notes.json")
    assert ask(store, "getNotes") == (200, {"notes": []})
    status, body = ask(store, "addNote", note={"author": "Anonymous", "content": "  ขอตรวจชื่อวิทยากร  "})
    assert status == 200
    note = body["note"]
    assert note["author"] == "เจ้าหน้าที่ประชาสัมพันธ์" and note["content"] == "ขอตรวจชื่อวิทยากร"
    assert note["isOwn"] is True and note["entrySlug"] == "a" and note["resolved"] is False
    status, body = ask(store, "updateNote", noteId=note["id"], updates={"content": "ตรวจแล้ว", "author": "x"})
    assert status == 200 and body["note"]["content"] == "ตรวจแล้ว" and body["note"]["author"] == note["author"]
    assert ask(store, "toggleNoteResolution", noteId=note["id"])[1]["note"]["resolved"] is True
    assert ask(store, "toggleNoteResolution", noteId=note["id"])[1]["note"]["resolved"] is False
    assert ask(store, "deleteNote", noteId=note["id"]) == (200, {})
    assert ask(store, "getNotes") == (200, {"notes": []})
    assert json.loads((tmp_path / "notes.json").read_text(encoding="utf-8")) == {}


def test_the_checks_note_is_not_the_writers(tmp_path):
    store = NoteStore(tmp_path / "notes.json")
    assert store.put_system_note("news", "a", Note("พบ 1 เรื่อง", False)) == "added"
    assert store.put_system_note("news", "a", Note("พบ 1 เรื่อง", False)) == "unchanged"
    assert store.put_system_note("news", "a", Note("ไม่พบ", True)) == "updated"
    [note] = ask(store, "getNotes")[1]["notes"]
    assert note["isOwn"] is False and note["authorId"] == "site-check" and note["resolved"] is True
    for action, extra in (("updateNote", {"updates": {"content": "x"}}), ("toggleNoteResolution", {}),
                          ("deleteNote", {})):
        assert ask(store, action, noteId=note["id"], **extra)[0] == 403
    assert ask(store, "getNotes")[1]["notes"][0]["content"] == "ไม่พบ"


def test_bad_requests_and_other_actions(tmp_path):
    store = NoteStore(tmp_path / "notes.json")
    assert ask(store, "addNote", note={"content": "   "})[0] == 422
    assert ask(store, "deleteNote", noteId="nope")[0] == 404
    assert answer(store, {"action": "getNotes", "params": {}})[0] == 422
    assert answer(store, {"action": "persistEntry", "params": {}}) is None
    assert answer(store, ["not", "an", "object"]) is None
    (tmp_path / "notes.json").write_text("{not json", encoding="utf-8")  # a broken file reads as none
    assert ask(store, "getNotes") == (200, {"notes": []})


def _add_many(path, who):
    store = NoteStore(path)
    for number in range(25):
        ask(store, "addNote", note={"content": f"{who} {number}"})


def test_two_processes_writing_at_once_lose_nothing(tmp_path):
    path = tmp_path / "notes.json"
    workers = [multiprocessing.Process(target=_add_many, args=(path, who)) for who in ("ก", "ข")]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join(60)
    notes = ask(NoteStore(path), "getNotes")[1]["notes"]
    assert sorted(n["content"] for n in notes) == sorted(f"{w} {n}" for w in ("ก", "ข") for n in range(25))


def test_a_save_under_review_is_told_apart():
    def body(**options):
        return json.dumps({"branch": "main", "action": "persistEntry", "params": {
            "dataFiles": [{"slug": "ข่าว-ก", "path": "content/news/ข่าว-ก.md", "raw": "Title: ก"}],
            "options": options}}, ensure_ascii=False).encode()
    assert _saved_entry(body(useWorkflow=True, collectionName="news")) == ("news", "ข่าว-ก")
    assert _saved_entry(body(useWorkflow=False, collectionName="news")) is None
    assert _saved_entry(b"{broken") is None
