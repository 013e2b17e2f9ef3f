"""Every page loads cleanly: no request to another host, no failed request, no console error;
the key pages have no accessibility violation (axe-core); a keyboard alone reaches an answer."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlsplit

import axe_playwright_python
import pytest
from playwright.sync_api import Browser, Page, expect

from tests.browser.conftest import PHONE
from tests.conftest import BuiltSite

AXE = (Path(axe_playwright_python.__file__).parent / "axe.min.js").read_text(encoding="utf-8")
KEY_PAGES = {"home": "", "question": "guide/shipped/", "outcome": "guide/refund-before-shipment/",
             "tip": "guide/avoid-scams/", "tips": "tips/", "flowchart": "flowchart/",
             "404": "no-such-page/", "english outcome": "en/guide/cancelled/"}


def all_pages(site: BuiltSite) -> list[str]:
    return sorted(p.parent.relative_to(site.folder).as_posix().removeprefix(".") + "/"
                  for p in site.folder.rglob("index.html"))


def problems_loading(page: Page, url: str, site: BuiltSite) -> list[str]:
    """Everything that went wrong while the page loaded, as a reader's browser saw it."""
    seen: list[str] = []
    origin = urlsplit(site.url).netloc
    listeners = {
        "request": lambda r: seen.append(f"other host: {r.url}")
        if urlsplit(r.url).netloc not in (origin, "") else None,
        "requestfailed": lambda r: seen.append(f"failed: {r.url} ({r.failure})"),
        "response": lambda r: seen.append(f"HTTP {r.status}: {r.url}")
        if r.status >= 400 and r.url != url else None,
        "console": lambda m: seen.append(f"console {m.type}: {m.text}")
        if m.type in ("error", "warning") else None,
        "pageerror": lambda e: seen.append(f"script error: {e}"),
    }
    for event, listener in listeners.items():
        page.on(event, listener)
    try:
        page.goto(url)
        page.wait_for_load_state("networkidle")
    finally:  # the next page's problems are its own
        for event, listener in listeners.items():
            page.remove_listener(event, listener)
    return seen


def test_every_page_loads_cleanly(site: BuiltSite, phone: Page) -> None:
    pages = all_pages(site)
    assert len(pages) >= 40
    found = {path: problems for path in pages
             if (problems := problems_loading(phone, site.url + path.lstrip("/"), site))}
    assert found == {}


def test_searching_makes_no_failed_request(site: BuiltSite, phone: Page) -> None:
    seen = problems_loading(phone, site.url, site)
    phone.locator("label[for=__search]").first.click()
    phone.locator("input.help-search__input").press_sequentially("退款")
    expect(phone.locator(".help-search-result__item").first).to_be_visible()
    assert seen == []


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("name", list(KEY_PAGES))
def test_no_accessibility_violations(site: BuiltSite, browser: Browser, name: str, scheme: str) -> None:
    context = browser.new_context(**PHONE, color_scheme=scheme)
    page = context.new_page()
    page.goto(site.url + KEY_PAGES[name])
    page.add_script_tag(content=AXE)
    result = page.evaluate("axe.run(document, {resultTypes: ['violations']})")
    context.close()
    violations = [f"{v['id']} ({v['impact']}): {v['help']} at "
                  f"{[n['target'] for n in v['nodes']][:3]}" for v in result["violations"]]
    assert violations == [], "\n".join(violations)


def test_a_keyboard_alone_reaches_an_answer(site: BuiltSite, phone: Page) -> None:
    phone.goto(site.url)
    for label, url in (("待发货", "guide/pending-shipment/"),
                       ("不想要了，想取消并退款", "guide/refund-before-shipment/")):
        for _ in range(80):
            phone.keyboard.press("Tab")
            if label in (phone.evaluate("document.activeElement.textContent") or ""):
                break
        else:
            pytest.fail(f"Tab never reached {label!r}")
        phone.keyboard.press("Enter")
        expect(phone).to_have_url(site.url + url)
    expect(phone.locator("h1")).to_contain_text("仅退款")
