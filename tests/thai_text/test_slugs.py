"""Slugs: RTGS romanisation, lowercase ASCII, hyphens between words, <= 60 chars, unique."""

import re

import pytest

from thai_text.slugs import SlugMaker, is_slug, make_slug, unique_slugs, with_suffix

SLUG = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")


@pytest.mark.parametrize(
    "text, slug",
    [
        ("ดวงตาแรงงาน", "duangta-raengngan"),
        ("ข่าวกิจกรรม", "khao-kitkam"),
        ("ประกาศ", "prakat"),
        ("ป.ป.ช.", "ppch"),
        ("กระทรวงแรงงานจัดอบรมต่อต้านการทุจริต", "krasuang-raengngan-chat-oprom-totan-kan-thutcharit"),
        ("Open Data Day 2022", "open-data-day-2022"),
        ("ฝึกอบรม", "fuekoprom"),  # syllable by syllable (royin alone: fuekopnm)
        ("วันต่อต้านคอร์รัปชันสากล", "wan-totan-khorapchan-sakon"),
        ("อบรม ปี ๒๕๖๕", "oprom-pi-2565"),
        ("เเรงงาน", "raengngan"),  # typing error fixed first
        ("2565-03-25-อบรมดวงตาแรงงาน", "2565-03-25-oprom-duangta-raengngan"),
    ],
)
def test_examples(text, slug):
    assert make_slug(text) == slug


def test_long_title_is_cut_between_words():
    title = "ศูนย์ปฏิบัติการต่อต้านการทุจริตกระทรวงแรงงานร่วมกับสำนักงานป.ป.ช.จัดสัมมนาเครือข่ายดวงตาแรงงานทั่วประเทศประจำปีงบประมาณ ๒๕๖๕"
    slug = make_slug(title)
    assert SLUG.fullmatch(slug) and len(slug) <= 60
    assert make_slug(title + " เพิ่มเติม").startswith(slug)
    assert len(make_slug(title, max_length=30)) <= 30


def test_no_letters_gives_empty():
    assert make_slug("!!! ๆ …") == ""


def test_is_slug():
    assert is_slug("news-2565") and not is_slug("News") and not is_slug("a--b") and not is_slug("ข่าว")


def test_unique_slugs_are_deterministic():
    names = ["ข่าว", "ขาว", "ข้าว", "ดวงตาแรงงาน"]
    first = unique_slugs(names, make_slug)
    assert unique_slugs(list(reversed(names)), make_slug) == first
    assert len(set(first.values())) == len(names)
    assert first["ข่าว"].startswith("khao") and first["ดวงตาแรงงาน"] == "duangta-raengngan"
    # the suffix depends only on the name: adding another colliding name changes no other slug
    more = unique_slugs(names + ["เขา"], make_slug)
    assert all(more[n] == first[n] for n in names if n != min(names + ["เขา"]))
    assert all(SLUG.fullmatch(s) and len(s) <= 60 for s in more.values())


def test_suffix_stays_within_limit():
    slug = with_suffix("a" * 60, "key")
    assert len(slug) <= 60 and SLUG.fullmatch(slug)


def test_romanisations_are_cached_on_disk(tmp_path, segmenter):
    cache = tmp_path / "romanized.json"
    maker = SlugMaker(segmenter, cache_file=cache)
    assert maker.make_slug("ดวงตาแรงงาน ร่วมใจ") == "duangta-raengngan-ruamchai"
    maker.save()
    again = SlugMaker(segmenter, cache_file=cache)
    assert "ร่วมใจ" in again._romanized


def test_romanization_overrides(segmenter):
    maker = SlugMaker(segmenter, fixes={"ดวงตา": "eyes"})
    assert maker.make_slug("ดวงตาแรงงาน") == "eyes-raengngan"
