"""Every phrase of the web editor's interface is Thai and spelt right.

Decap's own Thai locale lacks 36 of the English locale's phrases (Decap shows those in English:
"Toggle to markdown mode", "Close", the notes pane, each field's "thai-date field" to screen
readers) and spells four wrong (เนิ้อหา, การเปลี่ยแปลง, เปลี่ยนเปลง, which this test finds, and ค้าหา for ค้นหา,
which it cannot: ค้า and หา are both words). web_editor's LOCALE_OVERRIDES fills and mends them. This test reads the locale the running editor uses, in Chromium, and holds
every phrase to the site's own spelling rule (thai_text: the segmenter, the dictionary, the
typing-error rules), as the check holds a release.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest

from tests.editor.conftest import log_in

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "plugins"))

from thai_text.segment import build_segmenter, read_word_list  # noqa: E402
from thai_text.spelling import Speller  # noqa: E402
from thai_text.typos import find_typos  # noqa: E402

pytestmark = pytest.mark.browser

FLAT = """() => {
  const flat = (o, p = '', out = {}) => {
    for (const [k, v] of Object.entries(o || {})) {
      if (typeof v === 'string') out[p + k] = v; else flat(v, `${p}${k}.`, out);
    }
    return out;
  };
  const CMS = window.ZeroCorruptionEditor.CMS;
  return { th: flat(CMS.getLocale('th')), en: flat(CMS.getLocale('en')) };
}"""

# Phrases with no words to translate: a placeholder alone, a date pattern, the new-entry button.
NO_WORDS = re.compile(r"^(%\{\w+\}|[A-Z ]+|D/M|＋ %\{collectionLabel\})$")
PLACEHOLDER = re.compile(r"%\{\w+\}")


@pytest.fixture(scope="module")
def locales(editor, browser):
    context = browser.new_context(locale="th-TH")
    page = context.new_page()
    try:
        log_in(page, editor)
        return page.evaluate(FLAT)
    finally:
        context.close()


def test_every_phrase_decap_has_in_english_is_in_thai(locales):
    missing = sorted(set(locales["en"]) - set(locales["th"]))
    assert missing == []
    english = [key for key, text in locales["th"].items()
               if not re.search("[\u0e01-\u0e4e]", text) and not NO_WORDS.match(text)]
    assert english == []


def test_every_thai_phrase_is_spelt_right(locales):
    segmenter = build_segmenter(read_word_list(ROOT / "content" / "dictionary.txt"))
    speller = Speller(segmenter.site_words, segmenter)
    wrong = {}
    for key, text in sorted(locales["th"].items()):
        words = PLACEHOLDER.sub(" ", text)
        found = [word for word, _better, _slip in speller.line_findings(words)]
        found += [typo for _start, _end, typo, _fix in find_typos(words)]
        if found:
            wrong[key] = (text, found)
    assert wrong == {}
