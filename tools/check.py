"""`invoke check`: the verdict on the content, printed for an author or for GitHub.

The rules are the plugins' own (each enabled plugin's `rules` module); `content_guard.verdict`
runs them over the content folder exactly as every build does when it starts, so `invoke check`,
`invoke build`, `invoke publish`, the live preview and the editor's CI say the same thing. This
file only loads the settings, asks for the verdict and prints it:

- `text` (default): one line a problem, `file:line: error: Thai / English`, then a summary;
- `github`: one workflow command a problem, `::error file=...,line=...,title=...::Thai / English`,
  which GitHub shows as an annotation on that line of the pull request, then the summary.

Errors make the command fail; warnings too with `strict` (what `invoke publish` does: production
builds fail on any warning).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT / "plugins") not in sys.path:
    sys.path.insert(0, str(ROOT / "plugins"))

from content_guard.problems import ERROR, SEVERITY_THAI, Problem, counts  # noqa: E402
from content_guard.verdict import judge  # noqa: E402

FORMATS = ("text", "github")


def load_settings(settings_file=ROOT / "pelicanconf.py", overrides: dict | None = None) -> dict:
    """The site's Pelican settings (no plugin runs: the check reads, never builds)."""
    from pelican.settings import read_settings

    cwd = os.getcwd()
    try:
        os.chdir(Path(settings_file).resolve().parent)
        return read_settings(str(settings_file), override=overrides)
    finally:
        os.chdir(cwd)


def check_content(content_dir, settings: dict, *, now=None) -> list[Problem]:
    """Every problem of the content in `content_dir`, errors first (`settings`: Pelican's)."""
    return judge({**settings, "PATH": str(Path(content_dir).resolve())}, now=now).problems


def _escape(text: str, property_value: bool = False) -> str:
    """GitHub workflow command escaping (data, or a property value)."""
    text = text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    if property_value:
        text = text.replace(":", "%3A").replace(",", "%2C")
    return text


def annotation(problem: Problem) -> str:
    """`::error file=...,line=...,title=...::message`: a GitHub check annotation, Thai first."""
    command = "error" if problem.severity == ERROR else "warning"
    props = [f"file={_escape(problem.file, True)}"]
    if problem.line:
        props.append(f"line={problem.line}")
    title = f"{SEVERITY_THAI[problem.severity]}: {problem.rule}"
    props.append(f"title={_escape(title, True)}")
    return f"::{command} {','.join(props)}::{_escape(problem.text())}"


def summary(problems: list[Problem], strict: bool) -> str:
    errors, warnings = counts(problems)
    line = (f"ตรวจเนื้อหาแล้ว: ข้อผิดพลาด {errors} รายการ คำเตือน {warnings} รายการ"
            f" / content check: {errors} error(s), {warnings} warning(s)")
    if warnings and not errors and not strict:
        line += (" (invoke publish ไม่ยอมเผยแพร่เมื่อยังมีคำเตือน / invoke publish refuses "
                 "warnings too)")
    return line


def main(content_dir=None, settings_file=ROOT / "pelicanconf.py", stream=None, *,
         output: str = "text", strict: bool = False, now=None) -> int:
    """Print every problem, then a summary; 1 if there is an error (or, `strict`, a warning)."""
    if output not in FORMATS:
        raise ValueError(f"output must be one of {', '.join(FORMATS)}, not {output!r}")
    stream = stream or sys.stdout
    settings = load_settings(settings_file)
    if content_dir:
        settings["PATH"] = str(Path(content_dir).resolve())
    problems = judge(settings, now=now).problems
    for problem in problems:
        print(annotation(problem) if output == "github" else str(problem), file=stream)
    print(summary(problems, strict), file=stream)
    errors, warnings = counts(problems)
    return 1 if errors or (strict and warnings) else 0


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:2]))
