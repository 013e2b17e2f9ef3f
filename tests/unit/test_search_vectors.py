"""Python reads the shared search vectors (tests/search/vectors.json) as written: the same file
the browser's script is checked against (tests/browser/test_search_engine.py), so the index and
the queries are cut, and understood, one way."""

from __future__ import annotations

import json

import pytest

from build_tools.render.search.index import read, terms
from tests.search.runner import VECTORS

CASES = json.loads(VECTORS.read_text(encoding="utf-8"))


@pytest.mark.parametrize("case", CASES["terms"], ids=lambda c: c["text"])
def test_text_is_cut_into_the_terms_written_down(case: dict) -> None:
    assert terms(case["text"], case["lang"]) == case["terms"]


@pytest.mark.parametrize("case", CASES["meaning"], ids=lambda c: c["text"])
def test_text_means_what_is_written_down(case: dict) -> None:
    assert read(case["text"], case["lang"]).as_json() == case["meaning"]
