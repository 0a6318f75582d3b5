"""Readers that publish nothing from a file with an ERROR, and sanitise the HTML of the others.

On `readers_init`, every reader class (Markdown, HTML, ...) is replaced by a subclass with the
same name whose `read()`:
1. looks the file up in the build's verdict (verdict.py, judged when the first readers were set
   up): a file with an ERROR is skipped (status "skip") without a second message; a file the
   verdict did not list (it appeared during the build) is judged on its own now;
2. reads the file with the original reader and, should that fail, reports the reason (rule
   "reader"; Pelican itself logs only "Could not process FILE");
3. sanitises the content and the summary (sanitize.py) and reports what was removed (rule "html",
   reading_rules.py, the same function the content check calls).
"""

from __future__ import annotations

import logging
import os

from . import problems as problem_log
from .markup_limits import time_limit
from .settings import DEFAULTS
from .problems import ERROR
from .reading_rules import html_problems, reader_problem, untitled_problem
from .sources import ARTICLE, PAGE, display_name, read_source
from .verdict import judge, judge_file

logger = logging.getLogger(__name__)

SKIP = ("", {"status": "skip"})
READ_SECONDS = DEFAULTS["CONTENT_GUARD_READ_SECONDS"][0]  # for a reader used outside a build
LEDGER_KEY = "_CONTENT_GUARD_LEDGER"  # internal: what the signals of one build share


def report(problem) -> None:
    problem_log.log(problem, logger)


def report_once(problem, settings: dict, log=logger) -> None:
    """Log `problem` unless this build's verdict holds it already (for plugins that find a
    problem a rule also finds, while reading)."""
    verdict = getattr(settings.get(LEDGER_KEY), "verdict", None)
    if verdict is None or problem.key not in {p.key for p in verdict.problems}:
        problem_log.log(problem, log)


def kind_of(path: str, settings: dict) -> str:
    """ARTICLE or PAGE, from where the file lies (PAGE_PATHS, else an article)."""
    rel = os.path.relpath(os.path.abspath(path), os.path.abspath(settings["PATH"]))
    for folder in settings.get("PAGE_PATHS") or []:
        if rel == folder or rel.startswith(folder.rstrip("/") + os.sep):
            return PAGE
    return ARTICLE


def judged(path: str, settings: dict) -> list:
    """The problems of the file at `path`: the build's verdict, or judged now (and reported)."""
    ledger = settings.get(LEDGER_KEY)
    name = display_name(path, settings)
    verdict = getattr(ledger, "verdict", None)
    if verdict is not None and verdict.knows(name):
        return verdict.for_file(name)
    if verdict is not None:
        already = set(verdict.problems)  # e.g. the folder a linked file lies in: reported once
        found = judge_file(verdict, path, kind_of(path, settings))
    else:  # a reader used outside a build (tests, tools): judge this one file
        already = set()
        found = judge(settings, sources=[read_source(path, kind_of(path, settings), settings)],
                      in_build=True).problems
    for problem in found:
        if problem not in already:
            report(problem)
    return found


class GuardMixin:
    """Placed before a Pelican reader class; see the module docstring."""

    def read(self, source_path):
        settings = self.settings
        name = display_name(source_path, settings)
        if any(p.severity == ERROR for p in judged(source_path, settings)):
            return SKIP  # reported already: publish nothing from it
        try:
            with time_limit(settings.get("CONTENT_GUARD_READ_SECONDS", READ_SECONDS)):
                content, metadata = super().read(source_path)
        except Exception as exc:  # any reader failure: say why, name the file, no traceback
            with open(source_path, encoding="utf-8-sig", errors="replace") as handle:
                text = handle.read().replace("\r\n", "\n").replace("\r", "\n")
            report_once(reader_problem(name, text, exc), settings)
            return SKIP
        is_markdown = "markdown" in self.__class__.__name__.lower()
        if "title" not in metadata and not is_markdown:
            report_once(untitled_problem(name), settings)
            return SKIP
        source = read_source(source_path, PAGE, settings)
        body_line = source.header.body_line if is_markdown else 1
        cleaned, summary, found = html_problems(
            name, source.text, body_line, content, metadata.get("summary"), settings)
        for problem in found:
            report_once(problem, settings)
        if summary is not None and "summary" in metadata:
            metadata["summary"] = summary
        return cleaned, metadata


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
