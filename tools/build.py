"""Build the site with Pelican, report problems cleanly, and replace the output only on success.

Pelican's own command line ends with a traceback on a fatal error and folds log lines at the
terminal width. This runner counts every warning and error, prints each on one line (file name
first, as the plugins write them), and exits non-zero when the build must fail. The content
problems (content_guard's `Problem`, logged by the plugins' rules) are also kept as objects in
`BuildResult.problems`, so the same (file, line, rule) can be compared with `invoke check`.
The site is built into a fresh sibling directory and swapped into place only when the build
succeeded, so an interrupted or failed build never replaces a good published site. Only one
build writes an output folder at a time (tools/buildlock.py): a second one waits for the first.

Pelican's signals are process-wide and Pelican only ever connects plugins to them, so a second
build in the same process (tests, the live preview, benchmarks) would also run the plugins of the
first: `plugin_receivers()` notes every receiver connected during a build (blinker's
`receiver_connected`) and disconnects exactly those afterwards.
"""

from __future__ import annotations

import atexit
import errno
import gc
import hashlib
import logging
import os
import shutil
import sys
import time
import traceback
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from tools.buildlock import DEFAULT_TIMEOUT, BuildLocked, output_lock  # noqa: E402


@dataclass
class BuildResult:
    ok: bool
    errors: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    seconds: float = 0.0
    output: Path | None = None
    problems: list = field(default_factory=list)  # content_guard Problems among the messages
    rendered: int = 0  # pages (and feeds) rendered
    kept: int = 0  # pages kept from the last build (unchanged signature)
    changed_files: int = 0  # files of the output that are new or whose bytes changed
    removed_files: int = 0  # files of the last output that are gone
    read_from_cache: int = 0  # source files taken from the read cache
    read_again: int = 0  # source files read
    read_ahead: int = 0  # of those, read by a second process (tools/two_readers.py)
    writers: int = 1  # processes that wrote the pages (tools/two_writers.py)


class _Collector(logging.Handler):
    """Collects warnings and errors from every logger and echoes them on one line each."""

    def __init__(self, stream, quiet: bool):
        super().__init__(logging.WARNING)
        self.errors: list[str] = []
        self.warnings: list[str] = []
        self.problems: list = []
        self.stream = stream
        self.quiet = quiet

    def emit(self, record: logging.LogRecord) -> None:
        try:
            message = record.getMessage()
        except Exception:  # a malformed log call must not hide the problem
            message = str(record.msg)
        message = " ".join(message.split("\n")) if record.levelno < logging.ERROR else message
        problem = getattr(record, "problem", None)
        if problem is not None:
            self.problems.append(problem)
        if record.levelno >= logging.ERROR:
            self.errors.append(message)
            label = "ERROR"
        else:
            self.warnings.append(message)
            label = "WARNING"
        if not self.quiet:
            print(f"{label}: {message}", file=self.stream, flush=True)


def _remove(path: Path) -> None:
    """Remove whatever is at `path` (a folder, a file, or a symlink, never what it points to)."""
    if path.is_symlink() or (path.exists() and not path.is_dir()):
        path.unlink()
    elif path.exists():
        shutil.rmtree(path)


def _swap_into_place(new: Path, target: Path) -> None:
    """Put `new` where `target` is, keeping the old one until the new one is in place."""
    old = target.with_name(target.name + ".old")
    _remove(old)
    if target.exists() or target.is_symlink():
        os.replace(target, old)
    os.replace(new, target)
    try:
        _remove(old)
    except OSError:
        pass  # a leftover output.old is removed by the next build


def _describe_failure(exc: BaseException) -> str:
    """One line, Thai then English, for an exception that stopped the build."""
    if isinstance(exc, OSError) and exc.errno in (errno.ENOSPC, errno.EDQUOT):
        where = f" ({exc.filename})" if exc.filename else ""
        return (
            f"ดิสก์เต็ม เขียนไฟล์ไม่ได้{where}; ลบไฟล์ที่ไม่ใช้ (เช่น cache/ หรือ bench-work/) แล้วสร้างใหม่ "
            f"/ the disk is full, a file could not be written{where}; free some space "
            "(for example cache/ or bench-work/) and build again"
        )
    if isinstance(exc, OSError) and exc.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        where = f" ({exc.filename})" if exc.filename else ""
        return (
            f"ไม่มีสิทธิ์เขียนไฟล์{where}; ตรวจสิทธิ์ของโฟลเดอร์ผลลัพธ์ / permission denied{where}: "
            "check who may write the output folder"
        )
    if isinstance(exc, RecursionError):
        return (
            "เนื้อหาซ้อนกันลึกเกินไป (เช่น รายการย่อยหลายร้อยชั้น) จึงอ่านไม่ได้; ลดการซ้อนลง "
            "/ the content is nested too deeply (for example hundreds of list levels); flatten it"
        )
    detail = "".join(traceback.format_exception_only(type(exc), exc)).strip()
    return f"การสร้างเว็บไซต์หยุดกลางคัน / build stopped: {detail}"


