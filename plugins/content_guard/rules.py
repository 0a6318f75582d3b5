"""content_guard's rules: the header, the metadata every post needs, links, static files, pasted HTML.

| rule | severity | what |
|---|---|---|
| file | ERROR | the file cannot be read: symlink to outside content/, too large, not UTF-8, empty (sources.py) |
| header | WARNING | an unknown or misspelt metadata key (`Catgory:`), with the nearest known key |
| title | ERROR | no `Title:` (also when the keys are written in Thai) |
| title | WARNING | an HTML tag in `Title:` (`<b>`), which the page shows as typed |
| body | WARNING | metadata but no text |
| category | ERROR | an article without `Category:`, or one not in CATEGORIES |
| status | ERROR | a `Status:` other than published, draft or hidden |
| tags | WARNING | `Tags:` separated by both `;` and `,` (Pelican then splits at `;` alone: `ก;ข, ค` is the tags ก and "ข, ค") |
| link | ERROR / WARNING | a link or image that leads nowhere / to a draft (links.py) |
| markup | ERROR | brackets that never close or nesting that Markdown cannot read in time (markup_limits.py) |
| bullet | WARNING | lines that start with a bullet pasted from Word or LINE (•, ▪, ➢...), or items numbered in Thai digits (๑.): not a list (bullets.py) |
| heading | WARNING | a level-1 heading in the text (`# `, `===`, `<h1>`): the page's title is its one `<h1>` (headings.py) |
| url | ERROR | the file would replace one of the site's own pages, or be written outside it (output_paths.py) |
| template | ERROR | `Template:` names no template of the theme (output_paths.py) |
| html | WARNING | HTML the sanitiser removes (reading_rules.py; found by the build's reader) |
| reader | ERROR | the reader failed on the file (the reason and, if found, the line) |
| title | ERROR | an HTML page without `<title>` (reading_rules.py) |
"""

from __future__ import annotations

import os
import re

from . import bullets, headings, links, markup_limits, output_paths, reading_rules
from .problems import ERROR, WARNING, Problem
from .source import check_header
from .sources import ARTICLE, STATUSES
from .verdict import READING, SITE, Rule


def known_keys(settings: dict) -> list[str]:
    return list(settings["CONTENT_GUARD_METADATA_KEYS"]) + list(settings["CONTENT_GUARD_EXTRA_METADATA_KEYS"])


def header_problems(source, settings: dict) -> list[Problem]:
    """Rules header, title and body: the `Key: value` header of a Markdown source."""
    return [p.located(source.name) for p in check_header(source.text, known_keys(settings))]


def check_header_rule(source, site) -> list[Problem]:
    return header_problems(source, site.settings)


HTML_TAG = re.compile(r"</?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?/?>")


