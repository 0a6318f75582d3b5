"""The check's findings reach the writer in the editor, as a note (ความเห็น) on the release.

Spelling against the dictionary, links and duplicate addresses are checked only on the pull
request; a writer and a supervisor in the editor never saw what it found. The local backend of
`invoke editor` now keeps Decap's notes (tools/editor_notes.py; decap-server answers none of
their requests) and, after every save of a release under review, judges its branch as CI judges a
pull request and writes the check's note on it (tools/review_note.py; on GitHub the pull
request's job writes the same note: tests/editor/test_review_note.py).

Against `invoke editor` in a throwaway repository, in headless Chromium: a writer types a word
with a missing tone mark into a published release and saves; the notes pane says, in Thai, which
paragraph holds which word and how to fix it; the writer's own note is kept; once the word is
fixed and saved again, the check's note says nothing is left and is marked resolved. The check's
note cannot be edited or deleted by the writer, and no request fails.
"""

from __future__ import annotations

import json
import re
import subprocess
import time

import pytest
from playwright.sync_api import expect

from tests.editor.conftest import axe_violations, log_in, screenshot_dir

pytestmark = pytest.mark.browser

SLUG = "conflict-of-interest-guideline-2569"
TITLE = "ประกาศแนวทางปฏิบัติเพื่อป้องกันผลประโยชน์ทับซ้อน สำหรับเจ้าหน้าที่กระทรวงแรงงาน พ.ศ. 2569"
SLIP = "พรอม"  # พร้อม without its tone mark: four letters, four grapheme clusters
FIXED = "พร้อม"
OWN_NOTE = "หัวหน้าช่วยดูวันที่มีผลบังคับใช้อีกครั้ง"


def system_note(editor, timeout: float = 90) -> dict:
    """The check's note on the release in the local backend's store, once written."""
    store = editor.repo / ".git" / "web-editor-notes.json"
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            notes = json.loads(store.read_text(encoding="utf-8")).get(f"news/{SLUG}", [])
        except (OSError, ValueError):
            notes = []
        found = [n for n in notes if n.get("authorId") == "site-check"]
        if found:
            return found[0]
        time.sleep(0.5)
    raise AssertionError("the check wrote no note:\n" + "\n".join(editor.log[-30:]))


def wait_for_note(editor, resolved: bool, timeout: float = 90) -> dict:
    deadline = time.monotonic() + timeout
    while True:
        note = system_note(editor, timeout)
        if note["resolved"] == resolved or time.monotonic() > deadline:
            return note
        time.sleep(0.5)


def branch_text(editor, branch: str, done, timeout: float = 60) -> str:
    """The release on `branch`, once `done(text)` (the save is committed after its answer)."""
    deadline = time.monotonic() + timeout
    while True:
        text = editor.show(branch, f"content/news/{SLUG}.md").decode("utf-8")
        if done(text) or time.monotonic() > deadline:
            return text
        time.sleep(0.3)


def working_tree_settles(editor, timeout: float = 20) -> str:
    """`git status --porcelain` of the editor's repository once it is clean, or as it is after
    `timeout` seconds."""
    deadline = time.monotonic() + timeout
    while True:
        status = subprocess.run(["git", "-C", str(editor.repo), "status", "--porcelain"],
                                capture_output=True, text=True).stdout
        if not status or time.monotonic() > deadline:
            return status
        time.sleep(0.3)


def open_release(page, editor):
    page.goto("about:blank")
    page.goto(f"{editor.url}/admin/#/collections/news/entries/{SLUG}")
    expect(page.get_by_label("ชื่อข่าว")).to_have_value(TITLE, timeout=30_000)


def notes_pane(page):
    """The notes pane (Decap remembers the pane last chosen: the preview opens first here)."""
    pane = page.locator('[class*="NotesPaneContainer"]')
    if not pane.count():
        page.get_by_title("แสดงหรือซ่อนความเห็น").click()
    expect(pane).to_be_visible()
    return pane


