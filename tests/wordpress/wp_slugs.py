"""What WordPress makes of a Thai title as a slug, for checking the fixture (tests only).

WordPress percent-encodes every byte of a non-ASCII character, lowercase hex, and stops before
the encoded text would pass 200 characters, never inside a character (so 22 Thai letters, 198
characters, at most when the title has no ASCII); spaces become hyphens, and the result is
lowercase. Our importer never computes this: it reads `wp:post_name` and `<link>` as they are.
"""

from __future__ import annotations

import re

LIMIT = 200


def wordpress_slug(title: str, limit: int = LIMIT) -> str:
    out, length = [], 0
    for char in title.strip():
        encoded = char if ord(char) < 128 else "".join(f"%{b:x}" for b in char.encode("utf-8"))
        if length + len(encoded) > limit:
            break
        out.append(encoded)
        length += len(encoded)
    slug = "".join(out).lower()
    slug = re.sub(r"\s+", "-", slug)
    slug = re.sub(r"[^%a-z0-9 _-]", "", slug)
    return re.sub(r"-+", "-", slug).strip("-")
