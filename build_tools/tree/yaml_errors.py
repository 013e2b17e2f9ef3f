"""PyYAML's errors in our words, at the place the editor must look."""

from __future__ import annotations

import yaml

from build_tools.tree.model import Position
from build_tools.tree.problems import Problem

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
    ("incompatible YAML document", "this file declares a YAML version the checker does not read; "
                                   "remove the `%YAML` line (the tree is plain YAML 1.1)"),
)


def yaml_problem(name: str, text: str, error: yaml.MarkedYAMLError) -> Problem:
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
    elif mark is not None and (opened := _quote_closed_on(text, mark.line)) is not None:
        mark, problem = opened, ("this quote is not closed on its line: YAML reads on to the "
                                 f"next one, on line {mark.line + 1}; close it where the text ends")
    at = Position(name, mark.line + 1, mark.column + 1) if mark else Position(name, 1, 1)
    return Problem(at, problem)


def _quote_closed_on(text: str, line: int) -> yaml.Mark | None:
    """Where a quoted text that ends on `line` opened, if on an earlier line: an unclosed quote
    runs on to the next quote character, and YAML's error is only where it then stumbles."""
    opened = None
    try:
        for token in yaml.scan(text, Loader=yaml.SafeLoader):
            if token.start_mark.line > line:
                break
            if (isinstance(token, yaml.ScalarToken) and token.style in ("'", '"')
                    and token.end_mark.line == line and token.start_mark.line < line):
                opened = token.start_mark
    except yaml.YAMLError:
        pass  # the scanner stops where the error is: the tokens before it are all we need
    return opened
