"""ข่าวเด่น: releases a writer keeps at the top of the home page until a date.

A release with `Featured_until: 2569-12-20` (any form thai_date reads, B.E. or C.E.) is one of
the home page's ข่าวเด่น from the moment it is published until the end of that day in the site's
time zone (with a time, `2569-12-20 17:00`, until that moment). The home page's first page shows
the featured releases that are current at the moment of the build, newest first, at most
SITE_META_FEATURED_MAX of them, and its list of the latest news leaves them out so that no card
is shown twice. With none, the newest release is the ข่าวเด่น, as before. Feeds, archives and
lists stay in date order. The hourly scheduled build (the one that publishes releases dated in
the future) is also the one that ends a pin.

`featured_end(value, timezone)` reads the field (thai_date's `parse_date`); `choose` and
`current_featured` choose; `set_featured` (on `article_generator_finalized`) puts the choice in
the templates' context as `featured_articles`. The rule "featured" (rules.py) points out a pin
that cannot work; it never depends on the moment (see rules.py).
"""

from __future__ import annotations

import datetime as _dt
from zoneinfo import ZoneInfo

FIELD = "featured_until"
CONTEXT_KEY = "featured_articles"


def featured_end(value, timezone: str) -> _dt.datetime:
    """The moment a pin written as `value` ends (aware): the end of that day when no time is
    given (a time of exactly 00:00 counts as none), else that moment. Raises thai_date's
    DateProblem when `value` is not a date."""
    from thai_date.parsing import parse_date

    moment = in_zone(parse_date(str(value).strip()), ZoneInfo(timezone))
    if (moment.hour, moment.minute, moment.second) == (0, 0, 0):
        moment = moment.replace(hour=23, minute=59, second=59)
    return moment


def in_zone(moment: _dt.datetime, zone: ZoneInfo) -> _dt.datetime:
    """`moment` as an aware datetime in `zone`: a naive one is taken as already there."""
    return moment.astimezone(zone) if moment.tzinfo else moment.replace(tzinfo=zone)


def pin_end(article, timezone: str) -> _dt.datetime | None:
    """When `article`'s pin ends, or None when it has no readable `Featured_until:`."""
    from thai_date.parsing import DateProblem

    value = (getattr(article, "metadata", None) or {}).get(FIELD)
    if not value:
        return None
    try:
        return featured_end(value, timezone)
    except DateProblem:
        return None  # the rule "featured" names it; the release is simply not pinned


def choose(entries, now: _dt.datetime, limit: int) -> tuple[list, list]:
    """The rule of choosing: `entries` are (date, end, key, item) with aware moments; an item is
    pinned at `now` from its date to its end. Returns the pinned items newest first (by date, then
    key): (shown, left out beyond `limit`: they take a place when a newer pin ends)."""
    pinned = sorted(((date, key, item) for date, end, key, item in entries
                     if end is not None and date is not None and date <= now <= end),
                    key=lambda entry: (entry[0], entry[1]), reverse=True)
    items = [item for _date, _key, item in pinned]
    return items[:limit], items[limit:]


def current_featured(articles, now: _dt.datetime, timezone: str, limit: int) -> tuple[list, list]:
    """The Pelican articles pinned at `now` (aware), newest first: (shown, left out)."""
    zone = ZoneInfo(timezone)
    entries = []
    for article in articles:
        date = getattr(article, "date", None)
        date = in_zone(date, zone) if isinstance(date, _dt.datetime) else None
        entries.append((date, pin_end(article, timezone), str(article.source_path), article))
    return choose(entries, now, limit)


def now_in(timezone: str) -> _dt.datetime:
    """The moment of this build (a function of its own, so that tests can move it)."""
    return _dt.datetime.now(ZoneInfo(timezone))


def set_featured(generator) -> None:
    """`article_generator_finalized` handler: `featured_articles` for the templates."""
    settings = generator.settings
    timezone = settings.get("TIMEZONE") or "UTC"
    shown, _left_out = current_featured(generator.articles, now_in(timezone), timezone,
                                        settings["SITE_META_FEATURED_MAX"])
    generator.context[CONTEXT_KEY] = shown
