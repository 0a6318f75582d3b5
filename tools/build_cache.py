"""What a build keeps in CACHE_PATH for the next one (speed only: the output is the same).

- `template_cache(settings)`: Jinja's compiled templates. Pelican makes one Jinja environment per
  generator, so each template used to be compiled four or five times per build; with one bytecode
  cache the first environment compiles it and the others (and the next build) load it. Jinja
  compares each cached entry with a checksum of the template's source, and the folder is named
  after the environment's options and Jinja's version, so a changed template or option is
  compiled again.
"""

from __future__ import annotations

import hashlib
from pathlib import Path


def _digest(*parts) -> str:
    return hashlib.blake2b(repr(parts).encode("utf-8"), digest_size=8).hexdigest()


def template_cache(settings: dict):
    """A Jinja bytecode cache in CACHE_PATH/jinja-<options>/ for the JINJA_ENVIRONMENT of `settings`."""
    import jinja2
    from jinja2 import FileSystemBytecodeCache

    options = {k: v for k, v in (settings.get("JINJA_ENVIRONMENT") or {}).items() if k != "bytecode_cache"}
    folder = Path(settings.get("CACHE_PATH") or "cache") / f"jinja-{_digest(sorted(options.items(), key=str), jinja2.__version__)}"
    folder.mkdir(parents=True, exist_ok=True)
    return FileSystemBytecodeCache(str(folder))


def with_build_speedups(settings: dict) -> dict:
    """`settings` with the readers and template cache every build uses (tools/pelican_adapter.py)."""
    from tools.pelican_adapter import with_fast_readers

    settings["READERS"] = with_fast_readers(settings.get("READERS") or {})
    jinja = dict(settings.get("JINJA_ENVIRONMENT") or {})
    if "bytecode_cache" not in jinja:
        jinja["bytecode_cache"] = template_cache(settings)
    settings["JINJA_ENVIRONMENT"] = jinja
    return settings
