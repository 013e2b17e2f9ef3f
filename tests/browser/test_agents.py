"""A support agent copies a reply, or a link, with one tap; without JavaScript the text is there."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser, Locator, Page, expect

from tests.browser.conftest import PHONE
from tests.conftest import BuiltSite

OUTCOME = "guide/refund-before-shipment/"


@pytest.fixture
def agent(browser: Browser, site: BuiltSite) -> Iterator[Page]:
    context = browser.new_context(**PHONE)
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=site.url.split("/douyin")[0])
    page = context.new_page()
    yield page
    context.close()


def clipboard(page: Page) -> str:
    return page.evaluate("navigator.clipboard.readText()")


def open_agents_section(page: Page, name: str = "给客服人员") -> None:
    """One tap: the section is closed, out of a shopper's way."""
    expect(page.locator("details.agents .reply-box")).to_be_hidden()
    page.locator("details.agents > summary", has_text=name).click()


def status_of(page: Page, button: str) -> Locator:
    """The confirmation right after a copy button: each button has its own."""
    return page.get_by_role("button", name=button).locator("xpath=following-sibling::*[@role='status'][1]")


def test_copy_reply_puts_the_reply_and_its_link_on_the_clipboard(site: BuiltSite, agent: Page) -> None:
    agent.goto(site.url + OUTCOME)
    open_agents_section(agent)
    agent.get_by_role("button", name="复制回复").click()
    expect(status_of(agent, "复制回复")).to_have_text("已复制")
    expect(status_of(agent, "复制链接")).to_have_text("")
    text = clipboard(agent)
    assert text.startswith("您好，订单还没发货")
    assert text.endswith(f"详细步骤：{site.url}{OUTCOME}")


def test_copy_link_puts_the_absolute_url_on_the_clipboard(site: BuiltSite, agent: Page) -> None:
    agent.goto(site.url + OUTCOME)
    open_agents_section(agent)
    agent.get_by_role("button", name="复制链接").click()
    expect(status_of(agent, "复制链接")).to_have_text("已复制")
    expect(status_of(agent, "复制回复")).to_have_text("")
    assert clipboard(agent) == site.url + OUTCOME


def test_without_javascript_the_reply_is_shown_and_selectable(site: BuiltSite, phone_without_js: Page) -> None:
    phone_without_js.goto(site.url + OUTCOME)
    phone_without_js.locator("details.agents > summary").click()
    reply = phone_without_js.locator("#reply-text")
    expect(reply).to_be_visible()
    expect(reply).to_contain_text(f"详细步骤：{site.url}{OUTCOME}")
    expect(phone_without_js.get_by_role("button", name="复制回复")).to_be_hidden()
    reply.click(click_count=3)
    selected = phone_without_js.evaluate("window.getSelection().toString()")
    assert "您好，订单还没发货" in selected


def test_the_english_reply_links_to_the_english_page(site: BuiltSite, agent: Page) -> None:
    agent.goto(f"{site.url}en/{OUTCOME}")
    open_agents_section(agent, "For support agents")
    agent.get_by_role("button", name="Copy reply").click()
    expect(status_of(agent, "Copy reply")).to_have_text("Copied")
    assert clipboard(agent).endswith(f"Step by step: {site.url}en/{OUTCOME}")
