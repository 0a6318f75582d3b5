"""thai_text's rules: Thai typing errors, unknown words, slugs, Myanmar text in Zawgyi, and
telephone numbers.

| rule | severity | what |
|---|---|---|
| typo | WARNING | a Thai typing error (เ+เ for แ, doubled or misplaced marks, a mark after a space, zero-width characters, the glyph variants a PDF's font gives), one per mistake, naming its word and the word as it should be (typos.typo_reports) |
| spelling | WARNING | a site-dictionary name typed with one slip, with the name (near_miss.py); a Thai word no dictionary knows, with the letters written against it (spelling.in_context) and a suggestion when one is one edit away (spelling.py; THAI_TEXT_SPELLING) |
| slug | ERROR | two articles (or two pages) that would get the same URL (`slugs.content_slug`) |
| slug | WARNING | a `Slug:` that is not lowercase a-z, digits and hyphens, with the slug to use |
| zawgyi | ERROR | a line whose Myanmar text is typed in the Zawgyi font, not Unicode: garbled on every new phone (zawgyi.py) |
| phone | WARNING | a telephone number with a digit too many or too few: 0 2232 126, 081 234 567, สายด่วน 15466 (phones.py) |
"""

from __future__ import annotations

import re
from pathlib import Path

from .near_miss import NearMiss, describe
from .segment import dictionary_path, site_segmenter
from .slugs import slug_for
from .spelling import SPELLING_CACHE, in_context, misspellings, prose_lines, speller_for
from .typos import fix_typos, typo_reports
from .zawgyi import zawgyi_lines

THAI = re.compile("[\u0e01-\u0e4e]")
SLUG = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")


def _problem(name, line, rule, severity, thai, english, fix="", fix_english=""):
    from content_guard.problems import Problem

    return Problem(name, line, rule, severity, thai, english, fix, fix_english)


def check_typos(source, site) -> list:
    """Rule typo: every typing error of every line of `source`, one problem per mistake."""
    segmenter = site_segmenter(site.settings)
    problems = []
    if fix_typos(source.text) == source.text:  # typos.py's quick test: no typing error at all
        return problems
    for number, line in enumerate(source.lines, start=1):
        if not THAI.search(line) and "\u200b" not in line:
            continue
        for report in typo_reports(line, segmenter):
            problems.append(_problem(
                source.name, number, "typo", "warning",
                f'พิมพ์ผิด: {report.thai} ใน "{report.word}"',
                f'typing error: {report.english} in "{report.word}"',
                f'พิมพ์ใหม่เป็น "{report.fixed}"', f'type "{report.fixed}" instead'))
    return problems


# What misspellings() found in a source's text, with the speller (the site dictionary) it used: a
# process that judges again and again (the live preview) looks only at the texts that changed.
_FOUND: dict = {}


def check_spelling(site) -> list:
    """Rule spelling: unknown Thai words of the text a reader sees (spelling.py), every source.

    In a build, and in a judging that keeps what it finds (the live preview: `site.found`), what
    was found line by line is kept in CACHE_PATH/thai_text (THAI_TEXT_CACHE), so the next build or
    start looks again only at lines that changed."""
    settings = site.settings
    if not settings["THAI_TEXT_SPELLING"]:
        return []
    speller = speller_for(site_segmenter(settings))
    cache = Path(settings.get("CACHE_PATH") or "cache") / "thai_text" / SPELLING_CACHE
    remember = (site.in_build or site.found is not None) and settings["THAI_TEXT_CACHE"]
    if remember:
        speller.load(cache)
    dictionary = site.name(dictionary_path(settings))
    if _FOUND.get("speller") is not speller or len(_FOUND) > 50_000:
        _FOUND.clear()
        _FOUND["speller"] = speller
    problems = []
    for source in site.sources:
        if source.refused is not None or not source.markdown:
            continue
        found = _FOUND.get(source.text)
        if found is None:
            found = _FOUND[source.text] = _misspellings(source, speller)
        for number, word, better, slip, context in found:
            if slip:
                problems.append(_problem(
                    source.name, number, "spelling", "warning", *describe(NearMiss(0, len(word), word, better, slip))))
                continue
            hint_th = f' หรือควรเป็น "{better}"' if better else ""
            hint_en = f' (did you mean "{better}"?)' if better else ""
            where_th = f' ใน "{context}"' if context else ""
            where_en = f' in "{context}"' if context else ""
            problems.append(_problem(
                source.name, number, "spelling", "warning",
                f'ไม่รู้จักคำว่า "{word}"{where_th}{hint_th}', f'unknown word "{word}"{where_en}{hint_en}',
                f"ถ้าสะกดถูกแล้ว ให้เพิ่มคำนี้ใน {dictionary} (ระบบเขียนข่าว: เมนู พจนานุกรมของเว็บไซต์)",
                "if it is right, add it to the site dictionary (in the web editor: พจนานุกรมของเว็บไซต์)"))
    if remember:
        speller.save(cache)
    return problems


