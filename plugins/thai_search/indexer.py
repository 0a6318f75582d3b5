"""Run Pagefind over a built site and describe the index it wrote.

No Pelican imports: tests and the benchmark call these functions on any output folder.
Pagefind's *extended* binary is required, because only it segments Thai words when indexing.
"""

from __future__ import annotations

import gzip
import json
import re
import shutil
import subprocess
import tempfile
import time
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from .copies import index_copy_of, page_chunks, word_parts
from .shares import in_shares
from .terms import INDEX_LANGUAGE, WORDS_FILE, ranked, shown_text, word_counts

# Files of Pagefind's own ready-made interfaces; our search page uses only pagefind.js.
PAGEFIND_UI_FILES = (
    "pagefind-ui.js",
    "pagefind-ui.css",
    "pagefind-modular-ui.js",
    "pagefind-modular-ui.css",
    "pagefind-component-ui.js",
    "pagefind-component-ui.css",
    "pagefind-highlight.js",
)


class SearchIndexError(RuntimeError):
    """Pagefind could not build the index; the message says why and what to do."""


@dataclass
class IndexRun:
    pages: int
    words: int
    filters: int
    found_body: bool
    seconds: float
    bundle: Path


def pagefind_binary() -> Path:
    """The extended Pagefind binary installed with `pagefind[extended]`."""
    try:
        from pagefind_bin_extended import get_executable
    except ImportError as exc:
        raise SearchIndexError(
            "ไม่พบ Pagefind รุ่น extended ซึ่งตัดคำภาษาไทย / Pagefind's extended build (needed to "
            "segment Thai) is not installed: run `.venv/bin/pip install -r requirements.txt`"
        ) from exc
    return Path(get_executable())


def build_index(
    site: str | Path,
    *,
    bundle_dir: str = "pagefind",
    exclude_selectors=(),
    keep_ui: bool = False,
    timeout: float = 600,
) -> IndexRun:
    """Index the HTML pages of `site` (only their `data-pagefind-body` parts) into `site/bundle_dir`,
    and write the site's Thai words beside the index (`WORDS_FILE`) for the search page.

    Pagefind reads copies of the pages (copies.index_copy) whose words are exactly thai_text's
    (nlpo3 with the site dictionary), plus the inner parts of each word that a browser may cut
    from a query (terms.py says why); it does not segment them again.
    """
    site = Path(site).resolve()
    started = time.perf_counter()
    bundle = site / bundle_dir
    if (bundle / "pagefind-entry.json").is_file():
        # Pagefind adds files with new hashed names and never removes old ones.
        shutil.rmtree(bundle)
    with tempfile.TemporaryDirectory(prefix="thai-search-") as scratch:
        pages, words = copy_indexable_pages(site, Path(scratch), exclude_selectors)
        if not pages:
            return IndexRun(0, 0, 0, False, time.perf_counter() - started, site / bundle_dir)
        command = [
            str(pagefind_binary()),
            "--site", scratch,
            "--output-path", str(site / bundle_dir),
            "--force-language", INDEX_LANGUAGE,
        ]
        if exclude_selectors:
            command += ["--exclude-selectors", ",".join(exclude_selectors)]
        try:
            done = subprocess.run(
                command, capture_output=True, text=True, timeout=timeout, check=False
            )
        except (OSError, subprocess.TimeoutExpired) as exc:
            raise SearchIndexError(f"เรียก Pagefind ไม่สำเร็จ / could not run Pagefind: {exc}") from exc
    log = done.stdout + done.stderr
    if done.returncode != 0 or "Error:" in log:
        last = " | ".join(line.strip() for line in log.strip().splitlines()[-5:])
        raise SearchIndexError(
            f"Pagefind สร้างดัชนีค้นหาไม่สำเร็จ (รหัส {done.returncode}) / Pagefind failed "
            f"(exit {done.returncode}): {last}"
        )
    if not keep_ui:
        for name in PAGEFIND_UI_FILES:
            (site / bundle_dir / name).unlink(missing_ok=True)
    (site / bundle_dir / WORDS_FILE).write_text("".join(f"{word}\n" for word, _ in words), encoding="utf-8")
    return IndexRun(
        pages=_count(r"Indexed (\d+) pages?", log),
        words=_count(r"Indexed (\d+) words?", log),
        filters=_count(r"Indexed (\d+) filters?", log),
        found_body=True,
        seconds=time.perf_counter() - started,
        bundle=site / bundle_dir,
    )


