"""Large trees are cut into flowcharts a phone can read; every page links to a chart it is in."""

from __future__ import annotations

import pytest

from build_tools.derive.charts import MAX_BOXES, branch_panel, chart_of, chart_pages, first_boxes, panels
from build_tools.derive.derive import answers, derive
from build_tools.derive.paths import FLOWCHART
from build_tools.settings import TREE_DIR
from build_tools.tree.model import Question
from build_tools.tree.read import load_tree
from tests.conftest import TODAY
from tests.synthetic import synthetic_tree


def test_the_real_tree_is_one_chart() -> None:
    derived = derive(load_tree(TREE_DIR, today=TODAY))
    (chart,) = chart_pages(derived)
    assert chart.path == FLOWCHART and chart.nodes == frozenset(derived.tree.nodes)


@pytest.mark.parametrize("size", [100, 1000, 10_000])
def test_large_trees_are_cut_into_readable_charts(size: int) -> None:
    derived = derive(synthetic_tree(size))
    charts = chart_pages(derived)
    drawn_in = chart_of(charts)
    assert set(drawn_in) == set(derived.tree.nodes)  # every page has a chart
    assert all(node_id in chart.nodes for node_id, chart in drawn_in.items())
    boxes = [len(c.nodes - {t.id for t in derived.tree.tips()}) for c in charts]
    assert max(boxes) <= MAX_BOXES + 4  # a question's answers are never split across charts
    assert len({c.path for c in charts}) == len(charts)
    paths = {c.path for c in charts}
    assert all(c.parent is None or c.parent in paths for c in charts)  # linked from above


def test_a_status_page_chart_is_capped() -> None:
    derived = derive(synthetic_tree(1000))
    assert len(first_boxes(derived, derived.tree.start.id)) <= MAX_BOXES + 4


def test_the_real_chart_is_an_overview_then_each_status_in_the_home_pages_order() -> None:
    derived = derive(load_tree(TREE_DIR, today=TODAY))
    overview, *branches = panels(derived, chart_pages(derived)[0])
    start = derived.tree.start.id
    assert overview.root == start and overview.nodes == {start, *derived.statuses}
    questions = [s for s in derived.statuses if isinstance(derived.tree.nodes[s], Question)]
    assert overview.below == set(questions) and [b.root for b in branches] == questions
    shipped = branches[questions.index("shipped")]
    assert shipped.nodes == reachable(derived, "shipped") and not shipped.below


def reachable(derived, node_id: str) -> set[str]:
    """The node and every question or outcome below it."""
    found, pending = {node_id}, [node_id]
    while pending:
        for answer in answers(derived.tree.nodes[pending.pop()]):
            if answer.next.id not in found:
                found.add(answer.next.id)
                pending.append(answer.next.id)
    return found


@pytest.mark.parametrize("size", [100, 1000])
def test_every_box_of_a_chart_is_in_one_of_its_panels(size: int) -> None:
    derived = derive(synthetic_tree(size))
    tips = {t.id for t in derived.tree.tips()}
    for chart in chart_pages(derived):
        drawn = panels(derived, chart)
        assert set().union(*(p.nodes for p in drawn)) == chart.nodes - tips
        assert all(p.root in p.nodes for p in drawn)
        if len(chart.roots) > 1:  # a continuation of several branches: one panel each
            assert [p.root for p in drawn] == list(chart.roots)


def test_a_status_pages_panel_is_its_branch_capped() -> None:
    derived = derive(synthetic_tree(1000))
    status = derived.statuses[0]
    assert branch_panel(derived, status).nodes == first_boxes(derived, status)
