"""Command line: `python -m tools.wordpress --source EXPORT.xml (--media-dir DIR | --media-url URL)`.

`invoke import-wordpress` calls `main()`. Exit status: 0 imported (the report lists what needs
work by hand), 1 the import could not run (the message says why), 2 bad options.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .importer import ImportFailed, ImportOptions, run_import
from .report import format_report


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="invoke import-wordpress",
        description="นำเข้าข่าว หน้า และภาพจากไฟล์ส่งออกของ WordPress / import a WordPress export")
    p.add_argument("--source", required=True, help="ไฟล์ส่งออก .xml (WXR) / the export file")
    media = p.add_mutually_exclusive_group(required=True)
    media.add_argument("--media-dir", help="โฟลเดอร์ที่มี wp-content/uploads/ / a copy of the old site's files")
    media.add_argument("--media-url", help="ที่อยู่เว็บไซต์เดิมสำหรับดาวน์โหลดภาพ / the old site's address")
    p.add_argument("--dry-run", action="store_true", help="แสดงสิ่งที่จะเปลี่ยน ไม่เขียนไฟล์ / show what would change")
    p.add_argument("--category", action="append", default=[], metavar="OLD=NEW",
                   help="หมวดเดิมของ WordPress = หมวดของเว็บไซต์ใหม่ (ใส่ได้หลายครั้ง) / map a category")
    p.add_argument("--category-base", default="category", help="ส่วนต้นของที่อยู่หมวดเดิม (category)")
    p.add_argument("--tag-base", default="tag", help="ส่วนต้นของที่อยู่แท็กเดิม (tag)")
    p.add_argument("--workers", type=int, default=4, help="ดาวน์โหลดพร้อมกันได้กี่ไฟล์ (4) / parallel downloads")
    p.add_argument("--processes", type=int, default=0, help="โพรเซสทำความสะอาดภาพ (0 = ตามจำนวนคอร์)")
    p.add_argument("--root", default=None, help=argparse.SUPPRESS)
    p.add_argument("--report-limit", type=int, default=200, help="รายการสูงสุดต่อหัวข้อในรายงาน (0 = ทั้งหมด)")
    return p


def main(argv=None) -> int:
    args = parser().parse_args(argv)
    options = ImportOptions(
        source=Path(args.source), media_dir=Path(args.media_dir) if args.media_dir else None,
        media_url=args.media_url, dry_run=args.dry_run, categories=args.category,
        category_base=args.category_base.strip("/"), tag_base=args.tag_base.strip("/"),
        workers=args.workers, processes=args.processes)
    if args.root:
        options.root = Path(args.root)
    try:
        report = run_import(options)
    except ImportFailed as exc:
        print(f"นำเข้าไม่สำเร็จ / import failed: {exc}", file=sys.stderr)
        return 1
    print(format_report(report, limit=args.report_limit or None))
    return 0


if __name__ == "__main__":
    sys.exit(main())
