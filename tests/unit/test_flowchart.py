"""The flowchart as a reader sees it: every page is a box that links to it, every answer is a
labelled arrow, nothing overlaps or is cut off, and hostile text stays text."""

from __future__ import annotations

import datetime
import hashlib
import os
import re
import subprocess
import sys
import time
import xml.etree.ElementTree as ET
from collections import Counter
from dataclasses import dataclass
from itertools import combinations

import pytest

from build_tools.derive.derive import Derived, answers, derive
from build_tools.render.flowchart.layout import flowchart_outline, text_width, wrap
from build_tools.render.flowchart.svg import flowchart_svg
from build_tools.tree.model import Answer, LineText, Outcome, Question, Ref, Source, Text, Tip, Tree
from build_tools.derive.paths import link, relative_url
from build_tools.settings import TREE_DIR
from build_tools.tree.read import load_tree
from tests.conftest import ROOT, TODAY
from tests.synthetic import synthetic_tree

SVG = "{http://www.w3.org/2000/svg}"
PAGE = "flowchart.md"


@pytest.fixture(scope="module")
def real() -> Derived:
    return derive(load_tree(TREE_DIR, today=TODAY))


@pytest.fixture(scope="module", params=["zh", "en"])
def drawn(request: pytest.FixtureRequest, real: Derived) -> tuple[str, ET.Element]:
    """The real tree's chart in each language, as the flowchart page inlines it."""
    return request.param, ET.fromstring(flowchart_svg(real, request.param, PAGE))


# --- reading the SVG back ---------------------------------------------------------------------

@dataclass(frozen=True)
class Rect:
    x: float
    y: float
    w: float
    h: float

    def overlaps(self, other: Rect) -> bool:
        return (self.x < other.x + other.w and other.x < self.x + self.w
                and self.y < other.y + other.h and other.y < self.y + self.h)

    def contains(self, x: float, y: float, inset: float) -> bool:
        return (self.x + inset < x < self.x + self.w - inset
                and self.y + inset < y < self.y + self.h - inset)


def rect(element: ET.Element) -> Rect:
    return Rect(*(float(element.get(k)) for k in ("x", "y", "width", "height")))


def boxes(svg: ET.Element) -> dict[str, ET.Element]:
    found = [a for a in svg.iter(f"{SVG}a")]
    ids = [a.get("data-id") for a in found]
    assert len(ids) == len(set(ids)), f"boxes drawn twice: {[i for i, n in Counter(ids).items() if n > 1]}"
    return dict(zip(ids, found))


def box_rect(box: ET.Element) -> Rect:
    return rect(box.find(f"{SVG}rect[@class='fc-node__shape']"))


def edges(svg: ET.Element) -> list[ET.Element]:
    return [g for g in svg.iter(f"{SVG}g") if "fc-edge" in g.get("class", "").split()]


def label_rects(svg: ET.Element) -> list[Rect]:
    return [rect(r) for r in svg.iter(f"{SVG}rect") if r.get("class") == "fc-label__bg"]


def label_text(edge: ET.Element) -> str:
    text = edge.find(f"{SVG}text[@class='fc-label']")
    return " ".join(t.text for t in text) if text is not None else ""


def same_words(drawn_text: str, authored: str) -> bool:
    """Wrapped text read back: line breaks may replace a space, or fall between characters."""
    return re.sub(r"\s+", "", drawn_text) == re.sub(r"\s+", "", authored)


def path_points(d: str, steps: int = 12) -> list[tuple[float, float]]:
    """Points along an edge path (our paths use only M, V and C)."""
    points: list[tuple[float, float]] = []
    for command, args in re.findall(r"([MVC])([^MVC]*)", d):
        numbers = [float(n) for n in args.split()]
        if command == "M":
            points.append((numbers[0], numbers[1]))
        elif command == "V":
            x, y0 = points[-1]
            points += [(x, y0 + (numbers[0] - y0) * i / steps) for i in range(1, steps + 1)]
        else:
            (x0, y0), (x1, y1, x2, y2, x3, y3) = points[-1], numbers
            for i in range(1, steps + 1):
                t = i / steps
                a, b, c, e = (1 - t) ** 3, 3 * (1 - t) ** 2 * t, 3 * (1 - t) * t ** 2, t ** 3
                points.append((a * x0 + b * x1 + c * x2 + e * x3, a * y0 + b * y1 + c * y2 + e * y3))
    return points


