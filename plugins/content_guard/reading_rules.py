"""The rules that need what reading a file gives, called by the build's reader and by the check.

- html (WARNING): HTML that the sanitiser removes, with the line it came from;
- reader (ERROR): the reader could not read the file (the reason, and the line it names);
- title (ERROR): an HTML page without `<title>`.

In a build, content_guard's reader (readers.py) calls `html_problems`, `reader_problem` and
`untitled_problem` on what Pelican's reader returns; outside a build, `check` reads the file with
Pelican's own reader class and calls the same functions, so both name the same file and line.
"""

from __future__ import annotations

import copy
import html

from . import markup_limits, sanitize
from .problems import ERROR, WARNING, Problem
from .source import find_line


def site_urls(settings: dict) -> list[str]:
    """The addresses under which a link or image counts as the site's own."""
    return [settings.get("SITEURL") or "", settings.get("SITE_DOMAIN") or ""]


def removed_problem(name: str, text: str, cleaned: sanitize.Cleaned, start: int) -> Problem | None:
    """A WARNING naming what `cleaned` removed and the line of the source `text` it came from."""
    words = sanitize.describe(cleaned)
    if not words:
        return None
    token = sanitize.first_token(cleaned)
    # The token is the URL as the browser reads it: entities (&#47;) decoded.
    line = (find_line(text, token, start) or find_line(text, token)
            or find_line(html.unescape(text), token, start))
    return Problem(name, line, "html", WARNING, *words)


def html_problems(name: str, text: str, body_line: int, content: str, summary, settings: dict):
    """Sanitise `content` (and the summary HTML) as the build does; return (clean content, clean
    summary, problems)."""
    problems = []
    cleaned = sanitize.sanitize(content, site_urls(settings), settings["CONTENT_GUARD_VIDEO_EMBEDS"])
    found = removed_problem(name, text, cleaned, body_line)
    if found:
        problems.append(found)
    clean_summary = summary
    if isinstance(summary, str) and summary:
        cleaned_summary = sanitize.sanitize(summary, site_urls(settings), False)
        found = removed_problem(name, text, cleaned_summary, 1)
        if found:
            problems.append(found)
        clean_summary = cleaned_summary.html
    return cleaned.html, clean_summary, problems


SETTINGS_USED = ("MARKDOWN", "FORMATTED_FIELDS", "SITEURL", "SITE_DOMAIN", "CONTENT_GUARD_VIDEO_EMBEDS")


def check(source, site) -> list[Problem]:
    """The rule outside a build: read the source with Pelican's own reader class, as the build
    does (dates are left as written: thai_date reads them in the build, and its rule checks them)."""
    from pelican.readers import HTMLReader, MarkdownReader

    class Reading(MarkdownReader if source.markdown else HTMLReader):
        def process_metadata(self, name, value):
            return value

    try:
        # Pelican's reader adds its extensions to MARKDOWN: give it a copy, not the site's.
        settings = {**site.settings, "MARKDOWN": copy.deepcopy(site.settings.get("MARKDOWN") or {})}
        with markup_limits.time_limit(site.settings["CONTENT_GUARD_READ_SECONDS"]):
            content, metadata = Reading(settings).read(str(source.path))
    except Exception as exc:  # the build's reader reports the same
        return [reader_problem(source.name, source.text, exc)]
    if not source.markdown and "title" not in metadata:
        return [untitled_problem(source.name)]
    body_line = source.header.body_line if source.markdown else 1
    return html_problems(source.name, source.text, body_line, content, metadata.get("summary"),
                         site.settings)[2]


def untitled_problem(name: str) -> Problem:
    return Problem(name, None, "title", ERROR, "ไม่มีชื่อเรื่อง (<title>)", "no title (<title>)",
                   "ใส่ <title>ชื่อหน้า</title> ใน <head>", "add <title>...</title> to <head>")


def reader_problem(name: str, text: str, exc: Exception) -> Problem:
    """The ERROR for a file its reader could not read, naming the reason and, if it can, the line."""
    if isinstance(exc, markup_limits.ReadTimeout):
        return markup_limits.timeout_problem(name, exc.args[0])
    if isinstance(exc, RecursionError):
        return markup_limits.nesting_problem(name)
    reason = f"{type(exc).__name__}: {exc}".strip()
    line = None
    for quoted in str(exc).split("'")[1::2] + str(exc).split('"')[1::2]:
        found = find_line(text, quoted.strip())
        if found and len(quoted.strip()) > 2:
            line = found
            break
    return Problem(name, line, "reader", ERROR,
                   f"อ่านไฟล์ไม่สำเร็จ ({reason})", f"could not read the file ({reason})",
                   "แก้ตามข้อความนี้แล้วลองใหม่", "fix what it says and build again")
