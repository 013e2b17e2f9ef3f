"""Turn positioned YAML nodes into the model's frozen dataclasses, collecting every problem.

The dataclasses in `model.py` are the schema: a field's type says how its value is read.
A parser is a pure function returning `(data, problems)`; nothing here raises for bad input.
"""

from __future__ import annotations

import dataclasses
import difflib
import datetime
import re
import types
import typing
from typing import Any, Literal, Union

import yaml

from build_tools.tree.characters import describe, first_not_ascii, fix, not_allowed, visible
from build_tools.tree.load import LoadedFile
from build_tools.tree.model import (LANGUAGES, MAX_SLUG, SLUG, Keywords, Line, LineText, ParagraphText,
                                    Position, Ref, Slug, Text, TreeFile, field_types, kind_of,
                                    minimum_items, positioned, required_keys)
from build_tools.tree.problems import Problem, did_you_mean
from build_tools.tree.text_rules import Shape, normalize, shorten, text_problems
from build_tools.tree.where import Lines, offset_of_char, offset_of_text

# A URL is pasted into Markdown as `[title](url)`: these characters would end the link early
# and let the rest of the value be read as Markdown or HTML.
URL = re.compile(r"https://[^\s<>\"'`()\[\]{}\\]+")  # fullmatch
DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")  # fullmatch: the schema's "format": "date"
RESERVED_SLUGS = frozenset({"index"})  # guide/index.md would be served at /guide/
# YAML 1.2 reads these plain scalars as numbers although PyYAML (YAML 1.1) keeps them text;
# other editors' tools disagree, so we ask for quotes either way.
_YAML12_NUMBER = re.compile(
    r"^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?$|^0o[0-7]+$|^0x[0-9a-fA-F]+$"
    r"|^[-+]?\.(?:inf|Inf|INF)$|^\.(?:nan|NaN|NAN)$")
_TEXTS: dict[type, Shape] = {Text: "text", ParagraphText: "paragraph", LineText: "line"}
_TAG_NAMES = {"bool": "a true/false value", "int": "a number", "float": "a number",
              "null": "null (nothing)", "timestamp": "a date"}
INVALID: Any = object()  # a value that could not be read; its problem is already recorded


def parse_files(files: list[LoadedFile], today: datetime.date) -> tuple[list[TreeFile], list[Problem]]:
    """Read each file's root mapping as a TreeFile."""
    parsed, problems = [], []
    for loaded in files:
        reader = _Reader(loaded, today)
        value = reader.read(loaded.root, TreeFile, "the file")
        problems.extend(reader.problems)
        if value is not INVALID:
            parsed.append(value)
    return parsed, problems


def _noun(typ: Any) -> str | None:
    """How messages name one record of a type: 'answer', 'source', 'node'."""
    if typing.get_origin(typ) in (Union, types.UnionType):
        return "node"
    if dataclasses.is_dataclass(typ) and typ not in (*_TEXTS, Ref):  # "this ref" is jargon
        return typ.__name__.lower()
    return None


def _short(value: str) -> str:
    """A value quoted in a message: a whole pasted paragraph would bury the message, and an
    invisible character must show."""
    return visible(shorten(value, 40))


