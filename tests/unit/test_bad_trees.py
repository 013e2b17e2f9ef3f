"""Every malformed tree gives its exact message with file:line:col, exit code 1, no traceback."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from build_tools.tree.read import check
from tests.conftest import MINIMAL_TREE, ROOT, TODAY, write_tree
from tests.unit import bad_input, bad_trees
from tests.unit.bad_input import COMMANDS, Command, Link
from tests.unit.bad_trees import Case

CASES = bad_trees.CASES + bad_input.CASES


def write_case(folder: Path, files: dict[str, str | bytes | Link]) -> None:
    """The case's files; a Link becomes a symbolic link, a path with / makes its folder."""
    folder.mkdir(parents=True, exist_ok=True)
    for name, content in files.items():
        if isinstance(content, Link):
            (folder / name).symlink_to(content.target)
        else:
            (folder / name).parent.mkdir(parents=True, exist_ok=True)
            write_tree((folder / name).parent, {Path(name).name: content})


def report_for(tmp_path: Path, case: Case, monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """What `check` reports: every problem, then every warning and note."""
    monkeypatch.chdir(tmp_path)
    write_case(tmp_path / "decision_tree", case.files)
    checked = check(Path("decision_tree"), today=TODAY)
    assert (checked.tree is None) == bool(checked.problems)
    return [str(p) for p in sorted(checked.problems)] + [str(n) for n in sorted(checked.notices)]


def run(args: list[str], cwd: Path, env: dict[str, str] | None = None) -> subprocess.CompletedProcess:
    """The command line in a process of its own, as an editor runs it (git on the PATH); a hang
    fails the test too (TimeoutExpired), as a crash does."""
    return subprocess.run([sys.executable, "-m", "build_tools", *args], cwd=cwd, capture_output=True,
                          text=True, env={"PYTHONPATH": str(ROOT), "PATH": os.environ["PATH"], **(env or {})},
                          timeout=120)


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_each_mistake_gives_its_message(case: Case, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    if case.isolated:  # it once killed the process: a crash must fail this test, not pytest
        write_case(tmp_path / "decision_tree", case.files)
        result = run(["check", "decision_tree"], tmp_path)
        assert (result.returncode, result.stderr.splitlines()[:-1]) == (1, case.expect), result.stderr[-2000:]
    else:
        assert report_for(tmp_path, case, monkeypatch) == case.expect


@pytest.mark.parametrize("case", CASES[:3] + bad_trees.CASES[-4:-1], ids=lambda c: c.name)
def test_the_command_line_prints_them_and_exits_1(case: Case, tmp_path: Path) -> None:
    write_case(tmp_path / "decision_tree", case.files)
    result = subprocess.run([sys.executable, "-m", "build_tools", "check", "decision_tree"],
                            cwd=tmp_path, capture_output=True, text=True,
                            env={"PYTHONPATH": str(ROOT), "PATH": ""})
    assert result.returncode == 1
    assert result.stdout == ""
    lines = result.stderr.splitlines()
    assert lines[:-1] == case.expect
    assert "Traceback" not in result.stderr
    assert lines[-1].endswith("in the decision tree; nothing was written.")


@pytest.mark.parametrize("command", COMMANDS, ids=[c.name for c in COMMANDS])
def test_each_command_line_mistake_gives_its_message(command: Command, tmp_path: Path) -> None:
    write_case(tmp_path / "decision_tree", {"tree.yaml": MINIMAL_TREE, **command.files})
    result = run(command.args, tmp_path, command.env)
    assert (result.returncode, result.stderr.splitlines()) == (1, command.expect)
    assert not (tmp_path / "pages").exists()
