"""The character tables search needs: how the common characters sound (toneless pinyin), and
their traditional forms. They change only with the libraries that make them, so they are made
once (`python -m build_tools tables`, with pypinyin and OpenCC from requirements-dev.txt) and
checked in as tables.json; a build reads the file instead of loading both libraries.
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path

TABLES = Path(__file__).with_name("tables.json")


@cache
def tables() -> dict[str, dict[str, str]]:
    """{"sounds": pinyin -> characters, "folding": traditional -> simplified}."""
    return json.loads(TABLES.read_text(encoding="utf-8"))


def common_characters() -> list[str]:
    """GB2312 level 1: the 3,755 most common characters, where a typo's characters come from."""
    found = []
    for high in range(0xB0, 0xD8):
        for low in range(0xA1, 0xFF):
            try:
                found.append(bytes([high, low]).decode("gb2312"))
            except UnicodeDecodeError:
                continue
    return found


def make_tables() -> str:
    """The file's text, made with pypinyin and OpenCC (only needed here)."""
    import opencc
    from pypinyin import lazy_pinyin

    characters = common_characters()
    sounds: dict[str, str] = {}
    for char in characters:
        key = lazy_pinyin(char)[0]  # out of context: the script hears one character at a time
        sounds[key] = sounds.get(key, "") + char
    folding: dict[str, str] = {}
    for config in ("s2t", "s2tw", "s2hk"):  # Taiwan and Hong Kong forms too
        converter = opencc.OpenCC(config)
        for char in characters:
            variant = converter.convert(char)
            if len(variant) == 1 and variant != char and variant not in characters:
                folding.setdefault(variant, char)
    data = {"sounds": dict(sorted(sounds.items())), "folding": dict(sorted(folding.items()))}
    return json.dumps(data, ensure_ascii=False, indent=0, sort_keys=False) + "\n"
