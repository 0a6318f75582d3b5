"""The check's note on a release under review, as the pull request's CI writes it on GitHub.

`python -m tools.review_note` runs in the pull request's job (.github/workflows/publish.yml) for a
branch the editor made (`cms/news/<file name>`). Against a GitHub API served on 127.0.0.1 (the
endpoints Decap's GitHub backend keeps notes with: an issue labelled decap-cms-notes whose body
names the entry, its comments), with the site's content copied and a slip typed into releases:
the note is one comment that Decap's own note parser (decap-cms-lib-util, run in Node) reads as an
unresolved note by ระบบตรวจของเว็บไซต์; fixed, the same comment says nothing is left and is
resolved; a writer's comment is never touched; a failure to write is a warning, never a failed job.

And over every release and page of the sample site: each slip is named in its note by the
paragraph it is in, and an untouched file's note says nothing is left.
"""

from __future__ import annotations

import io
import json
import re
import shutil
import subprocess
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest

from tools.review_note import SYSTEM_AUTHOR, entry_of_branch, main, note_for

ROOT = Path(__file__).resolve().parents[2]
SLUG = "conflict-of-interest-guideline-2569"
SLIP, FIXED = "พรอม", "พร้อม"
REPO = "mol/zerocorruption"


class FakeGitHub:
    """The issues and comments endpoints of GitHub's REST API, in memory, on 127.0.0.1."""

    def __init__(self):
        self.issues: list[dict] = []
        self.comments: dict[int, list[dict]] = {}
        self.requests: list[tuple[str, str, str]] = []  # (method, path, Authorization)
        self.refuse: str | None = None  # a method answered 403
        fake = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args):
                pass

            def _answer(self, status: int, payload) -> None:
                body = json.dumps(payload).encode()
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def _handle(self, method: str) -> None:
                url = urlsplit(self.path)
                fake.requests.append((method, url.path, self.headers.get("Authorization", "")))
                length = int(self.headers.get("Content-Length") or 0)
                given = json.loads(self.rfile.read(length) or b"{}") if length else {}
                if fake.refuse == method:
                    return self._answer(403, {"message": "Resource not accessible by integration"})
                status, payload = fake.route(method, url.path, parse_qs(url.query), given)
                self._answer(status, payload)

            def do_GET(self):
                self._handle("GET")

            def do_POST(self):
                self._handle("POST")

            def do_PATCH(self):
                self._handle("PATCH")

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        threading.Thread(target=self.server.serve_forever, daemon=True).start()
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"

    def route(self, method, path, query, given):
        base = f"/repos/{REPO}/issues"
        page = int(query.get("page", ["1"])[0])
        if method == "GET" and path == base:
            label = query.get("labels", [""])[0]
            found = [i for i in self.issues if label in [l["name"] for l in i["labels"]]]
            return 200, found[(page - 1) * 100: page * 100]
        if method == "POST" and path == base:
            number = len(self.issues) + 1
            issue = {"number": number, "title": given["title"], "body": given["body"], "state": "open",
                     "labels": [{"name": name} for name in given["labels"]]}
            self.issues.append(issue)
            self.comments[number] = []
            return 201, issue
        found = re.fullmatch(rf"{base}/(\d+)(/comments)?", path)
        if found and method == "PATCH" and not found[2]:
            issue = self.issues[int(found[1]) - 1]
            issue.update(given)
            return 200, issue
        if found and found[2] and method == "GET":
            return 200, self.comments[int(found[1])][(page - 1) * 100: page * 100]
        if found and found[2] and method == "POST":
            comment = {"id": 1000 + sum(len(c) for c in self.comments.values()), "body": given["body"],
                       "user": {"login": "github-actions[bot]"}}
            self.comments[int(found[1])].append(comment)
            return 201, comment
        found = re.fullmatch(rf"{base}/comments/(\d+)", path)
        if found and method == "PATCH":
            for comments in self.comments.values():
                for comment in comments:
                    if comment["id"] == int(found[1]):
                        comment["body"] = given["body"]
                        return 200, comment
        return 404, {"message": "Not Found"}

    def close(self):
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def github():
    fake = FakeGitHub()
    yield fake
    fake.close()


@pytest.fixture
def site(tmp_path):
    """A copy of the site's content folder."""
    shutil.copytree(ROOT / "content", tmp_path / "content")
    return tmp_path / "content"


