"""Pelican's writing phase on two cores: the pages are shared out between two processes.

Once every content object, URL and list is final (Pelican asks for its writer), the build forks.
Both processes hold the same site in memory (the child gets a copy-on-write image of it: nothing
is pickled on the way there) and go through Pelican's writing in the same order; each page or
feed is written by the process that comes to it first (`mine`: it claims the output name's slot
in a table both share, so a paginated list and its later pages, or two writes to one file, stay
in one process). Neither waits for the other while there is work left: with a fixed half each
(a CRC of the name) the parent waited 0.6-1.8 s for the child at the join on 2,000 posts (the
child also pays for the memory pages it copies), now 0.2-0.5 s, its hand-back. The articles and
pages generators write in both; the child stops at the `Join` generator placed after them
(tools/pelican_adapter.py), hands back what the parent needs and exits; the parent waits for it
there, then runs the plugins' generators, the static files and `finalized` (the search index,
the sitemap...) alone, on the whole output.

What the child hands back (`Share`): every WARNING and ERROR it logged (the parent logs them again,
so the build's count, its verdict and a failed build are as in one process), the page signatures
and counts of the build plan (tools/build_plan.py), the pages it kept, and thai_text's new cache
entries. A child that failed or died makes the build fail with a message; the parent never swaps
in a half-written site. The output is the same bytes as with one writer (tests/publishing).
"""

from __future__ import annotations

import logging
import os
import pickle
import sys
import threading
import zlib
from dataclasses import dataclass, field

from tools import forked

# Fewer articles than this: one writer (forking costs more than it saves on a small site).
MIN_ARTICLES = 300
# Slots of the table of claimed output names (two names in one slot go to one process).
SLOTS = 1 << 16


def worth_splitting(articles: int, forced: bool | None) -> bool:
    """Whether a build with `articles` articles writes in two processes (`forced` overrides).

    Never in a process with other threads running (the web editor's server rebuilds in a
    thread): a forked child has only the thread that forked, and a lock another thread held at
    that moment (an import, a library's) would stay locked in it for ever."""
    if forced is not None:
        return forced
    if not hasattr(os, "fork") or threading.active_count() > 1:
        return False
    try:
        cores = len(os.sched_getaffinity(0))
    except AttributeError:
        cores = os.cpu_count() or 1
    return cores >= 2 and articles >= MIN_ARTICLES


@dataclass
class Share:
    """What the child process hands back to the parent."""

    records: list = field(default_factory=list)
    signatures: dict = field(default_factory=dict)
    rendered: int = 0
    kept: int = 0
    kept_files: set = field(default_factory=set)
    thai_text: object = None
    error: BaseException | None = None


def _thai_text():
    """thai_text's hooks module, when the build loaded the plugin."""
    return sys.modules.get("thai_text.pelican_hooks")


class Split:
    """One build's two writers (see the module docstring). `share` is None before the fork, then
    0 in the parent and 1 in the child."""

    def __init__(self, holder: dict):
        self.holder = holder
        self.share: int | None = None
        self.pid = 0
        self._fd = -1
        self._capture = None
        self._thai_mark = None
        self._owners = None  # shared: per slot, 0 (unclaimed) or the claiming share + 1
        self._lock = None
        self._joined = False  # in the parent, once the child is done: every name is its own

    @property
    def child(self) -> bool:
        return self.share == 1

    def mine(self, name: str) -> bool:
        """Whether this process writes the page or feed `name` (every name before the fork)."""
        if self.share is None or self._joined:
            return True
        slot = zlib.crc32(os.path.normpath(name).encode("utf-8", "surrogateescape")) % SLOTS
        with self._lock:
            owner = self._owners[slot]
            if not owner:
                self._owners[slot] = owner = self.share + 1
        return owner == self.share + 1

    def fork(self) -> None:
        import multiprocessing

        from tools.build_cache import LogCapture

        context = multiprocessing.get_context("fork")
        self._owners = context.RawArray("B", SLOTS)
        self._lock = context.Lock()
        thai = _thai_text()
        self._thai_mark = thai.handoff_mark() if thai is not None else None
        pid, fd = forked.fork()
        if pid == 0:
            self.share, self._fd = 1, fd
            # Everything the child logs goes to the parent, which logs it as its own.
            self._capture = LogCapture()
            root = logging.getLogger()
            root.handlers = [self._capture]
            return
        self.share, self.pid, self._fd = 0, pid, fd

    # -- the child -------------------------------------------------------------------------------

    def finish_child(self, error: BaseException | None = None) -> None:
        """In the child: hand back its share and exit (never returns)."""
        status = 0
        try:
            share = Share(records=self._capture.records if self._capture else [])
            plan, keeper = self.holder.get("plan"), self.holder.get("keep")
            if plan is not None:
                share.signatures, share.rendered, share.kept = plan.current, plan.rendered, plan.kept
            if keeper is not None:
                share.kept_files = set(keeper.kept)
            thai = _thai_text()
            if thai is not None and self._thai_mark is not None:
                share.thai_text = thai.handoff_changes(self._thai_mark)
            if error is not None:
                status = 1
                try:  # the exception itself, so that the parent reports it as its own
                    pickle.loads(pickle.dumps(error))
                    share.error = error
                except Exception:  # noqa: BLE001
                    share.error = RuntimeError(f"the second writing process failed: {type(error).__name__}: {error}")
            forked.hand_back(self._fd, share)
        except BaseException:  # noqa: BLE001 - the parent reports a child that said nothing
            status = 2
        finally:
            os._exit(status)

    # -- the parent ------------------------------------------------------------------------------

    def join(self) -> None:
        """In the parent: wait for the child and take its share (its messages logged here)."""
        from tools.build_cache import replay

        if self.share != 0:
            return
        share, status = forked.collect(self.pid, self._fd)
        self.pid = 0
        self._joined = True
        if share is None:
            raise RuntimeError(f"the second writing process ended without its result (status {status})")
        replay(share.records)
        plan, keeper = self.holder.get("plan"), self.holder.get("keep")
        if plan is not None:
            plan.current.update(share.signatures)
            plan.rendered += share.rendered
            plan.kept += share.kept
        if keeper is not None:
            keeper.kept |= share.kept_files
        thai = _thai_text()
        if thai is not None and share.thai_text is not None:
            thai.handoff_take(share.thai_text)
        if share.error is not None:
            raise share.error

    def abandon(self) -> None:
        """In the parent, after a failure before `join`: stop the child."""
        if self.share == 0 and self.pid:
            forked.stop(self.pid, self._fd)
            self.pid = 0
