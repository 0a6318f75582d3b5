"""docs/benchmarks.md: only the generated part between the marks is replaced."""

from tools.bench import report


def _result(**kw):
    base = {
        "posts": 30, "quick": True, "reps": 1, "corpus_mean_kb": 4.7, "photos": 6, "photo_megapixels": 1.9,
        "cpus": 2, "load_before": [1.0], "load_after": [1.5],
        "measures": [{"name": "vanilla Pelican 4.12, cold", "wall_s": 1.5, "cpu_s": 1.2, "peak_rss_mib": 47.0}],
        "publish_steps_s": {"pelican": 3.0, "search": 1.0}, "targets": {
            "cold_ratio_vs_pelican": {"limit": 1.25, "value": 1.4, "met": False, "meaning": "cold <= 1.25x"}},
        "ours_cold_s": 2.1, "cold_ratio_vs_pelican": 1.4, "cold_ratio_vs_hugo": 6.0, "ours_publish_s": None,
        "publish_ratio_vs_pelican": None, "publish_ratio_vs_hugo": None, "ours_rebuild_s": None,
        "warm_ratio_vs_pelican": None, "warm_ratio_vs_hugo": None, "preview_seconds": None,
        "peak_rss_mib": 90.0, "peak_ratio_vs_pelican": 1.9, "vanilla_cold_s": 1.5, "pelican_ratio_vs_hugo": 4.0,
        "segment_mb_s": 5.2, "gallery_cold_s": None, "gallery_cold_ratio_vs_photos": None,
        "gallery_warm_s": None, "gallery_warm_ratio_vs_photos": None, "gallery_full_photos_per_s": None,
        "missing": {"preview_seconds": "not landed"}, "failed": {},
    }
    base.update(kw)
    return base


def test_table_shows_ratios_targets_and_missing_parts():
    text = report.table(_result())
    assert "| cold build | 2.10 s | 1.40x | — | 6.00x | cold <= 1.25x | **no** |" in text
    assert "pelican 3.00 s (75%), search 1.00 s (25%)" in text
    assert "Not measured: preview_seconds: not landed." in text


def test_write_docs_keeps_the_hand_written_text(tmp_path):
    doc = tmp_path / "benchmarks.md"
    doc.write_text("# Benchmarks\n\nHow we measure.\n", encoding="utf-8")
    report.write_docs(_result(), doc)
    report.write_docs(_result(segment_mb_s=9.9), doc)
    text = doc.read_text(encoding="utf-8")
    assert text.startswith("# Benchmarks\n\nHow we measure.\n")
    assert text.count(report.START) == 1 and text.count(report.END) == 1
    assert "9.90 MB/s" in text and "5.20 MB/s" not in text


def test_a_saved_result_gets_the_cpu_ratios_of_later_versions():
    from tools.bench.run import add_derived

    result = add_derived(_result(vanilla_cpu_s=2.0, measures=[
        {"name": "ours, cold (THAI_SEARCH_ENABLED=False)", "wall_s": 3.0, "cpu_s": 3.0, "peak_rss_mib": 90.0},
        {"name": "ours, rebuild after editing one post", "wall_s": 1.0, "cpu_s": 1.0, "peak_rss_mib": 90.0},
    ], failed={"ours, rebuild after editing one post": ["boom"]}))
    assert result["cold_cpu_ratio_vs_pelican"] == 1.5
    assert result["warm_cpu_ratio_vs_pelican"] is None
    assert "| cold build | 2.10 s | 1.40x | 1.50x |" in report.table(result)
