"""The site dictionary in the web editor: a writer adds a word the check does not know.

The check's fix for an unknown word that is spelt right ("add it to the site dictionary") needs
a way for writers, who have no terminal: the editor shows content/dictionary.txt as one text
field (js/dictionary.js). Against `invoke editor` in a throwaway repository, in headless
Chromium: the writer opens it, types a surname at the end and sends it for review; the branch
holds exactly that line more, byte for byte; the supervisor approves and publishes it, and the
main branch then holds it. Opening and saving without a change writes nothing, and the format
gives the file back unchanged.
"""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest
from playwright.sync_api import expect

from tests.editor.conftest import approve_and_publish, log_in, save_and_send_for_review, screenshot_dir

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parents[2]
DICTIONARY = "content/dictionary.txt"
FIELD = "คำและชื่อเฉพาะ (บรรทัดละหนึ่งคำ)"
WORD = "ภู่ระหงษ์ทองคำ"


def open_dictionary(page, editor):
    log_in(page, editor)
    page.get_by_role("link", name="พจนานุกรมของเว็บไซต์").first.click()
    page.locator('a[href="#/collections/dictionary/entries/words"]').click()
    field = page.get_by_label(FIELD)
    expect(field).to_be_visible()
    return field


def test_a_writer_adds_a_word_and_the_supervisor_publishes_it(editor, editor_page):
    page = editor_page
    original = editor.show("main", DICTIONARY).decode("utf-8")
    assert WORD not in original
    field = open_dictionary(page, editor)
    expect(field).to_have_value(original)

    field.press("Control+End")
    field.type(WORD + "\n")
    if screenshot_dir():
        page.screenshot(path=str(screenshot_dir() / "12-dictionary.png"))
    save_and_send_for_review(page)

    branch = next(b for b in editor.branches() if "dictionary" in b)
    assert editor.files(branch) == [DICTIONARY]
    assert editor.show(branch, DICTIONARY).decode("utf-8") == original + WORD + "\n"

    approve_and_publish(page)
    assert editor.show("main", DICTIONARY).decode("utf-8") == original + WORD + "\n"
    assert branch not in editor.branches()
    assert page.recorder.problems() == []


def test_opened_and_left_unchanged_nothing_is_saved(editor, editor_page):
    page = editor_page
    field = open_dictionary(page, editor)
    field.press("Control+End")
    field.type("x")
    field.press("Backspace")
    expect(page.get_by_role("button", name="บันทึก").first).to_be_disabled()
    text = (ROOT / DICTIONARY).read_text(encoding="utf-8")
    samples = [text, text.rstrip("\n"), "", "# หมายเหตุ\n\nคำเดียว\n", "สองบรรทัด\nไม่มีบรรทัดว่างท้าย"]
    back = page.evaluate(
        """texts => {
          const { formatter } = window.ZeroCorruptionEditor.CMS.getCustomFormats()['site-dictionary'];
          return texts.map(text => formatter.toFile(JSON.parse(JSON.stringify(formatter.fromFile(text)))));
        }""",
        samples,
    )
    assert back == [text, text, "", "# หมายเหตุ\n\nคำเดียว\n", "สองบรรทัด\nไม่มีบรรทัดว่างท้าย\n"]
    assert page.recorder.problems() == []
