"""Deploy output/ to a ministry web server with rsync over SSH, as atomic releases.

Configured only by environment variables (no secrets in the repository):

| variable | meaning |
|---|---|
| DEPLOY_PATH | folder on the server holding `releases/` and the `current` symlink (required) |
| DEPLOY_HOST | server name; empty: DEPLOY_PATH is a folder of this machine (tests, staging) |
| DEPLOY_USER | SSH user (default: the SSH default) |
| DEPLOY_PORT | SSH port (default 22) |
| DEPLOY_SSH_KEY | path of the private key file (CI writes it from a secret) |
| DEPLOY_KNOWN_HOSTS | path of a known_hosts file with the server's key (host keys are always checked) |
| DEPLOY_RELEASE | name of the new release (default: UTC time and the git commit) |
| DEPLOY_KEEP | how many releases to keep (default 5; the current and previous are always kept) |

`deploy(output)`: rsync output/ into `releases/<name>.partial/` (hard-linking files that did not
change from the current release with --link-dest), rename it to `releases/<name>/`, then point
`current` at it atomically (`ln -sfn` to a temporary name, then `mv -T` over `current`). The web
server's document root is `<DEPLOY_PATH>/current`. A failed or partial upload never touches
`current`. `rollback()` points `current` at the release before it.
"""

from __future__ import annotations

import os
import re
import shlex
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RELEASE_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{0,80}$")


class DeployError(Exception):
    """Deployment cannot go on; the message says why in Thai and English."""


@dataclass(frozen=True)
class Target:
    path: str
    host: str = ""
    user: str = ""
    port: str = ""
    key: str = ""
    known_hosts: str = ""
    keep: int = 5

    @classmethod
    def from_env(cls, env=None) -> "Target":
        env = os.environ if env is None else env
        path = env.get("DEPLOY_PATH", "").rstrip("/")
        if not path:
            raise DeployError(
                "ไม่ได้กำหนด DEPLOY_PATH (โฟลเดอร์ของเว็บไซต์บนเซิร์ฟเวอร์) / "
                "DEPLOY_PATH is not set (the site's folder on the server)"
            )
        if not path.startswith("/"):
            raise DeployError(f"DEPLOY_PATH ต้องเป็นพาธเต็ม / DEPLOY_PATH must be absolute: {path}")
        keep = env.get("DEPLOY_KEEP", "5")
        if not keep.isdigit() or int(keep) < 2:
            raise DeployError(f"DEPLOY_KEEP ต้องเป็นจำนวนเต็ม 2 ขึ้นไป / DEPLOY_KEEP must be an integer >= 2: {keep}")
        return cls(
            path=path,
            host=env.get("DEPLOY_HOST", "").strip(),
            user=env.get("DEPLOY_USER", "").strip(),
            port=env.get("DEPLOY_PORT", "").strip(),
            key=env.get("DEPLOY_SSH_KEY", "").strip(),
            known_hosts=env.get("DEPLOY_KNOWN_HOSTS", "").strip(),
            keep=int(keep),
        )

    @property
    def remote(self) -> bool:
        return bool(self.host)

    def ssh_command(self) -> list[str]:
        cmd = ["ssh", "-o", "BatchMode=yes", "-o", "StrictHostKeyChecking=yes"]
        if self.known_hosts:
            cmd += ["-o", f"UserKnownHostsFile={self.known_hosts}"]
        if self.key:
            cmd += ["-i", self.key, "-o", "IdentitiesOnly=yes"]
        if self.port:
            cmd += ["-p", self.port]
        return cmd

    def destination(self, path: str) -> str:
        if not self.remote:
            return path
        login = f"{self.user}@{self.host}" if self.user else self.host
        return f"{login}:{path}"


def _run_script(target: Target, script: str) -> str:
    """Run a POSIX shell script on the target (over SSH, or here); return its output."""
    if target.remote:
        login = f"{target.user}@{target.host}" if target.user else target.host
        cmd = target.ssh_command() + [login, "sh -s"]
    else:
        cmd = ["sh", "-s"]
    done = subprocess.run(cmd, input="set -eu\n" + script, capture_output=True, text=True)
    if done.returncode != 0:
        raise DeployError(
            f"คำสั่งบนเซิร์ฟเวอร์ล้มเหลว / a command on the server failed "
            f"(exit {done.returncode}): {done.stderr.strip()[-800:]}"
        )
    return done.stdout


ORDER_FILE = "releases.order"  # names of finished releases, one per line, in upload order


def natural_key(name: str) -> list:
    """Sort key that compares the digits in a name as numbers: v9 before v10."""
    return [(0, int(part), "") if part.isdigit() else (1, 0, part)
            for part in re.split(r"(\d+)", name) if part]


def _releases(target: Target) -> tuple[list[str], str]:
    """(release names, oldest first; name of the current release or "").

    Releases are ordered as they were uploaded (releases.order, appended by `deploy`); releases
    made before that file existed come first, in natural order of their names.
    """
    q = shlex.quote(target.path)
    out = _run_script(target, f"""
mkdir -p {q}/releases
cd {q}
echo "current=$(readlink current 2>/dev/null || true)"
for d in releases/*/; do if [ -d "$d" ]; then echo "dir=$(basename "$d")"; fi; done
if [ -f {ORDER_FILE} ]; then sed 's/^/order=/' {ORDER_FILE}; fi
""")
    lines = out.splitlines()
    current = lines[0].split("=", 1)[1].strip() if lines else ""
    found = {line[4:] for line in lines[1:] if line.startswith("dir=")}
    found = {n for n in found if RELEASE_NAME.match(n) and not n.endswith(".partial")}
    ordered = list(dict.fromkeys(line[6:] for line in lines[1:] if line.startswith("order=")))
    ordered = [n for n in ordered if n in found]
    legacy = sorted(found - set(ordered), key=natural_key)
    return legacy + ordered, current.rstrip("/").rsplit("/", 1)[-1] if current else ""


