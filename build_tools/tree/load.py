"""Read decision_tree/*.yaml (and phrasings/*.yaml) into YAML nodes that keep each value's file,
line and column."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

import yaml

from build_tools.tree.compose import NestedTooDeeply, compose
from build_tools.tree.model import Position
from build_tools.tree.pasted import pasted_problems
from build_tools.tree.problems import Notice, Problem
from build_tools.tree.where import line_and_column
from build_tools.tree.yaml_errors import yaml_problem

BOM = b"\xef\xbb\xbf"
TREE_SUFFIXES = (".yaml", ".yml")
PHRASINGS = "phrasings"  # the one subfolder read: searches as shoppers typed them


@dataclass(frozen=True)
class LoadedFile:
    path: str
    root: yaml.Node
    text: str  # for messages that point inside a value (marks index it)
    lines: tuple[str, ...]  # the text, for messages that quote what follows a value


def display_path(path: Path) -> str:
    """The path as an editor would type it: relative to the working folder when inside it."""
    try:
        return os.path.relpath(path)
    except ValueError:  # another drive on Windows
        return str(path)


def tree_files(folder: Path) -> list[Path]:
    """The folder's tree files: *.yaml and *.yml, but hidden ones; and those of its phrasings
    folder, which keeps the many searches shoppers typed apart from the pages."""
    return sorted(p for place in _places(folder) for p in place.iterdir()
                  if p.suffix in TREE_SUFFIXES and not p.name.startswith(".") and p.is_file())


def _places(folder: Path) -> list[Path]:
    """Where tree files are read: the folder, and its phrasings folder if it has one."""
    return [folder, *([folder / PHRASINGS] if (folder / PHRASINGS).is_dir() else [])]


def folder_files(folder: Path) -> tuple[list[Path], list[Problem]]:
    """The folder's YAML files, or the problem that there are none; a file that looks like a
    tree file but is not read is a problem too (or, if harmless, a notice), never silence."""
    if not folder.is_dir():
        return [], [Problem(Position(display_path(folder), 1, 1), "no such folder")]
    problems = [p for place in _places(folder) for path in sorted(place.iterdir())
                if (p := _not_read(path, inside=place != folder))]
    paths = tree_files(folder)
    if not paths:
        at = Position(display_path(folder), 1, 1)
        problems.append(Problem(at, "no .yaml files here; the decision tree is empty"))
    return paths, problems


def _not_read(path: Path, inside: bool) -> Problem | None:
    """Why a file that looks like part of the tree is not read, if it is not (`inside`: it is in
    the phrasings folder)."""
    suffix = path.suffix
    if path.is_dir() and suffix.lower() not in TREE_SUFFIXES:
        if (path.name == PHRASINGS and not inside) or not _holds_yaml(path):
            return None  # the phrasings folder, or a folder of other things
        return Notice(Position(display_path(path), 1, 1), "ignored: a folder; tree files are "
                      f"read from the tree's folder and its `{PHRASINGS}/` folder only", label="note")
    if suffix.lower() not in TREE_SUFFIXES or (suffix in TREE_SUFFIXES and path.name[0] != "."
                                                and path.is_file()):
        return None  # not a tree file, or one that is read
    at = Position(display_path(path), 1, 1)
    if path.name.startswith("._"):
        return Notice(at, "ignored: a file macOS writes beside each file it copies "
                          "(not part of the tree)", label="note")
    if path.name.startswith("."):
        return Notice(at, "ignored: a hidden file (its name starts with a dot)", label="note")
    if suffix not in TREE_SUFFIXES:
        return Problem(at, f"the extension `{suffix}` is not lower-case, so this file is not "
                           f"read; rename it to `{path.stem}{suffix.lower()}`")
    if path.is_symlink() and not path.exists():
        return Problem(at, f"this is a link to `{os.readlink(path)}`, which does not exist; "
                           "restore that file or remove the link")
    if not path.is_file():
        return Problem(at, f"this is a folder, not a file; tree files sit directly in the "
                           f"tree's folder (phrasings in its `{PHRASINGS}/` folder)")
    return None


def load_file(path: Path) -> tuple[LoadedFile | None, list[Problem]]:
    name = display_path(path)
    try:
        data = path.read_bytes()
    except OSError as error:
        return None, [Problem(Position(name, 1, 1), f"cannot read the file: {error.strerror}")]
    text, problem = decode(name, data)
    if problem:
        return None, [problem]
    if _is_blank(text):
        return None, [Problem(Position(name, 1, 1), "the file is empty; remove it or add `nodes:`")]
    pasted = pasted_problems(name, text)
    if pasted:  # YAML would misread the file around them: its own messages would mislead
        return None, [Problem(at, message) for at, message in pasted]
    try:
        root = compose_yaml(text)
    except NestedTooDeeply as error:
        mark = error.problem_mark
        return None, [Problem(Position(name, mark.line + 1, mark.column + 1),
                              f"{error.problem}; check for an unclosed `[` or `{{`, "
                              "or a line of repeated `- `")]
    except yaml.MarkedYAMLError as error:
        return None, [yaml_problem(name, text, error)]
    except yaml.reader.ReaderError as error:  # a character YAML forbids; PyYAML gives its index
        line, column = line_and_column(text, error.position)
        return None, [Problem(Position(name, line, column),
                              f"the invisible or special character U+{error.character:04X} "
                              "is not allowed in YAML; delete it")]
    except yaml.YAMLError as error:  # unmarked: rare reader errors
        return None, [Problem(Position(name, 1, 1), f"not valid YAML: {error}")]
    if root is None:
        return None, []
    return LoadedFile(name, root, text, tuple(text.splitlines())), []


# libyaml (PyYAML's C extension) parses a 10,000-node tree in a fraction of the time the Python
# parser takes; its error messages differ, so a file it refuses is parsed again by the Python
# parser, whose errors our messages translate (yaml_errors.py). Both feed the same composer.
_FAST_LOADER = getattr(yaml, "CSafeLoader", None)


def compose_yaml(text: str) -> yaml.Node | None:
    if _FAST_LOADER is not None:
        try:
            return compose(text, _FAST_LOADER)
        except (yaml.scanner.ScannerError, yaml.parser.ParserError, yaml.reader.ReaderError):
            pass  # libyaml's words: read again below, for the Python parser's
    return compose(text, yaml.SafeLoader)


def decode(name: str, data: bytes) -> tuple[str, Problem | None]:
    """The bytes of a file an editor saved, as text; or why they cannot be read as UTF-8 text,
    at the line and column where it goes wrong."""
    start = Position(name, 1, 1)
    if data.startswith(BOM):
        return "", Problem(start, "the file starts with a byte order mark (BOM); "
                                  "save it as UTF-8 without BOM")
    if b"\x00" in data:
        return "", Problem(start, "this is not a text file (it contains NUL bytes)")
    try:
        return data.decode("utf-8"), None
    except UnicodeDecodeError as error:
        # Count characters, not bytes: editors' columns do (everything before is valid UTF-8).
        before = data[: error.start].decode("utf-8")
        at = Position(name, *line_and_column(before, len(before)))
        if error.reason == "unexpected end of data":  # cut off: an interrupted save or copy
            return "", Problem(at, "the file ends in the middle of a character; "
                                   "it was not saved completely")
        return "", Problem(at,
                           f"byte 0x{data[error.start]:02x} is not UTF-8; save the file as UTF-8")


def _holds_yaml(folder: Path) -> bool:
    return any(p.suffix.lower() in TREE_SUFFIXES and not p.name.startswith(".")
               for p in folder.iterdir())


def _is_blank(text: str) -> bool:
    return all(not line.strip() or line.lstrip().startswith("#") for line in text.splitlines())
