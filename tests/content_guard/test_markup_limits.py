"""Text Markdown cannot read in reasonable time is refused quickly, with the line and a fix."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "plugins"))

from content_guard.markup_limits import ReadTimeout, markup_problems, time_limit  # noqa: E402

POST = "Title: ข่าว\nDate: 2567-05-01 09:00\nCategory: ข่าวกิจกรรม\n\n"


def test_deep_lists_and_quotes_are_found_with_their_line():
    lines = ["ย่อหน้าแรก", ""] + ["    " * depth + "- ข้อ" for depth in range(30)]
    [problem] = markup_problems("content/news/x.md", lines, max_nesting=16, max_open=100, start=10)
    assert problem.rule == "markup" and problem.line == 10 + 2 + 16
    [quote] = markup_problems("x", ["> " * 20 + "ข้อความ"], max_nesting=16, max_open=100)
    assert quote.line == 1 and "nested 20 levels" in quote.english


def test_unclosed_brackets_are_counted_per_paragraph():
    many = ["[" * 60, "[" * 60]
    [problem] = markup_problems("x", ["ข้อความ", ""] + many, max_nesting=16, max_open=100)
    assert problem.line == 3  # the paragraph's first line
    # The same brackets in two paragraphs, or closed ones, are fine.
    assert markup_problems("x", [many[0], "", many[1]], max_nesting=16, max_open=100) == []
    assert markup_problems("x", ["[ลิงก์](/a/) " * 500], max_nesting=16, max_open=100) == []


def test_ordinary_content_has_no_markup_problem():
    root = Path(__file__).resolve().parents[2] / "content"
    files = sorted(root.rglob("*.md"))
    assert files
    for path in files:
        lines = path.read_text(encoding="utf-8").split("\n")
        assert markup_problems(str(path), lines, max_nesting=16, max_open=100) == [], path


def test_time_limit_stops_a_slow_block():
    stopped = False
    try:
        with time_limit(0.3):
            while True:  # never ends unless the limit stops it
                pass
    except ReadTimeout:
        stopped = True
    assert stopped


def test_a_file_that_reads_too_slowly_is_refused_by_the_build(build_site):
    # Balanced brackets pass the paragraph check but still make Markdown backtrack for seconds.
    result = build_site({
        "news/slow.md": POST + "[](" * 9000 + "\n",
        "news/ok.md": POST.replace("ข่าว\n", "ข่าวปกติ\n", 1) + "ข้อความปกติ\n",
    }, CONTENT_GUARD_READ_SECONDS=1)
    assert not result.ok
    [message] = [m for m in result.errors if m.startswith("content/news/slow.md")]
    assert "longer than 1 s" in message and "นานเกิน" in message
