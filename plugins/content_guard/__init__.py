"""Plugin content_guard: judges what authors give us and sanitises their HTML (see README.md)."""

from pelican import signals

from .readers import guard_readers
from .settings import apply_defaults
from .site_checks import (
    check_duplicates,
    drop_outside_statics,
    exclude_linked_folders,
    judge_content,
    new_ledger,
    report_deferred,
)


def register():
    """Wire the plugin to Pelican signals."""
    signals.initialized.connect(apply_defaults)
    signals.initialized.connect(new_ledger)
    signals.initialized.connect(exclude_linked_folders)
    signals.readers_init.connect(judge_content)
    signals.readers_init.connect(guard_readers)
    signals.static_generator_finalized.connect(drop_outside_statics)
    signals.all_generators_finalized.connect(check_duplicates)
    signals.finalized.connect(report_deferred)
