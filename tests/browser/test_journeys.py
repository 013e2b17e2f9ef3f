"""Every outcome is reachable by tapping plain links, with JavaScript and without it."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

from build_tools.tree.model import LANGUAGES, Outcome, Question, Tree
from build_tools.derive.paths import language_prefix
from build_tools.settings import TREE_DIR
from build_tools.render.strings import STRINGS
from build_tools.tree.read import load_tree
from tests.conftest import TODAY, BuiltSite

TREE: Tree = load_tree(TREE_DIR, today=TODAY)


def journeys(tree: Tree) -> list[tuple[str, ...]]:
    """Every way from the home page to an outcome, as the node ids passed through."""
    found, stack = [], [(tree.start.id,)]
    while stack:
        path = stack.pop()
        node = tree.nodes[path[-1]]
        if isinstance(node, Question):
            stack.extend(path + (a.next.id,) for a in reversed(node.answers))
        else:
            found.append(path)
    return found


def tap_answer(page: Page, label: str) -> None:
    page.locator(".choices a", has=page.locator("strong", has_text=label)).first.click()


def walk(page: Page, site: BuiltSite, path: tuple[str, ...], lang: str = "zh") -> None:
    """Open the home page and tap the answers along `path`; check each page is the right one."""
    root = site.url + language_prefix(lang)
    page.goto(root)
    for here, there in zip(path, path[1:]):
        answer = next(a for a in TREE.nodes[here].answers if a.next.id == there)
        tap_answer(page, answer.label[lang])
        expect(page).to_have_url(f"{root}guide/{there}/")
        expect(page.locator("h1")).to_contain_text(TREE.nodes[there].title[lang])
    assert isinstance(TREE.nodes[path[-1]], Outcome)
    expect(page.locator("h2", has_text=STRINGS["steps"][lang])).to_be_visible()


JOURNEYS = [(lang, path) for lang in LANGUAGES for path in journeys(TREE)]
IDS = [f"{lang}:{'/'.join(path[1:])}" for lang, path in JOURNEYS]


@pytest.mark.parametrize(("lang", "path"), JOURNEYS, ids=IDS)
def test_without_javascript(site: BuiltSite, phone_without_js: Page, lang: str,
                            path: tuple[str, ...]) -> None:
    walk(phone_without_js, site, path, lang)


@pytest.mark.parametrize(("lang", "path"), JOURNEYS, ids=IDS)
def test_with_javascript_on_a_phone(site: BuiltSite, phone: Page, lang: str,
                                    path: tuple[str, ...]) -> None:
    walk(phone, site, path, lang)


def answers_shown(page: Page) -> list[str]:
    """The "your answers" the page shows, as the steps the script stores ("question next")."""
    page.wait_for_load_state("load")  # the trail script runs once the page has loaded
    return [li.get_attribute("data-step") or "" for li in page.locator(".trail__answers li").all()
            if li.is_visible()]


def ways_shown(page: Page) -> list[str]:
    """When the page applies: the text of each way here."""
    page.wait_for_load_state("load")
    return [a.inner_text() for a in page.locator(".applies a").all() if a.is_visible()]


@pytest.mark.parametrize("page_fixture", ["phone", "phone_without_js"])
def test_a_shared_page_says_when_it_applies_not_every_way(site: BuiltSite, page_fixture: str,
                                                         request: pytest.FixtureRequest) -> None:
    page: Page = request.getfixturevalue(page_fixture)
    page.goto(f"{site.url}guide/merchant-refuses/")
    assert answers_shown(page) == []
    assert ways_shown(page) == ["退款中 / 售后中 › 商家拒绝了",
                                "待发货 › 我申请了退款，但商家拒绝或不处理",
                                "待收货 › 我申请了售后，但商家拒绝了",
                                "另有 1 种情况"]  # 已完成's way, left to the flowchart
    page.locator(".applies a", has_text="待收货").click()  # each way leads to where it is asked
    expect(page).to_have_url(f"{site.url}guide/shipped/")


def test_with_javascript_the_trail_is_the_answers_the_reader_gave(site: BuiltSite, phone: Page) -> None:
    walk(phone, site, ("order-status", "completed", "merchant-refuses"))
    assert answers_shown(phone) == ["order-status completed", "completed merchant-refuses"]
    assert ways_shown(phone) == []
    phone.go_back()
    expect(phone).to_have_url(f"{site.url}guide/completed/")
    tap_answer(phone, "商品有质量问题或与描述不符")
    assert answers_shown(phone) == ["order-status completed", "completed quality-problem"]


def test_the_trail_crosses_the_language_switch(site: BuiltSite, phone: Page) -> None:
    walk(phone, site, ("order-status", "shipped", "refund-not-received"))
    phone.locator(".md-header__option .md-select button").click()
    phone.locator("[data-language-switch='en']").click()
    expect(phone).to_have_url(f"{site.url}en/guide/refund-not-received/")
    assert answers_shown(phone) == ["order-status shipped", "shipped refund-not-received"]
    expect(phone.locator(".trail")).to_contain_text("Your answers")
    expect(phone.locator(".trail__answers li").first).to_contain_text("待收货 – Shipped")
    phone.locator(".trail__answers a", has_text="待收货 – Shipped").click()  # change it, in English
    expect(phone).to_have_url(f"{site.url}en/")
    tap_answer(phone, "已取消 – Cancelled")
    assert answers_shown(phone) == ["order-status cancelled"]


def test_a_reader_who_arrives_elsewhere_sees_no_stale_trail(site: BuiltSite, phone: Page) -> None:
    walk(phone, site, ("order-status", "completed", "fraud"))
    phone.goto(f"{site.url}guide/merchant-refuses/")  # by a link, not by an answer
    assert answers_shown(phone) == []
    assert len(ways_shown(phone)) == 4  # three ways and "1 more"


def test_changing_an_earlier_answer_and_starting_again(site: BuiltSite, phone: Page) -> None:
    walk(phone, site, ("order-status", "shipped", "refund-not-received"))
    phone.locator(".trail__answers a", has_text="待收货").click()  # "change" the first answer
    expect(phone).to_have_url(site.url)
    tap_answer(phone, "待发货")
    tap_answer(phone, "商家一直不发货")
    expect(phone).to_have_url(f"{site.url}guide/seller-not-shipping/")
    assert answers_shown(phone) == ["order-status pending-shipment", "pending-shipment seller-not-shipping"]
    phone.locator(".trail__restart").click()
    expect(phone).to_have_url(site.url)
    phone.goto(f"{site.url}guide/seller-not-shipping/")  # started again: nothing remembered
    assert answers_shown(phone) == []


def test_back_and_forward_buttons(site: BuiltSite, phone: Page) -> None:
    walk(phone, site, ("order-status", "completed", "within-seven-days", "return-no-reason"))
    phone.go_back()
    expect(phone).to_have_url(f"{site.url}guide/within-seven-days/")
    phone.go_back()
    expect(phone).to_have_url(f"{site.url}guide/completed/")
    phone.go_forward()
    expect(phone).to_have_url(f"{site.url}guide/within-seven-days/")


def test_a_refund_in_progress_is_the_first_choice_and_leads_to_the_merchants_deadline(
        site: BuiltSite, phone: Page) -> None:
    phone.goto(site.url)
    expect(phone.locator(".choices a").first).to_contain_text("退款中 / 售后中")
    tap_answer(phone, "退款中 / 售后中")
    expect(phone).to_have_url(f"{site.url}guide/after-sale-in-progress/")
    tap_answer(phone, "商品已寄回，商家还没退款")
    expect(phone).to_have_url(f"{site.url}guide/refund-after-return/")
    expect(phone.locator("h1")).to_contain_text("商家收到后 7 日内应当退款")
    expect(phone.locator("h2", has_text="依据")).to_be_visible()
