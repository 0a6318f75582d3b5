"""Pagefind's index, written the same way by two builds of the same site.

Pagefind writes the values of each filter file in hash-map order, which changes from run to run:
the filter file, its hashed name, the `.pf_meta` that names it and `pagefind-entry.json` then
differ between two builds of the same content. `canonical_pagefind(folder)` sorts the values,
renames each filter file after its new content and rewrites the names in the meta and entry files.
Pagefind stores them as gzip files of `pagefind_dcd` + CBOR (the subset below). Called by
`pelican_hooks` right after indexing. No Pelican import.
"""

from __future__ import annotations

import gzip
import hashlib
import json
from pathlib import Path

PAGEFIND_MAGIC = b"pagefind_dcd"


def _cbor_decode(data: bytes, pos: int = 0):
    """Decode one CBOR item (the subset Pagefind writes); returns (value, next position)."""
    head = data[pos]
    major, info = head >> 5, head & 0x1F
    pos += 1
    if info < 24:
        arg = info
    elif info in (24, 25, 26, 27):
        size = 1 << (info - 24)
        arg = int.from_bytes(data[pos:pos + size], "big")
        pos += size
    else:
        raise ValueError(f"unsupported CBOR item 0x{head:02x}")
    if major == 0:
        return arg, pos
    if major == 1:
        return -1 - arg, pos
    if major == 2:
        return bytes(data[pos:pos + arg]), pos + arg
    if major == 3:
        return data[pos:pos + arg].decode("utf-8"), pos + arg
    if major == 4:
        items = []
        for _ in range(arg):
            item, pos = _cbor_decode(data, pos)
            items.append(item)
        return items, pos
    if major == 5:
        pairs = []
        for _ in range(arg):
            key, pos = _cbor_decode(data, pos)
            value, pos = _cbor_decode(data, pos)
            pairs.append((key, value))
        return dict(pairs), pos
    if major == 7 and info in (20, 21, 22):
        return {20: False, 21: True, 22: None}[info], pos
    raise ValueError(f"unsupported CBOR item 0x{head:02x}")


def _cbor_head(major: int, arg: int) -> bytes:
    if arg < 24:
        return bytes([major << 5 | arg])
    for info, size in ((24, 1), (25, 2), (26, 4), (27, 8)):
        if arg < 1 << (8 * size):
            return bytes([major << 5 | info]) + arg.to_bytes(size, "big")
    raise ValueError("CBOR argument too large")


def _cbor_encode(value) -> bytes:
    if value is False or value is True or value is None:
        return bytes([0xF4 if value is False else 0xF5 if value is True else 0xF6])
    if isinstance(value, int):
        return _cbor_head(0, value) if value >= 0 else _cbor_head(1, -1 - value)
    if isinstance(value, bytes):
        return _cbor_head(2, len(value)) + value
    if isinstance(value, str):
        raw = value.encode("utf-8")
        return _cbor_head(3, len(raw)) + raw
    if isinstance(value, list):
        return _cbor_head(4, len(value)) + b"".join(_cbor_encode(v) for v in value)
    if isinstance(value, dict):
        return _cbor_head(5, len(value)) + b"".join(
            _cbor_encode(k) + _cbor_encode(v) for k, v in value.items()
        )
    raise TypeError(f"cannot encode {type(value).__name__}")


def _sort_key(item):
    return _cbor_encode(item)


def _canonical_meta(value, renamed: dict):
    """The .pf_meta with new filter names, and its list of [filter, file] pairs sorted."""
    if isinstance(value, str):
        return renamed.get(value.encode(), value.encode()).decode()
    if isinstance(value, list):
        items = [_canonical_meta(v, renamed) for v in value]
        if items and all(
            isinstance(i, list) and len(i) == 2 and all(isinstance(x, str) for x in i) for i in items
        ):
            items.sort()
        return items
    if isinstance(value, dict):
        return {k: _canonical_meta(v, renamed) for k, v in value.items()}
    return value


def canonical_pagefind(folder: Path) -> int:
    """Give the filter files of the Pagefind bundle in `folder` a fixed order and names derived
    from their content.

    A filter file is `[name, [[value, [page numbers]], ...]]`; Pagefind writes the values in
    a random order, so the file, its hashed name, the `.pf_meta` that names it and
    `pagefind-entry.json` differ between two builds of the same site. The values are sorted,
    the file renamed after its new content, and the names rewritten in the meta file and the
    entry file. Returns how many filter files were rewritten.
    """
    folder = Path(folder)
    entry_path = folder / "pagefind-entry.json"
    if not entry_path.is_file():
        return 0
    renamed: dict[bytes, bytes] = {}
    for path in sorted(folder.glob("filter/*.pf_filter")):
        raw = gzip.decompress(path.read_bytes())
        if not raw.startswith(PAGEFIND_MAGIC):
            continue
        value, end = _cbor_decode(raw, len(PAGEFIND_MAGIC))
        if end != len(raw):
            continue
        if isinstance(value, list) and len(value) == 2 and isinstance(value[1], list):
            value = [value[0], sorted(value[1], key=_sort_key)]
        data = PAGEFIND_MAGIC + _cbor_encode(value)
        prefix, old_hash = path.stem.rsplit("_", 1)
        new_hash = hashlib.sha256(data).hexdigest()[: len(old_hash)]
        path.unlink()
        path.with_name(f"{prefix}_{new_hash}{path.suffix}").write_bytes(
            gzip.compress(data, compresslevel=9, mtime=0)
        )
        renamed[f"{prefix}_{old_hash}".encode()] = f"{prefix}_{new_hash}".encode()
    if not renamed:
        return 0
    entry = json.loads(entry_path.read_text("utf-8"))
    for language in entry.get("languages", {}).values():
        meta_path = folder / f"pagefind.{language['hash']}.pf_meta"
        if not meta_path.is_file():
            continue
        raw = gzip.decompress(meta_path.read_bytes())
        if not raw.startswith(PAGEFIND_MAGIC):
            continue
        value, _end = _cbor_decode(raw, len(PAGEFIND_MAGIC))
        meta = PAGEFIND_MAGIC + _cbor_encode(_canonical_meta(value, renamed))
        prefix, old_hash = language["hash"].rsplit("_", 1)
        new_name = f"{prefix}_{hashlib.sha256(meta).hexdigest()[: len(old_hash)]}"
        meta_path.unlink()
        (folder / f"pagefind.{new_name}.pf_meta").write_bytes(gzip.compress(meta, compresslevel=9, mtime=0))
        language["hash"] = new_name
    entry_path.write_text(json.dumps(entry, ensure_ascii=False, separators=(",", ":")), "utf-8")
    return len(renamed)
