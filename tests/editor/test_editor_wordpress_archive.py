"""The WordPress archive, once imported, is edited in the web editor as the site's own releases are.

The import writes Markdown in its own hand (markdownify's): a line break as two spaces at the end
of the line, `-   ` and `1.  ` before list items, a list in a list indented by four spaces. The
properties of test_editor_no_diff.py and test_editor_body_edit.py held only for the files of
content/, which the editor or we had written; a writer who corrected one word of an old release
saved a file with every such line rewritten (each break as a backslash, each list re-indented
with `*`), all of it in the change the supervisor approves. Here the test export of
tests/wordpress is imported into a repository of its own, served by its own editor, and each
imported release and page is opened in Decap's editor: saved with nothing changed it is the
same file, and one letter typed at the start of its body changes that one line.
"""

from __future__ import annotations

import sys

import pytest

from tests.editor.conftest import ROOT, _git, close_editor_page, editor_context_page, log_in, open_content_file, run_editor, site_repo
from tests.editor.test_editor_body_edit import one_letter_typed
from tests.editor.test_editor_no_diff import read_and_written

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def archive(tmp_path_factory):
    """(the editor, the imported content files as (collection, path)) of a repository with the
    project and the test export imported into it."""
    sys.path.insert(0, str(ROOT / "tests" / "wordpress"))
    from tools.wordpress.importer import ImportOptions, run_import
    from wp_helpers import EXPORT
    from wp_media import make_uploads

    base = tmp_path_factory.mktemp("wordpress-editor")
    repo = site_repo(base / "site")
    before = {p for folder in ("news", "pages") for p in (repo / "content" / folder).glob("*.md")}
    run_import(ImportOptions(source=EXPORT, root=repo, progress=False, processes=1, media_dir=make_uploads(base / "old")))
    _git(repo, "add", "-A")
    _git(repo, "commit", "-q", "-m", "The WordPress archive imported")
    imported = sorted((folder, p) for folder in ("news", "pages") for p in (repo / "content" / folder).glob("*.md")
                      if p not in before)
    server = run_editor(repo)
    yield next(server), imported
    server.close()


@pytest.fixture
def archive_page(browser, archive):
    editor, _files = archive
    page = editor_context_page(browser, editor)
    yield page
    close_editor_page(page)


def test_imported_files_are_given_back_unchanged(archive, archive_page):
    editor, files = archive
    page = archive_page
    log_in(page, editor)
    assert len(files) >= 10
    texts = {p.name: p.read_text(encoding="utf-8") for _c, p in files}
    assert read_and_written(page, texts) == texts


def test_one_letter_typed_changes_one_line_of_every_imported_file(archive, archive_page):
    editor, files = archive
    page = archive_page
    log_in(page, editor)
    _saved, problems = one_letter_typed(page, editor, files, editor.repo)
    assert problems == []
    assert page.recorder.problems() == []


def test_the_photos_of_an_imported_body_are_shown(archive, archive_page):
    """`![alt]({static}/images/...)` and `<figure><img src="{static}/...">`: the preview asked
    for /admin/{static}/... (404) and the editor's photo field for a file of the release's photo
    folder (500); both show the photo the site publishes."""
    from playwright.sync_api import expect

    editor, files = archive
    page = archive_page
    log_in(page, editor)
    with_photos = [(c, p) for c, p in files if "{static}/images/" in p.read_text(encoding="utf-8")]
    assert len(with_photos) >= 2
    for collection, path in with_photos:
        open_content_file(page, editor, collection, path)
        photos = page.frame_locator("iframe").first.locator(".prose img")
        expect(photos.first).to_be_visible()
        count = path.read_text(encoding="utf-8").count("{static}/images/")
        expect(photos).to_have_count(count)
        loaded = photos.evaluate_all("imgs => imgs.map(img => img.complete && img.naturalWidth > 0)")
        assert loaded == [True] * count, (path.name, loaded)
    assert page.recorder.problems() == []


def test_every_imported_release_previews_as_its_page(archive, archive_page):
    """Opened unedited, an imported file's preview has its page's text, block for block, and its
    category, date, photos, documents and tags (a draft, or a release held back by its date, has
    no page to compare with)."""
    import urllib.request

    from playwright.sync_api import expect

    from tests.editor.test_editor_review_changes import SAME

    editor, files = archive
    page = archive_page
    log_in(page, editor)
    entries = page.evaluate("() => window.ZeroCorruptionEditor.site.entries")
    problems, compared = [], 0
    for collection, path in files:
        entry = entries.get(path.relative_to(editor.repo).as_posix())
        if entry is None or entry["status"] == "draft":
            continue  # not on the site: a draft, or held back until its date
        url = entry["url"]
        urllib.request.urlopen(editor.url + "/" + url.split("/", 3)[-1] if url.startswith("http") else editor.url + url)
        open_content_file(page, editor, collection, path)
        note = page.frame_locator("iframe").first.locator(".zc-preview-changes")
        try:
            expect(note).to_have_text(SAME, timeout=10_000)
            compared += 1
        except AssertionError:
            problems.append(f"{path.name}: {note.all_inner_texts()}")
    assert problems == [] and compared >= 8, (compared, problems)
    assert page.recorder.problems() == []
