"""Every text of the tree and of the page chrome exists in every language, and is translated."""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterator

from build_tools.tree.model import LANGUAGES, Text, Tree
from build_tools.settings import TREE_DIR
from build_tools.render.strings import STRINGS
from build_tools.tree.read import load_tree
from tests.conftest import TODAY

HAN = re.compile(r"[\u3400-\u9fff]")
LATIN_WORD = re.compile(r"[A-Za-z]{2,}")


def texts(value: object) -> Iterator[Text]:
    """Every Text inside a record, however deep."""
    if isinstance(value, Text):
        yield value
    elif dataclasses.is_dataclass(value):
        for field in dataclasses.fields(value):
            yield from texts(getattr(value, field.name))
    elif isinstance(value, tuple):
        for item in value:
            yield from texts(item)


def untranslated(tree: Tree) -> list[str]:
    """English texts that are still Chinese: no English word, or more Chinese than English.
    (English keeps app labels in Chinese with a gloss, so some Chinese is expected.)"""
    found = []
    for record in [*tree.nodes.values(), *tree.sources.values()]:
        for text in texts(record):
            han = len(HAN.findall(text.en))
            if not LATIN_WORD.search(text.en) or han > len(text.en) / 2:
                found.append(f"{record.id}: {text.en!r}")
    return found


def test_no_english_text_is_left_in_chinese() -> None:
    assert untranslated(load_tree(TREE_DIR, today=TODAY)) == []


def test_the_page_chrome_exists_in_every_language() -> None:
    missing = [key for key, values in STRINGS.items() if set(values) != set(LANGUAGES)
               or not all(v.strip() for v in values.values())]
    assert missing == []
