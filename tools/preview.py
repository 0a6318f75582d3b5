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

A change to a template, to the theme, to pelicanconf.py, to the site dictionary or to a gallery
makes a full rebuild. The search index (Pagefind) is built on full rebuilds only.

`measure_preview_latency(...)` measures "save -> page updated" the way the live server sees it
(polling every 0.8 s, as livereload does) for the benchmark.
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
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

logger = logging.getLogger(__name__)

# livereload's server looks for changes every 0.8 s (handlers.LiveReloadHandler.start_tasks).
LIVERELOAD_POLL_SECONDS = 0.8
# Changes under these (relative to the content folder) need a full rebuild.
FULL_REBUILD_CONTENT = ("galleries", "dictionary.txt")
# Attributes of an article that other articles are shown through (site_meta's neighbours).
REFERENCE_ATTRIBUTES = ("newer_in_category", "older_in_category", "related", "prev_article", "next_article")


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


def _detached_copy(obj, context=None):
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
    """Content objects as read, by (generator kind, path relative to the content folder)."""

    def __init__(self, content_dir: Path):
        self.content_dir = content_dir
        self._items: dict[tuple[str, str], tuple[object, object]] = {}

    def clear(self) -> None:
        self._items.clear()

    def get(self, kind: str, rel: str, context):
        item = self._items.get((kind, rel))
        if item is None:
            return None
        stamp, snapshot = item
        if stamp is None or stamp != _stamp(self.content_dir / rel):
            del self._items[(kind, rel)]
            return None
        return _detached_copy(snapshot, context)

    def put(self, kind: str, rel: str, obj) -> None:
        self._items[(kind, rel)] = (_stamp(self.content_dir / rel), _detached_copy(obj))


def _remembering(base, memory: ContentMemory, created: list):
    """A subclass of a caching generator class that reads unchanged files from `memory`."""

    class Remembering(base):
        def __init__(self, *args, **kwargs):
            super().__init__(*args, **kwargs)
            created.append(self)

        def get_cached_data(self, filename, default=None):
            found = memory.get(base.__name__, Path(filename).as_posix(), self.context)
            return default if found is None else found

        def cache_data(self, filename, data):
            memory.put(base.__name__, Path(filename).as_posix(), data)

        def save_cache(self):
            pass

    Remembering.__name__ = base.__name__  # plugins and logs see the usual name
    Remembering.__qualname__ = base.__qualname__
    return Remembering


# -- writing only what changed ----------------------------------------------------------------


def _source(obj) -> str | None:
    path = getattr(obj, "source_path", None)
    return os.path.normpath(path) if path else None


def _shown_objects(kwargs_or_context: dict):
    """Content objects a page shows, in order: its article or page and what it links to, or the
    articles of a list page."""
    shown = []
    for key in ("article", "page"):
        obj = kwargs_or_context.get(key)
        if obj is not None:
            shown.append(obj)
            for attr in REFERENCE_ATTRIBUTES:
                ref = getattr(obj, attr, None)
                if isinstance(ref, (list, tuple)):
                    shown.extend(ref)
                elif ref is not None:
                    shown.append(ref)
    if not shown:
        page = kwargs_or_context.get("articles_page")
        if page is not None:
            shown.extend(page.object_list)
        else:
            shown.extend(kwargs_or_context.get("articles") or ())
    return shown


class WritePlan:
    """Decides, page by page, whether a page must be rendered again; remembers what each showed."""

    def __init__(self, output: Path, previous: dict, changed: set[str], full: bool):
        self.output = output
        self.previous = previous  # output name -> signature from the last run
        self.current: dict = {}
        self.changed = changed  # normalised source paths
        self.full = full
        self.rendered = 0
        self.kept = 0

    def needs(self, name: str, shown, extra=()) -> bool:
        sources = tuple(_source(o) for o in shown)
        signature = (tuple(extra), sources, tuple(getattr(o, "title", "") for o in shown[:1]))
        self.current[name] = signature
        render = (
            self.full
            or self.previous.get(name) != signature
            or any(s in self.changed for s in sources)
            or not (self.output / name).exists()
        )
        if render:
            self.rendered += 1
        else:
            self.kept += 1
        return render