def decap_reads(body: str) -> dict:
    """The note as Decap's own parser (decap-cms-lib-util's notesFormat) reads a comment body."""
    module = (ROOT / "node_modules" / "decap-cms-lib-util" / "dist" / "esm" / "notesFormat.js").as_uri()
    script = (f"import {{ parseNoteBody }} from {json.dumps(module)};"
              "let s='';process.stdin.on('data',d=>s+=d).on('end',()=>"
              "process.stdout.write(JSON.stringify(parseNoteBody(s))));")
    result = subprocess.run(["node", "--input-type=module", "-e", script], input=body, capture_output=True,
                            text=True, check=True)
    return json.loads(result.stdout)


def run(github, site, tmp_path, branch=f"cms/news/{SLUG}", token="ghs-test"):
    event = tmp_path / "event.json"
    event.write_text(json.dumps({"pull_request": {"head": {"ref": branch}, "updated_at": "2026-12-05T06:07:21Z"}}),
                     encoding="utf-8")
    environ = {"GITHUB_EVENT_PATH": str(event), "GITHUB_API_URL": github.url, "GITHUB_REPOSITORY": REPO,
               "GITHUB_TOKEN": token}
    out = io.StringIO()
    code = main(environ=environ, stream=out, content_dir=site)
    return code, out.getvalue()