def tiny_tree(title: str, label: str, outcome_title: str) -> Derived:
    """Two answers, one outcome shared by both, a tip: the smallest tree with every kind."""
    body = Text(zh="正文。", en="Body.")
    outcome = Outcome(kind="outcome", id="done", title=LineText(zh=outcome_title, en=outcome_title),
                      summary=body, steps=(body,), reply=body, sources=(Ref("law"),),
                      reviewed=datetime.date(2026, 11, 1), tips=(Ref("hint"),))
    question = Question(kind="question", id="start", title=LineText(zh=title, en=title),
                        question=LineText(zh="问题？", en="Question?"),
                        answers=(Answer(LineText(zh=label, en=label), Ref("done")),
                                 Answer(LineText(zh="另一个", en="Other"), Ref("done"))))
    tip = Tip(kind="tip", id="hint", title=LineText(zh="建议", en="Advice"), summary=body,
              points=(body,), sources=(Ref("law"),), reviewed=datetime.date(2026, 11, 1))
    source = Source(id="law", title=LineText(zh="法", en="Law"), quality="law")
    return derive(Tree(Ref("start"), {"start": question, "done": outcome, "hint": tip},
                       {"law": source}, ()))


def branch(derived: Derived, root: str) -> set[str]:
    """A status page's nodes: the status and everything its answers lead to."""
    seen = [root]
    for node_id in seen:
        seen += [a.next.id for a in answers(derived.tree.nodes[node_id]) if a.next.id not in seen]
    return set(seen)


# --- every page is a box, every answer an arrow ----------------------------------------------

def test_every_node_is_one_box_that_links_to_its_page(real: Derived, drawn: tuple[str, ET.Element]) -> None:
    lang, svg = drawn
    found = boxes(svg)
    assert set(found) == set(real.tree.nodes)
    for node_id, box in found.items():
        assert box.get("href") == relative_url(PAGE, real.path(node_id))
        assert box.get("id") == f"fc-{node_id}"
        assert box.get("class") == f"fc-node fc-node--{real.tree.nodes[node_id].kind}"
    # what those URLs mean, from /flowchart/
    assert found[real.tree.start.id].get("href") == "../"
    assert found["quality-problem"].get("href") == "../guide/quality-problem/"


def test_links_are_relative_to_the_page_the_chart_is_on(real: Derived) -> None:
    svg = ET.fromstring(flowchart_svg(real, "zh", "guide/shipped.md", only=branch(real, "shipped")))
    found = boxes(svg)
    assert found["shipped"].get("href") == "./"
    assert found["quality-problem"].get("href") == "../quality-problem/"


def test_every_answer_is_an_arrow_with_its_label(real: Derived, drawn: tuple[str, ET.Element]) -> None:
    lang, svg = drawn
    drawn_edges = {(e.get("data-from"), e.get("data-to"), label_text(e)) for e in edges(svg)
                   if e.get("class") == "fc-edge fc-edge--answer"}
    for question in real.tree.questions():
        for answer in question.answers:
            matching = [text for source, target, text in drawn_edges
                        if (source, target) == (question.id, answer.next.id)]
            assert any(same_words(text, answer.label[lang]) for text in matching), \
                f"{question.id} → {answer.next.id}: no arrow labelled {answer.label[lang]!r}"
    assert len(drawn_edges) == sum(len(q.answers) for q in real.tree.questions())


def test_every_tip_link_is_a_dashed_arrow_without_label(real: Derived,
                                                       drawn: tuple[str, ET.Element]) -> None:
    """fc-edge--tip: the stylesheet dashes it."""
    _, svg = drawn
    tip_edges = [e for e in edges(svg) if e.get("class") == "fc-edge fc-edge--tip"]
    expected = {(n.id, ref.id) for n in real.tree.nodes.values() for ref in getattr(n, "tips", ())}
    assert {(e.get("data-from"), e.get("data-to")) for e in tip_edges} == expected
    assert all(label_text(e) == "" for e in tip_edges)


def test_kinds_differ_by_shape_not_only_colour(drawn: tuple[str, ET.Element]) -> None:
    _, svg = drawn
    marks = {"question": "fc-node__badge", "outcome": "fc-node__bar", "tip": "fc-node__fold"}
    for box in boxes(svg).values():
        kind = box.get("class").rsplit("--", 1)[1]
        classes = {child.get("class") for child in box}
        assert marks[kind] in classes and not (set(marks.values()) - {marks[kind]}) & classes


def test_colours_come_from_the_stylesheet(drawn: tuple[str, ET.Element]) -> None:
    _, svg = drawn
    painted = [e.tag for e in svg.iter() if {"fill", "stroke", "style", "color"} & set(e.attrib)]
    assert painted == []


# --- nothing overlaps, nothing is cut off -----------------------------------------------------

