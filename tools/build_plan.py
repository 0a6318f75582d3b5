"""Which pages a development build renders again, and what it keeps from the last build.

A build remembers, in CACHE_PATH/build/state-<output>.pickle (`BuildState`), a signature of each
page it wrote and the size, time and inode of every file of the output folder. The next
development build into the same folder renders a page only when its signature changed
(`PagePlan`); tools/build.py then moves only the new and changed files into the output folder
(`apply`), or, when the build also makes the search index (which reads the whole site),
hard-links the kept pages into the staging folder and swaps it into place (`settle`). Either way
nothing reaches the output folder before the build has succeeded.

A page's signature is a digest of what it shows:
- of every content object it shows (its article or page, the neighbours and related articles
  that page links to, the articles of a list page or feed): the source file, the URL, the title,
  the dates, the summary, category, tags, cover, reading time and every metadata field;
- of its own article or page (and of every item of a feed), the body's HTML, with the links to
  other pages and files (`{filename}`, `{static}`...) resolved as the page shows them;
- for a page of a paginated list, the page number, the number of pages and the number of items;
- for the home page's first page, also the releases of its ข่าวเด่น (site_meta's
  `featured_articles`), chosen at the moment of the build: a pin that ended renders it again.

What every page shows (the categories and the pages linked from the menu and footer, `layout`)
is compared as a whole, and so are the settings, the code, the theme, the galleries and the site
dictionary (tools/build_cache.py's `write_fingerprint`): any change there renders every page.
Nothing is kept unless every file of the output folder is exactly as
the last build left it (a live preview or a hand edit in between means a full render), and
production builds (`invoke publish`) always render every page.
"""

from __future__ import annotations

import errno
import hashlib
import os
import pickle
import shutil
from dataclasses import dataclass, field, is_dataclass
from datetime import date, datetime
from operator import itemgetter
from pathlib import Path

from tools.build_cache import FORMAT, cache_folder

# Attributes of a content object that list pages, feeds and neighbour links show (besides its
# metadata, which is taken whole).
SHOWN_ATTRIBUTES = ("url", "save_as", "slug", "title", "date", "modified", "status", "lang", "template",
                    "category", "tags", "authors", "summary", "reading_time", "cover",
                    "og_image", "gallery", "attachments", "in_default_lang")
# Content objects an article's or a page's own page links to (site_meta's neighbours, related news).
REFERENCE_ATTRIBUTES = ("newer_in_category", "older_in_category", "related", "prev_article", "next_article")


def _stable(value, depth: int = 0):
    """A plain, repeatable description of `value` (no memory addresses)."""
    from pelican.contents import Content
    from pelican.urlwrappers import URLWrapper

    if depth > 5:
        return "..."
    if value is None or isinstance(value, (str, int, float, bool)):
        return value
    if isinstance(value, (datetime, date)):
        return value.isoformat()
    if isinstance(value, Content):
        return ("content", getattr(value, "source_path", None))
    if isinstance(value, URLWrapper):
        return (type(value).__name__, value.name, value.slug, value.url)
    if isinstance(value, (list, tuple)):
        return tuple(_stable(v, depth + 1) for v in value)
    if isinstance(value, (set, frozenset)):
        return tuple(sorted((_stable(v, depth + 1) for v in value), key=repr))
    if isinstance(value, dict):  # in the order of the keys (not of whole items written out)
        return tuple(sorted(((str(k), _stable(v, depth + 1)) for k, v in value.items()), key=itemgetter(0)))
    if is_dataclass(value):
        return (type(value).__name__, repr(value))
    if hasattr(value, "__dict__"):
        return (type(value).__name__, _stable(vars(value), depth + 1))
    return (type(value).__name__, str(value))


def _digest(value) -> bytes:
    return hashlib.blake2b(repr(value).encode("utf-8", "surrogatepass"), digest_size=16).digest()


def source_of(obj) -> str | None:
    """The source file of a content object (Pelican stores it absolute and normalised)."""
    return getattr(obj, "source_path", None)


def shown_objects(kwargs_or_context: dict) -> list:
    """Content objects a page shows, in order: its article or page and what it links to, or the
    articles of a list page."""
    shown = []
    for key in ("article", "page"):
        obj = kwargs_or_context.get(key)
        if obj is not None:
            shown.append(obj)
            for attr in REFERENCE_ATTRIBUTES:
                ref = getattr(obj, attr, None)
                if isinstance(ref, (list, tuple)):
                    shown.extend(ref)
                elif ref is not None:
                    shown.append(ref)
            return shown
    page = kwargs_or_context.get("articles_page")
    shown = list(page.object_list) if page is not None else list(kwargs_or_context.get("articles") or ())
    if kwargs_or_context.get("page_name") == "index" and (page is None or page.number == 1):
        # the home page's ข่าวเด่น (site_meta's featured.py): chosen at the moment of the build,
        # so a pin that ended renders the page again though no source changed
        shown += list(kwargs_or_context.get("featured_articles") or ())
    return shown


