"""The flowchart's text: lines wrap where a reader expects, the outline reads answer then page,
and each tip is listed with the boxes it belongs to."""

from __future__ import annotations

import re
from collections import Counter

import pytest

from build_tools.derive.derive import Derived, answers, derive
from build_tools.derive.paths import link
from build_tools.render.flowchart import chart_nodes, chart_tips, flowchart_outline
from build_tools.render.flowchart.measure import text_width, wrap
from build_tools.settings import TREE_DIR
from build_tools.tree.read import load_tree
from tests.conftest import TODAY
from tests.unit.test_flowchart import tiny_tree

PAGE = "flowchart.md"


@pytest.fixture(scope="module")
def real() -> Derived:
    return derive(load_tree(TREE_DIR, today=TODAY))


def branch(derived: Derived, root: str) -> set[str]:
    """A status page's nodes: the status and everything its answers lead to."""
    seen = [root]
    for node_id in seen:
        seen += [a.next.id for a in answers(derived.tree.nodes[node_id]) if a.next.id not in seen]
    return set(seen)


# --- the outline, for readers without the picture ---------------------------------------------

def test_the_outline_links_every_question_and_outcome_once_per_parent(real: Derived) -> None:
    outline = flowchart_outline(real, "zh", PAGE)
    targets = re.findall(r"\]\(([^)]+)\)", outline)
    assert set(targets) == {link(PAGE, real.path(i)) for i in chart_nodes(real)}
    parents = Counter(a.next.id for q in real.tree.questions() for a in q.answers)
    assert targets.count(link(PAGE, real.path("merchant-refuses"))) == parents["merchant-refuses"]


def test_the_outline_reads_answer_then_page(real: Derived) -> None:
    """Home; under it 待收货 → the shipped page; three levels down, 还在 7 天内 → its outcome."""
    def title(node_id: str) -> str:
        return real.tree.nodes[node_id].title.zh

    outline = flowchart_outline(real, "zh", PAGE).splitlines()
    assert outline[0] == f"- [{title(real.tree.start.id)}](index.md)"
    assert f"    - 待收货 → [{title('shipped')}](guide/shipped.md)" in outline
    assert (f"            - 还在 7 天内 → [{title('return-no-reason')}](guide/return-no-reason.md)"
            in outline)


def test_the_outline_lists_what_follows_a_shared_node_once_and_no_tips() -> None:
    outline = flowchart_outline(tiny_tree("开始", "是", "结果"), "en", PAGE)
    assert outline == ("- [开始](index.md)\n"
                       "    - 是 → [结果](guide/done.md)\n"
                       "    - Other → [结果](guide/done.md)\n")


def test_the_outline_of_a_branch_starts_at_the_status(real: Derived) -> None:
    outline = flowchart_outline(real, "zh", "guide/completed.md", only=branch(real, "completed"))
    assert outline.startswith(f"- [{real.tree.nodes['completed'].title.zh}](completed.md)\n")
    assert "index.md" not in outline


def test_the_outline_with_an_unknown_id_says_which(real: Derived) -> None:
    with pytest.raises(ValueError, match="no-such-node"):
        flowchart_outline(real, "zh", PAGE, only={"completed", "no-such-node"})


# --- tips beside the drawing --------------------------------------------------------------------

def test_each_tip_is_listed_with_the_boxes_that_link_it(real: Derived) -> None:
    tips = {t.id: t for t in chart_tips(real, "en", chart_nodes(real))}
    assert set(tips) == {t.id for t in real.tree.tips()}
    users = [node_id for node_id, _ in tips["keep-evidence"].boxes]
    assert users == [i for i in chart_nodes(real)
                     if "keep-evidence" in [r.id for r in getattr(real.tree.nodes[i], "tips", ())]]
    assert dict(tips["keep-evidence"].boxes)["fraud"] == real.tree.nodes["fraud"].title.en


def test_a_branch_lists_only_its_own_boxes_tips(real: Derived) -> None:
    shown = chart_nodes(real, branch(real, "pending-shipment"))
    listed = {box for tip in chart_tips(real, "zh", shown) for box, _ in tip.boxes}
    assert listed and listed <= set(shown)


# --- text wrapping ----------------------------------------------------------------------------

def test_chinese_lines_never_start_with_closing_punctuation() -> None:
    lines = wrap("商家拒绝退款或售后，申请官方介入。" * 3, 14, 14 * 9)
    assert len(lines) > 1 and not [line for line in lines if line[0] in "，。：）”"]
    assert all(text_width(line, 14) <= 14 * 9 for line in lines)


def test_english_wraps_between_words_and_keeps_long_words_whole() -> None:
    text = "Ask the supercalifragilistic merchant for a refund only, then wait"
    lines = wrap(text, 12, 100)
    assert " ".join(lines) == text
    assert "supercalifragilistic" in lines and len(lines) > 2
