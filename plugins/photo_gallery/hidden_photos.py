"""Photos taken off the site by the article's header (`Hidden_photos:`), as the web editor writes it.

    Gallery: open-house-2568
    Hidden_photos: p04.jpg
        p06.jpg

A photo already published cannot be deleted through the web editor's review: Decap deletes a
file of the repository with a commit of its own, straight on the site's branch. A writer who must
take a photo down (a face that should not be shown, a wrong photo) names it here instead, which
goes through the supervisor's review like any edit. The photo stays in the repository (an
administrator may delete it later) but nothing is published from it: no page, gallery, ZIP,
cover or og:image. Naming it again is enough to show it again.

One or more names per line (separated by commas), the lines after the first indented by four
spaces. A gallery used by several articles hides what any of them hides. A name that is not in
the folder is a warning of the rule "captions" on its line, as for `Captions:`.

Plain functions with no Pelican import; the build (pelican_glue.py) and the rule "captions"
(rules.py) both call `without_hidden` after the header's captions are applied.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from .header_captions import header_lines
from .sources import SourceGallery

HEADER_KEY = "hidden_photos"


def hidden_names(value, first_line: int | None = None) -> list[tuple[int | None, str]]:
    """[(line, name)] from a `Hidden_photos:` value as Pelican gives it (a str, or a list for
    several lines); `first_line` is the line of `Hidden_photos:` in the article."""
    names = []
    for offset, line in enumerate(header_lines(value)):
        number = first_line + offset if first_line else None
        names += [(number, name.strip()) for name in line.split(",") if name.strip()]
    return names


def without_hidden(gallery: SourceGallery, names: list[tuple[int | None, str]], path: Path) -> SourceGallery:
    """A copy of `gallery` without the photos `names` names (a file name, in any case); a name
    that is in no photo of the folder is a problem on its line of the article `path`."""
    from content_guard.problems import Problem

    if not names:
        return gallery
    folded = {photo.name.casefold() for photo in gallery.photos}
    problems = list(gallery.problems)
    for line, name in names:
        if name.casefold() not in folded:
            problems.append(Problem(
                str(path), line, "captions", "warning",
                f'Hidden_photos: ระบุภาพ "{name}" ซึ่งไม่มีในโฟลเดอร์ภาพ {gallery.folder.name}/ '
                "ให้แก้ชื่อไฟล์ให้ตรงหรือลบชื่อนี้",
                f'Hidden_photos: names "{name}", which is not in the gallery folder {gallery.folder.name}/: '
                "fix the file name or delete it"))
    hidden = {name.casefold() for _line, name in names}
    photos = [photo for photo in gallery.photos if photo.name.casefold() not in hidden]
    return replace(gallery, photos=photos, problems=problems)
