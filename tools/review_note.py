"""The content check's verdict on a release under review, as a note (ความเห็น) on it in the web editor.

Writers and supervisors work in the editor and never open GitHub, but some rules run only on the
pull request (spelling against the dictionary, links, duplicate addresses: see web_editor's
README, "Rules in the browser"). Their annotations on the pull request reached nobody: the
supervisor's เผยแพร่ failed (branch protection wants the check) with no word of why. So the
check's findings for the release are written where both read: the notes pane of that release
(Decap's ความเห็น), in Thai, each finding named by the field it is in (a body line by its
paragraph and first words: the editor shows fields, not line numbers), with the fix; written
again on every save; marked resolved when nothing is left.

- `note_for(verdict, settings, collection, slug)`: the note's text and whether it is resolved;
  the problems are `content_guard.verdict.judge`'s, the same that `invoke check` prints.
- `GitHubNotes`: Decap's GitHub backend keeps an entry's notes as the comments of an issue
  labelled `decap-cms-notes` whose body names `collection/slug`; a comment starting with
  Decap's note marker carries its author. The check's note is the one comment whose marker
  names `SYSTEM_AUTHOR_ID`: found and edited, never added twice.
- `main`: `python -m tools.review_note` in the pull request's CI job (.github/workflows/publish.yml),
  for a branch the editor made (`cms/<collection>/<slug>`); any other branch is left alone.
  A note that cannot be written (no token, a fork's read-only token, GitHub down) is reported
  and does not fail the job: the check's own step says whether the content passes.

The local backend of `invoke editor` keeps notes itself (tools/editor_notes.py) and writes the
same note after each save.
"""

from __future__ import annotations

import json
import os
import re
import sys
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT / "plugins") not in sys.path:
    sys.path.insert(0, str(ROOT / "plugins"))

from thai_date.formats import local_time, thai_date  # noqa: E402
from thai_text.quotes import first_words  # noqa: E402
from web_editor.notes import NOTES_LABEL, SYSTEM_AUTHOR, SYSTEM_AUTHOR_ID  # noqa: E402

NOTE_MARKER = re.compile(r"^<!-- DecapCMS Note (\{[\s\S]*?\}) -->\n?")
BRANCH = re.compile(r"^cms/(?P<collection>[^/]+)/(?P<slug>.+)$")
# Header keys whose field in the editor has another name (js/format.js: the photos widget holds
# four keys, the address field writes Slug:).
FIELD_OF_KEY = {"gallery": "photos", "cover": "photos", "captions": "photos", "hidden_photos": "photos",
                "slug": "file_name"}
QUOTED_LENGTH = 30  # characters of a paragraph quoted to find it by


@dataclass(frozen=True)
class Note:
    content: str
    resolved: bool


def collections(settings: dict) -> dict:
    """Decap collection name -> (its folder, field name -> label), as config.yml has them."""
    from content_guard.verdict import effective_settings
    from web_editor.config import editor_config

    found = {}
    for collection in editor_config(effective_settings(settings))["collections"]:
        if "folder" in collection:
            found[collection["name"]] = (collection["folder"],
                                         {f["name"]: f["label"] for f in collection["fields"]},
                                         collection.get("label_singular", ""))
    return found


def entry_name(settings: dict, collection: str, slug: str) -> str | None:
    """`content/news/<slug>.md`: the file of an entry of a folder collection, as problems name it."""
    known = collections(settings).get(collection)
    return f"{known[0].strip('/')}/{slug}.md" if known else None


def _paragraph(source, line: int) -> tuple[int, str]:
    """(its number among the body's paragraphs, its first words) of the body line `line`."""
    number, start, previous_blank = 0, "", True
    for at, text in source.body_lines:
        if text.strip() and previous_blank:
            number, start = number + 1, text.strip()
        previous_blank = not text.strip()
        if at == line:
            break
    start = re.sub(r"^(#+|[-*+]|\d+[.)]|>)\s+", "", start)
    return number, first_words(start, QUOTED_LENGTH)


def where(problem, source, labels: dict) -> str:
    """The field a problem is in, as the editor names it ("วันที่", "เนื้อข่าว ย่อหน้าที่ 3 «...»")."""
    if source is None or not problem.line:
        return ""
    if problem.line < source.header.body_line:
        keys = sorted((line, key) for key, (line, _name) in source.header.keys.items() if line <= problem.line)
        if not keys:
            return ""
        key = keys[-1][1]
        return labels.get(FIELD_OF_KEY.get(key, key), key)
    number, start = _paragraph(source, problem.line)
    body = labels.get("body", "เนื้อหา")
    return f"{body} ย่อหน้าที่ {number} «{start}»" if start else body


def _belongs(problem, name: str, source) -> bool:
    """A problem of the entry: in its file, its gallery folder or one of its documents."""
    if problem.file == name:
        return True
    if source is None:
        return False
    gallery = source.value("gallery")
    if gallery and f"/{gallery.strip('/')}/" in problem.file:
        return True
    from attachments.documents import HEADER_KEY, listed

    documents, _bad = listed(source.header.value(HEADER_KEY))
    return any(problem.file.endswith("/" + document.path) for document in documents)


