"""Notes (ความเห็น) for the local backend of `invoke editor`, and the check's note after each save.

Decap's notes pane asks its backend for an entry's notes; decap-server, the local git backend,
answers none of those requests. `answer` does, for tools/editor.py, from a JSON file in the
repository's git folder (`<git dir>/web-editor-notes.json`: never in the working tree, so never
committed, and gone with the training copy). One lock and an atomic rename per change.

After a writer saves an entry under review, `review_branch` judges the content of its branch (as
CI judges a pull request: `git archive` of the branch's content folder, the site's settings) and
writes the check's note (tools/review_note.py) on it, so that training shows what production
shows.
"""

from __future__ import annotations

import fcntl
import json
import os
import subprocess
import sys
import tarfile
import tempfile
import threading
import uuid
from datetime import datetime, timezone
from pathlib import Path

from tools.review_note import Note, entry_name, note_for, saved_at
from web_editor.notes import SYSTEM_AUTHOR, SYSTEM_AUTHOR_ID  # plugins/ is on the path: review_note

ROOT = Path(__file__).resolve().parent.parent
ACTIONS = ("getNotes", "addNote", "updateNote", "deleteNote", "toggleNoteResolution")
STORE_NAME = "web-editor-notes.json"


def _now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds").replace("+00:00", "Z")


class NoteStore:
    """Every entry's notes: {"collection/slug": [note, ...]}, a note as Decap's Note type."""

    def __init__(self, path: Path):
        self.path = Path(path)
        self.lock = threading.Lock()  # the threads of the server; the file lock, other processes

    @classmethod
    def of_repository(cls, repo: Path) -> NoteStore:
        git_dir = subprocess.run(["git", "-C", str(repo), "rev-parse", "--absolute-git-dir"],
                                 capture_output=True, text=True, check=True).stdout.strip()
        return cls(Path(git_dir) / STORE_NAME)

    def _read(self) -> dict:
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return {}
        return data if isinstance(data, dict) else {}

    def _write(self, data: dict) -> None:
        temporary = self.path.with_name(f".{self.path.name}.{os.getpid()}.tmp")
        temporary.write_text(json.dumps(data, ensure_ascii=False, indent=1), encoding="utf-8")
        os.replace(temporary, self.path)

    def notes(self, collection: str, slug: str) -> list[dict]:
        with self.lock:
            return self._read().get(f"{collection}/{slug}", [])

    def change(self, collection: str, slug: str, edit):
        """Runs `edit(notes)` on the entry's notes (a list it may change) and saves; its result."""
        with self.lock, open(self.path.with_name(self.path.name + ".lock"), "a") as lock_file:
            fcntl.flock(lock_file, fcntl.LOCK_EX)
            data = self._read()
            notes = data.setdefault(f"{collection}/{slug}", [])
            result = edit(notes)
            if not notes:
                del data[f"{collection}/{slug}"]
            self._write(data)
            return result

    def put_system_note(self, collection: str, slug: str, note: Note) -> str:
        """Writes the check's note (one per entry): 'added', 'updated' or 'unchanged'."""
        def edit(notes):
            for item in notes:
                if item.get("authorId") == SYSTEM_AUTHOR_ID:
                    if item["content"] == note.content and item["resolved"] == note.resolved:
                        return "unchanged"
                    item.update(content=note.content, resolved=note.resolved, timestamp=_now())
                    return "updated"
            notes.append({"id": uuid.uuid4().hex, "author": SYSTEM_AUTHOR, "authorId": SYSTEM_AUTHOR_ID,
                          "content": note.content, "resolved": note.resolved, "timestamp": _now()})
            return "added"
        return self.change(collection, slug, edit)


def _shown(note: dict, slug: str) -> dict:
    # Only the check's own note is not the user's: the local backend has one user and no login.
    return {**note, "entrySlug": slug, "isOwn": note.get("authorId") != SYSTEM_AUTHOR_ID}


