"""Every override of a Pelican internal that our tools make, in one place.

Pelican 4.12 has no public way to keep read content between runs, to choose the writer of one
run, or to skip writing a page, which the live preview (tools/preview.py) needs; nor to forget
what its logger and its content memo remember between two builds in one process (tools/build.py,
the preview, the tests). The overrides below use the internals named in `INTERNALS`;
`check_pelican()` verifies, before any of them is used, that each still exists with the
parameters we call it with, and raises `PelicanChanged` naming the one that moved. A Pelican
upgrade therefore fails here, loudly, and tests/authoring/test_pelican_adapter.py has one test per
override.

The preview's decisions stay in tools/preview.py: the classes here only ask a plan
(`plan.needs(key, shown, extra)`, `plan.shows(context)`, `plan.source(obj)`) kept in a
`holder` dict under "plan" (None: behave exactly as Pelican).
"""

from __future__ import annotations

import inspect
import os
from functools import lru_cache
from itertools import chain
from pathlib import Path


class PelicanChanged(RuntimeError):
    """A Pelican internal that our tools override is gone or has other parameters."""


def _internals() -> dict:
    from pelican import Pelican
    from pelican.contents import Content
    from pelican.generators import ArticlesGenerator, CachingGenerator, Generator
    from pelican.readers import MarkdownReader, Readers
    from pelican.writers import Writer

    return {
        # name: (owner, attribute, the parameters we rely on, in order)
        "Pelican._get_generator_classes": (Pelican, "_get_generator_classes", ["self"]),
        "Pelican._get_writer": (Pelican, "_get_writer", ["self"]),
        "Writer._open_w": (Writer, "_open_w", ["self", "filename", "encoding", "override"]),
        "Writer.write_file": (Writer, "write_file", [
            "self", "name", "template", "context", "relative_urls", "paginated", "template_name",
            "override_output", "url"]),
        "Writer.write_feed": (Writer, "write_feed", [
            "self", "elements", "context", "path", "url", "feed_type", "override_output", "feed_title"]),
        "CachingGenerator.get_cached_data": (CachingGenerator, "get_cached_data", ["self", "filename", "default"]),
        "CachingGenerator.cache_data": (CachingGenerator, "cache_data", ["self", "filename", "data"]),
        "CachingGenerator.save_cache": (CachingGenerator, "save_cache", ["self"]),
        "Generator.get_files": (Generator, "get_files", ["self", "paths", "exclude", "extensions"]),
        "Generator.add_static_links": (Generator, "add_static_links", ["self", "content"]),
        "ArticlesGenerator.generate_articles": (ArticlesGenerator, "generate_articles", ["self", "write"]),
        "ArticlesGenerator.generate_tags": (ArticlesGenerator, "generate_tags", ["self", "write"]),
        "ArticlesGenerator.generate_categories": (ArticlesGenerator, "generate_categories", ["self", "write"]),
        "MarkdownReader.read": (MarkdownReader, "read", ["self", "source_path"]),
        "MarkdownReader._parse_metadata": (MarkdownReader, "_parse_metadata", ["self", "meta"]),
        "Readers.get_cached_data": (Readers, "get_cached_data", ["self", "filename", "default"]),
        "Readers.cache_data": (Readers, "cache_data", ["self", "filename", "data"]),
        "Readers.read_file": (Readers, "read_file", ["self", "base_path", "path", "content_class"]),
        "Content._expand_settings": (Content, "_expand_settings", ["self", "key", "klass"]),
        "Content.get_relative_source_path": (Content, "get_relative_source_path", ["self", "source_path"]),
    }


