"""Plugin thai_search: a static Pagefind index of the site's content, searched in Thai."""

import sys
from pathlib import Path

# The sibling plugins are importable by name (content_guard holds the Problem type every rule uses).
if str(Path(__file__).resolve().parent.parent) not in sys.path:
    sys.path.append(str(Path(__file__).resolve().parent.parent))

from pelican import signals

from .indexer import index_stats  # noqa: F401  (the benchmark calls it)
from .pelican_hooks import build_index_after_writing
from .settings import apply_defaults


def register():
    """Wire the plugin to Pelican signals."""
    signals.initialized.connect(apply_defaults)
    signals.finalized.connect(build_index_after_writing)
