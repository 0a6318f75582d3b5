"""What the per-file rules with `depends_on` found, kept between processes.

Every build and every start of the live preview judge the whole site: the rule "html" reads
every file with Markdown and the sanitiser (8 s on 2,000 posts) before the preview's Pelican
reads them all again, and a build runs the header, category, typo and markup rules on every
file. What such a rule finds in a file depends only on the file's text, the settings the rule
names and the code, so a `Found` store keeps it in CACHE_PATH/content_guard/found.pickle under
(rule, file, digest of the text, the settings used), valid while the plugins' code and the
versions of the packages that read are the same (`fingerprint`). The verdict (verdict.py) asks
the store before it runs such a rule on a file it has not judged in this process.
"""

from __future__ import annotations

import hashlib
import logging
import os
import pickle
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

logger = logging.getLogger(__name__)

FORMAT = 1
FOLDER, FILE = "content_guard", "found.pickle"
# Packages whose version can change what a rule finds (reading, sanitising, Thai text).
PACKAGES = ("pelican", "markdown", "nh3", "pythainlp", "nlpo3", "beautifulsoup4")


def fingerprint(settings: dict) -> str:
    """The plugins' code (every .py file of PLUGIN_PATHS, by path, size and time) and versions."""
    digest = hashlib.blake2b(f"format {FORMAT}".encode(), digest_size=16)
    for folder in settings.get("PLUGIN_PATHS") or []:
        for root, dirs, files in os.walk(folder):
            dirs[:] = sorted(d for d in dirs if d != "__pycache__")
            for name in sorted(files):
                if name.endswith(".py"):
                    path = os.path.join(root, name)
                    stat = os.stat(path)
                    digest.update(f"{path}\0{stat.st_size}\0{stat.st_mtime_ns}\n".encode())
    for package in PACKAGES:
        try:
            digest.update(f"{package} {version(package)}\n".encode())
        except PackageNotFoundError:
            digest.update(f"{package} -\n".encode())
    return digest.hexdigest()


_OPEN: dict = {}  # path of the store -> the Found read from it in this process


class Found:
    """The store of one judging: `get`/`put` by (rule, file, text, settings used), `save` after."""

    def __init__(self, path: Path, fingerprint: str):
        self.path, self.fingerprint = path, fingerprint
        self.entries: dict[tuple, list] = {}
        self.used: set[tuple] = set()
        self.added = False
        self.hits = self.misses = 0
        self._digests: dict[int, tuple[str, bytes]] = {}  # id(text) -> (text, digest)

    @classmethod
    def load(cls, settings: dict) -> "Found":
        """The store of CACHE_PATH: read once per process, then the same one, emptied of what
        the last judging used."""
        path = Path(settings.get("CACHE_PATH") or "cache").resolve() / FOLDER / FILE
        stamp = fingerprint(settings)
        store = _OPEN.get(path)
        if store is not None and store.fingerprint == stamp:
            store.used, store.added, store.hits, store.misses, store._digests = set(), False, 0, 0, {}
            return store
        store = _OPEN[path] = cls(path, stamp)
        try:
            with open(path, "rb") as handle:
                data = pickle.load(handle)
            if data.get("format") == FORMAT and data.get("fingerprint") == store.fingerprint:
                store.entries = data["entries"]
        except FileNotFoundError:
            pass
        except Exception as exc:  # noqa: BLE001 - a damaged store is judged again, never fatal
            logger.info("content_guard: ignoring %s (%s)", path, exc)
        return store

    def _key(self, rule: str, name: str, text: str, used: str) -> tuple:
        known = self._digests.get(id(text))
        if known is None or known[0] is not text:
            known = (text, hashlib.blake2b(text.encode("utf-8", "surrogatepass"), digest_size=16).digest())
            self._digests[id(text)] = known
        return (rule, name, known[1], used)

    def get(self, rule: str, name: str, text: str, used: str) -> list | None:
        key = self._key(rule, name, text, used)
        found = self.entries.get(key)
        if found is None:
            self.misses += 1
        else:
            self.hits += 1
            self.used.add(key)
        return found

    def put(self, rule: str, name: str, text: str, used: str, problems: list) -> None:
        key = self._key(rule, name, text, used)
        self.used.add(key)
        if self.entries.get(key) != problems:  # new (a save rewrites the store only then)
            self.entries[key] = list(problems)
            self.added = True

    def save(self, rules_run) -> None:
        """Keep what this judging used, and what the rules not judged this time found (`rules_run`
        are the ids of those judged); nothing is written when nothing was added or dropped."""
        keep = {k: v for k, v in self.entries.items() if k in self.used or k[0] not in rules_run}
        if not self.added and len(keep) == len(self.entries):
            return
        self.entries, self.added = keep, False
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            tmp = self.path.with_name(f"{FILE}.{os.getpid()}.tmp")
            with open(tmp, "wb") as handle:
                pickle.dump({"format": FORMAT, "fingerprint": self.fingerprint, "entries": keep}, handle,
                            protocol=5)
            os.replace(tmp, self.path)
        except OSError as exc:  # only the next start is slower
            logger.info("content_guard: could not write %s (%s)", self.path, exc)