class _PlannedTemplate:
    """Wraps a Jinja template: paginated pages that did not change are kept as they are on disk."""

    def __init__(self, template, plan: WritePlan):
        self.template = template
        self.plan = plan

    def render(self, localcontext):
        name = localcontext.get("output_file")
        paginator = localcontext.get("articles_paginator")
        page = localcontext.get("articles_page")
        extra = (paginator.num_pages, page.number) if paginator is not None and page is not None else ()
        if name and not self.plan.needs(name, _shown_objects(localcontext), extra):
            try:
                return (self.plan.output / name).read_text(encoding="utf-8")
            except OSError:
                pass
        return self.template.render(localcontext)

    def __getattr__(self, attr):
        return getattr(self.template, attr)


def _planned_writer_class(plan_holder: dict):
    from pelican.writers import Writer

    class PlannedWriter(Writer):
        """Pelican's writer that skips pages the plan says are unchanged."""

        def write_file(self, name, template, context, relative_urls=False, paginated=None,
                       template_name=None, override_output=False, url=None, **kwargs):
            plan = plan_holder.get("plan")
            if plan is None or not name:
                return super().write_file(name, template, context, relative_urls, paginated,
                                          template_name, override_output, url, **kwargs)
            lists = paginated if paginated is not None else {
                k: v for k, v in kwargs.items() if k in ("articles", "dates")}
            is_paginated = bool(lists) and template_name in self.settings["PAGINATED_TEMPLATES"]
            if not is_paginated and not plan.needs(name, _shown_objects(kwargs)):
                return None
            return super().write_file(name, _PlannedTemplate(template, plan), context, relative_urls,
                                      paginated, template_name, override_output, url, **kwargs)

    return PlannedWriter


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
        self.content_dir = Path(self.settings["PATH"]).resolve()
        self.memory = ContentMemory(self.content_dir)
        self.signatures: dict = {}
        self.save_as: dict[str, str] = {}  # source (content-relative) -> output name
        self.layout = None  # categories and page titles: a change rewrites every page
        self._stamps: dict[Path, object] = {}
        self._lock = threading.Lock()

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

    def _scan(self) -> dict[Path, object]:
        stamps = {}
        for root in self.watched_roots():
            if root.is_file():
                stamps[root] = _stamp(root)
                continue
            for dirpath, dirnames, filenames in os.walk(root):
                dirnames[:] = [d for d in dirnames if not d.startswith(".")]
                for name in filenames:
                    if name.startswith(".#") or name.endswith(("~", ".swp", ".tmp")):
                        continue
                    path = Path(dirpath) / name
                    stamps[path] = _stamp(path)
        return stamps

    def changes(self) -> set[Path]:
        """Files added, changed or removed since the last rebuild."""
        now = self._scan()
        changed = {p for p in now.keys() | self._stamps.keys() if now.get(p) != self._stamps.get(p)}
        return changed

    def _needs_full(self, changed: set[Path]) -> bool:
        for path in changed:
            try:
                rel = path.relative_to(self.content_dir).as_posix()
            except ValueError:
                return True  # theme, templates or settings
            if rel.startswith(FULL_REBUILD_CONTENT):
                return True
            if path.suffix.lower() not in (".md", ".markdown", ".html", ".rst"):
                continue  # static files are copied by the static generator on any run
        return False

    # building ----------------------------------------------------------------------------------

    def full_build(self) -> RebuildReport:
        """Read and write everything (also after template, theme or settings changes)."""
        with self._lock:
            self.settings = self._read_settings()
            self.memory.clear()
            self.signatures = {}
            return self._run(kind="full", changed_paths=set(), full=True)

    def refresh(self) -> RebuildReport:
        """Rebuild what changed on disk since the last build; kind "none" if nothing did."""
        with self._lock:
            changed = self.changes()
            if not changed:
                return RebuildReport(kind="none")
            if self._needs_full(changed):
                self.settings = self._read_settings()
                self.memory.clear()
                return self._run(kind="full", changed_paths=changed, full=True)
            return self._run(kind="incremental", changed_paths=changed, full=False)

    def _run(self, kind: str, changed_paths: set[Path], full: bool) -> RebuildReport:
        from pelican import Pelican
        from pelican import log as pelican_log  # noqa: F401  (installs Pelican's logger class)
        from pelican import signals
        from pelican.contents import Content
        from pelican.generators import CachingGenerator

        from tools.build import _Collector

        started = time.perf_counter()
        self._stamps = self._scan()  # edits saved during the run trigger the next one
        changed = set()
        changed_rel = []
        for path in changed_paths:
            try:
                rel = path.relative_to(self.content_dir)
            except ValueError:
                continue
            changed.add(os.path.normpath(str(path)))
            changed_rel.append(rel.as_posix())
        report = RebuildReport(kind=kind, changed=sorted(changed_rel))
        settings = dict(self.settings)
        if not full:
            settings["SEARCH_ENABLED"] = False  # Pagefind runs on full rebuilds only
        plan = WritePlan(self.output, self.signatures, changed, full)
        holder = {"plan": plan}
        created: list = []
        memory = self.memory
        writer_class = _planned_writer_class(holder)

        class WarmPelican(Pelican):
            def _get_generator_classes(self):
                return [
                    _remembering(cls, memory, created) if issubclass(cls, CachingGenerator) else cls
                    for cls in super()._get_generator_classes()
                ]

            def _get_writer(self):
                return writer_class(self.output_path, settings=self.settings)

        layout_holder = {}

        def remember_layout(generators):
            layout_holder["layout"] = self._layout(generators)
            if not plan.full and self.layout is not None and layout_holder["layout"] != self.layout:
                plan.full = True  # a category or a page title changed: every page shows it

        collector = _Collector(self.stream, self.quiet)
        root_logger = logging.getLogger()
        previous_level = root_logger.level
        root_logger.addHandler(collector)
        root_logger.setLevel(logging.WARNING)
        signals.all_generators_finalized.connect(remember_layout)
        cwd = os.getcwd()
        try:
            os.chdir(self.settings_file.parent)
            WarmPelican(settings).run()
        except Exception as exc:  # keep serving; the author fixes the file and saves again
            collector.errors.append(f"การสร้างตัวอย่างหยุดกลางคัน / preview build stopped: {exc!r}")
            print(f"ERROR: การสร้างตัวอย่างหยุดกลางคัน / preview build stopped: {exc!r}", file=self.stream)
        finally:
            os.chdir(cwd)
            signals.all_generators_finalized.disconnect(remember_layout)
            root_logger.removeHandler(collector)
            root_logger.setLevel(previous_level)
            # Pelican memoizes rendered content per object; drop it or memory grows on every save.
            for name in ("get_content", "get_summary"):
                cached = getattr(Content.__dict__.get(name), "cache", None)
                if cached is not None:
                    cached.clear()

        if not collector.errors:
            self.signatures = plan.current if plan.full else {**self.signatures, **plan.current}
            if "layout" in layout_holder:
                self.layout = layout_holder["layout"]
            self._forget_removed_outputs(created)
        report.rendered, report.kept = plan.rendered, plan.kept
        report.errors, report.warnings = collector.errors, collector.warnings
        report.seconds = time.perf_counter() - started
        return report

    @staticmethod
    def _layout(generators):
        pages, categories = [], set()
        for generator in generators:
            for page in getattr(generator, "pages", None) or []:
                pages.append((page.title, page.url))
            for category, _ in getattr(generator, "categories", None) or []:
                categories.add(str(category))
        return (tuple(sorted(pages)), tuple(sorted(categories)))

    def _forget_removed_outputs(self, generators) -> None:
        """Delete the page of an article that was removed, renamed or made a draft."""
        now = {}
        for generator in generators:
            for attr in ("articles", "translations", "hidden_articles", "hidden_translations", "drafts",
                         "drafts_translations", "pages", "hidden_pages", "draft_pages"):
                for obj in getattr(generator, attr, None) or []:
                    rel = getattr(obj, "relative_source_path", None)
                    if rel and getattr(obj, "save_as", None):
                        now[rel] = obj.save_as
        for rel, old in self.save_as.items():
            if now.get(rel) != old:
                stale = self.output / old
                if stale.is_file():
                    stale.unlink()
                    self.signatures.pop(old, None)
        self.save_as = now

    def output_of(self, content_rel: str) -> Path | None:
        """The output file of a source (path relative to the content folder)."""
        name = self.save_as.get(content_rel)
        return self.output / name if name else None


