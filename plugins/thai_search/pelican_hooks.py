"""The moment thai_search acts in a Pelican build: indexing at the end (defaults: settings.py)."""

from __future__ import annotations

import logging
from pathlib import Path

from .canonical import canonical_pagefind
from .indexer import SearchIndexError, build_index

logger = logging.getLogger(__name__)


def build_index_after_writing(pelican) -> None:
    """`finalized`: index the written site with Pagefind (unless THAI_SEARCH_ENABLED is False)."""
    settings = pelican.settings
    if not settings["THAI_SEARCH_ENABLED"]:
        return
    output = Path(pelican.output_path)
    if not any(output.rglob("*.html")):
        return
    try:
        run = build_index(
            output,
            bundle_dir=settings["THAI_SEARCH_BUNDLE_DIR"],
            exclude_selectors=settings["THAI_SEARCH_EXCLUDE_SELECTORS"],
            keep_ui=settings["THAI_SEARCH_KEEP_PAGEFIND_UI"],
        )
    except SearchIndexError as exc:
        logger.error("%s", exc)
        return
    canonical_pagefind(run.bundle)  # the same site gives the same index files
    if not run.found_body:
        logger.warning(
            "theme/templates/article.html: ไม่มีหน้าใดมี data-pagefind-body จึงไม่ได้สร้างดัชนีค้นหา "
            "ให้ใส่ data-pagefind-body ที่ <article> ของ article.html และ page.html / no page carries "
            "data-pagefind-body, so no search index was built: put data-pagefind-body on the "
            "<article> of article.html and page.html"
        )
        return
    logger.info(
        "ดัชนีค้นหา %d หน้า %d คำ ใน %.1f วินาที / search index: %d pages, %d words in %.1f s",
        run.pages, run.words, run.seconds, run.pages, run.words, run.seconds,
    )
