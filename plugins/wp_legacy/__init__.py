"""Plugin wp_legacy: old WordPress addresses keep working (feed ids from `Guid:` are site_meta's)."""

from pelican import signals

from .pelican_hooks import collect, offer_addresses, remember_url, start_build, write_redirect_pages


def register():
    """Wire the plugin to Pelican signals."""
    signals.initialized.connect(start_build)
    signals.content_object_init.connect(remember_url)
    signals.page_generator_finalized.connect(offer_addresses)
    signals.all_generators_finalized.connect(collect)
    signals.finalized.connect(write_redirect_pages)
