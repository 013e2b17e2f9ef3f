"""The flowchart as a reader sees it: every question and outcome is a box that links to its
page, every answer a labelled line, the statuses in the home page's order, narrow enough for a
phone at 1:1 however the tree grows, nothing overlapping or cut off, and hostile text stays text."""

from __future__ import annotations

import datetime
import hashlib
import os
import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from itertools import combinations

import pytest

from build_tools.derive.charts import Panel, branch_panel, chart_pages, panels
from build_tools.derive.derive import Derived, derive
from build_tools.derive.paths import root_path, url_of
from build_tools.render.flowchart import panel_svgs
from build_tools.render.flowchart.layout import CHART_WIDTH, LABEL_FONT
from build_tools.render.flowchart.measure import text_width
from build_tools.settings import TREE_DIR
from build_tools.tree.model import Answer, LineText, Outcome, Question, Ref, Source, Text, Tip, Tree
from build_tools.tree.read import load_tree
from tests.unit.test_charts import reachable
from tests.conftest import ROOT, TODAY
from tests.synthetic import synthetic_tree

SVG = "{http://www.w3.org/2000/svg}"
PAGE = "flowchart.md"


@pytest.fixture(scope="module")
def real() -> Derived:
    return derive(load_tree(TREE_DIR, today=TODAY))


def page_svgs(derived: Derived, lang: str, page: str = PAGE) -> list[ET.Element]:
    """The first chart page's panels, as /flowchart/ inlines them."""
    chart = chart_pages(derived)[0]
    return [ET.fromstring(svg) for svg in panel_svgs(derived, lang, page, panels(derived, chart))]


@pytest.fixture(scope="module", params=["zh", "en"])
def drawn(request: pytest.FixtureRequest, real: Derived) -> tuple[str, list[ET.Element]]:
    return request.param, page_svgs(real, request.param)


def whole(derived: Derived) -> Panel:
    """The whole tree as one panel."""
    return Panel(derived.tree.start.id, frozenset(i for i, n in derived.tree.nodes.items()
                                                  if not isinstance(n, Tip)))


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


def boxes(svg: ET.Element) -> list[ET.Element]:
    return list(svg.iter(f"{SVG}a"))


def own_boxes(svgs: list[ET.Element]) -> dict[str, ET.Element]:
    """Node id -> its own box (the one `#fc-<id>` finds); fails if a node has two."""
    found = [b for svg in svgs for b in boxes(svg) if b.get("id")]
    ids = [b.get("data-id") for b in found]
    assert len(ids) == len(set(ids)), f"own boxes drawn twice: {sorted(ids)}"
    assert all(b.get("id") == f"fc-{b.get('data-id')}" for b in found)
    return dict(zip(ids, found))


def box_rect(box: ET.Element) -> Rect:
    return rect(box.find(f"{SVG}rect[@class='fc-node__shape']"))


def edges(svg: ET.Element) -> list[ET.Element]:
    return [g for g in svg.iter(f"{SVG}g") if g.get("class") == "fc-edge"]


def label_rects(svg: ET.Element) -> list[Rect]:
    return [rect(r) for r in svg.iter(f"{SVG}rect") if r.get("class") == "fc-label__bg"]


def label_text(edge: ET.Element) -> str:
    return " ".join(t.text for t in edge.find(f"{SVG}text[@class='fc-label']"))


def same_words(drawn_text: str, authored: str) -> bool:
    """Wrapped text read back: line breaks may replace a space, or fall between characters."""
    return re.sub(r"\s+", "", drawn_text) == re.sub(r"\s+", "", authored)


def path_points(d: str, steps: int = 12) -> list[tuple[float, float]]:
    """Points along a line (our lines use only M, V, H and Q)."""
    points: list[tuple[float, float]] = []
    for command, args in re.findall(r"([MVHQ])([^MVHQ]*)", d):
        numbers = [float(n) for n in args.split()]
        x0, y0 = points[-1] if points else (0.0, 0.0)
        if command == "M":
            points.append((numbers[0], numbers[1]))
        elif command in "VH":
            end = (x0, numbers[0]) if command == "V" else (numbers[0], y0)
            points += [(x0 + (end[0] - x0) * i / steps, y0 + (end[1] - y0) * i / steps)
                       for i in range(1, steps + 1)]
        else:
            (x1, y1, x2, y2) = numbers
            for i in range(1, steps + 1):
                t = i / steps
                points.append(((1 - t) ** 2 * x0 + 2 * (1 - t) * t * x1 + t ** 2 * x2,
                               (1 - t) ** 2 * y0 + 2 * (1 - t) * t * y1 + t ** 2 * y2))
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


