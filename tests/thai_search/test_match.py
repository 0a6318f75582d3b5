"""The exact Thai matching that runs in the browser (theme/static/js/search-match.js), run in Node.

Pagefind folds vowels and tone marks out of queries; these functions decide which of its
candidates really contain the query. One Node process checks every case.
"""

import json
import shutil
import subprocess

import pytest

from tests.conftest import ROOT

MODULE = ROOT / "theme" / "static" / "js" / "search-match.js"

PAGE = {
    "meta": {"title": "ศูนย์ฯ ประชุมเครือข่ายดวงตาแรงงาน"},
    # As Pagefind stores it: zero-width spaces between words, ". " after the heading.
    "content": "ศูนย์ฯ\u200bประชุม\u200bเครือข่าย\u200bดวงตา\u200bแรงงาน\u200b. \u200bเผยแพร่\u200bข่าว"
    "\u200bการ\u200bปราบ\u200bทุจริต ร่วมกับ ป.ป.ท. ชิม\u200bข้าวมันไก่\u200bแล้ว\u200bเดินทาง\u200bไกล"
    " ประเมิน ITA ที่ Café 2566",
}

CASES = [
    # query, should match
    ("ข่าว", True),
    ("ขาว", False),  # white is not news
    ("ไก่", True),
    ("ไก", True),  # ไก is the start of ไกล
    ("ไกล", True),
    ("เสือ", False),
    ("ดวงตาแรงงาน", True),  # across Pagefind's zero-width space
    ("ดวงตา แรงงาน", True),
    ("เเรงงาน", True),  # two sara e typed for sara ae
    ("ป.ป.ท.", True),
    ("ปปท", True),
    ("ข่าว ขาว", False),  # every Thai term must be there
    ("ข้า", True),  # ข้าวมันไก่
    ("ขา", False),  # only in ข่าว and ข้าว, followed by a tone mark
    ("ita", True),  # other scripts: case does not matter
    ("cafe", True),  # nor do accents
    ("CAFÉ", True),
    ("1546", False),
    ("2566", True),
]


def run_node(script: str, tmp_path):
    if not shutil.which("node"):
        pytest.fail("Node.js is missing: sudo apt-get install nodejs (./dev.sh test installs it)")
    module = tmp_path / "search-match.mjs"
    module.write_bytes(MODULE.read_bytes())
    runner = tmp_path / "run.mjs"
    runner.write_text(script, encoding="utf-8")
    done = subprocess.run(["node", str(runner)], capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


@pytest.fixture(scope="module")
def results(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("match")
    script = f"""
import * as m from "./search-match.mjs";
const page = {json.dumps(PAGE, ensure_ascii=False)};
const cases = {json.dumps([q for q, _ in CASES], ensure_ascii=False)};
const out = {{}};
for (const q of cases) {{
  const {{terms}} = m.parseQuery(q);
  const found = m.verify(page, terms);
  out[q] = {{
    ok: found.ok,
    marked: found.content.map(([s, e]) => page.content.slice(s, e)),
    excerpt: m.excerpt(page.content, found.content, 40).map(p => p.mark ? "[" + p.text + "]" : p.text).join(""),
  }};
}}
out.normalize = m.normalize("ก่ี เเก ก่่า กํา").text;
console.log(JSON.stringify(out));
"""
    return run_node(script, tmp)


@pytest.mark.parametrize("query,expected", CASES)
def test_candidate_is_kept_only_when_the_exact_word_is_there(results, query, expected):
    assert results[query]["ok"] is expected


def test_marks_cover_the_words_found(results):
    assert results["ข่าว"]["marked"] == ["ข่าว"]
    assert results["ดวงตาแรงงาน"]["marked"] == ["ดวงตา\u200bแรงงาน"]
    assert results["ไก"]["marked"] == ["ไก"]  # the ไก of ไกล, not of ไก่
    assert results["ป.ป.ท."]["marked"] == ["ป.ป.ท"]


def test_excerpt_marks_the_query_and_cuts_with_ellipses(results):
    excerpt = results["ไกล"]["excerpt"]
    assert "[ไกล]" in excerpt
    assert excerpt.startswith("… ")


def test_normalize_fixes_common_typing_slips(results):
    # tone before upper vowel reordered, two sara e joined, doubled tone dropped, nikhahit+aa joined
    assert results["normalize"] == "กี่แกก่ากำ"
