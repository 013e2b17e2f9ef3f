"""The decision tree as frozen dataclasses: the one schema that parse and the JSON Schema read.

Field names are the YAML keys. A field's type says how its YAML value is read
(`parse.py`), and its `doc` metadata becomes the editor's hover text in the JSON
Schema (`schema.py`). Fields without a default are required.
"""

from __future__ import annotations

import dataclasses
import datetime
import re
import typing
from dataclasses import dataclass, field, fields
from functools import cache
from typing import Any, Literal, NewType, Union

# A node or source id: lowercase ASCII words joined by hyphens. It is the URL slug.
Slug = NewType("Slug", str)
# A short single-line text (titles, labels, questions): its length is checked.
Line = NewType("Line", str)


def doc(text: str, **extra: object) -> dict[str, object]:
    """Field metadata: the description shown to editors."""
    return {"doc": text, **extra}


@dataclass(frozen=True, order=True)
class Position:
    """Where a value stands in the YAML source (1-based line and column)."""

    file: str
    line: int
    column: int

    def __str__(self) -> str:
        return f"{self.file}:{self.line}:{self.column}"


NOWHERE = Position("<generated>", 0, 0)


@dataclass(frozen=True)
class Text:
    """One text in every language of the site. Adding a language is adding a field."""

    zh: str = field(metadata=doc("简体中文"))
    en: str = field(metadata=doc("English"))

    def __getitem__(self, lang: str) -> str:
        return getattr(self, lang)


LANGUAGES: tuple[str, ...] = tuple(f.name for f in fields(Text))
DEFAULT_LANGUAGE = LANGUAGES[0]


@dataclass(frozen=True)
class LineText(Text):
    """A Text that must fit on one line (a title, label or question)."""


@dataclass(frozen=True)
class ParagraphText(Text):
    """A Text of one paragraph, shown inside a line of its page (a hint inside its answer's
    link, a step inside its numbered list): a line break there would end the link or list."""


@dataclass(frozen=True)
class Keywords:
    """Words shoppers type that should find this page, per language (not shown on the page)."""

    zh: tuple[Line, ...] = field(default=(), metadata=doc("搜索词，例如 怎么删除抖音订单"))
    en: tuple[Line, ...] = field(default=(), metadata=doc("Search phrasings in English"))

    def __getitem__(self, lang: str) -> tuple[str, ...]:
        return getattr(self, lang)


@dataclass(frozen=True)
class Ref:
    """A reference to an id, with where it was written (for messages)."""

    id: str
    at: Position = field(default=NOWHERE, compare=False)


@dataclass(frozen=True)
class Answer:
    label: LineText = field(metadata=doc("The choice as the reader sees it"))
    next: Ref = field(metadata=doc("Id of the question or outcome this answer leads to"))
    hint: ParagraphText | None = field(default=None, metadata=doc("A short explanation under the label"))
    at: Position = field(default=NOWHERE, compare=False)


@dataclass(frozen=True)
class Question:
    """A page that asks one thing; each answer is a plain link to the next node."""

    kind: Literal["question"]
    id: Slug = field(metadata=doc("URL slug: lowercase letters, digits and hyphens"))
    title: LineText = field(metadata=doc("Page title"))
    question: LineText = field(metadata=doc("The question asked on the page"))
    answers: tuple[Answer, ...] = field(metadata=doc("At least two answers", min_items=2))
    intro: Text | None = field(default=None, metadata=doc("Text above the question"))
    tips: tuple[Ref, ...] = field(default=(), metadata=doc("Ids of tips shown on the page"))
    # A question whose intro states a rule (the seven days, who may refund) shows where the rule
    # comes from, as an outcome does; validate asks for `reviewed` wherever `sources` is given.
    sources: tuple[Ref, ...] = field(default=(), metadata=doc(
        "Ids of the sources behind a rule the intro states (then `reviewed` is needed too)"))
    reviewed: datetime.date | None = field(default=None, metadata=doc(
        "When the intro's rule was last checked (YYYY-MM-DD); needed with `sources`"))
    search: Keywords = field(default_factory=Keywords, metadata=doc("Search phrasings"))
    at: Position = field(default=NOWHERE, compare=False)


@dataclass(frozen=True)
class Outcome:
    """A page that tells the reader what to do."""

    kind: Literal["outcome"]
    id: Slug = field(metadata=doc("URL slug: lowercase letters, digits and hyphens"))
    title: LineText = field(metadata=doc("Page title"))
    summary: Text = field(metadata=doc("The answer in one or two sentences"))
    steps: tuple[ParagraphText, ...] = field(metadata=doc("What to tap in the app, in order"))
    reply: Text = field(metadata=doc("Two or three polite sentences an agent can send as they are"))
    sources: tuple[Ref, ...] = field(metadata=doc("Ids of the sources that support this page"))
    reviewed: datetime.date = field(metadata=doc("When the content was last checked (YYYY-MM-DD)"))
    evidence: tuple[ParagraphText, ...] = field(default=(), metadata=doc("What to keep as evidence"))
    escalation: tuple[ParagraphText, ...] = field(default=(), metadata=doc("Where to go next, in order"))
    notes: tuple[ParagraphText, ...] = field(default=(), metadata=doc("Short tips shown on this page"))
    tips: tuple[Ref, ...] = field(default=(), metadata=doc("Ids of tip pages to link"))
    search: Keywords = field(default_factory=Keywords, metadata=doc("Search phrasings"))
    at: Position = field(default=NOWHERE, compare=False)


