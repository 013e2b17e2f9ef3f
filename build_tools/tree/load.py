"""Read decision_tree/*.yaml into YAML nodes that keep each value's file, line and column."""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from pathlib import Path

import yaml

from build_tools.tree.model import Position
from build_tools.tree.problems import Problem

BOM = b"\xef\xbb\xbf"
# The line breaks PyYAML counts, so that our own positions agree with the ones it reports.
_LINE_BREAK = re.compile("\r\n|[\r\n\x85\u2028\u2029]")


@dataclass(frozen=True)
class LoadedFile:
    path: str
    root: yaml.Node
    lines: tuple[str, ...]  # the text, for messages that quote what follows a value


class _PositionedLoader(yaml.SafeLoader):
    """SafeLoader's composer, refusing aliases: they can build loops no editor means."""

    def compose_node(self, parent: yaml.Node | None, index: object) -> yaml.Node:
        if self.check_event(yaml.AliasEvent):
            mark = self.peek_event().start_mark
            raise yaml.composer.ComposerError(
                None, None, "aliases (*name) are not supported; write the value out", mark)
        return super().compose_node(parent, index)


def display_path(path: Path) -> str:
    """The path as an editor would type it: relative to the working folder when inside it."""
    try:
        return os.path.relpath(path)
    except ValueError:  # another drive on Windows
        return str(path)


def tree_files(folder: Path) -> list[Path]:
    return sorted(p for p in folder.iterdir() if p.suffix in (".yaml", ".yml") and p.is_file())


def folder_files(folder: Path) -> tuple[list[Path], list[Problem]]:
    """The folder's YAML files, or the problem that there are none."""
    if not folder.is_dir():
        return [], [Problem(Position(display_path(folder), 1, 1), "no such folder")]
    paths = tree_files(folder)
    if not paths:
        at = Position(display_path(folder), 1, 1)
        return [], [Problem(at, "no .yaml files here; the decision tree is empty")]
    return paths, []


def load_file(path: Path) -> tuple[LoadedFile | None, Problem | None]:
    name = display_path(path)
    try:
        data = path.read_bytes()
    except OSError as error:
        return None, Problem(Position(name, 1, 1), f"cannot read the file: {error.strerror}")
    text, problem = _decode(name, data)
    if problem:
        return None, problem
    try:
        root = compose(text)
        return (LoadedFile(name, root, tuple(text.splitlines())) if root is not None else None), None
    except yaml.MarkedYAMLError as error:
        return None, _yaml_problem(name, error)
    except yaml.reader.ReaderError as error:  # a character YAML forbids; PyYAML gives its index
        at = _position_after(name, text[: error.position])
        return None, Problem(at, f"the invisible or special character U+{error.character:04X} "
                                 "is not allowed in YAML; delete it")
    except RecursionError:  # PyYAML composes nested values recursively
        return None, Problem(Position(name, 1, 1), "lists or mappings are nested too deeply; "
                                                   "check for unclosed `[` or `{`")
    except yaml.YAMLError as error:  # unmarked: rare reader errors
        return None, Problem(Position(name, 1, 1), f"not valid YAML: {error}")


# libyaml (PyYAML's C extension) reads a 10,000-node tree in seconds where the Python reader
# takes a minute. It has no hook to refuse aliases, and its error messages differ, so it only
# reads files it can read safely; anything else is read by the Python loader, whose errors our
# messages translate.
_FAST_LOADER = getattr(yaml, "CSafeLoader", None)
MAX_NESTING = 200  # far deeper than any tree; C recursion is not worth the risk beyond


# An alias is `*name` after a space or a flow indicator; Markdown's `**bold**` is not.
_MAYBE_ALIAS = re.compile(r"(?:^|[\s\[{,])\*[^\s*]", re.MULTILINE)
_BRACKET = re.compile(r"[\[\]{}]")


def compose(text: str) -> yaml.Node:
    if _FAST_LOADER is not None and (_clearly_safe(text) or _plainly_safe(text)):
        try:
            return yaml.compose(text, Loader=_FAST_LOADER)
        except yaml.YAMLError:
            pass  # the Python loader reads it again, for its message
    return yaml.compose(text, Loader=_PositionedLoader)


def _clearly_safe(text: str) -> bool:
    """No alias and shallow brackets, seen from the raw text (may say no to a safe file)."""
    if _MAYBE_ALIAS.search(text):
        return False
    depth = deepest = 0
    for match in _BRACKET.finditer(text):
        depth += 1 if match.group() in "[{" else -1
        deepest = max(deepest, depth)
    return deepest <= MAX_NESTING


