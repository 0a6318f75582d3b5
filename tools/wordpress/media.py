"""Getting the old site's uploads: from a folder laid out like the site, or over HTTP.

Both sources take paths relative to the old site's root (`wp-content/uploads/2022/03/p01.jpg`)
and return a local file or a `Failure` with a reason in Thai and English.

`FolderSource(dir)` reads `DIR/wp-content/uploads/...` (a copy of the site's files); a DIR that is
itself the uploads folder (`DIR/2022/03/p01.jpg`) works too.

`UrlSource(base_url, cache_dir)` downloads `BASE/wp-content/uploads/...`:
- into a cache (`cache/wordpress/media/` by default), so a second run downloads nothing again;
- resumable: a file is written as `NAME.part` and renamed when complete; an interrupted
  `.part` is continued with an HTTP Range request where the server allows it;
- a few downloads at a time (`workers`, default 4) so the old server is not overloaded;
- each failure is retried (`retries`) for time-outs and server errors, never for 404.
Only URLs under the base URL are ever fetched.
"""

from __future__ import annotations

import http.client
import os
import shutil
import time
import urllib.error
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Iterable
from urllib.parse import quote, urlsplit

USER_AGENT = "zerocorruption-import-wordpress/1 (+https://zerocorruption.mol.go.th)"
_BLOCK = 1 << 16


@dataclass(frozen=True)
class Failure:
    thai: str
    english: str

    def __str__(self) -> str:
        return f"{self.thai} / {self.english}"


class FolderSource:
    kind = "folder"

    def __init__(self, folder):
        self.folder = Path(folder)
        uploads = self.folder / "wp-content" / "uploads"
        self.bare_uploads = not uploads.is_dir() and self.folder.is_dir()

    def check(self) -> Failure | None:
        if not self.folder.is_dir():
            return Failure(f"ไม่พบโฟลเดอร์ {self.folder} ที่ระบุใน --media-dir",
                           f"the folder {self.folder} given with --media-dir does not exist")
        return None

    def local(self, site_rel: str) -> Path | None:
        path = self.folder / site_rel
        if path.is_file():
            return path
        if "/uploads/" in "/" + site_rel:
            path = self.folder / site_rel.split("uploads/", 1)[1]
            if path.is_file():
                return path
        return None

    def fetch_all(self, wanted: Iterable[str], progress: Callable[[], None] | None = None,
                  dry_run: bool = False) -> dict[str, Path | Failure]:
        found: dict[str, Path | Failure] = {}
        for rel in wanted:
            path = self.local(rel)
            found[rel] = path if path else Failure(
                f"ไม่พบไฟล์ {rel} ในโฟลเดอร์ {self.folder}", f"{rel} is not in {self.folder}")
            if progress:
                progress()
        return found


