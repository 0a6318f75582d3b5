"""Previous/next and related articles, computed once in Python instead of in every template.

Pelican 4.12 core no longer links neighbouring articles. For each article this sets:
- `newer_in_category` / `older_in_category`: the next newer / older article of the same category
  (None at either end);
- `related`: up to `count` other articles of the same category, those sharing the most tags first,
  then the closest in date. Only a window of nearby articles is scored, so the work stays linear.
"""

from __future__ import annotations

from collections import defaultdict


def _tags(article) -> frozenset:
    return frozenset(str(t) for t in getattr(article, "tags", None) or [])


# Related articles of a category by the inputs they were chosen from, for the next build in this
# process (the live preview after a save that changed no date, tag or category): the choice is a
# function of the dates and tags alone, in order, so the same inputs give the same choice.
_CHOSEN: dict = {}


def link_neighbours(articles, count: int = 3, window: int = 30) -> None:
    """Set newer_in_category, older_in_category and related on every article in `articles`."""
    by_category = defaultdict(list)
    for article in articles:
        by_category[str(getattr(article, "category", ""))].append(article)
    for items in by_category.values():
        items.sort(key=lambda a: a.date, reverse=True)  # newest first
        tag_sets = [_tags(a) for a in items]  # once per article, not once per comparison
        stamps = [a.date.timestamp() for a in items]
        key = (count, window, tuple(stamps), tuple(tag_sets))
        chosen = _CHOSEN.get(key)
        if chosen is None:
            chosen = _related(tag_sets, stamps, count, window)
            if len(_CHOSEN) >= 64:
                _CHOSEN.clear()
            _CHOSEN[key] = chosen
        for i, article in enumerate(items):
            article.newer_in_category = items[i - 1] if i > 0 else None
            article.older_in_category = items[i + 1] if i + 1 < len(items) else None
            article.related = [items[j] for j in chosen[i]]


def _related(tag_sets: list, stamps: list, count: int, window: int) -> list[list[int]]:
    """For each article (newest first), the positions of its related ones: of the `window`
    articles on either side, those sharing the most tags first, then the closest in date."""
    chosen = []
    for i, (tags, stamp) in enumerate(zip(tag_sets, stamps)):
        nearby = [*range(max(0, i - window), i), *range(i + 1, min(len(tag_sets), i + 1 + window))]
        nearby.sort(key=lambda j: (-len(tags & tag_sets[j]), abs(stamps[j] - stamp)))
        chosen.append(nearby[:count])
    return chosen


def on_articles_finalized(generator) -> None:
    """`article_generator_finalized` handler."""
    count = generator.settings.get("SITE_META_RELATED_COUNT", 3)
    link_neighbours(list(generator.articles), count=count)
