"""The pages whose address is nearest to one the site does not have: the 404 page's ranking
(theme/static/js/not-found.js, `ranked` and `nearest`), for the link check.

No Pelican imports. A link to a page that is not there names the page it most likely meant, and
it must be the page the 404 page would offer a reader who followed the link: the same ranks in
the same order (the address but for letter case; cut short; one or two slips from it; with more
after a page's address; the same last part in another folder). tests/browser/test_not_found.py
asks both for every cut or mistyped address of every release and compares.
"""

from __future__ import annotations

import re
from urllib.parse import unquote

LIMIT = 3  # as not-found.js offers

SAME, CUT, SLIP, BELOW, SAME_LAST = range(5)


def _decoded(text: str) -> str:
    """`text` with its %-escapes decoded; a link cut inside the escapes of a letter loses that letter."""
    for end in range(len(text), max(0, len(text) - 8) - 1, -1):
        try:
            return unquote(text[:end], errors="strict")
        except UnicodeDecodeError:
            continue
    return text


def comparable(path: str) -> str:
    """A site path as compared: decoded, lower case, without index.html and a trailing slash."""
    text = re.sub(r"/{2,}", "/", _decoded(str(path or "")).lower())
    return re.sub(r"/+$", "", re.sub(r"/index\.html?$", "/", text))


def _last_part(path: str) -> str:
    return path[path.rfind("/") + 1:]


def edit_distance(a: str, b: str, most: int = 2) -> int:
    """Letters changed, put in, left out or two swapped between `a` and `b`; most + 1 once it is
    more than `most` (search-match.js's editDistance)."""
    if abs(len(a) - len(b)) > most:
        return most + 1
    before, previous = None, list(range(len(b) + 1))
    for i in range(1, len(a) + 1):
        row = [i]
        best = i
        for j in range(1, len(b) + 1):
            value = min(previous[j] + 1, row[j - 1] + 1, previous[j - 1] + (a[i - 1] != b[j - 1]))
            if before and i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                value = min(value, before[j - 2] + 1)
            row.append(value)
            best = min(best, value)
        if best > most:
            return most + 1
        before, previous = previous, row
    return previous[len(b)]


def ranked(asked: str, paths) -> list[tuple[str, int]]:
    """(path, rank) of the pages of `paths` near `asked`, best first, as not-found.js ranks them."""
    wanted = comparable(asked)
    last = _last_part(wanted)
    if not last:
        return []
    pages = [(path, comparable(path)) for path in dict.fromkeys(paths)]
    found: dict[str, int] = {}

    def take(chosen, rank):
        for path, _key in chosen:
            found.setdefault(path, rank)

    take([p for p in pages if p[1] == wanted], SAME)
    if len(last) >= 3:  # (cut inside a part: a whole folder is the start of every page in it)
        cut = [p for p in pages if p[1].startswith(wanted) and p[1][len(wanted):len(wanted) + 1] != "/"]
        take(sorted(cut, key=lambda p: len(p[1]))[:LIMIT], CUT)
    most = 1 if len(wanted) < 12 else 2
    slips = [(p, edit_distance(wanted, p[1], most)) for p in pages]
    take([p for p, d in sorted((s for s in slips if s[1] <= most), key=lambda s: (s[1], len(s[0][1])))], SLIP)
    take(sorted((p for p in pages if p[1] and wanted.startswith(p[1] + "/")), key=lambda p: -len(p[1])), BELOW)
    if len(last) >= 3:
        take([p for p in pages if _last_part(p[1]) == last], SAME_LAST)
    return list(found.items())


def nearest(asked: str, paths, limit: int = LIMIT) -> list[str]:
    """The paths of `paths` nearest to `asked` (`ranked`), at most `limit`."""
    return [path for path, _rank in ranked(asked, paths)[:limit]]
