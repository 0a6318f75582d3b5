"""Production post-processing of a built site, run in the staging folder before it goes live.

`tools/build.py` calls `postprocess(staging)` after a successful Pelican build and before the
swap (see `invoke publish`). Steps, in this order because each depends on the previous one:

1. the theme's CSS and JavaScript minified (minify-html), then every CSS, JavaScript and font
   file under the theme's static folder gets a content hash in its name (`site.css` ->
   `site.3f2a9c1b.css`), dependencies first, so a hash covers what it loads; relative references
   between those files are rewritten as they are renamed;
2. Pagefind's filter files put in a fixed order (Pagefind writes them in hash-map order);
3. one pass over every other file, spread over the machine's cores (each file is independent):
   HTML minified, site-rooted references to the renamed assets rewritten in HTML, XML, JSON,
   CSS and JavaScript, and a `.gz` and a `.br` written beside each text file of at least
   `MIN_COMPRESS_BYTES` (nginx's gzip_static/brotli_static serve them; smaller files are served
   as they are). Each file is read once and written once.

Already minified files (`.min.`) and Pagefind's own bundle are never minified or rewritten.

The result is deterministic: the same input gives byte-identical output (hashes from content,
gzip without a timestamp, no step depends on the order in which the processes finish or on the
clock).
"""

from __future__ import annotations

import gzip
import hashlib
import json
import os
import posixpath
import re
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import brotli
import minify_html

HASHED_SUFFIXES = {".css", ".js", ".mjs", ".woff2", ".woff", ".ttf"}
TEXT_SUFFIXES = {
    ".html", ".css", ".js", ".mjs", ".xml", ".json", ".svg", ".txt", ".webmanifest", ".map",
    ".ico", ".wasm",
}
MINIFIED_SUFFIXES = {".html", ".css", ".js", ".mjs"}
# Files in which site-rooted references to renamed assets are rewritten.
REWRITTEN_SUFFIXES = {".html", ".xml", ".json", ".css", ".js", ".mjs", ".webmanifest", ".txt"}
# Files whose name is their identity for another program: never renamed or rewritten.
SKIP_DIRS = {"pagefind"}
HTML_OPTIONS = {
    "minify_css": True,
    "minify_js": True,
    "keep_closing_tags": True,
    "keep_html_and_head_opening_tags": True,
    "allow_removing_spaces_between_attributes": False,
    "allow_noncompliant_unquoted_attribute_values": False,
}
CSS_URL = re.compile(r"""url\(\s*(['"]?)([^'")\s]+)\1\s*\)""")
JS_STRING = re.compile(r"""(['"`])([^'"`\n$\\]+\.(?:m?js|css|woff2?|ttf))\1""")
HASHED_NAME = re.compile(r"\.[0-9a-f]{8}(\.[a-z0-9]+)$")

# Compression. Below 1 KB a compressed copy saves less than a network packet: nginx serves the
# file itself. Measured on the 2,000-post benchmark site (2,921 minified pages, 77 MB, one core):
# gzip 9 takes 3.6 s for 14.53 MB, gzip 6 2.8 s for 14.61 MB (+0.5%); brotli 7 3.8 s for
# 13.23 MB, brotli 6 3.2 s for 13.34 MB (+0.9%), brotli 5 2.8 s for 13.47 MB (+1.9%), brotli 9
# 30 s for 13.16 MB. Pages, feeds and the search bundle get gzip 6 and brotli 6; the theme's
# assets, loaded by every visitor and cached for a year, are few and small (0.1 MB) and get the
# strongest settings.
MIN_COMPRESS_BYTES = 1024
GZIP_LEVEL_ASSETS = 9
GZIP_LEVEL_PAGES = 6
BROTLI_QUALITY_ASSETS = 11
BROTLI_QUALITY_PAGES = 6
# Below this many files the pass runs in this process: starting workers would cost more.
PARALLEL_MIN_FILES = 64


def _files(root: Path):
    for path in sorted(root.rglob("*")):
        if path.is_file() and not path.is_symlink():
            if SKIP_DIRS.intersection(path.relative_to(root).parts[:1]):
                continue
            yield path


def _files_all(root: Path):
    for path in sorted(root.rglob("*")):
        if path.is_file() and not path.is_symlink() and path.suffix not in {".gz", ".br"}:
            yield path


