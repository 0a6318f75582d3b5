"""site_meta's rules, about the home page's ข่าวเด่น (`Featured_until:`, featured.py), and
`published(site)`, which tells the link rule (content_guard) what the plugin writes: sitemap.xml,
robots.txt and favicon.ico.

| rule | problem | severity |
|---|---|---|
| featured | `Featured_until:` that is not a date (thai_date reads it) | WARNING: the release is published, not featured |
| featured | `Featured_until:` on a page (not a release) | WARNING: pages are never featured |
| featured | a pin that ends before the release's own date | WARNING: never featured |

A plain function, `check_featured(source, site)`: the check, the build, the live preview and the
editor's twin in web_editor/js/checks.js. Its findings depend on the file alone, never on the
moment: the production build fails on any warning, and the hourly scheduled build must not start
failing with no one having changed anything. So more pins than the home page shows at once is
no problem to report: the newest are shown, and the others take their place as those end.
"""

from __future__ import annotations

from .featured import FIELD, featured_end, in_zone


def _problem(source, rule, thai, english, fix, fix_english):
    from content_guard.problems import Problem

    return Problem(source.name, source.line_of(FIELD), rule, "warning", thai, english, fix, fix_english)


def _release_date(source, site):
    """The release's own date (aware), or None when it has none that reads (the rule "date" says so)."""
    from thai_date.parsing import DateProblem, parse_date

    try:
        return in_zone(parse_date(source.value("date")), site.timezone)
    except DateProblem:
        return None


def check_featured(source, site) -> list:
    """Rule "featured": what is wrong with `source`'s `Featured_until:` (see the table)."""
    from content_guard.sources import PAGE
    from thai_date.formats import thai_date
    from thai_date.parsing import ACCEPTED_FORMS, DateProblem

    value = source.value(FIELD)
    if not value:
        return []
    if source.kind == PAGE:
        return [_problem(
            source, "featured",
            "Featured_until ใช้ได้กับข่าวเท่านั้น หน้าเว็บไซต์ไม่แสดงเป็นข่าวเด่น",
            "Featured_until applies to news releases only; a page is never featured",
            "ลบบรรทัด Featured_until: ออก", "remove the Featured_until: line")]
    timezone = site.settings.get("TIMEZONE") or "UTC"
    try:
        end = featured_end(value, timezone)
    except DateProblem as exc:
        return [_problem(
            source, "featured",
            f'ข่าวเด่นจนถึง "{value}" {exc.thai} ข่าวนี้จึงไม่เป็นข่าวเด่น',
            f'Featured_until "{value}" {exc.english}; the release is not featured',
            f"เขียนวันที่ในรูปแบบที่ใช้ได้ เช่น {ACCEPTED_FORMS}",
            f"write an accepted form, e.g. {ACCEPTED_FORMS}")]
    date = _release_date(source, site)
    if date is not None and end < date:
        return [_problem(
            source, "featured",
            f"ข่าวเด่นสิ้นสุด ({thai_date(end, 'long', timezone=timezone)}) ก่อนวันที่ของข่าว "
            f"({thai_date(date, 'long', timezone=timezone)}) ข่าวนี้จึงไม่เป็นข่าวเด่นเลย",
            f"Featured_until ({end:%Y-%m-%d}) is before the release's date ({date:%Y-%m-%d}); "
            "it is never featured",
            "ตรวจว่าพิมพ์ทั้งสองวันถูกต้อง (วันสิ้นสุดข่าวเด่นต้องไม่ก่อนวันที่ของข่าว)",
            "check both dates (the pin must not end before the release's date)")]
    return []


def published(site):
    settings = site.settings
    names = [settings.get("SITE_META_SITEMAP_SAVE_AS"), settings.get("SITE_META_ROBOTS_SAVE_AS")]
    if settings.get("SITE_META_FAVICON_ICO"):
        names.append("favicon.ico")
    return [name for name in names if name]


def _rules():
    from content_guard.verdict import Rule

    return (Rule("featured", check_featured, depends_on=("TIMEZONE",)),)


RULES = _rules()
