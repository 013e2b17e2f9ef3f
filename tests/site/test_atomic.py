"""Builds are atomic: a failed, interrupted or killed build leaves the last good output byte for
byte, and the next build removes what it left behind (docs/decisions/002-atomic-builds.md).

Both ways of building are covered: `python -m build_tools build --out X` (the generated Markdown)
and `mkdocs build` (the site; the staging happens in build_tools/publish/mkdocs_hook.py). Each test works
on a copy of the project, so it may break the tree and the hand-written pages.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.conftest import copy_project, mkdocs_build

pytestmark = pytest.mark.slow

URL = "https://example.org/"
# The real write takes milliseconds: too short to hit with a signal. This runs the real command
# line with a slow (or full) disk: after the first language is written, it waits, or fails.
CLI_WITH_A_SLOW_DISK = """\
import errno, sys, time
import build_tools.cli as cli
write_files, mode = cli.write_files, sys.argv.pop(1)
def slow_write(folder, files):
    write_files(folder, files)
    if mode == "full":
        raise OSError(errno.ENOSPC, "No space left on device")
    time.sleep(120)
cli.write_files = slow_write
sys.exit(cli.main(sys.argv[1:]))
"""

Snapshot = dict[str, bytes | None]


def snapshot(folder: Path) -> Snapshot:
    """Every file's bytes and every folder (None), by path: what 'byte for byte' compares."""
    return {p.relative_to(folder).as_posix(): p.read_bytes() if p.is_file() else None
            for p in sorted(folder.rglob("*"))}


def leftovers(out: Path) -> list[str]:
    return sorted(p.name for p in out.parent.iterdir() if p.name.startswith(f".{out.name}."))


def edit(project: Path, name: str, old: str, new: str) -> None:
    path = project / name
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def break_the_tree(project: Path) -> None:
    edit(project, "decision_tree/cancelled.yaml", "kind: outcome", "kind: outcom")


def change_a_title(project: Path) -> None:
    """A valid change: a build that finished would give different bytes from the last one."""
    edit(project, "decision_tree/cancelled.yaml", "zh: 已取消：", "zh: 已取消（新）：")


def cli_build(project: Path, out: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "build_tools", "build", "--out", str(out),
                           "--site-url", URL], cwd=project, capture_output=True, text=True)


@pytest.fixture
def project(tmp_path: Path) -> Path:
    return copy_project(tmp_path / "project")


@pytest.fixture
def pages(project: Path) -> Path:
    """Generated Markdown from a good build: the output every failure must leave alone."""
    out = project / "build" / "pages"
    result = cli_build(project, out)
    assert result.returncode == 0, result.stderr
    return out


@pytest.fixture
def good_site(project: Path) -> Path:
    """A good `mkdocs build --strict`: the site every failure must leave alone."""
    out = project / "site"
    result = mkdocs_build(project, out, URL)
    assert result.returncode == 0, result.stderr
    return out


# --- failures ---

def test_a_broken_tree_fails_the_command_line_build_and_keeps_the_pages(project: Path, pages: Path) -> None:
    before = snapshot(pages)
    break_the_tree(project)

    result = cli_build(project, pages)

    assert result.returncode == 1
    assert "decision_tree/cancelled.yaml:5:11: `kind` is 'outcom'" in result.stderr
    assert "Traceback" not in result.stderr
    assert snapshot(pages) == before
    assert leftovers(pages) == []


def test_a_full_disk_halfway_through_keeps_the_pages(project: Path, pages: Path) -> None:
    before = snapshot(pages)
    change_a_title(project)

    result = subprocess.run([sys.executable, "-c", CLI_WITH_A_SLOW_DISK, "full", "build", "--out",
                             str(pages), "--site-url", URL], cwd=project, capture_output=True, text=True)

    assert result.returncode == 1
    assert "No space left on device" in result.stderr
    assert snapshot(pages) == before
    assert leftovers(pages) == []


@pytest.mark.parametrize("page", ["docs/zh/about.md", "docs/en/about.md"],
                         ids=["Chinese edition", "English edition"])