def slip_into(path: Path, before: str, typed: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert before in text
    path.write_text(text.replace(before, typed + before, 1), encoding="utf-8")


def test_the_note_is_written_once_read_by_decap_and_cleared_when_fixed(github, site, tmp_path):
    release = site / "news" / f"{SLUG}.md"
    slip_into(release, "กระทรวงแรงงานประกาศแนวทาง", SLIP + " ")
    code, out = run(github, site, tmp_path)
    assert code == 0, out
    assert len(github.issues) == 1
    issue = github.issues[0]
    assert f"`news/{SLUG}`" in issue["body"]
    assert [l["name"] for l in issue["labels"]] == ["decap-cms-notes", "collection:news"]
    assert issue["title"].startswith("Notes: ประกาศแนวทางปฏิบัติ")
    assert {auth for _m, _p, auth in github.requests} == {"Bearer ghs-test"}
    [comment] = github.comments[1]
    note = decap_reads(comment["body"])
    assert note["author"] == SYSTEM_AUTHOR and note["resolved"] is False
    assert f'ไม่รู้จักคำว่า "{SLIP}"' in note["content"]
    assert f"เนื้อข่าว ย่อหน้าที่ 1 «{SLIP} กระทรวงแรงงาน" in note["content"]
    # which save it speaks of: the pull request's last update, in Bangkok's time and the B.E. year
    assert note["content"].endswith("\n(ตรวจฉบับที่บันทึกเมื่อ 5 ธันวาคม 2569 เวลา 13.07.21 น.)")

    # A writer answers in the notes pane; then fixes the word and saves: the same comment changes.
    github.comments[1].append({"id": 7, "body": "แก้แล้วค่ะ", "user": {"login": "pr-officer"}})
    slip_into(release, f"{SLIP} กระทรวงแรงงาน", FIXED)
    release.write_text(release.read_text(encoding="utf-8").replace(FIXED + SLIP, FIXED), encoding="utf-8")
    code, out = run(github, site, tmp_path)
    assert code == 0 and "updated" in out, out
    assert len(github.issues) == 1 and len(github.comments[1]) == 2
    assert github.comments[1][1]["body"] == "แก้แล้วค่ะ"
    note = decap_reads(github.comments[1][0]["body"])
    assert note["resolved"] is True and note["content"].startswith("ระบบตรวจข่าวนี้แล้ว ไม่พบสิ่งที่ต้องแก้")

    # Run again on the same content (a re-run of the job): nothing is written.
    before = len(github.requests)
    code, out = run(github, site, tmp_path)
    assert "unchanged" in out and not [r for r in github.requests[before:] if r[0] != "GET"]

    # The supervisor published an earlier change and Decap closed the issue: it is opened again.
    github.issues[0]["state"] = "closed"
    run(github, site, tmp_path)
    assert github.issues[0]["state"] == "open" and len(github.issues) == 1


def test_other_branches_are_left_alone_and_failures_only_warn(github, site, tmp_path):
    code, out = run(github, site, tmp_path, branch="fix-theme-footer")
    assert code == 0 and github.requests == [] and "ไม่ใช่สาขาของระบบเขียนข่าว" in out
    assert entry_of_branch("cms/pages/about") == ("pages", "about")

    github.refuse = "POST"  # a fork's pull request: the token may not write
    code, out = run(github, site, tmp_path)
    assert code == 0
    assert out.startswith("::warning ") and "403" in out and "เขียนผลการตรวจลงความเห็น" in out
    assert "Traceback" not in out

    code, out = run(github, site, tmp_path, token="")
    assert code == 0 and "GITHUB_TOKEN" in out


def test_every_release_and_page_names_each_slip_by_its_paragraph(site):
    """One slip typed at the start of a paragraph of every content file (a different paragraph
    in each); each file's note names that paragraph and quotes its start."""
    from content_guard.source import read_header
    from content_guard.verdict import judge
    from tools.check import load_settings

    settings = load_settings(ROOT / "pelicanconf.py")
    settings["PATH"] = str(site)
    clean = judge(settings)
    expected = {}
    for index, path in enumerate(sorted([*site.glob("news/*.md"), *site.glob("pages/*.md")])):
        collection = path.parent.name
        assert note_for(clean, settings, collection, path.stem).resolved, path
        text = path.read_text(encoding="utf-8")
        lines = text.split("\n")
        start = read_header(text).body_line - 1
        blocks, previous_blank = [], True  # (line index, text) of each block's first line
        for at in range(start, len(lines)):
            if lines[at].strip() and previous_blank:
                blocks.append(at)
            previous_blank = not lines[at].strip()
        plain = [n for n, at in enumerate(blocks, 1)
                 if re.match(r"[\u0e00-\u0e7f]", lines[blocks[n - 1]])]  # a paragraph of Thai text
        if not plain:
            continue
        number = plain[index % len(plain)]
        lines[blocks[number - 1]] = f"{SLIP} " + lines[blocks[number - 1]]
        path.write_text("\n".join(lines), encoding="utf-8")
        expected[(collection, path.stem)] = (number, lines[blocks[number - 1]].strip())
    assert len(expected) >= 30
    verdict = judge(settings)
    for (collection, slug), (number, first_line) in expected.items():
        note = note_for(verdict, settings, collection, slug)
        assert not note.resolved
        label = "เนื้อข่าว" if collection == "news" else "เนื้อหา"
        assert f"{label} ย่อหน้าที่ {number} «{SLIP} " in note.content, (slug, number, note.content)
        quote = re.search(r"«(.*?)»", note.content)[1]  # the paragraph's first words, to find it by
        assert first_line.startswith(quote.removesuffix("…")) and len(quote) <= 40, (slug, quote)
        assert f'ไม่รู้จักคำว่า "{SLIP}"' in note.content, (slug, note.content)
        assert "พบ 1 เรื่องที่ต้องแก้" in note.content  # its own slip, not the other files' ones


def test_a_header_problem_is_named_by_its_field(site):
    from content_guard.verdict import judge
    from tools.check import load_settings

    release = site / "news" / f"{SLUG}.md"
    release.write_text(release.read_text(encoding="utf-8").replace("Date: 2569-02-03 09:00", "Date: 2569-02-30 09:00"),
                       encoding="utf-8")
    settings = load_settings(ROOT / "pelicanconf.py")
    settings["PATH"] = str(site)
    note = note_for(judge(settings), settings, "news", SLUG)
    assert "\n1. วันที่: " in note.content and "30 กุมภาพันธ์" in note.content, note.content


def test_a_document_keeping_comments_is_named_by_the_attachments_field(site):
    """A writer attaches the hotline's figures with a reviewer's comment still in the workbook:
    the note names the field เอกสารแนบ, the comment and the fix, in Excel's words."""
    from content_guard.verdict import judge
    from tests.attachments.documents_keeping import excel
    from tools.check import load_settings

    release = site / "news" / "hotline-statistics-2569.md"
    listed = re.search(r"^Attachments: (\S+):", release.read_text(encoding="utf-8"), re.M)[1]
    (site / listed).write_bytes(excel(notes=["ตัวเลขเดือนมีนาคมยังไม่ยืนยัน รอกองคลังตรวจ"]))
    settings = load_settings(ROOT / "pelicanconf.py")
    settings["PATH"] = str(site)
    note = note_for(judge(settings), settings, "news", "hotline-statistics-2569")
    assert not note.resolved
    assert "\n1. เอกสารแนบ: " in note.content and "ความคิดเห็น (Comment) 1 รายการ" in note.content, note.content
    assert "«ตัวเลขเดือนมีนาคมยังไม่ยืนยัน" in note.content and "ลบความคิดเห็น" in note.content, note.content
