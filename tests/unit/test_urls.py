"""URLs are derived from ids, the same in every build, and the promised list matches the pages."""

from __future__ import annotations

import pytest

from build_tools.derive.derive import derive
from build_tools.tree.model import LANGUAGES
from build_tools.derive.paths import language_prefix, url_of
from build_tools.settings import TREE_DIR
from build_tools.publish.site import generate, site_urls
from build_tools.tree.read import load_tree
from tests.conftest import TODAY


@pytest.mark.parametrize(("path", "url"), [
    ("index.md", ""), ("guide/cancelled.md", "guide/cancelled/"),
    ("guide/price-index.md", "guide/price-index/"),  # a slug that ends in "index" is still a page
    ("guide/old/index.html", "guide/old/"), ("search/index.json", "search/index.json"),
])
def test_a_source_path_becomes_the_url_mkdocs_gives_it(path: str, url: str) -> None:
    assert url_of(path) == url


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_promised_urls_are_exactly_the_pages_built(lang: str) -> None:
    derived = derive(load_tree(TREE_DIR, today=TODAY))
    files = generate(derived, lang, "https://example.org/").files
    pages = {"/" + language_prefix(lang) + url_of(p) for p in files if p.endswith((".md", ".html"))}
    assert site_urls(derived, lang) == pages | {"/" + language_prefix(lang) + "about/"}
