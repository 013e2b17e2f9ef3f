"""How the tree is cut into flowcharts a phone can still read: chart pages, and the drawings
(panels) on each.

A small tree is one chart, at /flowchart/. A large one is cut breadth-first from the start: a
chart draws questions with the boxes of all their answers while it has room (MAX_BOXES); the
questions that no longer fit are drawn as boxes and continue together in the next chart, at
/flowchart/<first of them>/, linked from the chart above. Every node's page links to one chart
where its box stands (`#fc-<id>`). Tips join the chart of the first page that links them.
Continuation charts move as the tree grows, so their URLs are not promised (published_urls.txt
lists /flowchart/ only).

A chart page is drawn as narrow panels, one under the other, each read top to bottom: with one
root, an overview (the root and the boxes its answers lead to, in the root's order, which for
the start is the home page's) and then one panel per question among those boxes; a
continuation of several branches draws one panel per branch. However wide the tree grows, a
panel only grows longer. Tips are listed beside the panels, not drawn.
"""

from __future__ import annotations

import dataclasses
from collections import deque
from dataclasses import dataclass

from build_tools.derive.derive import Derived, answers
from build_tools.tree.model import Question, Tip
from build_tools.derive.paths import FLOWCHART

MAX_BOXES = 60  # beyond this a chart is a wall of boxes on a phone, and slow to lay out
MAX_ROOTS = 12  # branches continued in one chart: each still gets room for its answers


@dataclass(frozen=True)
class ChartPage:
    roots: tuple[str, ...]  # the nodes at the top (several for a continuation of many branches)
    nodes: frozenset[str]  # every box drawn
    path: str  # source path: flowchart.md, or flowchart/<first root>.md
    parent: str | None  # the path of the chart above, None for the first
    owned: frozenset[str] = frozenset()  # the nodes whose pages link to this chart


def chart_pages(derived: Derived, max_boxes: int = MAX_BOXES) -> list[ChartPage]:
    """The charts, first the one at the start, then the continuations breadth-first."""
    owner: dict[str, str] = {}  # node id -> path of the chart its page links to
    pages: list[ChartPage] = []
    pending: deque[tuple[list[str], str | None]] = deque([([derived.tree.start.id], None)])
    while pending:
        roots, parent = pending.popleft()
        path = FLOWCHART if parent is None else f"flowchart/{roots[0]}.md"
        shown, expanded, overflow = _fill(derived, roots, owner, max_boxes)
        for node_id in [*roots, *expanded, *shown]:
            owner.setdefault(node_id, path)
        for start in range(0, len(overflow), MAX_ROOTS):  # branches that did not fit continue
            group = overflow[start:start + MAX_ROOTS]  # together, a few per chart
            pending.append((group, path))
            owner.update(dict.fromkeys(group, f"flowchart/{group[0]}.md"))
        pages.append(ChartPage(tuple(roots), frozenset(shown), path, parent))
    return _with_tips(derived, pages, owner)


def _fill(derived: Derived, roots: list[str], owner: dict[str, str],
          max_boxes: int) -> tuple[list[str], list[str], list[str]]:
    """Questions below `roots`, breadth-first, each with the boxes of all its answers, while they
    fit. Returns the boxes shown, the questions whose answers are drawn, and the questions that
    are shown but continue in another chart."""
    nodes = derived.tree.nodes
    shown, seen, expanded, overflow = list(roots), set(roots), [], []
    queue = deque(roots)
    while queue:
        question = queue.popleft()
        new = [t for t in dict.fromkeys(a.next.id for a in answers(nodes[question])) if t not in seen]
        if expanded and len(shown) + len(new) > max_boxes:
            overflow.append(question)
            continue
        expanded.append(question)
        seen.update(new)
        shown.extend(new)
        queue.extend(t for t in new if isinstance(nodes[t], Question) and t not in owner)
    return shown, expanded, overflow


def _with_tips(derived: Derived, pages: list[ChartPage], owner: dict[str, str]) -> list[ChartPage]:
    """Each tip joins the chart of the first page that links it."""
    result = []
    for page in pages:
        tips = [ref.id for node_id in sorted(page.nodes, key=derived.rank.__getitem__)
                for ref in getattr(derived.tree.nodes[node_id], "tips", ())]
        new = [t for t in dict.fromkeys(tips) if t not in owner]
        owner.update(dict.fromkeys(new, page.path))
        result.append(dataclasses.replace(page, nodes=page.nodes | frozenset(new)))
    owned: dict[str, set[str]] = {}
    for node_id, path in owner.items():
        owned.setdefault(path, set()).add(node_id)
    return [dataclasses.replace(p, owned=frozenset(owned.get(p.path, ()))) for p in result]


@dataclass(frozen=True)
class Panel:
    """One drawing: `root` at the top and the boxes below it among `nodes`; the boxes in
    `below` are drawn again further down as panels of their own, so here they only link there."""

    root: str
    nodes: frozenset[str]
    below: frozenset[str] = frozenset()


def panels(derived: Derived, chart: ChartPage) -> tuple[Panel, ...]:
    """The drawings of a chart page, top to bottom (see the module's docstring)."""
    nodes = derived.tree.nodes  # not tree.tips(), which walks the whole tree for every chart
    shown = frozenset(i for i in chart.nodes if not isinstance(nodes[i], Tip))
    if len(chart.roots) > 1:
        return tuple(_branch(derived, root, shown) for root in chart.roots)
    root = chart.roots[0]
    children = [t for t in dict.fromkeys(a.next.id for a in answers(nodes[root])) if t in shown]
    below = [c for c in children if any(a.next.id in shown for a in answers(nodes[c]))]
    overview = Panel(root, frozenset([root, *children]), frozenset(below))
    return (overview, *(_branch(derived, c, shown) for c in below))


def branch_panel(derived: Derived, node_id: str, max_boxes: int = MAX_BOXES) -> Panel:
    """A status page's own drawing: the node and what its answers lead to, breadth-first, capped."""
    return _branch(derived, node_id, first_boxes(derived, node_id, max_boxes))


def _branch(derived: Derived, root: str, shown: frozenset[str] | set[str]) -> Panel:
    """The root and every box among `shown` that its answers lead to, however deep."""
    reached = [root]
    seen = {root}
    for node_id in reached:
        for answer in answers(derived.tree.nodes[node_id]):
            if answer.next.id in shown and answer.next.id not in seen:
                seen.add(answer.next.id)
                reached.append(answer.next.id)
    return Panel(root, frozenset(reached))


def chart_of(pages: list[ChartPage]) -> dict[str, ChartPage]:
    """Node id -> the chart its page links to (where its box stands, and for a question, its
    answers too)."""
    return {node_id: page for page in pages for node_id in page.owned}


def first_boxes(derived: Derived, node_id: str, max_boxes: int = MAX_BOXES) -> set[str]:
    """A status page's small chart: the node and what its answers lead to, breadth-first, capped."""
    shown, _, _ = _fill(derived, [node_id], {}, max_boxes)
    return set(shown)
