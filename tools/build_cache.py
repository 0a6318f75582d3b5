"""What a build keeps in CACHE_PATH for the next one (speed only: the output is the same).

- `template_cache(settings)`: Jinja's compiled templates. Pelican makes one Jinja environment per
  generator, so each template used to be compiled four or five times per build; with one bytecode
  cache the first environment compiles it and the others (and the next build) load it. Jinja
  compares each cached entry with a checksum of the template's source, and the folder is named
  after the environment's options and Jinja's version, so a changed template or option is
  compiled again.
- `ReadCache`: what Pelican's readers returned for each source file (the HTML and the metadata,
  after content_guard, thai_date and Markdown), keyed by the file's path and a hash of its bytes,
  with every warning and error the reading logged. A file found there is not read again: its
  messages are logged again instead, so a cached file still reports its problems (a bad date, a
  removed `<script>`). A file that the build's verdict (content_guard) now gives an ERROR is
  always read, so the reader skips it as before. Everything the reading depends on besides the
  file (settings, the plugins' and tools' code, the versions of Pelican, Markdown, nh3...) is in
  the cache's fingerprint: when it changes, every file is read again.
- `fingerprint(...)`: that digest (`read_fingerprint`), and the one of what rendering depends on
  besides the content (`write_fingerprint`: also the theme, the galleries and the site
  dictionary), which tools/build_plan.py compares before it keeps any page.

Pickles in CACHE_PATH are trusted like the code next to them (the folder belongs to the site).
"""

from __future__ import annotations

import hashlib
import io
import logging
import os
import pickle
import stat
import sys
from datetime import date, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FORMAT = 1  # bump when what the cache files hold changes meaning
# Packages whose version changes what reading or rendering gives.
PACKAGES = ("pelican", "markdown", "jinja2", "markupsafe", "nh3", "nlpo3", "pythainlp", "pillow")
logger = logging.getLogger(__name__)


def _digest(*parts) -> str:
    return hashlib.blake2b(repr(parts).encode("utf-8"), digest_size=16).hexdigest()


def cache_folder(settings: dict) -> Path:
    """CACHE_PATH/build, where the read cache and the build state live."""
    return Path(settings.get("CACHE_PATH") or "cache") / "build"


def template_cache(settings: dict):
    """A Jinja bytecode cache in CACHE_PATH/jinja-<options>/ for the JINJA_ENVIRONMENT of `settings`."""
    import jinja2
    from jinja2 import FileSystemBytecodeCache

    options = {k: v for k, v in (settings.get("JINJA_ENVIRONMENT") or {}).items() if k != "bytecode_cache"}
    name = _digest(sorted(options.items(), key=str), jinja2.__version__)[:16]
    folder = Path(settings.get("CACHE_PATH") or "cache") / f"jinja-{name}"
    folder.mkdir(parents=True, exist_ok=True)
    return FileSystemBytecodeCache(str(folder))


def with_build_speedups(settings: dict) -> dict:
    """`settings` with the readers and template cache every build uses (tools/pelican_adapter.py)."""
    from tools.pelican_adapter import with_fast_readers

    settings["READERS"] = with_fast_readers(settings.get("READERS") or {})
    jinja = dict(settings.get("JINJA_ENVIRONMENT") or {})
    if "bytecode_cache" not in jinja:
        jinja["bytecode_cache"] = template_cache(settings)
    settings["JINJA_ENVIRONMENT"] = jinja
    return settings


# -- fingerprints ------------------------------------------------------------------------------


def _plain(value, depth: int = 0):
    """`value` if it is made of plain data (str, numbers, lists, dicts...), else a marker."""
    if depth > 6:
        return "..."
    if value is None or isinstance(value, (str, int, float, bool, date, datetime)):
        return value
    if isinstance(value, (list, tuple, set, frozenset)):
        items = [_plain(v, depth + 1) for v in value]
        return sorted(items, key=repr) if isinstance(value, (set, frozenset)) else items
    if isinstance(value, dict):
        return sorted(((repr(k), _plain(v, depth + 1)) for k, v in value.items()), key=repr)
    if isinstance(value, type):
        return f"{value.__module__}.{value.__qualname__}"
    return f"<{type(value).__name__}>"


def _files_digest(paths, by_content: bool) -> str:
    """A digest of every file under `paths` (folders walked): by content, or by size and time."""
    h = hashlib.blake2b(digest_size=16)
    for base in paths:
        base = Path(base)
        files = [base] if base.is_file() else sorted(p for p in base.rglob("*") if p.is_file()) if base.is_dir() else []
        for path in files:
            if "__pycache__" in path.parts:
                continue
            h.update(str(path).encode("utf-8", "surrogateescape") + b"\0")
            try:
                if by_content:
                    h.update(path.read_bytes())
                else:
                    st = path.stat()
                    h.update(f"{st.st_size} {st.st_mtime_ns}".encode())
            except OSError:
                h.update(b"?")
    return h.hexdigest()


