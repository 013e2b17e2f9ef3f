"""Merge the parsed files into one Tree and check it as a graph, collecting every problem.

Runs only on files that parsed cleanly, so that one typo is reported once and not again
as the dangling references and unreachable nodes it would cause.
"""

from __future__ import annotations

from collections.abc import Iterator

from build_tools.tree.model import (LANGUAGES, NOWHERE, Node, Outcome, Question, Ref, Tip, Tree, TreeFile,
                                    node_kind)
from build_tools.tree.problems import Notice, Problem, did_you_mean

# A phone's first screen (390×844) holds about nine answers: each is a boxed link 64 px apart
# (measured on the home page, whose six choices run from 291 to 668 px under its title and
# question). More, and the reader scrolls through choices they must all keep in mind to
# compare: a question that needs more is two questions. The site still works (and its
# navigation stays short, publish/site.py), so this is a warning, not an error.
MAX_ANSWERS = 9


def assemble(files: list[TreeFile]) -> tuple[Tree | None, list[Problem]]:
    """One Tree from many files: every id defined once, one start."""
    problems: list[Problem] = []
    nodes: dict[str, Node] = {}
    sources: dict = {}
    for record, table in _records(files, nodes, sources):
        first = table.get(record.id)
        if first is not None:
            problems.append(Problem(record.at, f"duplicate id '{record.id}' "
                                               f"(first defined at {first.at})"))
        else:
            table[record.id] = record
    starts = [f.start for f in files if f.start is not None]
    for extra in starts[1:]:
        problems.append(Problem(extra.at, f"`start` is set twice (first at {starts[0].at})"))
    if not starts:
        where = files[0].at if files else NOWHERE
        problems.append(Problem(where, "no file sets `start:` (the id of the first question)"))
        return None, problems
    redirects = tuple(r for f in files for r in f.redirects)
    phrasings = tuple(p for f in files for p in f.phrasings)
    return Tree(starts[0], nodes, sources, redirects, phrasings), problems


def _records(files: list[TreeFile], nodes: dict, sources: dict) -> Iterator[tuple[object, dict]]:
    for f in files:
        yield from ((n, nodes) for n in f.nodes)
        yield from ((s, sources) for s in f.sources)


def validate(tree: Tree) -> list[Problem]:
    """Every graph problem: references, reachability, loops, redirects."""
    problems = list(_check_start(tree))
    problems += _check_labels(tree)
    problems += _check_references(tree)
    problems += _check_question_sources(tree)
    if problems:  # reachability and loops are meaningless over broken edges
        return problems
    problems += _check_reachable(tree)
    problems += _check_loops(tree)
    problems += _check_redirects(tree)
    return problems


def advise(tree: Tree) -> list[Notice]:
    """What a valid tree's readers will struggle with: questions with too many answers."""
    return [Notice(q.at, f"'{q.id}' has {len(q.answers)} answers; a phone shows about "
                         f"{MAX_ANSWERS} at once: split the question in two")
            for q in tree.questions() if len(q.answers) > MAX_ANSWERS]


def _check_labels(tree: Tree) -> Iterator[Problem]:
    """Two answers a reader cannot tell apart, in any language."""
    for question in tree.questions():
        for lang in LANGUAGES:
            first: dict[str, int] = {}
            for answer in question.answers:
                label = answer.label[lang]
                if label in first:
                    yield Problem(answer.at, f"two answers of '{question.id}' are labelled "
                                             f"'{label}' (the first on line {first[label]}); "
                                             "a reader could not tell them apart")
                first.setdefault(label, answer.at.line)


def answer_refs(node: Node) -> list[Ref]:
    return [a.next for a in node.answers] if isinstance(node, Question) else []


def links(node: Node) -> list[Ref]:
    """Every edge out of a node: answers, then tips."""
    return answer_refs(node) + list(getattr(node, "tips", ()))


def _check_start(tree: Tree) -> Iterator[Problem]:
    node = tree.nodes.get(tree.start.id)
    if node is None:
        yield _unknown(tree.start, "node", list(tree.nodes))
    elif not isinstance(node, Question):
        yield Problem(tree.start.at, f"`start` must be a question; '{node.id}' is "
                                     f"{_a(node_kind(type(node)))}")


