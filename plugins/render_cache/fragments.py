"""A memo of rendered template fragments for one build (no Pelican imports).

A news card shows the same article the same way on the home page, on every category, tag and
archive page and under "related news": drawing it once and reusing the HTML saves most of the
rendering time of list pages. A fragment is keyed by the objects it shows and every argument that
changes its output, so a card drawn differently (heading level, eager loading) is kept per variant.
"""

from __future__ import annotations

_VALUE_TYPES = frozenset({str, int, float, bool, type(None)})


class FragmentMemo:
    """Rendered fragments by key, for the length of one build; at most `max_entries` kept.

    Key parts that are not hashable or whose value may change (content objects) are taken by
    identity; the object is kept alongside the fragment, so its id cannot be reused while the
    fragment is remembered.
    """

    def __init__(self, max_entries: int = 50_000, enabled: bool = True):
        self.max_entries = max_entries
        self.enabled = enabled
        self._memo: dict[tuple, tuple[tuple, object]] = {}
        self.hits = 0
        self.misses = 0

    def __len__(self) -> int:
        return len(self._memo)

    def clear(self) -> None:
        self._memo.clear()

    def once(self, parts: tuple, render):
        """The fragment for `parts`: remembered, or `render()` now (and remembered)."""
        if not self.enabled:
            return render()
        # Parts of exactly str, int, float, bool or None count by value (with their type, so 1,
        # "1" and True differ); anything else, subclasses included, by identity.
        values = []
        objects = []
        for part in parts:
            if type(part) in _VALUE_TYPES:
                values.append(part)
            else:
                values.append(id(part))
                objects.append(part)
        key = (tuple(map(type, parts)), *values)
        found = self._memo.get(key)
        if found is not None and all(a is b for a, b in zip(found[0], objects)):
            self.hits += 1
            return found[1]
        self.misses += 1
        html = render()
        if len(self._memo) >= self.max_entries:
            self._memo.clear()
        self._memo[key] = (tuple(objects), html)
        return html
