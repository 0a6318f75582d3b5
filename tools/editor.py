"""`invoke editor`: the site and its web editor at http://127.0.0.1:8000/admin/, on the local git backend.

For authors' training, development and the browser tests. Three parts, one command:

1. the site is built with the editor wired to the local backend (WEB_EDITOR_LOCAL_BACKEND is
   /api/v1 on the site's own origin, the branch is the one checked out);
2. decap-server's git middleware (tools/editor_backend.cjs, Node) runs on a Unix socket in a
   private temporary folder: no TCP port at all, so nothing but this process can reach it;
3. the site is served on 127.0.0.1 only; POST /api/v1 is passed on to the backend after the
   Host header (127.0.0.1:<port> or localhost:<port>, against DNS rebinding) and the Origin
   header (the same origin, against other sites' pages) are checked. When the supervisor
   publishes a release, the site is built again, as CI does on the server. Decap's notes
   (ความเห็น), which decap-server does not keep, are answered here (tools/editor_notes.py), and
   after each save of an entry under review its branch is checked and the check's note written
   on it, as CI writes it on GitHub (tools/review_note.py).

The local backend has no login and commits in the repository's working tree (it checks out the
release branches and commits everything that is not ignored), so `serve_editor` refuses any
address but 127.0.0.1 and a working tree with uncommitted changes.
"""

from __future__ import annotations

import functools
import http.client
import http.server
import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
from pathlib import Path

from tools import editor_notes
from tools.serve import SiteHandler

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "plugins"))
from web_editor.csp import admin_policy  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
LOOPBACK = "127.0.0.1"
API_PATH = "/api/v1"
BACKEND_SCRIPT = ROOT / "tools" / "editor_backend.cjs"
MAX_BODY = 60 * 1024 * 1024  # decap-server accepts 50 MB of JSON (photos as base64)
ADMIN_POLICY = admin_policy()  # the local backend is on our own origin


class EditorError(Exception):
    """`invoke editor` cannot start; the message (Thai / English) says why and what to do."""


def check_host(host: str) -> None:
    if host != LOOPBACK:
        raise EditorError(
            f"ระบบเขียนข่าวในเครื่องเปิดได้เฉพาะที่ {LOOPBACK} เพราะไม่มีการเข้าสู่ระบบ ไม่รับที่อยู่ {host} / "
            f"the local editor has no login and only listens on {LOOPBACK}, not on {host}"
        )


def _git(repo: Path, *args: str) -> str:
    result = subprocess.run(["git", "-C", str(repo), *args], capture_output=True, text=True)
    if result.returncode != 0:
        raise EditorError(
            f"{repo} ไม่ใช่ที่เก็บ git ที่ใช้ได้ / {repo} is not a usable git repository: {result.stderr.strip()}"
        )
    return result.stdout


def current_branch(repo: Path) -> str:
    return _git(repo, "rev-parse", "--abbrev-ref", "HEAD").strip()


def check_repository(repo: Path) -> str:
    """The checked-out branch; EditorError when the working tree has uncommitted changes."""
    branch = current_branch(repo)
    if branch == "HEAD":
        raise EditorError(
            "ที่เก็บอยู่ในสถานะ detached HEAD ให้ git checkout สาขาก่อน / the repository is on a detached HEAD: "
            "check out a branch first"
        )
    dirty = [line for line in _git(repo, "status", "--porcelain").splitlines() if line.strip()]
    if dirty:
        listed = ", ".join(line[3:] for line in dirty[:5]) + (" ..." if len(dirty) > 5 else "")
        raise EditorError(
            f"มีไฟล์ที่ยังไม่ได้ commit ({listed}) ระบบเขียนข่าวในเครื่องจะ commit ทุกไฟล์ในโฟลเดอร์ "
            "ให้ commit หรือ git stash ก่อน หรือใช้สำเนาของที่เก็บสำหรับฝึก / "
            f"uncommitted changes ({listed}): the local backend commits every file of the working tree; "
            "commit or stash them first, or use a clone for training"
        )
    return branch


