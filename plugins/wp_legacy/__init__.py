"""Plugin wp_legacy: old WordPress addresses keep working (feed ids from `Guid:` are site_meta's)."""

from pelican import signals

from .pelican_hooks import collect, remember_url, start_build, write_redirect_pages


def register():
    """Wire the plugin to Pelican signals."""
    signals.initialized.connect(start_build)
    signals.content_object_init.connect(remember_url)
    signals.all_generators_finalized.connect(collect)
    signals.finalized.connect(write_redirect_pages)
