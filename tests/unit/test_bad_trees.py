"""Every malformed tree gives its exact message with file:line:col, exit code 1, no traceback."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from build_tools.tree.read import check_tree
from tests.conftest import ROOT, TODAY, write_tree
from tests.unit.bad_trees import CASES, Case


def report_for(tmp_path: Path, case: Case, monkeypatch: pytest.MonkeyPatch) -> list[str]:
    monkeypatch.chdir(tmp_path)
    write_tree(tmp_path / "decision_tree", case.files)
    tree, problems = check_tree(Path("decision_tree"), today=TODAY)
    assert tree is None
    return [str(p) for p in sorted(problems)]


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_each_mistake_gives_its_message(case: Case, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    assert report_for(tmp_path, case, monkeypatch) == case.expect


@pytest.mark.parametrize("case", CASES[:3] + CASES[-4:-1], ids=lambda c: c.name)
def test_the_command_line_prints_them_and_exits_1(case: Case, tmp_path: Path) -> None:
    write_tree(tmp_path / "decision_tree", case.files)
    result = subprocess.run([sys.executable, "-m", "build_tools", "check", "decision_tree"],
                            cwd=tmp_path, capture_output=True, text=True,
                            env={"PYTHONPATH": str(ROOT), "PATH": ""})
    assert result.returncode == 1
    assert result.stdout == ""
    lines = result.stderr.splitlines()
    assert lines[:-1] == case.expect
    assert "Traceback" not in result.stderr
    assert lines[-1].endswith("in the decision tree; nothing was written.")
