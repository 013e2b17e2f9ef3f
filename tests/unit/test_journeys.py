"""The reader's journeys through the real tree: at this node, answering X leads to node Y."""

from __future__ import annotations

import pytest

from build_tools.derive.derive import derive
from build_tools.render.trail import trail_box
from build_tools.tree.model import Outcome, Question, Tree
from build_tools.settings import TREE_DIR
from build_tools.tree.read import load_tree
from tests.conftest import TODAY


@pytest.fixture(scope="module")
def tree() -> Tree:
    return load_tree(TREE_DIR, today=TODAY)


def answer(tree: Tree, *labels: str) -> str:
    """Start at the home page and choose each answer by its Chinese label; the node reached."""
    node = tree.nodes[tree.start.id]
    for label in labels:
        assert isinstance(node, Question), f"{node.id} asks nothing, yet {label!r} was answered"
        choices = {a.label.zh: a.next.id for a in node.answers}
        assert label in choices, f"{node.id} offers {list(choices)}, not {label!r}"
        node = tree.nodes[choices[label]]
    return node.id


JOURNEYS = [
    (("待付款",), "pending-payment"),
    (("待发货", "不想要了，想取消并退款"), "refund-before-shipment"),
    (("待发货", "商家一直不发货"), "seller-not-shipping"),
    (("待发货", "我申请了退款，但商家拒绝或不处理"), "merchant-refuses"),
    (("待收货", "还没收到，想退款（或打算拒收）"), "refund-not-received"),
    (("待收货", "收到了，但有质量问题或与描述不符"), "quality-problem"),
    (("待收货", "收到了，没问题，但我不想要了"), "return-no-reason"),
    (("待收货", "我申请了售后，但商家拒绝了"), "merchant-refuses"),
    (("已完成", "商品有质量问题或与描述不符"), "quality-problem"),
    (("已完成", "没问题，只是不想要了", "还在 7 天内"), "return-no-reason"),
    (("已完成", "没问题，只是不想要了", "已经超过 7 天"), "past-seven-days"),
    (("已完成", "商家有欺诈或虚假宣传"), "fraud"),
    (("已完成", "我申请了售后，但商家拒绝了"), "merchant-refuses"),
    (("已取消",), "cancelled"),
    (("我只想删除这条订单记录",), "delete-order"),
]


@pytest.mark.parametrize(("labels", "expected"), JOURNEYS, ids=[" → ".join(j[0]) for j in JOURNEYS])
def test_answers_lead_to_the_right_page(tree: Tree, labels: tuple[str, ...], expected: str) -> None:
    assert answer(tree, *labels) == expected


def all_paths(tree: Tree) -> list[list[str]]:
    """Every way from the home page to an outcome, as node ids."""
    paths, stack = [], [[tree.start.id]]
    while stack:
        path = stack.pop()
        node = tree.nodes[path[-1]]
        if isinstance(node, Question):
            stack.extend(path + [a.next.id] for a in node.answers)
        else:
            paths.append(path)
    return paths


def test_every_path_ends_in_an_outcome(tree: Tree) -> None:
    paths = all_paths(tree)
    assert len(paths) == len(JOURNEYS)
    assert all(isinstance(tree.nodes[p[-1]], Outcome) for p in paths)


def test_every_outcome_is_reached_and_every_journey_is_listed(tree: Tree) -> None:
    reached = {p[-1] for p in all_paths(tree)}
    assert reached == {o.id for o in tree.outcomes()}
    assert reached == {expected for _, expected in JOURNEYS}


def test_the_deepest_outcome_is_three_answers_from_home(tree: Tree) -> None:
    assert max(len(p) - 1 for p in all_paths(tree)) == 3


def test_shared_outcomes_show_every_way_there(tree: Tree) -> None:
    derived = derive(tree)
    ways = [t.ids for t in derived.trails["merchant-refuses"]]
    assert ways == [("order-status", "pending-shipment", "merchant-refuses"),
                    ("order-status", "shipped", "merchant-refuses"),
                    ("order-status", "completed", "merchant-refuses")]
    assert derived.trail_counts["merchant-refuses"] == 3


def test_a_page_reached_by_a_link_says_when_it_applies(tree: Tree) -> None:
    derived = derive(tree)
    box = trail_box(derived, "merchant-refuses", "zh", "guide/merchant-refuses.md", "flowchart.md")
    assert [(" › ".join(s.labels), s.href) for s in box.situations] == [
        ("待发货 › 我申请了退款，但商家拒绝或不处理", "../pending-shipment/"),
        ("待收货 › 我申请了售后，但商家拒绝了", "../shipped/"),
        ("已完成 › 我申请了售后，但商家拒绝了", "../completed/")]
    deep = trail_box(derived, "past-seven-days", "en", "guide/past-seven-days.md", "flowchart.md")
    assert [" › ".join(s.labels) for s in deep.situations] == [
        "已完成 – Completed › Nothing wrong; I just don't want it › No, more than 7 days"]
    assert trail_box(derived, tree.start.id, "zh", "index.md", "flowchart.md") is None


def test_every_answer_a_reader_may_give_on_the_way_is_on_the_page(tree: Tree) -> None:
    """Whichever way a reader came, the script finds each of their answers in the page."""
    derived = derive(tree)
    box = trail_box(derived, "return-no-reason", "zh", "guide/return-no-reason.md", "flowchart.md")
    on_page = {a.step for a in box.answers}
    for trail in derived.trails["return-no-reason"]:
        assert {f"{a} {b}" for a, b in zip(trail.ids, trail.ids[1:])} <= on_page
    assert on_page == {"order-status completed", "order-status shipped",
                       "completed within-seven-days", "within-seven-days return-no-reason",
                       "shipped return-no-reason"}