@contextmanager
def plugin_receivers():
    """Disconnect, when the block ends, every receiver connected to Pelican's signals inside it
    (the plugins' `register()` runs when Pelican starts); nothing connected before is touched."""
    from blinker import Signal
    from pelican.plugins import signals

    pelican_signals = [s for s in vars(signals).values() if isinstance(s, Signal)]
    connected = []

    def note(signal, receiver, sender, weak):
        connected.append((signal, receiver, sender))

    for signal in pelican_signals:
        signal.receiver_connected.connect(note, weak=False)
    try:
        yield
    finally:
        for signal in pelican_signals:
            signal.receiver_connected.disconnect(note)
        for signal, receiver, sender in connected:
            signal.disconnect(receiver, sender)


_EXIT_QUICKLY = []  # [True] once `exit_without_final_collections` has run in this process


def exit_without_final_collections() -> None:
    """Have this process skip, when it exits, the interpreter's last garbage collections.

    At exit Python tears down its modules with full collections of every object left; after a
    build of 2,000 posts they took 0.45-0.7 s of a 3 s rebuild (the interpreter's exit alone),
    0.05-0.08 s once `gc.freeze()` has moved every object out of the collector's reach first.
    Nothing a build leaves depends on them: every file is written, closed and moved into place
    before `build` returns (the cache's too), and each forked helper has exited. What is skipped
    is freeing memory the system takes back anyway. Registered once per process."""
    if not _EXIT_QUICKLY:
        _EXIT_QUICKLY.append(True)
        atexit.register(gc.freeze)


def build(
    settings_file: str | os.PathLike = "pelicanconf.py",
    output: str | os.PathLike = "output",
    *,
    overrides: dict | None = None,
    fatal_warnings: bool = False,
    quiet: bool = False,
    stream=None,
    postprocess=None,
    lock_timeout: float = DEFAULT_TIMEOUT,
    two_writers: bool | None = None,
    two_readers: bool | None = None,
) -> BuildResult:
    """Build the site described by `settings_file` into `output`.

    The build runs into `<output>.new`; only a build with no error (and, with `fatal_warnings`,
    no warning) replaces `output`. `postprocess(staging, settings)`, if given, runs on the finished
    staging folder before the swap (tools/production.py); if it raises, the build fails.
    `two_writers`: write the pages in two processes (tools/two_writers.py); `two_readers`: read
    the articles in two (tools/two_readers.py); None decides by the size of the site and the
    number of cores. Returns what was reported.
    """
    stream = stream or sys.stderr
    target = Path(output).resolve()
    exit_without_final_collections()
    try:
        with output_lock(target, timeout=lock_timeout, say=lambda message: print(message, file=stream, flush=True)):
            return _build_locked(settings_file, target, overrides=overrides,
                                 fatal_warnings=fatal_warnings, quiet=quiet, stream=stream,
                                 postprocess=postprocess, two_writers=two_writers, two_readers=two_readers)
    except BuildLocked as exc:
        print(f"ERROR: {exc}", file=stream)
        return BuildResult(ok=False, errors=[str(exc)])


