"""Reading on every core: the sources the read cache lacks are read in forked processes first.

Pelican reads the articles one after another in one process: Markdown, content_guard's
sanitising, then thai_text's segmentation of each new content object (`content_object_init`), the
first half of a cold build. Just before Pelican's loop over the files of the articles (or pages)
generator, `read_ahead` forks one process per core. They take the files that the read cache
(tools/build_cache.ReadCache) lacks, a few at a time from a shared pipe, and read each one as
Pelican's loop would (tools/pelican_adapter.read_like_the_loop). Each hands back what the read
cache keeps of its files (the reader's content and metadata, and what reading them logged) and
thai_text's new segmentations; the parent waits, puts both into its own caches, then runs
Pelican's loop as usual. Every file the loop reads now comes from the read cache, its messages
logged again in the loop's order, and thai_text finds its segmentations made.

Everything else the children did (their content objects, other plugins' state, their log output)
is thrown away: the site, the messages and the caches saved are those of a build in one process
(tests/publishing/test_read_ahead.py). A child that fails or dies changes nothing: the files it
did not hand back are read in the loop. Not used below MIN_FILES files to read, on one core, or
with other threads running (tools/two_writers.worth_splitting).
"""

from __future__ import annotations

import gc
import logging
import os
import pickle
import sys

from tools.two_writers import cores, thai_text_hooks, worth_splitting

MIN_FILES = 200  # fewer files to read: forking and reading twice cost more than they save
BATCH = 8  # files a process takes at a time
PIPE_ROOM = 60_000  # bytes of tasks written into a pipe before anyone reads it (Linux holds 64 KiB)


def install(generator, cache, may_use, forced: bool | None) -> None:
    """Read ahead before `generator`'s loop (see the module docstring); `forced` as for
    `worth_splitting`. `cache` and `may_use` are those given to pelican_adapter.cache_reads."""
    from tools.pelican_adapter import before_reading

    before_reading(generator, lambda g: read_ahead(g, cache, may_use, forced))


def read_ahead(generator, cache, may_use, forced: bool | None) -> int:
    """Read the files of `generator` that `cache` lacks in forked processes; returns how many
    files they handed back."""
    from tools.pelican_adapter import sources_to_read

    name = type(generator).__name__
    base = generator.path
    todo = [f for f in sources_to_read(generator)
            if cache.lacks(name, os.path.join(base, f)) and may_use(os.path.join(base, f))]
    if not todo or not worth_splitting(len(todo), forced, minimum=MIN_FILES):
        return 0
    # The work: the start of each batch, 4 bytes each, in a pipe the children read from (a read
    # of 4 bytes from a pipe is never split between two readers); all written before the fork.
    batch = max(BATCH, -(-len(todo) * 4 // PIPE_ROOM))
    tasks, tasks_in = os.pipe()
    os.write(tasks_in, b"".join(start.to_bytes(4, "little") for start in range(0, len(todo), batch)))
    os.close(tasks_in)
    thai = thai_text_hooks()
    thai_mark = thai.handoff_mark() if thai is not None else None
    cache_mark = cache.mark()
    for stream in (sys.stdout, sys.stderr):
        stream.flush()
    gc.freeze()  # (the children neither scan nor copy what was read so far)
    children = []
    try:
        for _ in range(cores()):
            read_end, write_end = os.pipe()
            try:
                pid = os.fork()
            except OSError:  # no process to be had now: the others (or the loop) read the rest
                os.close(read_end)
                os.close(write_end)
                break
            if pid == 0:
                os.close(read_end)
                _child(generator, todo, batch, tasks, write_end, cache, cache_mark, thai, thai_mark)
            os.close(write_end)
            children.append((pid, read_end))
        taken = 0
        for pid, read_end in children:
            with os.fdopen(read_end, "rb") as pipe:
                data = pipe.read()
            os.waitpid(pid, 0)
            try:
                entries, segmentations = pickle.loads(data)
            except Exception:  # noqa: BLE001 - a child that died: its files are read in the loop
                continue
            cache.take(entries)
            taken += len(entries)
            if thai is not None and segmentations is not None:
                thai.handoff_take(segmentations)
        return taken
    finally:
        os.close(tasks)
        gc.unfreeze()


def _child(generator, todo, batch, tasks, fd, cache, cache_mark, thai, thai_mark) -> None:
    """In a forked process: read files until none is left, hand back what was read, exit."""
    from tools.pelican_adapter import read_like_the_loop

    status = 0
    try:
        # What reading logs reaches the read cache's own capture only; the parent logs it.
        logging.getLogger().handlers = []
        while task := os.read(tasks, 4):
            start = int.from_bytes(task, "little")
            for name in todo[start:start + batch]:
                try:
                    read_like_the_loop(generator, name)
                except Exception:  # noqa: BLE001 - read again, and reported, in the parent's loop
                    cache.close()
        share = (cache.added_since(cache_mark),
                 thai.handoff_changes(thai_mark) if thai is not None and thai_mark is not None else None)
        data = pickle.dumps(share, protocol=pickle.HIGHEST_PROTOCOL)
        with os.fdopen(fd, "wb") as pipe:
            pipe.write(data)
    except BaseException:  # noqa: BLE001 - the parent reads what this process did not hand back
        status = 1
    finally:
        os._exit(status)
