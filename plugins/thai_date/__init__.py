"""Plugin thai_date: Buddhist-era dates, written by authors and shown to readers (see README.md)."""

import sys
from pathlib import Path

# The sibling plugins are importable by name (content_guard holds the Problem type every rule uses).
if str(Path(__file__).resolve().parent.parent) not in sys.path:
    sys.path.append(str(Path(__file__).resolve().parent.parent))

from pelican import signals

from .archives import year_archives
from .content import hold_future_articles, set_locale_dates
from .jinja import add_filters
from .reader import use_thai_date_readers
from .settings import apply_defaults


def register():
    """Wire the plugin to Pelican signals."""
    signals.initialized.connect(apply_defaults)
    signals.readers_init.connect(use_thai_date_readers)
    signals.generator_init.connect(add_filters)
    signals.content_object_init.connect(set_locale_dates)
    signals.article_generator_pretaxonomy.connect(hold_future_articles)
    signals.article_generator_finalized.connect(year_archives)
