"""Large trees are cut into flowcharts a phone can read; every page links to a chart it is in."""

from __future__ import annotations

import pytest

from build_tools.derive.charts import MAX_BOXES, chart_of, chart_pages, first_boxes
from build_tools.derive.derive import derive
from build_tools.derive.paths import FLOWCHART
from build_tools.settings import TREE_DIR
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
