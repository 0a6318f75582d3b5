"""Plugin thai_date: Buddhist-era dates, written by authors and shown to readers (see README.md)."""

from pelican import signals

from .jinja import add_filters
from .settings import apply_defaults


def register():
    """Wire the plugin to Pelican signals."""
    signals.initialized.connect(apply_defaults)
    signals.generator_init.connect(add_filters)