def edit_first_paragraph(page, keys) -> None:
    body = page.locator("[data-slate-editor]").first
    body.locator("[data-slate-string]").first.click(position={"x": 1, "y": 8})  # before its first letter
    expect(body).to_be_focused()
    page.wait_for_timeout(300)  # Slate takes the caret from the browser's selectionchange
    keys()
    page.get_by_role("button", name="บันทึก").first.click()
    page.get_by_text("สถานะ: ร่าง").wait_for(timeout=60_000)


def test_the_check_writes_its_findings_on_the_release_and_clears_them(editor, editor_page):
    page = editor_page
    log_in(page, editor)
    open_release(page, editor)
    edit_first_paragraph(page, lambda: page.keyboard.insert_text(SLIP + " "))
    branch = f"cms/news/{SLUG}"
    assert branch in editor.branches()
    # The preview, where the writer looks, says the save is being checked, then what was found,
    # with no reload (the editor polls the local backend's notes as Decap polls GitHub's).
    banner = page.frame_locator("#preview-pane").locator(".zc-preview-check")
    found = banner.filter(has_text=f'ไม่รู้จักคำว่า "{SLIP}"')
    expect(found).to_have_class(re.compile("zc-check-found"), timeout=90_000)
    expect(banner).to_contain_text("ความเห็น")
    note = wait_for_note(editor, resolved=False)
    assert f'"{SLIP}"' in note["content"] and "พร้อม" in note["content"], note["content"]
    assert "เนื้อข่าว ย่อหน้าที่ 1 «" + SLIP in note["content"], note["content"]
    assert re.search(r"\n\(ตรวจฉบับที่บันทึกเมื่อ \d+ [ก-๙]+ 25\d\d เวลา \d\d\.\d\d\.\d\d น\.\)$", note["content"])

    open_release(page, editor)
    pane = notes_pane(page)
    expect(pane).to_contain_text("ระบบตรวจของเว็บไซต์")
    expect(pane).to_contain_text(f"ไม่รู้จักคำว่า \"{SLIP}\"")
    expect(pane).to_contain_text("ย่อหน้าที่ 1")
    if screenshot_dir():
        page.screenshot(path=str(screenshot_dir() / "13-check-note.png"))
    card = pane.locator('[class*="NoteCard"]').filter(has_text="ระบบตรวจข่าวนี้แล้ว")
    for button in ("แก้ไข", "ลบ"):  # the check's note is the check's, not the writer's
        expect(card.get_by_role("button", name=button, exact=True)).to_be_disabled()

    # The writer's own note is kept by the local backend.
    box = pane.get_by_placeholder("พิมพ์ความเห็น...")
    box.fill(OWN_NOTE)
    pane.get_by_role("button", name="เพิ่มความเห็น").click()
    expect(pane).to_contain_text(OWN_NOTE)

    # Fixed and saved again: the same note now says nothing is left, and is resolved; the preview
    # says so as soon as the check has written it.
    open_release(page, editor)
    if not page.locator("#preview-pane").count():
        page.get_by_title("เปิด/ปิดการแสดงตัวอย่าง").click()

    def fix():
        for _ in SLIP:
            page.keyboard.press("Delete")
        page.keyboard.insert_text(FIXED)
    edit_first_paragraph(page, fix)
    saved = branch_text(editor, branch, lambda text: SLIP not in text)
    assert f"\n\n{FIXED} กระทรวงแรงงานประกาศ" in saved, saved[:900]
    # Checking the branch wrote nothing decap-server would commit with the release. (Its commit
    # shows on the branch before decap-server has put the working tree back: once, on a fresh
    # clone, the status was read in between and showed the release deleted. It must be clean
    # once decap-server is done, and nothing but the release is on the branch.)
    assert editor.files(branch) == [f"content/news/{SLUG}.md"]
    assert working_tree_settles(editor) == ""
    expect(banner).to_have_class(re.compile("zc-check-passed"), timeout=90_000)
    expect(banner).to_contain_text("ไม่พบสิ่งที่ต้องแก้")
    note = wait_for_note(editor, resolved=True)
    assert note["content"].startswith("ระบบตรวจข่าวนี้แล้ว ไม่พบสิ่งที่ต้องแก้"), note["content"]
    open_release(page, editor)
    pane = notes_pane(page)
    expect(pane).to_contain_text("ไม่พบสิ่งที่ต้องแก้")
    expect(pane).to_contain_text(OWN_NOTE)
    expect(pane).to_contain_text("เจ้าหน้าที่ประชาสัมพันธ์")  # the writer's note, signed by git's user.name
    card = pane.locator('[class*="NoteCard"]').filter(has_text="ไม่พบสิ่งที่ต้องแก้")
    expect(card.locator('[class*="ResolvedBadge"]')).to_have_text("แก้แล้ว")  # not Decap's English
    assert "resolved" not in pane.inner_text().lower() and "Anonymous" not in pane.inner_text()
    found = axe_violations(page, ['[class*="NotesPaneContainer"]'])
    assert found.violations_count == 0, found.generate_report()
    assert f'"{SLIP}"' not in pane.inner_text()
    stored = json.loads((editor.repo / ".git" / "web-editor-notes.json").read_text(encoding="utf-8"))
    assert [n.get("authorId") == "site-check" for n in stored[f"news/{SLUG}"]].count(True) == 1

    assert page.recorder.problems() == []
    editor.discard(branch)


