"""Plugin attachments: documents (PDF, Word, Excel...) listed under a release (see README.md)."""

import sys
from pathlib import Path

# The sibling plugins are importable by name (content_guard holds the Problem type every rule uses).
if str(Path(__file__).resolve().parent.parent) not in sys.path:
    sys.path.append(str(Path(__file__).resolve().parent.parent))

from pelican import signals

from .pelican_glue import attach_documents, enclose_documents
from .settings import apply_defaults


def register():
    """Wire the plugin to Pelican signals."""
    signals.initialized.connect(apply_defaults)
    signals.all_generators_finalized.connect(attach_documents)
    signals.feed_generated.connect(enclose_documents)
