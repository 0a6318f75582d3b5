"""Production post-processing of a built site, run in the staging folder before it goes live.

`tools/build.py` calls `postprocess(staging)` after a successful Pelican build and before the
swap (see `invoke publish`). Steps, in this order because each depends on the previous one:

1. the theme's CSS and JavaScript minified (minify-html), then every CSS, JavaScript and font
   file under the theme's static folder gets a content hash in its name (`site.css` ->
   `site.3f2a9c1b.css`), dependencies first, so a hash covers what it loads; relative references
   between those files are rewritten as they are renamed;
2. one pass over every other file, spread over the machine's cores (each file is independent):
   HTML minified, site-rooted references to the renamed assets rewritten in HTML, XML, JSON,
   CSS and JavaScript, and a `.gz` and a `.br` written beside each text file of at least
   `MIN_COMPRESS_BYTES` (nginx's gzip_static/brotli_static serve them; smaller files are served
   as they are). Each file is read once and written once.

Already minified files (`.min.`) and Pagefind's own bundle are never minified or rewritten.

With a cache folder (`invoke publish`: CACHE_PATH/production), what the pass made of a file (hard
links to the files it wrote, and their digests, checked before use) is kept under a hash of its
path, its bytes and everything else the result depends on (what the file is: page or asset,
minified or rewritten; the renamed assets; the settings of this module; the versions of
minify-html and brotli). The next publish writes a page whose bytes did not change
from there instead of minifying and compressing it again; entries no page used are removed.

The result is deterministic: the same input gives byte-identical output (hashes from content,
gzip without a timestamp, no step depends on the order in which the processes finish or on the
clock; Pagefind's own files are put in a fixed order by thai_search when it indexes).
"""

from __future__ import annotations

import gzip
import hashlib
import os
import pickle
import posixpath
import re
import shutil
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


def hash_assets(root: Path, static_dir: str = "theme") -> dict[str, str]:
    """Rename CSS/JS/fonts under `root/static_dir` to content-hashed names; return old -> new.

    References between those files are rewritten as they are renamed; the site-rooted references
    in every other file are rewritten by `process_site`, in its single pass over the site.
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


def _compressed(data: bytes, is_asset: bool) -> tuple[bytes, bytes]:
    """The `.gz` (no timestamp) and `.br` bytes of one file."""
    level = GZIP_LEVEL_ASSETS if is_asset else GZIP_LEVEL_PAGES
    quality = BROTLI_QUALITY_ASSETS if is_asset else BROTLI_QUALITY_PAGES
    return (
        gzip.compress(data, compresslevel=level, mtime=0),
        brotli.compress(data, mode=brotli.MODE_TEXT, quality=quality),
    )


def _write_compressed(path: Path, data: bytes, is_asset: bool) -> tuple[bytes | None, bytes | None]:
    """Write `.gz` and `.br` beside `path` (or remove stale ones for a small file); returns
    their bytes (None, None for a small file)."""
    copies = _compressed(data, is_asset) if len(data) >= MIN_COMPRESS_BYTES else (None, None)
    _put_copies(path, *copies)
    return copies


def _put_copies(path: Path, gz_data: bytes | None, br_data: bytes | None) -> None:
    for suffix, value in ((".gz", gz_data), (".br", br_data)):
        copy = path.with_name(path.name + suffix)
        if value is None:
            copy.unlink(missing_ok=True)
        else:
            copy.write_bytes(value)


# --- The single pass over the site: state each worker process receives once.
_PASS: dict = {}
CACHE_FORMAT = 1


def _cache_salt(renamed: dict[str, str]) -> bytes:
    """What a cached result depends on besides the file's bytes and kind."""
    from importlib.metadata import version

    parts = (CACHE_FORMAT, sorted(renamed.items()), sorted(HTML_OPTIONS.items()), MIN_COMPRESS_BYTES,
             GZIP_LEVEL_ASSETS, GZIP_LEVEL_PAGES, BROTLI_QUALITY_ASSETS, BROTLI_QUALITY_PAGES,
             version("minify-html"), version("brotli"))
    return hashlib.blake2b(repr(parts).encode("utf-8"), digest_size=16).digest()


