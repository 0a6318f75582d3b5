"""The repository's own sample site: every date a reader sees is B.E., every machine date C.E."""

import re
from datetime import datetime

from plugins.thai_date.formats import FORMATS, MONTHS, MONTHS_SHORT, thai_date
from tests.conftest import without_breaks

TIME = re.compile(r'<time datetime="([^"]+)"[^>]*>(.*?)</time>', re.S)
MONTH = "|".join(re.escape(m) for m in MONTHS + MONTHS_SHORT)
CE_SHOWN = re.compile(rf"(?:{MONTH})\s*(?:ค\.ศ\.\s*)?(?:19|20)\d\d\b")


def test_every_time_element_is_ce_for_machines_and_be_for_readers(sample_site):
    seen = 0
    for path in sample_site.output.rglob("*.html"):
        html = path.read_text(encoding="utf-8")
        for machine, shown in TIME.findall(html):
            seen += 1
            where = f"{path.relative_to(sample_site.output)}: {machine} {shown!r}"
            assert re.fullmatch(r"(19|20)\d\d-\d\d-\d\d(T\d\d:\d\d:\d\d\+07:00)?", machine), where
            moment = datetime.fromisoformat(machine)
            text = re.sub(r"<[^>]+>", "", shown).strip()
            assert text in {thai_date(moment, fmt, digits=d) for fmt in FORMATS for d in ("arabic", "thai")}, where
    assert seen >= 15


def test_no_page_shows_a_ce_year_after_a_thai_month(sample_site):
    pages = sorted(sample_site.output.rglob("*.html"))
    assert len(pages) >= 20  # never passes on an empty output
    for path in pages:
        html = without_breaks(path.read_text(encoding="utf-8"))
        text = re.sub(r"<[^>]+>", " ", html)
        assert not CE_SHOWN.search(text), f"{path.relative_to(sample_site.output)}: {CE_SHOWN.search(text)[0]}"
