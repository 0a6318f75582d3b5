"""Releases whose Thai was copied out of a PDF are published as if typed, and their writer is told.

Text copied from a PDF made with a Thai font of Windows or macOS may hold the font's glyph
variants (private-use code points: empty boxes in the site's font, found by no search) or give
each mark after a space (on a dotted circle). thai_text's typing-error table fixes both in what is
shown and warns of them (tests/thai_text/pdf_text.py writes text as such a PDF gives it).

Property over the whole sample site: every release's title, summary and body, each line copied
from a PDF of either system (and a fifth of the marks after a space), builds into the very same
site, byte for byte, search index, feeds and the editor's site data included; and the only new
findings are the typing-error warnings, at least one for each release, none for lines that were
not changed.
"""

from __future__ import annotations

import os
import random
import shutil
from pathlib import Path

from tests.thai_text.pdf_text import loose_marks, pdf_glyphs
from tools.build import build

ROOT = Path(__file__).resolve().parents[2]


def copied_from_pdf(text: str, rng: random.Random) -> tuple[str, set[int]]:
    """`text` with its title, summary and body lines as a PDF gives them; the numbers of the lines changed."""
    lines, changed, header = [], set(), True
    for number, line in enumerate(text.split("\n"), start=1):
        header = header and bool(line.strip())
        if header and not line.startswith(("Title:", "Summary:")):
            lines.append(line)
            continue
        copied, _ = pdf_glyphs(line, rng.choice(["windows", "mac"]))
        copied, _ = loose_marks(copied, rng, 0.2)
        if copied != line:
            changed.add(number)
        lines.append(copied)
    return "\n".join(lines), changed


def test_the_sample_site_copied_from_pdfs_builds_into_the_same_site(sample_site, tmp_path):
    content = tmp_path / "content"
    shutil.copytree(ROOT / "content", content)
    rng = random.Random(2569)
    changed = {}
    for path in sorted((content / "news").glob("*.md")) + sorted((content / "pages").glob("*.md")):
        text, lines = copied_from_pdf(path.read_text(encoding="utf-8"), rng)
        written = path.stat()
        path.write_text(text, encoding="utf-8")
        os.utime(path, ns=(written.st_atime_ns, written.st_mtime_ns))  # the sitemap's lastmod of a page
        changed[path.relative_to(tmp_path).as_posix()] = lines
    assert sum(bool(lines) for lines in changed.values()) >= 30

    result = build(ROOT / "pelicanconf.py", tmp_path / "output",
                   overrides={"PATH": str(content), "CACHE_PATH": str(tmp_path / "cache")}, quiet=True)
    assert result.ok, result.errors

    written = {p.relative_to(sample_site.output): p.read_bytes() for p in sample_site.output.rglob("*") if p.is_file()}
    copied = {p.relative_to(result.output): p.read_bytes() for p in result.output.rglob("*") if p.is_file()}
    assert copied.keys() == written.keys()
    different = sorted(str(name) for name in written if copied[name] != written[name])
    assert different == [], different[:20]
    assert any(name.parts[0] == "pagefind" for name in written)

    # told: a typing error on every changed line and only there, and nothing else
    assert {p.rule for p in result.problems} == {"typo"}
    found = {}
    for problem in result.problems:
        found.setdefault(problem.file, set()).add(problem.line)
    assert found == {name: lines for name, lines in changed.items() if lines}
