"""Readers that check a content file before parsing it and sanitise the HTML after.

On `readers_init`, every reader class (Markdown, HTML, ...) is replaced by a subclass with the
same name whose `read()`:
1. refuses a symlink to outside the content folder, a file above GUARD_MAX_FILE_BYTES, a binary
   or non-UTF-8 file (with the TIS-620 advice), an empty file;
2. warns about misspelt metadata keys and reports a missing title with its fix;
3. reads the file with the original reader and, should that fail, logs the reason (Pelican
   itself logs only "Could not process FILE");
4. sanitises the content and the summary (sanitize.py) and warns when something was removed.
A refused file is skipped (status "skip"), so Pelican adds no message of its own.
"""

from __future__ import annotations

import html
import logging
import os

from . import sanitize as html_guard
from .source import (
    Problem,
    Refused,
    check_header,
    check_location,
    check_not_empty,
    check_size,
    decode_source,
    find_line,
    read_header,
)

logger = logging.getLogger(__name__)

SKIP = ("", {"status": "skip"})


def display_name(path: str, settings: dict) -> str:
    """The file as authors see it: relative to the folder holding content/ ("content/news/x.md")."""
    base = os.path.dirname(os.path.abspath(settings.get("PATH", "content")))
    return os.path.relpath(os.path.abspath(path), base).replace(os.sep, "/")


def report(problem: Problem, filename: str) -> None:
    log = logger.error if problem.level == "error" else logger.warning
    log("%s", problem.message(filename))


class GuardMixin:
    """Placed before a Pelican reader class; see the module docstring."""

    def read(self, source_path):
        settings = self.settings
        name = display_name(source_path, settings)
        try:
            check_location(source_path, settings["PATH"])
            check_size(os.path.getsize(source_path), settings["GUARD_MAX_FILE_BYTES"])
            with open(source_path, "rb") as handle:
                text = decode_source(handle.read())
            check_not_empty(text)
        except Refused as refused:
            report(refused.problem, name)
            return SKIP
        except OSError as exc:
            report(Problem("error", None, f"เปิดไฟล์ไม่ได้ ({exc.strerror})",
                           f"cannot open the file ({exc.strerror})"), name)
            return SKIP

        is_markdown = "markdown" in self.__class__.__name__.lower()
        problems = []
        if is_markdown:
            keys = list(settings["GUARD_METADATA_KEYS"]) + list(settings["GUARD_EXTRA_METADATA_KEYS"])
            problems = check_header(text, keys)
        for problem in problems:
            report(problem, name)
        if any(p.level == "error" for p in problems):
            return SKIP

        try:
            content, metadata = super().read(source_path)
        except Exception as exc:  # any reader failure: say why, name the file, no traceback
            reason = f"{type(exc).__name__}: {exc}".strip()
            report(Problem(
                "error", _line_of_reason(text, str(exc)),
                f"อ่านไฟล์ไม่สำเร็จ ({reason}); แก้ตามข้อความนี้แล้วลองใหม่",
                f"could not read the file ({reason}); fix what it says and build again",
            ), name)
            return SKIP

        if "title" not in metadata and not is_markdown:
            report(Problem("error", None, "ไม่มีชื่อเรื่อง (<title>)", "no title (<title>)"), name)
            return SKIP

        site_urls = [settings.get("SITEURL") or "", settings.get("SITE_DOMAIN") or ""]
        cleaned = html_guard.sanitize(content, site_urls, settings["GUARD_VIDEO_EMBEDS"])
        summary = metadata.get("summary")
        body_line = read_header(text).body_line if is_markdown else 1
        self._report_removed(cleaned, text, name, body_line)
        if isinstance(summary, str) and summary:
            cleaned_summary = html_guard.sanitize(summary, site_urls, False)
            self._report_removed(cleaned_summary, text, name, 1)
            metadata["summary"] = cleaned_summary.html
        return cleaned.html, metadata

    @staticmethod
    def _report_removed(cleaned, text: str, name: str, start: int) -> None:
        words = html_guard.describe(cleaned)
        if words:
            token = html_guard.first_token(cleaned)
            # The token is the URL as the browser reads it: entities (&#47;) decoded.
            line = (find_line(text, token, start) or find_line(text, token)
                    or find_line(html.unescape(text), token, start))
            report(Problem("warning", line, *words), name)


def _line_of_reason(text: str, reason: str) -> int | None:
    """Find the line a reader's error message refers to by the quoted value it names."""
    for quoted in reason.split("'")[1::2] + reason.split('"')[1::2]:
        line = find_line(text, quoted.strip())
        if line and len(quoted.strip()) > 2:
            return line
    return None


def guard_readers(readers) -> None:
    """`readers_init` handler: wrap each enabled reader class in GuardMixin (same class name)."""
    for fmt, cls in list(readers.reader_classes.items()):
        if fmt == "static" or not cls or issubclass(cls, GuardMixin):
            continue
        readers.reader_classes[fmt] = _guarded(cls)


_GUARDED: dict = {}


def _guarded(cls):
    # One subclass per reader class, so the same class is not subclassed again on every build.
    if cls not in _GUARDED:
        _GUARDED[cls] = type(cls.__name__, (GuardMixin, cls), {"__module__": __name__})
    return _GUARDED[cls]
