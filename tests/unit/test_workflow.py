"""The publishing workflow is valid, pinned, and runs the README's own commands."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import yaml

from tests.conftest import ROOT

WORKFLOW = ROOT / ".github" / "workflows" / "pages.yml"
BIN = Path(sys.executable).parent


def lint(tool: str, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([str(BIN / tool), *args, str(WORKFLOW)], capture_output=True, text=True)


def test_the_workflow_matches_github_actions_schema() -> None:
    result = lint("check-jsonschema", "--builtin-schema", "vendor.github-workflows")
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_workflow_has_no_security_findings() -> None:
    result = lint("zizmor", "--offline", "--no-progress")
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_workflow_tests_then_deploys_only_from_main() -> None:
    workflow = yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))
    commands = [step.get("run", "") for step in workflow["jobs"]["build"]["steps"]]
    assert "python3 build_tools/dev.py test" in commands
    assert any("python3 build_tools/dev.py build" in c for c in commands)
    deploy = workflow["jobs"]["deploy"]
    assert deploy["needs"] == "build"
    assert "refs/heads/main" in deploy["if"] and "pull_request" in deploy["if"]
    uses = [step["uses"] for job in workflow["jobs"].values() for step in job["steps"] if "uses" in step]
    assert all(u.split("@")[1].split()[0].isalnum() and len(u.split("@")[1].split()[0]) == 40 for u in uses)