def answer(store: NoteStore, payload: dict, author: str = "") -> tuple[int, dict] | None:
    """The answer to one of Decap's notes requests (its proxy backend's actions), or None for
    any other action (decap-server's). The local backend has no login: a note comes as Decap's
    "Anonymous" and is signed `author` (the repository's git user.name) when given."""
    action = payload.get("action") if isinstance(payload, dict) else None
    if action not in ACTIONS:
        return None
    params = payload.get("params") if isinstance(payload.get("params"), dict) else {}
    collection, slug = str(params.get("collection") or ""), str(params.get("slug") or "")
    if not collection or not slug:
        return 422, {"error": "ต้องระบุ collection และ slug / collection and slug are required"}
    if action == "getNotes":
        return 200, {"notes": [_shown(n, slug) for n in store.notes(collection, slug)]}
    note_id = str(params.get("noteId") or "")

    def find(notes):
        for note in notes:
            if note["id"] == note_id:
                if note.get("authorId") == SYSTEM_AUTHOR_ID:
                    raise PermissionError
                return note
        raise KeyError(note_id)

    try:
        if action == "addNote":
            given = params.get("note") or {}
            content = str(given.get("content") or "").strip()
            if not content:
                return 422, {"error": "ความเห็นว่าง / the note is empty"}
            signed = str(given.get("author") or "")
            if author and signed in ("", "Anonymous"):
                signed = author
            note = {"id": uuid.uuid4().hex, "author": signed, "content": content,
                    "resolved": bool(given.get("resolved")), "timestamp": _now()}
            store.change(collection, slug, lambda notes: notes.append(note))
        elif action == "updateNote":
            updates = {k: v for k, v in (params.get("updates") or {}).items() if k in ("content", "resolved")}

            def update(notes):
                found = find(notes)
                found.update(updates)
                return found
            note = store.change(collection, slug, update)
        elif action == "toggleNoteResolution":
            def toggle(notes):
                found = find(notes)
                found["resolved"] = not found["resolved"]
                return found
            note = store.change(collection, slug, toggle)
        else:  # deleteNote
            store.change(collection, slug, lambda notes: notes.remove(find(notes)))
            return 200, {}
    except KeyError:
        return 404, {"error": "ไม่พบความเห็นนี้ / no such note"}
    except PermissionError:
        return 403, {"error": "ความเห็นของระบบตรวจแก้หรือลบไม่ได้ / the check's note cannot be changed"}
    return 200, {"note": _shown(note, slug)}


def branch_content(repo: Path, branch: str, folder: str, into: Path) -> Path:
    """The content folder `folder` of `branch`, unpacked under `into` (git archive)."""
    archive = into / "branch.tar"
    with archive.open("wb") as out:
        subprocess.run(["git", "-C", str(repo), "archive", "--format=tar", branch, "--", folder],
                       stdout=out, stderr=subprocess.PIPE, check=True)
    with tarfile.open(archive) as tar:
        tar.extractall(into, filter="data")
    archive.unlink()
    return into / folder


def review_branch(repo: Path, settings: dict, collection: str, slug: str, store: NoteStore) -> str | None:
    """Judges branch cms/<collection>/<slug> of `repo` and writes the check's note on the entry."""
    from content_guard.verdict import judge
    from web_editor.site_data import relative

    if entry_name(settings, collection, slug) is None:
        return None  # a collection the check writes no note on (the site dictionary)
    folder = relative(settings["PATH"], settings)
    with tempfile.TemporaryDirectory(prefix="editor-review-") as work:
        try:
            content = branch_content(repo, f"cms/{collection}/{slug}", folder, Path(work))
        except subprocess.CalledProcessError:
            return None  # the branch is gone (published or thrown away meanwhile)
        branch_settings = {**settings, "PATH": str(content),
                           "CACHE_PATH": str(Path(work) / "cache")}
        saved = subprocess.run(["git", "-C", str(repo), "log", "-1", "--format=%cI", f"cms/{collection}/{slug}"],
                               capture_output=True, text=True).stdout.strip()
        note = note_for(judge(branch_settings), branch_settings, collection, slug, saved=saved_at(saved))
    return None if note is None else store.put_system_note(collection, slug, note)


class Reviewer:
    """Judges each entry saved under review, one at a time, each in a process of its own (the
    editor's server builds the site in its own process meanwhile)."""

    def __init__(self, repo: Path, settings_file: Path, store: NoteStore):
        self.repo, self.settings_file, self.store = Path(repo), Path(settings_file), store
        self.pending: list[tuple[str, str]] = []
        self.lock = threading.Lock()
        self.worker: threading.Thread | None = None

    def schedule(self, collection: str, slug: str) -> None:
        with self.lock:
            if (collection, slug) not in self.pending:
                self.pending.append((collection, slug))
            if self.worker is None:
                self.worker = threading.Thread(target=self._work, daemon=True)
                self.worker.start()

    def _work(self) -> None:
        while True:
            with self.lock:
                if not self.pending:
                    self.worker = None
                    return
                collection, slug = self.pending.pop(0)
            result = subprocess.run(
                [sys.executable, "-m", "tools.editor_notes", str(self.settings_file), str(self.repo),
                 collection, slug, str(self.store.path)],
                cwd=ROOT, capture_output=True, text=True)
            if result.returncode != 0:
                print(f"ตรวจ {collection}/{slug} ไม่สำเร็จ / checking {collection}/{slug} failed:\n"
                      f"{result.stderr[-2000:]}", file=sys.stderr, flush=True)


def main(argv=None) -> int:
    """`python -m tools.editor_notes <settings file> <repository> <collection> <slug> <store>`."""
    from tools.check import load_settings

    settings_file, repo, collection, slug, store = (argv if argv is not None else sys.argv[1:])
    done = review_branch(Path(repo), load_settings(Path(settings_file)), collection, slug, NoteStore(Path(store)))
    print(f"ความเห็นของระบบตรวจบน {collection}/{slug}: {done or '-'}", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
