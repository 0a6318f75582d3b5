"""Writing what the import makes, safely: never over a file an author edited, never outside.

`ImportLedger` is `content/wordpress-import.json`: for every file the import wrote, the SHA-256 of
what it wrote (and, for media, of the source it was made from), and for every WordPress item the
slug and file it was given, so a second run gives the same names. `FileWriter.write_text()` and
`decide_media()` compare three things — the file on disk, what the import wrote last time, what it
would write now — and act:

| on disk | action |
|---|---|
| missing, never written | write (`added`) |
| missing, written before | the author deleted it: leave it deleted (`deleted`) |
| same as what would be written | nothing (`unchanged`) |
| same as what was written last time | write the newer version (`updated`) |
| edited, and the export did not change | keep the author's version (`kept`) |
| edited, and the export changed too | keep the author's version, report it (`conflict`) |
| a file the import never wrote | keep it, report it (`conflict`) |

Every path is checked to lie inside `content/` or `deploy/` before anything is written; with
`dry_run` nothing is written at all and the actions are only counted.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

LEDGER_NAME = "wordpress-import.json"
LEDGER_VERSION = 1


def sha256_bytes(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def sha256_file(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as f:
        while chunk := f.read(1 << 20):
            h.update(chunk)
    return h.hexdigest()


class OutsideProject(Exception):
    """A path outside content/ and deploy/ (a bug, never expected: the import stops)."""


@dataclass
class ImportLedger:
    path: Path
    files: dict[str, str] = field(default_factory=dict)  # project-relative path -> sha256 written
    sources: dict[str, str] = field(default_factory=dict)  # media path -> sha256 of its source
    items: dict[str, dict] = field(default_factory=dict)  # WordPress id -> {"slug", "file", ...}

    @classmethod
    def load(cls, path: Path) -> "ImportLedger":
        ledger = cls(path)
        if path.is_file():
            try:
                data = json.loads(path.read_text(encoding="utf-8"))
            except (OSError, ValueError) as exc:
                raise ValueError(
                    f"{path}: อ่านบันทึกการนำเข้าครั้งก่อนไม่ได้ ({exc}) ถ้าไฟล์เสีย ให้กู้คืนจาก git / "
                    f"cannot read the record of the last import ({exc}); restore it from git") from None
            ledger.files = dict(data.get("files", {}))
            ledger.sources = dict(data.get("sources", {}))
            ledger.items = dict(data.get("items", {}))
        return ledger

    def text(self) -> str:
        data = {"version": LEDGER_VERSION, "files": dict(sorted(self.files.items())),
                "sources": dict(sorted(self.sources.items())),
                "items": dict(sorted(self.items.items(), key=lambda kv: (len(kv[0]), kv[0])))}
        return json.dumps(data, ensure_ascii=False, indent=1) + "\n"


@dataclass
class Outcome:
    action: str  # added, updated, unchanged, kept, deleted, conflict
    path: str  # project-relative


class FileWriter:
    """Writes files under `root` (only inside `allowed` folders), keeping the ledger up to date."""

    def __init__(self, root: Path, ledger: ImportLedger, dry_run: bool = False,
                 allowed: tuple[str, ...] = ("content", "deploy")):
        self.root = root.resolve()
        self.ledger = ledger
        self.dry_run = dry_run
        self.allowed = [(self.root / a).resolve() for a in allowed]
        self.counts: Counter = Counter()
        self.conflicts: list[tuple[str, str, str]] = []  # (path, Thai, English)

    def rel(self, path: Path) -> str:
        return Path(os.path.relpath(path, self.root)).as_posix()

    def _inside(self, path: Path) -> Path:
        resolved = path.resolve()
        if not any(resolved.is_relative_to(a) for a in self.allowed):
            raise OutsideProject(f"refusing to write {path}: outside {', '.join(map(str, self.allowed))}")
        return resolved

    def state(self, path: Path, new_sha: str | None) -> str:
        """What to do with `path` for content whose hash is `new_sha` (see the module table)."""
        rel = self.rel(path)
        recorded = self.ledger.files.get(rel)
        if not path.exists():
            return "deleted" if recorded else "added"
        now = sha256_file(path)
        if new_sha is not None and now == new_sha:
            return "unchanged"
        if recorded is None:
            return "foreign"
        if now == recorded:
            return "updated"
        return "kept" if new_sha == recorded else "conflict"

    def note(self, action: str, path: Path, why: tuple[str, str] | None = None) -> Outcome:
        rel = self.rel(path)
        if action == "foreign":
            self.conflicts.append((rel, "มีไฟล์นี้อยู่แล้วและไม่ได้มาจากการนำเข้า จึงไม่เขียนทับ",
                                   "exists and was not written by the import, so it is left alone"))
            action = "conflict"
        elif action == "conflict":
            thai, english = why or ("ผู้เขียนแก้ไฟล์นี้หลังการนำเข้าครั้งก่อน และข้อมูลจาก WordPress ก็เปลี่ยนด้วย "
                                    "จึงไม่เขียนทับ ให้เทียบและแก้เอง",
                                    "was edited after the last import and WordPress changed it too, so it "
                                    "is left as the author left it: compare and merge by hand")
            self.conflicts.append((rel, thai, english))
        self.counts[action] += 1
        return Outcome(action, rel)

    def write_text(self, path: Path, text: str) -> Outcome:
        data = text.encode("utf-8")
        new_sha = sha256_bytes(data)
        self._inside(path)
        action = self.state(path, new_sha)
        if action in ("added", "updated") and not self.dry_run:
            _atomic_write(path, data)
        if action in ("added", "updated", "unchanged"):
            self.ledger.files[self.rel(path)] = new_sha
        return self.note(action, path)

    def decide_media(self, path: Path, source_sha: str) -> str:
        """added/updated (make the file), unchanged/kept (leave it), conflict, foreign."""
        self._inside(path)
        rel = self.rel(path)
        if not path.exists():
            return "added"  # also when the author deleted it: a post still shows it
        recorded = self.ledger.files.get(rel)
        if recorded is None:
            return "foreign"
        same_source = self.ledger.sources.get(rel) == source_sha
        if sha256_file(path) == recorded:
            return "unchanged" if same_source else "updated"
        return "kept" if same_source else "conflict"

    def record_media(self, path: Path, source_sha: str) -> None:
        rel = self.rel(path)
        self.ledger.files[rel] = sha256_file(path)
        self.ledger.sources[rel] = source_sha

    def save_ledger(self) -> None:
        if not self.dry_run:
            self._inside(self.ledger.path)
            _atomic_write(self.ledger.path, self.ledger.text().encode("utf-8"))


def _atomic_write(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    with open(tmp, "wb") as out:
        out.write(data)
    os.replace(tmp, path)
