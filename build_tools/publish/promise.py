"""The URL promise: every URL the site ever published keeps resolving, as a page or a redirect.

`decision_tree/published_urls.txt` lists them, one per line, with editors' comments (`#`).
A line leaving the file does not take its URL out of the promise: every URL the file listed
in any commit of its git history stays promised, so deleting a node together with its lines,
or the whole file, cannot pass unnoticed. In a shallow clone only the history that was fetched
counts, and outside git only the file: a note says which, as removals then go unchecked.
`check`, `urls` and the site build all ask `promise_problems`, so they refuse the same things.
"""

from __future__ import annotations

import re
import subprocess
from dataclasses import dataclass, field
from pathlib import Path

from build_tools.derive.derive import Derived
from build_tools.derive.paths import language_of_url
from build_tools.publish.site import site_urls
from build_tools.settings import PUBLISHED_URLS
from build_tools.tree.load import decode, display_path
from build_tools.tree.model import Position
from build_tools.tree.problems import Notice, Problem

HEADER = ("# Every URL this site has published, from the site's root. Never remove a line:\n"
          "# a renamed or removed page keeps its URL as a redirect (`redirects:` in the tree).\n"
          "# Add new ones with: python -m build_tools urls --update\n")
# A path from the site's root, of URL-safe segments, ending in / as every page's URL does.
URL_LINE = re.compile(r"/(?:[A-Za-z0-9._~-]+/)*")  # fullmatch
_COMMIT = "\x00"  # starts each commit's line in `git log` output (`%x00`): no diff line can


@dataclass(frozen=True)
class Promise:
    """The promised URLs, each with where it is promised, and what the file got wrong."""

    file: Path
    lines: tuple[str, ...] = ()  # the file as written, kept as it is by `urls --update`
    promised: dict[str, Position] = field(default_factory=dict)
    removed_in: dict[str, str] = field(default_factory=dict)  # URL -> the commit that removed it
    problems: tuple[Problem, ...] = ()
    notices: tuple[Notice, ...] = ()


def read_promise(tree_dir: Path) -> Promise:
    """The file's URLs and, from git, every URL it ever listed."""
    path = tree_dir / PUBLISHED_URLS.name
    name = display_path(path)
    text, problem = (decode(name, path.read_bytes()) if path.is_file() else ("", None))
    if problem:
        return Promise(path, problems=(problem,))
    lines = tuple(text.splitlines())
    promised, problems = {}, []
    for number, line in enumerate(lines, 1):
        url = line.strip()
        if not url or url.startswith("#"):
            continue
        if URL_LINE.fullmatch(url):
            promised.setdefault(url, Position(name, number, 1))
        else:
            problems.append(Problem(Position(name, number, 1), f"'{url}' is not a URL of this site: "
                                    "write a path from the site's root, like /guide/name/"))
    history, removals, notices = _history(path)
    removed_in = {url: removals.get(url, "an edit not yet committed")
                  for url in sorted(history - set(promised))}
    for url in removed_in:
        promised[url] = Position(name, 1, 1)
    if not path.is_file() and not history:
        notices.append(Notice(Position(name, 1, 1), "no URL has been published yet; "
                              "`python -m build_tools urls --update` records them", label="note"))
    return Promise(path, lines, promised, removed_in, tuple(problems), tuple(notices))


def promise_problems(derived: Derived, languages: list[str] | tuple[str, ...],
                     tree_dir: Path) -> tuple[list[Problem], list[Notice]]:
    """What breaks the promise for these languages' sites: a file that cannot be read, and
    every promised URL that no page or redirect serves. The build and `check` both ask this."""
    promise = read_promise(tree_dir)
    return [*promise.problems, *broken(derived, languages, promise)], list(promise.notices)


def broken(derived: Derived, languages: list[str] | tuple[str, ...], promise: Promise) -> list[Problem]:
    """Promised URLs no page or redirect serves, and a file deleted while git remembers it."""
    served = set().union(*(site_urls(derived, lang) for lang in languages))
    problems = []
    if not promise.file.is_file() and promise.promised:
        problems.append(Problem(Position(display_path(promise.file), 1, 1), "this file is missing, "
                                f"and its git history lists {len(promise.promised)} URLs, which stay "
                                "promised: restore it (`python -m build_tools urls --update` writes "
                                "them back)"))
    for url, at in promise.promised.items():
        if language_of_url(url) not in languages or url in served:
            continue
        gone = (f" (its line was removed in {promise.removed_in[url]}; removing the line does "
                "not unpublish the URL)" if url in promise.removed_in else "")
        problems.append(Problem(at, f"'{url}' was published and no page serves it now{gone}; keep "
                                "it working with a redirect (`redirects:` in the tree)"))
    return problems


def updated(promise: Promise, current: set[str]) -> tuple[str, list[str]]:
    """The file with every promised and current URL: its lines (and comments) as they are, the
    missing URLs added at the end, in order. Returns the text and the URLs added."""
    listed = {line.strip() for line in promise.lines}
    added = sorted((current | set(promise.promised)) - listed)
    lines = list(promise.lines) or HEADER.splitlines()
    return "\n".join(lines + added) + "\n", added


def _history(path: Path) -> tuple[set[str], dict[str, str], list[Notice]]:
    """Every URL the file listed in a commit, the commit that last removed each one that is no
    longer listed, and a note when the history cannot be read or is cut short."""
    at = Position(display_path(path), 1, 1)
    log = _git(path.parent, "log", "--format=%x00%h “%s”", "-p", "--no-color",
               "--no-ext-diff", "--unified=0", "--follow", "--", path.name)
    if log is None:
        return set(), {}, [Notice(at, "not in a git repository: URLs removed from this file "
                                      "cannot be checked (its own lines still are)", label="note")]
    notices = []
    if _git(path.parent, "rev-parse", "--is-shallow-repository") == "true\n":
        notices.append(Notice(at, "a shallow clone: URLs removed from this file before the "
                                  "fetched history cannot be checked; fetch it all with "
                                  "`git fetch --unshallow`", label="note"))
    ever, removed_in, commit = set(), {}, ""
    for line in log.splitlines():
        if line.startswith(_COMMIT):
            commit = f"commit {line[1:]}"
        elif line[:1] in "+-" and line[:4] not in ("+++ ", "--- ") and (url := _url(line[1:])):
            ever.add(url)
            if line[0] == "-":
                removed_in.setdefault(url, commit)  # newest first: the last removal
    return ever, removed_in, notices


def _url(line: str) -> str | None:
    """A URL line of any version of the file: its first format wrote them without the leading /."""
    line = line.strip()
    if not line or line.startswith("#"):
        return None
    url = line if line.startswith("/") else "/" + line
    return url if URL_LINE.fullmatch(url) else None


def _git(folder: Path, *args: str) -> str | None:
    """git's output, or None when there is no git or `folder` is not in a repository."""
    try:
        result = subprocess.run(["git", *args], cwd=folder, capture_output=True, text=True,
                                encoding="utf-8", errors="replace")
    except OSError:
        return None
    return result.stdout if result.returncode == 0 else None