def _minify(text: str, suffix: str) -> str | None:
    """The minified text of an HTML, CSS or JS file, or None when it cannot be minified."""
    if suffix == ".html":
        return minify_html.minify(text, **HTML_OPTIONS)
    tag = "style" if suffix == ".css" else 'script type="module"'
    end = "style" if suffix == ".css" else "script"
    if f"</{end}" in text.lower():
        return None  # could not be wrapped safely
    wrapped = minify_html.minify(
        f"<{tag}>{text}</{end}>", minify_css=suffix == ".css", minify_js=suffix != ".css"
    )
    match = re.fullmatch(rf"<{end}[^>]*>(.*)</{end}>", wrapped, re.S)
    return match.group(1) if match else None


def minify_text(path: Path) -> bool:
    """Minify one HTML, CSS or JS file in place; returns True when it changed."""
    if ".min." in path.name or path.suffix not in MINIFIED_SUFFIXES:
        return False
    source = path.read_text(encoding="utf-8")
    result = _minify(source, path.suffix)
    if result and result != source:
        path.write_text(result, encoding="utf-8")
        return True
    return False


def _references(path: Path, root: Path, assets: set[str]) -> set[str]:
    """Assets (output-relative posix paths) that a CSS or JS file refers to by a relative URL."""
    text = path.read_text(encoding="utf-8", errors="replace")
    base = posixpath.dirname(path.relative_to(root).as_posix())
    pattern = CSS_URL if path.suffix == ".css" else JS_STRING
    found = set()
    for match in pattern.finditer(text):
        url = match.group(2).split("?", 1)[0].split("#", 1)[0]
        if "://" in url or url.startswith(("data:", "/")):
            continue
        target = posixpath.normpath(posixpath.join(base, url))
        if target in assets:
            found.add(target)
    return found


def _rewrite_relative(path: Path, root: Path, renamed: dict[str, str]) -> None:
    text = path.read_text(encoding="utf-8", errors="replace")
    base = posixpath.dirname(path.relative_to(root).as_posix())
    pattern = CSS_URL if path.suffix == ".css" else JS_STRING

    def swap(match):
        whole, url = match.group(0), match.group(2)
        clean = url.split("?", 1)[0].split("#", 1)[0]
        target = posixpath.normpath(posixpath.join(base, clean))
        if target not in renamed:
            return whole
        new_url = posixpath.join(posixpath.dirname(clean), posixpath.basename(renamed[target]))
        return whole.replace(clean, new_url, 1)

    new = pattern.sub(swap, text)
    if new != text:
        path.write_text(new, encoding="utf-8")


def hash_assets(root: Path, static_dir: str = "theme", *, rewrite_site: bool = True) -> dict[str, str]:
    """Rename CSS/JS/fonts under `root/static_dir` to content-hashed names; return old -> new.

    With `rewrite_site` (the default) the site-rooted references in every other file are
    rewritten too; `postprocess` does that in its own single pass over the site instead.
    """
    root = Path(root)
    static = root / static_dir
    if not static.is_dir():
        return {}
    assets = {
        p.relative_to(root).as_posix(): p
        for p in _files(static)
        if p.suffix in HASHED_SUFFIXES and not HASHED_NAME.search(p.name)
    }
    deps = {
        rel: _references(p, root, set(assets)) if p.suffix in {".css", ".js", ".mjs"} else set()
        for rel, p in assets.items()
    }
    renamed: dict[str, str] = {}
    visiting: set[str] = set()

    def visit(rel: str) -> None:
        if rel in renamed or rel in visiting:
            return
        visiting.add(rel)
        for dep in sorted(deps[rel]):
            visit(dep)
        path = assets[rel]
        if path.suffix in {".css", ".js", ".mjs"}:
            _rewrite_relative(path, root, renamed)
        digest = hashlib.sha256(path.read_bytes()).hexdigest()[:8]
        new_rel = posixpath.join(posixpath.dirname(rel), f"{path.stem}.{digest}{path.suffix}")
        path.rename(root / new_rel)
        renamed[rel] = new_rel
        visiting.discard(rel)

    for rel in sorted(assets):
        visit(rel)
    if rewrite_site:
        _rewrite_absolute(root, renamed)
    return renamed


