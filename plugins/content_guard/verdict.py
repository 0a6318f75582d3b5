"""One verdict on the content, from the rules each plugin owns: the same for every caller.

Each enabled plugin (`PLUGINS`) that has a module `rules` lists its rules there in `RULES`: a
`Rule` names its id, the plain function that finds its problems, and whether that function looks
at one source file (`check(source, site)`) or at the whole site (`check(site)`). `judge()` runs
them all over the sources that `sources.find_sources` lists and returns a `Verdict`.

Who calls it:
- `invoke check` (tools/check.py) prints the verdict, or writes it as GitHub annotations;
- every build: content_guard judges the content when Pelican sets up its readers (every plugin's
  defaults are applied by then), logs each problem once, and its reader skips every file with an
  ERROR (nothing is published from it); on a large site the rules that only warn run meanwhile
  in a second process (`defer`);
- the live preview (tools/preview.py) judges before each rebuild, keeps the last good version of a
  page whose source has an ERROR, and lists the problems on every preview page.

A few rules need what only reading gives (the HTML that Markdown makes, for the sanitiser): they
are marked `when="reading"`. In a build the plugin's own reader calls them on the file it reads;
`judge()` calls them itself only outside a build (`in_build=False`), and, like the build, only for
the files that have no ERROR (a file with an ERROR is never read).

`effective_settings(settings)` lays each enabled plugin's defaults over a copy of the settings,
with the same `with_defaults` function the plugin applies on `initialized`, so a rule sees the
same values outside a build as in it.
"""

from __future__ import annotations

import datetime as _dt
import importlib
import importlib.machinery
import importlib.util
import multiprocessing
import os
import sys
import threading
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from zoneinfo import ZoneInfo

from .problems import ERROR, Problem, counts, sort_key
from .sources import ARTICLE, PAGE, SourceFile, display_name, find_sources, read_source

FILE, SITE = "file", "site"
START, READING = "start", "reading"
# A build defers the rules that only warn to a second process from this many sources on: on a
# small site a second process (which loads the spell checker's word list again) costs more.
DEFER_FROM_SOURCES = 200


@dataclass(frozen=True)
class Rule:
    """A content rule: `check(source, site)` (per="file") or `check(site)` (per="site")."""

    id: str
    check: Callable[..., Iterable[Problem]]
    per: str = FILE
    when: str = START  # START: judged before reading; READING: called by the build's reader
    markdown_only: bool = True  # per-file rules read the `Key: value` header
    # For a per-file rule whose problems depend only on the file and these settings: what it
    # found is remembered (the live preview judges the whole site after every save).
    depends_on: tuple[str, ...] | None = None
    # A rule that only ever warns never keeps a file from being published, so a build may judge
    # it alongside Pelican's work, in a second process (see `judge(..., defer=True)`).
    warns_only: bool = False


def plugin_module(settings: dict, plugin: str, module: str):
    """`<plugin>.<module>` of an enabled plugin, imported as Pelican imports plugins (by name,
    from PLUGIN_PATHS, which Pelican's read_settings makes absolute); None when the plugin is not
    enabled or has no such module."""
    if plugin not in enabled_plugins(settings):
        return None
    if plugin not in sys.modules:
        spec = (importlib.machinery.PathFinder.find_spec(plugin, list(settings.get("PLUGIN_PATHS") or []))
                or importlib.util.find_spec(plugin))
        if spec is None:
            return None
        package = importlib.util.module_from_spec(spec)
        sys.modules[plugin] = package
        spec.loader.exec_module(package)
    try:
        return importlib.import_module(f"{plugin}.{module}")
    except ModuleNotFoundError as exc:
        if exc.name == f"{plugin}.{module}":
            return None
        raise


def enabled_plugins(settings: dict) -> list[str]:
    return [p if isinstance(p, str) else getattr(p, "__name__", "") for p in settings.get("PLUGINS") or []]


def effective_settings(settings: dict) -> dict:
    """A copy of `settings` with every enabled plugin's defaults (its `settings.with_defaults`)."""
    merged = dict(settings)
    for plugin in enabled_plugins(settings):
        module = plugin_module(settings, plugin, "settings")
        if module is not None and hasattr(module, "with_defaults"):
            merged.update(module.with_defaults(merged))
    return merged


