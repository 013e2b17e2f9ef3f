"""The chart as text: a nested Markdown list of answers and pages, for readers without the
picture, and the tips each box links to, listed beside the drawing rather than drawn in it."""

from __future__ import annotations

from dataclasses import dataclass

from build_tools.derive.derive import Derived, answers
from build_tools.derive.paths import link
from build_tools.render.templating import link_text
from build_tools.render.text import plain
from build_tools.tree.model import Tip


def flowchart_outline(derived: Derived, lang: str, page_path: str,
                      only: set[str] | frozenset[str] | None = None) -> str:
    """The chart's questions and outcomes as a nested list of links, each under the answer that
    leads to it. A node reached by several answers is listed under each, but what follows it
    is listed only the first time."""
    ids = chart_nodes(derived, only)
    included = set(ids)
    lines: list[str] = []
    expanded: set[str] = set()
    # Depth first, by hand: a large tree's chain of questions may be deeper than Python recurses.
    pending: list[tuple[str, str, int]] = [(root, "", 0) for root in reversed(_roots(derived, ids))]
    while pending:
        node_id, prefix, depth = pending.pop()
        node = derived.tree.nodes[node_id]
        target = link(page_path, derived.path(node_id))
        lines.append(f"{'    ' * depth}- {prefix}[{link_text(plain(node.title[lang]))}]({target})")
        if node_id in expanded:
            continue
        expanded.add(node_id)
        pending.extend(reversed([(a.next.id, f"{a.label[lang]} → ", depth + 1)
                                 for a in answers(node) if a.next.id in included]))
    return "\n".join(lines) + "\n"


def chart_nodes(derived: Derived, only: set[str] | frozenset[str] | None = None) -> list[str]:
    """The questions and outcomes a chart shows, parents before children (the tree's order)."""
    tree = derived.tree
    if only is not None and not only <= tree.nodes.keys():
        raise ValueError(f"flowchart: unknown node ids {sorted(only - tree.nodes.keys())}")
    ids = list(derived.order) if only is None else sorted(only, key=derived.rank.__getitem__)
    return [i for i in ids if not isinstance(tree.nodes[i], Tip)]


@dataclass(frozen=True)
class TipEntry:
    """A tip, and the boxes of this chart that link to it (in the chart's order)."""

    id: str
    title: str
    boxes: tuple[tuple[str, str], ...]  # (node id, title)


def chart_tips(derived: Derived, lang: str, shown: list[str]) -> list[TipEntry]:
    """The tips of the boxes `shown`, in the tree's order of tips, each with its boxes."""
    users: dict[str, list[str]] = {}
    for node_id in shown:
        for ref in getattr(derived.tree.nodes[node_id], "tips", ()):
            users.setdefault(ref.id, []).append(node_id)
    return [TipEntry(tip.id, plain(tip.title[lang]),
                     tuple((n, plain(derived.tree.nodes[n].title[lang]))
                           for n in dict.fromkeys(users[tip.id])))
            for tip in derived.tree.tips() if tip.id in users]


def _roots(derived: Derived, ids: list[str]) -> list[str]:
    """The nodes no other shown node leads to, in chart order (the start, for the whole tree)."""
    included = set(ids)
    children = {a.next.id for i in ids for a in answers(derived.tree.nodes[i])} & included
    return [i for i in ids if i not in children]