@pytest.fixture(scope="module", params=["real-zh", "real-en", "synthetic-zh", "synthetic-en"])
def any_chart(request: pytest.FixtureRequest, real: Derived) -> ET.Element:
    which, lang = request.param.split("-")
    derived = real if which == "real" else derive(synthetic_tree(60))
    return ET.fromstring(flowchart_svg(derived, lang, PAGE))


def test_no_two_boxes_or_labels_overlap(any_chart: ET.Element) -> None:
    shapes = [(f"box {i}", box_rect(b)) for i, b in boxes(any_chart).items()]
    shapes += [(f"label {n}", r) for n, r in enumerate(label_rects(any_chart))]
    overlapping = [(a, b) for (a, ra), (b, rb) in combinations(shapes, 2) if ra.overlaps(rb)]
    assert overlapping == []


def test_no_edge_runs_across_a_box_or_another_label(any_chart: ET.Element) -> None:
    obstacles = {f"box {i}": box_rect(b) for i, b in boxes(any_chart).items()}
    crossings = []
    for edge in edges(any_chart):
        line = edge.find(f"{SVG}path[@class='fc-edge__line']")
        own = edge.find(f"{SVG}rect[@class='fc-label__bg']")
        others = {**obstacles, **{f"label {n}": r for n, r in enumerate(label_rects(any_chart))
                                  if own is None or r != rect(own)}}
        for x, y in path_points(line.get("d")):
            crossings += [(edge.get("data-from"), edge.get("data-to"), name)
                          for name, r in others.items() if r.contains(x, y, inset=1)]
    assert sorted(set(crossings)) == []


def test_no_text_is_cut_off(any_chart: ET.Element) -> None:
    """Each line, at the width the layout estimates for it, fits inside its box or label."""
    frames = [(box_rect(b), b) for b in boxes(any_chart).values()]
    frames += [(rect(e.find(f"{SVG}rect[@class='fc-label__bg']")), e) for e in edges(any_chart)
               if e.get("class") == "fc-edge fc-edge--answer"]
    for frame, group in frames:
        for text in group.findall(f"{SVG}text"):
            if text.get("aria-hidden"):  # the "?" badge
                continue
            size, bold = float(text.get("font-size")), text.get("font-weight") == "700"
            for line in text:
                width = text_width(line.text, size, bold)
                x, y = float(line.get("x")), float(line.get("y"))
                left = x - width / 2 if text.get("text-anchor") == "middle" else x
                assert frame.x < left and left + width < frame.x + frame.w, line.text
                assert frame.y < y - size and y + size * 0.3 < frame.y + frame.h, line.text


def test_the_chart_keeps_its_natural_size(drawn: tuple[str, ET.Element]) -> None:
    """On a phone the page scrolls the chart sideways; it is never squeezed to the screen."""
    _, svg = drawn
    width, height = svg.get("width"), svg.get("height")
    assert svg.get("viewBox") == f"0 0 {width} {height}"
    right = max(r.x + r.w for r in [*map(box_rect, boxes(svg).values()), *label_rects(svg)])
    assert right <= float(width)


# --- safe, accessible, deterministic ----------------------------------------------------------

def test_hostile_text_stays_text() -> None:
    derived = tiny_tree('<script>alert("x")</script> & co', "<b>是</b> & 'yes'", "A & B < C")
    svg_text = flowchart_svg(derived, "zh", PAGE)
    assert "<script>" not in svg_text and "<b>" not in svg_text
    svg = ET.fromstring(svg_text)
    found = boxes(svg)
    title = " ".join(found["start"].find(f"{SVG}text[@class='fc-node__title']").itertext())
    assert same_words(title, '<script>alert("x")</script> & co')
    assert found["start"].get("aria-label") == '<script>alert("x")</script> & co 问题？'
    assert any(label_text(e) == "<b>是</b> & 'yes'" for e in edges(svg))
    assert not [e for e in svg.iter() if e.tag in (f"{SVG}script", f"{SVG}b")]


def test_a_shared_outcome_is_one_box_with_two_arrows() -> None:
    svg = ET.fromstring(flowchart_svg(tiny_tree("开始", "是", "结果"), "zh", PAGE))
    assert sorted(boxes(svg)) == ["done", "hint", "start"]
    assert [(e.get("data-from"), e.get("data-to")) for e in edges(svg)] == [
        ("start", "done"), ("start", "done"), ("done", "hint")]


def test_the_chart_is_named_and_its_boxes_are_named_links(drawn: tuple[str, ET.Element]) -> None:
    lang, svg = drawn
    title = svg.find(f"{SVG}title")
    assert svg.get("aria-labelledby") == title.get("id") and title.text
    assert svg.get("role") != "img"  # role=img would hide the links from screen readers
    assert all(b.get("href") and b.get("aria-label") for b in boxes(svg).values())


