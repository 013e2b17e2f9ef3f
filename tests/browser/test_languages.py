"""The English edition: same URLs under /en/, a switch to the same page, the right lang attributes."""

from __future__ import annotations

import pytest
from xml.etree import ElementTree

from playwright.sync_api import Page, expect

from tests.conftest import BuiltSite

OUTCOME = "guide/refund-not-received/"
NS = {"sm": "http://www.sitemaps.org/schemas/sitemap/0.9", "xhtml": "http://www.w3.org/1999/xhtml"}


def switch_language(page: Page, lang: str) -> None:
    """Open the language menu in the header and pick a language, as a reader would."""
    page.locator(".md-header__option .md-select button").click()
    page.locator(f"[data-language-switch='{lang}']").click()


def test_switching_language_on_an_outcome_lands_on_the_same_outcome(site: BuiltSite, phone: Page) -> None:
    phone.goto(site.url + OUTCOME)
    expect(phone.locator("html")).to_have_attribute("lang", "zh")
    switch_language(phone, "en")
    expect(phone).to_have_url(f"{site.url}en/{OUTCOME}")
    expect(phone.locator("html")).to_have_attribute("lang", "en")
    expect(phone.locator("h1")).to_contain_text("Shipped but not received")
    switch_language(phone, "zh")
    expect(phone).to_have_url(site.url + OUTCOME)


@pytest.mark.parametrize("path", ["", OUTCOME, "about/", "tips/", "sources/", "guide/completed/"])
def test_every_page_links_to_itself_in_the_other_language(site: BuiltSite, phone_without_js: Page,
                                                          path: str) -> None:
    for prefix, lang, other in (("", "zh", "en/"), ("en/", "en", "")):
        phone_without_js.goto(site.url + prefix + path)
        expect(phone_without_js.locator("html")).to_have_attribute("lang", lang)
        switch = phone_without_js.locator(f"[data-language-switch='{'en' if lang == 'zh' else 'zh'}']")
        target = phone_without_js.evaluate("href => new URL(href, location.href).href",
                                           switch.get_attribute("href"))
        assert target == site.url + other + path


def test_the_sitemap_declares_every_page_in_both_languages(site: BuiltSite) -> None:
    sitemaps = {prefix: ElementTree.parse(site.folder / prefix / "sitemap.xml").getroot()
                for prefix in ("", "en/")}
    for prefix, root in sitemaps.items():
        for url in root.findall("sm:url", NS):
            loc = url.find("sm:loc", NS).text
            path = loc.removeprefix(site.url + prefix)
            alternates = {link.get("hreflang"): link.get("href") for link in url.findall("xhtml:link", NS)}
            assert alternates == {"zh": site.url + path, "en": f"{site.url}en/{path}"}, loc
    reviewed = [u.find("sm:lastmod", NS) for u in sitemaps[""].findall("sm:url", NS)]
    assert any(r is not None and r.text == "2026-12-02" for r in reviewed)


def test_no_page_declares_alternates_that_material_would_misread(site: BuiltSite, phone: Page) -> None:
    requests: list[str] = []
    phone.on("request", lambda request: requests.append(request.url))
    phone.goto(site.url + OUTCOME)
    phone.wait_for_load_state("networkidle")
    assert phone.locator("link[rel=alternate]").count() == 0
    assert not any(url.endswith("sitemap.xml") for url in requests)


def test_the_switch_works_without_javascript(site: BuiltSite, phone_without_js: Page) -> None:
    phone_without_js.goto(f"{site.url}en/{OUTCOME}")
    href = phone_without_js.locator("[data-language-switch='zh']").get_attribute("href")
    phone_without_js.goto(f"{site.url}en/{OUTCOME}{href}")
    expect(phone_without_js).to_have_url(site.url + OUTCOME)


def test_the_search_box_speaks_the_page_language(site: BuiltSite, phone: Page) -> None:
    phone.goto(f"{site.url}en/")
    expect(phone.locator("input.help-search__input")).to_have_attribute("placeholder", "Search")
    phone.goto(site.url)
    expect(phone.locator("input.help-search__input")).to_have_attribute("placeholder", "搜索")
