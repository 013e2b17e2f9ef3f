"""An editor teaches the search a phrasing: before, the shopper's words find another page; after
one line in decision_tree/phrasings/ and a build, the search box puts the editor's page first,
and a reworded search with the same words finds it too."""

from __future__ import annotations

from pathlib import Path

from playwright.sync_api import Browser

from tests.conftest import SUB_PATH, copy_project, free_port, serve, site_build
from tests.search.runner import SearchBox

WANTED = "guide/signed-not-received/"
TAUGHT = {"zh": "东西让人整没了", "en": "someone nicked my parcel"}
REWORDED = {"zh": "我的快递让人整没了咋办", "en": "my parcel got nicked"}
PHRASINGS = ("phrasings:\n"
             "  - {query: 东西让人整没了, lang: zh, expect: signed-not-received}\n"
             "  - {query: someone nicked my parcel, lang: en, expect: signed-not-received}\n")


def _first_results(project: Path, browser: Browser, queries: dict[str, str]) -> dict[str, str]:
    """What the built site's search box puts first for each language's query."""
    port = free_port()
    url = f"http://127.0.0.1:{port}{SUB_PATH}"
    result = site_build(project, project / "site", url)
    assert result.returncode == 0, result.stderr
    server = serve(project / "site", port)
    try:
        page = browser.new_page(viewport={"width": 390, "height": 844})
        first = {lang: (SearchBox(page, url, lang).open().search(query) or [""])[0]
                 for lang, query in queries.items()}
        page.close()
        return first
    finally:
        server.shutdown()
        server.server_close()


def test_a_phrasing_an_editor_adds_brings_its_page_first(tmp_path: Path, browser: Browser) -> None:
    project = copy_project(tmp_path / "project")
    before = _first_results(project, browser, TAUGHT)
    assert WANTED not in before.values()
    (project / "decision_tree" / "phrasings" / "editor.yaml").write_text(PHRASINGS, encoding="utf-8")
    assert _first_results(project, browser, TAUGHT) == {"zh": WANTED, "en": WANTED}
    assert _first_results(project, browser, REWORDED) == {"zh": WANTED, "en": WANTED}