def test_the_svg_survives_markdown(real: Derived) -> None:
    """Inlined in a Markdown page, a blank line would end the HTML block and print the rest."""
    svg_text = flowchart_svg(real, "zh", PAGE)
    assert svg_text.startswith("<svg ") and svg_text.rstrip().endswith("</svg>")
    assert "\n\n" not in svg_text


def test_the_same_tree_gives_the_same_bytes(real: Derived) -> None:
    assert flowchart_svg(real, "zh", PAGE) == flowchart_svg(real, "zh", PAGE)


def test_the_same_bytes_in_another_process() -> None:
    """Set and hash order change between processes; the drawing must not."""
    code = ("import hashlib; from build_tools.derive.derive import derive; "
            "from build_tools.render.flowchart.svg import flowchart_svg; from tests.synthetic import synthetic_tree; "
            "print(hashlib.sha256(flowchart_svg(derive(synthetic_tree(40)), 'zh', 'flowchart.md')"
            ".encode()).hexdigest())")
    digests = set()
    for seed in ("1", "2"):
        result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True,
                                env={**os.environ, "PYTHONHASHSEED": seed}, check=True)
        digests.add(result.stdout.strip())
    here = hashlib.sha256(flowchart_svg(derive(synthetic_tree(40)), "zh", PAGE).encode()).hexdigest()
    assert digests == {here}


# --- a status page's small chart ----------------------------------------------------------------

def test_only_draws_the_chosen_nodes_and_the_edges_between_them(real: Derived) -> None:
    chosen = branch(real, "completed")
    svg = ET.fromstring(flowchart_svg(real, "zh", "guide/completed.md", only=chosen))
    assert set(boxes(svg)) == chosen
    drawn_edges = [(e.get("data-from"), e.get("data-to")) for e in edges(svg)]
    assert drawn_edges and all(a in chosen and b in chosen for a, b in drawn_edges)
    assert ("completed", "within-seven-days") in drawn_edges
    assert not [e for e in drawn_edges if e[1] in real.tree.nodes and e[1] not in chosen]


def test_only_with_tips_draws_their_links(real: Derived) -> None:
    chosen = branch(real, "completed") | {"keep-evidence"}
    svg = ET.fromstring(flowchart_svg(real, "en", "guide/completed.md", only=chosen))
    tip_links = {(e.get("data-from"), e.get("data-to")) for e in edges(svg)
                 if e.get("class") == "fc-edge fc-edge--tip"}
    assert ("fraud", "keep-evidence") in tip_links
    assert all(b == "keep-evidence" for _, b in tip_links)


def test_only_with_an_unknown_id_says_which(real: Derived) -> None:
    with pytest.raises(ValueError, match="no-such-node"):
        flowchart_svg(real, "zh", PAGE, only={"completed", "no-such-node"})


# --- the outline, for readers without the picture ---------------------------------------------

def test_the_outline_links_every_node_once_per_parent(real: Derived) -> None:
    outline = flowchart_outline(real, "zh", PAGE)
    targets = re.findall(r"\]\(([^)]+)\)", outline)
    assert set(targets) == {link(PAGE, real.path(i)) for i in real.tree.nodes}
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


def test_the_outline_lists_what_follows_a_shared_node_once() -> None:
    outline = flowchart_outline(tiny_tree("开始", "是", "结果"), "en", PAGE)
    assert outline == ("- [开始](index.md)\n"
                       "    - 是 → [结果](guide/done.md)\n"
                       "        - Related advice: [Advice](guide/hint.md)\n"
                       "    - Other → [结果](guide/done.md)\n")


def test_the_outline_of_a_branch_starts_at_the_status(real: Derived) -> None:
    outline = flowchart_outline(real, "zh", "guide/completed.md", only=branch(real, "completed"))
    assert outline.startswith(f"- [{real.tree.nodes['completed'].title.zh}](completed.md)\n")
    assert "index.md" not in outline


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


# --- speed --------------------------------------------------------------------------------------

@pytest.mark.slow
@pytest.mark.parametrize(("nodes", "seconds"), [(100, 5), (1000, 30)])
def test_a_large_tree_is_drawn_in_reasonable_time(nodes: int, seconds: float) -> None:
    derived = derive(synthetic_tree(nodes))
    started = time.perf_counter()
    svg = flowchart_svg(derived, "zh", PAGE)
    elapsed = time.perf_counter() - started
    print(f"\n{nodes} nodes: {elapsed:.2f} s, {len(svg.encode()) // 1024} KiB")
    assert elapsed < seconds  # generous: a shared CI machine; it takes about 0.2 s and 2 s
    assert svg.count("<a ") == nodes