def describe(report: RebuildReport) -> str:
    """One Thai line (English after) for the terminal."""
    if report.kind == "none":
        return "ไม่มีไฟล์เปลี่ยน / nothing changed"
    what = ", ".join(report.changed[:3]) + (" ..." if len(report.changed) > 3 else "")
    kind = "สร้างใหม่ทั้งเว็บไซต์" if report.kind == "full" else "สร้างเฉพาะส่วนที่เปลี่ยน"
    status = "สำเร็จ" if report.ok else f"มีข้อผิดพลาด {len(report.errors)} รายการ"
    return (
        f"{kind} {status} ใน {report.seconds:.2f} วินาที (เขียน {report.rendered} หน้า คงเดิม {report.kept} หน้า)"
        f"{' : ' + what if what else ''} / {report.kind} rebuild in {report.seconds:.2f} s"
    )


# -- live server --------------------------------------------------------------------------------


def serve_with_livereload(settings_file=ROOT / "pelicanconf.py", output=ROOT / "output",
                          host="127.0.0.1", port=8000) -> None:
    """Build, serve `output` at http://host:port/, rebuild on save and reload the browser."""
    from livereload import Server

    site = PreviewSite(settings_file, output)
    print("กำลังสร้างเว็บไซต์ครั้งแรก... / first build...", file=sys.stderr, flush=True)
    print(describe(site.full_build()), file=sys.stderr, flush=True)

    def rebuild():
        report = site.refresh()
        if report.kind != "none":
            print(describe(report), file=sys.stderr, flush=True)

    server = Server()
    for root in site.watched_roots():
        server.watch(str(root), rebuild)
    print(
        f"ดูตัวอย่างได้ที่ http://{host}:{port}/ (บันทึกไฟล์แล้วหน้าเว็บจะโหลดใหม่เอง กด Ctrl+C เพื่อหยุด) / "
        f"previewing at http://{host}:{port}/",
        file=sys.stderr,
        flush=True,
    )
    server.serve(root=str(output), host=host, port=port, open_url_delay=None)


