"""A reader on a dead link: the 404 page always offers the status choice, and search only
where search works (with JavaScript)."""

from __future__ import annotations

from playwright.sync_api import Page, expect

from tests.conftest import BuiltSite


def test_without_javascript_no_dead_search_only_the_status_choice(site: BuiltSite,
                                                                   phone_without_js: Page) -> None:
    phone_without_js.goto(f"{site.url}en/guide/no-such-answer/")
    expect(phone_without_js.locator("h1")).to_contain_text("Page not found")
    visible_search = [e for e in phone_without_js.locator(
        "input[type=search], label[for=__search], .md-search").all() if e.is_visible()]
    assert visible_search == []
    shown = phone_without_js.locator("article").inner_text()  # what is rendered, not hidden text
    assert "搜索" not in shown and "search" not in shown.lower()
    phone_without_js.locator(".choices a", has_text="待收货").click()
    expect(phone_without_js).to_have_url(f"{site.url}guide/shipped/")


def test_with_javascript_search_is_offered_too(site: BuiltSite, phone: Page) -> None:
    phone.goto(f"{site.url}no-such-page/")
    expect(phone.locator(".search-invite")).to_be_visible()
    expect(phone.locator(".choices a").first).to_be_visible()
    phone.locator("label[for=__search]").first.click()
    phone.locator("input.md-search__input").press_sequentially("退款")
    expect(phone.locator(".md-search-result__item").first).to_be_visible()
