"""What a page's drawings show: each panel's boxes in reading order, each hanging from the
answer that leads to it. Language-free; layout.py gives the boxes their texts and places.

A panel is read as a tree, top to bottom, its answers in their authored order (for the start,
the home page's order). The tree is a graph, though: a node reached by several answers is drawn
in full the first time the page meets it (that box is the one `#fc-<id>` finds), and each later
time as a box marked "drawn above", its answers not repeated, like the outline.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from build_tools.derive.charts import Panel
from build_tools.derive.derive import Derived, answers

OWN, AGAIN, BELOW = "own", "again", "below"  # a box's role: see Drawn


@dataclass(frozen=True)
class Drawn:
    """One box of a panel."""

    node: str
    depth: int  # answers from the panel's root
    role: str  # OWN: the node's own box; AGAIN: drawn in full above; BELOW: has a panel below
    parent: int | None  # the index, in the panel's boxes, of the question it hangs from
    answer: int | None  # which of the parent's answers leads here


@dataclass(frozen=True)
class Drawing:
    root: str
    boxes: tuple[Drawn, ...]


def drawings(derived: Derived, panels: Iterable[Panel]) -> list[Drawing]:
    """The page's panels, in order; a node's own box is in the first panel that reaches it."""
    owned: set[str] = set()
    return [_drawing(derived, panel, owned) for panel in panels]


def _drawing(derived: Derived, panel: Panel, owned: set[str]) -> Drawing:
    # not `panel.nodes - nodes.keys()`: that walks every node of the tree, for every panel
    unknown = {i for i in panel.nodes if i not in derived.tree.nodes}
    if unknown or panel.root not in panel.nodes:
        raise ValueError(f"flowchart: unknown node ids {sorted(unknown or {panel.root})}")
    boxes: list[Drawn] = []
    # Depth first, by hand: a panel of a large tree may be deeper than Python's recursion.
    pending: list[tuple[str, int, int | None, int | None]] = [(panel.root, 0, None, None)]
    while pending:
        node_id, depth, parent, answer = pending.pop()
        role = BELOW if node_id in panel.below else AGAIN if node_id in owned else OWN
        boxes.append(Drawn(node_id, depth, role, parent, answer))
        if role != OWN:
            continue
        owned.add(node_id)
        here = len(boxes) - 1
        children = [(a.next.id, depth + 1, here, n)
                    for n, a in enumerate(answers(derived.tree.nodes[node_id]))
                    if a.next.id in panel.nodes]
        pending.extend(reversed(children))  # popped in the answers' order
    return Drawing(panel.root, tuple(boxes))
