"""SourceFile.derived: what the rules derive from a file as read is kept with its SourceFile, so
the live preview, which judges the site on every save with the unchanged files' SourceFiles of
the last verdict, derives it again only for the saved file; the verdict is the one a fresh
judge gives, edit after edit."""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
for folder in (ROOT, ROOT / "plugins"):
    if str(folder) not in sys.path:
        sys.path.insert(0, str(folder))

from content_guard.sources import read_source, sources_after_edits  # noqa: E402
from content_guard.verdict import judge  # noqa: E402
from thai_date.rules import path_dates  # noqa: E402

HEADER = "Title: {title}\nDate: 2568-03-0{day} 09:00\nCategory: ข่าวกิจกรรม\nTags: ทดสอบ\nSlug: {slug}\n\n"


def _site(tmp_path):
    from tools.check import load_settings

    content = tmp_path / "content"
    (content / "news").mkdir(parents=True)
    for day, slug in ((1, "a"), (2, "b"), (3, "c")):
        (content / "news" / f"{slug}.md").write_text(
            HEADER.format(title=f"ข่าวทดสอบ {slug}", day=day, slug=slug) + "เนื้อข่าวการอบรมเจ้าหน้าที่\n",
            encoding="utf-8")
    settings = load_settings(ROOT / "pelicanconf.py")
    settings.update(PATH=str(content), CACHE_PATH=str(tmp_path / "cache"))
    return settings, content


def _found(verdict):
    return sorted((p.file, p.rule, p.severity, p.line) for p in verdict.problems)


def test_a_value_is_derived_once_per_source_as_read(tmp_path):
    path = tmp_path / "x.md"
    path.write_text("Title: ข่าว\n\nเนื้อข่าว\n", encoding="utf-8")
    source = read_source(path, "article", {"PATH": str(tmp_path)})
    calls = []
    assert source.derived("k", lambda: calls.append(1) or "ค่า") == "ค่า"
    assert source.derived("k", lambda: calls.append(1) or "อื่น") == "ค่า" and calls == [1]
    again = read_source(path, "article", {"PATH": str(tmp_path)})
    assert again == source and again.derived("k", lambda: "ใหม่") == "ใหม่"  # a new reading derives anew


def test_the_derived_dates_follow_the_settings_they_read(tmp_path):
    path = tmp_path / "news" / "2568-03-01-a.md"
    path.parent.mkdir()
    path.write_text("Title: ข่าว\n\nเนื้อข่าว\n", encoding="utf-8")
    source = read_source(path, "article", {"PATH": str(tmp_path)})
    plain = {"PATH": str(tmp_path)}
    dated = {**plain, "FILENAME_METADATA": r"(?P<date>\d{4}-\d{2}-\d{2})-(?P<slug>.*)"}
    assert path_dates(source, plain) == []
    assert path_dates(source, dated) == ["2568-03-01"]
    assert path_dates(source, plain) == []


def test_edit_after_edit_the_verdict_is_a_fresh_ones(tmp_path):
    settings, content = _site(tmp_path)
    verdict = judge(settings)
    assert _found(verdict) == []
    edits = [
        ("a", "เนื้อข่าว ดู[ข่าวที่ไม่มี](/news/no-such-page/) และ[ข่าวบี]({filename}b.md)\n"),
        ("b", "Slug: a\n"),  # b now takes a's address
        ("a", "เนื้อข่าว ดู[ข่าวบี]({filename}b.md)\n"),
        ("b", "Slug: b\n"),
    ]
    seen = set()
    for name, change in edits:
        path = content / "news" / f"{name}.md"
        text = path.read_text(encoding="utf-8")
        if change.startswith("Slug:"):
            text = text.replace(text.splitlines()[4] + "\n", change)
        else:
            text = text.split("\n\n", 1)[0] + "\n\n" + change
        path.write_text(text, encoding="utf-8")
        verdict = judge(settings, sources=sources_after_edits(verdict.site.sources, [path], verdict.site.settings))
        assert _found(verdict) == _found(judge(settings))
        seen |= {p.rule for p in verdict.problems}
    assert {"link", "slug"} <= seen  # the edits did give problems, which went away again
    assert _found(verdict) == []
