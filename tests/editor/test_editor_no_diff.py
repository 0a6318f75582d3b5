"""Opening and saving an existing file in the editor changes nothing, for every file in content/.

Decap's own code path, in the browser: the entry is loaded through the backend, read by our
format, shown in every widget, made "changed" by typing a letter into the title and deleting it,
then saved. The file Decap sends to the backend (`persistEntry`) is taken from the request and
compared byte for byte with the file in the repository; the request is answered as the backend
would, so nothing is committed.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.editor.conftest import log_in

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parents[2]
COLLECTIONS = {"news": ROOT / "content" / "news", "pages": ROOT / "content" / "pages"}
FILES = [(name, path) for name, folder in COLLECTIONS.items() for path in sorted(folder.glob("*.md"))]


def test_every_content_file_is_saved_unchanged(editor, editor_page):
    page = editor_page
    saved: dict[str, str] = {}

    def handle(route):
        body = json.loads(route.request.post_data or "{}")
        if body.get("action") != "persistEntry":
            route.continue_()
            return
        files = body["params"].get("dataFiles") or [body["params"]["entry"]]
        for data in files:
            saved[data["path"]] = data["raw"]
        route.fulfill(status=200, content_type="application/json", body='{"message":"entry persisted"}')

    log_in(page, editor)
    page.route(editor.url + "/api/v1", handle)
    assert len(FILES) > 20
    for collection, path in FILES:
        rel = path.relative_to(ROOT).as_posix()
        page.goto(f"{editor.url}/admin/#/collections/{collection}/entries/{path.stem}")
        title = page.get_by_label("ชื่อข่าว" if collection == "news" else "ชื่อหน้า")
        title.wait_for()
        page.wait_for_function("el => el.value.length > 0", arg=title.element_handle())
        title.press("End")
        title.press("x")
        title.press("Backspace")
        page.get_by_role("button", name="บันทึก").first.click()
        page.wait_for_function("() => window.__saved === undefined", timeout=5000)  # the click is handled
        for _ in range(100):
            if rel in saved:
                break
            page.wait_for_timeout(100)
        assert rel in saved, f"{rel} was not saved"
        assert saved[rel] == path.read_text(encoding="utf-8"), f"{rel} changed on save"
    assert sorted(saved) == sorted(p.relative_to(ROOT).as_posix() for _c, p in FILES)
