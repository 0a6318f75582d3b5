"""WordPress categories and tags -> our one category per release and its tags.

Our site has a fixed list of categories (`CATEGORIES` in pelicanconf.py) and one per release. A
WordPress category becomes ours when it has the same name or `--category "WP name=ours"` maps it;
the first such category of a post is its category, otherwise the default one. Every other
WordPress category becomes a tag, so its archive survives as a tag page (and its old address
leads there); "Uncategorized" is dropped.

New URLs of categories and tags are computed the way the build computes them: thai_text's
`unique_slugs` over every category (tag) name used by the site's articles.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from urllib.parse import unquote

UNCATEGORIZED = {"uncategorized", "ไม่มีหมวดหมู่", "ไม่ได้จัดหมวดหมู่", "ไม่ระบุหมวดหมู่"}


def decoded(slug: str) -> str:
    return unquote(slug or "", errors="surrogateescape").lower()


@dataclass
class Taxonomy:
    categories: list[str]  # ours
    default: str
    mapping: dict[str, str] = field(default_factory=dict)  # WordPress name -> ours

    def is_uncategorized(self, name: str, slug: str = "") -> bool:
        return name.strip().lower() in UNCATEGORIZED or decoded(slug) in UNCATEGORIZED

    def ours(self, name: str) -> str | None:
        """Our category for a WordPress category name, or None."""
        if name in self.mapping:
            return self.mapping[name]
        return name if name in self.categories else None

    def classify(self, wp_categories: list[tuple[str, str]], wp_tags: list[str]) -> tuple[str, list[str]]:
        """(our category, tags) for a post's (name, slug) categories and tag names."""
        category = None
        tags: list[str] = []
        for name, slug in wp_categories:
            mine = self.ours(name)
            if mine and category is None:
                category = mine
            elif not mine and not self.is_uncategorized(name, slug):
                tags.append(name)
        tags += wp_tags
        clean = []
        for tag in tags:
            tag = " ".join(tag.replace(",", " ").split())
            if tag and tag not in clean:
                clean.append(tag)
        return category or self.default, clean


def parse_mapping(pairs: list[str], categories: list[str]) -> dict[str, str]:
    """`["WP name=ours", ...]` -> dict; raises ValueError (Thai / English) for a bad pair."""
    mapping = {}
    for pair in pairs or []:
        name, sep, ours = pair.partition("=")
        name, ours = name.strip(), ours.strip()
        if not sep or not name or not ours:
            raise ValueError(f'--category "{pair}" ต้องอยู่ในรูป "ชื่อหมวดเดิม=หมวดใหม่" / '
                             f'--category "{pair}" must look like "old name=new category"')
        if categories and ours not in categories:
            raise ValueError(f'--category "{pair}": ไม่มีหมวด "{ours}" ในเว็บไซต์ หมวดที่ใช้ได้: '
                             f'{", ".join(categories)} / no category "{ours}"; allowed: {", ".join(categories)}')
        mapping[name] = ours
    return mapping
