"""Plugin web_editor: the web editor for authors (Decap CMS) at /admin/ (see README.md)."""

from pelican import signals

from .output import write_editor
from .settings import apply_defaults


def register():
    """Wire the plugin to Pelican signals."""
    signals.initialized.connect(apply_defaults)
    signals.all_generators_finalized.connect(write_editor)
