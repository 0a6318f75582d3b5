"""Plugin site_meta: sitemap.xml, robots.txt, favicon.ico, feeds' metadata, and neighbouring/related articles."""

from pelican import signals

from .feeds import complete_feed
from .generator import get_generators
from .neighbours import on_articles_finalized
from .settings import apply_defaults


def register():
    """Wire the plugin to Pelican signals."""
    signals.initialized.connect(apply_defaults)
    signals.get_generators.connect(get_generators)
    signals.article_generator_finalized.connect(on_articles_finalized)
    signals.feed_generated.connect(complete_feed)