def note_for(verdict, settings: dict, collection: str, slug: str, saved=None) -> Note | None:
    """The check's note on entry `collection/slug` (None: not an entry of a folder collection);
    `saved`: when the version checked was saved (an aware datetime), named in the note, so that
    a writer knows which save it speaks of (and the editor's preview that a newer save's note came)."""
    known = collections(settings).get(collection)
    if known is None:
        return None
    folder, labels, what = known
    name = f"{folder.strip('/')}/{slug}.md"
    what = what or "เนื้อหา"
    source = verdict.site.source_at(Path(settings["PATH"]).parent / name) if verdict.site else None
    own = [p for p in verdict.problems if _belongs(p, name, source)]
    others = len(verdict.problems) - len(own)
    if source is None:
        return Note(f"ระบบตรวจไม่พบไฟล์ของ{what}นี้ ({name}) ในฉบับที่บันทึก / the check found no file {name}", False)
    stamp = ""
    if saved:  # to the second: two saves in a minute are two versions
        stamp = f"\n(ตรวจฉบับที่บันทึกเมื่อ {thai_date(saved, 'long')} เวลา {local_time(saved):%H.%M.%S} น.)"
    if not own and not others:
        return Note(f"ระบบตรวจ{what}นี้แล้ว ไม่พบสิ่งที่ต้องแก้ หัวหน้าเผยแพร่ได้{stamp}", True)
    lines = []
    if own:
        lines.append(f"ระบบตรวจ{what}นี้แล้ว พบ {len(own)} เรื่องที่ต้องแก้ก่อนเผยแพร่"
                     " (หัวหน้าจะกดเผยแพร่ไม่ได้จนกว่าจะแก้ครบ)")
        lines.append("")
        for number, problem in enumerate(own, 1):
            place = where(problem, source, labels) if problem.file == name else problem.file.rsplit("/", 1)[-1]
            said = f"{problem.thai} วิธีแก้: {problem.fix}" if problem.fix else problem.thai
            lines.append(f"{number}. {place}: {said}" if place else f"{number}. {said}")
        lines.append("")
        lines.append(f"แก้ใน{what}แล้วกดบันทึก ระบบจะตรวจอีกครั้งและเขียนผลใหม่ในความเห็นนี้")
    else:
        lines.append(f"ระบบตรวจ{what}นี้แล้ว ไม่พบสิ่งที่ต้องแก้ในตัว{what}")
    if others:
        lines.append("")
        lines.append(f"แต่ยังพบปัญหาในไฟล์อื่นของเว็บไซต์ {others} เรื่อง ซึ่งทำให้ยังเผยแพร่ไม่ได้"
                     " ให้แจ้งเจ้าหน้าที่ไอที (ดูผลการตรวจใน pull request)")
    return Note("\n".join(lines) + stamp, False)


def marked(note: Note) -> str:
    """The comment body: Decap's note marker (resolved, author), then the text."""
    marker = json.dumps({"resolved": note.resolved, "author": SYSTEM_AUTHOR, "authorId": SYSTEM_AUTHOR_ID},
                        ensure_ascii=False)
    marker = re.sub(r"-(?=-)", r"\\u002d", marker)  # no "--" inside an HTML comment, as Decap writes it
    return f"<!-- DecapCMS Note {marker} -->\n{note.content}"


def is_system(body: str) -> bool:
    """Whether a comment is the check's note (its marker names SYSTEM_AUTHOR_ID)."""
    found = NOTE_MARKER.match(body or "")
    if not found:
        return False
    try:
        return json.loads(found.group(1)).get("authorId") == SYSTEM_AUTHOR_ID
    except (ValueError, AttributeError):
        return False


class NoteError(Exception):
    """The note could not be written; the message says why (Thai / English)."""


