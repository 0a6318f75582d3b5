"""Plugin thai_search (being written)."""


def register():
    """Wire the plugin to Pelican signals."""
