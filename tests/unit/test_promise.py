"""Every URL ever published keeps resolving: `check` refuses what the build refuses, and a line
deleted from published_urls.txt (or the whole file) is still checked against the file's git
history, in a full clone, in a shallow one (with a note), and outside git (with a note)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import MINIMAL_TREE, ROOT, write_tree

URLS = """\
# Every URL this site has published. Keep this comment: the editors' own note.
/
/about/
/flowchart/
/guide/be-polite/
/guide/cancelled/
/guide/unpaid/
/sources/
/tips/
/en/
/en/about/
/en/flowchart/
/en/guide/be-polite/
/en/guide/cancelled/
/en/guide/unpaid/
/en/sources/
/en/tips/
"""
FILE = "decision_tree/published_urls.txt"
GIT_ENV = {"GIT_AUTHOR_NAME": "Editor", "GIT_AUTHOR_EMAIL": "editor@example.org",
           "GIT_COMMITTER_NAME": "Editor", "GIT_COMMITTER_EMAIL": "editor@example.org"}
WITHOUT_UNPAID = MINIMAL_TREE.replace("        next: unpaid\n", "        next: cancelled\n").split(
    "  - id: unpaid\n")[0] + "  - id: cancelled\n" + MINIMAL_TREE.split("  - id: cancelled\n")[1]
REDIRECT = "redirects:\n  - old: unpaid\n    to: cancelled\n"


def git(folder: Path, *args: str) -> str:
    result = subprocess.run(["git", *args], cwd=folder, capture_output=True, text=True,
                            env={**os.environ, **GIT_ENV}, check=True)
    return result.stdout


def command(folder: Path, name: str, *args: str) -> subprocess.CompletedProcess:
    """`check` or `urls` on the folder's tree, run there as an editor runs it."""
    tree = ["decision_tree"] if name == "check" else ["--tree", "decision_tree"]
    return subprocess.run([sys.executable, "-m", "build_tools", name, *tree, *args], cwd=folder,
                          capture_output=True, text=True, env={**os.environ, "PYTHONPATH": str(ROOT)})


def commit(folder: Path, message: str) -> str:
    git(folder, "add", "-A")
    git(folder, "commit", "-q", "-m", message)
    return git(folder, "rev-parse", "--short", "HEAD").strip()


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    """A help centre's repository: the minimal tree, every URL it publishes, one commit."""
    folder = tmp_path / "repo"
    write_tree(folder / "decision_tree", {"tree.yaml": MINIMAL_TREE, "published_urls.txt": URLS})
    git(folder, "init", "-q", "-b", "main")
    commit(folder, "Start")
    return folder


def remove_unpaid(folder: Path, redirect: bool = False) -> None:
    """An editor deletes the node `unpaid`, and its two lines of published_urls.txt with it."""
    (folder / "decision_tree/tree.yaml").write_text(WITHOUT_UNPAID + (REDIRECT if redirect else ""),
                                                     encoding="utf-8")
    urls = folder / FILE
    lines = urls.read_text(encoding="utf-8").splitlines(keepends=True)
    urls.write_text("".join(line for line in lines if not line.endswith("/guide/unpaid/\n")),
                    encoding="utf-8")


def dropped(url: str, why: str) -> str:
    return (f"{FILE}:1:1: '{url}' was published and no page serves it now (its line was removed in "
            f"{why}; removing the line does not unpublish the URL); keep it working with a redirect "
            "(`redirects:` in the tree)")


def test_a_line_deleted_with_its_node_is_still_promised(repo: Path) -> None:
    remove_unpaid(repo)
    found = commit(repo, "Remove unpaid")

    result = command(repo, "check")

    assert result.returncode == 1
    assert result.stderr.splitlines() == [dropped("/en/guide/unpaid/", f"commit {found} “Remove unpaid”"),
                                          dropped("/guide/unpaid/", f"commit {found} “Remove unpaid”"),
                                          "2 problems in the decision tree; nothing was written."]


