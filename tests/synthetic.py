"""Synthetic decision trees of any size, built straight from the model's dataclasses.

For benchmarks and layout tests: the real tree has about twenty nodes, the help centre may grow
to hundreds. The shape imitates the real one: questions with two to four answers, outcomes
shared by several answers, tips linked from many pages, Chinese text of realistic length.
Same `n` and `seed`, same tree.
"""

from __future__ import annotations

import dataclasses
import datetime
import random
import shutil
from pathlib import Path

from build_tools.tree.model import Answer, Keywords, LineText, Outcome, Question, Ref, Source, Text, Tip, Tree
from build_tools.settings import TREE_DIR
from build_tools.tree.read import load_tree
from tests.conftest import copy_project

WORDS_ZH = ("订单", "退款", "商家", "发货", "申请", "售后", "客服", "物流", "签收", "质量问题",
            "七天无理由", "拒绝", "投诉", "取消", "付款", "运费", "换货", "证据", "官方介入", "包裹")
WORDS_EN = ("order", "refund", "merchant", "shipping", "request", "after-sale", "service",
            "parcel", "received", "quality", "seven-day", "refused", "complaint", "cancel",
            "payment", "postage", "exchange", "evidence", "platform", "WeChat")
REVIEWED = datetime.date(2026, 11, 1)
SOURCE = Source(id="law", title=LineText(zh="消费者权益保护法", en="Consumer law"), quality="law")