def _plainly_safe(text: str) -> bool:
    """No alias, not deeply nested, by libyaml's own reading: libyaml may compose it."""
    depth = 0
    try:
        for event in yaml.parse(text, Loader=_FAST_LOADER):
            if isinstance(event, yaml.AliasEvent):
                return False
            if isinstance(event, (yaml.MappingStartEvent, yaml.SequenceStartEvent)):
                depth += 1
                if depth > MAX_NESTING:
                    return False
            elif isinstance(event, (yaml.MappingEndEvent, yaml.SequenceEndEvent)):
                depth -= 1
    except yaml.YAMLError:
        return False
    return True


def _decode(name: str, data: bytes) -> tuple[str, Problem | None]:
    start = Position(name, 1, 1)
    if data.startswith(BOM):
        return "", Problem(start, "the file starts with a byte order mark (BOM); "
                                  "save it as UTF-8 without BOM")
    if b"\x00" in data:
        return "", Problem(start, "this is not a text file (it contains NUL bytes)")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        # Count characters, not bytes: editors' columns do (everything before is valid UTF-8).
        at = _position_after(name, data[: error.start].decode("utf-8"))
        if error.reason == "unexpected end of data":  # cut off: an interrupted save or copy
            return "", Problem(at, "the file ends in the middle of a character; "
                                   "it was not saved completely")
        return "", Problem(at,
                           f"byte 0x{data[error.start]:02x} is not UTF-8; save the file as UTF-8")
    if _is_blank(text):
        return "", Problem(start, "the file is empty; remove it or add `nodes:`")
    return text, None


def _position_after(name: str, before: str) -> Position:
    """The 1-based line and column just after `before`, counting line breaks as PyYAML does."""
    lines = _LINE_BREAK.split(before)
    return Position(name, len(lines), len(lines[-1]) + 1)


def _is_blank(text: str) -> bool:
    return all(not line.strip() or line.lstrip().startswith("#") for line in text.splitlines())


# PyYAML's words for common mistakes, and what an editor should read instead. The first
# pattern found in PyYAML's problem or context wins, so the more specific ones come first.
_QUOTE_IT = "put the whole text in quotes"
_PLAIN_WORDS = (
    ("unknown escape character", "a backslash `\\` inside \"…\" starts an escape: write `\\\\`, "
                                 "or use single quotes '…'"),
    ("'\\t'", "a tab is used for indentation; YAML needs spaces"),
    ("quoted scalar", "this quote is never closed"),
    ("expected a single document", "only one YAML document per file (remove the `---` line)"),
    ("mapping values are not allowed", "unexpected `:` here: check this line's indentation, "
                                       "or put text that contains `: ` in quotes"),
    ("found '<scalar>'", "text goes on after a closing quote or bracket: " + _QUOTE_IT
                         + " (to write ' inside '…', type it twice: '')"),
    ("expected <block end>", "this line's indentation does not match the lines above it"),
    ("could not find expected ':'", "a key here is missing its `:` (or a quote is not closed)"),
    ("flow mapping", "this `{…}` is not closed properly: text in it that contains "
                     "`,` `:` `?` `#` or `{}` needs quotes"),
    ("flow sequence", "this `[…]` is not closed properly: text in it that contains "
                      "`,` `:` `?` `#` or `[]` needs quotes"),
    ("cannot start any token", "YAML reserves @, ` and % at the start of a text: " + _QUOTE_IT),
    ("scanning an alias", "YAML reads * and & at the start of a text as references: " + _QUOTE_IT),
    ("scanning an anchor", "YAML reads * and & at the start of a text as references: " + _QUOTE_IT),
    ("sequence entries are not allowed", "a list item `- ` must start its own line; "
                                         "for text that starts with `- `, " + _QUOTE_IT),
    ("mapping keys are not allowed", "YAML reads `?` at the start of a text as a key: " + _QUOTE_IT),
    ("block scalar", "after `|` or `>` the text starts on the next line, indented; "
                     "or " + _QUOTE_IT + " instead"),
    ("expected the node content", "a value is missing here, or it starts with a character YAML "
                                  "reserves: " + _QUOTE_IT),
    ("duplicate anchor", "`&name` is used twice; the tree needs no anchors: remove them"),
)


def _yaml_problem(name: str, error: yaml.MarkedYAMLError) -> Problem:
    """Turn PyYAML's error into one sentence at the place the editor must look."""
    mark = error.problem_mark or error.context_mark
    problem = error.problem or "not valid YAML"
    context = error.context or ""
    for pattern, plain in _PLAIN_WORDS:
        if pattern in problem or pattern in context:
            problem = plain
            break
    else:
        problem = f"{problem} ({context})" if context else problem
    if "quoted scalar" in context and error.context_mark is not None:
        mark = error.context_mark  # where the quote opened, not the end of the file
    at = Position(name, mark.line + 1, mark.column + 1) if mark else Position(name, 1, 1)
    return Problem(at, problem)
