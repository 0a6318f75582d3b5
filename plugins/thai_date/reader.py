"""Hook the Thai date parser into Pelican's readers, before any content object exists.

Why here: Pelican turns `Date:` and `Modified:` into datetimes inside the reader
(`BaseReader.process_metadata` -> `pelican.readers.METADATA_PROCESSORS` -> dateutil), long before
`content_object_init` or any generator signal. By then `2565-03-25` has already become the year
2565 and an impossible date has already been guessed at or has failed with a bare "Could not
process". So on `readers_init` (sent once per `Readers`, after the reader classes are chosen and
before they are instantiated) we replace each reader class with a subclass of itself that:

- remembers the file it is reading (`read`), for messages that name the file and line;
- reads `date` and `modified` with `parsing.parse_date` (B.E. and C.E., Thai month names, Thai
  digits, times) and passes every other field to the original reader unchanged.

The subclass keeps the original class name, so `metadata["reader"]` (e.g. "markdown") is unchanged,
and it wraps whatever class is registered at that moment, so it composes with other plugins that
subclass readers the same way (content_guard runs first). Nothing global is patched: each Pelican
run gets its own reader instances, and other Pelican instances in the same process are unaffected.

Static files (images, PDFs) get the same reading of date-like file names, but one that is not a
real date is ignored (they show no date; Pelican itself would stop the whole build).

A date that cannot be read is a build ERROR naming the file (relative to the project), the line of
the field, the value and the accepted forms, in Thai and English; the file is then skipped (status
"skip", as content_guard does), so nothing is published with a guessed date and Pelican adds no
second, English-only message. (With Pelican's reader cache loaded, a skipped file's cached metadata
has no date, and Pelican itself reports it as an error, so the build still fails.)
"""

from __future__ import annotations

import logging
from zoneinfo import ZoneInfo

from pelican.utils import SafeDatetime

from .parsing import DateProblem, parse_date

logger = logging.getLogger(__name__)

try:  # Pelican's marker for "drop this field"; private, so fall back on what it means.
    from pelican.readers import _DISCARD
except ImportError:  # pragma: no cover - other Pelican versions
    _DISCARD = None

DATE_FIELDS = ("date", "modified")
# What a reader returns for a file Pelican must skip without a message of its own.
SKIP = ("", {"status": "skip"})


def to_pelican(moment, timezone: str | None = None):
    """A datetime as Pelican expects it (SafeDatetime, zero-stripping strftime).

    An explicit offset (`...Z`, `...+00:00`) is kept as the same instant in `timezone`, so feeds
    and pages show every date with the site's offset.
    """
    if moment.tzinfo is not None and timezone:
        moment = moment.astimezone(ZoneInfo(timezone))
    return SafeDatetime(
        moment.year,
        moment.month,
        moment.day,
        moment.hour,
        moment.minute,
        moment.second,
        tzinfo=moment.tzinfo,
    )


def thai_date_reader(base: type, lenient: bool = False) -> type:
    """A subclass of the reader class `base` that reads Thai and B.E. dates.

    `lenient`: a date that cannot be read is dropped quietly (for static files).
    """

    def read(self, source_path):
        self._thai_date_source = source_path
        self._thai_date_failed = False
        pending, self._thai_date_pending = getattr(self, "_thai_date_pending", []), []
        for problem in pending:
            _report(self, problem, source_path, from_file_name=True)
        try:
            content, metadata = base.read(self, source_path)
        finally:
            self._thai_date_source = None
        if self._thai_date_failed or pending:
            return SKIP  # the error is logged; publish nothing with a wrong or missing date
        return content, metadata

    def process_metadata(self, name, value):
        if name not in DATE_FIELDS or not isinstance(value, str):
            return base.process_metadata(self, name, value)
        try:
            moment = parse_date(value.replace("_", " ") if name == "date" else value)
            return to_pelican(moment, self.settings.get("TIMEZONE"))
        except DateProblem as problem:
            if lenient:
                logger.debug("%s", problem.message())
                return _DISCARD
            problem.field = name
            source = getattr(self, "_thai_date_source", None)
            if source is None:
                # Called for FILENAME_METADATA / PATH_METADATA just before `read` of the same
                # file: report it there, where the file is known.
                self._thai_date_pending = [*getattr(self, "_thai_date_pending", []), problem]
            else:
                self._thai_date_failed = True
                _report(self, problem, source)
            return _DISCARD

    return type(
        base.__name__,
        (base,),
        {
            "__module__": base.__module__,
            "__qualname__": base.__qualname__,
            "__doc__": base.__doc__,
            "_thai_dates": True,
            "read": read,
            "process_metadata": process_metadata,
        },
    )


def _report(reader, problem: DateProblem, source_path: str, from_file_name: bool = False) -> None:
    """Log a date that cannot be read, unless the build's verdict (content_guard) already did."""
    from content_guard.readers import report_once
    from content_guard.sources import display_name, read_source

    from .rules import date_problem, file_name_date_problem

    name = display_name(source_path, reader.settings)
    if from_file_name:
        if problem.value.replace(" ", "_") not in source_path and problem.value not in source_path:
            name = "(ไม่ทราบไฟล์ / unknown file)"  # the file's read was skipped (content cache)
        found = file_name_date_problem(problem, name)
    else:
        found = date_problem(problem, name, read_source(source_path, "article", reader.settings).line_of(problem.field))
    report_once(found, reader.settings, logger)


def use_thai_date_readers(readers) -> None:
    """`readers_init` handler: every enabled reader class reads Thai and B.E. dates."""
    for extension, reader_class in list(readers.reader_classes.items()):
        if reader_class and not getattr(reader_class, "_thai_dates", False):
            # Static files (images, PDFs) show no date: a date-like file name that is not a real
            # date (2566-02-29-scan.png) is ignored instead of stopping the build as Pelican does.
            lenient = extension == "static"
            readers.reader_classes[extension] = thai_date_reader(reader_class, lenient=lenient)
