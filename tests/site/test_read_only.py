"""A read-only checkout (a CI cache, a mounted volume) gets a message that says so, not a
traceback, from every command that writes: the generated pages, the URL list, the site.

The checkout is made read-only the way it happens: as root (who may write anywhere) by a
read-only bind mount in a mount namespace of the command's own; otherwise by its file modes."""

from __future__ import annotations

import os
import re
import stat
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.conftest import ROOT, copy_project

pytestmark = pytest.mark.slow

AS_ROOT = os.geteuid() == 0
WHY = "Read-only file system" if AS_ROOT else "Permission denied"
READ_ONLY = f"{WHY}; the checkout or the folder is read-only: build into a folder you can write to"
# Runs "$@" with the folder "$0" mounted read-only, for this command only.
MOUNT_READ_ONLY = 'mount --bind "$0" "$0" && mount -o remount,bind,ro "$0" && exec "$@"'


def set_mode(folder: Path, writable: bool) -> None:
    for path in [folder, *folder.rglob("*")]:
        mode = path.stat().st_mode
        path.chmod(mode | stat.S_IWUSR if writable else mode & ~(stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH))


@pytest.fixture
def checkout(tmp_path: Path) -> Iterator[Path]:
    """A copy of the project that cannot be written to."""
    project = copy_project(tmp_path / "project")
    if not AS_ROOT:
        set_mode(project, writable=False)
    yield project
    if not AS_ROOT:
        set_mode(project, writable=True)


def run(project: Path, *command: str) -> subprocess.CompletedProcess:
    read_only = ["unshare", "-m", "sh", "-c", MOUNT_READ_ONLY, str(project)] if AS_ROOT else []
    env = {**os.environ, "PYTHONDONTWRITEBYTECODE": "1", "NO_MKDOCS_2_WARNING": "1",
           "SITE_URL": "https://example.org/"}
    return subprocess.run([*read_only, sys.executable, *command], cwd=project, capture_output=True,
                          text=True, env=env)


def test_check_reads_a_read_only_checkout(checkout: Path) -> None:
    result = run(checkout, "-m", "build_tools", "check")
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("OK:")


def test_build_says_it_cannot_write(checkout: Path) -> None:
    result = run(checkout, "-m", "build_tools", "build")
    assert result.returncode == 1
    assert result.stderr.splitlines()[-1] == f"cannot write {checkout}/build: {READ_ONLY}"
    assert "Traceback" not in result.stderr


def test_updating_the_url_list_says_it_cannot_write(checkout: Path) -> None:
    result = run(checkout, "-m", "build_tools", "urls", "--update")
    assert result.returncode == 1
    assert result.stderr.splitlines()[-1] == (f"cannot write {checkout}/decision_tree/published_urls.txt: "
                                              f"{READ_ONLY}")
    assert "Traceback" not in result.stderr


def test_the_site_build_says_it_cannot_write(checkout: Path) -> None:
    result = run(checkout, "-m", "build_tools", "site")
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert re.search(f"^cannot write {re.escape(str(checkout))}/\\.site\\.building-[0-9]+: "
                     f"{re.escape(READ_ONLY)}$", result.stderr, re.MULTILINE), result.stderr
    assert str(ROOT) not in result.stderr