def synthetic_tree(n: int, seed: int = 1) -> Tree:
    """A valid tree of about `n` nodes: 40% questions, 50% outcomes, 10% tips."""
    rng = random.Random(seed)
    tips = [f"t{i}" for i in range(max(1, n // 10))]
    questions = [f"q{i}" for i in range(max(1, round((n - len(tips)) * 0.4)))]
    outcomes = [f"o{i}" for i in range(max(1, n - len(tips) - len(questions)))]
    targets = _targets(rng, questions, outcomes)
    nodes = {}
    for qid in questions:
        nodes[qid] = _question(rng, qid, targets[qid], _tip_refs(rng, tips))
    for oid in outcomes:
        nodes[oid] = _outcome(rng, oid, _tip_refs(rng, tips))
    for tid in tips:
        nodes[tid] = _tip(rng, tid)
    _use_every_tip(nodes, tips)
    return Tree(start=Ref(questions[0]), nodes=nodes, sources={"law": SOURCE}, redirects=())


def _targets(rng: random.Random, questions: list[str], outcomes: list[str]) -> dict[str, list[str]]:
    """Each question's answer targets: questions form a breadth-first backbone (so no loops),
    every outcome is used once, and the spare answers share outcomes already used."""
    slots = [(q, k) for q in questions for k in range(rng.randint(2, 4))]
    needed = [*questions[1:], *outcomes]
    while len(slots) < len(needed):  # too few answers: give the last questions more
        slots.append((questions[-1], len(slots)))
    targets: dict[str, list[str]] = {q: [] for q in questions}
    position = {q: i for i, q in enumerate(questions)}
    pending = list(needed)
    for owner, _ in slots:
        # a question may only lead to a later question; outcomes can follow anything
        fits = next((t for t in pending if t not in position or position[t] > position[owner]), None)
        if fits is not None:
            pending.remove(fits)
            targets[owner].append(fits)
        else:
            targets[owner].append(rng.choice(outcomes))
    assert not pending, "synthetic tree: a node was left unreachable"
    return targets


def _tip_refs(rng: random.Random, tips: list[str]) -> tuple[Ref, ...]:
    count = rng.choice((0, 0, 1, 1, 2))
    return tuple(Ref(t) for t in sorted(rng.sample(tips, min(count, len(tips)))))


def _use_every_tip(nodes: dict, tips: list[str]) -> None:
    used = {ref.id for node in nodes.values() for ref in getattr(node, "tips", ())}
    start = next(iter(nodes.values()))
    extra = tuple(Ref(t) for t in tips if t not in used)
    nodes[start.id] = dataclasses.replace(start, tips=start.tips + extra)


def _text(rng: random.Random, low: int, high: int) -> LineText:
    """Chinese of `low` to `high` words, often with a colon or comma, and its English."""
    count = rng.randint(low, high)
    zh = "".join(rng.choice(WORDS_ZH) for _ in range(count))
    if count > 3:
        cut = rng.randint(1, count - 1) * 2
        zh = zh[:cut] + rng.choice("：，") + zh[cut:]
    en = " ".join(rng.choice(WORDS_EN) for _ in range(count + 2)).capitalize()
    return LineText(zh=zh, en=en)


def _question(rng: random.Random, qid: str, targets: list[str], tips: tuple[Ref, ...]) -> Question:
    answers = _distinct(rng, tuple(Answer(label=_text(rng, 2, 7), next=Ref(t)) for t in targets))
    return Question(kind="question", id=qid, title=_text(rng, 3, 9), question=_text(rng, 3, 7),
                    answers=answers, tips=tips, search=Keywords())


def _distinct(rng: random.Random, answers: tuple[Answer, ...]) -> tuple[Answer, ...]:
    """The answers with each label changed until no two read the same in any language (the
    checker refuses answers a reader cannot tell apart)."""
    seen: set[str] = set()
    distinct = []
    for answer in answers:
        label = answer.label
        while label.zh in seen or label.en in seen:
            label = _vary(rng, label)
        seen |= {label.zh, label.en}
        distinct.append(dataclasses.replace(answer, label=label))
    return tuple(distinct)


def _outcome(rng: random.Random, oid: str, tips: tuple[Ref, ...]) -> Outcome:
    body = Text(zh="请按步骤操作。", en="Follow the steps.")
    return Outcome(kind="outcome", id=oid, title=_text(rng, 4, 10), summary=body, steps=(body,),
                   reply=body, sources=(Ref("law"),), reviewed=REVIEWED, tips=tips)


def _tip(rng: random.Random, tid: str) -> Tip:
    body = Text(zh="保持礼貌，说清楚。", en="Be polite and clear.")
    return Tip(kind="tip", id=tid, title=_text(rng, 2, 6), summary=body, points=(body,),
               sources=(Ref("law"),), reviewed=REVIEWED)


# --- realistic text, and the tree written out as the YAML files an editor keeps -----------------

def realistic(tree: Tree, real: Tree, seed: int = 1) -> Tree:
    """The synthetic tree with the real tree's texts: each node borrows a real node's words of
    the same kind, so pages have realistic lengths in Chinese and English; every text is then
    made its own (a few words changed), so no cache can make the build look faster than it is."""
    rng = random.Random(seed)
    pools = {kind: [n for n in real.nodes.values() if n.kind == kind] for kind in ("question", "outcome", "tip")}
    nodes = {}
    for node_id, node in tree.nodes.items():
        model = _vary(rng, rng.choice(pools[node.kind]))
        changes = {f.name: getattr(model, f.name) for f in dataclasses.fields(node)
                   if f.name not in ("id", "kind", "answers", "tips", "sources", "at")}
        if isinstance(node, Question):
            labels = [a for q in pools["question"] for a in q.answers]
            changes["answers"] = _distinct(rng, tuple(dataclasses.replace(rng.choice(labels), next=a.next)
                                                      for a in node.answers))
        changes["sources"] = tuple(Ref(s.id) for s in getattr(model, "sources", ()))
        nodes[node_id] = dataclasses.replace(node, **{k: v for k, v in changes.items()
                                                      if k in {f.name for f in dataclasses.fields(node)}})
    return dataclasses.replace(tree, nodes=nodes, sources=real.sources)


def _vary(rng: random.Random, value: object) -> object:
    """The value with each text changed in one place: a word inserted at a random point."""
    if isinstance(value, Text):
        return type(value)(zh=_insert(rng, value.zh, rng.choice(WORDS_ZH)),
                           en=_insert(rng, value.en, " " + rng.choice(WORDS_EN) + " "))
    if isinstance(value, tuple) and not (value and isinstance(value[0], (Ref, str))):
        return tuple(_vary(rng, v) for v in value)
    if dataclasses.is_dataclass(value) and not isinstance(value, (Ref, Keywords)):
        return dataclasses.replace(value, **{f.name: _vary(rng, getattr(value, f.name))
                                             for f in dataclasses.fields(value) if f.name != "at"})
    return value


def _insert(rng: random.Random, text: str, word: str) -> str:
    """`word` inserted between two characters, never inside Markdown markup or a link."""
    spots = [i for i in range(1, len(text)) if text[i - 1] not in "*[]()`" and text[i] not in "*[]()`"]
    at = rng.choice(spots) if spots else len(text)
    return (text[:at] + word + text[at:]).replace("  ", " ")


def yaml_files(tree: Tree, per_file: int = 500) -> dict[str, str]:
    """The tree as decision_tree/*.yaml files of `per_file` nodes each (sources in their own)."""
    import yaml  # only the benchmarks write YAML

    nodes = [_plain(n) for n in tree.nodes.values()]
    files = {f"nodes-{i // per_file:03}.yaml": {"nodes": nodes[i:i + per_file]}
             for i in range(0, len(nodes), per_file)}
    files["nodes-000.yaml"]["start"] = tree.start.id
    files["sources.yaml"] = {"sources": [_plain(s) for s in tree.sources.values()]}
    class Dumper(yaml.SafeDumper):
        def ignore_aliases(self, data: object) -> bool:  # editors write every value out
            return True

    return {name: yaml.dump(data, Dumper=Dumper, allow_unicode=True, sort_keys=False, width=100)
            for name, data in files.items()}


def _plain(value: object) -> object:
    """A model value as YAML data, the way an editor writes it."""
    if isinstance(value, Ref):
        return value.id
    if isinstance(value, tuple):
        return [_plain(v) for v in value]
    if dataclasses.is_dataclass(value):
        data = {f.name: _plain(getattr(value, f.name)) for f in dataclasses.fields(value)
                if f.name != "at" and getattr(value, f.name) not in (None, (), Keywords())}
        return data
    return value


def synthetic_project(folder: Path, size: int) -> Path:
    """A copy of the project whose decision tree is a realistic synthetic one of `size` nodes."""
    project = copy_project(folder / f"project-{size}")
    tree_dir = project / "decision_tree"
    for old in tree_dir.glob("*.yaml"):
        old.unlink()
    shutil.rmtree(tree_dir / "phrasings")  # they name the real tree's pages
    (tree_dir / "published_urls.txt").unlink()
    for name, text in yaml_files(realistic(synthetic_tree(size), load_tree(TREE_DIR))).items():
        (tree_dir / name).write_text(text, encoding="utf-8")
    return project
