"""Plugin site_meta: sitemap.xml, robots.txt, favicon.ico, feeds' metadata, neighbouring/related articles
and the home page's ข่าวเด่น (featured releases)."""

from pelican import signals

from .featured import set_featured
from .feeds import complete_feed
from .generator import get_generators
from .neighbours import on_articles_finalized
from .settings import apply_defaults


def register():
    """Wire the plugin to Pelican signals."""
    signals.initialized.connect(apply_defaults)
    signals.get_generators.connect(get_generators)
    signals.article_generator_finalized.connect(on_articles_finalized)
    signals.article_generator_finalized.connect(set_featured)
    signals.feed_generated.connect(complete_feed)
