"""The reader wrapper: a reader failure is reported with its reason, file and line."""

from __future__ import annotations

import logging
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "plugins"))

from pelican.readers import BaseReader, HTMLReader, MarkdownReader  # noqa: E402
from pelican.settings import DEFAULT_CONFIG  # noqa: E402

from content_guard.readers import GuardMixin, _guarded, guard_readers  # noqa: E402
from content_guard.settings import with_defaults  # noqa: E402


class ExplodingReader:
    """A reader that fails. Not a BaseReader subclass: Pelican finds those by themselves and
    would use it for every Markdown file of later builds in this process."""

    def __init__(self, settings):
        self.settings = settings

    def read(self, source_path):
        raise ValueError("cannot understand 'Status: ครึ่งร่าง'")


def _settings(tmp_path):
    settings = dict(DEFAULT_CONFIG, PATH=str(tmp_path / "content"))
    settings.update(with_defaults(settings))
    return settings


def test_reader_failure_names_file_line_and_reason(tmp_path, caplog):
    post = tmp_path / "content/news/x.md"
    post.parent.mkdir(parents=True)
    post.write_text("Title: ข่าว\nDate: 2567-01-01\nStatus: ครึ่งร่าง\n\nเนื้อข่าว\n", encoding="utf-8")
    reader = _guarded(ExplodingReader)(_settings(tmp_path))
    with caplog.at_level(logging.WARNING):
        content, metadata = reader.read(str(post))
    assert metadata == {"status": "skip"}  # Pelican skips it quietly: our message is the only one
    [record] = [r for r in caplog.records if r.levelno == logging.ERROR]
    message = record.getMessage()
    assert message.startswith("content/news/x.md:3: ")
    assert "ValueError" in message and "ครึ่งร่าง" in message


def test_html_pages_are_sanitised_too(tmp_path, caplog):
    page = tmp_path / "content/pages/old.html"
    page.parent.mkdir(parents=True)
    page.write_text(
        "<html><head><title>หน้าเก่า</title></head><body><p onclick=\"x()\">ข้อความ</p>"
        "<script>steal()</script></body></html>", encoding="utf-8")
    reader = _guarded(HTMLReader)(_settings(tmp_path))
    with caplog.at_level(logging.WARNING):
        content, metadata = reader.read(str(page))
    assert "steal" not in content and "onclick" not in content and "ข้อความ" in content
    assert metadata["title"] == "หน้าเก่า"
    assert any(r.getMessage().startswith("content/pages/old.html:1: ") for r in caplog.records)


def test_every_text_reader_is_wrapped_once_and_keeps_its_name():
    class FakeReaders:
        reader_classes = {"md": MarkdownReader, "html": HTMLReader, "static": BaseReader, "rst": None}

    readers = FakeReaders()
    guard_readers(readers)
    guard_readers(readers)  # a second build in the same process does not wrap twice
    assert issubclass(readers.reader_classes["md"], GuardMixin)
    assert readers.reader_classes["md"].__name__ == "MarkdownReader"  # metadata["reader"] unchanged
    assert readers.reader_classes["md"].__mro__.count(GuardMixin) == 1
    assert issubclass(readers.reader_classes["html"], GuardMixin)
    assert readers.reader_classes["static"] is BaseReader
    assert readers.reader_classes["rst"] is None
