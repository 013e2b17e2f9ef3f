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
from .workers import cores, worker_pool

# From this much YAML (about 2,000 nodes), half the files are read in a second process; below
# it, starting the process costs more than it saves.
PARALLEL_READ_FROM = 5_000_000  # bytes


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


def read_files(paths: list[Path], today: datetime.date) -> tuple[list[TreeFile], list[Problem]]:
    """Load and parse files, in order; a file that fails is a problem, not an exception."""
    parsed, problems = [], []
    for path in paths:
        loaded, problem = load_file(path)
        if problem:
            problems.append(problem)
        elif loaded is not None:
            files, more = parse_files([loaded], today)
            parsed += files
            problems += more
    return parsed, problems


def _read_in_parallel(paths: list[Path], today: datetime.date) -> tuple[list[TreeFile], list[Problem]]:
    """A large tree's files in two halves (by size), the second in a worker process: reading
    is most of a large build's serial time. Results keep the files' order."""
    sizes = [_size(p) for p in paths]
    if sum(sizes) < PARALLEL_READ_FROM or len(paths) < 2 or cores() < 2:
        return read_files(paths, today)
    half = next(i for i in range(1, len(paths)) if sum(sizes[:i]) * 2 >= sum(sizes))
    with worker_pool(1) as pool:
        second = pool.submit(read_files, paths[half:], today)
        parsed, problems = read_files(paths[:half], today)
        more_parsed, more_problems = second.result()
    return parsed + more_parsed, problems + more_problems


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
