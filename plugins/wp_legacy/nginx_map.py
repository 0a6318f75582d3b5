"""The nginx redirect file for the old WordPress addresses: written by the import, read by the build.

Format (`render(entries)`), for the `http` block of the server's configuration:

    map_hash_bucket_size 256;
    map_hash_max_size 262144;
    map "$uri?attachment_id=$arg_attachment_id" $wordpress_old_attachment_id { default ""; ... }
    map "$uri?p=$arg_p" $wordpress_old_p { default $wordpress_old_attachment_id; "/?p=12" "/news/slug/"; ... }
    map $uri $wordpress_redirect { default $wordpress_old_p; "/news/ข่าว/" "/news/slug/"; ... }

and one line in the `server` block: `if ($wordpress_redirect) { return 301 $wordpress_redirect; }`.
`$uri` is the decoded path (UTF-8), so a Thai address matches whichever way a browser encoded it
(`%E0%B8%82` or `%e0%b8%82`). An old address with a query (`?p=ID`, `?page_id=ID`,
`?attachment_id=ID`, `?feed=rss2`: one parameter each, plain ASCII) is matched by its path and
that one parameter, one map per parameter name, each map's default the next: so it is found
whatever else the query holds and in whatever order (`?p=12&fbclid=...`, which Facebook adds to
every link it opens, `?utm_source=line&p=12`, `?p=12&amp=1`). nginx matches map strings
ignoring case.

`parse(text)` reads the entries back (the build writes a static redirect page for each path).
Nothing here imports Pelican.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

HEADER = """\
# Old WordPress addresses -> new pages (written by `invoke import-wordpress`; do not edit by hand:
# the next import reports a conflict and leaves the file as it is).
# Install: include this file in nginx's http block (for example copy it to
# /etc/nginx/conf.d/zerocorruption-wordpress.conf) and add to the site's server block:
#     if ($wordpress_redirect) { return 301 $wordpress_redirect; }
# See docs/authors/07-wordpress.md.
"""
PATH_VARIABLE = "$wordpress_redirect"
SERVER_LINE = f"if ({PATH_VARIABLE}) {{ return 301 {PATH_VARIABLE}; }}"
_ENTRY = re.compile(r'^\s*"((?:[^"\\]|\\.)*)"\s+"((?:[^"\\]|\\.)*)";\s*$')
_MAP = re.compile(r'^\s*map\s+(\$\w+|"[^"]*")\s+(\$\w+)\s*\{\s*$')
# The query of an old address: one parameter whose name an nginx variable ($arg_NAME) can hold.
_QUERY = re.compile(r"^(?P<path>[^?]*)\?(?P<name>[A-Za-z0-9_]+)=(?P<value>[^&=#]*)$")
# Maps written before the query maps were per parameter read the raw request.
_SOURCES = ("$uri", "$request_uri")


def query_source(name: str) -> str:
    """The source of the map of the old addresses whose query is the parameter `name`."""
    return f'"$uri?{name}=$arg_{name}"'


@dataclass(frozen=True)
class Redirect:
    source: str  # a decoded path ("/news/ข่าว/") or a raw request with a query ("/?p=12")
    target: str  # the new address, site-relative from the root ("/news/slug/")
    kind: str = ""  # post, page, category, tag, attachment, feed, media... (comment only)

    @property
    def is_query(self) -> bool:
        return "?" in self.source


def writable(text: str) -> bool:
    """True when `text` can stand in the map as it is: no control character, `$`, `{`, `}`, `;`,
    nor a byte that was not UTF-8 (kept as a surrogate by the reader)."""
    return bool(text) and not any(c in "${};" or ord(c) < 32 or ord(c) == 127 or 0xD800 <= ord(c) <= 0xDFFF
                                  for c in text)


def query_parts(source: str) -> tuple[str, str, str] | None:
    """(path, parameter name, value) of an old address with one query parameter (`/?p=12`), or
    None (no query, or one nginx cannot match by a single `$arg_NAME`)."""
    match = _QUERY.match(source)
    return (match["path"], match["name"], match["value"]) if match else None


def renderable(entry: Redirect) -> bool:
    """True when `render` writes `entry`: its source and target are `writable` and a source with
    a query has one parameter (`?p=12`), which its map can tell apart from what a link adds."""
    if not (writable(entry.source) and writable(entry.target)):
        return False
    return not entry.is_query or query_parts(entry.source) is not None


def _quote(text: str) -> str:
    if not writable(text):
        raise ValueError(f"this address cannot go into an nginx map: {text!r}")
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _unquote(text: str) -> str:
    return re.sub(r"\\(.)", r"\1", text)


def render(entries) -> str:
    """The file's text; entries that differ only by ASCII letter case are kept once (nginx would
    refuse the second).

    Entries that are not `renderable` are left out."""
    queries: dict[str, dict[str, Redirect]] = {}  # parameter name (lower case) -> its entries
    paths: dict[str, Redirect] = {}
    for entry in entries:
        if not renderable(entry):
            continue
        if entry.is_query:
            name = query_parts(entry.source)[1].lower()
            queries.setdefault(name, {}).setdefault(nginx_key(entry.source), entry)
        else:
            paths.setdefault(nginx_key(entry.source), entry)
    lines = [HEADER, "map_hash_bucket_size 256;", "map_hash_max_size 262144;", ""]
    fallback = '""'
    for name in sorted(queries):
        variable = f"$wordpress_old_{name}"
        lines += [f"map {query_source(name)} {variable} {{", f"    default {fallback};"]
        lines += [f"    {_quote(e.source)} {_quote(e.target)};" for e in sorted(queries[name].values(), key=_order)]
        lines += ["}", ""]
        fallback = variable
    lines += [f"map $uri {PATH_VARIABLE} {{", f"    default {fallback};"]
    lines += [f"    {_quote(e.source)} {_quote(e.target)};" for e in sorted(paths.values(), key=_order)]
    lines += ["}", ""]
    return "\n".join(lines)


def nginx_key(source: str) -> str:
    """How nginx compares map strings: ASCII letters without case, every other byte as it is."""
    return source.translate(_ASCII_LOWER)


_ASCII_LOWER = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz")


def _order(entry: Redirect):
    return (nginx_key(entry.source), entry.source)


def parse(text: str) -> list[Redirect]:
    """The entries of a file written by `render` (other lines are ignored)."""
    entries, variable = [], None
    for line in text.split("\n"):
        opened = _MAP.match(line)
        if opened:
            variable = opened.group(1)
            continue
        if line.strip() == "}":
            variable = None
            continue
        m = _ENTRY.match(line)
        if m and variable and (variable in _SOURCES or variable.startswith('"$uri?')):
            entries.append(Redirect(_unquote(m.group(1)), _unquote(m.group(2))))
    return entries
