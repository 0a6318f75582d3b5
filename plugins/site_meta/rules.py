"""site_meta's rules, about the home page's ข่าวเด่น (`Featured_until:`, featured.py), and
`published(site)`, which tells the link rule (content_guard) what the plugin writes: sitemap.xml,
robots.txt and favicon.ico.

| rule | problem | severity |
|---|---|---|
| featured | `Featured_until:` that is not a date (thai_date reads it) | WARNING: the release is published, not featured |
| featured | `Featured_until:` on a page (not a release) | WARNING: pages are never featured |
| featured | a pin that ends before the release's own date | WARNING: never featured |
| featured-count | more releases pinned at the moment of the check than SITE_META_FEATURED_MAX | WARNING on each one left out (the oldest) |

Plain functions: `check_featured(source, site)` (the check, the build, the editor's twin in
web_editor/js/checks.js) and `check_featured_count(site)` (the whole site, so the editor learns
it after saving, in its check note).
"""

from __future__ import annotations

from .featured import FIELD, choose, featured_end

NOT_PUBLISHED = ("draft", "hidden", "skip")


def _problem(source, rule, thai, english, fix, fix_english):
    from content_guard.problems import Problem

    return Problem(source.name, source.line_of(FIELD), rule, "warning", thai, english, fix, fix_english)


def _release_date(source, site):
    """The release's own date (aware), or None when it has none that reads (the rule "date" says so)."""
    from thai_date.parsing import DateProblem, parse_date

    try:
        moment = parse_date(source.value("date"))
    except DateProblem:
        return None
    return moment.astimezone(site.timezone) if moment.tzinfo else moment.replace(tzinfo=site.timezone)


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


def check_featured_count(site) -> list:
    """Rule "featured-count": more releases pinned at `site.now` than the home page shows; the
    newest are shown, each one left out gets a WARNING naming how many are pinned."""
    from thai_date.parsing import DateProblem

    timezone = site.settings.get("TIMEZONE") or "UTC"
    limit = site.settings["SITE_META_FEATURED_MAX"]
    entries = []
    for source in site.articles:
        value = source.value(FIELD)
        if not value or source.value("status").strip().lower() in NOT_PUBLISHED:
            continue
        try:
            end = featured_end(value, timezone)
        except DateProblem:
            continue
        entries.append((_release_date(source, site), end, source.name, source))
    shown, left_out = choose(entries, site.now, limit)
    return [_problem(
        source, "featured-count",
        f"ตอนนี้มีข่าวเด่น {len(shown) + len(left_out)} เรื่อง หน้าแรกแสดงได้ {limit} เรื่อง (เรื่องที่ใหม่กว่า) "
        "ข่าวนี้จึงยังไม่แสดงเป็นข่าวเด่น",
        f"{len(shown) + len(left_out)} releases are featured now and the home page shows {limit} "
        "(the newest); this one is not shown as featured",
        "ลบหรือเลื่อนวันที่ข่าวเด่นของข่าวที่ไม่ต้องเด่นแล้ว (" + ", ".join(s.name for s in shown) + ")",
        "remove or shorten the pin of a release that no longer needs it ("
        + ", ".join(s.name for s in shown) + ")")
        for source in left_out]


def published(site):
    settings = site.settings
    names = [settings.get("SITE_META_SITEMAP_SAVE_AS"), settings.get("SITE_META_ROBOTS_SAVE_AS")]
    if settings.get("SITE_META_FAVICON_ICO"):
        names.append("favicon.ico")
    return [name for name in names if name]


def _rules():
    from content_guard.verdict import SITE, Rule

    return (Rule("featured", check_featured, depends_on=("TIMEZONE",)),
            Rule("featured-count", check_featured_count, per=SITE))


RULES = _rules()
