"""Live preview: `invoke livereload` rebuilds what a saved edit changes and reloads the browser.

Vanilla Pelican rebuilds everything on every save (about 13 s for 2,000 posts). Here one
`PreviewSite` stays in memory between saves and each rebuild is a normal Pelican run (same
plugins, same signals, fresh context) with two shortcuts:

1. Reading: a source file whose modification time and size did not change is not read again.
   Its content object is taken from memory as it was right after it was read (after the
   `content_object_init` plugins ran, before any generator-level plugin touched it) and copied, so
   the plugins that work on whole lists (summaries, neighbours, galleries) see fresh objects.
2. Writing: every page records which content objects it shows (the article, its neighbours and
   related articles, the articles of a list page). A page is rendered again only when one of
   them changed or the list itself changed; every other page stays as it is on disk.
3. The edited page first: when a save changed one article's body and none of its metadata, the
   run reads that article first and writes its page at once, in the last run's context
   (tools/early_page.py); the live server reloads the browser then, while the run goes on in a
   thread of its own, and again at its end only if something else changed.

A change to a template, to the theme, to pelicanconf.py, to the site dictionary or to a gallery
makes a full rebuild. The search index (Pagefind) is built on full rebuilds only. A full rebuild
(the first one too) takes each file that did not change from the build's read cache, which
`invoke build` and the preview share, and the verdict keeps what the per-file rules found in
CACHE_PATH (content_guard/remembered.py): a second start reads and judges only what changed.

Before each rebuild the content is judged with the plugins' rules (content_guard's verdict, the
same `invoke check` and every build use). A saved source that now has an ERROR is not read
again: its last good version stays in memory and on the page, and the problem panel that the live
server adds to every page (tools/preview_panel.py; never written into the output) lists each
problem with its file, line and fix until the author saves a fixed file.

The few Pelican internals this needs are overridden in tools/pelican_adapter.py, nowhere else.

`measure_preview_latency(...)` measures "save -> page updated" the way the live server sees it
(looking for saved files when the file system reports a change, tools/file_events.py) for the
benchmark.
"""

from __future__ import annotations

import copy
import logging
import os
import statistics
import sys
import threading
import time
import uuid
from dataclasses import dataclass, field
from itertools import chain
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
for _path in (ROOT, ROOT / "plugins"):
    if str(_path) not in sys.path:
        sys.path.insert(0, str(_path))

from content_guard.site_checks import JUDGED_KEY  # noqa: E402
from content_guard.sources import display_name, sources_after_edits  # noqa: E402
from content_guard.verdict import effective_settings, judge  # noqa: E402

from tools.build_plan import Plan, layout_of, listing_digest, source_of  # noqa: E402
from tools.file_events import FileEvents, skipped  # noqa: E402

logger = logging.getLogger(__name__)

# When the live server looks for saved files (livereload's own watcher: every 0.8 s, and it
# ignores a second save within 3 s): as soon as the file system reports a change
# (tools/file_events.py; checked every TICK_SECONDS), and every POLL_SECONDS anyway.
POLL_SECONDS = 1.0
TICK_SECONDS = 0.02
# How long a reload waits for a browser that is between two pages (its connection to the live
# server comes back with the new page) before it is dropped (no browser is watching).
RECONNECT_SECONDS = 3.0


@dataclass
class RebuildReport:
    """What one rebuild did."""

    kind: str  # "full", "incremental" or "none"
    changed: list[str] = field(default_factory=list)  # content-relative paths
    rendered: int = 0  # pages rendered
    kept: int = 0  # pages left as they were
    seconds: float = 0.0
    errors: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    problems: list = field(default_factory=list)  # the Problems the build logged
    kept_last_good: list[str] = field(default_factory=list)  # sources shown as they last were
    read_from_cache: int = 0  # sources a full build took from the build's read cache
    early_page: str | None = None  # the page written before the rest (tools/early_page.py)
    early_seconds: float | None = None  # from the refresh's start to that page in place
    early_same: bool | None = None  # whether the run then wrote the same bytes

    @property
    def ok(self) -> bool:
        return not self.errors


# -- memory of read content ---------------------------------------------------------------------


def _stamp(path: Path):
    try:
        st = path.stat()
    except OSError:
        return None
    return (st.st_mtime_ns, st.st_size)