def test_a_deletion_not_yet_committed_is_caught_too(repo: Path) -> None:
    remove_unpaid(repo)

    result = command(repo, "check")

    assert result.stderr.splitlines()[:2] == [dropped("/en/guide/unpaid/", "an edit not yet committed"),
                                              dropped("/guide/unpaid/", "an edit not yet committed")]


def test_a_redirect_keeps_the_promise(repo: Path) -> None:
    remove_unpaid(repo, redirect=True)
    commit(repo, "Unpaid is now a redirect")

    result = command(repo, "check")

    assert (result.returncode, result.stderr) == (0, "")
    assert result.stdout.startswith("OK: 1 questions, 1 outcomes, 1 tips, 1 sources, 1 redirects")


def test_deleting_the_file_keeps_the_promise_and_update_writes_it_back(repo: Path) -> None:
    (repo / FILE).unlink()
    commit(repo, "Delete the list")

    result = command(repo, "check")

    assert result.stderr.splitlines() == [
        f"{FILE}:1:1: this file is missing, and its git history lists 16 URLs, which stay promised: "
        "restore it (`python -m build_tools urls --update` writes them back)",
        "1 problem in the decision tree; nothing was written."]
    assert command(repo, "urls", "--update").returncode == 0
    restored = (repo / FILE).read_text(encoding="utf-8")
    assert restored.startswith("# Every URL this site has published, from the site's root.")
    assert [line for line in restored.splitlines() if not line.startswith("#")] == sorted(URLS.split("\n")[1:-1])
    assert command(repo, "check").returncode == 0


def test_update_keeps_the_editors_comments_and_adds_new_urls_at_the_end(repo: Path) -> None:
    tree = repo / "decision_tree/tree.yaml"
    tree.write_text(MINIMAL_TREE.replace("  - id: unpaid", "  - id: unpaid-order") .replace(
        "next: unpaid\n", "next: unpaid-order\n") + REDIRECT.replace("to: cancelled", "to: unpaid-order"),
        encoding="utf-8")

    result = command(repo, "urls", "--update")

    assert result.returncode == 0, result.stderr
    assert (repo / FILE).read_text(encoding="utf-8") == URLS + "/en/guide/unpaid-order/\n/guide/unpaid-order/\n"
    assert result.stdout.endswith("published_urls.txt: 18 URLs (2 added)\n")


def test_a_shallow_clone_checks_what_it_has_and_says_what_it_cannot(repo: Path, tmp_path: Path) -> None:
    remove_unpaid(repo)
    commit(repo, "Remove unpaid")
    subprocess.run(["git", "clone", "-q", "--depth", "1", f"file://{repo}", str(tmp_path / "clone")],
                   check=True)

    result = command(tmp_path / "clone", "check")

    assert result.returncode == 0
    assert result.stderr.splitlines() == [
        f"{FILE}:1:1: note: a shallow clone: URLs removed from this file before the fetched history "
        "cannot be checked; fetch it all with `git fetch --unshallow`"]


def test_a_full_clone_in_ci_catches_the_removal(repo: Path, tmp_path: Path) -> None:
    remove_unpaid(repo)
    commit(repo, "Remove unpaid")
    subprocess.run(["git", "clone", "-q", f"file://{repo}", str(tmp_path / "clone")], check=True)

    assert command(tmp_path / "clone", "check").returncode == 1


def test_outside_git_the_file_is_the_promise_and_a_note_says_so(repo: Path, tmp_path: Path) -> None:
    copy = tmp_path / "copy"
    shutil.copytree(repo / "decision_tree", copy / "decision_tree")
    remove_unpaid(copy)

    result = command(copy, "check")

    assert result.returncode == 0
    assert result.stderr.splitlines() == [
        f"{FILE}:1:1: note: not in a git repository: URLs removed from this file cannot be "
        "checked (its own lines still are)"]
