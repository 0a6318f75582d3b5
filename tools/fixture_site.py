"""The fixture site of the expected-output test: build it, compare it with its committed output,
or write that output again on purpose.

tests/functional/site/content is a small site written for this test (releases with B.E. and
C.E. dates, Thai text, a gallery with captions, a page). tests/functional/site/expected holds
what the build makes of it with pelicanconf.py (search index off): every generated page, feed and
machine file, byte for byte, and in `expected/FILES` the name of every file of the output
(photos, the ZIP and the icons are compared by name only: their bytes depend on the image
libraries). The theme's own static files are left out (copies of theme/static, guarded by the
theme's tests).

    .venv/bin/invoke fixture-site        # after an intended change of URLs, feeds or markup

tests/functional/test_expected_output.py fails, naming the files, on any other change.
"""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

SITE = ROOT / "tests" / "functional" / "site"
CONTENT = SITE / "content"
EXPECTED = SITE / "expected"
LISTING = "FILES"
# Pagefind's index and the web editor's /admin/ (a 5 MB bundle; its generated config.yml and
# site-data.json are tested in tests/editor/test_editor_config.py) are left out of the fixture.
SETTINGS = {"THAI_SEARCH_ENABLED": False, "WEB_EDITOR_ENABLED": False}
COMPARED = {".html", ".xml", ".txt", ".json"}  # the rest is compared by name
LEFT_OUT = ("theme/",)  # the theme's static files, copied as they are
# Every source gets this modification time, so that dates taken from files (a page's lastmod in
# sitemap.xml) do not depend on when the repository was checked out.
MTIME = 1_735_689_600  # 2025-01-01 00:00 UTC


def build_fixture(work: Path):
    """Build the fixture site in `work` (a copy of its content, fixed file times); BuildResult."""
    from tools.build import build

    content = work / "content"
    shutil.copytree(CONTENT, content)
    for path in [content, *content.rglob("*")]:
        os.utime(path, (MTIME, MTIME))
    overrides = {"PATH": str(content), "CACHE_PATH": str(work / "cache"), **SETTINGS}
    return build(ROOT / "pelicanconf.py", work / "output", overrides=overrides, quiet=True)


def snapshot(output: Path) -> dict[str, bytes | None]:
    """Output-relative path -> bytes (compared files) or None (compared by name)."""
    files = {}
    for path in sorted(output.rglob("*")):
        rel = path.relative_to(output).as_posix()
        if path.is_file() and not rel.startswith(LEFT_OUT):
            files[rel] = path.read_bytes() if path.suffix in COMPARED else None
    return files


def expected() -> dict[str, bytes | None]:
    """The committed output, in the form of `snapshot`."""
    names = (EXPECTED / LISTING).read_text(encoding="utf-8").splitlines()
    return {name: (EXPECTED / name).read_bytes() if Path(name).suffix in COMPARED else None for name in names}


def differences(found: dict, wanted: dict) -> list[str]:
    """What differs, one line each: files only in one, and files whose bytes differ."""
    lines = [f"missing: {name}" for name in sorted(wanted.keys() - found.keys())]
    lines += [f"unexpected: {name}" for name in sorted(found.keys() - wanted.keys())]
    lines += [f"changed: {name}" for name in sorted(found.keys() & wanted.keys()) if found[name] != wanted[name]]
    return lines


def write_expected(found: dict) -> None:
    if EXPECTED.exists():
        shutil.rmtree(EXPECTED)
    EXPECTED.mkdir(parents=True)
    for name, data in found.items():
        if data is not None:
            (EXPECTED / name).parent.mkdir(parents=True, exist_ok=True)
            (EXPECTED / name).write_bytes(data)
    (EXPECTED / LISTING).write_text("".join(f"{name}\n" for name in found), encoding="utf-8")


def main() -> int:
    """Build the fixture site and write its expected output; 1 if the build itself failed."""
    with tempfile.TemporaryDirectory(prefix="fixture-site-") as work:
        result = build_fixture(Path(work))
        if not result.ok:
            print("\n".join(result.errors + result.warnings), file=sys.stderr)
            return 1
        found = snapshot(result.output)
        changes = differences(found, expected()) if (EXPECTED / LISTING).exists() else ["(new)"]
        write_expected(found)
    print(f"เขียนผลที่คาดไว้ของเว็บไซต์ทดสอบแล้ว ({len(found)} ไฟล์) / wrote the expected output of the "
          f"fixture site ({len(found)} files) into {EXPECTED.relative_to(ROOT)}; changes:")
    print("\n".join(f"  {line}" for line in changes) or "  none")
    return 0


if __name__ == "__main__":
    sys.exit(main())