def _pass_init(root: str, static_dir: str, renamed: dict[str, str], cache: str | None = None) -> None:
    _PASS.update(root=Path(root), static_dir=static_dir, renamed=renamed,
                 pattern=_absolute_pattern(renamed), cache=Path(cache) if cache else None,
                 salt=_cache_salt(renamed) if cache else b"")


def _digest(data: bytes) -> bytes:
    return hashlib.blake2b(data, digest_size=16).digest()


_PARTS = ("out", "gz", "br")  # the file as the pass leaves it (when it changed it), .gz, .br


def _targets(path: Path) -> dict[str, Path]:
    return {"out": path, "gz": path.with_name(path.name + ".gz"), "br": path.with_name(path.name + ".br")}


def _place(source: Path, dest: Path) -> None:
    """Make `dest` the file `source` (a hard link when the two share a disk, else a copy), in one
    rename, so that `dest` is never half written."""
    tmp = dest.with_name(f".{dest.name}.{os.getpid()}.tmp")
    tmp.unlink(missing_ok=True)
    try:
        os.link(source, tmp)
    except OSError:
        shutil.copyfile(source, tmp)
    os.replace(tmp, dest)


def _from_cache(key: str, path: Path):
    """Put what the pass made of `path` before (entry `key`) in place and return whether it was
    minified; None when there is no entry or it is not as it was kept (then it is removed).

    An entry's files are hard links to the files a publish wrote, so anything that later writes
    into a published file in place (a live preview into output/) changes them too: each file is
    checked against the digest kept with the entry before it is used."""
    folder = _PASS["cache"] / key[:2]
    try:
        with open(folder / key, "rb") as handle:
            index = pickle.load(handle)
        for part in _PARTS:
            expected = index["digests"][part]
            if expected is not None and _digest((folder / f"{key}.{part}").read_bytes()) != expected:
                raise ValueError(f"{key}.{part} changed")
    except FileNotFoundError:
        return None
    except Exception:  # noqa: BLE001 - damaged or changed: made again
        _forget(folder, key)
        return None
    for part, dest in _targets(path).items():
        if index["digests"][part] is not None:
            _place(folder / f"{key}.{part}", dest)
        elif part != "out":
            dest.unlink(missing_ok=True)
    return index["minified"]


def _keep(key: str, path: Path, written: bytes | None, copies: tuple, minified: bool) -> None:
    """Keep what the pass made of `path` as entry `key`: hard links to the files it wrote, and
    their digests in the index file (written last: an entry without it is not used)."""
    folder = _PASS["cache"] / key[:2]
    data = {"out": written, "gz": copies[0], "br": copies[1]}
    try:
        folder.mkdir(parents=True, exist_ok=True)
        for part, dest in _targets(path).items():
            if data[part] is not None:
                _place(dest, folder / f"{key}.{part}")
        index = {"minified": minified,
                 "digests": {part: None if data[part] is None else _digest(data[part]) for part in _PARTS}}
        tmp = folder / f".{key}.{os.getpid()}.tmp"
        with open(tmp, "wb") as handle:
            pickle.dump(index, handle, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, folder / key)
    except OSError:
        _forget(folder, key)  # only the next publish is slower


def _forget(folder: Path, key: str) -> None:
    for name in (key, *(f"{key}.{part}" for part in _PARTS)):
        (folder / name).unlink(missing_ok=True)


