"""Plugin content_guard (being written)."""


def register():
    """Wire the plugin to Pelican signals."""
