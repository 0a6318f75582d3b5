"""Production settings: pelicanconf.py with only what differs when the site is published."""

import os
import sys

sys.path.append(os.curdir)
from pelicanconf import *  # noqa: E402,F401,F403

SITEURL = os.environ.get("SITEURL", "https://zerocorruption.mol.go.th")
FEED_DOMAIN = SITEURL
RELATIVE_URLS = False
DELETE_OUTPUT_DIRECTORY = False

# Drafts (Status: draft) are previewed in development under drafts/; the public site must not
# carry them at a guessable address (an embargoed press release would leak).
DRAFT_SAVE_AS = ""
DRAFT_URL = ""
DRAFT_PAGE_SAVE_AS = ""
DRAFT_PAGE_URL = ""
DRAFT_LANG_SAVE_AS = ""
DRAFT_PAGE_LANG_SAVE_AS = ""

# The web editor at /admin/ (plugins/web_editor): the GitHub repository it saves to, which GitHub
# Actions names in GITHUB_REPOSITORY, and the OAuth endpoint the ministry hosts for logging in
# (repository variable WEB_EDITOR_AUTH_URL; docs/developers/editor-production.md). No secret here.
WEB_EDITOR_BACKEND = {
    "name": "github",
    "repo": os.environ.get("GITHUB_REPOSITORY", ""),
    "branch": "main",
    "base_url": os.environ.get("WEB_EDITOR_AUTH_URL", ""),
}