def _absolute_pattern(renamed: dict[str, str]) -> tuple[re.Pattern, str] | None:
    """Site-rooted references ("/theme/css/site.css", "https://x/theme/...") to renamed assets,
    and the literal every such reference contains ("/theme/").

    The pattern starts with that literal, which the regex engine finds with a fast scan, instead
    of trying every alternative after every "/"; a file without the literal is not searched.
    """
    if not renamed:
        return None
    olds = list(renamed)
    common = posixpath.commonpath(olds) if len(olds) > 1 else posixpath.dirname(olds[0])
    needle = f"/{common}/" if common else "/"
    rests = sorted((old[len(needle) - 1:] for old in olds), key=len, reverse=True)
    pattern = re.compile(
        re.escape(needle) + "(?:" + "|".join(re.escape(rest) for rest in rests)
        + r""")(?=["'`\s?#),<]|$)""",
        re.M,
    )
    return pattern, needle


def _rewrite_text(text: str, rewriter: tuple[re.Pattern, str] | None, renamed: dict[str, str]) -> str:
    if rewriter is None or rewriter[1] not in text:
        return text
    return rewriter[0].sub(lambda match: "/" + renamed[match.group(0)[1:]], text)


def _rewrite_absolute(root: Path, renamed: dict[str, str]) -> None:
    """Rewrite site-rooted references to renamed assets in every file (one process)."""
    pattern = _absolute_pattern(renamed)
    if pattern is None:
        return
    for path in _files(root):
        if path.suffix not in REWRITTEN_SUFFIXES:
            continue
        text = path.read_text(encoding="utf-8", errors="replace")
        new = _rewrite_text(text, pattern, renamed)
        if new != text:
            path.write_text(new, encoding="utf-8")


def _compressed(data: bytes, is_asset: bool) -> tuple[bytes, bytes]:
    """The `.gz` (no timestamp) and `.br` bytes of one file."""
    level = GZIP_LEVEL_ASSETS if is_asset else GZIP_LEVEL_PAGES
    quality = BROTLI_QUALITY_ASSETS if is_asset else BROTLI_QUALITY_PAGES
    return (
        gzip.compress(data, compresslevel=level, mtime=0),
        brotli.compress(data, mode=brotli.MODE_TEXT, quality=quality),
    )


def _write_compressed(path: Path, data: bytes, is_asset: bool) -> bool:
    """Write `.gz` and `.br` beside `path` (or remove stale ones for a small file)."""
    gz, br = path.with_name(path.name + ".gz"), path.with_name(path.name + ".br")
    if len(data) < MIN_COMPRESS_BYTES:
        gz.unlink(missing_ok=True)
        br.unlink(missing_ok=True)
        return False
    gz_data, br_data = _compressed(data, is_asset)
    gz.write_bytes(gz_data)
    br.write_bytes(br_data)
    return True


def compress(root: Path, static_dir: str = "theme") -> int:
    """Write `.gz` and `.br` beside each text file of at least MIN_COMPRESS_BYTES (one process)."""
    root = Path(root)
    count = 0
    for path in list(_files_all(root)):
        if path.suffix not in TEXT_SUFFIXES:
            continue
        is_asset = path.relative_to(root).parts[0] == static_dir
        count += _write_compressed(path, path.read_bytes(), is_asset)
    return count


# --- The single pass over the site: state each worker process receives once.
_PASS: dict = {}


def _pass_init(root: str, static_dir: str, renamed: dict[str, str]) -> None:
    _PASS.update(root=Path(root), static_dir=static_dir, renamed=renamed,
                 pattern=_absolute_pattern(renamed))


