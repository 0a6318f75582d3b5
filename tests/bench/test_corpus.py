"""The synthetic corpus: deterministic, the sizes and metadata the benchmark promises."""

import re
import statistics

import yaml

from tools.bench import corpus


def _files(base):
    return {p.name: p.read_bytes() for p in sorted(base.rglob("*.md"))}


def test_same_seed_same_bytes(tmp_path):
    a = corpus.generate(tmp_path / "a", 40)
    b = corpus.generate(tmp_path / "b", 40)
    assert _files(a.pelican_content) == _files(b.pelican_content)
    assert _files(a.hugo_site) == _files(b.hugo_site)
    c = corpus.generate(tmp_path / "c", 40, seed=7)
    assert _files(c.pelican_content) != _files(a.pelican_content)


def test_posts_are_2_to_6_kb_with_mean_near_4_8(tmp_path):
    info = corpus.generate(tmp_path, 300)
    sizes = [p.stat().st_size for p in (info.pelican_content / "news").glob("*.md")]
    assert len(sizes) == 300
    assert 2000 <= min(sizes) and max(sizes) <= 6000
    assert 4.5 <= statistics.mean(sizes) / 1000 <= 5.1
    assert info.min_kb * 1000 == min(sizes)


def test_metadata_mixes_be_and_ce_years_categories_tags_and_ascii_slugs(tmp_path):
    info = corpus.generate(tmp_path, 120)
    years, categories, slugs = [], set(), []
    for path in (info.pelican_content / "news").glob("*.md"):
        head = path.read_text(encoding="utf-8").split("\n\n", 1)[0]
        meta = dict(line.split(": ", 1) for line in head.splitlines())
        assert set(meta) >= {"Title", "Date", "Category", "Tags", "Slug"}
        assert re.fullmatch(r"\d{4}-\d\d-\d\d \d\d:\d\d", meta["Date"])
        years.append(int(meta["Date"][:4]))
        categories.add(meta["Category"])
        slugs.append(meta["Slug"])
        assert re.fullmatch(r"[a-z0-9-]+", meta["Slug"]) and path.stem == meta["Slug"]
        assert re.search("[\u0e00-\u0e7f]", meta["Title"])
    assert any(y > 2400 for y in years) and any(y < 2100 for y in years)
    assert categories == set(corpus.CATEGORIES)
    assert len(set(slugs)) == len(slugs)


def test_hugo_posts_are_the_same_posts_with_ce_dates(tmp_path):
    info = corpus.generate(tmp_path, 30)
    for path in (info.hugo_site / "content" / "news").glob("*.md"):
        text = path.read_text(encoding="utf-8")
        _, front, body = text.split("---\n", 2)
        meta = yaml.safe_load(front)
        twin = (info.pelican_content / "news" / path.name).read_text(encoding="utf-8")
        assert f"Title: {meta['title']}\n" in twin
        assert f"Slug: {meta['slug']}\n" in twin
        assert int(str(meta["date"])[:4]) < 2100
        assert twin.endswith(body)