def wide_tree(count: int) -> Derived:
    """A start question with `count` answers, each to an outcome of its own."""
    body = Text(zh="正文。", en="Body.")
    outcomes = {f"o{n}": Outcome(kind="outcome", id=f"o{n}", title=LineText(zh=f"结果{n}", en=f"Outcome {n}"),
                                 summary=body, steps=(body,), reply=body, sources=(Ref("law"),),
                                 reviewed=datetime.date(2026, 11, 1)) for n in range(count)}
    question = Question(kind="question", id="start", title=LineText(zh="开始", en="Start"),
                        question=LineText(zh="问题？", en="Question?"),
                        answers=tuple(Answer(LineText(zh=f"回答{n}", en=f"Answer {n}"), Ref(f"o{n}"))
                                      for n in range(count)))
    source = Source(id="law", title=LineText(zh="法", en="Law"), quality="law")
    return derive(Tree(Ref("start"), {"start": question, **outcomes}, {"law": source}, ()))


# --- every page is a box, every answer a line -------------------------------------------------

def test_every_question_and_outcome_has_one_own_box_linking_to_its_page(
        real: Derived, drawn: tuple[str, list[ET.Element]]) -> None:
    _, svgs = drawn
    found = own_boxes(svgs)
    assert set(found) == {i for i, n in real.tree.nodes.items() if not isinstance(n, Tip)}
    for node_id, box in found.items():
        assert box.get("href") == "/" + url_of(real.path(node_id))  # from the server's root
        assert box.get("class") == f"fc-node fc-node--{real.tree.nodes[node_id].kind}"
    assert found[real.tree.start.id].get("href") == "/"
    assert found["quality-problem"].get("href") == "/guide/quality-problem/"


def test_the_overview_lists_the_statuses_in_the_home_pages_order_and_links_into_their_panels(
        real: Derived, drawn: tuple[str, list[ET.Element]]) -> None:
    _, (overview, *branches) = drawn
    order = [b.get("data-id") for b in boxes(overview)]
    assert order == [real.tree.start.id, *real.statuses]
    for box in boxes(overview)[1:]:
        node = real.tree.nodes[box.get("data-id")]
        if isinstance(node, Question):  # drawn below as a panel of its own: the box jumps there
            assert box.get("href") == f"#fc-{node.id}" and "fc-node--below" in box.get("class")
    assert [boxes(b)[0].get("data-id") for b in branches] == [
        s for s in real.statuses if isinstance(real.tree.nodes[s], Question)]


def test_a_node_met_again_is_drawn_as_a_box_marked_above(real: Derived,
                                                         drawn: tuple[str, list[ET.Element]]) -> None:
    """merchant-refuses is reached from several statuses: drawn in full under the first."""
    _, svgs = drawn
    again = [b for svg in svgs for b in boxes(svg) if b.get("data-id") == "merchant-refuses"]
    assert len(again) >= 3
    assert [b.get("id") for b in again] == ["fc-merchant-refuses"] + [None] * (len(again) - 1)
    assert all("fc-node--again" in b.get("class") and b.get("href") == "/guide/merchant-refuses/"
               for b in again[1:])


def test_every_answer_is_one_line_with_its_label(real: Derived, drawn: tuple[str, list[ET.Element]]) -> None:
    lang, svgs = drawn
    drawn_edges = [(e.get("data-from"), e.get("data-to"), label_text(e)) for svg in svgs for e in edges(svg)]
    for question in real.tree.questions():
        for answer in question.answers:
            matching = [text for source, target, text in drawn_edges
                        if (source, target) == (question.id, answer.next.id)]
            assert len(matching) == 1 and same_words(matching[0], answer.label[lang]), \
                f"{question.id} → {answer.next.id}: no line labelled {answer.label[lang]!r}"
    assert len(drawn_edges) == sum(len(q.answers) for q in real.tree.questions())


