"""The Pelican side: `article.attachments` / `page.attachments`, the documents a release lists.

Runs on `all_generators_finalized`, before any template is rendered. What is wrong with a listed
document is reported by the rule "attachments" before anything is read (an ERROR stops the build);
here a document that is not there is only left out. The documents under ATTACHMENTS_DIR are
copied into the output at the same path, those a page written to the output lists and no other (a
draft in production has no page, so its documents wait with it; a future-dated release is not in
the lists at all); documents elsewhere in STATIC_PATHS are published by Pelican's static generator.

On `feed_generated`, each entry of a release with documents gets them as enclosures (absolute
links with their size and media type): a feed reader offers them for download, as the page lists
them under the body. Atom takes them all; RSS allows one enclosure per item, the first document.
"""

from __future__ import annotations

import shutil
from pathlib import Path
from urllib.parse import urljoin, urlsplit

from .documents import HEADER_KEY, attachment, document, listed, published_here


def attach_documents(generators) -> None:
    from content_guard.site_checks import CONTENT_LISTS  # every list of contents a generator keeps

    generators = list(generators)
    if not generators:
        return
    settings = generators[0].settings
    seen = set()
    copies: dict[str, Path] = {}  # output path -> document
    for generator in generators:
        for name in CONTENT_LISTS:
            for content in getattr(generator, name, None) or []:
                if id(content) in seen:
                    continue
                seen.add(id(content))
                entries, _bad = listed(content.metadata.get(HEADER_KEY))
                documents = []
                for entry in entries:
                    path, why = document(entry, settings)
                    if why is None:
                        documents.append(attachment(entry, path, settings))
                        target = published_here(path, settings)
                        if target and getattr(content, "save_as", ""):
                            copies[target] = path
                content.attachments = documents
    output = Path(settings["OUTPUT_PATH"])
    for target, path in sorted(copies.items()):
        (output / target).parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(path, output / target)


def enclose_documents(context, feed) -> None:
    from feedgenerator import Enclosure, Rss201rev2Feed

    by_url = {getattr(item, "url", ""): item for name in ("articles", "pages") for item in context.get(name) or []}
    base = (context.get("FEED_DOMAIN") or context.get("SITEURL") or "").rstrip("/") + "/"
    for entry in feed.items:
        item = by_url.get(urlsplit(entry.get("link") or "").path.lstrip("/"))
        documents = getattr(item, "attachments", None) or []
        if isinstance(feed, Rss201rev2Feed):
            documents = documents[:1]
        entry["enclosures"] = [Enclosure(urljoin(base, d.url), str(d.size), d.media_type) for d in documents]
