"""Golden files: the Markdown generated from tests/golden/tree, checked in as expected output.

A template change shows up as a diff of these files. When the change is intended, refresh them:

    UPDATE_GOLDEN=1 python3 build_tools/dev.py test tests/test_golden.py
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from build_tools.derive.derive import derive
from build_tools.tree.model import LANGUAGES
from build_tools.publish.site import generate
from build_tools.tree.read import load_tree
from tests.conftest import TODAY

GOLDEN = Path(__file__).parent / "golden"
SITE_URL = "https://example.org/help/"


def generated() -> dict[str, str]:
    derived = derive(load_tree(GOLDEN / "tree", today=TODAY))
    return {f"{lang}/{path}": content for lang in LANGUAGES
            for path, content in generate(derived, lang, SITE_URL).files.items()}


def test_generated_pages_match_the_golden_files() -> None:
    files = generated()
    expected_dir = GOLDEN / "expected"
    if os.environ.get("UPDATE_GOLDEN"):
        for path, content in files.items():
            target = expected_dir / path
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(content, encoding="utf-8")
        for stale in expected_dir.rglob("*.*"):
            if stale.relative_to(expected_dir).as_posix() not in files:
                stale.unlink()
    expected = {p.relative_to(expected_dir).as_posix(): p.read_text(encoding="utf-8")
                for p in expected_dir.rglob("*.*")}
    assert sorted(files) == sorted(expected), "pages were added or removed"
    for path, content in files.items():
        assert content == expected[path], f"{path} differs from its golden file"


def test_generation_is_deterministic() -> None:
    assert generated() == generated()


@pytest.mark.parametrize("lang", LANGUAGES)
def test_golden_pages_are_in_their_language(lang: str) -> None:
    home = (GOLDEN / "expected" / lang / "index.md").read_text(encoding="utf-8")
    assert ("订单是什么状态" in home) == (lang == "zh")