class Backend:
    """decap-server's git middleware in a Node process, on a Unix socket only we can open."""

    def __init__(self, repo: Path, root: Path = ROOT):
        self.repo = repo
        self.root = root
        self.folder = Path(tempfile.mkdtemp(prefix="editor-backend-"))
        os.chmod(self.folder, 0o700)
        self.socket_path = self.folder / "backend.sock"
        self.process: subprocess.Popen | None = None

    def start(self) -> None:
        node = shutil.which("node")
        if node is None:
            raise EditorError("ต้องติดตั้ง Node.js (./dev.sh ทำให้) / Node.js is required (./dev.sh installs it)")
        # git quotes non-ASCII paths in `git diff` (content/news/ข่าว.md -> "content/news/\340...")
        # unless core.quotePath is off; decap-server reads those paths, and a Thai title gives a
        # Thai file name.
        env = {**os.environ, "GIT_CONFIG_COUNT": "1", "GIT_CONFIG_KEY_0": "core.quotePath",
               "GIT_CONFIG_VALUE_0": "false"}
        self.process = subprocess.Popen(
            [node, str(BACKEND_SCRIPT), str(self.socket_path), str(self.repo)],
            cwd=self.root, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=None, text=True, env=env,
        )
        line = self.process.stdout.readline()
        if line.strip() != "ready":
            self.stop()
            raise EditorError(
                "เริ่มระบบเก็บข่าวในเครื่อง (decap-server) ไม่สำเร็จ (ดูข้อความด้านบน) ให้ติดตั้งแพ็กเกจด้วย npm ci / "
                "the local git backend (decap-server) did not start (see above); run npm ci"
            )
        # decap-server logs to stdout: pass it on to our stderr, and never let the pipe fill up.
        threading.Thread(target=self._relay, daemon=True).start()

    def _relay(self) -> None:
        for line in self.process.stdout:
            print(f"decap-server: {line.rstrip()}", file=sys.stderr, flush=True)

    def stop(self) -> None:
        if self.process and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        shutil.rmtree(self.folder, ignore_errors=True)

    def request(self, body: bytes) -> tuple[int, bytes]:
        connection = _UnixConnection(str(self.socket_path))
        try:
            connection.request("POST", API_PATH, body, {"Content-Type": "application/json", "Host": "backend"})
            response = connection.getresponse()
            return response.status, response.read()
        finally:
            connection.close()


class _UnixConnection(http.client.HTTPConnection):
    def __init__(self, path: str):
        super().__init__("localhost", timeout=120)
        self.path = path

    def connect(self):
        self.sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        self.sock.settimeout(self.timeout)
        self.sock.connect(self.path)


def _json(handler, status: int, payload: dict) -> None:
    body = json.dumps(payload, ensure_ascii=False).encode("utf-8")
    handler.send_response(status)
    handler.send_header("Content-Type", "application/json; charset=utf-8")
    handler.send_header("Content-Length", str(len(body)))
    handler.end_headers()
    handler.wfile.write(body)


class EditorHandler(SiteHandler):
    """The site, plus POST /api/v1 for the editor; requests to any other host name are refused."""

    extensions_map = {**SiteHandler.extensions_map, ".yml": "text/yaml; charset=utf-8"}
    backend: Backend
    allowed_hosts: frozenset[str]
    on_publish = None  # called after a release is published (merged into the branch)
    notes = None  # editor_notes.NoteStore: Decap's notes requests, which decap-server does not answer
    on_save = None  # called with (collection, slug) after an entry under review is saved
    note_author = ""  # who signs a note written in the local editor (git user.name)

    def _host_ok(self) -> bool:
        if self.headers.get("Host", "") in self.allowed_hosts:
            return True
        _json(self, 403, {"error": "ที่อยู่นี้ไม่ได้รับอนุญาต / this host name is not allowed"})
        return False

    def end_headers(self):
        if self.path.startswith("/admin/"):
            self.send_header("Content-Security-Policy", ADMIN_POLICY)
        super().end_headers()

    def do_GET(self):
        if self._host_ok():
            super().do_GET()

    def do_HEAD(self):
        if self._host_ok():
            super().do_HEAD()

    def do_POST(self):
        if not self._host_ok():
            return
        origin = self.headers.get("Origin")
        if origin is not None and origin.removeprefix("http://") not in self.allowed_hosts:
            _json(self, 403, {"error": "คำขอจากเว็บไซต์อื่นไม่ได้รับอนุญาต / requests from other sites are refused"})
            return
        if self.path != API_PATH:
            _json(self, 404, {"error": "not found"})
            return
        length = int(self.headers.get("Content-Length") or 0)
        if length > MAX_BODY:
            _json(self, 413, {"error": "ข้อมูลใหญ่เกินไป / request too large"})
            return
        body = self.rfile.read(length)
        request = _notes_request(body) if self.notes is not None else None
        if request is not None:
            answered = editor_notes.answer(self.notes, request, self.note_author)
            if answered is not None:
                _json(self, *answered)
                return
        try:
            status, data = self.backend.request(body)
        except OSError:
            _json(self, 502, {"error": "ระบบเก็บข่าวในเครื่องไม่ตอบสนอง ให้เริ่ม invoke editor ใหม่ / "
                                       "the local git backend is not running: start invoke editor again"})
            return
        # Before the answer (the hook only starts the rebuild): whoever got the answer knows that
        # the rebuild has been started.
        if status == 200 and self.on_publish is not None and b'"publishUnpublishedEntry"' in body:
            self.on_publish()
        self.send_response(status)
        self.send_header("Content-Type", "application/json; charset=utf-8")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)
        # After the answer (a save with photos is tens of MB of JSON to read again): check it.
        if status == 200 and self.on_save is not None and b'"persistEntry"' in body[:200]:
            saved = _saved_entry(body)
            if saved is not None:
                self.on_save(*saved)


