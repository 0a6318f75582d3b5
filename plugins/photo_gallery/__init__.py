"""Plugin photo_gallery: photo galleries from a folder of phone photos (see README.md)."""

import sys
from pathlib import Path

# The sibling plugins are importable by name (content_guard holds the Problem type every rule uses).
if str(Path(__file__).resolve().parent.parent) not in sys.path:
    sys.path.append(str(Path(__file__).resolve().parent.parent))

from pelican import signals

from .pelican_glue import attach_galleries
from .settings import apply_defaults
from .static_photos import publish_clean_statics


def register():
    """Wire the plugin to Pelican signals."""
    signals.initialized.connect(apply_defaults)
    signals.all_generators_finalized.connect(attach_galleries)
    signals.static_generator_finalized.connect(publish_clean_statics)
