"""Settings of the wp_legacy plugin, applied once on `initialized`.

Every setting starts with WP_LEGACY_; README.md documents each one.
"""

from __future__ import annotations

import logging

logger = logging.getLogger(__name__)

DEFAULTS = {
    # Write a static redirect page at each old address (for hosts without server rules).
    "WP_LEGACY_REDIRECT_PAGES": True,
    # The nginx redirect file the import writes, relative to the project (the folder holding
    # PATH); its addresses without a query get redirect pages too. "" reads none.
    "WP_LEGACY_NGINX_MAP": "deploy/wordpress-redirects.conf",
    # The folder of the address book the home page and the page not found read (address_book.py),
    # relative to the output folder; "" writes none (and the pages load no script for old addresses).
    "WP_LEGACY_ADDRESSES_PATH": "wordpress-addresses",
}

_CHECKS = {
    "WP_LEGACY_REDIRECT_PAGES": lambda v: isinstance(v, bool),
    "WP_LEGACY_NGINX_MAP": lambda v: isinstance(v, str),
    "WP_LEGACY_ADDRESSES_PATH": lambda v: isinstance(v, str) and not v.startswith("/") and ".." not in v,
}

# Metadata keys this plugin reads (content_guard accepts them).
METADATA_KEYS = ("old_url", "guid")


def with_defaults(settings: dict) -> dict:
    """The values to add to (or replace in) `settings`: missing defaults and bad values fixed.

    A bad value warns and falls back to the default; the user's own dict is never edited.
    """
    added = {}
    for name, default in DEFAULTS.items():
        if name not in settings:
            added[name] = default
        elif not _CHECKS[name](settings[name]):
            logger.warning(
                "pelicanconf.py: %s = %r ใช้ไม่ได้ จึงใช้ค่าเริ่มต้น %r / %s = %r is not valid, "
                "using the default %r (see plugins/wp_legacy/README.md)",
                name, settings[name], default, name, settings[name], default,
            )
            added[name] = default
    return added