class UrlSource:
    kind = "url"

    def __init__(self, base_url: str, cache_dir, workers: int = 4, retries: int = 3,
                 timeout: float = 30.0, backoff: float = 1.0):
        self.base = base_url.rstrip("/") + "/"
        self.cache_dir = Path(cache_dir)
        self.workers = max(1, int(workers))
        self.retries = max(0, int(retries))
        self.timeout = timeout
        self.backoff = backoff
        self.downloaded = 0
        self.resumed = 0
        self.from_cache = 0

    def check(self) -> Failure | None:
        parts = urlsplit(self.base)
        if parts.scheme not in ("http", "https") or not parts.netloc:
            return Failure(f"--media-url ต้องเป็นที่อยู่ http:// หรือ https:// (ได้ {self.base})",
                           f"--media-url must be an http:// or https:// address (got {self.base})")
        return None

    def url_of(self, site_rel: str) -> str:
        return self.base + quote(site_rel.lstrip("/"), safe="/-._~")

    def cached(self, site_rel: str) -> Path:
        return self.cache_dir / site_rel

    def fetch_all(self, wanted: Iterable[str], progress: Callable[[], None] | None = None,
                  dry_run: bool = False) -> dict[str, Path | Failure]:
        wanted = list(dict.fromkeys(wanted))
        results: dict[str, Path | Failure] = {}
        todo = []
        for rel in wanted:
            path = self.cached(rel)
            if path.is_file():
                results[rel] = path
                self.from_cache += 1
                if progress:
                    progress()
            elif dry_run:
                results[rel] = Failure("จะดาวน์โหลด (ทดลองรัน)", "would be downloaded (dry run)")
                if progress:
                    progress()
            else:
                todo.append(rel)
        with ThreadPoolExecutor(max_workers=self.workers) as pool:
            for rel, outcome in zip(todo, pool.map(self._fetch, todo)):
                results[rel] = outcome
                if progress:
                    progress()
        return results

    def _fetch(self, site_rel: str) -> Path | Failure:
        final = self.cached(site_rel)
        part = final.with_name(final.name + ".part")
        final.parent.mkdir(parents=True, exist_ok=True)
        url = self.url_of(site_rel)
        failure = None
        for attempt in range(self.retries + 1):
            if attempt:
                time.sleep(self.backoff * attempt)
            failure = self._download(url, part)
            if failure is None:
                os.replace(part, final)
                self.downloaded += 1
                return final
            if failure.english.startswith("not found") or failure.english.startswith("refused"):
                break
        return failure

    def _download(self, url: str, part: Path) -> Failure | None:
        have = part.stat().st_size if part.exists() else 0
        headers = {"User-Agent": USER_AGENT}
        if have:
            headers["Range"] = f"bytes={have}-"
        request = urllib.request.Request(url, headers=headers)
        try:
            with urllib.request.urlopen(request, timeout=self.timeout) as response:
                status = response.status
                if have and status == 206:
                    mode = "ab"
                    self.resumed += 1
                    expected_total = _total_from_range(response.headers.get("Content-Range"))
                else:
                    mode, have = "wb", 0
                    expected_total = _int(response.headers.get("Content-Length"))
                with open(part, mode) as out:
                    shutil.copyfileobj(response, out, _BLOCK)
        except urllib.error.HTTPError as exc:
            if exc.code == 416 and have:  # the part is already whole (or stale): start again
                part.unlink(missing_ok=True)
                return Failure("ดาวน์โหลดต่อไม่ได้ (HTTP 416) จะเริ่มใหม่", "cannot resume (HTTP 416); restarting")
            if exc.code in (404, 410):
                return Failure(f"ไม่พบไฟล์บนเว็บไซต์เดิม (HTTP {exc.code}) {url}",
                               f"not found on the old site (HTTP {exc.code}): {url}")
            if exc.code in (401, 403):
                return Failure(f"เว็บไซต์เดิมไม่อนุญาตให้ดาวน์โหลด (HTTP {exc.code}) {url}",
                               f"refused by the old site (HTTP {exc.code}): {url}")
            return Failure(f"เว็บไซต์เดิมตอบข้อผิดพลาด HTTP {exc.code} {url}",
                           f"the old site answered HTTP {exc.code}: {url}")
        except (urllib.error.URLError, http.client.HTTPException, TimeoutError, OSError) as exc:
            reason = getattr(exc, "reason", exc)
            return Failure(f"เชื่อมต่อไม่สำเร็จ ({reason}) {url}", f"connection failed ({reason}): {url}")
        size = part.stat().st_size
        if expected_total is not None and size != expected_total:
            return Failure(f"ได้ไฟล์ไม่ครบ ({size} จาก {expected_total} ไบต์) {url}",
                           f"incomplete ({size} of {expected_total} bytes): {url}")
        return None


def _int(value) -> int | None:
    try:
        return int(value)
    except (TypeError, ValueError):
        return None


def _total_from_range(value: str | None) -> int | None:
    # "bytes 100-999/1000"
    if not value or "/" not in value:
        return None
    return _int(value.rsplit("/", 1)[1])