class _Reader:
    """Reads one file; collects problems instead of raising."""

    def __init__(self, loaded: LoadedFile, today: datetime.date) -> None:
        self.path = loaded.path
        self.text = loaded.text
        self.lines = loaded.lines
        self.has_bang = any("!" in line for line in loaded.lines)  # most files: no check below
        self.today = today
        self.problems: list[Problem] = []
        self._line_starts: Lines | None = None  # made on the first problem inside a value

    def source_from(self, node: yaml.Node) -> str:
        """The file's text from where the node starts to the end of that line."""
        mark = node.start_mark
        return self.lines[mark.line][mark.column:] if mark.line < len(self.lines) else ""

    def comment_hint(self, node: yaml.Node) -> str:
        """`zh: #话题` is an empty value and a comment to YAML; the editor meant text, so say why."""
        if self.source_from(node).lstrip().startswith("#"):
            return " (after a space, # starts a comment in YAML: put text with # in quotes)"
        return ""

    def dropped_tag(self, node: yaml.Node) -> bool:
        """`zh: ! 注意` is 注意 to YAML: a lone `!` before a value is a tag, and vanishes."""
        source = self.source_from(node)
        return source[:1] == "!" and source[1:2] in " \t"

    def at(self, node: yaml.Node) -> Position:
        return Position(self.path, node.start_mark.line + 1, node.start_mark.column + 1)

    def fail(self, node: yaml.Node, message: str) -> Any:
        self.problems.append(Problem(self.at(node), message))
        return INVALID

    def fail_at(self, offset: int, message: str) -> Any:
        """A problem at a place inside a value (its offset in the file's text)."""
        if self._line_starts is None:
            self._line_starts = Lines(self.text)
        self.problems.append(Problem(Position(self.path, *self._line_starts.position(offset)), message))
        return INVALID

    def char_offset(self, node: yaml.Node, value: str, index: int) -> int:
        """Where the character `value[index]` is written: typed, or as an escape."""
        char = value[index]
        return offset_of_char(self.text, node, char, value[:index].count(char))

    def odd_word(self, node: yaml.Node, value: str, what: str) -> Any:
        """A word that must be plain ASCII (a key, an id, a kind) with a character that is not,
        named at its place: U+200B inside a key, a Cyrillic а inside an id. None if it has none."""
        index = first_not_ascii(value)
        if index is None:
            return None
        char = value[index]
        return self.fail_at(self.char_offset(node, value, index),
                            f"{what} contains {describe(char)}: {fix(char)}")

    def read(self, node: yaml.Node, typ: Any, what: str) -> Any:
        """Read `node` as a value of type `typ`; `what` names it in messages."""
        origin = typing.get_origin(typ)
        if origin in (Union, types.UnionType):
            return self._read_union(node, typ, what)
        if origin is tuple:
            return self._read_list(node, typing.get_args(typ)[0], what)
        if origin is Literal:
            return self._read_choice(node, typing.get_args(typ), what)
        if typ in _TEXTS:
            return self._read_text(node, typ, what)
        if typ is Line:
            return self._read_prose(node, what, "line")
        if typ is Ref:
            ident = self._read_string(node, what)
            if ident is INVALID or self.odd_word(node, ident, f"{what} '{_short(ident)}'"):
                return INVALID
            return Ref(ident, self.at(node))
        if typ is Slug:
            return self._read_slug(node, what)
        if typ is datetime.date:
            return self._read_date(node, what)
        if typ is str:  # the model's only free string is a source's `url` (schema.py agrees)
            return self._read_url(node, what)
        if dataclasses.is_dataclass(typ):
            return self._read_record(node, typ, what)
        raise TypeError(f"the model uses a type parse does not know: {typ!r}")

    def _read_union(self, node: yaml.Node, typ: Any, what: str) -> Any:
        options = [t for t in typing.get_args(typ) if t is not type(None)]
        if len(options) == 1:  # Optional[X]: absence is handled by the record's defaults
            return self.read(node, options[0], what)
        return self._read_node(node, kind_of(tuple(options)), what)

    def _read_node(self, node: yaml.Node, kinds: dict[str, type], what: str) -> Any:
        if not isinstance(node, yaml.MappingNode):
            return self.fail(node, f"{what} must be a mapping with a `kind`")
        kind_node = next((v for k, v in node.value if k.value == "kind"), None)
        if kind_node is None:
            return self.fail(node, f"{what} has no `kind` ({', '.join(kinds)})")
        kind = self._read_choice(kind_node, tuple(kinds), "`kind`")
        return INVALID if kind is INVALID else self._read_record(node, kinds[kind], f"this {kind}")

    def _read_record(self, node: yaml.Node, cls: type, what: str) -> Any:
        if not isinstance(node, yaml.MappingNode):
            return self.fail(node, f"{what} must be a mapping of keys to values")
        types_ = field_types(cls)
        values: dict[str, Any] = {}
        seen: dict[str, yaml.Node] = {}
        ok = True
        for key_node, value_node in node.value:
            key = self._read_key(key_node, seen, list(types_), what)
            if key is INVALID:
                ok = False
                suggested = difflib.get_close_matches(str(key_node.value), list(types_), 1, 0.6)
                seen.update(dict.fromkeys(suggested, key_node))  # reported once, as a misspelling
                continue
            value = self._read_field(value_node, cls, key, types_[key])
            ok = ok and value is not INVALID
            values[key] = value
        for key in required_keys(cls):
            if key not in seen:
                self.fail(node, f"{what} is missing the required key `{key}`")
                ok = False
        if not ok:
            return INVALID
        return cls(**values, at=self.at(node)) if positioned(cls) else cls(**values)

    def _read_key(self, key_node: yaml.Node, seen: dict[str, yaml.Node], allowed: list[str],
                  what: str) -> Any:
        key = key_node.value if isinstance(key_node, yaml.ScalarNode) else None
        if not isinstance(key, str) or key_node.tag != "tag:yaml.org,2002:str":
            return self.fail(key_node, f"a key in {what} must be a plain word")
        if key in seen:
            line = seen[key].start_mark.line + 1
            return self.fail(key_node, f"duplicate key `{key}` (first written on line {line}); "
                                       "YAML would silently keep only the last one")
        seen[key] = key_node
        if key not in allowed:
            unknown = f"unknown key `{_short(key)}` in {what}"
            return (self.odd_word(key_node, key, unknown + ": it")
                    or self.fail(key_node, unknown + did_you_mean(key, allowed)))
        return key

    def _read_field(self, node: yaml.Node, cls: type, key: str, typ: Any) -> Any:
        # Under `search:` the keys are languages: "`zh`" alone would not tell an editor where.
        what = f"the '{key}' search phrases" if cls is Keywords else f"`{key}`"
        value = self.read(node, typ, what)
        minimum = minimum_items(cls, key)
        if isinstance(value, tuple) and len(value) < minimum:
            noun = "item" if minimum == 1 else "items"
            return self.fail(node, f"`{key}` needs at least {minimum} {noun}")
        return value

    def _read_list(self, node: yaml.Node, item_type: Any, what: str) -> Any:
        if not isinstance(node, yaml.SequenceNode):
            return self.fail(node, f"{what} must be a list (lines starting with `- `)")
        noun = _noun(item_type)
        item_what = f"this {noun}" if noun else f"an item of {what}"
        items = [self.read(item, item_type, item_what) for item in node.value]
        return INVALID if INVALID in items else tuple(items)

    def _read_choice(self, node: yaml.Node, choices: tuple[str, ...], what: str) -> Any:
        value = self._read_string(node, what)
        if value is INVALID or value in choices:
            return value
        if self.odd_word(node, value, f"{what} '{_short(value)}'"):
            return INVALID
        hint = did_you_mean(value, list(choices))
        return self.fail(node, f"{what} is '{_short(value)}'{hint}; it must be one of: {', '.join(choices)}")

    def _read_text(self, node: yaml.Node, typ: type, what: str) -> Any:
        if isinstance(node, yaml.ScalarNode) and node.tag == "tag:yaml.org,2002:str":
            return self.fail(node, f"{what} needs a text per language, e.g. `{{zh: …, en: …}}`")
        if not isinstance(node, yaml.MappingNode):
            return self.fail(node, f"{what} must be a mapping of languages ({', '.join(LANGUAGES)})")
        seen: dict[str, yaml.Node] = {}
        texts: dict[str, Any] = {}
        for key_node, value_node in node.value:
            lang = self._read_key(key_node, seen, list(LANGUAGES), f"the texts of {what}")
            if lang is not INVALID:
                texts[lang] = self._read_prose(value_node, f"the '{lang}' text of {what}", _TEXTS[typ])
        for lang in LANGUAGES:
            if lang not in seen:
                self.fail(node, f"{what} is missing its '{lang}' translation")
        complete = set(texts) == set(LANGUAGES) and INVALID not in texts.values()
        return typ(**texts) if complete else INVALID

    def _read_prose(self, node: yaml.Node, what: str, shape: Shape) -> Any:
        value = self._read_string(node, what)
        if value is INVALID:
            return value
        found = text_problems(value, shape)
        for problem in found:
            if problem.at is not None:  # a line of the text: point at it
                piece = value[problem.at:].split("\n", 1)[0][:40]
                self.fail_at(offset_of_text(self.text, node, piece), f"{what} {problem.message}")
            else:
                self.fail(node, f"{what} {problem.message}")
        return INVALID if found else normalize(value)

    def _read_slug(self, node: yaml.Node, what: str) -> Any:
        value = self._read_string(node, what)
        if value is INVALID or self.odd_word(node, value, f"{what} '{_short(value)}'"):
            return INVALID
        if not SLUG.fullmatch(value) or len(value) > MAX_SLUG:
            return self.fail(node, f"{what} '{_short(value)}' cannot be a URL: use lowercase ASCII "
                                   f"letters, digits and single hyphens (at most {MAX_SLUG})")
        if value in RESERVED_SLUGS:
            return self.fail(node, f"{what} '{value}' is a name the site uses itself; choose another")
        return value

    def _read_date(self, node: yaml.Node, what: str) -> Any:
        raw = node.value if isinstance(node, yaml.ScalarNode) else None
        try:
            if raw is None or not DATE.fullmatch(raw):  # fromisoformat also takes 20261101
                raise ValueError
            value = datetime.date.fromisoformat(raw)
        except ValueError:
            return self.fail(node, f"{what} is not a date; write it as YYYY-MM-DD")
        if value > self.today:
            return self.fail(node, f"{what} {value} is in the future (today is {self.today})")
        return value

    def _read_url(self, node: yaml.Node, what: str) -> Any:
        value = self._read_string(node, what)
        if value is INVALID or URL.fullmatch(value):
            return value
        return self.fail(node, f"{what} must be a web address starting with https:// and "
                               "without spaces, quotes, brackets or <>")

    def _read_string(self, node: yaml.Node, what: str) -> Any:
        if not isinstance(node, yaml.ScalarNode):
            return self.fail(node, f"{what} must be a single value, not a list or mapping")
        plain = not node.style  # None from the Python loader, "" from libyaml
        kind = node.tag.rsplit(":", 1)[-1]
        if self.has_bang and self.dropped_tag(node):
            quoted = f": \"! {node.value}\"" if node.value else ""
            return self.fail(node, f"{what} starts with a lone `!`, which YAML takes for a tag and "
                                   f"drops; put the whole text in quotes{quoted}")
        if plain and node.value == "":
            return self.fail(node, f"{what} is empty{self.comment_hint(node)}")
        if plain and kind in _TAG_NAMES:
            return self.fail(node, f"{what} `{node.value}` is read by YAML as {_TAG_NAMES[kind]}; "
                                   f"put it in quotes: \"{node.value}\"")
        if plain and _YAML12_NUMBER.fullmatch(node.value):
            return self.fail(node, f"{what} `{node.value}` is read as a number by some YAML tools; "
                                   f"put it in quotes: \"{node.value}\"")
        if kind != "str":
            return self.fail(node, f"{what} has the tag `{node.tag}`; remove the tag")
        if (index := not_allowed(node.value)) is not None:  # typed, or written as an escape
            char = node.value[index]
            return self.fail_at(self.char_offset(node, node.value, index),
                                f"{what} contains {describe(char)}, which no page can show; "
                                "delete it")
        return node.value