def check_metadata(source, site) -> list[Problem]:
    """Rules category, status, tags and title (HTML in it)."""
    problems = []
    title = source.value("title") or ""
    tag = HTML_TAG.search(title)
    if tag:  # a title is text: the page would show the tag itself
        problems.append(Problem(
            source.name, source.line_of("title"), "title", WARNING,
            f'ชื่อเรื่องมีแท็ก HTML ({tag.group()}) ซึ่งหน้าเว็บจะแสดงเป็นตัวอักษรตามที่พิมพ์',
            f'the title holds an HTML tag ({tag.group()}), which the page shows as typed',
            "ลบแท็กออก ชื่อเรื่องเป็นข้อความล้วน (ตัวหนาหรือตัวเอียงใช้ในเนื้อข่าวได้)",
            "remove it: a title is plain text (bold or italics belong in the text)"))
    tags = source.value("tags") or ""
    if ";" in tags and "," in tags:  # Pelican splits at ";" alone when there is one
        shown = " | ".join(t.strip() for t in tags.split(";") if t.strip())
        problems.append(Problem(
            source.name, source.line_of("tags"), "tags", WARNING,
            f'ป้ายกำกับคั่นด้วยทั้ง ";" และ "," เว็บไซต์จึงแยกที่ ";" อย่างเดียว ได้ป้ายกำกับ: {shown}',
            f'the tags are separated by both ";" and ",": the site then splits at ";" only, giving: {shown}',
            "คั่นป้ายกำกับด้วยจุลภาค (,) อย่างเดียว", "separate the tags with commas only"))
    categories = list(site.settings.get("CATEGORIES") or [])
    allowed = ", ".join(categories)
    if source.value("status") and source.status not in STATUSES:
        problems.append(Problem(
            source.name, source.line_of("status"), "status", ERROR,
            f'Status "{source.value("status")}" ไม่รู้จัก',
            f'unknown Status "{source.value("status")}"',
            f"ใช้ {', '.join(STATUSES)} หรือลบบรรทัดนี้",
            f"use one of {', '.join(STATUSES)}, or remove the line"))
    if source.kind != ARTICLE:
        return problems
    category = source.value("category")
    if not category:
        problems.append(Problem(
            source.name, source.line_of("category", 1), "category", ERROR,
            "ไม่มีหมวดข่าว", "has no category",
            f"เพิ่มบรรทัด Category: โดยเลือกจาก {allowed}" if allowed else "เพิ่มบรรทัด Category: ชื่อหมวด",
            f"add `Category: ...`, one of {allowed}" if allowed else "add `Category: ...`"))
    elif categories and category not in categories:
        problems.append(Problem(
            source.name, source.line_of("category"), "category", ERROR,
            f'หมวด "{category}" ไม่มีในเว็บไซต์',
            f'unknown category "{category}"',
            f"ใช้หมวดที่มี: {allowed}", f"use one of the categories: {allowed}"))
    return problems


def check_static_links(site) -> list[Problem]:
    """Rule file: a static file or folder (STATIC_PATHS) that is a link to outside content/ is
    never copied; a linked folder is one problem, whatever it holds."""
    problems = []
    root = os.path.realpath(site.settings["PATH"])

    def outside(path) -> str | None:
        real = os.path.realpath(path)
        return None if os.path.commonpath([real, root]) == root else real

    for folder in site.settings.get("STATIC_PATHS") or []:
        base = site.content_dir / folder
        if base.is_symlink() or base.is_file():
            real = outside(base)
            if real:
                problems.append(outside_static_problem(site.name(base), real))
            continue
        for dirpath, dirnames, filenames in os.walk(base):  # links to folders are not followed
            for name in sorted(dirnames + filenames):
                path = os.path.join(dirpath, name)
                real = outside(path) if os.path.islink(path) else None
                if real:
                    problems.append(outside_static_problem(site.name(path), real))
    return problems


def outside_static_problem(name: str, real: str) -> Problem:
    return Problem(
        name, None, "file", ERROR,
        f"ไฟล์นี้เป็นลิงก์ (symlink) ชี้ออกไปนอกโฟลเดอร์ content ที่ {real} จึงไม่คัดลอกขึ้นเว็บไซต์",
        f"this file is a symlink to {real}, outside the content folder, so it is not published",
        "คัดลอกไฟล์จริงมาไว้ใน content/ แทน", "copy the real file into content/ instead")


RULES = (
    Rule("header", check_header_rule, depends_on=("CONTENT_GUARD_METADATA_KEYS", "CONTENT_GUARD_EXTRA_METADATA_KEYS")),
    Rule("category", check_metadata, depends_on=("CATEGORIES", "ARTICLE_PATHS", "PAGE_PATHS")),
    Rule("link", links.check_links),
    Rule("markup", markup_limits.check_markup,
         depends_on=("CONTENT_GUARD_MAX_NESTING", "CONTENT_GUARD_MAX_OPEN_BRACKETS")),
    Rule("bullet", bullets.check_bullets, depends_on=()),
    Rule("heading", headings.check_headings, depends_on=()),
    Rule("url", output_paths.check_output_path, markdown_only=False),
    Rule("template", output_paths.check_template, markdown_only=False),
    Rule("static", check_static_links, per=SITE),
    Rule("html", reading_rules.check, when=READING, markdown_only=False, depends_on=reading_rules.SETTINGS_USED),
)
