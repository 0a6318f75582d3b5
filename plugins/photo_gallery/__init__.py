"""Plugin photo_gallery: photo galleries from a folder of phone photos (see README.md)."""

from pelican import signals

from .pelican_glue import apply_defaults, attach_galleries


def register():
    """Wire the plugin to Pelican signals."""
    signals.initialized.connect(apply_defaults)
    signals.all_generators_finalized.connect(attach_galleries)
