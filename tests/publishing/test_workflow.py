"""The GitHub workflow: valid YAML, the jobs, permissions and concurrency the publishing path
needs, and it calls the same commands and invoke tasks that the tests exercise."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import invoke
import pytest
import yaml

ROOT = Path(__file__).resolve().parents[2]
WORKFLOW = ROOT / ".github/workflows/publish.yml"


@pytest.fixture(scope="module")
def workflow() -> dict:
    return yaml.safe_load(WORKFLOW.read_text("utf-8"))


def _runs(job: dict) -> str:
    return "\n".join(step.get("run", "") for step in job["steps"])


def _uses(job: dict) -> list[str]:
    return [step["uses"].split("@")[0] for step in job["steps"] if "uses" in step]


def test_triggers(workflow):
    on = workflow.get("on", workflow.get(True))  # YAML 1.1 reads a bare `on` as true
    assert on["push"]["branches"] == ["main"]
    assert "pull_request" in on
    [schedule] = on["schedule"]
    minute, hour, *rest = schedule["cron"].split()
    assert minute.isdigit() and hour == "*" and rest == ["*", "*", "*"]  # every hour


def test_least_privilege(workflow):
    assert workflow["permissions"] == {"contents": "read"}
    deploy = workflow["jobs"]["deploy"]
    assert deploy["permissions"] == {"pages": "write", "id-token": "write"}
    assert "permissions" not in workflow["jobs"]["build"]  # inherits contents: read only


def test_build_job_checks_tests_audits_and_publishes(workflow):
    build = workflow["jobs"]["build"]
    runs = _runs(build)
    order = [runs.index(cmd) for cmd in ("./dev.sh setup", "invoke check", "./dev.sh test", "pip-audit",
                                         "invoke publish")]
    assert order == sorted(order)
    # The content check speaks to authors as GitHub annotations, and fails on what publish fails on.
    assert "invoke check --output github --strict" in runs
    assert "--require-hashes" in runs
    upload = [s for s in build["steps"] if s.get("uses", "").startswith("actions/upload-pages-artifact")]
    assert len(upload) == 1
    assert upload[0]["with"]["path"] == "output"
    assert "pull_request" in upload[0]["if"]  # pull requests build but upload nothing


def test_deploy_jobs_do_not_run_on_pull_requests_and_share_one_pages_group(workflow):
    jobs = workflow["jobs"]
    for name in ("deploy", "deploy-server"):
        job = jobs[name]
        assert job["needs"] == "build"
        assert "github.event_name != 'pull_request'" in job["if"]
        assert job["concurrency"] == {"group": "pages", "cancel-in-progress": False}
    assert _uses(jobs["deploy"]) == ["actions/deploy-pages"]
    assert "invoke deploy" in _runs(jobs["deploy-server"])
    groups = [j.get("concurrency", {}).get("group") for j in jobs.values()]
    assert set(groups) - {None} == {"pages"}


def test_no_secret_is_written_in_the_workflow():
    text = WORKFLOW.read_text("utf-8")
    assert "BEGIN OPENSSH PRIVATE KEY" not in text and "BEGIN RSA" not in text
    for line in text.splitlines():
        if re.search(r"(KEY|KNOWN_HOSTS|PASSWORD|TOKEN)\s*:", line) and "${{" not in line:
            pytest.fail(f"a credential-looking value is written in the workflow: {line.strip()}")


def test_every_invoke_task_it_calls_exists(workflow):
    listing = subprocess.run([sys.executable, "-m", "invoke", "--list"], cwd=ROOT,
                             capture_output=True, text=True, check=True).stdout
    tasks = set(re.findall(r"^\s+([\w-]+)", listing, re.M))
    called = set()
    for job in workflow["jobs"].values():
        called |= set(re.findall(r"invoke (\w[\w-]*)", _runs(job)))
    assert called >= {"check", "publish", "deploy"}
    assert called <= tasks, called - tasks
    # The tests it runs are the README's second command, the one .ci/run runs.
    assert "./dev.sh test" in (ROOT / ".ci/run").read_text("utf-8")


def test_publish_task_is_the_production_pipeline_the_tests_build(monkeypatch):
    import tasks
    from tools import production

    seen = {}
    monkeypatch.setattr(tasks, "_build", lambda settings, **kw: seen.update(settings=settings, **kw))
    tasks.publish(invoke.Context())
    assert Path(seen["settings"]).name == "publishconf.py"
    assert seen["fatal_warnings"] is True
    assert seen["postprocess"] is production.postprocess


def test_the_review_note_job_alone_may_write_notes(workflow):
    """The check's note on a release under review (tools/review_note.py): for the editor's
    branches only, beside the build (not after it: the build stops when the check finds
    something), with the one extra permission it needs and no token left in git's config."""
    job = workflow["jobs"]["review-note"]
    assert job["permissions"] == {"contents": "read", "issues": "write"}
    assert "needs" not in job
    assert job["if"] == "github.event_name == 'pull_request' && startsWith(github.head_ref, 'cms/')"
    checkout = [s for s in job["steps"] if s.get("uses", "").startswith("actions/checkout")]
    assert len(checkout) == 1 and checkout[0]["with"]["persist-credentials"] is False
    runs = _runs(job)
    assert "--require-hashes -r requirements.txt" in runs
    assert runs.rstrip().endswith(".venv/bin/python -m tools.review_note")
    [writer] = [s for s in job["steps"] if "tools.review_note" in s.get("run", "")]
    assert writer["env"] == {"GITHUB_TOKEN": "${{ github.token }}"}
    assert all("GITHUB_TOKEN" not in str(s.get("env", {})) for s in job["steps"] if s is not writer)