def copy_indexable_pages(site: Path, target: Path, exclude_selectors=()) -> tuple[int, list]:
    """Copy the pages of `site` that carry `data-pagefind-body` into `target` (same relative
    paths, so Pagefind gives the same URLs), as copies.index_copies makes them.

    Each copy holds only what Pagefind reads from such a page: the indexed element (with every
    `data-pagefind-*` attribute of the theme, all of which sit inside it), the `<html>` tag and
    the `<title>`. Pagefind then parses a third of the bytes (on the 2,000-post benchmark, 24 MB
    instead of 66 MB, a quarter less of its CPU time) and indexes exactly the same fragments. A
    page whose indexed element cannot be cut out safely (more than one, or unbalanced tags) is
    copied whole. Returns how many pages were copied, and the site's vocabulary (word, pages).

    The pages are shared among the cores (shares.py): each process reads its pages and counts
    their words, the counts are added up into the vocabulary, then each writes its copies.
    """
    pages = sorted(site.rglob("*.html"))
    parts = word_parts()  # (nlpo3's dictionary loaded once, before any fork)

    def read(share):
        found, split = {}, {}
        for page in share:
            data = page.read_bytes()
            if b"data-pagefind-body" in data:
                found[page] = page_chunks(indexed_part(data.decode("utf-8", errors="replace")), exclude_selectors)
        return found, word_counts((chunks for _html, chunks in found.values()), parts, split)

    def write(_share, found, site_words):
        memo = {}
        for page, (html, chunks) in found.items():
            copy = target / page.relative_to(site)
            copy.parent.mkdir(parents=True, exist_ok=True)
            copy.write_text(index_copy_of(html, chunks, site_words, memo), encoding="utf-8")
        return len(found)

    def merge(counts):
        words = ranked(sum(counts, Counter()))
        return words, frozenset(word for word, _ in words)

    (words, _site_words), written = in_shares(
        pages, read, merge, lambda share, found, merged: write(share, found, merged[1]))
    return sum(written), words


BODY_TAG = re.compile(r"<([a-zA-Z][a-zA-Z0-9-]*)\b[^>]*?\sdata-pagefind-body(?=[\s=/>])[^>]*>")
HTML_TAG = re.compile(r"<html\b[^>]*>", re.IGNORECASE)
TITLE = re.compile(r"<title\b[^>]*>.*?</title\s*>", re.IGNORECASE | re.DOTALL)


def indexed_part(html: str) -> str:
    """A small HTML document with only what Pagefind indexes of `html`: its `<html>` tag, its
    `<title>` and the one element marked `data-pagefind-body`; `html` itself when that element
    cannot be cut out with certainty."""
    if html.count("data-pagefind-body") != 1:
        return html  # several indexed elements, or the name also in a comment or script
    found = BODY_TAG.search(html)
    if found is None:
        return html
    name = found.group(1)
    tags = re.compile(rf"<(/?){re.escape(name)}(?=[\s/>])[^>]*>", re.IGNORECASE)
    depth = 0
    for tag in tags.finditer(html, found.start()):
        if tag.group(1):
            depth -= 1
        elif not tag.group(0).endswith("/>"):
            depth += 1
        if depth == 0:
            end = tag.end()
            break
    else:
        return html
    opening = HTML_TAG.search(html)
    title = TITLE.search(html, 0, found.start())
    return "".join((
        "<!DOCTYPE html>",
        opening.group(0) if opening else "<html>",
        '<head><meta charset="utf-8">', title.group(0) if title else "", "</head><body>",
        html[found.start():end],
        "</body></html>",
    ))