def rules_of(settings: dict) -> list[Rule]:
    """Every rule of the enabled plugins, in PLUGINS order."""
    found = []
    for plugin in enabled_plugins(settings):
        module = plugin_module(settings, plugin, "rules")
        if module is not None:
            found.extend(getattr(module, "RULES", ()))
    return found


class Site:
    """What the rules look at: effective settings, the sources, the moment of judging.

    `memo(key, compute)` keeps what a rule derives from the whole site (slugs, URLs, galleries)
    for the other rules of the same verdict.
    """

    def __init__(self, settings: dict, sources: list[SourceFile] | None = None, now=None,
                 in_build: bool = False):
        self.settings = settings
        self.in_build = in_build  # judged by a build (rules may keep what they found in CACHE_PATH)
        self.sources = find_sources(settings) if sources is None else sources
        self.timezone = ZoneInfo(settings.get("TIMEZONE") or "UTC")  # as Pelican, when none is set
        self.now = now or _dt.datetime.now(self.timezone)
        self.content_dir = Path(settings["PATH"]).resolve()
        self._memo: dict = {}
        self.found = None  # remembered.Found, when what the rules find is kept between processes

    @property
    def articles(self) -> list[SourceFile]:
        return [s for s in self.sources if s.kind == ARTICLE and s.refused is None]

    @property
    def pages(self) -> list[SourceFile]:
        return [s for s in self.sources if s.kind == PAGE and s.refused is None]

    def name(self, path) -> str:
        """`path` as authors see it (content/...)."""
        return display_name(path, self.settings)

    def source_at(self, path) -> SourceFile | None:
        """The source at `path` (any spelling of it), or None."""
        by_path = self.memo("content_guard.by_path", lambda: {s.path.resolve(): s for s in self.sources})
        return by_path.get(Path(path).resolve())

    def memo(self, key, compute: Callable):
        if key not in self._memo:
            self._memo[key] = compute()
        return self._memo[key]


@dataclass
class Verdict:
    """The problems of the content, errors first, and who has an ERROR."""

    problems: list[Problem] = field(default_factory=list)
    site: Site | None = None
    pending: "Deferred | None" = None  # rules still being judged (a build's `defer`)

    def __post_init__(self):
        self.problems = sorted(set(self.problems), key=sort_key)

    def complete(self) -> list[Problem]:
        """Wait for the deferred rules; add and return what they found."""
        if self.pending is None:
            return []
        found, self.pending = self.pending.result(), None
        self.problems = sorted(set(self.problems) | set(found), key=sort_key)
        return found

    @property
    def errors(self) -> int:
        return counts(self.problems)[0]

    @property
    def warnings(self) -> int:
        return counts(self.problems)[1]

    def for_file(self, name: str) -> list[Problem]:
        return [p for p in self.problems if p.file == name]

    def has_error(self, name: str) -> bool:
        return any(p.file == name and p.severity == ERROR for p in self.problems)

    @cached_property
    def source_names(self) -> frozenset:
        return frozenset(s.name for s in self.site.sources) if self.site is not None else frozenset()

    def knows(self, name: str) -> bool:
        """Whether `name` is one of the sources judged."""
        return name in self.source_names


_FOUND: dict = {}  # (rule, file, text, settings it depends on) -> problems, for `depends_on` rules


def _run(rule: Rule, site: Site, sources) -> list[Problem]:
    if rule.per == SITE:
        return list(rule.check(site))
    problems = []
    used = None if rule.depends_on is None else repr([site.settings.get(k) for k in rule.depends_on])
    for source in sources:
        if source.refused is not None or (rule.markdown_only and not source.markdown):
            continue
        if used is None:
            problems.extend(rule.check(source, site))
            continue
        key = (rule.id, source.name, source.text, used)
        if key not in _FOUND:
            if len(_FOUND) > 100_000:
                _FOUND.clear()
            store = site.found
            found = store.get(rule.id, source.name, source.text, used) if store is not None else None
            if found is None:
                found = list(rule.check(source, site))
                if store is not None:
                    store.put(rule.id, source.name, source.text, used, found)
            _FOUND[key] = found
        elif site.found is not None:  # judged earlier in this process: still worth keeping
            site.found.put(rule.id, source.name, source.text, used, _FOUND[key])
        problems.extend(_FOUND[key])
    return problems