def detached_copy(obj, context=None):
    """A new content object with the same state; containers one level deep are copied."""
    clone = copy.copy(obj)
    state = {}
    for key, value in obj.__dict__.items():
        if key in ("_context", "settings"):
            state[key] = value
        elif isinstance(value, (dict, list, set)):
            state[key] = value.copy()
        else:
            state[key] = value
    if context is not None:
        state["_context"] = context
    clone.__dict__.update(state)
    return clone


class ContentMemory:
    """Content objects as read, by (generator kind, path relative to the content folder).

    The PreviewSite scans the folder before every run and calls `forget()` for what changed, so
    every remembered object is current. Pelican's file lists are remembered too, until a file
    is added or removed.
    """

    def __init__(self, content_dir: Path):
        self.content_dir = content_dir
        self._items: dict[tuple[str, str], object] = {}
        self.file_lists: dict = {}
        self.forgotten: dict = {}

    def clear(self) -> None:
        self._items.clear()
        self.file_lists.clear()

    def forget(self, paths, files_added_or_removed: bool) -> None:
        """Forget what was read from `paths`; `forgotten` keeps it until the next call, by path
        relative to the content folder (the early page compares the new reading with it)."""
        self.forgotten = {}
        for path in paths:
            try:
                rel = Path(path).relative_to(self.content_dir).as_posix()
            except ValueError:
                continue
            for key in [k for k in self._items if k[1] == rel]:
                self.forgotten[rel] = self._items.pop(key)
        if files_added_or_removed:
            self.file_lists.clear()

    def holds(self, path) -> bool:
        """Whether a content object read from `path` is remembered."""
        try:
            rel = Path(path).relative_to(self.content_dir).as_posix()
        except ValueError:
            return False
        return any(key[1] == rel for key in self._items)

    def get(self, kind: str, rel: str, context):
        snapshot = self._items.get((kind, rel))
        return None if snapshot is None else detached_copy(snapshot, context)

    def put(self, kind: str, rel: str, obj) -> None:
        self._items[(kind, rel)] = detached_copy(obj)


# -- writing only what changed ----------------------------------------------------------------


class WritePlan(Plan):
    """Decides, page by page, whether a page must be rendered again.

    Each page (keyed by the source path of its article or page, or by its output name for list
    pages and feeds) remembers which sources it showed. A page is rendered when that list
    changed, when its own source changed, or when an article it shows changed in what lists
    show of it (tools/build_plan.py's `listing_digest`: title, date, summary...). A body edit
    thus rewrites the article and, only if what lists show of it changed, the list pages.
    """

    def __init__(self, previous: dict, listings: dict, changed: set[str], full: bool):
        super().__init__(previous, full)  # key -> sources shown in the last run
        self.listings = listings  # source -> listing_digest() in the last run
        self.changed = changed  # normalised source paths
        self._listing_changed: dict[str, bool] = {}

    def listing_changed(self, source: str, obj) -> bool:
        if source not in self._listing_changed:
            now = listing_digest(obj)
            self._listing_changed[source] = self.listings.get(source) != now
            self.listings[source] = now
        return self._listing_changed[source]

    def needs(self, key, shown, extra=()) -> bool:
        if key in self.decided:
            return self.decided[key]
        sources = tuple(source_of(o) for o in shown)

        def shown_changed() -> bool:
            if not self.changed or self.changed.isdisjoint(sources):
                return False
            return (key == sources[0] and key in self.changed) or any(
                self.listing_changed(s, o) for s, o in zip(sources, shown) if s in self.changed)

        return self.decide(key, (tuple(extra), sources), shown_changed)


class _MemoryBytecodeCache:
    """Jinja bytecode cache kept in memory for the life of the preview server."""

    def __new__(cls):
        from jinja2 import BytecodeCache

        class Cache(BytecodeCache):
            def __init__(self):
                self.store: dict[str, bytes] = {}

            def load_bytecode(self, bucket):
                data = self.store.get(bucket.key)
                if data is not None:
                    bucket.bytecode_from_string(data)

            def dump_bytecode(self, bucket):
                self.store[bucket.key] = bucket.bytecode_to_string()

        return Cache()


# -- the site kept warm -----------------------------------------------------------------------