def _count(pattern: str, text: str) -> int:
    match = re.search(pattern, text)
    return int(match.group(1)) if match else 0


def index_stats(output_dir: str | Path, bundle_dir: str = "pagefind") -> dict:
    """Sizes of the search bundle in `output_dir`, in bytes as stored (Pagefind gzips its data).

    Keys: pages, files, total_bytes, runtime_bytes (pagefind.js, worker, wasm), data_bytes (entry,
    metadata, word index, fragments, filters: what grows with the site), data_bytes_per_1000_pages,
    index_chunks, mean_index_chunk_bytes, fragments, mean_fragment_bytes, and
    first_search_bytes_estimate (pagefind.js + wasm + entry + metadata + one index chunk + ten
    fragments: what a first query with ten results downloads; the browser test measures it).
    """
    bundle = Path(output_dir) / bundle_dir
    entry_file = bundle / "pagefind-entry.json"
    if not entry_file.is_file():
        raise FileNotFoundError(f"{entry_file} does not exist: build the site with THAI_SEARCH_ENABLED")
    entry = json.loads(entry_file.read_text(encoding="utf-8"))
    pages = sum(lang.get("page_count", 0) for lang in entry.get("languages", {}).values())

    def size(paths) -> list[int]:
        return [p.stat().st_size for p in paths if p.is_file()]

    every = size(bundle.rglob("*"))
    chunks = size((bundle / "index").glob("*.pf_index"))
    fragments = size((bundle / "fragment").glob("*.pf_fragment"))
    filters = size((bundle / "filter").glob("*.pf_filter"))
    metas = size(bundle.glob("*.pf_meta"))
    wasm = size(bundle.glob("wasm.*.pagefind"))
    script = size([bundle / "pagefind.js"])
    worker = size([bundle / "pagefind-worker.js"])
    data = entry_file.stat().st_size + sum(metas) + sum(chunks) + sum(fragments) + sum(filters)
    mean_chunk = sum(chunks) / len(chunks) if chunks else 0
    mean_fragment = sum(fragments) / len(fragments) if fragments else 0
    first = (
        sum(script) + (max(wasm) if wasm else 0) + entry_file.stat().st_size + sum(metas)
        + mean_chunk + 10 * mean_fragment
    )
    return {
        "pages": pages,
        "files": len(every),
        "total_bytes": sum(every),
        "runtime_bytes": sum(script) + sum(worker) + sum(wasm),
        "data_bytes": data,
        "data_bytes_per_1000_pages": round(data * 1000 / pages) if pages else 0,
        "index_chunks": len(chunks),
        "mean_index_chunk_bytes": round(mean_chunk),
        "fragments": len(fragments),
        "mean_fragment_bytes": round(mean_fragment),
        "filter_bytes": sum(filters),
        "first_search_bytes_estimate": round(first),
    }


def indexed_pages(output_dir: str | Path, bundle_dir: str = "pagefind") -> list[dict]:
    """What the index holds for each page: url, content, filters, meta (from Pagefind's fragments).

    `content` and the title are given as the search page shows them (terms.shown_text: zero-width
    spaces between words, without the extra words); `stored` is the text exactly as stored.
    """
    pages = []
    for page in _fragments(Path(output_dir) / bundle_dir):
        page["stored"] = page.get("content", "")
        page["content"] = shown_text(page["stored"])
        if "title" in page.get("meta", {}):
            page["meta"]["title"] = shown_text(page["meta"]["title"])
        pages.append(page)
    return sorted(pages, key=lambda page: page.get("url", ""))


def _fragments(bundle: Path):
    """Pagefind's record of each page (gzip files starting with the signature `pagefind_dcd`)."""
    for fragment in sorted((bundle / "fragment").glob("*.pf_fragment")):
        data = gzip.decompress(fragment.read_bytes())
        if data.startswith(b"pagefind_dcd"):
            data = data[len(b"pagefind_dcd"):]
        yield json.loads(data.decode("utf-8"))
