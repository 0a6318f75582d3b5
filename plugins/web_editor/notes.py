"""Notes (ความเห็น): which backends keep them, and who the check's note is from.

Decap keeps an entry's notes with its editorial workflow: on GitHub as the comments of an issue
labelled `NOTES_LABEL` whose body names `collection/slug` (a comment starts with a marker naming
its author), on the local backend of `invoke editor` in tools/editor_notes.py. The content check
writes one note on each release under review (tools/review_note.py), signed `SYSTEM_AUTHOR`, known
by `SYSTEM_AUTHOR_ID`; the editor's preview reads it by that id (js/check-note.js, through
site-data.json). No Pelican import here.
"""

from __future__ import annotations

NOTES_BACKENDS = ("github", "proxy")  # Decap's Forgejo and Gitea backends keep no notes
NOTES_LABEL = "decap-cms-notes"  # the label Decap's GitHub backend finds an entry's notes issue by
SYSTEM_AUTHOR = "ระบบตรวจของเว็บไซต์"
SYSTEM_AUTHOR_ID = "site-check"


def notes_supported(backend: dict, publish_mode: str) -> bool:
    """Whether the editor shows the notes pane (`backend`: config.yml's backend block)."""
    return publish_mode == "editorial_workflow" and backend.get("name") in NOTES_BACKENDS