@lru_cache(maxsize=1)
def check_pelican() -> None:
    """Raise PelicanChanged unless every internal we override is there as we use it."""
    import pelican
    from pelican import log
    from pelican.contents import Content

    for name, (owner, attribute, params) in _internals().items():
        found = getattr(owner, attribute, None)
        if found is None:
            raise PelicanChanged(f"Pelican {pelican.__version__}: {name} is gone; update tools/pelican_adapter.py")
        have = list(inspect.signature(found).parameters)[: len(params)]
        if have != params:
            raise PelicanChanged(
                f"Pelican {pelican.__version__}: {name} takes {have}, not {params}; "
                "update tools/pelican_adapter.py")
    for method in ("get_content", "get_summary"):
        if not isinstance(getattr(getattr(Content, method, None), "cache", None), dict):
            raise PelicanChanged(f"Pelican {pelican.__version__}: Content.{method} is no longer memoized "
                                 "with a .cache dict; update tools/pelican_adapter.py")
    for attribute in ("_raised_messages", "_group_count"):
        if not hasattr(log.LimitFilter, attribute):
            raise PelicanChanged(f"Pelican {pelican.__version__}: LimitFilter.{attribute} is gone; "
                                 "update tools/pelican_adapter.py")


# -- what Pelican remembers for the life of the process -----------------------------------------


def forget_logged_messages() -> None:
    """Pelican's LimitFilter drops a message it has logged before, for the life of the process: a
    second build in the same process (tests, the live preview) would lose a repeated warning."""
    from pelican import log

    check_pelican()
    log.LimitFilter._raised_messages.clear()
    log.LimitFilter._group_count.clear()


def forget_rendered_content() -> None:
    """Pelican memoizes each content object's rendered content and summary; a process that
    builds again and again (the preview) drops them after each run, or memory grows."""
    from pelican.contents import Content

    check_pelican()
    for name in ("get_content", "get_summary"):
        Content.__dict__[name].cache.clear()


# -- reading: one Markdown instance per reader --------------------------------------------------


def markdown_reader_class():
    """Pelican's MarkdownReader with two `Markdown` instances per reader, reset before each use.

    Pelican's `read` makes a new `Markdown` (and all its extensions) for every file, about a
    tenth of what reading a short post costs; `Markdown.reset()` is Markdown's own way to use one
    instance for many documents and gives the same output. One instance converts the bodies.
    Pelican's `_parse_metadata` converts the formatted fields (`Summary:`) with `self._md` after
    removing its `meta` preprocessor, so it gets a second instance from which that preprocessor
    was removed once; a no-op stands in under the name "meta" for Pelican to remove each time.
    After a file whose reading failed (for example content_guard's time limit), the next file
    gets new instances. The body of `read` is Pelican 4.12's (readers.py) with that one change.
    """
    from markdown import Markdown
    from markdown.preprocessors import Preprocessor
    from pelican.readers import MarkdownReader
    from pelican.utils import pelican_open

    check_pelican()

    class StandIn(Preprocessor):
        def run(self, lines):
            return lines

    class OneMarkdownReader(MarkdownReader):
        def read(self, source_path):
            self._source_path = source_path
            body, fields = self.__dict__.pop("_one_markdown", (None, None))
            if body is None:
                body, fields = Markdown(**self.settings["MARKDOWN"]), Markdown(**self.settings["MARKDOWN"])
                fields.preprocessors.deregister("meta")
            with pelican_open(source_path) as text:
                content = body.reset().convert(text)
            metadata = {}
            if hasattr(body, "Meta"):
                fields.reset().preprocessors.register(StandIn(fields), "meta", 0)
                self._md = fields
                metadata = self._parse_metadata(body.Meta)
            self._md = body
            self._one_markdown = (body, fields)  # kept only when the file was read without an exception
            return content, metadata

    OneMarkdownReader.__name__ = MarkdownReader.__name__  # Pelican names the reader after it
    OneMarkdownReader.__qualname__ = MarkdownReader.__qualname__
    return OneMarkdownReader


def with_fast_readers(readers: dict) -> dict:
    """`readers` (the READERS setting) with `markdown_reader_class()` for every Markdown file
    extension that the setting does not already give a reader (or None) of its own."""
    from pelican.readers import MarkdownReader

    if not MarkdownReader.enabled:
        return dict(readers)
    fast = markdown_reader_class()
    return {**{ext: fast for ext in MarkdownReader.file_extensions}, **readers}


