"""Layout: where each box and answer label of a panel goes, in px, ready to draw.

A panel reads top to bottom like the outline: each box under the one before, indented one step
per answer from the panel's root, the answer's label just above the box it leads to. Every box
reaches the chart's right edge, so the width is the same for any tree (CHART_WIDTH, chosen to fit
a 390 px phone's text column at 1:1, where no text is under 12 px); only boxes deeper than the
indent allows (MIN_WIDTH) make it wider. A tree that grows only makes the panel longer.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass

from build_tools.derive.derive import Derived, answers
from build_tools.derive.paths import relative_url
from build_tools.render.flowchart.graph import AGAIN, BELOW, OWN, Drawing, Drawn
from build_tools.render.flowchart.measure import text_width, wrap
from build_tools.render.flowchart.routing import connector
from build_tools.render.strings import strings_for
from build_tools.render.text import description, plain
from build_tools.tree.model import Node, Question

# Sizes in px. Fonts are set on the SVG's text elements, so the measure and the drawing agree
# even if a stylesheet changes the page's font size. 12 px is the smallest text a phone shows.
TITLE_FONT, QUESTION_FONT, LABEL_FONT = 14, 13, 12
LINE_HEIGHT = 1.35  # times the font size
BASELINE = 0.35  # a line's baseline sits this many em below its middle
# A 390 px phone's text column is 358 px; a 1,280 px desktop's (between Material's two
# sidebars) 688 px, two panels side by side.
CHART_WIDTH = 330
MIN_WIDTH = 180  # a box deeper than the indent allows keeps this width: the chart grows
MIN_HEIGHT = 44  # every box is a tap target of at least 44 x 44 px
MARGIN = 4  # room for a highlighted box's thick outline
INDENT = 28  # per answer from the panel's root
RAIL = 12  # a question's rail, this far in from its left edge
GAP, LABEL_GAP = 10, 3  # below a box; between a label and its box
# Inner padding (left, top, right, bottom) per kind: the question's "?" badge and the outcome's
# bar sit in the left padding; a box drawn elsewhere too has its arrow (↑ or ↓) in the right.
PADDING = {"question": (36, 10, 12, 10), "outcome": (18, 10, 12, 10), "label": (6, 3, 6, 3),
           "mark": (8, 3, 8, 3)}
ELSEWHERE = 18  # the extra right padding of an AGAIN or BELOW box
# What svg.py draws in the padding, and each kind's corner radius.
SHAPE = {"badge_x": PADDING["question"][0] / 2, "badge_r": 10, "badge_font": 14,
         "baseline": BASELINE, "bar": 6, "arrow_x": ELSEWHERE / 2 + 4, "arrow_h": 12,
         "corner": {"question": 12, "outcome": 2}}


@dataclass(frozen=True)
class TextLine:
    text: str
    x: float
    y: float  # baseline


@dataclass(frozen=True)
class TextBlock:
    """Lines of one style: `style` is the CSS class suffix, and sets font size and weight."""

    style: str
    size: int
    bold: bool
    lines: tuple[TextLine, ...]


@dataclass(frozen=True)
class Label:
    x: float
    y: float
    w: float
    h: float
    text: TextBlock


@dataclass(frozen=True)
class Box:
    id: str
    kind: str  # question, outcome
    role: str  # graph.OWN, AGAIN or BELOW
    href: str
    name: str  # the link's accessible name: its title (and question), unwrapped
    summary: str  # what the page says first, for the script's panel (own boxes only)
    tips: tuple[str, ...]  # the node's tips' ids (own boxes only)
    x: float
    y: float
    w: float
    h: float
    text: tuple[TextBlock, ...]


@dataclass(frozen=True)
class Edge:
    source: str
    target: str
    path: str  # SVG path data
    arrow: str
    label: Label


@dataclass(frozen=True)
class Chart:
    title: str
    width: float
    height: float
    boxes: tuple[Box, ...]
    edges: tuple[Edge, ...]
    mark: Label | None  # "you are here", above the root of a status page's own chart


def layout(derived: Derived, lang: str, page_path: str, drawing: Drawing,
           here: str | None = None) -> Chart:
    """Every box, label and line of one panel placed; `here` marks the page's own box."""
    nodes, words = derived.tree.nodes, strings_for(lang)
    y, mark = MARGIN, None
    if here == drawing.root:
        mark = _label("mark", words["you_are_here"], MARGIN, y, CHART_WIDTH - 2 * MARGIN,
                      size=LABEL_FONT, bold=True)
        y += mark.h + LABEL_GAP
    boxes: list[Box] = []
    edges: list[Edge] = []
    for drawn in drawing.boxes:
        x = MARGIN + INDENT * drawn.depth
        width = max(MIN_WIDTH, CHART_WIDTH - MARGIN - x)
        label = None
        if drawn.parent is not None:
            question = nodes[boxes[drawn.parent].id]
            text = answers(question)[drawn.answer].label[lang]
            label = _label("label", plain(text), x, y, width)
            y += label.h + LABEL_GAP
        box = _box(derived, lang, page_path, drawn, x, y, width)
        if mark and not boxes:
            box = dataclasses.replace(box, name=box.name + words["you_are_here_name"])
        boxes.append(box)
        y += box.h + GAP
        if label is not None:
            parent = boxes[drawn.parent]
            path, arrow = connector(parent.x + RAIL, parent.y + parent.h, box.x, box.y + box.h / 2)
            edges.append(Edge(parent.id, box.id, path, arrow, label))
    right = max([CHART_WIDTH - MARGIN, *(b.x + b.w for b in boxes), *(e.label.x + e.label.w for e in edges)])
    title = words["flowchart"] + words["colon"] + plain(nodes[drawing.root].title[lang])
    return Chart(title, round(right + MARGIN), round(y - GAP + MARGIN), tuple(boxes), tuple(edges),
                 mark)


