"""Deploy and rollback with rsync against a local folder (DEPLOY_HOST empty: no SSH)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tools.deploy import DeployError, Target, deploy, rollback

ROOT = Path(__file__).resolve().parents[2]

@pytest.fixture(autouse=True)
def _rsync():
    if not shutil.which("rsync"):
        pytest.fail("rsync is missing: sudo apt-get install rsync (./dev.sh test installs it as root)")


def _site(folder: Path, text: str) -> Path:
    (folder / "news/a").mkdir(parents=True, exist_ok=True)
    (folder / "index.html").write_text(f"<h1>{text}</h1>", encoding="utf-8")
    (folder / "news/a/index.html").write_text("ข่าวที่ไม่เปลี่ยน", encoding="utf-8")
    # The same file from two builds: same bytes and time (rsync links only files whose time it
    # keeps equal; two builds a second apart on a busy machine would otherwise differ).
    os.utime(folder / "news/a/index.html", (1_790_000_000, 1_790_000_000))
    return folder


def _env(target: Path, release: str, **more) -> dict:
    return {"DEPLOY_PATH": str(target), "DEPLOY_RELEASE": release, **more}


def _live(target: Path) -> str:
    return (target / "current/index.html").read_text(encoding="utf-8")


def test_deploy_switch_and_rollback(tmp_path):
    server = tmp_path / "srv/site"
    one = _site(tmp_path / "one", "รุ่นหนึ่ง")
    deploy(one, _env(server, "20261101T000000Z-aaaa"))
    assert (server / "current").is_symlink()
    assert os.readlink(server / "current") == "releases/20261101T000000Z-aaaa"
    assert _live(server) == "<h1>รุ่นหนึ่ง</h1>"

    two = _site(tmp_path / "two", "รุ่นสอง")
    deploy(two, _env(server, "20261102T000000Z-bbbb"))
    assert _live(server) == "<h1>รุ่นสอง</h1>"
    # Unchanged files are hard links to the previous release (rsync --link-dest).
    a1 = server / "releases/20261101T000000Z-aaaa/news/a/index.html"
    a2 = server / "releases/20261102T000000Z-bbbb/news/a/index.html"
    assert a1.stat().st_ino == a2.stat().st_ino
    # The previous release is kept; rollback switches back to it.
    assert rollback({"DEPLOY_PATH": str(server)}) == "20261101T000000Z-aaaa"
    assert _live(server) == "<h1>รุ่นหนึ่ง</h1>"
    with pytest.raises(DeployError, match="no release older"):
        rollback({"DEPLOY_PATH": str(server)})


def test_failed_upload_leaves_the_live_site(tmp_path, monkeypatch):
    server = tmp_path / "srv"
    deploy(_site(tmp_path / "one", "ดี"), _env(server, "r1"))
    broken = _site(tmp_path / "two", "ใหม่")
    # An rsync that uploads, then fails (as a dropped connection would): a partial upload.
    real = shutil.which("rsync")
    fake_dir = tmp_path / "bin"
    fake_dir.mkdir()
    (fake_dir / "rsync").write_text(f'#!/bin/sh\n"{real}" "$@"\nexit 23\n')
    (fake_dir / "rsync").chmod(0o755)
    monkeypatch.setenv("PATH", f"{fake_dir}:{os.environ['PATH']}")
    with pytest.raises(DeployError, match="live site is unchanged"):
        deploy(broken, _env(server, "r2"))
    assert _live(server) == "<h1>ดี</h1>"
    assert os.readlink(server / "current") == "releases/r1"
    assert not (server / "releases/r2").exists()


def test_old_releases_are_pruned_but_current_and_previous_kept(tmp_path):
    server = tmp_path / "srv"
    for n in range(1, 6):
        deploy(_site(tmp_path / f"s{n}", f"รุ่น {n}"), _env(server, f"r{n}", DEPLOY_KEEP="3"))
    assert sorted(p.name for p in (server / "releases").iterdir()) == ["r3", "r4", "r5"]
    rollback({"DEPLOY_PATH": str(server)})
    deploy(_site(tmp_path / "s6", "รุ่น 6"), _env(server, "r6", DEPLOY_KEEP="3"))
    assert sorted(p.name for p in (server / "releases").iterdir()) == ["r4", "r5", "r6"]


def test_releases_keep_upload_order_v9_before_v10(tmp_path):
    """Rollback and pruning follow the order releases went live, not the order of their names."""
    server = tmp_path / "srv"
    for n in (8, 9, 10, 11):
        deploy(_site(tmp_path / f"s{n}", f"รุ่น {n}"), _env(server, f"v{n}", DEPLOY_KEEP="3"))
    assert sorted(p.name for p in (server / "releases").iterdir()) == ["v10", "v11", "v9"]
    assert rollback({"DEPLOY_PATH": str(server)}) == "v10"
    assert _live(server) == "<h1>รุ่น 10</h1>"
    # A name that sorts first is still the newest upload: rollback goes to the upload before it.
    deploy(_site(tmp_path / "hotfix", "แก้ด่วน"), _env(server, "a-hotfix", DEPLOY_KEEP="3"))
    assert rollback({"DEPLOY_PATH": str(server)}) == "v11"
    assert sorted(p.name for p in (server / "releases").iterdir()) == ["a-hotfix", "v10", "v11"]


def test_natural_order_for_releases_made_before_the_order_file():
    from tools.deploy import natural_key

    names = ["v10", "v9", "v1", "20261101T000000Z-a", "v100"]
    assert sorted(names, key=natural_key) == ["20261101T000000Z-a", "v1", "v9", "v10", "v100"]


@pytest.mark.parametrize("env, message", [
    ({}, "DEPLOY_PATH is not set"),
    ({"DEPLOY_PATH": "relative/path"}, "must be absolute"),
    ({"DEPLOY_PATH": "/srv/x", "DEPLOY_KEEP": "1"}, "DEPLOY_KEEP"),
    ({"DEPLOY_PATH": "/srv/x", "DEPLOY_RELEASE": "../../etc"}, "bad release name"),
])
def test_bad_configuration_is_refused(env, message, tmp_path):
    _site(tmp_path / "out", "x")
    with pytest.raises(DeployError, match=message):
        deploy(tmp_path / "out", env)


def test_ssh_options_come_from_the_environment_only():
    target = Target.from_env({
        "DEPLOY_PATH": "/var/www/zerocorruption", "DEPLOY_HOST": "web.mol.go.th",
        "DEPLOY_USER": "deploy", "DEPLOY_PORT": "2222", "DEPLOY_SSH_KEY": "/tmp/key",
        "DEPLOY_KNOWN_HOSTS": "/tmp/known_hosts",
    })
    ssh = target.ssh_command()
    assert ssh[:5] == ["ssh", "-o", "BatchMode=yes", "-o", "StrictHostKeyChecking=yes"]
    assert ["-i", "/tmp/key"] == ssh[ssh.index("-i"):ssh.index("-i") + 2]
    assert ["-p", "2222"] == ssh[ssh.index("-p"):ssh.index("-p") + 2]
    assert "UserKnownHostsFile=/tmp/known_hosts" in ssh
    assert target.destination("/var/www/x") == "deploy@web.mol.go.th:/var/www/x"


def test_invoke_deploy_and_rollback_tasks(tmp_path, monkeypatch):
    import invoke

    import tasks

    server = tmp_path / "srv"
    monkeypatch.setitem(tasks.CONFIG, "deploy_path", _site(tmp_path / "out", "งาน"))
    monkeypatch.setenv("DEPLOY_PATH", str(server))
    monkeypatch.delenv("DEPLOY_HOST", raising=False)
    for release in ("t1", "t2"):
        monkeypatch.setenv("DEPLOY_RELEASE", release)
        tasks.deploy(invoke.Context())
    tasks.rollback(invoke.Context())
    assert os.readlink(server / "current") == "releases/t1"
    monkeypatch.delenv("DEPLOY_PATH")
    with pytest.raises(SystemExit, match="DEPLOY_PATH"):
        tasks.deploy(invoke.Context())
    listing = subprocess.run([sys.executable, "-m", "invoke", "--list"], cwd=ROOT,
                             capture_output=True, text=True, check=True).stdout
    for name in ("publish", "deploy", "rollback"):
        assert name in listing