class PreviewSite:
    """A Pelican site kept in memory; `refresh()` rebuilds only what changed on disk."""

    def __init__(self, settings_file=ROOT / "pelicanconf.py", output=ROOT / "output", overrides=None,
                 stream=None, quiet=False):
        self.settings_file = Path(settings_file).resolve()
        self.output = Path(output).resolve()
        self.overrides = dict(overrides or {})
        self.stream = stream or sys.stderr
        self.quiet = quiet
        self.settings = self._read_settings()
        self.content_dir = Path(os.path.abspath(self.settings["PATH"]))  # as Pelican names sources
        self.memory = ContentMemory(self.content_dir)
        self.signatures: dict = {}  # page key -> sources it showed
        self.listings: dict = {}  # source -> what lists showed of it
        self.save_as: dict[str, tuple[str, str]] = {}  # source path -> (generator, output name)
        self.layout = None  # page titles and categories (build_plan.layout_of): a change rewrites every page
        self.verdict = None  # the content's problems as judged before the last rebuild
        self._stamps: dict[str, object] = {}
        self._next_stamps: dict[str, object] = {}
        self.last_run = None  # what the next save's early page is drawn in (tools/early_page.py)
        self._lock = threading.Lock()
        # Compiled templates survive between runs (each run makes new Jinja environments); a
        # template whose source changed is compiled again (Jinja compares a checksum).
        self.bytecode_cache = _MemoryBytecodeCache()

    # settings and files ------------------------------------------------------------------------

    def _read_settings(self) -> dict:
        from pelican.settings import read_settings

        override = {"OUTPUT_PATH": str(self.output), "DELETE_OUTPUT_DIRECTORY": False}
        override.update(self.overrides)
        cwd = os.getcwd()
        try:
            os.chdir(self.settings_file.parent)
            return read_settings(str(self.settings_file), override=override)
        finally:
            os.chdir(cwd)

    def watched_roots(self) -> list[Path]:
        theme = Path(self.settings["THEME"]).resolve()
        return [self.content_dir, theme, self.settings_file]

    def file_events(self, fallback: float = POLL_SECONDS) -> FileEvents:
        """What tells the live server when to look for saved files (its own output excluded)."""
        return FileEvents(self.watched_roots(), ignored=[self.output], fallback=fallback)

    def _scan(self) -> dict[str, object]:
        """(modification time, size) of every watched file, by path (strings: 2,000 paths as
        Path objects cost more than the scan itself)."""
        stamps = {}
        for root in self.watched_roots():
            if root.is_file():
                stamps[str(root)] = _stamp(root)
                continue
            folders = [str(root)]
            while folders:
                folder = folders.pop()
                try:
                    entries = list(os.scandir(folder))
                except OSError:
                    continue
                for entry in entries:
                    name = entry.name
                    try:
                        if entry.is_dir():  # as os.walk: a link to a folder is not followed
                            if not skipped(name, folder=True) and not entry.is_symlink():
                                folders.append(entry.path)
                            continue
                        if skipped(name):
                            continue
                        st = entry.stat()
                        stamps[entry.path] = (st.st_mtime_ns, st.st_size)
                    except OSError:
                        stamps[entry.path] = None
        return stamps

    def changes(self) -> set[Path]:
        """Files added, changed or removed since the last rebuild."""
        now = self._scan()
        changed = {Path(p) for p in now.keys() | self._stamps.keys() if now.get(p) != self._stamps.get(p)}
        self._next_stamps = now
        return changed

    def _needs_full(self, changed: set[Path]) -> bool:
        settings = effective_settings(self.settings)
        full_rebuild = (settings.get("GALLERY_SOURCE_DIR") or "galleries", settings.get("THAI_TEXT_DICTIONARY") or "")
        for path in changed:
            try:
                rel = path.relative_to(self.content_dir).as_posix()
            except ValueError:
                return True  # theme, templates or settings
            if any(rel == name or rel.startswith(name.rstrip("/") + "/") for name in full_rebuild if name):
                return True
        return False  # sources are re-read; static files are copied by the static generator

    # judging -----------------------------------------------------------------------------------

    def _judge(self, full: bool = False, edited=None) -> None:
        """The verdict on the content as it is on disk now: `invoke check`'s, every rule
        included (the plugins remember what unchanged files gave, so a save costs little). Before
        a full build content_guard also keeps it in CACHE_PATH, so the next start costs little
        too (not on every save: reading and writing that store costs 0.1-0.25 s on 2,000 posts).
        `edited`: when only these files changed since the last verdict (none added or removed),
        the others' sources are taken from it."""
        sources = None
        last = self.verdict.site if self.verdict is not None else None
        if edited is not None and last is not None:
            sources = sources_after_edits(last.sources, edited, last.settings)
        # Every rule is judged in this process, also at a full build (a build judges the warning
        # rules in a forked one): the spelling rule's memo must stay here, or the next save
        # judges every file's spelling again (about 2 s on 2,000 posts).
        self.verdict = judge(self.settings, remember=full, sources=sources)

    def _with_errors(self, paths) -> set[Path]:
        """The changed sources that now have an ERROR and whose last good version is in memory."""
        bad = set()
        for path in paths:
            name = display_name(path, self.settings)
            if self.verdict.has_error(name) and self.memory.holds(path):
                bad.add(path)
        return bad

    def problems(self) -> list[dict]:
        """The current problems for the preview panel: each Problem, its `where`, and the URL of
        the page it belongs to (None for a photo or a file with no page)."""
        pages = {}
        for source, (_kind, save_as) in list(self.save_as.items()):  # a rebuild may be running
            pages[display_name(source, self.settings)] = "/" + save_as.removesuffix("index.html")
        return [{**p.as_dict(), "where": p.where, "page": pages.get(p.file)}
                for p in (self.verdict.problems if self.verdict else [])]

    # building ----------------------------------------------------------------------------------

    def full_build(self) -> RebuildReport:
        """Read and write everything (also after template, theme or settings changes)."""
        with self._lock:
            self.settings = self._read_settings()
            self.memory.clear()
            self.signatures, self.listings = {}, {}
            self._judge(full=True)
            return self._run(kind="full", changed_paths=set(), full=True)

    def refresh(self, on_early=None) -> RebuildReport:
        """Rebuild what changed on disk since the last build; kind "none" if nothing did.

        A changed source that now has an ERROR keeps its last good version (from memory): its page
        and the lists that show it stay as they were, and the preview panel says why. When the
        save changed one article's body only, its page is written first (tools/early_page.py)
        and `on_early(output name)` is called then, while the rest of the run goes on.
        """
        started = time.perf_counter()
        with self._lock:
            changed = self.changes()
            if not changed:
                return RebuildReport(kind="none")
            if self._needs_full(changed):
                self.settings = self._read_settings()
                self.memory.clear()
                self._judge(full=True)
                return self._run(kind="full", changed_paths=changed, full=True)
            added_or_removed = self._next_stamps.keys() != self._stamps.keys()
            self._judge(edited=None if added_or_removed else changed)
            kept = self._with_errors(changed)
            self.memory.forget(changed - kept, added_or_removed)
            early = None
            if not added_or_removed:
                from tools.early_page import EarlyPage

                early = EarlyPage(self.last_run, {os.path.abspath(str(p)) for p in changed - kept},
                                  self.memory.forgotten, str(self.output), started, on_early)
            report = self._run(kind="incremental", changed_paths=changed, full=False, unchanged=kept,
                               early=early)
            report.kept_last_good = sorted(display_name(p, self.settings) for p in kept)
            return report

    def _run(self, kind: str, changed_paths: set[Path], full: bool, unchanged=frozenset(),
             early=None) -> RebuildReport:
        """`_write` under the output folder's lock: the preview writes into output/ itself, so it
        waits while `invoke build` swaps a new site in, and a build waits for it."""
        from tools.buildlock import output_lock

        with output_lock(self.output, say=lambda message: print(message, file=self.stream, flush=True)):
            return self._write(kind, changed_paths, full, unchanged, early)

    def _write(self, kind: str, changed_paths: set[Path], full: bool, unchanged=frozenset(),
               early=None) -> RebuildReport:
        from pelican import signals

        from tools.build import _Collector, plugin_receivers
        from tools.build_cache import verdict_allows
        from tools.pelican_adapter import (cache_reads, forget_logged_messages, forget_rendered_content,
                                           read_articles_ahead, warm_pelican_class, with_fast_readers)
        from tools.two_readers import ReadAhead
        from tools.two_writers import Split, worth_splitting

        started = time.perf_counter()
        # Stamps as scanned before the run: edits saved during the run trigger the next one.
        self._stamps = self._next_stamps if not full or changed_paths else self._scan()
        changed = set()
        changed_rel = []
        for path in changed_paths:
            try:
                rel = path.relative_to(self.content_dir)
            except ValueError:  # theme or settings: named relative to the project
                changed_rel.append(Path(os.path.relpath(path, self.settings_file.parent)).as_posix())
                continue
            if path not in unchanged:
                changed.add(os.path.abspath(str(path)))
            changed_rel.append(rel.as_posix())
        report = RebuildReport(kind=kind, changed=sorted(changed_rel))
        settings = dict(self.settings)
        # A full build takes what a build (`invoke build`, or the last start) read of each file
        # that did not change from the build's read cache: same settings, same readers.
        reads = self._read_cache(settings) if full else None
        settings["READERS"] = with_fast_readers(settings.get("READERS") or {})
        # Pelican's Markdown reader adds its extensions to MARKDOWN: a copy keeps the settings the
        # verdict compares unchanged (else every rule that depends on MARKDOWN judges every file
        # again on the next save: 8 s on 2,000 posts).
        settings["MARKDOWN"] = copy.deepcopy(self.settings.get("MARKDOWN") or {})
        settings["JINJA_ENVIRONMENT"] = {**settings.get("JINJA_ENVIRONMENT", {}), "bytecode_cache": self.bytecode_cache}
        if not full:
            settings["THAI_SEARCH_ENABLED"] = False  # Pagefind runs on full rebuilds only
        settings[JUDGED_KEY] = self.verdict  # judged just now: the build logs it, not judges it again
        plan = WritePlan(self.signatures, self.listings, changed, full)
        holder = {"plan": plan, "atomic": True}  # the live server may be sending pages meanwhile
        if full:  # pages written by two processes (the first build, before the server's threads)
            holder["split"] = Split(holder)
        if early is not None:
            holder["read"] = early.offer
            holder["first"] = {Path(p).relative_to(self.content_dir).as_posix() for p in changed}
        created: list = []
        warm_pelican = warm_pelican_class(self.memory, created, holder)
        layout_holder = {}

        ahead = ReadAhead(reads) if reads is not None else None  # a full build: articles read on two cores

        def remember_layout(generators):
            if ahead is not None:
                ahead.join()
            if full:
                holder["fork"] = worth_splitting(sum(len(getattr(g, "articles", None) or ()) for g in generators), None)
            layout_holder["layout"] = layout_of(generators)
            if not plan.full and self.layout is not None and layout_holder["layout"] != self.layout:
                plan.full = True  # a category or a page title changed: every page shows it

        def on_generator(generator):
            cache_reads(generator, reads, verdict_allows(settings), before=ahead.before_read)
            read_articles_ahead(generator, ahead)  # (not beside the live server's threads: two_readers)

        forget_logged_messages()
        collector = _Collector(self.stream, self.quiet)
        # The live server answers requests in another thread meanwhile: its messages are not the build's.
        collector.addFilter(lambda record, me=threading.get_ident(): record.thread == me)
        root_logger = logging.getLogger()
        previous_level = root_logger.level
        root_logger.addHandler(collector)
        root_logger.setLevel(logging.WARNING)
        signals.all_generators_finalized.connect(remember_layout)
        cwd = os.getcwd()
        crashed = False
        try:
            os.chdir(self.settings_file.parent)
            with plugin_receivers():
                if reads is not None:
                    signals.generator_init.connect(on_generator, weak=False)
                warm_pelican(settings).run()
        except Exception as exc:  # keep serving; the author fixes the file and saves again
            crashed = True
            collector.errors.append(f"การสร้างตัวอย่างหยุดกลางคัน / preview build stopped: {exc!r}")
            print(f"ERROR: การสร้างตัวอย่างหยุดกลางคัน / preview build stopped: {exc!r}", file=self.stream)
        finally:
            if ahead is not None:
                ahead.abandon()
            os.chdir(cwd)
            signals.all_generators_finalized.disconnect(remember_layout)
            root_logger.removeHandler(collector)
            root_logger.setLevel(previous_level)
            forget_rendered_content()  # or memory grows on every save

        self.last_run = None
        if early is not None and early.written is not None:
            report.early_page, report.early_seconds = early.written[0], early.seconds
            report.early_same = early.same_as_written()
        if not crashed:  # a content error (one file not read) still leaves a consistent site
            self.last_run = _last_run(created)
            if reads is not None:
                try:
                    reads.save()
                except OSError:
                    pass  # only the next start reads every file again
                report.read_from_cache = reads.hits
            self.signatures = plan.current if plan.full else {**self.signatures, **plan.current}
            if "layout" in layout_holder:
                self.layout = layout_holder["layout"]
            self._forget_removed_outputs(created, changed, plan.full)
            if plan.full:
                self.listings = {}
                for generator in created:
                    for article in getattr(generator, "articles", None) or []:
                        self.listings[source_of(article)] = listing_digest(article)
        report.rendered, report.kept = plan.rendered, plan.kept
        report.errors, report.warnings = collector.errors, collector.warnings
        report.problems = collector.problems
        report.seconds = time.perf_counter() - started
        return report

    def _read_cache(self, settings: dict):
        """The build's read cache (tools/build_cache.py), with the readers every build uses. Its
        fingerprint is taken as `invoke build` takes it (the preview's own template cache and
        verdict left out), so the preview and the build share what they read."""
        from tools.build_cache import ReadCache, cache_folder, read_fingerprint, with_build_speedups

        as_built = with_build_speedups(dict(self.settings))
        return ReadCache.load(cache_folder(settings), read_fingerprint(as_built, self.settings_file))

    def _forget_removed_outputs(self, generators, changed: set[str], full: bool) -> None:
        """Delete the page of an article that was deleted, renamed or made a draft."""
        present = {}
        for generator in generators:
            for attr in ("articles", "translations", "hidden_articles", "hidden_translations", "drafts",
                         "drafts_translations", "pages", "hidden_pages", "draft_pages"):
                for obj in getattr(generator, attr, None) or []:
                    present[source_of(obj)] = (type(generator).__name__, obj)
        for source in list(self.save_as):
            if source not in present and os.path.exists(source):
                continue  # could not be read this time (the log says why): keep its last page
            if source not in present or source in changed:
                kind, old = self.save_as.pop(source)
                obj = present.get(source, (None, None))[1]
                if obj is None or obj.save_as != old:
                    stale = self.output / old
                    if stale.is_file():
                        stale.unlink()
                    self.signatures.pop(source, None)
        for source, (kind, obj) in present.items():
            if full or source not in self.save_as:
                if getattr(obj, "save_as", None):
                    self.save_as[source] = (kind, obj.save_as)

    def output_of(self, source) -> Path | None:
        """The output file of a source file (absolute, or relative to the content folder)."""
        path = Path(source)
        path = path if path.is_absolute() else self.content_dir / path
        item = self.save_as.get(os.path.abspath(str(path)))
        return self.output / item[1] if item else None

    def article_sources(self) -> list[str]:
        return sorted(s for s, (kind, _) in self.save_as.items() if kind == "ArticlesGenerator")


