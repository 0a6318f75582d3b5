"""The content files of a site as the rules see them: which files, their text and their header.

`find_sources(settings)` lists the articles and pages Pelican will read (ARTICLE_PATHS and
PAGE_PATHS under PATH, their *_EXCLUDES, IGNORE_FILES and the file extensions of the enabled
readers), and `read_source(path, kind, settings)` reads one: decoded text (or the refusal),
lines, and the header from `source.read_header`. Nothing here writes a file.

`display_name(path, settings)` is the one place that turns a path into the name authors see in
every message: relative to the folder that holds the content folder (`content/news/x.md`).
"""

from __future__ import annotations

import fnmatch
import os
import re
import stat as stat_module
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from pathlib import Path

from .problems import Problem
from .source import (
    Header,
    Refused,
    check_location,
    check_regular,
    check_not_empty,
    check_size,
    decode_source,
    read_fields,
    read_header,
)

from .settings import DEFAULTS

ARTICLE, PAGE = "article", "page"
MAX_FILE_BYTES = DEFAULTS["CONTENT_GUARD_MAX_FILE_BYTES"][0]  # for a build without content_guard
STATUSES = ("published", "draft", "hidden")
# internal: folders linked to outside content/, which the build excludes (site_checks.py) and
# find_sources still lists, so that each is reported once
LINKED_KEY = "_CONTENT_GUARD_LINKED_FOLDERS"
FENCE = re.compile(r"^\s*(```|~~~)")


def outside_code_fences(numbered_lines):
    """(line number, text) of the lines given that are not in a fenced code block (nor its
    fences): what links, bullets and spelling are looked for in."""
    fenced = False
    for number, line in numbered_lines:
        if FENCE.match(line):
            fenced = not fenced
        elif not fenced:
            yield number, line


def project_root(settings: dict) -> str:
    """The folder that holds the content folder (PATH): what file names are relative to."""
    return os.path.dirname(os.path.abspath(settings.get("PATH") or "content"))


def display_name(path, settings: dict) -> str:
    """`path` as authors see it: relative to the project, "/" separated (`content/news/x.md`)."""
    full, root = os.path.abspath(path), project_root(settings)
    if full.startswith(root + os.sep) and root != os.sep:  # the usual case, without relpath's work
        return full[len(root) + 1 :].replace(os.sep, "/")
    rel = os.path.relpath(full, root)
    return str(path) if rel.startswith("..") else rel.replace(os.sep, "/")


@dataclass
class SourceFile:
    """One article or page: where it is, its text and its header (or why it cannot be read)."""

    path: Path  # absolute, as Pelican names it
    name: str  # as authors see it: content/news/x.md
    kind: str  # ARTICLE or PAGE
    text: str = ""
    header: Header = field(default_factory=Header)
    refused: Problem | None = None  # the file cannot be read (symlink, size, encoding, empty)
    markdown: bool = True  # a `Key: value` header (Markdown), not an HTML page
    _derived: dict = field(default_factory=dict, repr=False, compare=False)

    @cached_property
    def lines(self) -> list[str]:
        return self.text.split("\n")

    def derived(self, key, compute):
        """`compute()`, once: a value the rules derive from this file as it was read (its text
        and header never change; an edit gives a new SourceFile). `key` names the value and
        everything else it depends on (the settings it reads). The live preview judges the
        site on every save with the unchanged files' SourceFiles of the last verdict, so what
        they derived is not derived again."""
        if key not in self._derived:
            self._derived[key] = compute()
        return self._derived[key]

    def value(self, key: str) -> str:
        """The header's value of `key`, stripped ("" when absent)."""
        return (self.header.value(key) or "").strip()

    def line_of(self, key: str, default: int | None = None) -> int | None:
        found = self.header.line_of(key)
        return found if found is not None else default

    @property
    def status(self) -> str:
        return (self.value("status") or "published").lower()

    @property
    def body_lines(self):
        """(line number, text) of the body: every line after the header."""
        start = self.header.body_line
        return zip(range(start, len(self.lines) + 1), self.lines[start - 1:])


def read_source(path, kind: str, settings: dict, inside: dict | None = None) -> SourceFile:
    """Read one content file with the same refusals as the build's reader (content_guard).

    `inside` remembers, for many files, which folders are known to lie inside the content folder
    (a file that is not a link, in such a folder, needs no other test for where it really is)."""
    path = Path(os.path.abspath(path))
    source = SourceFile(path=path, name=display_name(path, settings), kind=kind,
                        markdown=path.suffix.lower() not in (".html", ".htm"))
    try:
        folder = os.path.dirname(path)
        if inside is None or not inside.get(folder) or os.path.islink(path):
            check_location(str(path), settings["PATH"])
            if inside is not None and not os.path.islink(path):
                inside[folder] = True
        else:
            check_regular(str(path))  # what check_location would also have refused
        check_size(path.stat().st_size, settings.get("CONTENT_GUARD_MAX_FILE_BYTES", MAX_FILE_BYTES))
        text = decode_source(path.read_bytes())
        check_not_empty(text)
    except Refused as refused:
        problem = refused.problem
        source.refused = problem if problem.file else problem.located(source.name)
        return source
    except OSError as exc:
        source.refused = Problem(source.name, None, "file", "error",
                                 f"เปิดไฟล์ไม่ได้ ({exc.strerror})", f"cannot open the file ({exc.strerror})")
        return source
    source.text = text
    suffix = path.suffix.lower()
    if source.markdown and suffix not in (".rst",):
        source.header = read_header(text)
    else:
        source.markdown = False
        source.header = read_fields(text, "rst" if suffix == ".rst" else "html")
    return source


