"""The WordPress part of the benchmark: the generated export is a real WXR file, and both
importers are measured on it (figures present and sane, never how fast)."""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from tools.bench import wordpress  # noqa: E402
from tools.bench.run import run_wordpress_only  # noqa: E402
from tools.bench.report import wordpress_table  # noqa: E402
from tools.wordpress.wxr import read_export  # noqa: E402


def test_generated_export_is_deterministic_and_complete(tmp_path):
    first = wordpress.generate(tmp_path / "a", 6, 20)
    second = wordpress.generate(tmp_path / "b", 6, 20)
    assert first.export.read_bytes() == second.export.read_bytes()
    export = read_export(first.export)
    posts = [i for i in export.items if i.post_type == "post"]
    attachments = [i for i in export.items if i.post_type == "attachment"]
    assert len(posts) == 6 and len(attachments) == 20
    for item in attachments:
        assert (first.media_dir / "wp-content/uploads" / item.meta["_wp_attached_file"]).is_file()
    for post in posts:
        assert len(post.post_name) <= 200 and "%e0" in post.post_name
        assert post.meta["_thumbnail_id"] and ("wp:gallery" in post.content or "[gallery ids=" in post.content)
    assert wordpress.generate(tmp_path / "a", 6, 20).export == first.export  # kept, not made again


def test_both_importers_are_measured(tmp_path):
    result = run_wordpress_only(3, 9, 1, tmp_path)
    assert result["wp_import_s"] > 0 and result["wp_import_peak_mib"] > 5
    assert result["wp_import_files"] >= 3 + 9  # releases and photos at least
    if "pelican_import" in result["missing"]:
        assert result["pelican_import_s"] is None
    else:
        assert result["pelican_import_s"] > 0 and result["pelican_import_peak_mib"] > 5
    table = wordpress_table(result)
    assert "invoke import-wordpress" in table and "pelican-import" in table
