"""Production post-processing of a built site, run in the staging folder before it goes live.

`tools/build.py` calls `postprocess(staging)` after a successful Pelican build and before the
swap (see `invoke publish`). Steps, in this order because each depends on the previous one:

1. minify HTML, and CSS and JavaScript files (minify-html); already minified files (`.min.`)
   and Pagefind's own bundle are left as they are;
2. cache-busting names: every CSS, JavaScript and font file under the theme's static folder gets
   a content hash in its name (`site.css` -> `site.3f2a9c1b.css`); references in HTML, XML,
   JSON, CSS and JavaScript are rewritten, dependencies first, so a hash covers what it loads;
3. Pagefind's filter files put in a fixed order (Pagefind writes them in hash-map order);
4. pre-compressed `.gz` and `.br` beside each text file, for nginx's gzip_static/brotli_static.

The result is deterministic: the same input gives byte-identical output (hashes from content,
gzip without a timestamp, files processed in sorted order, nothing depends on the clock).
"""

from __future__ import annotations

import gzip
import hashlib
import json
import posixpath
import re
from pathlib import Path

import brotli
import minify_html

HASHED_SUFFIXES = {".css", ".js", ".mjs", ".woff2", ".woff", ".ttf"}
TEXT_SUFFIXES = {
    ".html", ".css", ".js", ".mjs", ".xml", ".json", ".svg", ".txt", ".webmanifest", ".map",
    ".ico", ".wasm",
}
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


def _files(root: Path):
    for path in sorted(root.rglob("*")):
        if path.is_file() and not path.is_symlink():
            if SKIP_DIRS.intersection(path.relative_to(root).parts[:1]):
                continue
            yield path


def minify_text(path: Path) -> bool:
    """Minify one HTML, CSS or JS file in place; returns True when it changed."""
    suffix = path.suffix
    if ".min." in path.name or suffix not in {".html", ".css", ".js", ".mjs"}:
        return False
    source = path.read_text(encoding="utf-8")
    if suffix == ".html":
        result = minify_html.minify(source, **HTML_OPTIONS)
    else:
        tag = "style" if suffix == ".css" else 'script type="module"'
        end = "style" if suffix == ".css" else "script"
        if f"</{end}" in source.lower():
            return False  # could not be wrapped safely
        wrapped = minify_html.minify(
            f"<{tag}>{source}</{end}>", minify_css=suffix == ".css", minify_js=suffix != ".css"
        )
        match = re.fullmatch(rf"<{end}[^>]*>(.*)</{end}>", wrapped, re.S)
        if not match:
            return False
        result = match.group(1)
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


def hash_assets(root: Path, static_dir: str = "theme") -> dict[str, str]:
    """Rename CSS/JS/fonts under `root/static_dir` to content-hashed names; return old -> new."""
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
    _rewrite_absolute(root, renamed)
    return renamed


def _rewrite_absolute(root: Path, renamed: dict[str, str]) -> None:
    """Rewrite site-rooted references ("/theme/css/site.css", "https://x/theme/...") everywhere."""
    if not renamed:
        return
    pattern = re.compile(
        r"(?<=/)(" + "|".join(re.escape(old) for old in sorted(renamed, key=len, reverse=True))
        + r""")(?=["'`\s?#),<]|$)""",
        re.M,
    )
    for path in _files(root):
        if path.suffix not in {".html", ".xml", ".json", ".css", ".js", ".mjs", ".webmanifest", ".txt"}:
            continue
        text = path.read_text(encoding="utf-8", errors="replace")
        new = pattern.sub(lambda m: renamed[m.group(1)], text)
        if new != text:
            path.write_text(new, encoding="utf-8")


# Brotli's quality 11 is about 50 times slower than 7 for 6% smaller files: it is worth it only
# for the long-cached theme assets that every visitor loads; pages, feeds and the rest get 7.
BROTLI_QUALITY_ASSETS = 11
BROTLI_QUALITY_PAGES = 7


def compress(root: Path, static_dir: str = "theme") -> int:
    """Write `.gz` (level 9, no timestamp) and `.br` beside each text file."""
    count = 0
    for path in list(_files_all(root)):
        if path.suffix not in TEXT_SUFFIXES:
            continue
        data = path.read_bytes()
        is_asset = path.relative_to(root).parts[0] == static_dir
        quality = BROTLI_QUALITY_ASSETS if is_asset else BROTLI_QUALITY_PAGES
        path.with_name(path.name + ".gz").write_bytes(gzip.compress(data, compresslevel=9, mtime=0))
        path.with_name(path.name + ".br").write_bytes(
            brotli.compress(data, mode=brotli.MODE_TEXT, quality=quality)
        )
        count += 1
    return count


def _files_all(root: Path):
    for path in sorted(root.rglob("*")):
        if path.is_file() and not path.is_symlink() and path.suffix not in {".gz", ".br"}:
            yield path


def postprocess(root: str | Path, static_dir: str = "theme") -> dict:
    """Minify, hash and compress the built site in `root`; returns figures for the log."""
    root = Path(root)
    minified = sum(minify_text(path) for path in _files(root))
    renamed = hash_assets(root, static_dir)
    filters = canonical_pagefind(root)
    compressed = compress(root, static_dir)
    return {"minified": minified, "hashed": len(renamed), "pagefind_filters": filters,
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
