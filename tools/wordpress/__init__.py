"""Moving from WordPress: `invoke import-wordpress` (see importer.py for the steps).

Files, by what they hold: wxr.py (reading the export), catalog.py (its index and links),
dates.py, taxonomy.py, blocks.py, shortcodes.py, autop.py, clutter.py, convert.py and
markdown.py (bodies to Markdown), media.py (fetching uploads), photos.py (cleaning them into
content/), files.py (writing without overwriting authors' edits), redirects.py (old addresses),
report.py, progress.py, importer.py (the whole run) and __main__.py (the command line).
"""