# -- measuring ----------------------------------------------------------------------------------


def measure_preview_latency(content_dir, output_dir, cache_dir=None, *, reps: int = 3,
                            settings_file=ROOT / "pelicanconf.py", overrides: dict | None = None,
                            poll_seconds: float = LIVERELOAD_POLL_SECONDS, timeout: float = 120.0) -> dict:
    """Seconds from saving an edited post to its page being updated on disk, as under livereload.

    Builds the site in `output_dir` once (not timed), then `reps` times appends a sentence with
    a unique marker to a different post and waits until its output page contains the marker,
    while a background loop calls `refresh()` every `poll_seconds` like livereload's server.
    Returns {"median_s", "runs_s", "rebuild_s" (time of each refresh itself), "first_build_s",
    "poll_s", "posts"}. The content folder is edited: pass a copy.
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
    posts = sorted(rel for rel in site.save_as if rel.startswith("news/") or "/" not in rel)
    posts = [p for p in posts if site.memory._items.get(("ArticlesGenerator", p))]
    if not posts:
        raise RuntimeError("no article to edit in the preview corpus")

    rebuilds: list[float] = []
    stop = threading.Event()

    def poll_loop():
        while not stop.is_set():
            report = site.refresh()
            if report.kind != "none":
                rebuilds.append(report.seconds)
            stop.wait(poll_seconds)

    poller = threading.Thread(target=poll_loop, daemon=True)
    poller.start()
    latencies = []
    try:
        time.sleep(poll_seconds)  # let the first poll see the built site
        for rep in range(reps):
            rel = posts[(rep * 7919) % len(posts)]
            source = content_dir / rel
            marker = f"preview{uuid.uuid4().hex[:12]}"
            target = site.output_of(rel)
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
            time.sleep(poll_seconds)  # the next edit comes after the reload, as an author's would
    finally:
        stop.set()
        poller.join(timeout=timeout)
    return {
        "median_s": statistics.median(latencies),
        "runs_s": latencies,
        "rebuild_s": rebuilds,
        "first_build_s": first_seconds,
        "poll_s": poll_seconds,
        "posts": len(posts),
    }