def judge(settings: dict, *, now=None, sources=None, in_build: bool = False,
          effective: bool = False, defer: bool = False, remember: bool = False) -> Verdict:
    """The verdict on the content of `settings["PATH"]` (Pelican settings; `effective`: the
    plugins' defaults are already in them).

    `remember` (a build, and the live preview before a full build): what the per-file rules
    with `depends_on` find is kept in CACHE_PATH for the next process (remembered.py).

    `defer` (a build of DEFER_FROM_SOURCES sources or more): the rules that only warn are judged
    in a second process, started before the other rules are judged here, while this process
    judges those and Pelican works; `Verdict.complete()` waits for them and returns what they
    found."""
    settings = settings if effective else effective_settings(settings)
    site = Site(settings, sources, now, in_build)
    if remember:
        from .remembered import Found

        site.found = Found.load(settings)
    rules = rules_of(settings)
    problems = [s.refused for s in site.sources if s.refused is not None]
    later = [r for r in rules if r.when == START and r.warns_only]
    if not defer or len(site.sources) < DEFER_FROM_SOURCES:
        later = []
    # The second process starts before the other rules are judged here, which keeps one core
    # busy while Pelican has not started reading yet.
    pending = Deferred(site, later) if later else None
    for rule in rules:
        if rule.when == START and rule not in later:
            problems.extend(_run(rule, site, site.sources))
    if not in_build:
        failed = {p.file for p in problems if p.severity == ERROR}
        readable = [s for s in site.sources if s.name not in failed]
        for rule in rules:
            if rule.when == READING:
                problems.extend(_run(rule, site, readable))
    verdict = Verdict(problems, site, pending)
    if site.found is not None:
        run = {r.id for r in rules if r.depends_on is not None and r not in later
               and (r.when == START or not in_build)}
        site.found.save(run)
    return verdict


class Deferred:
    """Rules judged in a forked process (two or more CPUs), else when asked for.

    Never forked beside another thread (the web editor's server rebuilds in one): the child has
    only the thread that forked, and a lock another thread held at that moment (an import's, the
    logging module's) would stay locked in it, the child would never answer and the build would
    wait for it for ever."""

    def __init__(self, site: Site, rules: list[Rule]):
        self.site, self.rules = site, rules
        self.process = self.receiver = None
        cpus = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)
        if cpus > 1 and "fork" in multiprocessing.get_all_start_methods() and threading.active_count() == 1:
            context = multiprocessing.get_context("fork")
            self.receiver, sender = context.Pipe(duplex=False)
            self.process = context.Process(target=self._child, args=(sender,), daemon=True)
            self.process.start()
            sender.close()

    def _run_all(self) -> list[Problem]:
        return [p for rule in self.rules for p in _run(rule, self.site, self.site.sources)]

    def _child(self, sender) -> None:
        try:
            sender.send(self._run_all())
        except BaseException:  # the parent judges again itself
            sender.send(None)
        finally:
            sender.close()

    def result(self) -> list[Problem]:
        found = None
        if self.process is not None:
            try:
                found = self.receiver.recv()
            except EOFError:
                found = None
            self.process.join()
            self.process = None
        return self._run_all() if found is None else found


def judge_file(verdict: Verdict, path, kind: str) -> list[Problem]:
    """The per-file START problems of a file the verdict did not list (found while building)."""
    site = verdict.site
    source = read_source(path, kind, site.settings)
    site.sources.append(source)
    verdict.__dict__.pop("source_names", None)
    problems = [source.refused] if source.refused is not None else []
    for rule in rules_of(site.settings) if source.refused is None else ():
        if rule.when == START and rule.per == FILE:
            problems.extend(_run(rule, site, [source]))
    verdict.problems = sorted(set(verdict.problems) | set(problems), key=sort_key)
    return problems
