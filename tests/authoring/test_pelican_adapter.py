"""tools/pelican_adapter.py: one test per override of a Pelican internal, so that a Pelican
upgrade that moves one fails here, by name."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest

from tools import pelican_adapter
from tools.build import plugin_receivers

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def settings(tmp_path):
    from pelican.settings import read_settings

    content = tmp_path / "content"
    (content / "news").mkdir(parents=True)
    (content / "news" / "a.md").write_text(
        "Title: ข่าวทดสอบ\nDate: 2568-03-01 09:00\nCategory: ข่าวกิจกรรม\nTags: ทดสอบ\nSlug: a\n\nเนื้อข่าว\n",
        encoding="utf-8")
    return read_settings(str(ROOT / "pelicanconf.py"), override={
        "PATH": str(content), "OUTPUT_PATH": str(tmp_path / "output"), "CACHE_PATH": str(tmp_path / "cache"),
        "THAI_SEARCH_ENABLED": False})


class Plan:
    """A plan that renders only what `render` says (by key), noting what it was asked."""

    def __init__(self, render=()):
        self.render = set(render)
        self.asked = []

    def needs(self, key, shown, extra=()):
        self.asked.append(key)
        return key in self.render

    @staticmethod
    def shows(kwargs):
        return [v for k, v in kwargs.items() if k in ("article", "page")]

    @staticmethod
    def source(obj):
        return getattr(obj, "source_path", None)


class Memory:
    def __init__(self):
        self.items = {}
        self.file_lists = {}

    def get(self, kind, rel, context):
        return self.items.get((kind, rel))

    def put(self, kind, rel, obj):
        self.items[(kind, rel)] = obj


def _generator(cls, settings):
    """An instance of the generator class `cls`, as Pelican makes one."""
    with plugin_receivers():
        return cls(context=dict(settings), settings=settings, path=settings["PATH"],
                   theme=settings["THEME"], output_path=settings["OUTPUT_PATH"])


def test_every_internal_we_override_is_there():
    pelican_adapter.check_pelican.cache_clear()
    pelican_adapter.check_pelican()


def test_a_moved_internal_fails_loudly_by_name(monkeypatch):
    from pelican.writers import Writer

    monkeypatch.setattr(Writer, "_open_w", lambda self, path, mode: None)
    pelican_adapter.check_pelican.cache_clear()
    try:
        with pytest.raises(pelican_adapter.PelicanChanged, match="Writer._open_w"):
            pelican_adapter.planned_writer_class({})
    finally:
        monkeypatch.undo()
        pelican_adapter.check_pelican.cache_clear()


def test_get_generator_classes_and_get_writer(settings):
    from pelican import Pelican
    from pelican.generators import CachingGenerator

    holder = {"plan": None}
    warm = pelican_adapter.warm_pelican_class(Memory(), [], holder)
    with plugin_receivers():
        pelican = warm(settings)
        classes = pelican._get_generator_classes()
        plain = Pelican._get_generator_classes(pelican)
        writer = pelican._get_writer()
    assert [c.__name__ for c in classes] == [c.__name__ for c in plain]
    for ours, theirs in zip(classes, plain):
        if issubclass(theirs, CachingGenerator):  # articles and pages: read from memory
            assert ours is not theirs and issubclass(ours, theirs)
        else:
            assert ours is theirs
    assert type(writer).__name__ == "PlannedWriter" and hasattr(writer, "_kept_names")


def test_writer_open_w_hands_a_kept_page_a_file_that_writes_nothing(tmp_path):
    writer = pelican_adapter.planned_writer_class({"plan": None})(str(tmp_path), settings={"PAGINATED_TEMPLATES": {}})
    kept = str(tmp_path / "kept.html")
    writer._kept_names.add(kept)
    with writer._open_w(kept, "utf-8") as out:
        assert out.write("ไม่เขียน") == 0
    assert not Path(kept).exists()
    with writer._open_w(str(tmp_path / "written.html"), "utf-8") as out:
        out.write("เขียน")
    assert (tmp_path / "written.html").read_text(encoding="utf-8") == "เขียน"


def test_writer_write_file_and_write_feed_follow_the_plan(settings, tmp_path):
    from jinja2 import Template

    plan = Plan(render={"yes.html"})
    writer = pelican_adapter.planned_writer_class({"plan": plan})(str(tmp_path), settings=settings)
    for name in ("yes.html", "no.html"):
        writer.write_file(name, Template("หน้า {{ output_file }}"), dict(settings))
    assert (tmp_path / "yes.html").is_file() and not (tmp_path / "no.html").exists()
    assert plan.asked == ["yes.html", "no.html"]
    assert writer.write_feed([], dict(settings), "feeds/x.atom.xml") is None  # not asked for
    assert "feed:feeds/x.atom.xml" in plan.asked and not (tmp_path / "feeds").exists()


def test_caching_generator_reads_from_memory(settings):
    from pelican.generators import ArticlesGenerator

    memory, created = Memory(), []
    remembered = object()
    memory.put("ArticlesGenerator", "news/a.md", remembered)
    cls = pelican_adapter.remembering_generator(ArticlesGenerator, memory, created, {"plan": None})
    assert cls.__name__ == "ArticlesGenerator"
    generator = _generator(cls, settings)
    assert created == [generator]
    assert generator.get_cached_data("news/a.md") is remembered
    assert generator.get_cached_data("news/b.md", "none") == "none"
    generator.cache_data("news/b.md", "read")
    assert memory.items[("ArticlesGenerator", "news/b.md")] == "read"
    generator.save_cache()  # nothing is written to CACHE_PATH
    assert not Path(settings["CACHE_PATH"]).exists() or not any(Path(settings["CACHE_PATH"]).iterdir())
    files = generator.get_files(settings["ARTICLE_PATHS"], exclude=settings["ARTICLE_EXCLUDES"])
    assert files == {"news/a.md"} and memory.file_lists  # listed once, then from memory


def test_saved_files_are_read_first_and_each_reading_is_reported(settings):
    """`holder["first"]` comes first in Pelican's reading order; `holder["read"]` hears of each
    content object just read (the live preview's early page, tools/early_page.py)."""
    from pelican.generators import ArticlesGenerator

    content = Path(settings["PATH"])
    for name in "bcdefghij":
        (content / "news" / f"{name}.md").write_text((content / "news" / "a.md").read_text(encoding="utf-8")
                                                     .replace("Slug: a", f"Slug: {name}"), encoding="utf-8")
    heard = []
    holder = {"plan": None, "first": {"news/d.md"},
              "read": lambda generator, kind, rel, obj: heard.append((kind, rel, obj))}
    cls = pelican_adapter.remembering_generator(ArticlesGenerator, Memory(), [], holder)
    generator = _generator(cls, settings)
    files = list(generator.get_files(settings["ARTICLE_PATHS"], exclude=settings["ARTICLE_EXCLUDES"]))
    assert files[0] == "news/d.md" and sorted(files) == [f"news/{n}.md" for n in "abcdefghij"]
    generator.cache_data("news/d.md", "read")
    assert heard == [("ArticlesGenerator", "news/d.md", "read")]


def test_the_preview_writer_moves_each_file_into_place_whole(settings, tmp_path):
    """With `holder["atomic"]` a page is written beside its place and moved there complete (a new
    file takes the old one's name: a reader has the old page or the new one, never a part); a
    page whose rendering fails leaves the old one and nothing beside it."""
    from jinja2 import Template

    writer = pelican_adapter.planned_writer_class({"plan": None, "atomic": True})(str(tmp_path), settings=settings)
    page = tmp_path / "news" / "a" / "index.html"
    page.parent.mkdir(parents=True)
    page.write_text("หน้าเดิม", encoding="utf-8")
    old_inode = page.stat().st_ino
    writer.write_file("news/a/index.html", Template("หน้าใหม่"), dict(settings))
    assert page.read_text(encoding="utf-8") == "หน้าใหม่" and page.stat().st_ino != old_inode
    assert [p.name for p in page.parent.iterdir()] == ["index.html"]

    template = Template("")

    def broken(context):
        raise RuntimeError("แม่แบบเสีย")

    template.render = broken
    with pytest.raises(RuntimeError):
        writer.write_file("news/a/index.html", template, dict(settings), override_output=True)
    assert page.read_text(encoding="utf-8") == "หน้าใหม่" and [p.name for p in page.parent.iterdir()] == ["index.html"]
    writer.write_feed([], dict(settings), "feeds/all.atom.xml")
    assert (tmp_path / "feeds" / "all.atom.xml").read_text(encoding="utf-8").startswith("<?xml")
    assert not list(tmp_path.rglob("*.part"))


def test_generate_tags_and_categories_ask_the_plan_and_restore_the_lists(settings):
    from pelican.generators import ArticlesGenerator

    plan = Plan()
    cls = pelican_adapter.remembering_generator(ArticlesGenerator, Memory(), [], {"plan": plan})
    generator = _generator(cls, settings)
    generator.get_template = lambda name: None  # no theme filters without the plugins
    generator.tags = {"tag-a": ["x"]}
    generator.categories = [("cat-a", ["x"])]
    written = []
    generator.generate_tags(lambda *a, **k: written.append(a[0]))
    generator.generate_categories(lambda *a, **k: written.append(a[0]))
    assert written == [] and {"tag:tag-a", "category:cat-a"} <= set(plan.asked)
    assert generator.tags == {"tag-a": ["x"]} and generator.categories == [("cat-a", ["x"])]


def test_generate_articles_asks_the_plan_before_writing(settings):
    from pelican.generators import ArticlesGenerator

    class Article:
        source_path = "/x/news/a.md"
        save_as = "news/a/index.html"
        template = "article"
        url = "news/a/"

    plan = Plan()
    cls = pelican_adapter.remembering_generator(ArticlesGenerator, Memory(), [], {"plan": plan})
    generator = _generator(cls, settings)
    generator.get_template = lambda name: None  # no theme filters without the plugins
    generator.articles = [Article()]
    written = []
    generator.generate_articles(lambda *a, **k: written.append(a[0]))
    assert written == [] and plan.asked == ["/x/news/a.md"]
    plan.render.add("/x/news/a.md")
    plan.asked.clear()
    generator.generate_articles(lambda *a, **k: written.append(a[0]))
    assert written == ["news/a/index.html"]


def test_forget_logged_messages_lets_a_second_build_repeat_a_warning(caplog):
    from pelican import log  # noqa: F401  (Pelican's logger class, with its LimitFilter)

    logger = logging.getLogger("pelican.adapter-test")
    with caplog.at_level(logging.WARNING):
        logger.warning("same warning")
        logger.warning("same warning")
        assert caplog.text.count("same warning") == 1  # what Pelican does within one build
        pelican_adapter.forget_logged_messages()
        logger.warning("same warning")
    assert caplog.text.count("same warning") == 2


def test_forget_rendered_content_empties_pelicans_memo():
    from pelican.contents import Content

    Content.get_content.cache["key"] = "value"
    pelican_adapter.forget_rendered_content()
    assert Content.get_content.cache == {} and Content.get_summary.cache == {}


def test_static_links_are_looked_for_only_where_a_body_can_hold_one(settings, monkeypatch):
    """lean_generator: the static links found are Pelican's own for every body; a body with no
    place for an intra-site link is not searched (Pelican's search of every body cost 0.27 s on
    2,000 articles, in every build and every save of the live preview)."""
    from pelican.contents import Article
    from pelican.generators import ArticlesGenerator, PagesGenerator, StaticGenerator

    assert pelican_adapter.lean_generator(StaticGenerator) is StaticGenerator
    assert pelican_adapter.lean_generator(PagesGenerator).__name__ == "PagesGenerator"
    cls = pelican_adapter.lean_generator(ArticlesGenerator)
    assert cls.__name__ == "ArticlesGenerator" and issubclass(cls, ArticlesGenerator)
    generator = _generator(cls, settings)
    source = str(Path(settings["PATH"]) / "news" / "a.md")
    bodies = {
        '<p><img alt="" src="{static}/images/a.jpg"></p>': {"images/a.jpg"},
        "<p><a href='{attach}files/b.pdf'>ไฟล์</a></p>": {"news/files/b.pdf"},
        '<p><img src = "|static|images/c.png"></p>': {"news/images/c.png"},
        '<p><a href="{filename}b.md">ข่าว</a> ราคา {ไม่ใช่ลิงก์} | ไม่ใช่ลิงก์</p>': set(),
        '<p>ข้อความ<wbr>ธรรมดา <a href="https://example.org/?a=1&amp;b=2">ลิงก์</a></p>': set(),
    }
    for body, expected in bodies.items():
        article = Article(body, metadata={"title": "ข่าว"}, settings=settings, source_path=source,
                          context=generator.context)
        generator.context["static_links"] = set()
        generator.add_static_links(article)
        assert generator.context["static_links"] == article.get_static_links() == expected, body

    def searched(self):
        raise AssertionError("searched a body that cannot hold a link")

    monkeypatch.setattr(Article, "get_static_links", searched)
    plain = Article("<p>ข้อความ<wbr>ธรรมดา</p>", metadata={"title": "ข่าว"}, settings=settings,
                    source_path=source, context=generator.context)
    generator.add_static_links(plain)
    with pytest.raises(AssertionError):  # Pelican's own would search it
        ArticlesGenerator.add_static_links(generator, plain)


def test_the_content_objects_generators_read_format_urls_as_pelican_does(settings):
    """lean_generator: the articles and pages read are of fast_url_class (same class name: Pelican
    finds their URL settings by it), and the second writer can hand them back pickled."""
    import pickle

    from pelican.contents import Article
    from pelican.generators import ArticlesGenerator

    generator = _generator(pelican_adapter.lean_generator(ArticlesGenerator), settings)
    generator.context.update(generated_content={}, static_content={}, static_links=set())
    with plugin_receivers():
        generator.generate_context()
    [article] = generator.articles
    assert type(article) is pelican_adapter.fast_url_class(Article)
    assert type(article).__name__ == "Article" and isinstance(article, Article)
    assert (article.url, article.save_as) == ("news/a/", "news/a/index.html")
    again = pickle.loads(pickle.dumps(article))
    assert type(again) is type(article) and again.url == article.url


_PIECES = ["news/", "/", "-", ".html", "index.html", "{slug}", "{date:%Y}", "{date:%m/%d}", "{date.year}",
           "{category}", "{author}", "{lang}", "{path}", "{title}", "{slug!r}", "{tags}", "{missing}",
           "{be_year}", "{0}", "{}", "{date:{fmt}}", "{", "}}", "{{literal}}", "{slug[0]}", "ข่าว/"]


@pytest.mark.parametrize("kind", ["Article", "Page"])
def test_fast_urls_format_what_pelicans_url_format_does(settings, kind):
    """Every pattern made of the pieces above (positional fields, fields in a format spec and
    broken patterns included), over contents with and without each computed field, formats the
    same URL as Pelican's `url_format` or fails with the same error; the remembered relative
    source path is Pelican's."""
    import datetime

    from hypothesis import given, settings as hsettings, strategies as st
    from pelican import contents
    from pelican.urlwrappers import Author, Category

    base = getattr(contents, kind)
    fast = pelican_adapter.fast_url_class(base)
    folder = Path(settings["PATH"])

    @hsettings(max_examples=400, deadline=None)
    @given(pattern=st.lists(st.sampled_from(_PIECES), min_size=1, max_size=5).map("".join),
           fields=st.fixed_dictionaries({}, optional={
               "slug": st.sampled_from(["a-b", "ข่าว-1", ""]), "lang": st.sampled_from(["th", "en"]),
               "category": st.just("ข่าวกิจกรรม"), "author": st.just("ศูนย์ต่อต้านการทุจริต"),
               "path": st.just("news/x.md"), "title": st.just("หัวข้อ"), "be_year": st.just(2569),
               "tags": st.just("ก, ข"), "status": st.just("draft")}),
           source=st.sampled_from(["news/a.md", "pages/about.md", "a b/ข่าว ๑.md"]))
    def check(pattern, fields, source):
        metadata = {"date": datetime.datetime(2026, 3, 1, 9, 0), **fields}
        if "category" in metadata:
            metadata["category"] = Category(metadata["category"], settings)
        if "author" in metadata:
            metadata["author"] = Author(metadata["author"], settings)
        own = {**settings, **{f"{kind}_{lang}URL": pattern for kind in ("ARTICLE", "PAGE", "DRAFT", "DRAFT_PAGE")
                              for lang in ("", "LANG_")}}
        obj = fast("<p>x</p>", metadata=dict(metadata), settings=own, source_path=str(folder / source))
        assert obj.get_relative_source_path() == contents.Content.get_relative_source_path(obj)

        def outcome(expand):
            try:
                return ("ok", expand())
            except Exception as exc:  # noqa: BLE001 - the very error is compared
                return (type(exc).__name__, str(exc))

        key = "url" if obj.in_default_lang else "lang_url"
        assert outcome(lambda: obj._expand_settings(key)) == outcome(
            lambda: contents.Content._expand_settings(obj, key)), pattern

    check()
