"""Shared fixtures of the WordPress import tests.

- `old_site`: the fixture export's uploads, made with Pillow (tests/wordpress/media.py);
- `imported`: a copy of the project's content with the fixture export imported into it once per
  session (root folder, report, the import's options);
- `import_into(root, **options)`: run the import on any folder;
- `imported_site`: that content built with the project's settings and theme.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))

from tools.build import build  # noqa: E402
from tools.wordpress.importer import ImportOptions, run_import  # noqa: E402
from wp_helpers import EXPORT, ROOT, copy_project  # noqa: E402
from wp_media import make_uploads  # noqa: E402


@pytest.fixture(scope="session")
def old_site(tmp_path_factory) -> Path:
    return make_uploads(tmp_path_factory.mktemp("old-site"))


@pytest.fixture(scope="session")
def import_into(old_site):
    def _run(root: Path, source: Path = EXPORT, **options):
        options.setdefault("media_dir", old_site)
        return run_import(ImportOptions(source=source, root=root, progress=False, processes=1, **options))

    return _run


@pytest.fixture(scope="session")
def imported(tmp_path_factory, import_into):
    root = copy_project(tmp_path_factory.mktemp("imported") / "project")
    report = import_into(root)
    return root, report


@pytest.fixture(scope="session")
def imported_site(imported, tmp_path_factory):
    root, _report = imported
    out = tmp_path_factory.mktemp("imported-site") / "output"
    # Every article in the feeds: test_feeds_keep_the_wordpress_guids reads every imported post
    # there, however many sample releases are newer than the archive (20 pushed one out).
    result = build(ROOT / "pelicanconf.py", out, quiet=True, overrides={
        "PATH": str(root / "content"), "CACHE_PATH": str(out.parent / "cache"), "FEED_MAX_ITEMS": None})
    assert result.ok, result.errors
    return result
