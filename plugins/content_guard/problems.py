"""The one type every content rule reports with: `Problem`.

A problem names the file (relative to the project, as authors see it: `content/news/x.md`) and the
line, the rule that found it (`date`, `category`, `spelling`...), its severity, what is wrong in
Thai and in English, and how to fix it (Thai, then English). Every caller shows the same object:
`invoke check` prints it, the build logs it, the live preview lists it on the page and the
editor's CI turns it into a GitHub annotation.

Severity: an ERROR stops every build from going live (the live preview keeps showing the last
good version of that page); a WARNING is reported everywhere alike and fails only the production
build (`invoke publish` runs with fatal warnings). No Pelican import here.
"""

from __future__ import annotations

import dataclasses
import logging
from dataclasses import dataclass

ERROR = "error"
WARNING = "warning"
SEVERITIES = (ERROR, WARNING)
SEVERITY_THAI = {ERROR: "ข้อผิดพลาด", WARNING: "คำเตือน"}


@dataclass(frozen=True)
class Problem:
    """One thing an author must fix (ERROR) or should look at (WARNING)."""

    file: str  # relative to the project, "/" separated: "content/news/x.md" ("" until located)
    line: int | None  # 1-based, or None for the whole file
    rule: str  # the rule that found it, e.g. "date", "category", "link", "spelling"
    severity: str  # ERROR or WARNING
    thai: str  # what is wrong, in Thai
    english: str  # what is wrong, in English
    fix: str = ""  # how to fix it, in Thai
    fix_english: str = ""  # how to fix it, in English

    def __post_init__(self):
        if self.severity not in SEVERITIES:
            raise ValueError(f"severity must be one of {SEVERITIES}, not {self.severity!r}")

    @property
    def where(self) -> str:
        """`file:line`, or the file alone."""
        return f"{self.file}:{self.line}" if self.line else self.file

    @property
    def key(self) -> tuple:
        """What two reports of the same problem share: (file, line, rule)."""
        return (self.file, self.line, self.rule)

    def located(self, file: str, line: int | None = None) -> Problem:
        """This problem in `file` (and at `line`, when it has none of its own)."""
        return dataclasses.replace(self, file=file, line=self.line if line is None else line)

    def text(self) -> str:
        """Thai, then English, each with its fix: one line."""
        thai = f"{self.thai} วิธีแก้: {self.fix}" if self.fix else self.thai
        english = f"{self.english}; fix: {self.fix_english}" if self.fix_english else self.english
        return f"{thai} / {english}"

    def message(self) -> str:
        """The log line of the build: `file:line: Thai / English` (the logger adds the level)."""
        return f"{self.where}: {self.text()}" if self.file else self.text()

    def __str__(self) -> str:
        """The line `invoke check` prints: `file:line: error: Thai / English`."""
        return f"{self.where}: {self.severity}: {self.text()}"

    def as_dict(self) -> dict:
        return dataclasses.asdict(self)


def sort_key(problem: Problem) -> tuple:
    """Errors first, then by file, line and rule."""
    return (problem.severity != ERROR, problem.file, problem.line or 0, problem.rule, problem.thai)


def log(problem: Problem, logger: logging.Logger) -> None:
    """Log `problem` at its severity; the record carries the Problem itself (`record.problem`)."""
    level = logging.ERROR if problem.severity == ERROR else logging.WARNING
    logger.log(level, "%s", problem.message(), extra={"problem": problem})


def counts(problems) -> tuple[int, int]:
    """(errors, warnings)."""
    problems = list(problems)
    errors = sum(p.severity == ERROR for p in problems)
    return errors, len(problems) - errors
