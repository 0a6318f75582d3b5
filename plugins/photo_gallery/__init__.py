"""Plugin photo_gallery (being written)."""


def register():
    """Wire the plugin to Pelican signals."""