def content_extensions(settings: dict) -> set[str]:
    """File extensions Pelican reads as articles and pages (as `pelican.readers.Readers` finds
    them: the enabled direct subclasses of BaseReader, then the READERS setting)."""
    from pelican.readers import BaseReader

    classes = {}
    for cls in [BaseReader, *BaseReader.__subclasses__()]:
        if getattr(cls, "enabled", False):
            for ext in cls.file_extensions:
                classes[ext] = cls
    classes.update(settings.get("READERS") or {})
    return {ext for ext, cls in classes.items() if cls is not None and ext != "static"}


def _ignored(name: str, patterns) -> bool:
    """Whether `name` matches one of the IGNORE_FILES `patterns`, as fnmatch would say."""
    return bool(patterns) and _ignore_pattern(tuple(patterns)).match(os.path.normcase(name)) is not None


@lru_cache(maxsize=8)
def _ignore_pattern(patterns: tuple) -> re.Pattern:
    """One pattern for all of them (a name is tested once, not once per pattern)."""
    return re.compile("|".join(fnmatch.translate(os.path.normcase(p)) for p in patterns))


def _walk(content: Path, folder: str, excludes, ignores, extensions, linked=()):
    base = content / folder if folder else content
    if base.is_file():
        yield base
        return
    excluded = {os.path.normpath(content / e) for e in excludes} - {os.path.normpath(content / f) for f in linked}
    real_root = os.path.realpath(content)
    for dirpath, dirnames, filenames in os.walk(base, followlinks=True):
        dirnames[:] = sorted(d for d in dirnames if not _ignored(d, ignores)
                             and os.path.normpath(os.path.join(dirpath, d)) not in excluded)
        for name in list(dirnames):
            folder = os.path.join(dirpath, name)
            real = os.path.realpath(folder)
            if os.path.islink(folder) and os.path.commonpath([real, real_root]) != real_root:
                dirnames.remove(name)  # never read what lies behind it: one problem for the folder
                yield Path(folder) / "(linked folder)"
        for name in sorted(filenames):
            if _ignored(name, ignores) or name.rsplit(".", 1)[-1] not in extensions:
                continue
            yield Path(dirpath) / name


def find_sources(settings: dict) -> list[SourceFile]:
    """Every article and page of the site, read (in the order Pelican lists them: by path)."""
    content = Path(os.path.abspath(settings["PATH"]))
    extensions = content_extensions(settings)
    ignores = settings.get("IGNORE_FILES") or []
    found: dict[Path, str] = {}
    for kind, paths, excludes in (
        (ARTICLE, settings.get("ARTICLE_PATHS") or [""], settings.get("ARTICLE_EXCLUDES") or []),
        (PAGE, settings.get("PAGE_PATHS") or [], settings.get("PAGE_EXCLUDES") or []),
    ):
        for folder in paths:
            for path in _walk(content, folder, excludes, ignores, extensions, settings.get(LINKED_KEY) or ()):
                found.setdefault(Path(os.path.abspath(path)), kind)
    inside: dict = {}
    sources = []
    real_folders: dict[str, str] = {}  # each folder's real path, found once

    def real_path(path: Path, stat) -> str:
        if stat_module.S_ISLNK(stat.st_mode):
            return os.path.realpath(path)
        folder, name = os.path.split(path)
        real = real_folders.get(folder)
        if real is None:
            real = real_folders[folder] = os.path.realpath(folder)
        return os.path.join(real, name)

    for path, kind in sorted(found.items()):
        try:
            stat = os.lstat(path)
            key = (str(path), kind, stat.st_mtime_ns, stat.st_size, real_path(path, stat),
                   settings["PATH"], settings.get("CONTENT_GUARD_MAX_FILE_BYTES"))
        except OSError:
            key = None
        source = _READ.get(key) if key else None
        if source is None:
            source = read_source(path, kind, settings, inside)
            if key:
                if len(_READ) > 50_000:
                    _READ.clear()
                _READ[key] = source
        sources.append(source)
    return sources


# Sources read before, by path, kind, time, size and where they really are: a file that did not
# change is not read again (the live preview judges the whole site after every save).
_READ: dict = {}


def sources_after_edits(sources: list[SourceFile], edited, settings: dict) -> list[SourceFile]:
    """What `find_sources(settings)` gives when, since it gave `sources`, only the files at the
    paths `edited` changed (none was added, removed or renamed): those are read again, the
    others kept (the live preview knows which files a save changed; walking the folder and
    looking at every file again cost about 0.1 s a save on 2,000 posts)."""
    edited = {os.path.abspath(path) for path in edited}
    return [read_source(s.path, s.kind, settings) if str(s.path) in edited else s for s in sources]
