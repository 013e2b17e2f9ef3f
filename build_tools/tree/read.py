"""load -> parse -> assemble -> validate: the decision tree as one checked model, or every problem."""

from __future__ import annotations

import datetime
from pathlib import Path

from build_tools.tree.load import folder_files, load_file
from build_tools.tree.model import Tree, TreeFile
from build_tools.tree.parse import parse_files
from build_tools.tree.problems import InvalidTree, Problem
from build_tools.tree.validate import assemble, validate


def check_tree(folder: Path, today: datetime.date | None = None) -> tuple[Tree | None, list[Problem]]:
    """The tree and no problems, or None and every problem found."""
    paths, problems = folder_files(folder)
    parsed, more = read_files(paths, today or datetime.date.today())
    problems += more
    if problems:
        return None, problems
    tree, problems = assemble(parsed)
    if tree is not None and not problems:
        problems = validate(tree)
    return (None, problems) if problems else (tree, [])


def read_files(paths: list[Path], today: datetime.date) -> tuple[list[TreeFile], list[Problem]]:
    """Load and parse each file; a file that fails is a problem, not an exception."""
    parsed: list[TreeFile] = []
    problems: list[Problem] = []
    for path in paths:
        loaded, problem = load_file(path)
        if problem:
            problems.append(problem)
        elif loaded is not None:
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
