"""Search finds the answer in the words shoppers type, and says what to do when it finds nothing.

Every query of decision_tree/phrasings/queries.yaml is typed into the real search box of its language's
site (our search in Material's dialog, headless Chromium, phone viewport) and the result list is read as a
reader sees it. Figures and timings: `python tests/benchmark/search_hits.py`.
"""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect

from tests.conftest import BuiltSite
from tests.search.runner import (QUERIES, RESULT_META, TARGET_AT_1, TARGET_AT_3, SearchBox,
                                 load_queries, rates, run_queries)

pytestmark = pytest.mark.slow


def test_shoppers_phrasings_find_their_answer_first(site: BuiltSite, phone: Page) -> None:
    queries = load_queries()
    assert len(queries) >= 40, f"{QUERIES.name} needs at least 40 queries"
    outcomes = list(run_queries(phone, site.url, queries))
    total = rates(outcomes)
    not_first = [o.describe() for o in outcomes if not o.hit(1)]
    not_in_3 = [o.describe() for o in outcomes if not o.hit(3)]
    report = (f"hit@1 {total.at_1:.0%} (target {TARGET_AT_1:.0%}), hit@3 {total.at_3:.0%} "
              f"(target {TARGET_AT_3:.0%}) over {total.count} queries\n"
              "not first:\n  " + ("\n  ".join(not_first) or "none") + "\n"
              "not in the first 3:\n  " + ("\n  ".join(not_in_3) or "none"))
    assert total.at_1 >= TARGET_AT_1 and total.at_3 >= TARGET_AT_3, report


@pytest.mark.parametrize("lang, query, texts", [
    ("zh", "qwertyuiop", ("按订单状态找答案", "看完整流程图")),
    ("zh", "貓貓狗狗", ("按订单状态找答案", "看完整流程图")),
    ("en", "qwertyuiop", ("Choose your order's status", "See the whole flowchart")),
])
def test_a_search_that_finds_nothing_offers_the_way_forward(site: BuiltSite, phone: Page, lang: str,
                                                            query: str, texts: tuple[str, str]) -> None:
    box = SearchBox(phone, site.url, lang).open()
    empty = phone.locator(".help-search-empty")
    expect(empty).to_be_hidden()

    assert box.search(query) == []
    none = phone.evaluate("JSON.parse(document.querySelector('#__config').textContent)"
                          ".translations['search.result.none']")
    expect(phone.locator(RESULT_META)).to_have_text(none)
    expect(empty).to_be_visible()
    home, flowchart = empty.locator("a").all()
    expect(home).to_have_text(texts[0])
    expect(flowchart).to_have_text(texts[1])
    # Relative links, resolved under the sub-path and the language's own root.
    assert home.evaluate("a => a.href") == box.root
    assert flowchart.evaluate("a => a.href") == box.root + "flowchart/"

    # A query that finds something takes the empty state away again.
    assert box.search("退款" if lang == "zh" else "refund")
    expect(empty).to_be_hidden()


def test_the_empty_state_links_work_from_a_deep_page(site: BuiltSite, phone: Page) -> None:
    phone.goto(site.url + "en/guide/cancelled/")
    phone.locator("header label.md-header__button[for='__search']").click()
    phone.locator("input.help-search__input").fill("qwertyuiop")
    phone.locator("input.help-search__input").press("End")
    link = phone.locator(".help-search-empty a").first
    expect(link).to_be_visible()
    # The search dialog slides in on a phone: tap once it stands still, as a reader would.
    phone.wait_for_function("document.getAnimations().every(a => a.playState !== 'running')")
    link.click()
    expect(phone).to_have_url(site.url + "en/")


def test_without_javascript_search_is_not_offered(site: BuiltSite, phone_without_js: Page) -> None:
    """A search box that cannot search would be a dead end: without JavaScript it is not shown."""
    phone_without_js.goto(site.url)
    expect(phone_without_js.locator("label[for='__search']").first).to_be_hidden()
    expect(phone_without_js.locator(".search-invite")).to_be_hidden()
    expect(phone_without_js.locator(".choices a").first).to_be_visible()


# Both pages say how long a refund to the balance or a bank card takes: the cancelled order's,
# and the one for a refund shown as done but not arrived.
REFUND_TIMES = ("guide/cancelled/", "guide/refund-not-arrived/")


@pytest.mark.parametrize("lang, query, words", [
    ("zh", "微信零钱退款多久到", "零钱"),
    ("en", "how fast does a refund to my bank card arrive", "bank card"),
])
def test_a_result_shows_the_sentence_that_matched(site: BuiltSite, phone: Page, lang: str, query: str,
                                                  words: str) -> None:
    """Not the page's lead cut short: the sentence of the page that answers what was typed."""
    box = SearchBox(phone, site.url, lang).open()
    assert box.search(query)[0] in REFUND_TIMES
    shown = phone.locator(".help-search-result__item p").first.text_content()
    assert words in shown and not shown.endswith("…")


@pytest.mark.parametrize("lang, query", [("zh", "刪除訂單"), ("en", "parcel never arrived")])
def test_the_count_says_how_many_pages_are_shown_and_only_relevant_ones_are(
        site: BuiltSite, phone: Page, lang: str, query: str) -> None:
    box = SearchBox(phone, site.url, lang).open()
    results = box.search(query)
    assert 1 <= len(results) < 5  # not "10 results" for everything
    count = phone.locator(RESULT_META).text_content()
    assert str(len(results)) in count or len(results) == 1


def test_the_search_box_has_one_clear_button_shown_only_with_text(site: BuiltSite, phone: Page) -> None:
    box = SearchBox(phone, site.url, "zh").open()
    clear = phone.locator(".help-search__options button[type=reset]")
    expect(clear).to_have_css("opacity", "0")
    expect(clear).to_have_css("pointer-events", "none")
    box.type("退款")
    expect(clear).to_have_css("opacity", re.compile(r"^(1|0\.7)$"))  # 0.7 under the finger
    clear.click()
    expect(phone.locator("input.help-search__input")).to_have_value("")
    expect(phone.locator(RESULT_META)).to_have_text(box.placeholder)
    expect(clear).to_have_css("opacity", "0")
    # The browser's own clear button of <input type=search> is not drawn beside it.
    hidden = phone.evaluate("""() => [...document.styleSheets].flatMap(s => {
        try { return [...s.cssRules]; } catch (e) { return []; } })
      .some(r => (r.selectorText || '').includes('.help-search__input::-webkit-search-cancel-button')
                 && r.style.display === 'none')""")
    assert hidden
