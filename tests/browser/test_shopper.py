"""A shopper on a phone goes from the home page to an answer by tapping."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

from tests.conftest import BuiltSite


def choose(page: Page, label: str) -> None:
    """Tap the answer whose label starts with `label` (its hint follows in the link)."""
    page.locator(".choices a", has=page.locator("strong", has_text=label)).first.click()


@pytest.mark.parametrize("page_fixture", ["phone", "phone_without_js"])
def test_paid_yesterday_wants_money_back(site: BuiltSite, page_fixture: str,
                                         request: pytest.FixtureRequest) -> None:
    page: Page = request.getfixturevalue(page_fixture)
    page.goto(site.url)
    expect(page.locator("h2", has_text="你的订单现在是什么状态？")).to_be_visible()
    choose(page, "待发货")
    choose(page, "不想要了，想取消并退款")
    expect(page).to_have_url(f"{site.url}guide/refund-before-shipment/")
    expect(page.locator("h1")).to_contain_text("未发货：直接申请“仅退款”")
    steps = page.locator("h2:has-text('在 App 里这样做') + ol > li")
    expect(steps.first).to_contain_text("我 → 订单")
    expect(page.locator("h2", has_text="要保留的证据")).to_be_visible()
    expect(page.locator("h2", has_text="如果不行，下一步")).to_be_visible()
    expect(page.locator("h2", has_text="依据")).to_be_visible()
    expect(page.locator(".reviewed time")).to_have_attribute("datetime", "2026-12-02")


def test_the_page_fits_a_phone_without_sideways_scrolling(site: BuiltSite, phone: Page) -> None:
    for path in ("", "guide/refund-before-shipment/", "guide/shipped/"):
        phone.goto(site.url + path)
        width = phone.evaluate("document.documentElement.scrollWidth")
        assert width <= 390, f"{path or 'home'} is {width}px wide"
