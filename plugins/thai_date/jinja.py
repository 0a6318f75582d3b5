"""Jinja filters for theme authors, registered on every generator's environment.

    {{ article.date|thai_date("full") }}   วันศุกร์ที่ 25 มีนาคม พ.ศ. 2565
    {{ article.date|be_year }}             2565
    {{ article.date|iso_datetime }}        2022-03-25T09:00:00+07:00

    {% for year in dates|by_be_year %}<h2>{{ year.heading }}</h2>...{{ year.articles }}

`thai_date` follows THAI_DATE_DIGITS unless the template passes digits="thai" or "arabic".
"""

from __future__ import annotations

from functools import partial

from . import formats
from .archives import group_by_be_year


def make_filters(settings: dict) -> dict:
    """The filters, bound to the site's digits and time zone."""
    timezone = settings["TIMEZONE"]
    digits = settings["THAI_DATE_DIGITS"]

    def thai_date(value, fmt="long", digits=digits):
        return formats.thai_date(value, fmt, digits=digits, timezone=timezone)

    return {
        "thai_date": thai_date,
        "be_year": partial(formats.be_year, timezone=timezone),
        "iso_datetime": partial(formats.iso_datetime, timezone=timezone),
        "thai_digits": formats.to_thai_digits,
        "by_be_year": partial(
            group_by_be_year,
            timezone=timezone,
            digits=digits,
            url=settings["THAI_DATE_YEAR_ARCHIVE_URL"] or ""
            if settings["THAI_DATE_YEAR_ARCHIVE_SAVE_AS"] else "",
        ),
    }


def add_filters(generator) -> None:
    """`generator_init` handler."""
    env = getattr(generator, "env", None)
    if env is not None:
        env.filters.update(make_filters(generator.settings))