def _build_locked(settings_file, target: Path, *, overrides, fatal_warnings, quiet, stream,
                  postprocess, two_writers=None, two_readers=None) -> BuildResult:
    """`build` once the output folder's lock is held."""
    from pelican.settings import read_settings

    from tools.pelican_adapter import forget_logged_messages

    settings_file = Path(settings_file).resolve()
    staging = target.with_name(target.name + ".new")

    forget_logged_messages()
    collector = _Collector(stream, quiet)
    root_logger = logging.getLogger()
    previous_level = root_logger.level
    root_logger.addHandler(collector)
    root_logger.setLevel(logging.WARNING)
    started = time.perf_counter()
    cwd = os.getcwd()
    run = None
    try:
        os.chdir(settings_file.parent)
        override = {"OUTPUT_PATH": str(staging)}
        override.update(overrides or {})
        settings = read_settings(str(settings_file), override=override)
        run = _Run(settings, settings_file, target, staging, production=postprocess is not None,
                   two_writers=two_writers, two_readers=two_readers)
        run.pelican()
    except Exception as exc:  # report, do not dump a traceback on authors
        message = _describe_failure(exc)
        collector.errors.append(message)
        print(f"ERROR: {message}", file=stream)
        if os.environ.get("SITE_DEBUG"):
            traceback.print_exc(file=stream)
    finally:
        if run is not None:
            run.reads.close()
        os.chdir(cwd)
        root_logger.removeHandler(collector)
        root_logger.setLevel(previous_level)

    failed = bool(collector.errors) or (fatal_warnings and bool(collector.warnings))
    if postprocess is not None and not failed:
        try:
            postprocess(run.staging, run.settings)
        except Exception as exc:  # a failed post-processing step must not go live
            detail = "".join(traceback.format_exception_only(type(exc), exc)).strip()
            collector.errors.append(f"ขั้นตอนหลังสร้างเว็บไซต์ล้มเหลว / postprocess failed: {detail}")
            print(f"ERROR: ขั้นตอนหลังสร้างเว็บไซต์ล้มเหลว / postprocess failed: {detail}", file=stream)
            failed = True
    result = BuildResult(
        ok=not failed,
        errors=collector.errors,
        warnings=collector.warnings,
        problems=collector.problems,
    )
    if failed:
        if run is not None and run.mode == "apply":
            run.discard()
        else:
            shutil.rmtree(staging, ignore_errors=True)
        result.seconds = time.perf_counter() - started
        why = f"{len(collector.errors)} error(s), {len(collector.warnings)} warning(s)"
        print(
            f"สร้างเว็บไซต์ไม่สำเร็จ ({why}); เว็บไซต์เดิมใน {target.name}/ ยังอยู่ครบ / "
            f"build failed ({why}); the previous {target.name}/ is untouched",
            file=stream,
        )
        return result
    try:
        run.finish(result)
    except OSError as exc:  # a full disk while files are moved into place: said, never a traceback
        from tools.build_plan import BuildState

        BuildState.forget(run.settings, target)  # the next build renders and writes everything
        message = _describe_failure(exc)
        collector.errors.append(message)
        print(f"ERROR: {message}", file=stream)
        if run.mode == "apply":
            run.discard()
        else:
            shutil.rmtree(run.staging, ignore_errors=True)
        result.ok = False
        result.seconds = time.perf_counter() - started
        return result
    run.remember(result)
    result.output = target
    result.seconds = time.perf_counter() - started
    if not quiet:
        print(
            f"สร้างเว็บไซต์เสร็จใน {result.seconds:.1f} วินาที ({len(collector.warnings)} คำเตือน; "
            f"สร้างหน้าใหม่ {result.rendered} หน้า คงเดิม {result.kept} หน้า, ไฟล์ที่เปลี่ยน {result.changed_files}) / "
            f"built {target.name}/ in {result.seconds:.1f} s ({result.rendered} pages rendered, "
            f"{result.kept} kept, {result.changed_files} files changed)",
            file=stream,
        )
    return result


