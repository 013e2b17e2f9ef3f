"""An editor teaches the search a phrasing: before, the shopper's words find another page; after
one line in decision_tree/phrasings/ and a build, the search box puts the editor's page first,
and a reworded search with the same words finds it too."""

from __future__ import annotations

from pathlib import Path

from playwright.sync_api import Browser

from tests.conftest import built_and_served, copy_project
from tests.search.runner import SearchBox

WANTED = "guide/signed-not-received/"
SEARCHES = [("zh", "货被截胡了"), ("en", "parcel yoinked by a neighbour"),  # as the editor adds them
            ("zh", "我的货又被截胡了咋整"), ("en", "my parcel yoinked by a neighbour")]  # reworded
PHRASINGS = ("phrasings:\n"
             "  - {query: 货被截胡了, lang: zh, expect: signed-not-received}\n"
             "  - {query: parcel yoinked by a neighbour, lang: en, expect: signed-not-received}\n")


def _first_results(project: Path, browser: Browser) -> list[str]:
    """What the built site's search box puts first for each search."""
    with built_and_served(project) as url:
        page = browser.new_page(viewport={"width": 390, "height": 844})
        boxes = {lang: SearchBox(page, url, lang) for lang in ("zh", "en")}
        first = [(boxes[lang].open().search(query) or [""])[0] for lang, query in SEARCHES]
        page.close()
        return first


def test_a_phrasing_an_editor_adds_brings_its_page_first(tmp_path: Path, browser: Browser) -> None:
    project = copy_project(tmp_path / "project")
    assert WANTED not in _first_results(project, browser)
    (project / "decision_tree" / "phrasings" / "editor.yaml").write_text(PHRASINGS, encoding="utf-8")
    assert _first_results(project, browser) == [WANTED] * len(SEARCHES)
