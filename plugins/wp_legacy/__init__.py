"""Plugin wp_legacy: old WordPress addresses keep working, imported posts keep their feed ids."""

from pelican import signals

from .pelican_hooks import collect, feed_ids, remember_url, start_build, write_redirect_pages


def register():
    """Wire the plugin to Pelican signals."""
    signals.initialized.connect(start_build)
    signals.content_object_init.connect(remember_url)
    signals.all_generators_finalized.connect(collect)
    signals.feed_generated.connect(feed_ids)
    signals.finalized.connect(write_redirect_pages)