class _Run:
    """One Pelican run with the build's caches (tools/build_cache.py) and the plan of which pages
    to render again (tools/build_plan.py). How the output is replaced (`mode`):

    - "swap": into a fresh `<output>.new`, swapped into place (a production build, the first
      build, or a development build that makes the search index, which needs the whole site in
      one folder: there the pages the plan keeps are hard links to the published ones);
    - "apply": a development build without the search index into an existing folder: only what
      this build writes goes into a staging folder in CACHE_PATH/build, and on success each new
      or changed file is moved into the published folder and each file of the last build that is
      gone is removed.
    """

    def __init__(self, settings: dict, settings_file: Path, target: Path, staging: Path, production: bool,
                 two_writers: bool | None = None, two_readers: bool | None = None):
        from tools.build_cache import ReadCache, cache_folder, read_fingerprint, with_build_speedups, write_fingerprint
        from tools.build_plan import BuildState, Keeper, PagePlan, empty_files, manifest

        _plugins_importable(settings)
        self.settings = with_build_speedups(settings)
        self.target, self.production = target, production
        read_fp = read_fingerprint(settings, settings_file)
        self.write_fp = write_fingerprint(settings, read_fp)
        self.reads = ReadCache.load(cache_folder(settings), read_fp)
        self.state = None if production else BuildState.load(settings, target)
        self.mode = "apply" if not production and target.is_dir() and not _search_enabled(settings) else "swap"
        self.files = manifest(target) if self.mode == "apply" or self.state is not None else {}
        usable = self.state is not None and self.state.write_fingerprint == self.write_fp and self.files == self.state.files
        self.plan = PagePlan(self.state.signatures if usable else None, full=not usable)
        self.layout = None
        if self.mode == "apply":
            # Only what this build writes; its folders stay for the next build (removing a
            # folder costs a hundred times what removing a file does on the disks we build on).
            name = hashlib.blake2b(str(target).encode(), digest_size=8).hexdigest()
            self.staging = cache_folder(settings) / f"staging-{name}"
            settings["OUTPUT_PATH"] = str(self.staging)
            empty_files(self.staging)
        else:
            self.staging = staging
        _remove(staging)
        self.keeper = Keeper(target, self.staging, link=self.mode == "swap") if usable else None
        self.two_writers, self.two_readers = two_writers, two_readers
        self.read_ahead = 0  # articles the second reading process read
        self.split = None  # the run's tools.two_writers.Split, once Pelican has run

    def pelican(self) -> None:
        from pelican import signals

        from tools.build_cache import verdict_allows
        from tools.build_plan import layout_of
        from tools.pelican_adapter import cache_reads, planned_pelican_class, read_articles_ahead
        from tools.two_readers import ReadAhead
        from tools.two_writers import Split, worth_splitting

        allows = verdict_allows(self.settings)
        ahead = ReadAhead(self.reads, self.two_readers)

        def on_generator(generator):
            cache_reads(generator, self.reads, allows, before=ahead.before_read)
            read_articles_ahead(generator, ahead)

        holder = {"plan": self.plan, "keep": self.keeper}
        holder["split"] = Split(holder)

        def on_all_generators(generators):
            ahead.join()  # (the articles loop has taken the child's readings by now)
            self.layout = layout_of(generators)
            if self.state is not None and self.layout != self.state.layout:
                self.plan.full = True  # a category or a page of the menu changed: every page shows it
            articles = sum(len(getattr(g, "articles", None) or ()) for g in generators)
            holder["fork"] = worth_splitting(articles, self.two_writers)

        try:
            with plugin_receivers():
                signals.generator_init.connect(on_generator, weak=False)
                signals.all_generators_finalized.connect(on_all_generators, weak=False)
                planned_pelican_class(holder)(self.settings).run()
        finally:
            ahead.abandon()
        self.split = holder["split"]
        self.read_ahead = ahead.taken

    def discard(self) -> None:
        """After a failed build in "apply" mode: nothing of it stays (the folders stay empty)."""
        from tools.build_plan import empty_files

        empty_files(self.staging)

    def finish(self, result: BuildResult) -> None:
        """Put the built site in place (see `mode`) and count what changed."""
        from tools.build_plan import apply, settle

        result.rendered, result.kept = self.plan.rendered, self.plan.kept
        result.writers = 2 if self.split is not None and self.split.share is not None else 1
        kept = self.keeper.kept if self.keeper is not None else set()
        if self.mode == "apply":
            result.changed_files, result.removed_files = apply(self.staging, self.target, self.files, kept)
            return
        if self.files:
            result.changed_files, result.removed_files = settle(self.staging, self.target, self.files, kept)
        else:
            result.changed_files = sum(len(files) for _d, _s, files in os.walk(self.staging))
        _swap_into_place(self.staging, self.target)

    def remember(self, result: BuildResult) -> None:
        """After the swap: keep the read cache and this build's state for the next build."""
        from tools.build_plan import BuildState, manifest

        try:
            self.reads.save()
            if self.production:
                BuildState.forget(self.settings, self.target)
            else:
                BuildState(self.write_fp, self.layout or (), self.plan.current, manifest(self.target)).save(
                    self.settings, self.target)
        except OSError as exc:  # the site is built; only the next build is slower
            BuildState.forget(self.settings, self.target)
            print(f"WARNING: เขียนแคชของการสร้างไม่ได้ / could not write the build cache ({exc}); "
                  "the next build renders every page", file=sys.stderr)
        result.read_from_cache, result.read_again = self.reads.hits, self.reads.misses
        result.read_ahead = self.read_ahead


def _plugins_importable(settings: dict) -> None:
    """Put PLUGIN_PATHS on sys.path now, as Pelican does when it starts (the run asks the plugins
    before Pelican has loaded them)."""
    for path in settings.get("PLUGIN_PATHS") or []:
        if str(path) not in sys.path:
            sys.path.append(str(path))


def _search_enabled(settings: dict) -> bool:
    """Whether this build makes the search index (thai_search, with its defaults applied)."""
    from content_guard.verdict import effective_settings, enabled_plugins

    if "thai_search" not in enabled_plugins(settings):
        return False
    if "THAI_SEARCH_ENABLED" in settings:
        return bool(settings["THAI_SEARCH_ENABLED"])
    return bool(effective_settings(settings).get("THAI_SEARCH_ENABLED"))
