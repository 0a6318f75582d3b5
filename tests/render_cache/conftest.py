"""Fixtures of the render_cache tests: the plugin importable as Pelican imports it (`render_cache`)."""

import sys
from pathlib import Path

PLUGINS = Path(__file__).resolve().parents[2] / "plugins"
if str(PLUGINS) not in sys.path:
    sys.path.insert(0, str(PLUGINS))
