"""The Content-Security-Policy /admin/ needs, in one place (the site's own policy is stricter).

Decap CMS is a React application: it inserts its own <style> elements (emotion) and sets style
attributes, shows photos the author picked from blob: URLs before they are saved, draws the
preview in a frame of its own, and talks to the git host's API. It also checks its configuration
with ajv, which compiles the schema into a function at run time: without 'unsafe-eval' Decap does
not start (measured: "Evaluating a string as JavaScript violates ... script-src 'self'"). Only the
site's own scripts run there, so the risk is what such a script could do with eval, not a
script from elsewhere. Everything else stays as strict
as the site's policy (deploy/security-headers.conf): scripts, fonts and images from the site
itself only, no plugins, no framing by other sites.

`invoke editor` sends this policy with every /admin/ response (so the browser tests run under it);
docs/developers/editor-production.md shows it for nginx.
"""

from __future__ import annotations


def admin_policy(api_origins: tuple[str, ...] = ()) -> str:
    """The policy for /admin/, allowing `api_origins` (e.g. https://api.github.com) to be called."""
    connect = " ".join(("'self'", "blob:", *api_origins))
    images = "'self' blob: data:"
    return (
        "default-src 'none'; script-src 'self' 'unsafe-eval'; style-src 'self' 'unsafe-inline'; "
        f"img-src {images}; font-src 'self'; connect-src {connect}; frame-src 'self' blob:; "
        "worker-src 'self' blob:; form-action 'self'; base-uri 'none'; object-src 'none'; frame-ancestors 'none'"
    )
