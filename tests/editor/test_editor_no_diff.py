"""Opening and saving an existing file in the editor changes nothing else, for every file in content/.

Decap's own code path, in the browser: the entry is loaded through the backend, read by our
format and shown in every widget. Decap writes nothing while nothing changed (its Save button
stays disabled after a letter is typed into the title and deleted again); so the title is then
edited, and the file Decap sends to the backend (`persistEntry`) must be the file in the
repository with only its `Title:` line changed, byte for byte. The request is answered as the
backend would, so nothing is committed. The format registered in Decap also gives every file
back unchanged when nothing was edited (fromFile then toFile).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import expect

from tests.editor.conftest import CONTENT_FILES, capture_saves, log_in, open_content_file, settle_after_save, wait_for_save

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parents[2]
FILES = CONTENT_FILES


def test_every_content_file_is_saved_unchanged(editor, editor_page):
    page = editor_page
    log_in(page, editor)
    saved = capture_saves(page, editor)
    assert len(FILES) > 20
    for collection, path in FILES:
        rel = path.relative_to(ROOT).as_posix()
        original, title = open_content_file(page, editor, collection, path)
        title.press("End")
        title.press("x")
        title.press("Backspace")
        save = page.get_by_role("button", name="บันทึก").first
        expect(save, f"{rel}: Decap would save an entry nothing was changed in").to_be_disabled()
        title.press("End")
        title.type(" (แก้)")
        form = title.get_attribute("id")
        save.click()
        wait_for_save(page, saved, rel)
        settle_after_save(page, form)
        assert rel in saved, f"{rel} was not saved"
        lines = original.split("\n")
        at = next(i for i, line in enumerate(lines) if line.lower().startswith("title:"))
        lines[at] += " (แก้)"
        assert saved[rel] == "\n".join(lines), f"{rel}: more than the title changed"
    assert sorted(saved) == sorted(p.relative_to(ROOT).as_posix() for _c, p in FILES)


def read_and_written(page, texts: dict[str, str]) -> dict[str, str]:
    """Each of `texts` read by the format registered in Decap and written again, in the page."""
    return page.evaluate(
        """texts => {
          const { formatter } = window.ZeroCorruptionEditor.CMS.getCustomFormats()['pelican-markdown'];
          return Object.fromEntries(Object.entries(texts).map(([path, text]) =>
            [path, formatter.toFile(JSON.parse(JSON.stringify(formatter.fromFile(text))))]));
        }""",
        texts,
    )


def test_the_registered_format_gives_every_file_back(editor, editor_page):
    page = editor_page
    log_in(page, editor)
    texts = {p.relative_to(ROOT).as_posix(): p.read_text(encoding="utf-8") for _c, p in FILES}
    assert read_and_written(page, texts) == texts
