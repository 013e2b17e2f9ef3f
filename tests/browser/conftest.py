"""Headless Chromium for the browser tests: the system's (or the one build_tools/dev.py found)."""

from __future__ import annotations

import os
from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser, Page, sync_playwright

from build_tools.dev import CHROMIUM_CANDIDATES, CHROMIUM_ENV

# Flags the machine needs: no sandbox as root, and no background calls to Google's hosts.
CHROMIUM_FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
                  "--disable-background-networking"]
PHONE = {"viewport": {"width": 390, "height": 844}, "device_scale_factor": 2,
         "is_mobile": True, "has_touch": True}


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if "/browser/" in str(item.path):
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    executable = os.environ.get(CHROMIUM_ENV, CHROMIUM_CANDIDATES[0])
    where = {} if executable == "playwright" else {"executable_path": executable}
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(args=CHROMIUM_FLAGS, **where)
        yield chromium
        chromium.close()


def _page(browser: Browser, **options: object) -> Iterator[Page]:
    context = browser.new_context(**PHONE, **options)
    context.set_default_timeout(10_000)
    page = context.new_page()
    yield page
    context.close()


@pytest.fixture
def phone(browser: Browser) -> Iterator[Page]:
    """A phone-sized page with JavaScript."""
    yield from _page(browser)


@pytest.fixture
def phone_without_js(browser: Browser) -> Iterator[Page]:
    """A phone-sized page with JavaScript turned off, as in some in-app browsers."""
    yield from _page(browser, java_script_enabled=False)
