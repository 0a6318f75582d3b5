"""Plugin thai_date (being written)."""


def register():
    """Wire the plugin to Pelican signals."""
