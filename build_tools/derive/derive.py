"""What every view needs, computed once from the validated tree: order, trails, depths, status
pages and tip users. Language-free: the per-language texts are render/text.py's."""

from __future__ import annotations

from collections import deque
from dataclasses import dataclass
from functools import cached_property

from build_tools.tree.model import Answer, Node, Question, Tip, Tree
from build_tools.derive.paths import node_path

MAX_TRAILS = 3  # a page reached by many paths shows the first few and counts the rest
# Counting stops here: past it the number tells nobody anything, and the ways through a
# diamond of questions double with each layer (100 layers: a 31-digit number, which pages once
# printed).
MANY_WAYS = 100


@dataclass(frozen=True)
class Step:
    """One answer given on the way: at `question`, the reader chose `answer`."""

    question: Question
    answer: Answer


@dataclass(frozen=True)
class Trail:
    steps: tuple[Step, ...]

    @property
    def ids(self) -> tuple[str, ...]:
        """The node ids along the trail, ending with the page it leads to."""
        if not self.steps:
            return ()
        return tuple(s.question.id for s in self.steps) + (self.steps[-1].answer.next.id,)


@dataclass(frozen=True)
class Derived:
    """Language-independent facts about every node."""

    tree: Tree
    order: tuple[str, ...]  # questions and outcomes, parents before children, then the tips
    trails: dict[str, tuple[Trail, ...]]  # first MAX_TRAILS ways from the start to each node
    trail_counts: dict[str, int]  # how many ways there are in all, up to MANY_WAYS
    depth: dict[str, int]  # fewest answers from the home page
    statuses: tuple[str, ...]  # the start question's answers' targets: the status pages
    tip_users: dict[str, tuple[str, ...]]  # tip id -> ids of the pages that link it
    arrivals: dict[str, tuple[Step, ...]]  # node id -> the answers that lead to it, in order

    @cached_property
    def rank(self) -> dict[str, int]:
        """Each node's place in `order`, to sort a few nodes without walking them all."""
        return {node_id: i for i, node_id in enumerate(self.order)}

    def path(self, node_id: str) -> str:
        return node_path(node_id, self.tree.start.id)


def derive(tree: Tree) -> Derived:
    order = topological_order(tree)
    trails: dict[str, list[Trail]] = {tree.start.id: [Trail(())]}
    counts: dict[str, int] = {tree.start.id: 1}
    for node_id in order:
        for answer in answers(tree.nodes[node_id]):
            step = Step(tree.nodes[node_id], answer)
            child = answer.next.id
            counts[child] = min(counts.get(child, 0) + counts[node_id], MANY_WAYS)
            known = trails.setdefault(child, [])
            for trail in trails[node_id][: MAX_TRAILS - len(known)]:
                known.append(Trail(trail.steps + (step,)))
    return Derived(
        tree=tree,
        order=tuple(order) + tuple(t.id for t in tree.tips()),
        trails={k: tuple(v) for k, v in trails.items()},
        trail_counts=counts,
        depth=_depths(tree),
        statuses=tuple(a.next.id for a in answers(tree.nodes[tree.start.id])),
        tip_users=_tip_users(tree),
        arrivals=_arrivals(tree, order),
    )


def steps_towards(derived: Derived, node_id: str) -> tuple[Step, ...]:
    """Every answer on any way from the start to the node, earlier questions first: whichever
    way a reader came, each answer they gave is one of these."""
    seen, queue, found = {node_id}, deque([node_id]), []
    while queue:
        for step in derived.arrivals.get(queue.popleft(), ()):
            found.append(step)
            if step.question.id not in seen:
                seen.add(step.question.id)
                queue.append(step.question.id)
    return tuple(sorted(found, key=lambda s: (derived.rank[s.question.id],
                                              derived.rank[s.answer.next.id])))


def answers(node: Node) -> tuple[Answer, ...]:
    return node.answers if isinstance(node, Question) else ()


def topological_order(tree: Tree) -> list[str]:
    """Questions and outcomes, parents before children (Kahn's algorithm; the tree has no loops)."""
    indegree = {i: 0 for i, n in tree.nodes.items() if not isinstance(n, Tip)}
    for node in tree.nodes.values():
        for answer in answers(node):
            indegree[answer.next.id] += 1
    ready = deque([tree.start.id])
    order = []
    while ready:
        node_id = ready.popleft()
        order.append(node_id)
        for answer in answers(tree.nodes[node_id]):
            indegree[answer.next.id] -= 1
            if indegree[answer.next.id] == 0:
                ready.append(answer.next.id)
    return order


def _depths(tree: Tree) -> dict[str, int]:
    depth = {tree.start.id: 0}
    queue = deque([tree.start.id])
    while queue:
        node_id = queue.popleft()
        for answer in answers(tree.nodes[node_id]):
            if answer.next.id not in depth:
                depth[answer.next.id] = depth[node_id] + 1
                queue.append(answer.next.id)
    return depth


def _arrivals(tree: Tree, order: list[str]) -> dict[str, tuple[Step, ...]]:
    """The answers that lead to each node, their questions in the tree's order."""
    found: dict[str, list[Step]] = {}
    for node_id in order:
        for answer in answers(tree.nodes[node_id]):
            found.setdefault(answer.next.id, []).append(Step(tree.nodes[node_id], answer))
    return {k: tuple(v) for k, v in found.items()}


def _tip_users(tree: Tree) -> dict[str, tuple[str, ...]]:
    users: dict[str, list[str]] = {tip.id: [] for tip in tree.tips()}
    for node in tree.nodes.values():
        for ref in getattr(node, "tips", ()):
            users[ref.id].append(node.id)
    return {k: tuple(v) for k, v in users.items()}