def _last_run(generators):
    """The articles generator's context and articles at the end of a run (tools/early_page.py)."""
    from tools.early_page import LastRun

    for generator in generators:
        if type(generator).__name__ == "ArticlesGenerator":
            articles = {source_of(a): a for a in chain(generator.articles, generator.drafts)}
            return LastRun(generator.context, articles, generator.articles)
    return None


def describe(report: RebuildReport) -> str:
    """One Thai line (English after) for the terminal."""
    if report.kind == "none":
        return "ไม่มีไฟล์เปลี่ยน / nothing changed"
    what = ", ".join(report.changed[:3]) + (" ..." if len(report.changed) > 3 else "")
    kind = "สร้างใหม่ทั้งเว็บไซต์" if report.kind == "full" else "สร้างเฉพาะส่วนที่เปลี่ยน"
    status = "สำเร็จ" if report.ok else f"มีข้อผิดพลาด {len(report.errors)} รายการ"
    if report.kept_last_good:
        status += f" (แสดงฉบับก่อนหน้าของ {', '.join(report.kept_last_good)})"
    if report.early_seconds is not None:
        status += f" (หน้าที่แก้พร้อมแสดงใน {report.early_seconds:.2f} วินาที)"
    return (
        f"{kind} {status} ใน {report.seconds:.2f} วินาที (เขียน {report.rendered} หน้า คงเดิม {report.kept} หน้า)"
        f"{' : ' + what if what else ''} / {report.kind} rebuild in {report.seconds:.2f} s"
        + (f" (the edited page in {report.early_seconds:.2f} s)" if report.early_seconds is not None else "")
    )