def _misspellings(source, speller) -> list:
    """misspellings() of `source`, each unknown word with the letters written against it
    (spelling.in_context: the segmenter reports บาว of ด่านลาวบาว, which the writer never typed
    apart)."""
    written = source.lines
    return [(number, word, better, slip,
             None if slip or not 0 < number <= len(written) else in_context(word, written[number - 1], speller.segmenter))
            for number, word, better, slip in misspellings(prose_lines(source), speller)]


def check_slugs(site) -> list:
    """Rule slug: two articles (or two pages) with the same slug; a `Slug:` that is not one."""
    from content_guard.links import slugs

    settings = site.settings
    names = slugs(site)
    problems = []
    for group in (site.articles, site.pages):
        seen = {}
        for source in group:
            raw = source.value("slug")
            slug = names.of(source)
            if raw and not SLUG.fullmatch(raw):
                better = slug_for(settings, raw) or "news-2569"
                problems.append(_problem(
                    source.name, source.line_of("slug"), "slug", "warning",
                    f'Slug "{raw}" มีอักษรอื่นนอกจากอักษรอังกฤษตัวเล็ก ตัวเลข และขีด',
                    f'Slug "{raw}" holds more than lowercase a-z, digits and hyphens',
                    f"ใช้ {better}", f"use {better}"))
            if slug not in seen:
                seen[slug] = source
                continue
            first = seen[slug]
            first_at = f"{first.name}:{first.line_of('slug', first.line_of('title', 1))}"
            problems.append(_problem(
                source.name, source.line_of("slug", source.line_of("title", 1)), "slug", "error",
                f'Slug "{slug}" ซ้ำกับ {first_at} ทั้งสองจะได้ที่อยู่เดียวกัน',
                f'duplicate slug "{slug}" (also in {first.name}): both would get the same URL',
                "เปลี่ยน Slug ของไฟล์ใดไฟล์หนึ่ง", "change one Slug"))
    return problems


def check_zawgyi(source, site) -> list:
    """Rule zawgyi: each line whose Myanmar text is in Zawgyi (zawgyi.py)."""
    from .quotes import first_words

    return [
        _problem(
            source.name, number, "zawgyi", "error",
            f'ข้อความภาษาเมียนมา "{first_words(myanmar, 24)}" พิมพ์ด้วยฟอนต์ Zawgyi ไม่ใช่ Unicode '
            "โทรศัพท์และคอมพิวเตอร์รุ่นใหม่จะแสดงเป็นตัวอักษรผิดที่ อ่านไม่ออก และโปรแกรมอ่านหน้าจออ่านไม่ได้",
            f'Myanmar text "{first_words(myanmar, 24)}" is typed in the Zawgyi font, not Unicode: every new '
            "phone and computer shows it garbled, and screen readers cannot read it",
            "ขอข้อความฉบับ Unicode จากผู้แปล (พิมพ์ด้วยฟอนต์ Pyidaungsu หรือ Myanmar Text) "
            "แล้ววางแทนข้อความนี้",
            "ask the translator for the text in Unicode (typed in the Pyidaungsu or Myanmar Text font) "
            "and paste it in its place",
        )
        for number, myanmar in zawgyi_lines(source.text)
    ]


def check_phone_numbers(source, site) -> list:
    """Rule phone: each telephone number a reader sees with a digit too many or too few (phones.py)."""
    from .phones import FIX, MESSAGES, wrong_numbers

    problems = []
    for number, line in prose_lines(source):
        for written, kind, digits in wrong_numbers(line):
            thai, english = (text.format(number=written, digits=digits) for text in MESSAGES[kind])
            problems.append(_problem(source.name, number, "phone", "warning", thai, english, *FIX))
    return problems


def _rules():
    from content_guard.verdict import SITE, Rule

    return (
        Rule("typo", check_typos, depends_on=()),
        Rule("spelling", check_spelling, per=SITE, warns_only=True),
        Rule("slug", check_slugs, per=SITE),
        Rule("zawgyi", check_zawgyi, depends_on=()),
        Rule("phone", check_phone_numbers, depends_on=()),
    )


RULES = _rules()
