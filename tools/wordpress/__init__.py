"""Moving from WordPress: `invoke import-wordpress` (see importer.py for the steps).

Files, by what they hold: wxr.py (reading the export), catalog.py (its index: attachments, old
addresses, links), dates.py, taxonomy.py, plan.py (what becomes which file, with which slug),
blocks.py, shortcodes.py, autop.py, clutter.py, convert.py and markdown.py (bodies to
Markdown), media.py (fetching uploads), photos.py (cleaning them), bring_in.py (where uploads go
in content/), links.py (new addresses of posts, files, categories, tags), files.py (writing
without overwriting authors' edits), redirects.py (every old address), report.py, progress.py,
importer.py (the whole run), importer_paths.py (plugins on sys.path) and __main__.py (the
command line).
"""
