"""Plugin render_cache: draw each news card once per build, keep each article's URL once final."""

from pelican import signals

from .pelican_hooks import add_globals, end_build, freeze_generator_urls, freeze_urls, start_build


def register():
    """Wire the plugin to Pelican signals."""
    signals.initialized.connect(start_build)
    signals.generator_init.connect(add_globals)
    signals.article_generator_finalized.connect(freeze_generator_urls)
    signals.page_generator_finalized.connect(freeze_generator_urls)
    signals.all_generators_finalized.connect(freeze_urls)
    signals.finalized.connect(end_build)
