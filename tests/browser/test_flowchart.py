"""The flowchart in a browser: boxes are links, keyboard focus walks them, a page's box is found."""

from __future__ import annotations

from playwright.sync_api import Page, expect

from tests.conftest import BuiltSite


def test_clicking_a_box_opens_its_page(site: BuiltSite, phone: Page) -> None:
    phone.goto(f"{site.url}flowchart/")
    box = phone.locator("svg.fc a#fc-cancelled")
    box.scroll_into_view_if_needed()
    box.click()
    expect(phone).to_have_url(f"{site.url}guide/cancelled/")


def test_clicking_a_box_works_without_javascript(site: BuiltSite, phone_without_js: Page) -> None:
    phone_without_js.goto(f"{site.url}en/flowchart/")
    box = phone_without_js.locator("svg.fc a#fc-fraud")
    box.scroll_into_view_if_needed()
    box.click()
    expect(phone_without_js).to_have_url(f"{site.url}en/guide/fraud/")


def test_a_page_links_to_its_box_highlighted_and_in_view(site: BuiltSite, phone: Page) -> None:
    phone.goto(f"{site.url}guide/past-seven-days/")
    phone.locator(".see-in-flowchart").click()
    expect(phone).to_have_url(f"{site.url}flowchart/#fc-past-seven-days")
    box = phone.locator("a#fc-past-seven-days")
    expect(box).to_be_in_viewport()
    expect(phone.locator("svg.fc .fc-on-path").first).to_be_attached()  # its path is lit


def test_keyboard_focus_moves_through_the_boxes(site: BuiltSite, phone: Page) -> None:
    phone.goto(f"{site.url}flowchart/")
    phone.locator("svg.fc a").first.focus()
    visited = []
    for _ in range(5):
        visited.append(phone.evaluate("document.activeElement.id"))
        phone.keyboard.press("Tab")
    assert all(v.startswith("fc-") for v in visited) and len(set(visited)) == 5


def test_a_status_page_shows_its_own_small_chart(site: BuiltSite, phone_without_js: Page) -> None:
    phone_without_js.goto(f"{site.url}guide/completed/")
    phone_without_js.locator("details.fc-branch summary").click()
    boxes = phone_without_js.locator("details.fc-branch svg a")
    ids = sorted(b.get_attribute("id") or "" for b in boxes.all())
    assert ids == ["fc-completed", "fc-exchange-resend-repair", "fc-food-safety", "fc-fraud",
                   "fc-merchant-refuses", "fc-partial-return", "fc-past-seven-days",
                   "fc-quality-problem", "fc-return-no-reason", "fc-signed-not-received",
                   "fc-within-seven-days"]
