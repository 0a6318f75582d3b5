"""Slugs: RTGS romanisation, lowercase ASCII, hyphens between words, <= 60 chars, unique."""

import re
from pathlib import Path

import pytest

from thai_text.slugs import SlugMaker, is_slug, make_slug, unique_slugs, with_suffix

SLUG = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")


@pytest.mark.parametrize(
    "text, slug",
    [
        ("ดวงตาแรงงาน", "duangta-raengngan"),
        # dotted abbreviations whole, by their form; a full stop is not one
        ("ศปท.แรงงาน ร่วมกับ ป.ป.ช. จ.ขอนแก่น", "sapath-raengngan-ruam-kap-ppch-ch-khon-kaen"),
        ("สำนักงานป.ป.ช.", "samnakngan-ppch"),
        ("ผลการประเมิน.", "phon-kan-pramoen"),
        ("ข่าวกิจกรรม", "khao-kitchakam"),
        ("ประกาศ", "prakat"),
        ("ป.ป.ช.", "ppch"),
        ("กระทรวงแรงงานจัดอบรมต่อต้านการทุจริต", "krasuang-raengngan-chat-oprom-totan-kan-thutcharit"),
        ("Open Data Day 2022", "open-data-day-2022"),
        ("ฝึกอบรม", "fuekoprom"),  # syllable by syllable (royin alone: fuekopnm)
        ("วันต่อต้านคอร์รัปชันสากล", "wan-totan-khorapchan-sakon"),
        ("อบรม ปี ๒๕๖๕", "oprom-pi-2565"),
        ("เเรงงาน", "raengngan"),  # typing error fixed first
        ("2565-03-25-อบรมดวงตาแรงงาน", "2565-03-25-oprom-duangta-raengngan"),
        # from the issue: RTGS, not royin's misreadings
        ("เชียงใหม่", "chiang-mai"),
        ("พระนครศรีอยุธยา", "phra-nakhon-si-ayutthaya"),
        ("นครราชสีมา", "nakhon-ratchasima"),
        ("เครือข่าย", "khruea-khai"),
        ("สร้าง", "sang"),
        ("ตลอด", "talot"),
    ],
)
def test_examples(text, slug):
    assert make_slug(text) == slug


def _rtgs_list():
    path = Path(__file__).resolve().parent / "data" / "rtgs.tsv"
    return [line.split("\t") for line in path.read_text(encoding="utf-8").splitlines()
            if line and not line.startswith("#")]


def _letters(text):
    return re.sub("[^a-z0-9]", "", text.lower())


def test_rtgs_on_the_list():
    """At least 95% of 150+ words and names come out in standard RTGS (spaces and hyphens aside);
    the provinces and the listed words must all be right, and so must most of the others, which
    only the rules romanise."""
    from thai_text.romanization import PROVINCES, WORDS

    rows = _rtgs_list()
    assert len(rows) >= 150 and sum(th in PROVINCES for th, _ in rows) == 77 + 1
    wrong = [(th, rtgs, make_slug(th)) for th, rtgs in rows if _letters(make_slug(th)) != _letters(rtgs)]
    print(f"{len(rows) - len(wrong)} of {len(rows)} exact; wrong: {wrong}")
    assert len(wrong) <= 0.05 * len(rows), wrong
    by_rules = [r for r in rows if r[0] not in PROVINCES and r[0] not in WORDS]
    assert len(by_rules) >= 60
    assert sum(1 for th, rtgs in by_rules if _letters(make_slug(th)) != _letters(rtgs)) <= 0.05 * len(by_rules)


def test_every_province_has_its_official_slug():
    from thai_text.romanization import PROVINCES

    for thai, name in PROVINCES.items():
        assert make_slug(thai) == "-".join(name.lower().split())


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


def _thai_texts_of_the_site() -> list[str]:
    """Every Thai file name, title, tag and category of content/ and of the WordPress test export,
    and names written with their titles (what writers add to the site dictionary)."""
    import sys

    root = Path(__file__).resolve().parents[2]
    sys.path.insert(0, str(root / "tests" / "wordpress"))
    from wp_helpers import EXPORT_DATA

    texts = {"นายไพรัชต์ วงศ์สุวรรณ ลงพื้นที่ตรวจแคมป์คนงาน", "นางสาวกัญญ์ณพัชร์ ศรีประเสริฐ มอบเกียรติบัตร",
             "การอบรม", "สัมมนาเครือข่ายต้านทุจริต ร่วมกับ มรภ.อุดรธานี", "ประชุมร่วมกับสำนักงานป.ป.ช.",
             "สรุปผลการประเมิน."}
    for path in (root / "content").rglob("*.md"):
        texts.add(path.stem)
        for key in ("Title", "Category", "Tags"):
            found = re.search(rf"^{key}:\s*(.+)$", path.read_text(encoding="utf-8"), re.M)
            texts.update(v.strip() for v in (found.group(1).split(",") if found else []))
    texts.update(item.title for item in EXPORT_DATA.items)
    texts.update(term.name for term in EXPORT_DATA.categories + EXPORT_DATA.tags)
    return sorted(t for t in texts if re.search("[\u0e01-\u0e4e]", t))


def test_a_word_added_to_the_site_dictionary_never_changes_an_address(tmp_path):
    """Writers add names and terms to the site dictionary (the editor's พจนานุกรม, the spelling
    check's fix), every week. A release's address is romanised from its Thai file name, a tag's
    and a category's from their names: none may move when a word is added (the old address would
    be dead, and the WordPress redirect file's targets for tags with it), nor when the dictionary
    is empty. Property over every Thai text of the site and of the WordPress test export, with
    each of its space-separated pieces and the whole of it added as words."""
    from tools.newpost import site_settings
    from thai_text.slugs import slug_for

    root = Path(__file__).resolve().parents[2]
    texts = _thai_texts_of_the_site()
    assert len(texts) >= 120

    def slugs_with(words: list[str] | None) -> dict[str, str]:
        content = tmp_path / f"content-{'site' if words is None else len(words)}"
        content.mkdir()
        (content / "dictionary.txt").write_text(
            (root / "content" / "dictionary.txt").read_text(encoding="utf-8") if words is None
            else "\n".join(words) + "\n", encoding="utf-8")
        settings = site_settings(content)
        settings.update(THAI_TEXT_CACHE=False, CACHE_PATH=str(tmp_path / "cache"))
        return {text: slug_for(settings, text) for text in texts}

    site = slugs_with(None)
    added = sorted({piece for text in texts for piece in [text.replace(" ", ""), *text.split()]
                    if re.fullmatch("[\u0e01-\u0e4e.]{3,}", piece)})
    assert len(added) >= 200
    assert slugs_with([]) == site
    moved = {text: (site[text], slug) for text, slug in slugs_with(added).items() if slug != site[text]}
    assert moved == {}
