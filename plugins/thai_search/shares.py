"""Work on a site's pages shared with forked processes, in two phases with a merge between them.

`in_shares(items, first, merge, second)` cuts `items` into one share per core (every n-th item).
Each process runs `first(share)` on its own share, which returns what the process keeps for the
second phase and a summary; the summaries go to this process, `merge` makes one value of them,
every process gets it and runs `second(share, kept, merged)`. This process takes the first share
itself, so nothing waits idle.

The result never depends on how the items were shared (`merge` must not depend on the order of
the summaries beyond the shares' own order, which is fixed). A forked process that fails or dies
costs time only: this process does its share itself. No forking with one core, below
`minimum` items, or with other threads running (a lock another thread held at the fork, an
import's or a library's, would stay locked in the child).

No Pelican imports.
"""

from __future__ import annotations

import gc
import os
import sys
import threading


def cores() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:
        return os.cpu_count() or 1


def processes_for(items: int, minimum: int) -> int:
    """How many processes share `items` items."""
    if not hasattr(os, "fork") or threading.active_count() > 1 or items < minimum:
        return 1
    return max(1, min(cores(), items // max(1, minimum // 2)))


def in_shares(items: list, first, merge, second, *, minimum: int = 200, processes: int | None = None):
    """(merged, [second's result for each share]); see the module docstring. Neither a summary
    nor a result of `second` may be None (None stands for a process that failed)."""
    from multiprocessing import Pipe

    count = processes if processes is not None else processes_for(len(items), minimum)
    shares = [items[k::count] for k in range(count)]
    children = []  # (share index, pid, connection)
    if count > 1:
        for stream in (sys.stdout, sys.stderr):
            stream.flush()
        gc.freeze()
        for k in range(1, count):
            here, there = Pipe()
            try:
                pid = os.fork()
            except OSError:  # no process to be had now: this one does the share
                here.close()
                there.close()
                continue
            if pid == 0:
                here.close()
                _child(shares[k], first, second, there)
            there.close()
            children.append((k, pid, here))
    try:
        kept = {0: first(shares[0])}
        summaries = dict.fromkeys(range(count))
        summaries[0] = kept[0][1]
        for k, _pid, conn in children:
            summaries[k] = _receive(conn)
        for k in range(count):
            if summaries[k] is None:  # that process failed: its share is done here
                kept[k] = first(shares[k])
                summaries[k] = kept[k][1]
        merged = merge([summaries[k] for k in range(count)])
        for _k, _pid, conn in children:
            _send(conn, merged)
        results = {0: second(shares[0], kept[0][0], merged)}
        for k, _pid, conn in children:
            results[k] = _receive(conn) if k not in kept else None
        for k in range(count):
            if results.get(k) is None:
                if k not in kept:
                    kept[k] = first(shares[k])
                results[k] = second(shares[k], kept[k][0], merged)
        return merged, [results[k] for k in range(count)]
    finally:
        for _k, pid, conn in children:
            conn.close()
            try:
                os.waitpid(pid, 0)
            except ChildProcessError:
                pass
        if count > 1:
            gc.unfreeze()


def _send(conn, value) -> None:
    try:
        conn.send(value)
    except OSError:  # the child is gone: its share is done here
        pass


def _receive(conn):
    """What the child sent, or None when it failed or died."""
    try:
        found = conn.recv()
    except (EOFError, OSError):
        return None
    return found[1] if found[0] == "ok" else None


def _child(share, first, second, conn) -> None:
    """In a forked process: both phases on `share`, talking to the parent over `conn`; exits."""
    status = 0
    try:
        try:
            kept, summary = first(share)
            conn.send(("ok", summary))
        except Exception:  # noqa: BLE001 - the parent does this share itself
            conn.send(("failed", None))
            raise
        merged = conn.recv()
        try:
            conn.send(("ok", second(share, kept, merged)))
        except Exception:  # noqa: BLE001
            conn.send(("failed", None))
            raise
    except BaseException:  # noqa: BLE001 - never a traceback from here; the parent carries on
        status = 1
    finally:
        os._exit(status)
