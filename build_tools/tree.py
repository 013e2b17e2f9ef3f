"""load -> parse -> assemble -> validate: the decision tree as one checked model, or every problem."""

from __future__ import annotations

import datetime
import gc
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from .load import folder_files, load_file
from .model import Tree, TreeFile
from .parse import parse_files
from .problems import InvalidTree, Problem
from .validate import assemble, validate
from .workers import cores, map_shared

# From this much YAML (about 400 nodes), a second process reads part of the files; below it,
# starting the process costs more than it saves. It takes at most this share of the bytes.
PARALLEL_READ_FROM = 1_000_000  # bytes
WORKER_SHARE = 0.45


@contextmanager
def collector_paused() -> Iterator[None]:
    """Reading a big tree makes a million small objects and no reference cycles; Python's cycle
    collector would rescan them again and again (10,000 nodes: YAML read in 8 s instead of 2)."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def check_tree(folder: Path, today: datetime.date | None = None) -> tuple[Tree | None, list[Problem]]:
    """The tree and no problems, or None and every problem found."""
    with collector_paused():
        return _check_tree(folder, today)


def _check_tree(folder: Path, today: datetime.date | None) -> tuple[Tree | None, list[Problem]]:
    paths, problems = folder_files(folder)
    parsed, more = _read_in_parallel(paths, today or datetime.date.today())
    problems += more
    if problems:
        return None, problems
    tree, problems = assemble(parsed)
    if tree is not None and not problems:
        problems = validate(tree)
    return (None, problems) if problems else (tree, [])


FileResult = tuple[list[TreeFile], list[Problem]]  # one file's parsed content and problems


def read_files(today: datetime.date, paths: list[Path]) -> list[FileResult]:
    """Load and parse each file; a file that fails is a problem, not an exception."""
    results: list[FileResult] = []
    for path in paths:
        loaded, problem = load_file(path)
        if problem:
            results.append(([], [problem]))
        else:
            results.append(parse_files([loaded], today) if loaded is not None else ([], []))
    return results


def _read_in_parallel(paths: list[Path], today: datetime.date) -> tuple[list[TreeFile], list[Problem]]:
    """A large tree's files shared with a worker process, which takes a little less than half
    the bytes (its results must still be copied back): reading is most of a large build's
    serial time. The results keep the files' order."""
    sizes = {path: _size(path) for path in paths}
    total, taken = sum(sizes.values()), 0
    theirs: list[Path] = []
    if total >= PARALLEL_READ_FROM and cores() >= 2:
        for path in sorted(paths, key=sizes.__getitem__, reverse=True):
            if taken + sizes[path] <= WORKER_SHARE * total:
                theirs.append(path)
                taken += sizes[path]
    if not theirs:
        results = dict(zip(paths, read_files(today, paths)))
    else:
        mine = [p for p in paths if p not in theirs]
        read_mine, read_theirs = map_shared(today, [(read_files, mine), (read_files, theirs)])
        results = {**dict(zip(mine, read_mine)), **dict(zip(theirs, read_theirs))}
    parsed = [tree_file for path in paths for tree_file in results[path][0]]
    return parsed, [problem for path in paths for problem in results[path][1]]


def _size(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:  # reported when the file is read
        return 0


def load_tree(folder: Path, today: datetime.date | None = None) -> Tree:
    """The checked tree; raises InvalidTree with every problem."""
    tree, problems = check_tree(folder, today)
    if tree is None:
        raise InvalidTree(problems)
    return tree
