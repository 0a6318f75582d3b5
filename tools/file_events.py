"""When to look for saved files: as soon as the kernel says a file changed, or every while anyway.

The live preview used to scan all its watched files (2,041 on the benchmark: 20 ms) every 0.3 s:
a save waited 0.15 s on average before anyone looked, and an idle preview spent a core's 7% on
scanning. `FileEvents` listens to the file system's own events in a thread (watchfiles, which
Pelican already depends on: inotify on Linux) and says `due()` within a few milliseconds of a
save; the preview then scans and rebuilds as before, so what is rebuilt never depends on the
events themselves. Where events are not delivered (some network and container mounts), `due()` is
still true every `fallback` seconds; where watchfiles cannot watch at all (it failed, or the
system's limit of watched folders is reached), every `without_events` seconds, as the preview
scanned before. `skipped` says which files neither the scan nor the events look at.
"""

from __future__ import annotations

import os
import threading
import time
from pathlib import Path

# How long watchfiles waits for a burst of events to end (an editor writes, renames and touches).
QUIET_MS = 20


def skipped(name: str, folder: bool = False) -> bool:
    """Whether the preview looks past a file or folder of this name: hidden folders (.git),
    editors' lock, swap and backup files (.#post.md, post.md.swp, post.md~, *.tmp)."""
    if folder:
        return name.startswith(".")
    return name.startswith(".#") or name.endswith(("~", ".swp", ".tmp"))


class FileEvents:
    """Events under `roots` (folders, or single files), except under `ignored` folders."""

    def __init__(self, roots, *, ignored=(), fallback: float = 1.0, without_events: float = 0.3):
        self.roots = [str(Path(r)) for r in roots if Path(r).exists()]
        self.ignored = tuple(str(Path(p)) + os.sep for p in ignored)
        self.fallback = fallback
        self.without_events = without_events
        self.failed = False  # watchfiles stopped or never started: `without_events` applies
        self._seen = threading.Event()
        self._stop = threading.Event()
        self._last = time.monotonic()
        self.delivered = 0  # bursts of events watchfiles reported (0: the fallback alone)
        self._thread = threading.Thread(target=self._listen, name="file-events", daemon=True)
        self._thread.start()

    def _wanted(self, _change, path: str) -> bool:
        if path.startswith(self.ignored):
            return False
        for root in self.roots:  # (the folders above a root do not count: ~/.local/site/...)
            if path.startswith(root + os.sep):
                *folders, name = path[len(root) + 1 :].split(os.sep)
                if any(skipped(f, folder=True) for f in folders):
                    return False
                return not skipped(name, folder=os.path.isdir(path))
        return not skipped(os.path.basename(path))

    def _listen(self) -> None:
        try:
            import watchfiles

            if not self.roots:
                raise FileNotFoundError("nothing to watch")

            for _changes in watchfiles.watch(*self.roots, watch_filter=self._wanted, step=QUIET_MS,
                                             stop_event=self._stop, raise_interrupt=False):
                self.delivered += 1
                self._seen.set()
        except Exception:  # noqa: BLE001 - no events here: `due` relies on scanning
            pass
        self.failed = not self._stop.is_set()

    def due(self) -> bool:
        """Whether to look for changes now: an event came, or `fallback` seconds passed."""
        now = time.monotonic()
        every = min(self.fallback, self.without_events) if self.failed else self.fallback
        if self._seen.is_set() or now - self._last >= every:
            self._seen.clear()
            self._last = now
            return True
        return False

    def close(self) -> None:
        self._stop.set()
        self._thread.join(timeout=10)