# -- live server --------------------------------------------------------------------------------


class SiteWatcher:
    """A livereload watcher that asks the PreviewSite what changed and rebuilds it.

    Once started (`start`, by the live server), each rebuild runs in a thread of its own, so the
    server keeps answering while it runs: when the file system reports a change (and every
    POLL_SECONDS anyway) a rebuild starts unless one is running. livereload calls `examine()`
    when the rebuild has something to show; it returns the changed path and livereload reloads
    the browser: once when the edited page was written first (tools/early_page.py), and again
    when the rebuild is done, unless the page written first is what the rebuild wrote and it
    rendered no other page. A reload that finds no browser connected (one is between two pages,
    its connection comes back with the new one) waits for it up to RECONNECT_SECONDS, and what
    is ready by then makes one reload. Not started (tests), `examine()` rebuilds in place.
    """

    def __init__(self, site: PreviewSite, poll_seconds: float = POLL_SECONDS, stream=None, requests=None):
        self.site = site
        self.requests = requests  # the server's (tools/preview_panel.Requests): given way to after the early page
        self.poll_seconds = poll_seconds
        self.stream = stream or sys.stderr
        self.filepath = None
        self._tasks = {str(root): None for root in site.watched_roots()}
        self._changes: list = []  # livereload queues its own restart here
        self._ready: list = []  # ("early", output name, when) or ("done", RebuildReport, when), in order
        self._worker: threading.Thread | None = None
        self._started = False

    def watch(self, path, func=None, delay=None, ignore=None):
        self._tasks[str(path)] = func

    def start(self, callback) -> bool:
        from tornado import ioloop

        events = self.site.file_events(self.poll_seconds)
        self._started = True

        def tick():
            if self._changes or self._ready:
                callback()  # (a reload kept for a reconnecting browser does not hold back the next rebuild)
            if (self._worker is None or not self._worker.is_alive()) and events.due():
                self._worker = threading.Thread(target=self._rebuild, name="preview-rebuild", daemon=True)
                self._worker.start()

        ioloop.PeriodicCallback(tick, int(TICK_SECONDS * 1000)).start()
        return True

    def _early(self, name: str) -> None:
        """The edited page is in place: livereload reloads the browser (`examine`), and the
        rebuild waits while the browser loads the page, which it would slow (tools/preview_panel.py)."""
        from livereload.handlers import LiveReloadHandler

        self._ready.append(("early", name, time.monotonic()))
        if self._started and self.requests is not None and LiveReloadHandler.waiters:
            self.requests.give_way()

    def _rebuild(self) -> None:
        try:
            report = self.site.refresh(on_early=self._early)
        except Exception as exc:  # keep serving; the next save tries again
            print(f"ERROR: การสร้างตัวอย่างหยุดกลางคัน / preview build stopped: {exc!r}", file=self.stream, flush=True)
            return
        if report.kind != "none":
            print(describe(report), file=self.stream, flush=True)  # warnings were printed as they came
        self._ready.append(("done", report, time.monotonic()))

    def examine(self):
        from livereload.handlers import LiveReloadHandler

        if self._changes:
            return self._changes.pop()
        if not self._started:  # rebuild now
            self._rebuild()
            self._ready = [item for item in self._ready if item[0] == "done"]
        if not self._ready:
            return None, None
        if self._started and not LiveReloadHandler.waiters and time.monotonic() - self._ready[0][2] < RECONNECT_SECONDS:
            return None, None  # the browser is between two pages (a reload): the reload waits for it
        path = None
        while self._ready:  # all that is ready, in one reload
            what, value, _ = self._ready.pop(0)
            if what == "early":
                path = value
                continue
            report = value
            if report.kind == "none":
                continue
            if not (self._started and report.early_same and report.rendered <= 1):
                path = report.changed[0] if report.changed else "*"
            # else: the page written first is the page, and no other was rendered
        self.filepath = path
        return path, None


