"""The search script reads text exactly as build_tools/render/search does: the same terms and the
same meaning for the shared vectors (tests/search/vectors.json) and for the site's own titles
and keywords, with no exemption."""

from __future__ import annotations

import json

import pytest
from playwright.sync_api import Page

from build_tools.derive.paths import language_prefix
from build_tools.render.search.index import terms
from build_tools.settings import TREE_DIR
from build_tools.tree.model import LANGUAGES
from build_tools.tree.read import load_tree
from tests.conftest import TODAY, BuiltSite
from tests.search.runner import VECTORS
from tests.unit.test_search_learned import chances

TREE = load_tree(TREE_DIR, today=TODAY)
CASES = json.loads(VECTORS.read_text(encoding="utf-8"))


def _search_page(phone: Page, site: BuiltSite, lang: str) -> Page:
    phone.goto(site.url + language_prefix(lang))
    phone.evaluate("helpCentreSearch.load().then(() => true)")
    return phone


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_script_cuts_and_understands_the_shared_vectors(site: BuiltSite, phone: Page, lang: str) -> None:
    page = _search_page(phone, site, lang)
    cut = {c["text"]: c["terms"] for c in CASES["terms"] if c["lang"] == lang}
    meant = {c["text"]: c["meaning"] for c in CASES["meaning"] if c["lang"] == lang}
    assert page.evaluate("texts => texts.map(t => helpCentreSearch.terms(t))", list(cut)) == list(cut.values())
    assert page.evaluate("texts => texts.map(t => helpCentreSearch.meaning(t))", list(meant)) == list(meant.values())


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_script_cuts_the_sites_text_as_the_index_does(site: BuiltSite, phone: Page, lang: str) -> None:
    page = _search_page(phone, site, lang)
    texts = sorted({t for node in TREE.nodes.values() for t in (node.title[lang], *node.search[lang])})
    script = page.evaluate("texts => texts.map(t => helpCentreSearch.terms(t))", texts)
    differ = {text: (got, terms(text, lang)) for text, got in zip(texts, script) if got != terms(text, lang)}
    assert differ == {}


@pytest.mark.parametrize(("query", "first"), [
    ("退款多就到账", "guide/cancelled/"),        # 就 for 久: a pinyin-input slip
    ("刪除訂單", "guide/delete-order/"),          # traditional characters
    ("商家不同意推款", "guide/merchant-refuses/"),  # 推 for 退
])
def test_typos_and_traditional_characters_still_find_the_page(site: BuiltSite, phone: Page,
                                                              query: str, first: str) -> None:
    page = _search_page(phone, site, "zh")
    assert page.evaluate("q => helpCentreSearch.rank(q)[0][0]", query) == first


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_script_learns_what_the_index_carries(site: BuiltSite, phone: Page, lang: str) -> None:
    """Each page's learned chance, in the browser and by the plain reference (naive Bayes over
    the index's counts), for queries of every kind: taught, reworded, unknown, one character."""
    index = json.loads((site.folder / language_prefix(lang) / "search" / "index.json").read_text(encoding="utf-8"))
    urls = [doc[0] for doc in index["docs"]]
    queries = {"zh": ["还没寄出来想退钱", "快递显示签收了但我没拿到", "退款", "我", "qwxz"],
               "en": ["it was never shipped and I want my money back", "delivered but not to me",
                      "refund", "qwxz"]}[lang]
    page = _search_page(phone, site, lang)
    for query in queries:
        script = page.evaluate("q => helpCentreSearch.chances(q)", query)
        plain = chances(index["learned"], urls, query, lang)
        assert {url: round(c, 9) for url, c in zip(urls, script) if c} == \
            {url: round(c, 9) for url, c in plain.items() if c}, query


@pytest.mark.parametrize("query", ["constructor", "__proto__", "toString", "hasOwnProperty"])
def test_words_that_name_javascripts_own_keys_are_searched_as_words(site: BuiltSite, phone: Page,
                                                                    query: str) -> None:
    """The index's tables are looked up by the reader's words; "constructor" once threw."""
    page = _search_page(phone, site, "en")
    assert page.evaluate("q => helpCentreSearch.rank(q)", query) == []
