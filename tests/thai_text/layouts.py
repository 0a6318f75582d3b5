"""Recorded segmentations: what the segmenter gave for every paragraph of our texts, as hashes.

The speed work on `thai_text.segment` must not change a single break. `data/layouts.json` holds,
for each source of text below, a hash of what the segmenter returns for each paragraph (its
boundaries, the spans never broken inside, break offsets, spans kept on one line, the spans of
names that hold a space, the word count and the tokens), recorded before that work;
test_layouts.py computes them again and compares.

Sources: every paragraph and every line of the sample content as it was when the record was
made (a frozen copy, data/layouts-content.json), every line of the gold files (read as gold.py
reads them), about 3 MB of the benchmark corpus (tools/bench/corpus.py, paragraphs as `invoke
bench` reads them) and pieces of these texts cut at seeded random places (a piece may start or
end inside a word, on a combining mark, inside a name or a URL). The "site" segmenter has the
site dictionary of that time (data/layouts-dictionary.txt).

Copies, not content/ itself: writers add and correct releases and add words to the site
dictionary every day, through the web editor, and the tests run on each of their commits. What
is compared here is the segmenter's code, so its input must not change under it (a record of
content/ failed, and held back the publication, as soon as a release was added).

The content and gold lines are recorded one hash per paragraph, keyed by a hash of its text (a
gold line added later is simply not compared). The corpus and the pieces are deterministic: one
hash per group of GROUP paragraphs.

When a change of the segmentation is intended, record again and commit the file:
    .venv/bin/python tests/thai_text/layouts.py
"""

from __future__ import annotations

import hashlib
import json
import random
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
RECORD = HERE / "data" / "layouts.json"
CONTENT = HERE / "data" / "layouts-content.json"  # content/'s paragraphs and lines when recorded
DICTIONARY = HERE / "data" / "layouts-dictionary.txt"  # content/dictionary.txt when recorded
GROUP = 100
CORPUS_MEGABYTES = 3.0
PIECES = 20_000


def digest(text: str) -> str:
    return hashlib.blake2b(text.encode("utf-8"), digest_size=8).hexdigest()


def layout_digest(segmenter, text: str) -> str:
    """A hash of everything the segmenter says about `text`, through each public entry point
    (with and without its cache, as a build and `invoke bench` call it)."""
    offsets = segmenter.break_offsets(text, use_cache=False)
    layout = segmenter.line_layout(text)  # segments and remembers
    names = segmenter.breaks_and_names(text)  # from the memory
    facts = (
        segmenter.boundaries(text),
        segmenter.protected_spans(text),
        offsets,
        layout,
        names,
        segmenter.word_count(text),
        segmenter.segment(text),
    )
    return digest(repr(facts))


def content_paragraphs() -> list[str]:
    """Every paragraph (blank-line separated, as written) and every line of content/**/*.md, as
    they were when the record was made (CONTENT)."""
    return json.loads(CONTENT.read_text(encoding="utf-8"))


def gold_paragraphs() -> list[str]:
    sys.path.insert(0, str(HERE))
    from gold import gold_lines

    return list(dict.fromkeys(text for text, *_rest in gold_lines()))


def corpus_paragraphs(megabytes: float = CORPUS_MEGABYTES) -> list[str]:
    """About `megabytes` MB of the benchmark corpus, read as `tools/bench/worker.py segment` reads
    it (generated in memory, in the order of its files)."""
    sys.path.insert(0, str(ROOT))
    from tools.bench.corpus import _post, pelican_markdown

    posts = []
    size, index = 0, 0
    while size < megabytes * 1.2e6:
        post = _post(index, 2026)
        posts.append(post)
        size += len(post["body"].encode("utf-8"))
        index += 1
    paragraphs, size = [], 0
    for post in sorted(posts, key=lambda p: p["slug"]):
        body = pelican_markdown(post).split("\n\n", 1)[-1]
        for line in body.splitlines():
            line = line.lstrip("#- ").replace("**", "").strip()
            if line:
                paragraphs.append(line)
                size += len(line.encode("utf-8")) + 1
        if size >= megabytes * 1e6:
            break
    return paragraphs


def pieces(texts: list[str], count: int = PIECES) -> list[str]:
    """`count` pieces of `texts` between seeded random offsets (1 to 80 characters)."""
    rng = random.Random(13)
    found = []
    for _ in range(count):
        text = rng.choice(texts)
        start = rng.randrange(len(text))
        found.append(text[start : start + rng.randint(1, 80)])
    return found


def sources() -> dict[str, tuple[str, str, list[str]]]:
    """name -> (segmenter: "site" or "plain", how it is recorded: "keyed" or "grouped",
    paragraphs). "plain" is the segmenter without a site dictionary that `invoke bench` times."""
    content, gold = content_paragraphs(), gold_paragraphs()
    corpus = corpus_paragraphs()
    return {
        "content": ("site", "keyed", content),
        "gold": ("site", "keyed", gold),
        "corpus": ("site", "grouped", corpus),
        "pieces": ("site", "grouped", pieces(content + gold + corpus[:2000])),
        "corpus-plain": ("plain", "grouped", corpus_paragraphs(1.0)),
    }


def compute(segmenter, how: str, paragraphs: list[str]):
    if how == "keyed":
        return {digest(p): layout_digest(segmenter, p) for p in paragraphs}
    groups = []
    for start in range(0, len(paragraphs), GROUP):
        group = paragraphs[start : start + GROUP]
        groups.append({
            "text": digest("\n".join(group)),
            "layout": digest("".join(layout_digest(segmenter, p) for p in group)),
        })
    return groups


def segmenters() -> dict:
    """"site": the segmenter with the site dictionary of the record (DICTIONARY); "plain": the one
    `invoke bench` times (no site dictionary)."""
    sys.path.insert(0, str(ROOT / "plugins"))
    from thai_text.segment import default_segmenter

    return {"site": default_segmenter(str(DICTIONARY)), "plain": default_segmenter()}


def main() -> None:
    found = segmenters()
    recorded = {"dictionary": {k: s.dictionary_hash for k, s in found.items()}}
    for name, (which, how, paragraphs) in sources().items():
        recorded[name] = compute(found[which], how, paragraphs)
        print(f"{name}: {len(paragraphs)} paragraphs, "
              f"{sum(len(p.encode('utf-8')) for p in paragraphs) / 1e6:.2f} MB")
    RECORD.write_text(json.dumps(recorded, indent=0, sort_keys=True) + "\n", encoding="utf-8")
    print(f"written {RECORD.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