def _box(derived: Derived, lang: str, page_path: str, drawn: Drawn, x: float, y: float,
         width: float) -> Box:
    node = derived.tree.nodes[drawn.node]
    left, top, right, bottom = PADDING[node.kind]
    right += ELSEWHERE if drawn.role != OWN else 0
    inner = width - left - right
    blocks = [("title", TITLE_FONT, True, wrap(plain(node.title[lang]), TITLE_FONT, inner, bold=True))]
    if isinstance(node, Question):
        blocks.append(("question", QUESTION_FONT, False,
                       wrap(plain(node.question[lang]), QUESTION_FONT, inner)))
    # a word longer than the box (a long English word in a deep box) widens it, never overflows
    longest = max(text_width(line, size, bold) for _, size, bold, lines in blocks for line in lines)
    width = max(width, left + longest + right)
    height = max(MIN_HEIGHT, top + bottom + sum(size * LINE_HEIGHT * len(lines)
                                                for _, size, _, lines in blocks))
    own = drawn.role == OWN
    return Box(drawn.node, node.kind, drawn.role, _href(derived, page_path, drawn),
               _name(node, lang, drawn.role), description(node, lang) if own else "",
               tuple(dict.fromkeys(r.id for r in getattr(node, "tips", ()))) if own else (),
               x, y, round(width), round(height), _blocks(blocks, x + left, y + top))


def _href(derived: Derived, page_path: str, drawn: Drawn) -> str:
    """A box links to its page; a box whose own panel is further down links there."""
    if drawn.role == BELOW:
        return f"#fc-{drawn.node}"
    return relative_url(page_path, derived.path(drawn.node))


def _name(node: Node, lang: str, role: str) -> str:
    name = plain(node.title[lang])
    if isinstance(node, Question):
        name += " " + plain(node.question[lang])
    words = strings_for(lang)
    return name + {OWN: "", AGAIN: words["drawn_above"], BELOW: words["drawn_below"]}[role]


def _label(style: str, text: str, x: float, y: float, width: float, size: int = LABEL_FONT,
           bold: bool = False) -> Label:
    """An answer's label (or the "you are here" mark): as wide as its text, up to `width`."""
    left, top, right, bottom = PADDING[style]
    lines = wrap(text, size, width - left - right, bold)
    w = left + max(text_width(line, size, bold) for line in lines) + right
    h = top + bottom + size * LINE_HEIGHT * len(lines)
    block = _blocks([(style, size, bold, lines)], x + left, y + top)[0]
    return Label(x, y, round(w), round(h), block)


def _blocks(blocks: list[tuple[str, int, bool, list[str]]], x: float, y: float
            ) -> tuple[TextBlock, ...]:
    """Blocks of lines, one under the other, starting at (x, y), read from the left."""
    placed = []
    for style, size, bold, texts in blocks:
        lines = []
        for text in texts:
            lines.append(TextLine(text, x, y + size * LINE_HEIGHT / 2 + size * BASELINE))
            y += size * LINE_HEIGHT
        placed.append(TextBlock(style, size, bold, tuple(lines)))
    return tuple(placed)
