"""Reading on two cores: a forked process reads articles ahead of Pelican's loop.

Pelican reads the articles one after the other (Markdown, sanitising, thai_text's segmentation
and line breaks: more than half of a cold build's main process), while the second core has
little to do then. When the articles generator starts and many sources have never been read into
the build's read cache, the build forks (`ReadAhead.start`): Pelican's loop in the parent reads
the sources from the start of the (sorted) list, the child from its end, each claiming its next
file under a lock, until they meet. The child reads through the very generator's readers (same
readers, plugins and read cache), so what it leaves is what a reading leaves in the caches: the
read cache's entries (tools/build_cache.py: the reader's output and what reading logged) and
thai_text's remembered segmentations and pages. It hands those back through a pipe and exits,
logging nothing itself.

When the parent's loop comes to the first file the child claimed, it waits for the child and
takes what it read (`ReadAhead.before_read`); from there Pelican's loop finds the child's files in
the caches. Every content object is still made, every signal sent and every message logged by
the parent, as in one process, and the output is the same bytes (tests/publishing). A child that
failed or died leaves its files to the parent, which reads them itself.
"""

from __future__ import annotations

import logging
import os
import sys
import threading

from tools import forked

# Fewer files to read than this: one process (forking costs more than it saves).
MIN_FILES = 200


def worth_forking(files: int, forced: bool | None = None) -> bool:
    """Whether reading `files` never-read sources is shared with a forked process (`forced`
    overrides, as tools/two_writers.worth_splitting's does): two cores or more, and no other
    thread in this process (the web editor's server rebuilds in one)."""
    if not hasattr(os, "fork") or not files:
        return False
    if forced is not None:
        return forced
    if threading.active_count() > 1 or files < MIN_FILES:
        return False
    try:
        cores = len(os.sched_getaffinity(0))
    except AttributeError:
        cores = os.cpu_count() or 1
    return cores >= 2


def _thai_text():
    return sys.modules.get("thai_text.pelican_hooks")


class ReadAhead:
    """One build's reading ahead (see the module docstring), for one articles generator."""

    def __init__(self, cache, forced: bool | None = None):
        self.cache = cache  # the build's tools.build_cache.ReadCache
        self.forced = forced  # True/False: two processes or one, whatever the size
        self.todo: list[str] = []  # never-read sources, in the order Pelican's loop reads them
        self.index: dict[str, int] = {}
        self.pid = 0
        self.child = False
        self._fd = -1
        self._claims = None  # shared [front, back]: the parent reads todo[:front], the child todo[back:]
        self._lock = None
        self.taken = 0  # files the child read and the parent took

    def start(self, generator, content_class, files) -> list[str]:
        """Called as the articles generator starts: the order Pelican's loop is to read `files`
        in (sorted); forks when enough of them were never read."""
        import multiprocessing

        order = sorted(files)
        known = {(key[0], key[1]) for key in self.cache.entries}
        name = type(generator).__name__
        self.todo = [f for f in order
                     if (name, os.path.abspath(os.path.join(generator.path, f))) not in known]
        if not worth_forking(len(self.todo), self.forced):
            self.todo = []
            return order
        self.index = {os.path.abspath(os.path.join(generator.path, f)): i for i, f in enumerate(self.todo)}
        context = multiprocessing.get_context("fork")
        self._claims = context.RawArray("q", [0, len(self.todo)])
        self._lock = context.Lock()
        thai = _thai_text()
        thai_mark = thai.handoff_mark() if thai is not None else None
        entries_mark = len(self.cache.entries)
        pid, fd = forked.fork()
        if pid == 0:
            self.child = True
            self._child(generator, content_class, fd, thai_mark, entries_mark)  # never returns
        self.pid, self._fd = pid, fd
        return order

    # -- the child -------------------------------------------------------------------------------

    def _claim_from_end(self) -> int | None:
        with self._lock:
            front, back = self._claims
            if back - 1 < front:
                return None
            self._claims[1] = back - 1
            return back - 1

    def _child(self, generator, content_class, fd, thai_mark, entries_mark) -> None:
        status = 0
        try:
            logging.getLogger().handlers = [logging.NullHandler()]  # the parent logs everything
            while (i := self._claim_from_end()) is not None:
                try:
                    generator.readers.read_file(base_path=generator.path, path=self.todo[i],
                                                content_class=content_class, context=generator.context)
                except Exception:  # noqa: BLE001 - the parent reads it again and reports it
                    pass
            self.cache.close()
            # What the parent takes: each file whose reading went into the read cache.
            added = dict(list(self.cache.entries.items())[entries_mark:])
            thai = _thai_text()
            handoff = {
                "entries": added,
                "read": [key[1] for key in added],
                "thai_text": thai.handoff_changes(thai_mark) if thai is not None and thai_mark is not None else None,
            }
            forked.hand_back(fd, handoff)
        except BaseException:  # noqa: BLE001 - the parent reads whatever the child did not hand back
            status = 1
        finally:
            os._exit(status)

    # -- the parent ------------------------------------------------------------------------------

    def before_read(self, path: str) -> None:
        """Pelican's loop is about to read `path` (absolute, as Pelican's readers name it): claim
        it, or, if the child claimed it, wait for the child and take what it read."""
        if self.child or not self.pid:
            return
        i = self.index.get(path)
        if i is None:
            return
        with self._lock:
            if i < self._claims[1]:
                self._claims[0] = max(self._claims[0], i + 1)
                return
        self.join()

    def join(self) -> None:
        """Wait for the child and take its readings (nothing, if it failed)."""
        if self.child or not self.pid:
            return
        handoff, _status = forked.collect(self.pid, self._fd)
        self.pid = 0
        if not handoff:  # the parent reads those files itself
            return
        self.cache.take(handoff["entries"], handoff["read"])
        self.taken = len(handoff["read"])
        thai = _thai_text()
        if thai is not None and handoff["thai_text"] is not None:
            thai.handoff_take(handoff["thai_text"])

    def abandon(self) -> None:
        """After a failure in the parent: stop the child."""
        if not self.child and self.pid:
            forked.stop(self.pid, self._fd)
            self.pid = 0