def _pass_file(rel: str) -> tuple[bool, bool]:
    """Minify, rewrite and compress one file (output-relative path); returns (minified, compressed)."""
    root, static_dir = _PASS["root"], _PASS["static_dir"]
    path = root / rel
    parts = rel.split("/")
    is_asset = parts[0] == static_dir
    editable = parts[0] not in SKIP_DIRS
    suffix = path.suffix
    minify = editable and not is_asset and suffix in MINIFIED_SUFFIXES and ".min." not in path.name
    rewrite = editable and suffix in REWRITTEN_SUFFIXES and _PASS["pattern"] is not None
    data = path.read_bytes()
    minified = False
    if minify or rewrite:
        text = data.decode("utf-8", errors="replace")
        new = text
        if minify:
            new = _minify(new, suffix) or new
            minified = new != text
        if rewrite:
            new = _rewrite_text(new, _PASS["pattern"], _PASS["renamed"])
        if new != text:
            data = new.encode("utf-8")
            path.write_bytes(data)
    compressed = suffix in TEXT_SUFFIXES and _write_compressed(path, data, is_asset)
    return minified, compressed


def process_site(root: Path, static_dir: str, renamed: dict[str, str], workers: int | None = None) -> tuple[int, int]:
    """Step 3 of `postprocess` over every file of `root`; returns (files minified, files compressed)."""
    root = Path(root)
    rels = [p.relative_to(root).as_posix() for p in _files_all(root)]
    if workers is None:
        workers = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)
    args = (str(root), static_dir, renamed)
    if workers <= 1 or len(rels) < PARALLEL_MIN_FILES:
        _pass_init(*args)
        results = [_pass_file(rel) for rel in rels]
    else:
        # Small chunks keep both processes busy to the end; results come back in input order.
        chunk = max(1, len(rels) // (workers * 16))
        with ProcessPoolExecutor(max_workers=workers, initializer=_pass_init, initargs=args) as pool:
            results = list(pool.map(_pass_file, rels, chunksize=chunk))
    return sum(m for m, _ in results), sum(c for _, c in results)


def postprocess(root: str | Path, static_dir: str = "theme", workers: int | None = None) -> dict:
    """Minify, hash and compress the built site in `root`; returns figures for the log.

    `workers` is the number of processes of the last pass (default: the CPUs this process may use).
    """
    root = Path(root)
    static = root / static_dir
    # The theme's own CSS/JS first: their content hashes must be those of the minified files.
    minified = sum(minify_text(path) for path in _files(static)) if static.is_dir() else 0
    renamed = hash_assets(root, static_dir, rewrite_site=False)
    filters = canonical_pagefind(root)
    site_minified, compressed = process_site(root, static_dir, renamed, workers)
    return {"minified": minified + site_minified, "hashed": len(renamed), "pagefind_filters": filters,
            "compressed": compressed}


# --- Pagefind: its filter files list values in hash-map order, which changes from run to run.
PAGEFIND_MAGIC = b"pagefind_dcd"


def _cbor_decode(data: bytes, pos: int = 0):
    """Decode one CBOR item (the subset Pagefind writes); returns (value, next position)."""
    head = data[pos]
    major, info = head >> 5, head & 0x1F
    pos += 1
    if info < 24:
        arg = info
    elif info in (24, 25, 26, 27):
        size = 1 << (info - 24)
        arg = int.from_bytes(data[pos:pos + size], "big")
        pos += size
    else:
        raise ValueError(f"unsupported CBOR item 0x{head:02x}")
    if major == 0:
        return arg, pos
    if major == 1:
        return -1 - arg, pos
    if major == 2:
        return bytes(data[pos:pos + arg]), pos + arg
    if major == 3:
        return data[pos:pos + arg].decode("utf-8"), pos + arg
    if major == 4:
        items = []
        for _ in range(arg):
            item, pos = _cbor_decode(data, pos)
            items.append(item)
        return items, pos
    if major == 5:
        pairs = []
        for _ in range(arg):
            key, pos = _cbor_decode(data, pos)
            value, pos = _cbor_decode(data, pos)
            pairs.append((key, value))
        return dict(pairs), pos
    if major == 7 and info in (20, 21, 22):
        return {20: False, 21: True, 22: None}[info], pos
    raise ValueError(f"unsupported CBOR item 0x{head:02x}")


def _cbor_head(major: int, arg: int) -> bytes:
    if arg < 24:
        return bytes([major << 5 | arg])
    for info, size in ((24, 1), (25, 2), (26, 4), (27, 8)):
        if arg < 1 << (8 * size):
            return bytes([major << 5 | info]) + arg.to_bytes(size, "big")
    raise ValueError("CBOR argument too large")


def _cbor_encode(value) -> bytes:
    if value is False or value is True or value is None:
        return bytes([0xF4 if value is False else 0xF5 if value is True else 0xF6])
    if isinstance(value, int):
        return _cbor_head(0, value) if value >= 0 else _cbor_head(1, -1 - value)
    if isinstance(value, bytes):
        return _cbor_head(2, len(value)) + value
    if isinstance(value, str):
        raw = value.encode("utf-8")
        return _cbor_head(3, len(raw)) + raw
    if isinstance(value, list):
        return _cbor_head(4, len(value)) + b"".join(_cbor_encode(v) for v in value)
    if isinstance(value, dict):
        return _cbor_head(5, len(value)) + b"".join(
            _cbor_encode(k) + _cbor_encode(v) for k, v in value.items()
        )
    raise TypeError(f"cannot encode {type(value).__name__}")


def _sort_key(item):
    return _cbor_encode(item)


def _canonical_meta(value, renamed: dict):
    """The .pf_meta with new filter names, and its list of [filter, file] pairs sorted."""
    if isinstance(value, str):
        return renamed.get(value.encode(), value.encode()).decode()
    if isinstance(value, list):
        items = [_canonical_meta(v, renamed) for v in value]
        if items and all(
            isinstance(i, list) and len(i) == 2 and all(isinstance(x, str) for x in i) for i in items
        ):
            items.sort()
        return items
    if isinstance(value, dict):
        return {k: _canonical_meta(v, renamed) for k, v in value.items()}
    return value


def canonical_pagefind(root: Path, bundle: str = "pagefind") -> int:
    """Give Pagefind's filter files a fixed order and names derived from their content.

    A filter file is `[name, [[value, [page numbers]], ...]]`; Pagefind writes the values in
    a random order, so the file, its hashed name, the `.pf_meta` that names it and
    `pagefind-entry.json` differ between two builds of the same site. The values are sorted,
    the file renamed after its new content, and the names rewritten in the meta file and the
    entry file. Returns how many filter files were rewritten.
    """
    folder = root / bundle
    entry_path = folder / "pagefind-entry.json"
    if not entry_path.is_file():
        return 0
    renamed: dict[bytes, bytes] = {}
    for path in sorted(folder.glob("filter/*.pf_filter")):
        raw = gzip.decompress(path.read_bytes())
        if not raw.startswith(PAGEFIND_MAGIC):
            continue
        value, end = _cbor_decode(raw, len(PAGEFIND_MAGIC))
        if end != len(raw):
            continue
        if isinstance(value, list) and len(value) == 2 and isinstance(value[1], list):
            value = [value[0], sorted(value[1], key=_sort_key)]
        data = PAGEFIND_MAGIC + _cbor_encode(value)
        prefix, old_hash = path.stem.rsplit("_", 1)
        new_hash = hashlib.sha256(data).hexdigest()[: len(old_hash)]
        path.unlink()
        path.with_name(f"{prefix}_{new_hash}{path.suffix}").write_bytes(
            gzip.compress(data, compresslevel=9, mtime=0)
        )
        renamed[f"{prefix}_{old_hash}".encode()] = f"{prefix}_{new_hash}".encode()
    if not renamed:
        return 0
    entry = json.loads(entry_path.read_text("utf-8"))
    for language in entry.get("languages", {}).values():
        meta_path = folder / f"pagefind.{language['hash']}.pf_meta"
        if not meta_path.is_file():
            continue
        raw = gzip.decompress(meta_path.read_bytes())
        if not raw.startswith(PAGEFIND_MAGIC):
            continue
        value, _end = _cbor_decode(raw, len(PAGEFIND_MAGIC))
        meta = PAGEFIND_MAGIC + _cbor_encode(_canonical_meta(value, renamed))
        prefix, old_hash = language["hash"].rsplit("_", 1)
        new_name = f"{prefix}_{hashlib.sha256(meta).hexdigest()[: len(old_hash)]}"
        meta_path.unlink()
        (folder / f"pagefind.{new_name}.pf_meta").write_bytes(gzip.compress(meta, compresslevel=9, mtime=0))
        language["hash"] = new_name
    entry_path.write_text(json.dumps(entry, ensure_ascii=False, separators=(",", ":")), "utf-8")
    return len(renamed)
