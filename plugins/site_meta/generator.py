"""A Pelican generator that writes sitemap.xml, robots.txt and favicon.ico.

It runs after the articles and pages generators (plugins' generators come after Pelican's own), so
the shared context already holds every article, page, category and tag when it writes.
"""

from __future__ import annotations

import logging
import os
import shutil

from pelican.generators import Generator

from .sitemap import collect_entries, robots_txt, sitemap_xml

logger = logging.getLogger(__name__)


class SiteMetaGenerator(Generator):
    """Writes the site's machine-readable files at the output root."""

    def generate_output(self, writer):
        settings = self.settings
        sitemap_as = settings["SITE_META_SITEMAP_SAVE_AS"]
        if sitemap_as:
            iso = self.env.filters.get("iso_datetime")
            if iso is None:
                logger.error(
                    "plugins/site_meta: ไม่พบตัวกรอง iso_datetime ของปลั๊กอิน thai_date / "
                    "the iso_datetime filter of plugin thai_date is missing: keep thai_date in "
                    "PLUGINS before site_meta"
                )
            else:
                entries = collect_entries(self.context, settings)
                self._write(sitemap_as, sitemap_xml(entries, iso))
        robots_as = settings["SITE_META_ROBOTS_SAVE_AS"]
        if robots_as:
            text = robots_txt(settings["SITE_META_BASE_URL"], sitemap_as, settings["SITE_META_ROBOTS_DISALLOW"])
            self._write(robots_as, text)
        ico = settings["SITE_META_FAVICON_ICO"]
        if ico:
            source = os.path.join(self.theme, "static", ico)
            if os.path.exists(source):
                shutil.copyfile(source, os.path.join(self.output_path, "favicon.ico"))
            else:
                logger.warning("plugins/site_meta: ไม่พบไฟล์ %s / favicon file %s is missing", source, source)

    def _write(self, save_as: str, text: str) -> None:
        path = os.path.join(self.output_path, save_as)
        os.makedirs(os.path.dirname(path) or ".", exist_ok=True)
        with open(path, "w", encoding="utf-8") as f:
            f.write(text)


def get_generators(pelican):
    """`get_generators` handler: add the site_meta generator."""
    return SiteMetaGenerator
