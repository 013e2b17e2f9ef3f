"""Compose YAML events into positioned nodes without recursion, refusing what no tree needs.

PyYAML's composers (its Python one and libyaml's, in C) call themselves once per level of
nesting: 25,000 `- ` on a line overflow the C stack and kill the process with no message. This
composer keeps its own stack, so it stops at MAX_NESTING with a located message instead, at
any depth and whatever the nesting's form (block indentation, `- - -`, brackets). The events
come from libyaml when it is installed (its parser keeps its own stack too) and from PyYAML's
Python parser otherwise; both give the same events and marks.
"""

from __future__ import annotations

import functools
from collections.abc import Iterator

import yaml
from yaml.events import (AliasEvent, DocumentStartEvent, MappingEndEvent, MappingStartEvent,
                         ScalarEvent, SequenceEndEvent, SequenceStartEvent, StreamEndEvent)
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

MAX_NESTING = 200  # far deeper than any tree (the real one nests 7 deep)
MERGE_TAG = "tag:yaml.org,2002:merge"
_RESOLVER = yaml.resolver.Resolver()
_DEFAULT_TAG = {MappingStartEvent: yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG,
                SequenceStartEvent: yaml.resolver.BaseResolver.DEFAULT_SEQUENCE_TAG}
_NODE = {MappingStartEvent: MappingNode, SequenceStartEvent: SequenceNode}
_STR = yaml.resolver.BaseResolver.DEFAULT_SCALAR_TAG


class NestedTooDeeply(yaml.MarkedYAMLError):
    """Lists or mappings open more than MAX_NESTING deep at `problem_mark`."""


class _Open:
    """A collection being composed, and for a mapping the key waiting for its value."""

    __slots__ = ("node", "key")

    def __init__(self, node: Node) -> None:
        self.node = node
        self.key: Node | None = None


def compose(text: str, loader: type) -> Node | None:
    """The single document of `text` as nodes, read by `loader`'s parser (yaml.CSafeLoader or
    a Python loader); raises yaml.MarkedYAMLError for broken YAML, aliases, merge keys, a second
    document, and nesting deeper than MAX_NESTING."""
    root: Node | None = None
    stack: list[_Open] = []
    for event in _events(loader(text)):
        kind = type(event)
        if kind is ScalarEvent:
            node: Node = ScalarNode(_tag(event), event.value, event.start_mark,
                                    event.end_mark, style=event.style)
        elif kind is MappingStartEvent or kind is SequenceStartEvent:
            if len(stack) >= MAX_NESTING:
                raise NestedTooDeeply(None, None, "lists or mappings are nested too deeply here "
                                      f"(more than {MAX_NESTING} levels)", event.start_mark)
            tag = event.tag if event.tag not in (None, "!") else _DEFAULT_TAG[kind]
            stack.append(_Open(_NODE[kind](tag, [], event.start_mark, None,
                                           flow_style=event.flow_style)))
            continue
        elif kind is MappingEndEvent or kind is SequenceEndEvent:
            node = stack.pop().node
            node.end_mark = event.end_mark
        elif kind is AliasEvent:  # an alias can build loops no editor means
            raise yaml.composer.ComposerError(
                None, None, "aliases (*name) are not supported; write the value out",
                event.start_mark)
        elif kind is DocumentStartEvent and root is not None:
            raise yaml.composer.ComposerError("expected a single document in the stream",
                                              root.start_mark, "but found another document",
                                              event.start_mark)
        else:
            continue  # the stream's and the document's start and end
        if not stack:
            root = node
        else:
            _add(stack[-1], node)
    return root


def _events(parser: yaml.SafeLoader) -> Iterator[yaml.Event]:
    """The parser's events to the end of the stream (yaml.parse, without asking before each)."""
    try:
        event = parser.get_event()
        while event is not None:
            yield event
            if type(event) is StreamEndEvent:
                return
            event = parser.get_event()
    finally:
        parser.dispose()


def _tag(event: ScalarEvent) -> str:
    """The scalar's tag as PyYAML's composer resolves it; only a plain scalar can be other than
    text, and the same short ones (keys, ids, kinds) recur, so their tags are remembered."""
    if event.tag not in (None, "!"):
        return event.tag
    return _plain_tag(event.value) if event.implicit[0] else _STR


@functools.lru_cache(maxsize=4096)
def _plain_tag(value: str) -> str:
    return _RESOLVER.resolve(ScalarNode, value, (True, False))


def _add(parent: _Open, node: Node) -> None:
    if type(parent.node) is SequenceNode:
        parent.node.value.append(node)
    elif parent.key is None:
        if node.tag == MERGE_TAG:
            raise yaml.composer.ComposerError(
                None, None, "merge keys (`<<:`) are not supported; write the keys out",
                node.start_mark)
        parent.key = node
    else:
        parent.node.value.append((parent.key, node))
        parent.key = None

