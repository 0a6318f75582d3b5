"""A new release's file name, cut from its title in the browser (js/names.js), never cuts its
URL short.

The URL slug is romanised from the file name by thai_text at build time and cut there between
words at THAI_TEXT_SLUG_MAX_LENGTH; the editor cuts the Thai file name first, at
WEB_EDITOR_FILE_NAME_LENGTH characters, where the browser (ICU) sees a word boundary, which is
often inside a compound (ปฏิบัติ|การ, ความ|คิดเห็น). At 48 characters 127 of 400 benchmark titles
got a URL ending in half a word (`...-phaen-patibat`). Property: for every title of the sample
content and 400 titles of the benchmark corpus, the URL made from the editor's file name is the URL
made from the whole title, with the site's own settings and the editor's own function, in Chromium.
"""

from __future__ import annotations

import pytest

from tests.editor.conftest import content_sources, log_in
from tests.sample_pages import site_settings

pytestmark = pytest.mark.browser

NAMES = """(titles) => {
  const { names, site } = window.ZeroCorruptionEditor;
  return [site.file_name_length, titles.map(title => names.fileNameFrom(title, site.file_name_length)),
          titles.map(title => names.fileNameFrom(title, 100000))];
}"""


def titles() -> list[str]:
    from tools.bench import corpus

    found = [header.value("title") for _path, header, _body in content_sources()]
    return [title for title in found if title] + corpus.titles(400)


def test_the_file_name_never_cuts_the_url_short(editor, editor_page):
    from thai_text.slugs import content_slug

    settings = site_settings()
    page = editor_page
    log_in(page, editor)
    every = titles()
    length, cut, whole = page.evaluate(NAMES, every)
    assert len(every) >= 400
    assert any(len(name) > length for name in whole)  # some titles are cut
    short = {}
    for title, name, full in zip(every, cut, whole):
        assert len(name) <= length
        url = content_slug(settings, "", f"content/news/{name}.md")
        if url != content_slug(settings, "", f"content/news/{full}.md"):
            short[title] = url
    assert short == {}
