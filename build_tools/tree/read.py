"""load -> parse -> assemble -> validate: the decision tree as one checked model, or every problem."""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from pathlib import Path

from build_tools.tree.load import folder_files, load_file
from build_tools.tree.model import Tree, TreeFile
from build_tools.tree.parse import parse_files
from build_tools.tree.problems import InvalidTree, Notice, Problem, split
from build_tools.tree.validate import advise, assemble, validate


@dataclass(frozen=True)
class Checked:
    """The tree if it has no problems; the notices (warnings and notes) either way."""

    tree: Tree | None
    problems: list[Problem]
    notices: list[Notice]


def check(folder: Path, today: datetime.date | None = None) -> Checked:
    """Every problem and notice of the tree in `folder`."""
    paths, found = folder_files(folder)
    problems, notices = split(found)
    parsed, more = read_files(paths, today or datetime.date.today())
    problems += more
    if problems:
        return Checked(None, problems, notices)
    tree, problems = assemble(parsed)
    if tree is not None and not problems:
        problems = validate(tree)
    if tree is None or problems:
        return Checked(None, problems, notices)
    return Checked(tree, [], notices + advise(tree))


def check_tree(folder: Path, today: datetime.date | None = None) -> tuple[Tree | None, list[Problem]]:
    """The tree and no problems, or None and every problem found."""
    checked = check(folder, today)
    return checked.tree, checked.problems


def read_files(paths: list[Path], today: datetime.date) -> tuple[list[TreeFile], list[Problem]]:
    """Load and parse each file; a file that fails is a problem, not an exception."""
    parsed: list[TreeFile] = []
    problems: list[Problem] = []
    for path in paths:
        loaded, failed = load_file(path)
        problems += failed
        if loaded is not None:
            files, more = parse_files([loaded], today)
            parsed += files
            problems += more
    return parsed, problems


def load_tree(folder: Path, today: datetime.date | None = None) -> Tree:
    """The checked tree; raises InvalidTree with every problem."""
    tree, problems = check_tree(folder, today)
    if tree is None:
        raise InvalidTree(problems)
    return tree
