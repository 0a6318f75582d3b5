"""A forked helper process with a pipe back to its parent: what tools/two_readers.py and
tools/two_writers.py share.

The heap is frozen before the fork (`gc.freeze`): what the parent holds then is neither scanned
by the collector again nor copied into the child page by page while either runs; it is unfrozen
once the child is gone (a process that builds again and again must not keep old builds frozen).
The child's result is pickled whole into the pipe; the parent reads it when it needs it.
"""

from __future__ import annotations

import gc
import os
import pickle
import signal
import sys


def fork() -> tuple[int, int]:
    """Fork. In the child: (0, the pipe's write end); in the parent: (the child's pid, the
    pipe's read end)."""
    gc.freeze()
    read, write = os.pipe()
    for stream in (sys.stdout, sys.stderr):
        stream.flush()
    pid = os.fork()
    if pid == 0:
        os.close(read)
        return 0, write
    os.close(write)
    return pid, read


def hand_back(fd: int, result) -> None:
    """In the child: `result`, pickled, to the parent."""
    with os.fdopen(fd, "wb") as pipe:
        pickle.dump(result, pipe, protocol=pickle.HIGHEST_PROTOCOL)


def collect(pid: int, fd: int) -> tuple[object, int]:
    """In the parent: wait for the child; (what it handed back or None, its exit status)."""
    with os.fdopen(fd, "rb") as pipe:
        data = pipe.read()
    _pid, status = os.waitpid(pid, 0)
    gc.unfreeze()
    try:
        return (pickle.loads(data) if data else None), status
    except Exception:  # noqa: BLE001 - the caller says what a child that handed back nothing means
        return None, status


def stop(pid: int, fd: int) -> None:
    """In the parent, after a failure: end the child and forget its pipe."""
    try:
        os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
    except OSError:
        pass
    try:
        os.close(fd)
    except OSError:
        pass
    gc.unfreeze()