def serve_with_livereload(settings_file=ROOT / "pelicanconf.py", output=ROOT / "output",
                          host="127.0.0.1", port=8000, overrides=None) -> None:
    """Build, serve `output` at http://host:port/ with the problem panel, rebuild on save and
    reload the browser."""
    from livereload.handlers import LiveReloadHandler

    from tools.preview_panel import PreviewServer, Requests

    site = PreviewSite(settings_file, output, overrides=overrides)
    print("กำลังสร้างเว็บไซต์ครั้งแรก... / first build...", file=sys.stderr, flush=True)
    print(describe(site.full_build()), file=sys.stderr, flush=True)

    LiveReloadHandler.DEFAULT_RELOAD_TIME = 0  # reload after every save, not once per 3 s
    requests = Requests()
    server = PreviewServer(site, SiteWatcher(site, requests=requests), requests)
    print(
        f"ดูตัวอย่างได้ที่ http://{host}:{port}/ (บันทึกไฟล์แล้วหน้าเว็บจะโหลดใหม่เอง ปัญหาในเนื้อหาแสดงท้ายหน้า "
        f"กด Ctrl+C เพื่อหยุด) / previewing at http://{host}:{port}/",
        file=sys.stderr,
        flush=True,
    )
    server.serve(root=str(site.output), host=host, port=port, open_url_delay=None)  # absolute: rebuilds chdir


