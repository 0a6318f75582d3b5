"""The Content-Security-Policy /admin/ needs, in one place (the site's own policy is stricter).

Decap CMS is a React application: it inserts its own <style> elements (emotion) and sets style
attributes, shows photos the author picked from blob: URLs before they are saved, draws the
preview in a frame of its own, and talks to the git host's API. Everything else stays as strict
as the site's policy (deploy/security-headers.conf): scripts, fonts and images from the site
itself only, no plugins, no framing by other sites.

`invoke editor` sends this policy with every /admin/ response (so the browser tests run under it);
docs/developers/editor-production.md shows it for nginx.
"""

from __future__ import annotations


def admin_policy(api_origins: tuple[str, ...] = ()) -> str:
    """The policy for /admin/, allowing `api_origins` (e.g. https://api.github.com) to be called."""
    connect = " ".join(("'self'", *api_origins))
    images = "'self' blob: data:"
    return (
        "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
        f"img-src {images}; font-src 'self'; connect-src {connect}; frame-src 'self' blob:; "
        "worker-src 'self' blob:; form-action 'self'; base-uri 'none'; object-src 'none'; frame-ancestors 'none'"
    )
