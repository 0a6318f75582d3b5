"""Draw the site's icons and default share image with Pillow.

Run `.venv/bin/python -m tools.artwork` after changing the design; the files are
committed under theme/static/img/ (builds do not redraw them). The emblem is a white shield with a
gold tick on the center's navy, the same shapes as theme/static/img/favicon.svg.
"""

from __future__ import annotations

import sys
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

ROOT = Path(__file__).resolve().parents[1]
IMG = ROOT / "theme" / "static" / "img"
FONTS = ROOT / "node_modules" / "@fontsource" / "sarabun" / "files"
NAVY = (11, 61, 110)
GOLD = (200, 160, 42)
WHITE = (255, 255, 255)


def _shield(scale: float, dx: float = 0, dy: float = 0) -> list[tuple[float, float]]:
    """The shield outline in a 64-unit box (a polygon that follows the SVG's curves)."""
    pts = [(32, 10), (50, 17), (50, 31)]
    # right curve from (50,31) to (32,55) and left curve from (32,55) to (14,31): quadratic-ish arcs
    for i in range(1, 11):
        t = i / 10
        pts.append(((1 - t) ** 2 * 50 + 2 * (1 - t) * t * 48 + t * t * 32, (1 - t) ** 2 * 31 + 2 * (1 - t) * t * 48 + t * t * 55))
    for i in range(1, 11):
        t = i / 10
        pts.append(((1 - t) ** 2 * 32 + 2 * (1 - t) * t * 16 + t * t * 14, (1 - t) ** 2 * 55 + 2 * (1 - t) * t * 48 + t * t * 31))
    pts.append((14, 17))
    return [(dx + x * scale, dy + y * scale) for x, y in pts]


def emblem(size: int, rounded: bool = True) -> Image.Image:
    """The square emblem at `size` pixels, drawn at 4x and reduced for smooth edges."""
    big = size * 4
    scale = big / 64
    im = Image.new("RGBA", (big, big), (0, 0, 0, 0))
    d = ImageDraw.Draw(im)
    d.rounded_rectangle((0, 0, big - 1, big - 1), radius=int(12 * scale) if rounded else 0, fill=NAVY)
    d.polygon(_shield(scale), fill=WHITE)
    tick = [(24 * scale, 32 * scale), (30 * scale, 38 * scale), (41 * scale, 25 * scale)]
    d.line(tick, fill=GOLD, width=int(5 * scale), joint="curve")
    for x, y in (tick[0], tick[-1]):
        r = 2.5 * scale
        d.ellipse((x - r, y - r, x + r, y + r), fill=GOLD)
    return im.resize((size, size), Image.LANCZOS)


def share_image(sitename_lines: list[str], hotline: str, domain: str) -> Image.Image:
    """The default 1200x630 Open Graph image: emblem, the center's name, hotline and domain."""
    im = Image.new("RGB", (1200, 630), NAVY)
    d = ImageDraw.Draw(im)
    d.rectangle((0, 600, 1200, 630), fill=GOLD)
    mark = emblem(220)
    im.paste(mark, (70, 190), mark)
    left, right = 340, 1140
    size = 64
    while size > 30:  # the largest bold size at which the first line fits
        thai_bold = ImageFont.truetype(str(FONTS / "sarabun-thai-700-normal.woff2"), size)
        if d.textlength(sitename_lines[0], font=thai_bold) <= right - left:
            break
        size -= 2
    thai = ImageFont.truetype(str(FONTS / "sarabun-thai-400-normal.woff2"), 44)
    latin = ImageFont.truetype(str(FONTS / "sarabun-latin-400-normal.woff2"), 40)
    latin_bold = ImageFont.truetype(str(FONTS / "sarabun-latin-700-normal.woff2"), 44)
    y = 160
    for i, line in enumerate(sitename_lines):
        font = thai_bold if i == 0 else thai
        d.text((left, y), line, font=font, fill=WHITE)
        y += size + 30 if i == 0 else 70
    label = "สายด่วน "
    d.text((left, y + 20), label, font=thai, fill=(255, 225, 140))
    d.text((left + d.textlength(label, font=thai), y + 18), hotline, font=latin_bold, fill=(255, 225, 140))
    d.text((left, y + 96), domain, font=latin, fill=(220, 230, 240))
    return im


def main(out: Path = IMG) -> None:
    out.mkdir(parents=True, exist_ok=True)
    emblem(32).save(out / "favicon-32.png", optimize=True)
    emblem(180, rounded=False).save(out / "apple-touch-icon.png", optimize=True)
    emblem(512).save(out / "icon-512.png", optimize=True)
    emblem(48).save(out / "favicon.ico", sizes=[(16, 16), (32, 32), (48, 48)])
    share = share_image(["ศูนย์ปฏิบัติการต่อต้านการทุจริต", "กระทรวงแรงงาน"], "1546", "zerocorruption.mol.go.th")
    share.save(out / "og-default.png", optimize=True)


if __name__ == "__main__":
    sys.exit(main())