WATCHED_GITHUB_LIKE = """async () => {
  const { checkNote } = window.ZeroCorruptionEditor;
  const seen = [];
  const implementation = {
    getNotes: async () => [{ id: '1', author: 'a', content: 'ขอแก้ชื่อข่าว', resolved: false }],
    persistEntry: async () => ({}),
    startNotesPolling: async (collection, slug, callbacks) => { implementation.callbacks = callbacks; },
  };
  const backends = { github: { init: () => implementation } };
  checkNote.watchCheckNotes({ getBackend: name => backends[name] }, 'github', { news: 'content/news' }, 'site-check');
  const backend = backends.github.init();
  await backend.getNotes('news', 'x');
  const opened = checkNote.checkNoteOf('news', 'x');
  await backend.persistEntry({ dataFiles: [{ slug: 'x' }] }, { useWorkflow: true, collectionName: 'news' });
  const saved = checkNote.checkNoteOf('news', 'x');
  await backend.persistEntry({ dataFiles: [{ slug: 'words' }] }, { useWorkflow: true, collectionName: 'dictionary' });
  await backend.startNotesPolling('news', 'x', { onUpdate: list => seen.push(list.length), onChange: () => {} });
  implementation.callbacks.onUpdate([{ id: '2', authorId: 'site-check', content: 'พบ 1 เรื่อง', resolved: false }], []);
  return { opened, saved, dictionary: checkNote.checkNoteOf('dictionary', 'words'),
           polled: checkNote.checkNoteOf('news', 'x'), seen };
}"""


def test_the_preview_follows_the_notes_decaps_own_polling_finds(editor, editor_page):
    """On GitHub Decap polls an entry's notes itself: the check's note its polling finds reaches
    the preview and goes on to Decap as it was (js/check-note.js on a backend shaped as Decap's
    GitHub one, in the editor's own bundle); a save marks the note as being checked; the
    dictionary, on which the check writes no note, is never marked."""
    page = editor_page
    log_in(page, editor)
    result = page.evaluate(WATCHED_GITHUB_LIKE)
    assert result["opened"] == {"note": None, "checking": False}  # a writer's note is not the check's
    assert result["saved"] == {"note": None, "checking": True}
    assert result["dictionary"] == {"note": None, "checking": False}
    assert result["polled"] == {"note": {"content": "พบ 1 เรื่อง", "resolved": False}, "checking": False}
    assert result["seen"] == [1]
    assert page.recorder.problems() == []