def release_name(env=None) -> str:
    env = os.environ if env is None else env
    name = env.get("DEPLOY_RELEASE", "").strip()
    if not name:
        commit = env.get("GITHUB_SHA", "")[:12]
        if not commit:
            try:
                commit = subprocess.run(
                    ["git", "rev-parse", "--short=12", "HEAD"], cwd=ROOT, capture_output=True,
                    text=True, check=True,
                ).stdout.strip()
            except (OSError, subprocess.CalledProcessError):
                commit = "local"
        name = time.strftime("%Y%m%dT%H%M%SZ", time.gmtime()) + "-" + commit
    if not RELEASE_NAME.match(name):
        raise DeployError(f"ชื่อรุ่นไม่ถูกต้อง / bad release name: {name!r} (A-Z a-z 0-9 . _ -)")
    return name


def _switch(target: Target, name: str) -> None:
    """Point `current` at releases/<name> atomically."""
    q = shlex.quote(target.path)
    link = shlex.quote(f"releases/{name}")
    tmp = shlex.quote(f".current-{name}")
    _run_script(target, f"""
cd {q}
[ -d {link} ]
ln -sfn {link} {tmp}
mv -T {tmp} current
""")


def deploy(output, env=None, stream=None) -> str:
    """Upload `output` as a new release and switch to it; returns the release name."""
    stream = stream or sys.stderr
    target = Target.from_env(env)
    output = Path(output)
    if not (output / "index.html").is_file():
        raise DeployError(
            f"ไม่พบเว็บไซต์ที่สร้างแล้วใน {output}/ ให้สั่ง invoke publish ก่อน / "
            f"no built site in {output}/: run invoke publish first"
        )
    name = release_name(env)
    names, current = _releases(target)
    if name in names:
        raise DeployError(f"มีรุ่น {name} อยู่แล้ว / release {name} already exists")
    base = f"{target.path}/releases"
    partial = f"{base}/{name}.partial"
    rsync = [
        "rsync", "--recursive", "--links", "--times", "--checksum", "--delete",
        "--chmod=Du=rwx,Dgo=rx,Fu=rw,Fgo=r",
    ]
    if current and current in names:
        rsync.append(f"--link-dest={base}/{current}")
    if target.remote:
        rsync += ["-e", shlex.join(target.ssh_command())]
    rsync += [f"{output}/", target.destination(partial + "/")]
    print(f"อัปโหลดรุ่น {name} / uploading release {name} to {target.destination(base)}", file=stream)
    try:
        done = subprocess.run(rsync, capture_output=True, text=True)
    except FileNotFoundError:
        raise DeployError(
            "ไม่พบโปรแกรม rsync / rsync is not installed: sudo apt-get install rsync"
        ) from None
    if done.returncode != 0:
        raise DeployError(
            f"อัปโหลดไม่สำเร็จ เว็บไซต์เดิมยังทำงานอยู่ / upload failed, the live site is "
            f"unchanged (rsync exit {done.returncode}): {done.stderr.strip()[-800:]}"
        )
    _run_script(target, f"mv -T {shlex.quote(partial)} {shlex.quote(f'{base}/{name}')}\n"
                        f"echo {shlex.quote(name)} >> {shlex.quote(f'{target.path}/{ORDER_FILE}')}\n")
    _switch(target, name)
    _prune(target, keep=target.keep)
    print(f"เผยแพร่รุ่น {name} แล้ว / release {name} is live", file=stream)
    return name


def rollback(env=None, stream=None) -> str:
    """Point `current` at the release before the current one; returns its name."""
    stream = stream or sys.stderr
    target = Target.from_env(env)
    names, current = _releases(target)
    if current not in names:
        raise DeployError(f"ไม่พบรุ่นปัจจุบัน / no current release in {target.path}")
    index = names.index(current)
    if index == 0:
        raise DeployError(
            f"ไม่มีรุ่นก่อนหน้า {current} ให้ย้อนกลับ / no release older than {current} to roll back to"
        )
    previous = names[index - 1]
    _switch(target, previous)
    print(f"ย้อนกลับไปใช้รุ่น {previous} แล้ว (แทน {current}) / rolled back to {previous} "
          f"(from {current})", file=stream)
    return previous


def _prune(target: Target, keep: int) -> None:
    """Delete releases beyond the newest `keep` (never the current or the previous one) and
    leftovers of interrupted uploads."""
    names, current = _releases(target)
    if current not in names:
        return
    index = names.index(current)
    protected = {current, names[index - 1] if index > 0 else current}
    old = [n for n in names[:-keep] if n not in protected]
    script = f"cd {shlex.quote(target.path)}\n"
    if old:
        script += "rm -rf " + " ".join(shlex.quote(f"releases/{n}") for n in old) + "\n"
    script += 'for d in releases/*.partial; do if [ -d "$d" ]; then rm -rf "$d"; fi; done\n'
    if old:  # forget the deleted releases in the upload order too
        pattern = "|".join(re.escape(n) for n in old)
        script += (f"grep -Ev {shlex.quote(f'^({pattern})$')} {ORDER_FILE} > {ORDER_FILE}.new || true\n"
                   f"mv {ORDER_FILE}.new {ORDER_FILE}\n")
    _run_script(target, script)
