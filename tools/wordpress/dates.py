"""The date of a WordPress item in Bangkok time, checked against its GMT twin.

WordPress stores two clocks per item: `wp:post_date` in the site's own timezone and
`wp:post_date_gmt` in UTC. When both are set they must differ by exactly Bangkok's +07:00. When
they do not, the WordPress site ran with another timezone setting (often UTC): the GMT value is
the true moment, so it wins, and the difference is reported. Drafts have no GMT date
("0000-00-00 00:00:00"); their local date is taken as Bangkok time.
"""

from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass
from zoneinfo import ZoneInfo

BANGKOK = ZoneInfo("Asia/Bangkok")
_FORMAT = "%Y-%m-%d %H:%M:%S"
_ZERO = "0000-00-00 00:00:00"


@dataclass(frozen=True)
class ItemDate:
    moment: _dt.datetime | None  # aware, Bangkok
    note: tuple[str, str] | None = None  # (Thai, English) when something was corrected


def _parse(text: str) -> _dt.datetime | None:
    text = (text or "").strip()
    if not text or text.startswith("0000-00-00"):
        return None
    try:
        return _dt.datetime.strptime(text, _FORMAT)
    except ValueError:
        try:
            return _dt.datetime.fromisoformat(text)
        except ValueError:
            return None


def bangkok_date(local: str, gmt: str) -> ItemDate:
    """The item's moment in Bangkok from (post_date, post_date_gmt), with a note if they disagree."""
    local_dt, gmt_dt = _parse(local), _parse(gmt)
    if gmt_dt is not None:
        moment = gmt_dt.replace(tzinfo=_dt.timezone.utc).astimezone(BANGKOK)
        if local_dt is not None and local_dt != moment.replace(tzinfo=None):
            hours = (local_dt - gmt_dt).total_seconds() / 3600
            return ItemDate(moment, (
                f"เวลาใน post_date ({local}) ไม่ตรงกับ post_date_gmt ({gmt}) ตามเวลาไทย "
                f"(เว็บไซต์เดิมตั้งเขตเวลา UTC{hours:+g}) จึงใช้เวลาตาม GMT: {moment:%Y-%m-%d %H:%M}",
                f"post_date ({local}) is not post_date_gmt ({gmt}) in Bangkok time (the old site "
                f"ran at UTC{hours:+g}); the GMT moment is used: {moment:%Y-%m-%d %H:%M} +07:00",
            ))
        return ItemDate(moment)
    if local_dt is not None:
        return ItemDate(local_dt.replace(tzinfo=BANGKOK))
    if (local or "").strip() and not (local or "").strip().startswith(_ZERO[:10]):
        return ItemDate(None, (f'อ่านวันที่ "{local}" ไม่ได้', f'cannot read the date "{local}"'))
    return ItemDate(None)
