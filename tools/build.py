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

import errno
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
) -> BuildResult:
    """Build the site described by `settings_file` into `output`.

    The build runs into `<output>.new`; only a build with no error (and, with `fatal_warnings`,
    no warning) replaces `output`. `postprocess(staging)`, if given, runs on the finished
    staging folder before the swap (tools/production.py); if it raises, the build fails.
    Returns what was reported.
    """
    stream = stream or sys.stderr
    target = Path(output).resolve()
    try:
        with output_lock(target, timeout=lock_timeout, say=lambda message: print(message, file=stream, flush=True)):
            return _build_locked(settings_file, target, overrides=overrides,
                                 fatal_warnings=fatal_warnings, quiet=quiet, stream=stream,
                                 postprocess=postprocess)
    except BuildLocked as exc:
        print(f"ERROR: {exc}", file=stream)
        return BuildResult(ok=False, errors=[str(exc)])


def _build_locked(settings_file, target: Path, *, overrides, fatal_warnings, quiet, stream,
                  postprocess) -> BuildResult:
    """`build` once the output folder's lock is held."""
    from pelican import Pelican
    from pelican.settings import read_settings

    from tools.build_cache import with_build_speedups
    from tools.pelican_adapter import forget_logged_messages

    settings_file = Path(settings_file).resolve()
    staging = target.with_name(target.name + ".new")
    _remove(staging)

    forget_logged_messages()
    collector = _Collector(stream, quiet)
    root_logger = logging.getLogger()
    previous_level = root_logger.level
    root_logger.addHandler(collector)
    root_logger.setLevel(logging.WARNING)
    started = time.perf_counter()
    cwd = os.getcwd()
    try:
        os.chdir(settings_file.parent)
        override = {"OUTPUT_PATH": str(staging)}
        override.update(overrides or {})
        settings = with_build_speedups(read_settings(str(settings_file), override=override))
        with plugin_receivers():
            Pelican(settings).run()
    except Exception as exc:  # report, do not dump a traceback on authors
        message = _describe_failure(exc)
        collector.errors.append(message)
        print(f"ERROR: {message}", file=stream)
        if os.environ.get("SITE_DEBUG"):
            traceback.print_exc(file=stream)
    finally:
        os.chdir(cwd)
        root_logger.removeHandler(collector)
        root_logger.setLevel(previous_level)

    failed = bool(collector.errors) or (fatal_warnings and bool(collector.warnings))
    if postprocess is not None and not failed:
        try:
            postprocess(staging)
        except Exception as exc:  # a failed post-processing step must not go live
            detail = "".join(traceback.format_exception_only(type(exc), exc)).strip()
            collector.errors.append(f"ขั้นตอนหลังสร้างเว็บไซต์ล้มเหลว / postprocess failed: {detail}")
            print(f"ERROR: ขั้นตอนหลังสร้างเว็บไซต์ล้มเหลว / postprocess failed: {detail}", file=stream)
            failed = True
    seconds = time.perf_counter() - started
    result = BuildResult(
        ok=not failed,
        errors=collector.errors,
        warnings=collector.warnings,
        seconds=seconds,
        problems=collector.problems,
    )
    if failed:
        shutil.rmtree(staging, ignore_errors=True)
        why = f"{len(collector.errors)} error(s), {len(collector.warnings)} warning(s)"
        print(
            f"สร้างเว็บไซต์ไม่สำเร็จ ({why}); เว็บไซต์เดิมใน {target.name}/ ยังอยู่ครบ / "
            f"build failed ({why}); the previous {target.name}/ is untouched",
            file=stream,
        )
        return result
    _swap_into_place(staging, target)
    result.output = target
    if not quiet:
        print(
            f"สร้างเว็บไซต์เสร็จใน {seconds:.1f} วินาที ({len(collector.warnings)} คำเตือน) / "
            f"built {target.name}/ in {seconds:.1f} s",
            file=stream,
        )
    return result