@dataclass(frozen=True)
class Tip:
    """General advice linked from questions and outcomes, also listed on the tips page."""

    kind: Literal["tip"]
    id: Slug = field(metadata=doc("URL slug: lowercase letters, digits and hyphens"))
    title: LineText = field(metadata=doc("Page title"))
    summary: Text = field(metadata=doc("The advice in one or two sentences"))
    points: tuple[ParagraphText, ...] = field(metadata=doc("The advice, point by point"))
    sources: tuple[Ref, ...] = field(metadata=doc("Ids of the sources that support this page"))
    reviewed: datetime.date = field(metadata=doc("When the content was last checked (YYYY-MM-DD)"))
    search: Keywords = field(default_factory=Keywords, metadata=doc("Search phrasings"))
    at: Position = field(default=NOWHERE, compare=False)


Node = Union[Question, Outcome, Tip]


@dataclass(frozen=True)
class Source:
    id: Slug = field(metadata=doc("Id used by `sources:` lists"))
    title: LineText = field(metadata=doc("What the source is"))
    quality: Literal["law", "official", "api", "secondary"] = field(
        metadata=doc("law: statute; official: platform or payment provider; "
                     "api: Douyin seller API docs; secondary: news or third-party pages"))
    url: str | None = field(default=None, metadata=doc("Where to read it (https only)"))
    at: Position = field(default=NOWHERE, compare=False)


@dataclass(frozen=True)
class Redirect:
    """An old URL slug that must keep working: it forwards to a live node."""

    old: Slug = field(metadata=doc("The id that is no longer a node"))
    to: Ref = field(metadata=doc("The node that replaces it"))
    at: Position = field(default=NOWHERE, compare=False)


@dataclass(frozen=True)
class Phrasing:
    """A search as a shopper typed it, and the page that answers it: search learns from these
    (build_tools/render/search/learned.py). Add one when a search finds the wrong page."""

    query: Line = field(metadata=doc("What the shopper typed, as they typed it"))
    lang: Literal[LANGUAGES] = field(metadata=doc("The language of the query: zh or en"))
    expect: Ref = field(metadata=doc("Id of the page that answers it best"))
    also: tuple[Ref, ...] = field(default=(), metadata=doc("Ids of pages that answer it as well"))
    at: Position = field(default=NOWHERE, compare=False)


@dataclass(frozen=True)
class TreeFile:
    """What one YAML file in decision_tree/ may hold; all files are merged."""

    start: Ref | None = field(default=None, metadata=doc("Id of the first question (home page)"))
    nodes: tuple[Node, ...] = field(default=(), metadata=doc("Questions, outcomes and tips"))
    sources: tuple[Source, ...] = field(default=(), metadata=doc("Sources the pages cite"))
    redirects: tuple[Redirect, ...] = field(default=(), metadata=doc("Old ids kept as redirects"))
    phrasings: tuple[Phrasing, ...] = field(default=(), metadata=doc(
        "Searches as shoppers typed them, each with the page that answers it"))
    at: Position = field(default=NOWHERE, compare=False)


@dataclass(frozen=True)
class Tree:
    """The whole, merged decision tree. Built by `load_tree`; checked by `validate`."""

    start: Ref
    nodes: dict[str, Node]
    sources: dict[str, Source]
    redirects: tuple[Redirect, ...]
    phrasings: tuple[Phrasing, ...] = ()

    def questions(self) -> list[Question]:
        return [n for n in self.nodes.values() if isinstance(n, Question)]

    def outcomes(self) -> list[Outcome]:
        return [n for n in self.nodes.values() if isinstance(n, Outcome)]

    def tips(self) -> list[Tip]:
        return [n for n in self.nodes.values() if isinstance(n, Tip)]


# The model read as a schema: parse.py reads YAML by these types, schema.py writes the JSON
# Schema from them, validate.py names node kinds by them.
# Anchored for the JSON Schema, whose patterns match anywhere; Python must use fullmatch, as its
# `$` also matches before a final line break ("old-page\n" would pass and make a folder).
SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
MAX_SLUG = 60


@cache
def field_types(cls: type) -> dict[str, Any]:
    """The resolved type of each YAML key of a dataclass (its `at` position is not a key)."""
    hints = typing.get_type_hints(cls, globals())
    return {f.name: hints[f.name] for f in dataclasses.fields(cls) if f.name != "at"}


@cache
def required_keys(cls: type) -> tuple[str, ...]:
    return tuple(f.name for f in dataclasses.fields(cls) if f.name != "at"
                 and f.default is dataclasses.MISSING and f.default_factory is dataclasses.MISSING)


@cache
def minimum_items(cls: type, key: str) -> int:
    """How many items a list field needs: its `min_items`, else one if the key is required."""
    metadata = next(f.metadata for f in dataclasses.fields(cls) if f.name == key)
    return metadata.get("min_items", 1 if key in required_keys(cls) else 0)


@cache
def positioned(cls: type) -> bool:
    return any(f.name == "at" for f in dataclasses.fields(cls))


def node_kind(cls: type) -> str:
    return typing.get_args(field_types(cls)["kind"])[0]


def kind_of(kinds: tuple[type, ...]) -> dict[str, type]:
    return {node_kind(cls): cls for cls in kinds}
