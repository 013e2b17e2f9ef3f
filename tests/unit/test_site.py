"""Each language's pages: a large tree's are made in worker processes, and are the same pages."""

from __future__ import annotations

import pytest

from build_tools.derive import Derived, derive
from build_tools.model import LANGUAGES
from build_tools.settings import TREE_DIR
from build_tools.site import GeneratedSite, generate, generate_all, start_all
from build_tools.tree import load_tree

URL = "https://example.org/help/"


@pytest.fixture(scope="module")
def derived() -> Derived:
    return derive(load_tree(TREE_DIR))


@pytest.fixture(scope="module")
def one_by_one(derived: Derived) -> dict[str, GeneratedSite]:
    return {lang: generate(derived, lang, URL) for lang in LANGUAGES}


@pytest.fixture
def large(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("build_tools.site.PARALLEL_FROM", 0)  # the real tree counts as large
    monkeypatch.setattr("build_tools.site.cores", lambda: 2)  # on a one-core machine too


def test_languages_made_side_by_side_are_the_ones_made_one_by_one(
        derived: Derived, one_by_one: dict[str, GeneratedSite], large: None) -> None:
    assert generate_all(derived, LANGUAGES, URL) == one_by_one


def test_languages_started_in_workers_are_the_ones_made_one_by_one(
        derived: Derived, one_by_one: dict[str, GeneratedSite], large: None) -> None:
    started = start_all(derived, LANGUAGES, URL)
    assert list(started) == list(LANGUAGES)
    assert len(started[LANGUAGES[0]].parts) == 3  # its search index made here, the rest there
    assert {lang: site.result() for lang, site in started.items()} == one_by_one
