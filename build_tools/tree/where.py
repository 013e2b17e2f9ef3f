"""Where in the file a piece of a value is written, so that a message about one character or
one line of a text points at it, not at the start of the value."""

from __future__ import annotations

import bisect
import re

import yaml

# The line breaks PyYAML counts, so that our own positions agree with the ones it reports.
LINE_BREAK = re.compile("\r\n|[\r\n\x85\u2028\u2029]")
# The escapes of a double-quoted YAML scalar, each with the text it stands for.
_ESCAPE = re.compile(r"\\(x[0-9A-Fa-f]{2}|u[0-9A-Fa-f]{4}|U[0-9A-Fa-f]{8}|.)", re.DOTALL)
_NAMED = {"0": "\0", "a": "\a", "b": "\b", "t": "\t", "\t": "\t", "n": "\n", "v": "\v",
          "f": "\f", "r": "\r", "e": "\x1b", " ": " ", '"': '"', "/": "/", "\\": "\\",
          "N": "\x85", "_": "\xa0", "L": "\u2028", "P": "\u2029"}


def line_and_column(text: str, offset: int) -> tuple[int, int]:
    """The 1-based line and column of `text[offset]`, counting line breaks as PyYAML does."""
    return Lines(text).position(offset)


class Lines:
    """Where each line of a text starts, to turn many offsets into lines and columns at the
    cost of one pass."""

    def __init__(self, text: str, breaks: re.Pattern[str] = LINE_BREAK) -> None:
        self.starts = [0, *(match.end() for match in breaks.finditer(text))]

    def position(self, offset: int) -> tuple[int, int]:
        """The 1-based line and column of the character at `offset`."""
        line = bisect.bisect_right(self.starts, offset) - 1
        return line + 1, offset - self.starts[line] + 1


def offset_of_char(text: str, node: yaml.ScalarNode, char: str, nth: int) -> int:
    """Where the `nth` (0-based) `char` of the node's value is written: typed as it is, or as an
    escape in a double-quoted value. The node's start when it cannot be found."""
    start, end = node.start_mark.index, node.end_mark.index
    source = text[start:end]
    escapes = node.style == '"'
    found = [i for i, written in _written(source, escapes) if written == char]
    return start + found[min(nth, len(found) - 1)] if found else start


def offset_of_text(text: str, node: yaml.Node, piece: str) -> int:
    """Where `piece`, a run of a value's text, is written inside the node; its start if not."""
    start, end = node.start_mark.index, node.end_mark.index
    found = text.find(piece.strip(), start, end) if piece.strip() else -1
    return found if found >= 0 else start


def _written(source: str, escapes: bool) -> list[tuple[int, str]]:
    """Each character of a scalar's source with what it stands for: escapes decoded."""
    if not escapes:
        return list(enumerate(source))
    pairs, i = [], 0
    while i < len(source):
        match = _ESCAPE.match(source, i) if source[i] == "\\" else None
        if match is None:
            pairs.append((i, source[i]))
            i += 1
            continue
        body = match.group(1)
        pairs.append((i, _NAMED.get(body, "") if len(body) == 1 else _decoded(body[1:])))
        i = match.end()
    return pairs


def _decoded(hex_digits: str) -> str:
    number = int(hex_digits, 16)
    return chr(number) if number <= 0x10FFFF else ""