def _versions() -> list:
    from importlib.metadata import PackageNotFoundError, version

    found = []
    for name in PACKAGES:
        try:
            found.append((name, version(name)))
        except PackageNotFoundError:
            found.append((name, None))
    return [sys.version, found]


def read_fingerprint(settings: dict, settings_file: Path) -> str:
    """What reading a source file depends on besides the file: settings, code, versions."""
    plain = {k: _plain(v) for k, v in settings.items() if not k.startswith("_") and k != "OUTPUT_PATH"}
    # The plugins, and the build runner's own modules (not tools/bench, tools/wordpress...).
    code = [Path(p) for p in settings.get("PLUGIN_PATHS") or []] + sorted((ROOT / "tools").glob("*.py"))
    configs = sorted(Path(settings_file).resolve().parent.glob("*.py"))
    return _digest(FORMAT, _plain(plain), _files_digest(configs, True), _files_digest(code, True), _versions())


def write_fingerprint(settings: dict, read_fp: str) -> str:
    """What rendering depends on besides the content: the reading's fingerprint, the theme (and
    template overrides), the galleries and the site dictionary (by file size and time)."""
    content = Path(settings.get("PATH") or ".")
    watched = [Path(settings.get("THEME") or "theme"), *map(Path, settings.get("THEME_TEMPLATES_OVERRIDES") or [])]
    watched.append(content / (settings.get("GALLERY_SOURCE_DIR") or "galleries"))
    dictionary = settings.get("THAI_TEXT_DICTIONARY") or "dictionary.txt"
    return _digest(read_fp, _files_digest(watched, False), _files_digest([content / dictionary], True))


# -- messages logged while a file is read ------------------------------------------------------

_RECORD_KEYS = ("name", "levelno", "levelname", "pathname", "filename", "module", "lineno", "funcName",
                "problem", "limit_msg")


class LogCapture(logging.Handler):
    """Copies every WARNING and ERROR that reaches the root logger (they still go everywhere)."""

    def __init__(self):
        super().__init__(logging.WARNING)
        self.records: list[dict] = []

    def emit(self, record: logging.LogRecord) -> None:
        try:
            message = record.getMessage()
        except Exception:  # noqa: BLE001 - the build's own handler reports it as it is
            message = str(record.msg)
        kept = {k: getattr(record, k) for k in _RECORD_KEYS if hasattr(record, k)}
        kept.update(msg=message, args=None)
        self.records.append(kept)


def replay(records: list[dict]) -> None:
    """Log again what reading a file logged the first time (same logger, level and Problem)."""
    for fields in records:
        record = logging.makeLogRecord(fields)
        logging.getLogger(fields.get("name")).handle(record)


# -- what the readers returned --------------------------------------------------------------------


class _Pickler(pickle.Pickler):
    """Pickles reader metadata without the settings: Pelican's Category, Tag and Author hold the
    settings dict; they are stored by class and name and made again with this build's settings."""

    def __init__(self, file, settings: dict):
        super().__init__(file, protocol=pickle.HIGHEST_PROTOCOL)
        self.settings = settings

    def persistent_id(self, obj):
        from pelican.urlwrappers import URLWrapper

        if obj is self.settings:
            return ("settings",)
        if isinstance(obj, URLWrapper):
            if obj.__dict__.get("settings") is not self.settings or not obj._slug_from_name:
                raise pickle.PicklingError("a URLWrapper with its own slug or settings")
            return ("wrapper", type(obj).__module__, type(obj).__qualname__, obj.name)
        return None


class _Unpickler(pickle.Unpickler):
    def __init__(self, file, settings: dict):
        super().__init__(file)
        self.settings = settings

    def persistent_load(self, pid):
        if pid[0] == "settings":
            return self.settings
        if pid[0] == "wrapper":
            module = sys.modules[pid[1]]
            cls = module
            for part in pid[2].split("."):
                cls = getattr(cls, part)
            return cls(pid[3], self.settings)
        raise pickle.UnpicklingError(f"unknown persistent id {pid!r}")


def file_digest(path: str | os.PathLike) -> str | None:
    """A hash of the bytes of the regular file at `path`; None for anything else (a named pipe
    would block the build: such a file is left to content_guard's reader, which refuses it)."""
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK)
    except OSError:
        return None
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            return None
        with os.fdopen(fd, "rb", closefd=False) as handle:
            return hashlib.blake2b(handle.read(), digest_size=16).hexdigest()
    except OSError:
        return None
    finally:
        os.close(fd)