# -- reading: what an earlier build read ----------------------------------------------------------


def cache_reads(generator, cache, may_use, before=None) -> None:
    """Make the `Readers` of `generator` (an articles or pages generator) take a file's reading
    from `cache` (tools/build_cache.ReadCache) instead of reading it, when `may_use(path)`.

    Pelican's `Readers.read_file` asks `get_cached_data(path, (None, None))` before it calls the
    reader and hands what the reader returned to `cache_data(path, data)`: these two methods of
    its own reader-level content cache are replaced, on this one instance, by the ReadCache's.
    Nothing else of Pelican's reading changes (metadata from the path, signals, content objects).
    `before(path)`, if given, is called first (tools/two_readers.py: the file may be the other
    process's).
    """
    from pelican.generators import CachingGenerator

    check_pelican()
    if not isinstance(generator, CachingGenerator):
        return  # static files: nothing worth keeping
    readers = generator.readers
    name = type(generator).__name__

    def get_cached_data(filename, default=None):
        if before is not None:
            before(filename)
        found = cache.get(name, filename, readers.settings, may_use)
        return default if found is None else found

    def cache_data(filename, data):
        cache.put(filename, data)

    readers.get_cached_data = get_cached_data
    readers.cache_data = cache_data


def read_articles_ahead(generator, ahead) -> None:
    """If `generator` is Pelican's articles generator, have `ahead` (a tools.two_readers.ReadAhead)
    read its sources in a second process, and Pelican's loop read them in the order `ahead`
    chose: the loop's call to `get_files` (the articles' paths and exclusions) returns that
    order, and the child reads with Pelican's Article class through the generator's readers."""
    from pelican.contents import Article
    from pelican.generators import ArticlesGenerator

    check_pelican()
    if not isinstance(generator, ArticlesGenerator):
        return
    settings = generator.settings
    articles = (settings["ARTICLE_PATHS"], settings["ARTICLE_EXCLUDES"], None)
    get_files = generator.get_files
    order = ahead.start(generator, Article, get_files(articles[0], exclude=articles[1]))

    def in_order(paths, exclude=None, extensions=None):
        if (paths, exclude, extensions) == articles:
            return list(order)
        return get_files(paths, exclude=exclude, extensions=extensions)

    generator.get_files = in_order


# -- reading: static links only where a body can hold one ---------------------------------------


class _LeanStaticLinks:
    """Mixed into the articles and pages generators: Pelican's `add_static_links` looks for
    `{static}` and `{attach}` links with its intra-site link pattern over every body, which costs
    about 0.14 ms a body (0.27 s for 2,000 articles, in every build and every save of the live
    preview); a body where `content_guard.links.may_hold_intrasite_links` (the rule of where
    Pelican resolves links) finds no place for such a link adds nothing, so it is not searched."""

    def add_static_links(self, content):
        from content_guard.links import may_hold_intrasite_links  # (PLUGIN_PATHS are on sys.path)

        raw = getattr(content, "_content", None)
        if isinstance(raw, str) and not may_hold_intrasite_links(raw, getattr(content, "settings", None) or {}):
            return
        super().add_static_links(content)


# -- content objects: a URL formats only the fields its pattern names ---------------------------

# The fields Pelican's `Content.url_format` computes (each over what the content's metadata
# holds under the same name), as it computes them.
_COMPUTED_FIELDS = {
    "path": lambda c: _path_to_url(c.metadata.get("path", c.get_relative_source_path())),
    "slug": lambda c: getattr(c, "slug", ""),
    "lang": lambda c: getattr(c, "lang", "en"),
    "date": lambda c: c.date if hasattr(c, "date") else _now(),
    "author": lambda c: c.author.slug if hasattr(c, "author") else "",
    "category": lambda c: c.category.slug if hasattr(c, "category") else "",
}