def _check_references(tree: Tree) -> Iterator[Problem]:
    for node in tree.nodes.values():
        for answer in getattr(node, "answers", ()):
            yield from _expect(tree, answer.next, (Question, Outcome),
                               "an answer must lead to a question or an outcome")
        for tip in getattr(node, "tips", ()):
            yield from _expect(tree, tip, (Tip,), "`tips` must name tip nodes")
        for source in getattr(node, "sources", ()):
            if source.id not in tree.sources:
                yield _unknown(source, "source", list(tree.sources))
    renamed = {r.old for r in tree.redirects}  # a phrasing, like a link, may name an old id
    for phrasing in tree.phrasings:
        for page in (phrasing.expect, *phrasing.also):
            if page.id not in tree.nodes and page.id not in renamed:
                yield _unknown(page, "node", list(tree.nodes))


def _check_question_sources(tree: Tree) -> Iterator[Problem]:
    """A question that cites sources states a rule: like an outcome, it says when it was checked."""
    for node in tree.questions():
        if node.sources and node.reviewed is None:
            yield Problem(node.at, f"question '{node.id}' names `sources` but no `reviewed` date; "
                                   "add `reviewed: YYYY-MM-DD` (when its rule was last checked)")
        elif node.reviewed is not None and not node.sources:
            yield Problem(node.at, f"question '{node.id}' has a `reviewed` date but no `sources`; "
                                   "name the sources its intro relies on, or remove the date")


def _expect(tree: Tree, ref: Ref, kinds: tuple[type, ...], rule: str) -> Iterator[Problem]:
    node = tree.nodes.get(ref.id)
    if node is None:
        yield _unknown(ref, "node", list(tree.nodes))
    elif not isinstance(node, kinds):
        yield Problem(ref.at, f"{rule}; '{ref.id}' is {_a(node_kind(type(node)))}")


def _unknown(ref: Ref, what: str, known: list[str]) -> Problem:
    return Problem(ref.at, f"there is no {what} with the id '{ref.id}'{did_you_mean(ref.id, known)}")


def _a(kind: str) -> str:
    return f"an {kind}" if kind[0] in "aeiou" else f"a {kind}"


def _check_reachable(tree: Tree) -> Iterator[Problem]:
    seen = reachable(tree)
    for node in tree.nodes.values():
        if node.id in seen:
            continue
        if isinstance(node, Tip):
            yield Problem(node.at, f"tip '{node.id}' is not linked from any page; "
                                   "add its id to a question's or outcome's `tips:`")
        else:
            yield Problem(node.at, f"'{node.id}' cannot be reached: no answer on the way from "
                                   f"the start ('{tree.start.id}') leads to it")


def reachable(tree: Tree) -> set[str]:
    """Ids reachable from the start by answers and tip links (iterative: trees can be deep)."""
    seen, stack = {tree.start.id}, [tree.start.id]
    while stack:
        for ref in links(tree.nodes[stack.pop()]):
            if ref.id not in seen:
                seen.add(ref.id)
                stack.append(ref.id)
    return seen


def _check_loops(tree: Tree) -> Iterator[Problem]:
    """Depth-first search over answers with an explicit stack; report each edge closing a loop."""
    done: set[str] = set()
    for root in tree.nodes:
        if root in done:
            continue
        path, on_path = [root], {root}
        stack = [iter(answer_refs(tree.nodes[root]))]
        while stack:
            ref = next(stack[-1], None)
            if ref is None:
                stack.pop()
                finished = path.pop()
                on_path.discard(finished)
                done.add(finished)
                continue
            if ref.id in on_path:
                loop = path[path.index(ref.id):] + [ref.id]
                yield Problem(ref.at, "this answer leads back to an earlier question, making a "
                                      f"loop: {_shorten(loop)}")
            elif ref.id not in done:
                path.append(ref.id)
                on_path.add(ref.id)
                stack.append(iter(answer_refs(tree.nodes[ref.id])))


def _shorten(loop: list[str], keep: int = 3) -> str:
    """A loop as `a → b → a`; a long one keeps its ends and says how long it is."""
    if len(loop) <= 2 * keep + 1:
        return " → ".join(loop)
    return " → ".join(loop[:keep] + ["…"] + loop[-keep:]) + f" ({len(loop) - 1} questions)"


def _check_redirects(tree: Tree) -> Iterator[Problem]:
    seen: set[str] = set()
    for redirect in tree.redirects:
        if redirect.old in tree.nodes:
            yield Problem(redirect.at, f"'{redirect.old}' is a live node; a redirect from it "
                                       "would hide its page")
        elif redirect.old in seen:
            yield Problem(redirect.at, f"duplicate redirect from '{redirect.old}'")
        seen.add(redirect.old)
        if redirect.to.id not in tree.nodes:
            yield _unknown(redirect.to, "node", list(tree.nodes))
