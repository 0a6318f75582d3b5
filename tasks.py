"""Tasks for building, previewing, checking and publishing the site (`invoke --list`)."""

import os
import shutil
import sys
from pathlib import Path

from invoke import task

ROOT = Path(__file__).resolve().parent
sys.path.insert(0, str(ROOT))

CONFIG = {
    "settings_base": ROOT / "pelicanconf.py",
    "settings_publish": ROOT / "publishconf.py",
    "deploy_path": ROOT / "output",
    "host": "127.0.0.1",
    "port": 8000,
}


def _vendor():
    """Copy the fonts and scripts the theme takes from node_modules/ (tools/assets.py)."""
    from tools.assets import MissingAsset, vendor_assets

    try:
        vendor_assets()
    except MissingAsset as exc:
        sys.exit(str(exc))


def _build(settings_file, fatal_warnings=False, postprocess=None):
    from tools.build import build as run_build

    _vendor()
    result = run_build(
        settings_file, CONFIG["deploy_path"], fatal_warnings=fatal_warnings, postprocess=postprocess
    )
    if not result.ok:
        sys.exit(1)
    return result


@task
def clean(c):
    """Remove the generated site and caches (never touches content/)."""
    for name in ("output", "output.new", "output.old", "cache"):
        path = ROOT / name
        if path.exists():
            shutil.rmtree(path)


@task
def build(c):
    """Build the development site into output/."""
    _build(CONFIG["settings_base"])


@task
def serve(c):
    """Serve output/ at http://127.0.0.1:8000/ (no rebuild)."""
    from tools.serve import serve_forever

    serve_forever(CONFIG["deploy_path"], CONFIG["host"], CONFIG["port"])


@task
def reserve(c):
    """Build the development site, then serve it at http://127.0.0.1:8000/."""
    build(c)
    serve(c)


@task
def publish(c):
    """Build the production site into output/ (publishconf.py, minified, hashed, .gz/.br); fails on any warning."""
    from tools.production import postprocess

    _build(CONFIG["settings_publish"], fatal_warnings=True, postprocess=postprocess)


@task
def deploy(c):
    """Upload output/ to the server in DEPLOY_* variables as a new release, then switch to it."""
    from tools.deploy import DeployError, deploy as run_deploy

    try:
        run_deploy(CONFIG["deploy_path"])
    except DeployError as exc:
        sys.exit(str(exc))


@task
def rollback(c):
    """Switch the server in DEPLOY_* variables back to the previous release."""
    from tools.deploy import DeployError, rollback as run_rollback

    try:
        run_rollback()
    except DeployError as exc:
        sys.exit(str(exc))


@task(
    name="new-post",
    help={
        "title": "the headline, in Thai",
        "category": "ข่าวประชาสัมพันธ์ (default), ข่าวกิจกรรม or ประกาศ",
        "gallery": "create content/galleries/<gallery>/ and link it with Gallery:",
        "slug": "the URL name (default: romanised from the title)",
        "tags": "comma-separated tags",
        "author": "the author line",
    },
)
def new_post(c, title, category="", gallery=None, slug=None, tags="", author=""):
    """Start a press release: content/news/<slug>.md with every metadata field (draft)."""
    from pelican.settings import read_settings

    from tools.newpost import DEFAULT_AUTHOR, DEFAULT_TAGS, NewPostError, create_post, report

    settings = read_settings(str(CONFIG["settings_base"]))
    categories = settings.get("CATEGORIES") or []
    try:
        post = create_post(
            title,
            content_dir=ROOT / "content",
            category=category or settings.get("DEFAULT_CATEGORY") or categories[0],
            categories=categories,
            gallery=gallery,
            slug=slug,
            tags=tags or DEFAULT_TAGS,
            author=author or DEFAULT_AUTHOR,
            settings=settings,
        )
    except NewPostError as exc:
        sys.exit(str(exc))
    print(report(post, ROOT))


@task(help={
    "content": "content folder to check (default: PATH of pelicanconf.py)",
    "output": "text (default) or github: one GitHub annotation per problem, Thai first",
    "strict": "warnings fail too, as in invoke publish",
})
def check(c, content=None, output="text", strict=False):
    """Check all content with every plugin's rules (the build's verdict); errors exit 1."""
    from tools.check import FORMATS, main as check_main

    if output not in FORMATS:
        sys.exit(f"--output ต้องเป็น {' หรือ '.join(FORMATS)} / --output must be one of {', '.join(FORMATS)}")
    code = check_main(content, CONFIG["settings_base"], output=output, strict=strict)
    if code:
        sys.exit(code)


@task
def livereload(c):
    """Serve at http://127.0.0.1:8000/, rebuild on save (only what changed) and reload the browser."""
    from tools.preview import serve_with_livereload

    _vendor()  # a fresh clone that was never built has no fonts or gallery script yet
    serve_with_livereload(CONFIG["settings_base"], CONFIG["deploy_path"], CONFIG["host"], CONFIG["port"])


@task(help={"port": "port on 127.0.0.1 (default 8000)", "host": "must be 127.0.0.1: the local backend has no login"})
def editor(c, host=CONFIG["host"], port=CONFIG["port"]):
    """Serve the site and the web editor (/admin/) at http://127.0.0.1:8000/ on the local git backend."""
    from tools.editor import EditorError, serve_editor

    try:
        serve_editor(CONFIG["settings_base"], CONFIG["deploy_path"], host, int(port), ROOT)
    except EditorError as exc:
        sys.exit(str(exc))


@task(
    name="import-wordpress",
    help={
        "source": "the WordPress export (.xml, Tools > Export > All content)",
        "media_dir": "a copy of the old site's files (holding wp-content/uploads/)",
        "media_url": "the old site's address, to download wp-content/uploads/ from",
        "dry_run": "show what would change; write and download nothing",
        "category": "map an old category to one of ours: \"old name=ข่าวกิจกรรม\" (repeatable)",
    },
    iterable=["category"],
)
def import_wordpress(c, source, media_dir=None, media_url=None, dry_run=False, category=None):
    """Import a WordPress export: releases, pages, galleries, photos and redirects of old addresses."""
    from tools.wordpress.__main__ import main as import_main

    args = ["--source", source]
    args += ["--media-dir", media_dir] if media_dir else []
    args += ["--media-url", media_url] if media_url else []
    args += ["--dry-run"] if dry_run else []
    for pair in category or []:
        args += ["--category", pair]
    code = import_main(args)
    if code:
        sys.exit(code)


@task(
    help={
        "posts": "posts in the synthetic corpus (default 2000)",
        "quick": "30 posts, 6 small photos, one repetition (about a minute)",
        "reps": "repetitions of each measure; the median is reported (default 3)",
        "write-docs": "write the tables into docs/benchmarks.md",
        "wordpress": "only the WordPress import (5000 posts, 20000 photos) beside pelican-import",
    }
)
def bench(c, posts=0, quick=False, reps=0, write_docs=False, wordpress=False):
    """Benchmark our build against vanilla Pelican and Hugo on a synthetic corpus (bench-work/)."""
    from tools.bench.run import main as bench_main

    args = ["--wordpress"] if wordpress else []
    args += ["--posts", str(posts)] if posts else []
    args += ["--quick"] if quick else []
    args += ["--reps", str(reps)] if reps else []
    args += ["--write-docs"] if write_docs else []
    bench_main(args)


@task(name="fixture-site")
def fixture_site(c):
    """Write the expected output of the fixture site (tests/functional) after an intended change."""
    from tools.fixture_site import main as fixture_main

    code = fixture_main()
    if code:
        sys.exit(code)
