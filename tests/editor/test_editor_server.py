"""`invoke editor`'s server: 127.0.0.1 only, other host names and other sites' pages refused,
/api/v1 passed to decap-server's git middleware on a Unix socket, a dirty working tree refused."""

from __future__ import annotations

import http.client
import json
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from tools.editor import Backend, EditorError, check_host, check_repository, make_server

ROOT = Path(__file__).resolve().parents[2]


def git(repo: Path, *args: str) -> str:
    return subprocess.run(["git", "-C", str(repo), *args], check=True, capture_output=True, text=True).stdout


@pytest.fixture
def repo(tmp_path) -> Path:
    repo = tmp_path / "repo"
    repo.mkdir()
    git(repo, "init", "-q", "-b", "main")
    git(repo, "config", "user.name", "t")
    git(repo, "config", "user.email", "t@example.org")
    (repo / "content").mkdir()
    (repo / "content" / "a.md").write_text("Title: ก\n\nข\n", encoding="utf-8")
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", "first")
    return repo


@pytest.mark.parametrize("host", ["0.0.0.0", "192.168.1.20", "localhost", "::"])
def test_only_the_loopback_address(host):
    with pytest.raises(EditorError, match="ไม่รับที่อยู่"):
        check_host(host)
    check_host("127.0.0.1")


def test_invoke_editor_refuses_another_address():
    result = subprocess.run([sys.executable, "-m", "invoke", "editor", "--host", "0.0.0.0"], cwd=ROOT,
                            capture_output=True, text=True)
    assert result.returncode != 0
    assert "127.0.0.1" in result.stderr and "ไม่รับที่อยู่ 0.0.0.0" in result.stderr and "Traceback" not in result.stderr


def test_a_working_tree_with_changes_is_refused(repo):
    assert check_repository(repo) == "main"
    (repo / "notes.txt").write_text("x", encoding="utf-8")
    with pytest.raises(EditorError, match="notes.txt") as error:
        check_repository(repo)
    assert "git stash" in str(error.value)
    (repo / "notes.txt").unlink()
    git(repo, "checkout", "-q", "--detach")
    with pytest.raises(EditorError, match="detached HEAD"):
        check_repository(repo)


class FakeBackend:
    def __init__(self):
        self.bodies = []

    def request(self, body: bytes):
        self.bodies.append(json.loads(body))
        return 200, b'{"ok":true}'


@pytest.fixture
def server(tmp_path):
    (tmp_path / "site").mkdir()
    (tmp_path / "site" / "index.html").write_text("<!doctype html><title>t</title>", encoding="utf-8")
    published = []
    backend = FakeBackend()
    server = make_server(tmp_path / "site", backend, 0, on_publish=lambda: published.append(True))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield server, backend, published
    server.shutdown()
    server.server_close()


def call(server, method, path, host=None, body=None, origin=None):
    port = server.server_address[1]
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    headers = {"Host": host or f"127.0.0.1:{port}", "Content-Type": "application/json"}
    if origin:
        headers["Origin"] = origin
    connection.request(method, path, body=json.dumps(body).encode() if body is not None else None, headers=headers)
    response = connection.getresponse()
    data = response.read()
    connection.close()
    return response.status, data


def test_the_server_listens_on_127_0_0_1_only(server):
    assert server[0].server_address[0] == "127.0.0.1"


def test_site_and_api_for_our_own_origin_only(server):
    server, backend, published = server
    port = server.server_address[1]
    assert call(server, "GET", "/")[0] == 200
    assert call(server, "GET", "/", host=f"localhost:{port}")[0] == 200
    status, data = call(server, "GET", "/", host="attacker.example")
    assert status == 403 and "ไม่ได้รับอนุญาต".encode() in data  # DNS rebinding: refused
    assert call(server, "POST", "/api/v1", body={"action": "info"}, origin=f"http://127.0.0.1:{port}") == (200, b'{"ok":true}')
    assert call(server, "POST", "/api/v1", body={"action": "info"}, origin="https://attacker.example")[0] == 403
    assert call(server, "POST", "/api/v1", body={"action": "info"}, host=f"attacker.example:{port}")[0] == 403
    assert call(server, "POST", "/elsewhere", body={"action": "info"})[0] == 404
    assert backend.bodies == [{"action": "info"}]
    assert published == []
    call(server, "POST", "/api/v1", body={"action": "publishUnpublishedEntry", "params": {}})
    assert published == [True]


def test_decap_servers_git_middleware_on_a_unix_socket(repo):
    backend = Backend(repo, ROOT)
    backend.start()
    try:
        assert oct(backend.socket_path.stat().st_mode & 0o777) == "0o600"
        status, data = backend.request(b'{"action":"info"}')
        assert status == 200
        assert json.loads(data) == {"repo": "repo", "publish_modes": ["simple", "editorial_workflow"], "type": "local_git"}
        status, data = backend.request(json.dumps(
            {"action": "entriesByFolder", "params": {"branch": "main", "folder": "content", "extension": "md", "depth": 1}}
        ).encode())
        assert status == 200 and json.loads(data)[0]["data"] == "Title: ก\n\nข\n"
    finally:
        backend.stop()
    assert not backend.socket_path.exists()