def listing_digest(obj) -> bytes:
    """A digest of what a list page, a feed or a neighbour link shows of a content object (the
    SHOWN_ATTRIBUTES and every metadata field): the one rule of both plans, the build's and the
    live preview's (tools/preview.py)."""
    shown = {name: getattr(obj, name, None) for name in SHOWN_ATTRIBUTES}
    attrs = tuple((name, _stable(value)) for name, value in shown.items())
    # A metadata field that is the very object of the attribute of its name (title, date,
    # category, tags, summary...) is said to be so instead of being described a second time.
    metadata = getattr(obj, "metadata", None) or {}
    meta = tuple(sorted(
        (str(key), ("attribute",) if key in shown and value is shown[key] and value is not None else _stable(value, 1))
        for key, value in metadata.items()))
    return _digest((type(obj).__name__, source_of(obj), attrs, meta))


class Plan:
    """What the two plans (PagePlan here, the live preview's WritePlan) share: the interface
    tools/pelican_adapter.py's writer asks (`needs(key, shown, extra)`, `shows(context)`,
    `source(obj)`), one decision per page, and the counts. `full`: render everything (the
    signatures are still taken, for the next build)."""

    shows = staticmethod(shown_objects)
    source = staticmethod(source_of)

    def __init__(self, previous: dict | None, full: bool):
        self.previous = previous or {}
        self.full = full
        self.current: dict = {}
        self.decided: dict = {}
        self.rendered = 0
        self.kept = 0

    def decide(self, key, signature, also=None) -> bool:
        """Render the page `key` when everything is rendered, when its signature is not the last
        build's, or when `also()` says so; remember the signature and count the decision."""
        self.current[key] = signature
        render = self.full or self.previous.get(key) != signature
        if not render and also is not None:
            render = bool(also())
        self.decided[key] = render
        if render:
            self.rendered += 1
        else:
            self.kept += 1
        return render


class PagePlan(Plan):
    """Decides, page by page, whether a page is rendered again (see the module docstring)."""

    def __init__(self, previous: dict | None, full: bool):
        super().__init__(previous, full)
        self._shown: dict[int, tuple] = {}  # id(obj) -> (obj, listing digest)
        self._bodies: dict[int, tuple] = {}  # id(obj) -> (obj, (body digest, links elsewhere))

    def listing(self, obj) -> bytes:
        found = self._shown.get(id(obj))
        if found is None or found[0] is not obj:
            found = (obj, listing_digest(obj))
            self._shown[id(obj)] = found
        return found[1]

    def body(self, obj) -> bytes:
        """The body's HTML; with the links Pelican resolves in it (`{filename}`, `{static}`...)
        resolved, as the page will show them (Pelican keeps the result for the page)."""
        from content_guard.links import may_hold_intrasite_links  # (PLUGIN_PATHS are on sys.path: tools/build.py)

        found = self._bodies.get(id(obj))
        if found is None or found[0] is not obj:
            html = getattr(obj, "_content", None) or ""
            if may_hold_intrasite_links(html, getattr(obj, "settings", None) or {}):
                html = getattr(obj, "content", html)
            found = (obj, _digest(html))
            self._bodies[id(obj)] = found
        return found[1]

    def needs(self, key, shown, extra=()) -> bool:
        if key in self.decided:
            return self.decided[key]
        shown = list(shown)
        own = bool(shown) and key == self.source(shown[0])
        feed = isinstance(key, str) and key.startswith("feed:")
        parts = [tuple(extra)]
        for i, obj in enumerate(shown):
            parts.append(self.listing(obj))
            if feed or (own and i == 0):
                parts.append(self.body(obj))
        return self.decide(key, _digest(parts))


# What plugins give the templates of every page, set before all_generators_finalized (wp_legacy:
# the address book the home page and the page not found load a script for).
SITE_WIDE_CONTEXT = ("wp_legacy_addresses",)


def layout_of(generators) -> tuple:
    """What every page shows: the pages (title, URL), the categories (name, URL) and the
    plugins' `SITE_WIDE_CONTEXT`."""
    pages, categories = [], set()
    for generator in generators:
        for page in getattr(generator, "pages", None) or []:
            pages.append((str(page.title), page.url))
        for category, _ in getattr(generator, "categories", None) or []:
            categories.add((str(category), category.url))
    context = (getattr(generators[0], "context", None) or {}) if generators else {}
    site_wide = _stable([context.get(key) for key in SITE_WIDE_CONTEXT])
    return (tuple(sorted(pages)), tuple(sorted(categories)), site_wide)


# -- the output folder ----------------------------------------------------------------------------


def manifest(folder: Path) -> dict[str, tuple[int, int, int]]:
    """Every file under `folder`: relative path -> (size, mtime_ns, inode)."""
    found = {}
    root = os.path.normpath(os.path.abspath(folder))
    for dirpath, _dirs, files in os.walk(root):
        prefix = "" if dirpath == root else dirpath[len(root) + 1 :].replace(os.sep, "/") + "/"
        for name in files:
            st = os.lstat(os.path.join(dirpath, name))
            found[prefix + name] = (st.st_size, st.st_mtime_ns, st.st_ino)
    return found


