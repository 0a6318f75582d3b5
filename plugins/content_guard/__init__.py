"""Plugin content_guard: checks what authors give us and sanitises their HTML (see README.md)."""

from pelican import signals

from .readers import guard_readers
from .settings import apply_defaults
from .site_checks import check_duplicates, check_links, collect_links, drop_outside_statics, new_ledger


def register():
    """Wire the plugin to Pelican signals."""
    signals.initialized.connect(apply_defaults)
    signals.initialized.connect(new_ledger)
    signals.readers_init.connect(guard_readers)
    signals.static_generator_finalized.connect(drop_outside_statics)
    signals.all_generators_finalized.connect(check_duplicates)
    signals.all_generators_finalized.connect(collect_links)
    signals.finalized.connect(check_links)
