"""The search script cuts queries the way build_tools/render/search/index.py cut the site's text."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page

from build_tools.tree.model import LANGUAGES
from build_tools.derive.paths import language_prefix
from build_tools.render.search.index import terms
from build_tools.settings import TREE_DIR
from build_tools.tree.read import load_tree
from tests.conftest import TODAY, BuiltSite

TREE = load_tree(TREE_DIR, today=TODAY)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_script_cuts_text_as_the_index_does(site: BuiltSite, phone: Page, lang: str) -> None:
    phone.goto(site.url + language_prefix(lang))
    phone.evaluate("helpCentreSearch.load().then(() => true)")
    differ = {}
    for node in TREE.nodes.values():
        for text in (node.title[lang], *node.search[lang]):
            script = {t for t, _ in phone.evaluate("q => helpCentreSearch.terms(q)", text)}
            index = {t for t in terms(text, lang) if len(t) <= 2 or not "\u3400" <= t[0] <= "\u9fff"}
            if not index <= script:
                differ[text] = sorted(index - script)
    assert differ == {}


@pytest.mark.parametrize(("query", "first"), [
    ("退款多就到账", "guide/cancelled/"),        # 就 for 久: a pinyin-input slip
    ("刪除訂單", "guide/delete-order/"),          # traditional characters
    ("商家不同意推款", "guide/merchant-refuses/"),  # 推 for 退
])
def test_typos_and_traditional_characters_still_find_the_page(site: BuiltSite, phone: Page,
                                                              query: str, first: str) -> None:
    phone.goto(site.url)
    phone.evaluate("helpCentreSearch.load().then(() => true)")
    assert phone.evaluate("q => helpCentreSearch.rank(q)[0][0]", query) == first
