"""On a 390 x 844 phone, the reader sees what they came for without scrolling: an answer's title
and first step, every home choice; every control is a 44 px target whose label is not cut inside
a word (修/改); no "previous / next" footer; figures from phone_layout.py (bench first_screen
prints the same figures)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser, BrowserContext, Page

from build_tools.derive.derive import derive
from build_tools.derive.paths import language_prefix, url_of
from build_tools.settings import TREE_DIR
from build_tools.tree.model import LANGUAGES
from build_tools.tree.read import load_tree
from tests.browser.conftest import PHONE
from tests.browser.phone_layout import MIN_TARGET, SCREEN_HEIGHT, controls, first_screen
from tests.conftest import TODAY, BuiltSite

DERIVED = derive(load_tree(TREE_DIR, today=TODAY))
OUTCOMES = [url_of(DERIVED.path(o.id)) for o in DERIVED.tree.outcomes()]
MODES = [pytest.param(True, id="js"), pytest.param(False, id="no-js")]
# One page of each kind; with JavaScript the agents' section is opened, to reach its buttons.
PAGE_KINDS = {"home": "", "question": "guide/completed/", "outcome": "guide/merchant-refuses/",
              "tips": "tips/", "tip": "guide/avoid-scams/", "sources": "sources/",
              "flowchart": "flowchart/", "about": "about/", "404": "no-such-page/"}


@pytest.fixture
def tabs(browser: Browser, request: pytest.FixtureRequest) -> Iterator[BrowserContext]:
    """A phone whose pages are new tabs (each its own sessionStorage); JavaScript per `js`."""
    context = browser.new_context(**PHONE, java_script_enabled=request.param)
    context.set_default_timeout(10_000)
    yield context
    context.close()


def visit(context: BrowserContext, url: str) -> Page:
    page = context.new_page()
    page.goto(url)
    page.wait_for_load_state("load")
    return page


@pytest.mark.parametrize("tabs", MODES, indirect=True)
@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_answer_shows_its_title_and_first_step_on_the_first_screen(
        site: BuiltSite, tabs: BrowserContext, lang: str) -> None:
    too_low = {}
    for path in OUTCOMES:
        page = visit(tabs, site.url + language_prefix(lang) + path)
        found = first_screen(page, lang)
        if found.step_line > SCREEN_HEIGHT:
            too_low[path] = found
        page.close()
    assert too_low == {}


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_reader_s_own_answers_leave_the_first_step_on_the_first_screen(
        site: BuiltSite, phone: Page, lang: str) -> None:
    """The longest trail: three answers, each in the box above the title."""
    deepest = max(DERIVED.tree.outcomes(), key=lambda o: DERIVED.depth[o.id])
    trail = DERIVED.trails[deepest.id][0]
    root = site.url + language_prefix(lang)
    phone.goto(root)
    for step in trail.steps:
        phone.locator(".choices a", has=phone.locator("strong", has_text=step.answer.label[lang])).first.click()
    phone.wait_for_load_state("load")
    assert phone.locator(".trail__answers li").count() == len(trail.steps)
    assert first_screen(phone, lang).step_line <= SCREEN_HEIGHT


@pytest.mark.parametrize("tabs", MODES, indirect=True)
@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_home_choice_is_a_large_link_on_the_first_screen(
        site: BuiltSite, tabs: BrowserContext, lang: str) -> None:
    page = visit(tabs, site.url + language_prefix(lang))
    choices = [c.bounding_box() for c in page.locator(".choices a").all()]
    assert len(choices) == len(DERIVED.statuses)
    assert [c["y"] + c["height"] for c in choices if c["y"] + c["height"] > SCREEN_HEIGHT] == []
    assert min(c["height"] for c in choices) >= MIN_TARGET


@pytest.mark.parametrize("tabs", MODES, indirect=True)
@pytest.mark.parametrize("kind", PAGE_KINDS)
def test_every_control_is_a_44px_target_with_whole_words(site: BuiltSite, tabs: BrowserContext,
                                                          kind: str) -> None:
    for lang in LANGUAGES:
        page = visit(tabs, site.url + language_prefix(lang) + PAGE_KINDS[kind])
        if page.locator("details.agents").count():
            page.locator("details.agents > summary").click()
        targets = controls(page)
        page.close()
        assert targets, "no control found"
        small = [t for t in targets if t.width < MIN_TARGET - 0.5 or t.height < MIN_TARGET - 0.5]
        assert small == [], f"{lang}: smaller than {MIN_TARGET} px"
        assert [t for t in targets if t.split] == [], f"{lang}: a label cut inside a word"


@pytest.mark.parametrize("tabs", MODES[:1], indirect=True)
def test_the_menus_and_the_flowchart_zoom_are_44px_targets(site: BuiltSite,
                                                           tabs: BrowserContext) -> None:
    page = visit(tabs, site.url + "flowchart/")
    size = lambda locator: min(locator.bounding_box()["width"], locator.bounding_box()["height"])  # noqa: E731
    zoom = page.locator(".fc-zoom button").all()
    assert zoom and min(size(b) for b in zoom) >= MIN_TARGET
    page.locator(".md-header__option .md-select button").click()
    switches = page.locator("[data-language-switch]").all()
    assert len(switches) == len(LANGUAGES)
    assert min(size(s) for s in switches) >= MIN_TARGET - 0.5  # sub-pixel layout, as above
    page.keyboard.press("Escape")
    page.locator(".md-header label[for=__drawer]").click()
    drawer = [a for a in page.locator(".md-nav--primary .md-nav__link").all() if a.is_visible()]
    assert len(drawer) >= len(DERIVED.statuses)
    assert min(size(a) for a in drawer) >= MIN_TARGET


@pytest.mark.parametrize("path", ["", "guide/shipped/", "guide/cancelled/", "tips/", "about/"])
def test_no_previous_next_footer(site: BuiltSite, phone_without_js: Page, path: str) -> None:
    phone_without_js.goto(site.url + path)
    assert phone_without_js.locator(".md-footer__link, .md-footer__inner nav").count() == 0
    assert phone_without_js.get_by_text("下一页").count() == 0
