"""What the plugin does to content once Pelican has read it: Thai `locale_date`, and holding back
articles dated in the future (embargo).

Embargo: with THAI_DATE_HOLD_FUTURE (default True) an article, hidden article or translation whose
date is later than the moment of the build is taken out of the site on
`article_generator_pretaxonomy`, before categories, tags, feeds, archives and the search index see
it, and nothing of it is written. It appears in the first build after that moment (a scheduled
CI build publishes it). Pelican's own WITH_FUTURE_DATES=False would turn it into a draft, and drafts
are written to drafts/{slug}/, a guessable address: not an embargo.
"""

from __future__ import annotations

import datetime as _dt
import logging
from zoneinfo import ZoneInfo

from .formats import DEFAULT_TIMEZONE, thai_date

logger = logging.getLogger(__name__)


def set_locale_dates(content) -> None:
    """`content_object_init` handler: `locale_date`/`locale_modified` in Thai (long format)."""
    settings = content.settings
    digits = settings["THAI_DATE_DIGITS"]
    timezone = settings["TIMEZONE"]
    if isinstance(getattr(content, "date", None), _dt.date):
        content.locale_date = thai_date(content.date, "long", digits=digits, timezone=timezone)
    if isinstance(getattr(content, "modified", None), _dt.date):
        content.locale_modified = thai_date(content.modified, "long", digits=digits, timezone=timezone)


def _aware(moment: _dt.datetime, timezone: str) -> _dt.datetime:
    return moment if moment.tzinfo else moment.replace(tzinfo=ZoneInfo(timezone))


def future_articles(articles, now: _dt.datetime, timezone: str = DEFAULT_TIMEZONE) -> list:
    """The articles dated after `now` (an aware datetime)."""
    return [a for a in articles if isinstance(getattr(a, "date", None), _dt.datetime)
            and _aware(a.date, timezone) > now]


def hold_future_articles(generator, now: _dt.datetime | None = None) -> None:
    """`article_generator_pretaxonomy` handler: take future-dated articles out of this build."""
    from content_guard.sources import display_name

    settings = generator.settings
    if not settings["THAI_DATE_HOLD_FUTURE"]:
        return
    timezone = settings["TIMEZONE"]
    now = now or _dt.datetime.now(_dt.timezone.utc)
    for name in ("articles", "translations", "hidden_articles", "hidden_translations"):
        articles = getattr(generator, name, None)
        if not articles:
            continue
        held = future_articles(articles, now, timezone)
        if not held:
            continue
        held_ids = {id(a) for a in held}
        setattr(generator, name, [a for a in articles if id(a) not in held_ids])
        for article in held:
            logger.info(
                "%s: ตั้งวันเผยแพร่ไว้ %s จึงยังไม่เผยแพร่ในรอบนี้ / dated in the future (%s); "
                "held back until a build after that moment",
                display_name(article.source_path, settings),
                thai_date(article.date, "time", timezone=timezone),
                article.date.isoformat(),
            )