def test_tips_are_not_drawn_but_named_on_their_boxes(real: Derived,
                                                     drawn: tuple[str, list[ET.Element]]) -> None:
    _, svgs = drawn
    tips = {t.id for t in real.tree.tips()}
    assert not [b for svg in svgs for b in boxes(svg) if b.get("data-id") in tips]
    assert not [e for svg in svgs for e in edges(svg) if e.get("data-to") in tips]
    found = own_boxes(svgs)
    assert found["fraud"].get("data-tips") == " ".join(r.id for r in real.tree.nodes["fraud"].tips)


def test_own_boxes_carry_their_summary_for_the_script(real: Derived,
                                                      drawn: tuple[str, list[ET.Element]]) -> None:
    lang, svgs = drawn
    summary = own_boxes(svgs)["past-seven-days"].get("data-summary")
    assert summary and summary[:20] in " ".join(real.tree.nodes["past-seven-days"].summary[lang].split())


def test_kinds_differ_by_shape_not_only_colour(drawn: tuple[str, list[ET.Element]]) -> None:
    _, svgs = drawn
    marks = {"question": "fc-node__badge", "outcome": "fc-node__bar"}
    for box in (b for svg in svgs for b in boxes(svg)):
        kind = box.get("class").split()[1].removeprefix("fc-node--")
        classes = {child.get("class") for child in box}
        assert marks[kind] in classes and not (set(marks.values()) - {marks[kind]}) & classes


def test_colours_come_from_the_stylesheet(drawn: tuple[str, list[ET.Element]]) -> None:
    _, svgs = drawn
    assert [e.tag for svg in svgs for e in svg.iter()
            if {"fill", "stroke", "style", "color"} & set(e.attrib)] == []


# --- narrow and readable, whatever the tree's shape -------------------------------------------

def test_every_panel_fits_a_phone_at_one_to_one(drawn: tuple[str, list[ET.Element]]) -> None:
    """330 px: a 390 px phone's text column is 358 px; no text under 12 px."""
    _, svgs = drawn
    for svg in svgs:
        assert svg.get("width") == str(CHART_WIDTH)
        assert svg.get("viewBox") == f"0 0 {svg.get('width')} {svg.get('height')}"
        assert min(float(t.get("font-size")) for t in svg.iter(f"{SVG}text")) >= LABEL_FONT == 12


@pytest.mark.parametrize("count", [2, 40])
def test_more_answers_make_a_panel_longer_not_wider(count: int) -> None:
    derived = wide_tree(count)
    (svg,) = [ET.fromstring(s) for s in panel_svgs(derived, "en", PAGE, [whole(derived)])]
    assert svg.get("width") == str(CHART_WIDTH) and len(boxes(svg)) == count + 1


def test_a_word_wider_than_its_box_widens_the_panel_rather_than_spilling_out() -> None:
    word = "Pneumonoultramicroscopicsilicovolcanoconiosis-refund"
    derived = tiny_tree("Start", "Yes", f"A {word} outcome")
    svg = ET.fromstring(panel_svgs(derived, "en", PAGE, [whole(derived)])[0])
    done = own_boxes([svg])["done"]
    right = max(float(t.get("x")) + text_width(t.text, 14, bold=True)
                for t in done.iter(f"{SVG}tspan"))
    assert right < box_rect(done).x + box_rect(done).w <= float(svg.get("width"))
    assert float(svg.get("width")) > CHART_WIDTH


# --- nothing overlaps, nothing is cut off -----------------------------------------------------

@pytest.fixture(scope="module", params=["real-zh", "real-en", "synthetic-zh", "synthetic-en"])
def any_chart(request: pytest.FixtureRequest, real: Derived) -> list[ET.Element]:
    which, lang = request.param.split("-")
    if which == "real":
        return page_svgs(real, lang)
    derived = derive(synthetic_tree(60))
    return [ET.fromstring(s) for s in panel_svgs(derived, lang, PAGE, [whole(derived)])]


def test_no_two_boxes_or_labels_overlap(any_chart: list[ET.Element]) -> None:
    for svg in any_chart:
        shapes = [(f"box {b.get('data-id')}", box_rect(b)) for b in boxes(svg)]
        shapes += [(f"label {n}", r) for n, r in enumerate(label_rects(svg))]
        assert [(a, b) for (a, ra), (b, rb) in combinations(shapes, 2) if ra.overlaps(rb)] == []


