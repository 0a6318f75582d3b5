"""deploy/nginx.conf and deploy/security-headers.conf: the headers the site is served with."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
NGINX = ROOT / "deploy/nginx.conf"
HEADERS = ROOT / "deploy/security-headers.conf"


def header_lines() -> dict:
    text = HEADERS.read_text("utf-8")
    return dict(re.findall(r'^add_header\s+(\S+)\s+"([^"]+)"\s+always;', text, re.M))


def csp() -> dict:
    policy = header_lines()["Content-Security-Policy"]
    return {d.split()[0]: d.split()[1:] for d in (p.strip() for p in policy.split(";")) if d}


def test_security_headers_are_all_there():
    headers = header_lines()
    for name in ("Content-Security-Policy", "Strict-Transport-Security", "Referrer-Policy",
                 "Permissions-Policy", "X-Content-Type-Options", "X-Frame-Options"):
        assert name in headers, name
    assert "max-age=" in headers["Strict-Transport-Security"]
    assert headers["X-Content-Type-Options"] == "nosniff"


def test_csp_is_strict():
    policy = csp()
    assert policy["default-src"] == ["'none'"]
    assert policy["script-src"] == ["'self'", "'wasm-unsafe-eval'"]  # Pagefind's WebAssembly
    assert policy["style-src"] == ["'self'"]
    assert policy["frame-ancestors"] == ["'none'"]
    assert policy["object-src"] == ["'none'"] and policy["base-uri"] == ["'none'"]
    every = " ".join(" ".join(v) for v in policy.values())
    assert "'unsafe-inline'" not in every and "'unsafe-eval'" not in every
    assert "http:" not in every and "https:" not in every and "*" not in every


def test_every_location_with_its_own_headers_repeats_the_security_headers():
    text = NGINX.read_text("utf-8")
    blocks = re.findall(r"location[^{]*\{(.*?)\n    \}", text, re.S)
    assert len(blocks) >= 3
    for block in blocks:
        if "add_header" in block:
            assert "zerocorruption-security-headers.conf" in block, block


def test_precompressed_files_and_long_cache_for_hashed_assets():
    text = NGINX.read_text("utf-8")
    assert "gzip_static on;" in text and "brotli_static on;" in text
    regex = re.search(r'location ~\* "(\^/theme/[^"]+)"\s*\{\s*add_header Cache-Control "([^"]+)"', text)
    assert regex and "immutable" in regex.group(2) and "max-age=31536000" in regex.group(2)
    pattern = re.compile(regex.group(1), re.I)
    assert pattern.search("/theme/css/site.b8b30141.css")
    assert pattern.search("/theme/vendor/fonts/sarabun-thai-400-normal.444ccfff.woff2")
    assert not pattern.search("/theme/css/site.css")
    assert "root /var/www/zerocorruption/current;" in text  # the symlink tools/deploy.py switches


def test_nginx_accepts_the_configuration(tmp_path):
    nginx = shutil.which("nginx") or ("/usr/sbin/nginx" if Path("/usr/sbin/nginx").exists() else None)
    if not nginx or not shutil.which("openssl"):
        pytest.skip("nginx is not installed (sudo apt-get install nginx-light): syntax not checked")
    cert, key = tmp_path / "cert.pem", tmp_path / "key.pem"
    subprocess.run(["openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes", "-days", "1",
                    "-subj", "/CN=zerocorruption.mol.go.th", "-keyout", str(key), "-out", str(cert)],
                   check=True, capture_output=True)
    server = NGINX.read_text("utf-8")
    server = server.replace("/etc/ssl/certs/zerocorruption.mol.go.th.fullchain.pem", str(cert))
    server = server.replace("/etc/ssl/private/zerocorruption.mol.go.th.key", str(key))
    server = server.replace("/etc/nginx/snippets/zerocorruption-security-headers.conf", str(HEADERS))
    server = server.replace("brotli_static on;", "")  # needs ngx_brotli, absent from nginx-light
    (tmp_path / "site.conf").write_text(server, "utf-8")
    mime = "/etc/nginx/mime.types"
    (tmp_path / "nginx.conf").write_text(
        f"pid {tmp_path}/nginx.pid;\nerror_log {tmp_path}/error.log;\nevents {{}}\n"
        f"http {{\n include {mime};\n access_log off;\n include {tmp_path}/site.conf;\n}}\n", "utf-8")
    done = subprocess.run([nginx, "-t", "-q", "-p", str(tmp_path), "-c", str(tmp_path / "nginx.conf")],
                          capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
