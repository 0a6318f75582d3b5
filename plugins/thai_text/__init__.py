"""Plugin thai_text: Thai word breaks, typing-error fixes, summaries, reading time and slugs."""

import sys
from pathlib import Path

# The sibling plugins are importable by name (content_guard holds the Problem type every rule uses).
if str(Path(__file__).resolve().parent.parent) not in sys.path:
    sys.path.append(str(Path(__file__).resolve().parent.parent))

from pelican import signals

from .pelican_hooks import (
    add_filters,
    finish_build,
    process_content,
    set_summaries,
    set_taxonomy_slugs,
    start_build,
)


def register():
    """Wire the plugin to Pelican signals."""
    signals.initialized.connect(start_build)
    signals.generator_init.connect(add_filters)
    signals.content_object_init.connect(process_content)
    signals.article_generator_pretaxonomy.connect(set_taxonomy_slugs)
    signals.all_generators_finalized.connect(set_summaries)
    signals.finalized.connect(finish_build)