def _path_to_url(path):
    from pelican.utils import path_to_url

    return path_to_url(path)


def _now():
    import datetime

    return datetime.datetime.now()


@lru_cache(maxsize=256)
def url_fields(pattern: str) -> tuple[str, ...] | None:
    """The names `pattern` (a `*_URL` or `*_SAVE_AS` setting) formats, each once; None when it has
    a positional field, a field inside a format spec or is not a format string at all (Pelican's
    own way is taken then, errors included)."""
    import re
    import string

    names = []
    try:
        for _text, field, spec, _conversion in string.Formatter().parse(pattern):
            if field is None:
                continue
            name = re.split(r"[.\[]", field, maxsplit=1)[0]
            if not name or name.isdigit() or "{" in (spec or ""):
                return None
            if name not in names:
                names.append(name)
    except ValueError:
        return None
    return tuple(names)


_RELATIVE_SOURCE_PATHS: dict[tuple[str, str], str] = {}  # (source path, PATH), both absolute


@lru_cache(maxsize=1)
def _fast_urls():
    """Pelican's Content with `_expand_settings` and `get_relative_source_path` made cheaper.

    Every `url` and `save_as` (five times per article in a build) goes through Pelican's
    `url_format`, which copies the whole metadata and works out the source's relative path with
    `os.path.relpath`, whatever the pattern uses (0.06 ms each: 0.1 s of every build and of every
    save in the live preview, 2,000 articles, for `news/{slug}/`). Here a pattern formats the
    same values, computed only for the names it has; the relative path of a source is worked out
    once per process. It stands between Article (or Page) and Content, so their own choice of
    setting (a draft's URL) comes first. tests/authoring/test_pelican_adapter.py checks both
    against Pelican's for many patterns and contents."""
    from pelican.contents import Content

    class FastUrls(Content):
        def _expand_settings(self, key, klass=None):
            klass = klass or self.__class__.__name__
            pattern = str(self.settings[f"{klass}_{key}".upper()])
            names = url_fields(pattern)
            if names is None:
                return super()._expand_settings(key, klass)
            values = {}
            for name in names:
                computed = _COMPUTED_FIELDS.get(name)
                if computed is not None:
                    values[name] = computed(self)
                elif name in self.metadata:
                    values[name] = self.metadata[name]
            return pattern.format(**values)

        def get_relative_source_path(self, source_path=None):
            source, content = self.source_path, self.settings["PATH"]
            if source_path or not isinstance(source, str) or not isinstance(content, str) \
                    or not os.path.isabs(source) or not os.path.isabs(content):
                return super().get_relative_source_path(source_path)
            found = _RELATIVE_SOURCE_PATHS.get((source, content))
            if found is None:
                found = _RELATIVE_SOURCE_PATHS[(source, content)] = super().get_relative_source_path()
            return found

    return FastUrls


@lru_cache(maxsize=None)
def fast_url_class(content_class):
    """`content_class` (Pelican's Article or Page) with `_fast_urls()` between it and Content,
    under the same name (Pelican finds a content's URL settings by its class name); other classes
    are returned as they are."""
    from pelican.contents import Article, Page

    if content_class not in (Article, Page):
        return content_class
    # Found by pickle (the second writer hands objects back) as tools.pelican_adapter.FastUrlArticle
    # or FastUrlPage.
    qualname = f"FastUrl{content_class.__name__}"
    made = type(content_class.__name__, (content_class, _fast_urls()),
                {"__qualname__": qualname, "__module__": __name__})
    globals()[qualname] = made
    return made