# -- measuring ----------------------------------------------------------------------------------


def measure_preview_latency(content_dir, output_dir, cache_dir=None, *, reps: int = 3,
                            settings_file=ROOT / "pelicanconf.py", overrides: dict | None = None,
                            poll_seconds: float = POLL_SECONDS, timeout: float = 120.0) -> dict:
    """Seconds from saving an edited post to its page being updated on disk, as under livereload
    (the page written first, tools/early_page.py, when the edit allows it; the rest of the run's
    time is in "rebuild_s").

    Builds the site in `output_dir` once (not timed), then `reps` times appends a sentence with
    a unique marker to a different post and waits until its output page contains the marker,
    while a background loop calls `refresh()` when the live server would (SiteWatcher: on the
    file system's events, and every `poll_seconds` anyway).
    Returns {"median_s", "runs_s", "rebuild_s" (the Pelican run of each refresh: the scan and the
    verdict before it are not in it), "early_s" (from each refresh's start to its page written
    first), "first_build_s", "poll_s", "file_events" (bursts of events the file system reported),
    "posts"}. Each save comes after the run of the one before has ended. The content folder is
    edited: pass a copy.
    """
    content_dir = Path(content_dir).resolve()
    settings = {"PATH": str(content_dir)}
    if cache_dir:
        settings["CACHE_PATH"] = str(Path(cache_dir).resolve())
    settings.update(overrides or {})
    site = PreviewSite(settings_file, output_dir, overrides=settings, quiet=True)
    started = time.perf_counter()
    first = site.full_build()
    first_seconds = time.perf_counter() - started
    if not first.ok:
        raise RuntimeError(f"first preview build failed: {first.errors[:3]}")
    posts = site.article_sources()
    if not posts:
        raise RuntimeError("no article to edit in the preview corpus")

    rebuilds: list[float] = []
    early: list[float] = []
    stop = threading.Event()
    events = site.file_events(poll_seconds)

    def poll_loop():
        while not stop.is_set():
            if events.due():
                report = site.refresh()
                if report.kind != "none":
                    if report.early_seconds is not None:
                        early.append(report.early_seconds)
                    rebuilds.append(report.seconds)
            stop.wait(TICK_SECONDS)

    poller = threading.Thread(target=poll_loop, daemon=True)
    poller.start()
    latencies = []
    try:
        time.sleep(0.3)  # let the first look see the built site
        for rep in range(reps):
            source = Path(posts[(rep * 7919) % len(posts)])
            rel = source.relative_to(content_dir)
            marker = f"preview{uuid.uuid4().hex[:12]}"
            target = site.output_of(rel)
            runs_before = len(rebuilds)
            with source.open("a", encoding="utf-8") as out:
                out.write(f"\n\nแก้ไขเพิ่มเติม {marker} ผู้สนใจสอบถามได้ที่สายด่วน 1546\n")
            saved = time.perf_counter()
            while True:
                try:
                    if marker in target.read_text(encoding="utf-8"):
                        break
                except OSError:
                    pass
                if time.perf_counter() - saved > timeout:
                    raise RuntimeError(f"the page of {rel} was not updated within {timeout} s")
                time.sleep(0.02)
            latencies.append(time.perf_counter() - saved)
            # The next edit comes once the run that wrote this page is over (it goes on after the
            # page written first) and the reload is done, as an author's would: each save is
            # measured from a preview at rest.
            while len(rebuilds) == runs_before and time.perf_counter() - saved < timeout:
                time.sleep(0.02)
            time.sleep(0.3)
    finally:
        stop.set()
        poller.join(timeout=timeout)
        events.close()
    return {
        "median_s": statistics.median(latencies),
        "runs_s": latencies,
        "rebuild_s": rebuilds,
        "early_s": early,
        "first_build_s": first_seconds,
        "poll_s": poll_seconds,
        "file_events": events.delivered,
        "posts": len(posts),
    }