def _pass_file(rel: str) -> tuple[bool, bool, str | None]:
    """Minify, rewrite and compress one file (output-relative path); returns (minified,
    compressed, the cache key of the result or None)."""
    root, static_dir = _PASS["root"], _PASS["static_dir"]
    path = root / rel
    parts = rel.split("/")
    is_asset = parts[0] == static_dir
    editable = parts[0] not in SKIP_DIRS
    suffix = path.suffix
    minify = editable and not is_asset and suffix in MINIFIED_SUFFIXES and ".min." not in path.name
    rewrite = editable and suffix in REWRITTEN_SUFFIXES and _PASS["pattern"] is not None
    compress = suffix in TEXT_SUFFIXES
    data = path.read_bytes()
    key = None
    if _PASS["cache"] is not None and (minify or rewrite or compress):
        digest = hashlib.blake2b(_PASS["salt"], digest_size=20)
        digest.update(bytes((is_asset, minify, rewrite, compress)))
        # The path too: two files with the same bytes never share one entry (nor, through its hard
        # links, one file on disk).
        digest.update(rel.encode("utf-8", "surrogateescape") + b"\0")
        digest.update(data)
        key = digest.hexdigest()
        minified = _from_cache(key, path)
        if minified is not None:
            return minified, path.with_name(path.name + ".gz").exists(), key
    minified = False
    written = None
    if minify or rewrite:
        text = data.decode("utf-8", errors="replace")
        new = text
        if minify:
            new = _minify(new, suffix) or new
            minified = new != text
        if rewrite:
            new = _rewrite_text(new, _PASS["pattern"], _PASS["renamed"])
        if new != text:
            data = written = new.encode("utf-8")
            path.write_bytes(data)
    copies = _write_compressed(path, data, is_asset) if compress else (None, None)
    if key is not None:
        _keep(key, path, written, copies, minified)
    return minified, copies[0] is not None, key


def process_site(root: Path, static_dir: str, renamed: dict[str, str], workers: int | None = None,
                 cache: Path | None = None) -> tuple[int, int]:
    """Step 3 of `postprocess` over every file of `root`; returns (files minified, files compressed)."""
    root = Path(root)
    rels = [p.relative_to(root).as_posix() for p in _files_all(root)]
    if workers is None:
        workers = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)
    args = (str(root), static_dir, renamed, str(cache) if cache is not None else None)
    if workers <= 1 or len(rels) < PARALLEL_MIN_FILES:
        _pass_init(*args)
        results = [_pass_file(rel) for rel in rels]
    else:
        # Small chunks keep both processes busy to the end; results come back in input order.
        chunk = max(1, len(rels) // (workers * 16))
        with ProcessPoolExecutor(max_workers=workers, initializer=_pass_init, initargs=args) as pool:
            results = list(pool.map(_pass_file, rels, chunksize=chunk))
    if cache is not None:
        _forget_unused(Path(cache), {key for _m, _c, key in results if key is not None})
    return sum(m for m, _c, _k in results), sum(c for _m, c, _k in results)


def _forget_unused(cache: Path, used: set[str]) -> None:
    """Remove the cache entries this publish did not use (pages that changed or are gone)."""
    if not cache.is_dir():
        return
    for folder in cache.iterdir():
        if not folder.is_dir():
            continue
        for entry in folder.iterdir():
            if entry.name.lstrip(".").split(".")[0] not in used:
                entry.unlink(missing_ok=True)


def postprocess(root: str | Path, settings: dict | None = None, *, static_dir: str | None = None,
                workers: int | None = None, cache: str | Path | None = None) -> dict:
    """Minify, hash and compress the built site in `root`; returns figures for the log.

    `settings`: the build's Pelican settings (tools/build.py passes them): the theme's static
    folder, and the cache in CACHE_PATH/production. `workers` is the number of processes of the
    last pass (default: the CPUs this process may use).
    """
    root = Path(root)
    settings = settings or {}
    if static_dir is None:
        static_dir = settings.get("THEME_STATIC_DIR") or "theme"
    if cache is None and settings.get("CACHE_PATH"):
        cache = Path(settings["CACHE_PATH"]) / "production"
    static = root / static_dir
    # The theme's own CSS/JS first: their content hashes must be those of the minified files.
    minified = sum(minify_text(path) for path in _files(static)) if static.is_dir() else 0
    renamed = hash_assets(root, static_dir)
    site_minified, compressed = process_site(root, static_dir, renamed, workers, Path(cache) if cache else None)
    return {"minified": minified + site_minified, "hashed": len(renamed), "compressed": compressed}