class ReadCache:
    """Reader results by (reader cache name, source path, hash of its bytes); see the module
    docstring. `install(readers)` (tools/pelican_adapter.py) makes Pelican's `Readers` use it."""

    FILE = "reads.pickle"

    def __init__(self, folder: Path | None, fingerprint: str):
        self.folder = folder
        self.fingerprint = fingerprint
        self.entries: dict[tuple, tuple] = {}
        self.used: set[tuple] = set()
        self.changed = False  # entries added this build
        self.hits = 0
        self.misses = 0
        self.settings: dict | None = None
        self._reading: tuple | None = None  # (key, capture) of the file being read
        self.read_sources: set[str] = set()  # files read (not taken from the cache) in this build
        self.read_ahead: set[str] = set()  # of those, read by a second process (tools/two_readers.py)

    @classmethod
    def load(cls, folder: Path, fingerprint: str) -> "ReadCache":
        cache = cls(folder, fingerprint)
        try:
            with open(folder / cls.FILE, "rb") as handle:
                data = pickle.load(handle)
            if data.get("format") == FORMAT and data.get("fingerprint") == fingerprint:
                cache.entries = data["entries"]
        except FileNotFoundError:
            pass
        except Exception as exc:  # noqa: BLE001 - a damaged cache is read again, never fatal
            logger.info("build cache: ignoring %s (%s)", folder / cls.FILE, exc)
        return cache

    def save(self) -> None:
        """Write the entries used in this build (a source that is gone drops out)."""
        if self.folder is None or (not self.changed and self.used == set(self.entries)):
            return
        keep = {k: v for k, v in self.entries.items() if k in self.used}
        self.folder.mkdir(parents=True, exist_ok=True)
        tmp = self.folder / f"{self.FILE}.{os.getpid()}.tmp"
        with open(tmp, "wb") as handle:
            pickle.dump({"format": FORMAT, "fingerprint": self.fingerprint, "entries": keep}, handle,
                        protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, self.folder / self.FILE)

    # the two calls Pelican's Readers.read_file makes (see pelican_adapter.cache_reads) --------

    def _stop(self):
        reading, self._reading = self._reading, None
        if reading is not None:
            logging.getLogger().removeHandler(reading[1])
        return reading

    def get(self, name: str, path: str, settings: dict, may_use):
        """The cached (content, metadata) of `path`, its messages logged again; or None (then
        the file is read and everything it logs is captured until `put`)."""
        self._stop()
        self.settings = settings
        digest = file_digest(path)
        key = (name, os.path.abspath(path), digest)
        entry = self.entries.get(key) if digest is not None else None
        if entry is not None and may_use(path):
            try:
                metadata = _Unpickler(io.BytesIO(entry[1]), settings).load()
            except Exception:  # noqa: BLE001 - read it again
                metadata = None
            if metadata is not None:
                self.used.add(key)
                if key[1] in self.read_ahead:
                    self.misses += 1  # read in this build, by the other process
                else:
                    self.hits += 1
                replay(entry[2])
                return entry[0], metadata
        self.misses += 1
        self.read_sources.add(os.path.abspath(path))
        if digest is not None:
            capture = LogCapture()
            logging.getLogger().addHandler(capture)
            self._reading = (key, capture)
        return None

    def put(self, path: str, data) -> None:
        """What the reader returned for `path` (and logged while reading it)."""
        reading = self._stop()
        if reading is None or reading[0][1] != os.path.abspath(path):
            return
        key, capture = reading
        content, metadata = data
        buffer = io.BytesIO()
        try:
            _Pickler(buffer, self.settings).dump(metadata)
        except Exception:  # noqa: BLE001 - not cacheable (unusual metadata): read it every time
            return
        self.entries[key] = (content, buffer.getvalue(), capture.records)
        self.used.add(key)
        self.changed = True

    def close(self) -> None:
        """Stop capturing (the last file read raised instead of returning)."""
        self._stop()

    def take(self, entries: dict, read: list[str]) -> None:
        """What a second process read in this build (tools/two_readers.py): its new `entries`
        and the files (absolute paths) it read."""
        self.entries.update(entries)
        self.used.update(entries)
        self.changed = self.changed or bool(entries)
        self.read_sources.update(read)
        self.read_ahead.update(read)


def verdict_allows(settings: dict):
    """A function telling whether a cached reading of a file may be used: content_guard's verdict
    for this build knows the file and gives it no ERROR (content_guard's reader skips such a file;
    a file the verdict does not know is judged while it is read)."""
    from content_guard.verdict import enabled_plugins  # (PLUGIN_PATHS are on sys.path: tools/build.py)

    if "content_guard" not in enabled_plugins(settings):
        return lambda path: True
    from content_guard.problems import ERROR
    from content_guard.readers import LEDGER_KEY
    from content_guard.sources import display_name

    seen: dict = {}

    def allows(path: str) -> bool:
        verdict = getattr(settings.get(LEDGER_KEY), "verdict", None)
        if verdict is None or verdict.site is None:
            return False
        stamp = (id(verdict), len(verdict.problems), len(verdict.site.sources))
        if seen.get("stamp") != stamp:
            seen.update(stamp=stamp, known={s.name for s in verdict.site.sources},
                        names={str(s.path): s.name for s in verdict.site.sources},
                        bad={p.file for p in verdict.problems if p.severity == ERROR})
        name = seen["names"].get(os.path.abspath(path)) or display_name(path, settings)
        return name in seen["known"] and name not in seen["bad"]

    return allows