class _FastUrlContent:
    """Mixed into the articles and pages generators: the content objects they read are of
    `fast_url_class` (Pelican's generators name their content class in the call to
    `Readers.read_file`, so that call is wrapped, on this generator's readers only)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        read_file = self.readers.read_file

        def read_with_fast_urls(*args, **kwargs):
            if "content_class" in kwargs:
                kwargs["content_class"] = fast_url_class(kwargs["content_class"])
            return read_file(*args, **kwargs)

        self.readers.read_file = read_with_fast_urls


def lean_generator(base):
    """`base` (a caching generator class: articles, pages) with `_LeanStaticLinks` and
    `_FastUrlContent`; other generator classes are returned as they are."""
    from pelican.generators import CachingGenerator

    check_pelican()
    if not issubclass(base, CachingGenerator):
        return base
    return type(base.__name__, (_LeanStaticLinks, _FastUrlContent, base), {"__qualname__": base.__qualname__})


# -- reading: unchanged sources from memory ------------------------------------------------------


def remembering_generator(base, memory, created: list, holder: dict):
    """A subclass of the caching generator class `base` that takes content objects from `memory`
    (`get(kind, rel, context)`, `put(kind, rel, obj)`, `file_lists`) instead of reading files, and
    asks the plan before writing an article, a tag page or a category page. `holder["first"]`
    (paths relative to the content folder) are read before the others, and `holder["read"]`, if
    set, is called as `read(generator, kind, rel, obj)` with each content object just read."""
    check_pelican()

    def _mine(obj) -> bool:
        """Whether this process writes the page of `obj` (always, unless two processes write)."""
        split = holder.get("split")
        return split is None or split.mine(obj.save_as)

    class Remembering(lean_generator(base)):
        def __init__(self, *args, **kwargs):
            super().__init__(*args, **kwargs)
            created.append(self)

        def get_cached_data(self, filename, default=None):
            found = memory.get(base.__name__, Path(filename).as_posix(), self.context)
            return default if found is None else found

        def cache_data(self, filename, data):
            """Pelican calls this with each content object it has just read."""
            rel = Path(filename).as_posix()
            memory.put(base.__name__, rel, data)
            read = holder.get("read")
            if read is not None:
                read(self, base.__name__, rel, data)

        def save_cache(self):
            pass

        def get_files(self, paths, exclude=None, extensions=None):
            key = (base.__name__, repr(paths), repr(exclude), repr(extensions))
            if key not in memory.file_lists:
                memory.file_lists[key] = super().get_files(paths, exclude=exclude, extensions=extensions)
            files = memory.file_lists[key]
            first = holder.get("first")
            if not first:
                return set(files)
            # The saved files are read first (the live preview writes the edited page early); the
            # order Pelican reads files in is not the order of any list (it sorts them). Only the
            # names that end as a saved file's do are made paths (2,000 Paths: 14 ms a save).
            ends = {name.rsplit("/", 1)[-1] for name in first}
            lead = [name for name in files if os.path.basename(name) in ends and Path(name).as_posix() in first]
            return lead + [name for name in files if name not in lead]

        def generate_articles(self, write):
            """Pelican's loop, deciding from the source path before any URL is computed (the page
            of the other writing process, tools/two_writers.py, is not asked about)."""
            from pelican import signals

            plan = holder.get("plan")
            for article in chain(self.translations, self.articles, self.hidden_translations,
                                 self.hidden_articles):
                if not _mine(article):
                    continue
                if plan is not None and not plan.needs(plan.source(article), plan.shows({"article": article})):
                    continue
                signals.article_generator_write_article.send(self, content=article)
                write(article.save_as, self.get_template(article.template), self.context,
                      article=article, category=getattr(article, "category", None),
                      override_output=hasattr(article, "override_save_as"), url=article.url, blog=True)

        def generate_tags(self, write):
            plan = holder.get("plan")
            every = self.tags
            if plan is not None:
                self.tags = {t: a for t, a in every.items() if _mine(t) and plan.needs(f"tag:{t}", a)}
            try:
                super().generate_tags(write)
            finally:
                self.tags = every

        def generate_categories(self, write):
            plan = holder.get("plan")
            every = self.categories
            if plan is not None:
                self.categories = [(c, a) for c, a in every if _mine(c) and plan.needs(f"category:{c}", a)]
            try:
                super().generate_categories(write)
            finally:
                self.categories = every

    if not hasattr(base, "generate_articles"):
        del Remembering.generate_articles, Remembering.generate_tags, Remembering.generate_categories
    Remembering.__name__ = base.__name__  # plugins and logs see the usual name
    Remembering.__qualname__ = base.__qualname__
    return Remembering


# -- writing: only the pages the plan asks for ---------------------------------------------------


class _Kept:
    """Stands in for a file that is not written again."""

    def write(self, _text):
        return 0

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        return False


class _PlannedTemplate:
    """Wraps a Jinja template: a page of a paginated list that did not change is not rendered."""

    def __init__(self, template, plan, kept: set, output: str, keep=None):
        self.template = template
        self.plan = plan
        self.kept = kept
        self.output = output
        self.keep = keep

    def render(self, localcontext):
        name = localcontext.get("output_file")
        paginator = localcontext.get("articles_paginator")
        page = localcontext.get("articles_page")
        # a list page says how many items the list has ("13 รายการ · หน้า 1 จาก 2"): an item
        # removed from another page of the list changes it too
        extra = (paginator.num_pages, page.number, paginator.count) if paginator is not None and page is not None else ()
        if name and not self.plan.needs(name, self.plan.shows(localcontext), extra):
            self.kept.add(os.path.abspath(os.path.join(self.output, name)))
            if self.keep is not None:
                self.keep(name)
            return ""
        return self.template.render(localcontext)

    def __getattr__(self, attr):
        return getattr(self.template, attr)


def planned_writer_class(holder: dict):
    """Pelican's Writer, skipping the pages and feeds the plan says are unchanged (a paginated
    list page is skipped after Pelican opened it: `_open_w` then hands it a file that writes
    nothing). `holder["keep"]`, if set, is called with the output name of each page kept; with
    `holder["atomic"]`, each file is written beside its place and moved there when complete."""
    from pelican.writers import Writer

    check_pelican()

    class PlannedWriter(Writer):
        def __init__(self, *args, **kwargs):
            super().__init__(*args, **kwargs)
            self._kept_names: set[str] = set()
            self._pending: list[tuple[str, str]] = []

        def _open_w(self, filename, encoding, override=False):
            if filename in self._kept_names:
                self._kept_names.discard(filename)
                return _Kept()
            if holder.get("atomic"):  # written beside its place, moved there by `_settle`
                temporary = f"{filename}.{os.getpid()}.part"
                handle = super()._open_w(temporary, encoding, override)
                if handle.name != os.devnull:
                    self._pending.append((temporary, filename))
                return handle
            return super()._open_w(filename, encoding, override)

        def _settle(self, done: bool) -> None:
            """Move the files just written into their places (or drop them after a failure)."""
            pending, self._pending = self._pending, []
            for temporary, final in pending:
                try:
                    if done:
                        os.replace(temporary, final)
                    else:
                        os.unlink(temporary)
                except FileNotFoundError:
                    pass

        def write_file(self, *args, **kwargs):
            return self._settled(self._write_file, args, kwargs)

        def write_feed(self, *args, **kwargs):
            return self._settled(self._write_feed, args, kwargs)

        def _settled(self, write, args, kwargs):
            done = False
            try:
                result = write(*args, **kwargs)
                done = True
                return result
            finally:
                self._settle(done)

        def _write_file(self, name, template, context, relative_urls=False, paginated=None,
                        template_name=None, override_output=False, url=None, **kwargs):
            split = holder.get("split")
            if split is not None and name and not split.mine(name):
                return None  # the other writing process writes it (tools/two_writers.py)
            plan = holder.get("plan")
            if plan is None or not name:
                return super().write_file(name, template, context, relative_urls, paginated,
                                          template_name, override_output, url, **kwargs)
            own = kwargs.get("article") or kwargs.get("page")
            lists = paginated if paginated is not None else {
                k: v for k, v in kwargs.items() if k in ("articles", "dates")}
            is_paginated = own is None and bool(lists) and template_name in self.settings["PAGINATED_TEMPLATES"]
            if not is_paginated:
                key = plan.source(own) if own is not None else name
                if not plan.needs(key, plan.shows(kwargs)):
                    if holder.get("keep") is not None:
                        holder["keep"](name)
                    return None
                return super().write_file(name, template, context, relative_urls, paginated,
                                          template_name, override_output, url, **kwargs)
            planned = _PlannedTemplate(template, plan, self._kept_names, self.output_path, holder.get("keep"))
            return super().write_file(name, planned, context, relative_urls, paginated, template_name,
                                      override_output, url, **kwargs)

        def _write_feed(self, elements, context, path=None, url=None, feed_type="atom",
                        override_output=False, feed_title=None):
            split = holder.get("split")
            if split is not None and path and not split.mine(path):
                return None
            plan = holder.get("plan")
            if plan is not None and path:
                shown = list(elements[: self.settings["FEED_MAX_ITEMS"]])
                if not plan.needs(f"feed:{path}", shown):
                    if holder.get("keep") is not None:
                        holder["keep"](path)
                    return None
            return super().write_feed(elements, context, path, url, feed_type, override_output, feed_title)

    return PlannedWriter


# -- the run: our generators and our writer -------------------------------------------------------


def warm_pelican_class(memory, created: list, holder: dict):
    """A Pelican whose caching generators remember content (`remembering_generator`) and whose
    writer follows the plan (`planned_pelican_class`: two writers when `holder` has a split)."""
    from pelican.generators import CachingGenerator

    def remembering(cls):
        return remembering_generator(cls, memory, created, holder) if issubclass(cls, CachingGenerator) else cls

    warm = planned_pelican_class(holder, generator=remembering)
    warm.__name__ = warm.__qualname__ = "WarmPelican"
    return warm


def planned_pelican_class(holder: dict, generator=None):
    """A Pelican whose writer follows the plan in `holder` (`planned_writer_class`); everything
    else is Pelican's own (the build runner, tools/build.py). Each generator class is
    `generator(cls)` (default: `lean_generator`).

    With a `tools.two_writers.Split` in `holder["split"]`, the writing may be shared by two
    processes: `holder["fork"]` (decided once the content is read) makes `_get_writer` fork, each
    process's writer writes only its share of the pages, and the generator `Join`, placed after
    Pelican's articles and pages generators, ends the child's part (it hands its results back and
    exits) and makes the parent wait for it before the other generators and `finalized` run.
    Whatever happens in the child, it never returns from `run`.
    """
    from pelican import Pelican
    from pelican.generators import ArticlesGenerator, PagesGenerator, TemplatePagesGenerator

    check_pelican()
    writer_class = planned_writer_class(holder)

    class Join:
        def __init__(self, *args, **kwargs):
            pass

        def generate_output(self, writer):
            split = holder.get("split")
            if split is None or split.share is None:
                return
            if split.child:
                split.finish_child()
            split.join()

    class PlannedPelican(Pelican):
        def _get_generator_classes(self):
            classes = [(generator or lean_generator)(cls) for cls in super()._get_generator_classes()]
            if holder.get("split") is None:
                return classes
            own = [i for i, cls in enumerate(classes)
                   if issubclass(cls, (ArticlesGenerator, PagesGenerator, TemplatePagesGenerator))]
            at = (max(own) + 1) if own else 0
            return classes[:at] + [Join] + classes[at:]

        def _get_writer(self):
            writer = writer_class(self.output_path, settings=self.settings)
            split = holder.get("split")
            if split is not None and holder.get("fork"):
                split.fork()
            return writer

        def run(self):
            split = holder.get("split")
            try:
                return super().run()
            except BaseException as exc:
                if split is not None and split.child:
                    split.finish_child(exc)
                if split is not None:
                    split.abandon()
                raise
            finally:
                if split is not None and split.child:
                    split.finish_child()

    return PlannedPelican
