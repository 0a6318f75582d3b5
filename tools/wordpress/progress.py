"""A progress bar for long imports (rich, on a terminal only; silent in logs and tests)."""

from __future__ import annotations

import sys
from contextlib import contextmanager


class Progress:
    """`with progress.step("แปลงเนื้อหา / converting", total) as advance: ... advance()`."""

    def __init__(self, enabled: bool | None = None, stream=None):
        self.stream = stream or sys.stderr
        self.enabled = self.stream.isatty() if enabled is None else enabled

    @contextmanager
    def step(self, label: str, total: int):
        if not self.enabled or total <= 0:
            yield lambda n=1: None
            return
        from rich.console import Console
        from rich.progress import BarColumn, MofNCompleteColumn, Progress as Bar, TextColumn, TimeRemainingColumn

        with Bar(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
                 TimeRemainingColumn(), console=Console(file=self.stream), transient=False) as bar:
            task = bar.add_task(label, total=total)
            yield lambda n=1: bar.advance(task, n)
