"""One build at a time per output folder: a lock beside it that a second build waits for.

Two builds into one folder used to publish a broken site: the second deleted `output.new` while
the first was still writing into it, and both said "built". Every writer of an output folder (the
build runner, the live preview) takes `<output>.lock` (an advisory `flock`, released by the
kernel when the process ends, so a killed build never leaves a stale lock) before touching
`<output>`, `<output>.new` or `<output>.old`. A second writer waits, saying so once in Thai and
English, and gives up with a clear message after `timeout` seconds.
"""

from __future__ import annotations

import fcntl
import os
import time
from contextlib import contextmanager
from pathlib import Path

DEFAULT_TIMEOUT = 600.0  # seconds a build waits for another one to finish


class BuildLocked(RuntimeError):
    """Another build of the same output folder did not finish in time; the message says so."""


def lock_path(output: Path) -> Path:
    output = Path(output)
    return output.with_name(output.name + ".lock")


@contextmanager
def output_lock(output: Path, timeout: float = DEFAULT_TIMEOUT, say=None, poll: float = 0.2):
    """Hold the lock of `output` for the duration of the `with` block.

    `say(message)` is called once if the lock is busy (the caller prints it). Raises
    `BuildLocked` after `timeout` seconds.
    """
    path = lock_path(output)
    path.parent.mkdir(parents=True, exist_ok=True)
    handle = open(path, "a+")
    try:
        deadline = time.monotonic() + timeout
        told = False
        while True:
            try:
                fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if not told and say is not None:
                    say(
                        f"มีการสร้างเว็บไซต์อื่นกำลังเขียน {Path(output).name}/ อยู่ จะรอจนเสร็จ / "
                        f"another build is writing {Path(output).name}/; waiting for it to finish"
                    )
                    told = True
                if time.monotonic() >= deadline:
                    raise BuildLocked(
                        f"รอการสร้างเว็บไซต์อีกงานหนึ่งนานเกิน {timeout:.0f} วินาที จึงไม่สร้างซ้อน "
                        f"({path.name}); รอให้งานนั้นเสร็จแล้วสั่งใหม่ / another build of "
                        f"{Path(output).name}/ did not finish within {timeout:.0f} s, so this one "
                        "did not start; wait for it and try again"
                    ) from None
                time.sleep(poll)
        handle.seek(0)
        handle.truncate()
        handle.write(f"{os.getpid()}\n")
        handle.flush()
        yield
    finally:
        handle.close()  # closing the file releases the lock
