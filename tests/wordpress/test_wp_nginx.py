"""deploy/wordpress-redirects.conf in a real nginx: every old address answers 301 to its new page,
also with what shared links add to it (fbclid, utm_ parameters).

nginx (Debian's nginx-light) runs on 127.0.0.1 with the site's own server block from
deploy/nginx.conf, the redirect file in its http block and the one `if` line the file's header
asks for. Requests use the encodings browsers and old links use (upper- and lower-case `%E0`).
"""

from __future__ import annotations

import http.client
import re
import shutil
import socket
import subprocess
import time
from pathlib import Path
from urllib.parse import quote

import pytest

from wp_helpers import ROOT
from tools.wordpress.importer import REDIRECT_FILE
from wp_legacy.nginx_map import SERVER_LINE, parse

NGINX = shutil.which("nginx") or ("/usr/sbin/nginx" if Path("/usr/sbin/nginx").exists() else None)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture
def nginx(tmp_path, imported, imported_site):
    if not NGINX:
        pytest.skip("nginx is not installed (sudo apt-get install nginx-light)")
    root, _ = imported
    port = _free_port()
    site = (ROOT / "deploy" / "nginx.conf").read_text(encoding="utf-8")
    server = site[site.index("server {", site.index("server {") + 1):]  # the HTTPS server block
    server = server.replace("listen 443 ssl http2;", f"listen 127.0.0.1:{port};")
    server = "\n".join(l for l in server.splitlines() if not l.strip().startswith(("listen [::]", "ssl_", "brotli_static")))
    server = server.replace("/var/www/zerocorruption/current", str(imported_site.output))
    server = server.replace("/etc/nginx/snippets/zerocorruption-security-headers.conf",
                            str(ROOT / "deploy" / "security-headers.conf"))
    server = server.replace("    charset utf-8;", f"    charset utf-8;\n    {SERVER_LINE}")
    conf = tmp_path / "nginx.conf"
    conf.write_text(
        f"user root;\nworker_processes 1;\npid {tmp_path}/nginx.pid;\nerror_log {tmp_path}/error.log;\n"
        f"events {{ worker_connections 64; }}\nhttp {{\n  access_log off;\n  include /etc/nginx/mime.types;\n"
        f"  client_body_temp_path {tmp_path}/body;\n  proxy_temp_path {tmp_path}/proxy;\n"
        f"  fastcgi_temp_path {tmp_path}/fastcgi;\n  uwsgi_temp_path {tmp_path}/uwsgi;\n"
        f"  scgi_temp_path {tmp_path}/scgi;\n  include {root / REDIRECT_FILE};\n{server}\n}}\n",
        encoding="utf-8")
    check = subprocess.run([NGINX, "-t", "-c", str(conf), "-p", str(tmp_path)], capture_output=True, text=True)
    assert check.returncode == 0, check.stderr
    proc = subprocess.Popen([NGINX, "-c", str(conf), "-p", str(tmp_path), "-g", "daemon off;"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    for _ in range(100):
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
            break
        except OSError:
            time.sleep(0.05)
    yield port
    proc.terminate()
    proc.wait(timeout=10)


def _upper(path: str) -> str:
    return re.sub(r"%[0-9a-fA-F]{2}", lambda m: m.group(0).upper(), path)


def test_every_old_address_answers_301_to_its_new_page(imported, nginx):
    root, _ = imported
    entries = parse((root / REDIRECT_FILE).read_text(encoding="utf-8"))
    assert len(entries) >= 100
    kinds = set()
    for entry in entries:
        raw = entry.source if entry.is_query else quote(entry.source, safe="/")
        requests = [raw, raw.lower() if "%" in raw else raw, _upper(raw)]
        # As shared links come back: Facebook adds fbclid to every link it opens, campaigns
        # add utm_ parameters, before or after the old query.
        path, _, query = raw.partition("?")
        requests += [f"{raw}{'&' if query else '?'}fbclid=IwAR0x7Yc_z", f"{path}?utm_source=line&{query}".rstrip("&")]
        for request in dict.fromkeys(requests):
            conn = http.client.HTTPConnection("127.0.0.1", nginx, timeout=10)
            conn.request("GET", request, headers={"Host": "zerocorruption.mol.go.th"})
            response = conn.getresponse()
            response.read()
            conn.close()
            assert response.status == 301, (request, response.status)
            location = response.getheader("Location")
            assert location.endswith(entry.target) and "zerocorruption.mol.go.th" in location, (request, location)
        kinds.add("query" if entry.is_query else entry.source.split("/")[1])
    assert {"query", "news", "category", "tag", "feed", "wp-content"} <= kinds


def test_new_pages_are_not_redirected(imported, imported_site, nginx):
    conn = http.client.HTTPConnection("127.0.0.1", nginx, timeout=10)
    conn.request("GET", "/", headers={"Host": "zerocorruption.mol.go.th"})
    assert conn.getresponse().status == 200
    conn.close()
