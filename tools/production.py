"""Production post-processing of a built site, run in the staging folder before it goes live.

`tools/build.py` calls `postprocess(staging)` after a successful Pelican build and before the
swap (see `invoke publish`). Steps, in this order because each depends on the previous one:

1. minify HTML, and CSS and JavaScript files (minify-html); already minified files (`.min.`)
   and Pagefind's own bundle are left as they are;
2. cache-busting names: every CSS, JavaScript and font file under the theme's static folder gets
   a content hash in its name (`site.css` -> `site.3f2a9c1b.css`); references in HTML, XML,
   JSON, CSS and JavaScript are rewritten, dependencies first, so a hash covers what it loads;
3. pre-compressed `.gz` and `.br` beside each text file, for nginx's gzip_static/brotli_static.

The result is deterministic: the same input gives byte-identical output (hashes from content,
gzip without a timestamp, files processed in sorted order, nothing depends on the clock).
"""

from __future__ import annotations

import gzip
import hashlib
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


def compress(root: Path) -> int:
    """Write `.gz` (level 9, no timestamp) and `.br` (quality 11) beside each text file."""
    count = 0
    for path in list(_files_all(root)):
        if path.suffix not in TEXT_SUFFIXES:
            continue
        data = path.read_bytes()
        path.with_name(path.name + ".gz").write_bytes(gzip.compress(data, compresslevel=9, mtime=0))
        path.with_name(path.name + ".br").write_bytes(
            brotli.compress(data, mode=brotli.MODE_TEXT, quality=11)
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
    compressed = compress(root)
    return {"minified": minified, "hashed": len(renamed), "compressed": compressed}