@dataclass
class BuildState:
    """What the last successful build of one output folder left (see the module docstring)."""

    write_fingerprint: str = ""
    layout: tuple = ()
    signatures: dict = field(default_factory=dict)
    files: dict = field(default_factory=dict)  # manifest() of the output folder after it

    @staticmethod
    def path(settings: dict, target: Path) -> Path:
        name = hashlib.blake2b(str(target).encode(), digest_size=8).hexdigest()
        return cache_folder(settings) / f"state-{name}.pickle"

    @classmethod
    def load(cls, settings: dict, target: Path) -> "BuildState | None":
        try:
            with open(cls.path(settings, target), "rb") as handle:
                data = pickle.load(handle)
        except Exception:  # noqa: BLE001 - missing or damaged: a full render
            return None
        if not isinstance(data, dict) or data.get("format") != FORMAT:
            return None
        return cls(data["write_fingerprint"], data["layout"], data["signatures"], data["files"])

    def save(self, settings: dict, target: Path) -> None:
        path = self.path(settings, target)
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(f".{os.getpid()}.tmp")
        with open(tmp, "wb") as handle:
            pickle.dump({"format": FORMAT, "write_fingerprint": self.write_fingerprint, "layout": self.layout,
                         "signatures": self.signatures, "files": self.files}, handle,
                        protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, path)

    @staticmethod
    def forget(settings: dict, target: Path) -> None:
        try:
            BuildState.path(settings, target).unlink()
        except OSError:
            pass


class Keeper:
    """Notes each page the plan keeps; with `link`, also hard-links it from the published folder
    into the staging folder (which then holds the whole site, for the search index)."""

    def __init__(self, target: Path, staging: Path, link: bool):
        self.target = target
        self.staging = staging
        self.link = link
        self.kept: set[str] = set()

    def __call__(self, name: str) -> None:
        rel = os.path.normpath(name).replace(os.sep, "/")
        if rel in self.kept:
            return
        self.kept.add(rel)
        if self.link:
            copy = self.staging / rel
            copy.parent.mkdir(parents=True, exist_ok=True)
            os.link(self.target / rel, copy)


def empty_files(folder: Path) -> None:
    """Remove every file under `folder`, keeping its folders (removing a folder costs a hundred
    times what removing a file does on the disks we build on: the next build reuses them)."""
    if folder.is_symlink() or folder.is_file():
        folder.unlink()
        return
    for dirpath, _dirs, files in os.walk(folder):
        for name in files:
            os.unlink(os.path.join(dirpath, name))


def _staged(staging: Path):
    for dirpath, _dirs, files in os.walk(staging):
        for name in files:
            path = os.path.join(dirpath, name)
            yield path, os.path.relpath(path, staging).replace(os.sep, "/")


def settle(staging: Path, target: Path, previous: dict, kept: set[str]) -> tuple[int, int]:
    """Before the staging folder is swapped into place: a file written again with the same bytes
    becomes a link to the published file (its time stays, so deploy tools and the next build see
    it unchanged). Returns (files new or changed, files removed)."""
    changed = 0
    now = set()
    for path, rel in _staged(staging):
        now.add(rel)
        if rel in kept:
            continue
        old = target / rel
        if rel in previous and _same_bytes(path, old):
            if not os.path.samefile(path, old):  # (both may be links to one file already)
                tmp = path + ".same"
                os.link(old, tmp)
                os.replace(tmp, path)
        else:
            changed += 1
    return changed, len(set(previous) - now)


def apply(staging: Path, target: Path, previous: dict, kept: set[str]) -> tuple[int, int]:
    """Bring the published folder up to date from a staging folder that holds the files this
    build wrote: each new or changed file is moved into place (one atomic rename per file), a file
    written with the same bytes is left as it was, and a file of the last build that this build
    neither wrote nor kept is removed. The staging folder keeps only its (empty) folders. Returns
    (files new or changed, files removed)."""
    changed = 0
    now = set(kept)
    for path, rel in _staged(staging):
        now.add(rel)
        dest = target / rel
        if rel in previous and _same_bytes(path, dest):
            os.unlink(path)
            continue
        dest.parent.mkdir(parents=True, exist_ok=True)
        try:
            os.replace(path, dest)
        except OSError as exc:  # CACHE_PATH on another disk: copy, then rename into place
            if exc.errno != errno.EXDEV:
                raise
            tmp = dest.with_name(dest.name + ".new")
            shutil.copy2(path, tmp)
            os.replace(tmp, dest)
            os.unlink(path)
        changed += 1
    stale = sorted(set(previous) - now)
    for rel in stale:
        dest = target / rel
        dest.unlink(missing_ok=True)
        folder = dest.parent
        while folder != target and not any(folder.iterdir()):
            folder.rmdir()
            folder = folder.parent
    return changed, len(stale)


def _same_bytes(a: str, b: Path) -> bool:
    try:
        if os.path.getsize(a) != b.stat().st_size:
            return False
        with open(a, "rb") as x, open(b, "rb") as y:
            return x.read() == y.read()
    except OSError:
        return False
