"""Archives by Buddhist-era year.

URL scheme (settings THAI_DATE_YEAR_ARCHIVE_URL / _SAVE_AS): `archives/` lists every article
(Pelican's ARCHIVES_SAVE_AS, template archives.html); `archives/2565/` lists the articles of B.E.
2565 (template period_archives.html, falling back to archives.html). Years in URLs are B.E., as
readers say them.

Pelican's own year archives can only put C.E. years in URLs (`{date:%Y}`), so on
`article_generator_finalized` we replace the "year" entry of `generator.period_archives` with B.E.
years, and Pelican's `generate_period_archives` writes them with its usual context:
`period` = ("พ.ศ. 2565",) (ready to show), `period_num` = (2565,), `dates` (the year's articles,
in archive order), `articles`, `url`. Month and day archives, if configured, are left to Pelican.
The same groups are in the context as `period_archives.year` (each also has `be_year`, `heading`),
and the `by_be_year` filter groups any article list for archives.html.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .formats import DEFAULT_TIMEZONE, be_year, to_thai_digits


@dataclass
class YearGroup:
    """Articles of one B.E. year."""

    be_year: int
    heading: str
    url: str = ""
    save_as: str = ""
    articles: list = field(default_factory=list)


def group_by_be_year(articles, timezone: str = DEFAULT_TIMEZONE, digits: str = "arabic",
                     url: str = "", save_as: str = "") -> list[YearGroup]:
    """Consecutive runs of `articles` with the same B.E. year, in the order given."""
    groups: list[YearGroup] = []
    for article in articles:
        year = be_year(getattr(article, "date", None), timezone)
        if year is None:
            continue
        if not groups or groups[-1].be_year != year:
            heading = f"พ.ศ. {year}"
            groups.append(
                YearGroup(
                    be_year=year,
                    heading=to_thai_digits(heading) if digits == "thai" else heading,
                    url=url.format(be_year=year) if url else "",
                    save_as=save_as.format(be_year=year) if save_as else "",
                )
            )
        groups[-1].articles.append(article)
    return groups


def year_archives(generator) -> None:
    """`article_generator_finalized` handler: B.E. year archive pages for Pelican to write."""
    settings = generator.settings
    save_as = settings["THAI_DATE_YEAR_ARCHIVE_SAVE_AS"]
    if not save_as:
        return
    groups = group_by_be_year(
        generator.dates,
        timezone=settings["TIMEZONE"],
        digits=settings["THAI_DATE_DIGITS"],
        url=settings["THAI_DATE_YEAR_ARCHIVE_URL"] or "",
        save_as=save_as,
    )
    archives = []
    for group in groups:
        members = {id(a) for a in group.articles}
        archives.append({
            "period": (group.heading,),
            "period_num": (group.be_year,),
            "be_year": group.be_year,
            "heading": group.heading,
            "url": group.url,
            "save_as": group.save_as,
            "dates": group.articles,
            "articles": [a for a in generator.articles if id(a) in members],
        })
    generator.period_archives["year"] = archives
    generator.context["period_archives"] = generator.period_archives