def _notes_request(body: bytes) -> dict | None:
    """The request, when it is one of Decap's notes requests (its action comes first: the proxy
    backend sends {"branch", "action", "params"})."""
    if not any(f'"{action}"'.encode() in body[:200] for action in editor_notes.ACTIONS):
        return None
    try:
        return json.loads(body)
    except ValueError:
        return None


def _saved_entry(body: bytes) -> tuple[str, str] | None:
    """(collection, slug) of a persistEntry request that saved an entry under review."""
    try:
        params = json.loads(body).get("params") or {}
        options, files = params.get("options") or {}, params.get("dataFiles") or []
        if options.get("useWorkflow") and files and options.get("collectionName"):
            return str(options["collectionName"]), str(files[0]["slug"])
    except (ValueError, AttributeError, KeyError, TypeError):
        pass
    return None


class EditorServer(http.server.ThreadingHTTPServer):
    allow_reuse_address = True
    daemon_threads = True

    def handle_error(self, request, client_address):
        if isinstance(sys.exc_info()[1], ConnectionError):
            return  # the browser left (a closed tab, a navigation): nothing to report
        super().handle_error(request, client_address)


def make_server(directory, backend: Backend, port: int, on_publish=None, notes=None,
                on_save=None, note_author: str = "") -> http.server.ThreadingHTTPServer:
    """The site server on 127.0.0.1:`port` (0: any free port) passing /api/v1 to `backend`
    (Decap's notes requests to `notes`, when given)."""
    server = EditorServer((LOOPBACK, port), None)
    real_port = server.server_address[1]
    handler = type("BoundEditorHandler", (EditorHandler,), {
        "backend": backend,
        "allowed_hosts": frozenset({f"{LOOPBACK}:{real_port}", f"localhost:{real_port}"}),
        "on_publish": staticmethod(on_publish) if on_publish else None,
        "notes": notes,
        "note_author": note_author,
        "on_save": staticmethod(on_save) if on_save else None,
    })
    server.RequestHandlerClass = functools.partial(handler, directory=str(directory))
    return server


def build_for_editor(settings_file: Path, output: Path, branch: str, quiet: bool = False) -> bool:
    from tools.assets import vendor_assets
    from tools.build import build

    vendor_assets(settings_file.parent)
    overrides = {"WEB_EDITOR_LOCAL_BACKEND": API_PATH, "WEB_EDITOR_BACKEND": {"name": "github", "branch": branch}}
    return build(settings_file, output, overrides=overrides, quiet=quiet).ok


def serve_editor(settings_file: Path, output: Path, host: str = LOOPBACK, port: int = 8000, repo: Path = ROOT) -> None:
    """Build, start the backend and serve until Ctrl+C (see the module docstring)."""
    check_host(host)
    branch = check_repository(repo)
    if not build_for_editor(settings_file, output, branch):
        raise EditorError("สร้างเว็บไซต์ไม่สำเร็จ (ดูข้อความด้านบน) / the site did not build (see above)")
    backend = Backend(repo, settings_file.parent)
    backend.start()
    lock = threading.Lock()

    def rebuild():
        with lock:  # one build at a time; the editor keeps working meanwhile
            build_for_editor(settings_file, output, branch, quiet=True)

    notes = editor_notes.NoteStore.of_repository(repo)
    reviewer = editor_notes.Reviewer(repo, settings_file, notes)
    server = make_server(output, backend, port,
                         on_publish=lambda: threading.Thread(target=rebuild, daemon=True).start(),
                         notes=notes, on_save=reviewer.schedule,
                         note_author=_git(repo, "config", "--default", "", "user.name").strip())
    signal.signal(signal.SIGTERM, _stop_on_sigterm)
    print(
        f"ระบบเขียนข่าว / web editor: http://{LOOPBACK}:{server.server_address[1]}/admin/  "
        f"เว็บไซต์ / site: http://{LOOPBACK}:{server.server_address[1]}/  (Ctrl+C เพื่อหยุด / to stop)",
        flush=True,
    )
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()
        backend.stop()


def _stop_on_sigterm(signum, frame):
    raise KeyboardInterrupt  # stop serving the same way as Ctrl+C: the backend is stopped too


def main(argv=None) -> int:
    """`python -m tools.editor [--port N]` (what `invoke editor` runs)."""
    import argparse

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--host", default=LOOPBACK)
    parser.add_argument("--port", type=int, default=8000)
    args = parser.parse_args(argv)
    try:
        serve_editor(ROOT / "pelicanconf.py", ROOT / "output", args.host, args.port)
    except EditorError as exc:
        print(exc, file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