def test_a_strict_mode_warning_fails_mkdocs_and_keeps_the_site(project: Path, good_site: Path, page: str) -> None:
    """MkDocs aborts a strict build only after writing every page (and the English edition is a
    build of its own, nested in the Chinese one): the staging folder must still be dropped."""
    before = snapshot(good_site)
    path = project / page
    path.write_text(path.read_text(encoding="utf-8") + "\n[broken](no-such-page.md)\n", encoding="utf-8")

    result = mkdocs_build(project, good_site, URL)

    assert result.returncode == 1
    assert "contains a link 'no-such-page.md', but the target is not found" in result.stderr
    assert snapshot(good_site) == before
    assert leftovers(good_site) == []


# --- interruptions: Ctrl-C (SIGINT) and a stop from CI or the system (SIGTERM) ---

def wait_for(condition: Callable[[], bool], what: str, process: subprocess.Popen,
             timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        if process.poll() is not None:
            pytest.fail(f"the build ended (exit {process.returncode}) before {what}")
        if time.monotonic() > deadline:
            process.kill()
            pytest.fail(f"no {what} after {timeout} s")
        time.sleep(0.01)


def interrupt(process: subprocess.Popen, staging: Path, sig: signal.Signals,
              ready: Callable[[], bool]) -> int:
    """Wait until the build is writing into its staging folder, then send the signal."""
    try:
        wait_for(ready, f"staging folder {staging.name}", process)
        process.send_signal(sig)
        return process.wait(timeout=60)
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()


SIGNALS = [pytest.param(signal.SIGINT, id="SIGINT"), pytest.param(signal.SIGTERM, id="SIGTERM")]


@pytest.mark.parametrize("sig", SIGNALS)
def test_an_interrupted_command_line_build_keeps_the_pages(project: Path, pages: Path,
                                                           sig: signal.Signals) -> None:
    before = snapshot(pages)
    change_a_title(project)
    process = subprocess.Popen([sys.executable, "-c", CLI_WITH_A_SLOW_DISK, "slow", "build", "--out",
                                str(pages), "--site-url", URL], cwd=project,
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    staging = pages.with_name(f".{pages.name}.building-{process.pid}")

    code = interrupt(process, staging, sig, lambda: (staging / "zh" / "index.md").exists())

    assert code != 0
    assert snapshot(pages) == before
    # Ctrl-C lets the build clean up; SIGTERM kills it where it stands, the next build cleans up.
    assert leftovers(pages) == ([] if sig == signal.SIGINT else [staging.name])
    assert cli_build(project, pages).returncode == 0
    assert leftovers(pages) == []
    assert "已取消（新）" in (pages / "zh" / "guide" / "cancelled.md").read_text(encoding="utf-8")


@pytest.mark.parametrize("sig", SIGNALS)
def test_an_interrupted_mkdocs_build_keeps_the_site(project: Path, good_site: Path, sig: signal.Signals) -> None:
    before = snapshot(good_site)
    change_a_title(project)
    env = {**os.environ, "SITE_URL": URL, "NO_MKDOCS_2_WARNING": "1"}
    process = subprocess.Popen([sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(good_site)],
                               cwd=project, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    staging = good_site.with_name(f".{good_site.name}.building-{process.pid}")

    code = interrupt(process, staging, sig, staging.exists)

    assert code != 0
    assert snapshot(good_site) == before
    assert leftovers(good_site) == ([] if sig == signal.SIGINT else [staging.name])
    assert mkdocs_build(project, good_site, URL).returncode == 0
    assert leftovers(good_site) == []
    assert "已取消（新）" in (good_site / "guide" / "cancelled" / "index.html").read_text(encoding="utf-8")


def test_a_build_killed_between_its_two_renames_is_repaired_by_the_next(project: Path, pages: Path) -> None:
    """The one moment the output is missing: the old folder moved aside, the new one not yet in."""
    before = snapshot(pages)
    killed_pid = 999_999_999
    pages.rename(pages.with_name(f".{pages.name}.old-{killed_pid}"))
    (pages.parent / f".{pages.name}.building-{killed_pid}").mkdir()

    assert cli_build(project, pages).returncode == 0

    assert snapshot(pages) == before
    assert leftovers(pages) == []