class GitHubNotes:
    """An entry's notes on GitHub, as Decap's GitHub backend keeps them."""

    def __init__(self, api: str, repo: str, token: str, opener=urllib.request.urlopen):
        self.api, self.repo, self.token, self.opener = api.rstrip("/"), repo, token, opener

    def _call(self, method: str, path: str, body: dict | None = None, query: dict | None = None):
        url = f"{self.api}{path}" + (f"?{urllib.parse.urlencode(query)}" if query else "")
        request = urllib.request.Request(url, method=method, data=None if body is None else
                                         json.dumps(body, ensure_ascii=False).encode("utf-8"))
        request.add_header("Accept", "application/vnd.github+json")
        request.add_header("Authorization", f"Bearer {self.token}")
        request.add_header("Content-Type", "application/json; charset=utf-8")
        try:
            with self.opener(request, timeout=30) as response:
                return json.loads(response.read() or b"null")
        except urllib.error.HTTPError as error:
            raise NoteError(f"GitHub ตอบ {error.code} ที่ {method} {path} / GitHub answered {error.code} "
                            f"to {method} {path}: {error.read()[:200].decode('utf-8', 'replace')}") from None
        except (urllib.error.URLError, OSError) as error:
            raise NoteError(f"ติดต่อ GitHub ไม่ได้ / cannot reach GitHub: {error}") from None

    def _all(self, path: str, query: dict) -> list:
        found, page = [], 1
        while True:
            batch = self._call("GET", path, query={**query, "per_page": 100, "page": page}) or []
            found += batch
            if len(batch) < 100:
                return found
            page += 1

    def issue(self, collection: str, slug: str, title: str) -> int:
        """The number of the entry's notes issue, opened (or reopened) when needed."""
        key = f"`{collection}/{slug}`"
        issues = [i for i in self._all(f"/repos/{self.repo}/issues", {"labels": NOTES_LABEL, "state": "all"})
                  if key in (i.get("body") or "") and "pull_request" not in i]
        issues.sort(key=lambda i: i.get("state") != "open")
        if issues:
            if issues[0].get("state") != "open":
                self._call("PATCH", f"/repos/{self.repo}/issues/{issues[0]['number']}", {"state": "open"})
            return issues[0]["number"]
        created = self._call("POST", f"/repos/{self.repo}/issues", {
            "title": f"Notes: {title or f'{collection}/{slug}'}",
            "body": f"ความเห็นในระบบเขียนข่าวของ {key} / notes of the web editor's entry {key}",
            "labels": [NOTES_LABEL, f"collection:{collection}"],
        })
        return created["number"]

    def write(self, collection: str, slug: str, title: str, note: Note) -> str:
        """Writes the check's note on the entry; 'added', 'updated' or 'unchanged'."""
        number = self.issue(collection, slug, title)
        body = marked(note)
        for comment in self._all(f"/repos/{self.repo}/issues/{number}/comments", {}):
            if is_system(comment.get("body", "")):
                if comment["body"] == body:
                    return "unchanged"
                self._call("PATCH", f"/repos/{self.repo}/issues/comments/{comment['id']}", {"body": body})
                return "updated"
        self._call("POST", f"/repos/{self.repo}/issues/{number}/comments", {"body": body})
        return "added"


def saved_at(text) -> datetime | None:
    """An ISO time as GitHub and git write it ("2026-12-05T06:07:21Z"), or None."""
    try:
        return datetime.fromisoformat(str(text).replace("Z", "+00:00")) if text else None
    except ValueError:
        return None


def entry_of_branch(branch: str) -> tuple[str, str] | None:
    """(collection, slug) of a branch the editor made for an entry under review, else None."""
    found = BRANCH.match(branch or "")
    return (found["collection"], found["slug"]) if found else None


def main(environ=None, stream=None, opener=urllib.request.urlopen, *, content_dir=None, now=None) -> int:
    """The pull request's CI: judge the content checked out (or `content_dir`), write the note on
    the entry whose branch the pull request is."""
    from content_guard.verdict import judge
    from tools.check import load_settings

    environ = os.environ if environ is None else environ
    stream = stream or sys.stdout
    try:
        event = json.loads(Path(environ.get("GITHUB_EVENT_PATH", "")).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        event = {}
    pull = event.get("pull_request") or {}
    branch = pull.get("head", {}).get("ref") or environ.get("GITHUB_HEAD_REF", "")
    entry = entry_of_branch(branch)
    if entry is None:
        print(f"ไม่ใช่สาขาของระบบเขียนข่าว ({branch or '-'}): ไม่เขียนความเห็น / "
              f"not a web editor branch ({branch or '-'}): no note written", file=stream)
        return 0
    settings = load_settings(ROOT / "pelicanconf.py")
    if content_dir:
        settings["PATH"] = str(Path(content_dir).resolve())
    verdict = judge(settings, now=now)
    note = note_for(verdict, settings, *entry, saved=saved_at(pull.get("updated_at")))
    if note is None:
        print(f"{entry[0]} ไม่ใช่ชุดข่าวหรือหน้า: ไม่เขียนความเห็น / {entry[0]} has no notes", file=stream)
        return 0
    name = entry_name(settings, *entry)
    source = verdict.site.source_at(Path(settings["PATH"]).parent / name) if verdict.site else None
    title = source.value("title") if source else ""
    notes = GitHubNotes(environ.get("GITHUB_API_URL", "https://api.github.com"),
                        environ.get("GITHUB_REPOSITORY", ""), environ.get("GITHUB_TOKEN", ""), opener)
    try:
        if not notes.token or not notes.repo:
            raise NoteError("ไม่มี GITHUB_TOKEN หรือ GITHUB_REPOSITORY / GITHUB_TOKEN or GITHUB_REPOSITORY is not set")
        done = notes.write(*entry, title, note)
    except NoteError as error:
        print(f"::warning title=ความเห็นในระบบเขียนข่าว::เขียนผลการตรวจลงความเห็นของ {name} ไม่ได้ / "
              f"could not write the check's note on {name}: {error}", file=stream)
        return 0
    print(f"ความเห็นของระบบตรวจบน {name}: {done} / the check's note on {name}: {done}", file=stream)
    return 0


if __name__ == "__main__":
    sys.exit(main())
