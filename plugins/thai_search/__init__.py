"""Plugin thai_search: a static Pagefind index of the site's content, searched in Thai."""

from pelican import signals

from .indexer import index_stats  # noqa: F401  (the benchmark calls it)
from .pelican_hooks import build_index_after_writing, use_defaults


def register():
    """Wire the plugin to Pelican signals."""
    signals.initialized.connect(use_defaults)
    signals.finalized.connect(build_index_after_writing)