def test_no_line_runs_across_a_box_or_a_label(any_chart: list[ET.Element]) -> None:
    for svg in any_chart:
        obstacles = {f"box {n} {b.get('data-id')}": box_rect(b) for n, b in enumerate(boxes(svg))}
        obstacles |= {f"label {n}": r for n, r in enumerate(label_rects(svg))}
        crossings = []
        for edge in edges(svg):
            line = edge.find(f"{SVG}path[@class='fc-edge__line']")
            for x, y in path_points(line.get("d")):
                crossings += [(edge.get("data-from"), edge.get("data-to"), name)
                              for name, r in obstacles.items() if r.contains(x, y, inset=1)]
        assert sorted(set(crossings)) == []


def test_every_line_ends_at_its_box(any_chart: list[ET.Element]) -> None:
    for svg in any_chart:
        drawn = boxes(svg)
        for edge in edges(svg):
            x, y = path_points(edge.find(f"{SVG}path[@class='fc-edge__line']").get("d"))[-1]
            targets = [box_rect(b) for b in drawn if b.get("data-id") == edge.get("data-to")]
            assert any(abs(r.y + r.h / 2 - y) < 0.1 and 0 < r.x - x <= 8 for r in targets)


def test_no_text_is_cut_off(any_chart: list[ET.Element]) -> None:
    """Each line, at the width the layout estimates for it, fits inside its box or label."""
    for svg in any_chart:
        frames = [(box_rect(b), b) for b in boxes(svg)]
        frames += [(rect(e.find(f"{SVG}rect[@class='fc-label__bg']")), e) for e in edges(svg)]
        for frame, group in frames:
            for text in group.findall(f"{SVG}text"):
                if text.get("aria-hidden"):  # the "?" badge
                    continue
                size, bold = float(text.get("font-size")), text.get("font-weight") == "700"
                for line in text:
                    left, y = float(line.get("x")), float(line.get("y"))
                    right = left + text_width(line.text, size, bold)
                    assert frame.x < left and right < frame.x + frame.w, line.text
                    assert frame.y < y - size and y + size * 0.3 < frame.y + frame.h, line.text
                    assert right <= float(svg.get("width")), line.text


def test_boxes_are_tap_targets(any_chart: list[ET.Element]) -> None:
    assert all(box_rect(b).h >= 44 and box_rect(b).w >= 44 for svg in any_chart for b in boxes(svg))


# --- a status page's own chart ----------------------------------------------------------------

def test_a_status_pages_chart_is_its_branch_with_its_own_box_marked(real: Derived) -> None:
    (svg,) = [ET.fromstring(s) for s in panel_svgs(real, "en", "guide/completed.md",
                                                    [branch_panel(real, "completed")], here="completed")]
    found = own_boxes([svg])
    assert set(found) == reachable(real, "completed") and "past-seven-days" in found
    root = boxes(svg)[0]
    assert root.get("data-id") == "completed" and root.get("aria-current") == "page"
    assert "fc-node--here" in root.get("class") and root.get("aria-label").endswith("(you are here)")
    assert " ".join(svg.find(f"{SVG}g[@class='fc-mark']").itertext()).strip() == "You are here"
    assert root.get("href") == "/guide/completed/"
    assert found["quality-problem"].get("href") == "/guide/quality-problem/"


def test_box_links_start_at_the_server_root_whatever_page_the_chart_is_on(real: Derived) -> None:
    """Raw HTML: one builder passes it through, another rewrites its relative links as if they
    were the source file's; a link from the server's root means the same to both (decision 013)."""
    root = root_path("https://example.org/help/", "en")
    for page in ("guide/completed.md", "flowchart.md", "flowchart/completed.md"):
        (svg,) = [ET.fromstring(s) for s in panel_svgs(real, "en", page, [branch_panel(real, "completed")],
                                                        root=root)]
        found = own_boxes([svg])
        assert found["completed"].get("href") == "/help/en/guide/completed/"
        assert found["quality-problem"].get("href") == "/help/en/guide/quality-problem/"


