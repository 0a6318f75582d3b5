"""content_guard's part in a build: the verdict, and two guards that act on what the rules found.

- `new_ledger` (initialized): a fresh ledger for this build on Pelican's settings;
- `judge_content` (readers_init, the first time: every plugin's defaults are applied by then):
  the verdict on the content (verdict.py), each problem logged once; readers.py then skips every
  file with an ERROR; the rules that only warn (spelling) are judged meanwhile in a second
  process and `report_deferred` (finalized) logs what they found;
- `check_duplicates` (all_generators_finalized): two contents that would still be written to the
  same file (a clash the rule "slug" cannot see, e.g. from `Save_as:`) are an ERROR naming both,
  and the second is not written;
- `drop_outside_statics` (static_generator_finalized): a static file that is a link to outside
  the content folder is not copied (the rule "static" reported it).
"""

from __future__ import annotations

import logging
import os
from dataclasses import dataclass

from . import problems as problem_log
from .problems import ERROR, Problem
from .readers import LEDGER_KEY
from .sources import LINKED_KEY, display_name
from .verdict import Verdict, judge

JUDGED_KEY = "_CONTENT_GUARD_JUDGED"  # internal: a verdict the caller already has, for this build

logger = logging.getLogger(__name__)

CONTENT_LISTS = (
    "articles", "translations", "hidden_articles", "hidden_translations", "drafts",
    "drafts_translations", "pages", "hidden_pages", "draft_pages", "draft_translations",
)


@dataclass
class Ledger:
    """What the signals of one build share."""

    verdict: Verdict | None = None


def new_ledger(pelican) -> None:
    """`initialized` handler: a fresh ledger on Pelican's settings (the generators share them)."""
    pelican.settings[LEDGER_KEY] = Ledger()


def judge_content(readers) -> None:
    """`readers_init` handler: judge the content once per build and log every problem.

    A caller that has just judged the same content itself (the live preview) hands its verdict
    over in the settings (`JUDGED_KEY`), so it is not judged twice. What the per-file rules find
    is kept in CACHE_PATH (remembered.py): the next build judges again only the files that
    changed (on 2,000 posts the rules header, category, typo and markup took about 0.5 s)."""
    ledger = readers.settings.get(LEDGER_KEY)
    if ledger is None or ledger.verdict is not None:
        return
    ledger.verdict = readers.settings.get(JUDGED_KEY) or judge(
        readers.settings, effective=True, in_build=True, defer=True, remember=True)
    for problem in ledger.verdict.problems:
        problem_log.log(problem, logger)


def report_deferred(pelican) -> None:
    """`finalized` handler: log what the rules judged alongside the build found (warnings)."""
    ledger = pelican.settings.get(LEDGER_KEY)
    if ledger is not None and ledger.verdict is not None:
        for problem in ledger.verdict.complete():
            problem_log.log(problem, logger)


def _contents(generators):
    seen = set()
    for generator in generators:
        for name in CONTENT_LISTS:
            for item in getattr(generator, name, None) or []:
                if id(item) not in seen:
                    seen.add(id(item))
                    yield item


def check_duplicates(generators) -> None:
    """`all_generators_finalized`: an ERROR for each file written by two sources."""
    by_target: dict = {}
    for item in _contents(generators):
        target = getattr(item, "save_as", "")
        if target:
            by_target.setdefault(os.path.normpath(target), []).append(item)
    for target, items in sorted((t, i) for t, i in by_target.items() if len(i) > 1):
        settings = items[0].settings
        names = sorted(display_name(i.source_path, settings) for i in items)
        first = sorted(items, key=lambda i: display_name(i.source_path, settings))
        for item in first[1:]:
            _forget(generators, item)  # Pelican would stop the build when writing it twice
            name = display_name(item.source_path, settings)
            others = ", ".join(n for n in names if n != name)
            problem_log.log(Problem(
                name, None, "slug", ERROR,
                f"ไฟล์นี้กับ {others} จะถูกเขียนไปที่ {target} ทั้งคู่",
                f"this file and {others} would both be written to {target}",
                "ใส่ Slug: (หรือ Save_as:) ที่ไม่ซ้ำในไฟล์ใดไฟล์หนึ่ง",
                "give one of them a different Slug: (or Save_as:)",
            ), logger)


def _forget(generators, item) -> None:
    for generator in generators:
        for name in CONTENT_LISTS:
            items = getattr(generator, name, None)
            if isinstance(items, list):
                while item in items:
                    items.remove(item)


def drop_outside_statics(generator) -> None:
    """`static_generator_finalized`: never copy a static file that links outside content/."""
    root = os.path.realpath(generator.settings["PATH"])
    for static in list(generator.staticfiles):
        real = os.path.realpath(static.source_path)
        if os.path.commonpath([real, root]) != root:
            generator.staticfiles.remove(static)  # the rule "static" reported it


def linked_folders(content: str) -> list[str]:
    """Folders under `content` (relative, "/" separated) that are links to outside it."""
    root = os.path.realpath(content)
    found = []
    for dirpath, dirnames, _files in os.walk(content):  # links are not followed
        for name in list(dirnames):
            folder = os.path.join(dirpath, name)
            if os.path.islink(folder):
                dirnames.remove(name)
                real = os.path.realpath(folder)
                if os.path.commonpath([real, root]) != root:
                    found.append(os.path.relpath(folder, content).replace(os.sep, "/"))
    return sorted(found)


def exclude_linked_folders(pelican) -> None:
    """`initialized` handler: Pelican never walks into a folder linked to outside content/ (a link
    to /etc would have it list thousands of files); the rule "file" reports each such folder once."""
    settings = pelican.settings
    linked = linked_folders(settings["PATH"])
    settings[LINKED_KEY] = linked  # find_sources still reports them (sources.py)
    for key in ("ARTICLE_EXCLUDES", "PAGE_EXCLUDES", "STATIC_EXCLUDES"):
        settings[key] = list(settings.get(key) or []) + [f for f in linked if f not in (settings.get(key) or [])]

