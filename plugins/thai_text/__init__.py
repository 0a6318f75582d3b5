"""Plugin thai_text (being written)."""


def register():
    """Wire the plugin to Pelican signals."""