def test_a_panel_with_an_unknown_id_says_which(real: Derived) -> None:
    with pytest.raises(ValueError, match="no-such-node"):
        panel_svgs(real, "zh", PAGE, [Panel("completed", frozenset({"completed", "no-such-node"}))])


# --- safe, accessible, deterministic ----------------------------------------------------------

def test_hostile_text_stays_text() -> None:
    derived = tiny_tree('<script>alert("x")</script> & co', "<b>是</b> & 'yes'", "A & B < C")
    (svg_text,) = panel_svgs(derived, "zh", PAGE, [whole(derived)])
    assert "<script>" not in svg_text and "<b>" not in svg_text
    svg = ET.fromstring(svg_text)
    start = own_boxes([svg])["start"]
    title = " ".join(start.find(f"{SVG}text[@class='fc-node__title']").itertext())
    assert same_words(title, '<script>alert("x")</script> & co')
    assert start.get("aria-label") == '<script>alert("x")</script> & co 问题？'
    assert any(label_text(e) == "<b>是</b> & 'yes'" for e in edges(svg))
    assert not [e for e in svg.iter() if e.tag in (f"{SVG}script", f"{SVG}b")]


def test_a_shared_outcome_is_drawn_once_in_full_and_once_marked_above() -> None:
    derived = tiny_tree("开始", "是", "结果")
    svg = ET.fromstring(panel_svgs(derived, "zh", PAGE, [whole(derived)])[0])
    assert [(b.get("data-id"), b.get("id")) for b in boxes(svg)] == [
        ("start", "fc-start"), ("done", "fc-done"), ("done", None)]
    assert [(e.get("data-from"), e.get("data-to")) for e in edges(svg)] == [
        ("start", "done"), ("start", "done")]


def test_each_panel_is_named_and_its_boxes_are_named_links(drawn: tuple[str, list[ET.Element]]) -> None:
    _, svgs = drawn
    titles = [svg.find(f"{SVG}title") for svg in svgs]
    assert len({t.get("id") for t in titles}) == len(svgs) and all(t.text for t in titles)
    assert all(svg.get("aria-labelledby") == t.get("id") for svg, t in zip(svgs, titles))
    assert all(svg.get("role") == "group" for svg in svgs)  # role=img would hide the links
    assert all(b.get("href") and b.get("aria-label") for svg in svgs for b in boxes(svg))


def test_the_svg_survives_markdown(real: Derived) -> None:
    """Inlined in a Markdown page, a blank line would end the HTML block and print the rest."""
    for svg_text in panel_svgs(real, "zh", PAGE, [whole(real)]):
        assert svg_text.startswith("<svg ") and svg_text.rstrip().endswith("</svg>")
        assert "\n\n" not in svg_text


def test_the_same_bytes_in_another_process() -> None:
    """Set and hash order change between processes; the drawing must not."""
    code = ("import hashlib; from build_tools.derive.derive import derive; "
            "from build_tools.derive.charts import chart_pages, panels; "
            "from build_tools.render.flowchart import panel_svgs; from tests.synthetic import synthetic_tree; "
            "d = derive(synthetic_tree(40)); "
            "print(hashlib.sha256(''.join(panel_svgs(d, 'zh', 'flowchart.md', panels(d, chart_pages(d)[0])))"
            ".encode()).hexdigest())")
    digests = set()
    for seed in ("1", "2"):
        result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True,
                                env={**os.environ, "PYTHONHASHSEED": seed}, check=True)
        digests.add(result.stdout.strip())
    derived = derive(synthetic_tree(40))
    here = "".join(panel_svgs(derived, "zh", PAGE, panels(derived, chart_pages(derived)[0])))
    assert digests == {hashlib.sha256(here.encode()).hexdigest()}


# --- the scale guard ------------------------------------------------------------------------------

@pytest.mark.slow
def test_a_10000_node_tree_still_renders_in_one_panel() -> None:
    """Its speed is `bench scale`'s to measure; here, that it draws every box once in full."""
    derived = derive(synthetic_tree(10_000))
    (svg,) = panel_svgs(derived, "zh", PAGE, [whole(derived)])
    assert len(re.findall(r'<a class="[^"]*" id="fc-', svg)) == sum(not isinstance(n, Tip) for n in derived.tree.nodes.values())
