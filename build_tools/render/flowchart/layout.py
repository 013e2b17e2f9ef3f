"""The flowchart: the tree drawn at build time as an SVG of links, and the same tree as a list.

The layout is layered (Sugiyama, by grandalf), top to bottom. Each answer's label is laid out
as a small vertex of its own between the question and the answer's target, so the layout keeps
labels clear of boxes and of each other, as Graphviz does. Edges run vertically inside a layer
(between the boxes grandalf separated) and curve only in the gaps between layers, so no edge
crosses a box or a label. The SVG keeps its natural size (px == user units); the page scrolls it.
"""

from __future__ import annotations

import re
import sys
import unicodedata
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from functools import cache, lru_cache

from grandalf.graphs import Edge as GEdge
from grandalf.graphs import Vertex, graph_core
from grandalf.layouts import DummyVertex, SugiyamaLayout, VertexViewer

from build_tools.derive.derive import Derived, answers
from build_tools.render.text import plain
from build_tools.tree.model import Node, Question
from build_tools.derive.paths import link, relative_url
from build_tools.render.strings import STRINGS
from build_tools.render.templating import link_text


# Sizes in px. Fonts are set on the SVG's text elements, so the estimate below and the
# drawing agree even if a stylesheet changes the page's font size.
TITLE_FONT, QUESTION_FONT, LABEL_FONT = 14, 13, 12
LINE_HEIGHT = 1.35  # times the font size
BASELINE = 0.35  # a line's baseline sits this many em below its middle
NODE_TEXT_WIDTH = 182  # 13 Chinese characters at 14px: wrap beyond this
LABEL_TEXT_WIDTH = 132  # 11 Chinese characters at 12px
# Inner padding (left, top, right, bottom) per kind: the question's "?" badge and the outcome's
# bar sit in the left padding, the tip's folded corner in the right.
PADDING = {"question": (38, 10, 12, 10), "outcome": (18, 10, 12, 10), "tip": (12, 10, 20, 10),
           "label": (6, 3, 6, 3)}
MIN_WIDTH = 96
# What svg.py draws in the padding: the question's "?" badge, the outcome's bar, the tip's
# folded corner, and each kind's corner radius.
SHAPE = {"badge_x": PADDING["question"][0] / 2, "badge_r": 10, "badge_font": 14,
         "baseline": BASELINE, "bar": 6, "fold": 12,
         "corner": {"question": 12, "outcome": 2, "tip": 2}}
X_GAP, Y_GAP = 24, 30  # between boxes in a layer, between layers
EDGE_GAP = 6  # an edge passing between boxes is a vertex of this size to the layout
PORT_GAP = 12  # between edges leaving or entering one box
ARROW = 8  # arrowhead length
MARGIN = 8
COMPONENT_GAP = 40  # between unconnected parts of a partial chart
# Crossing-reduction sweeps (grandalf's default is 1.5). On the real tree 3.5 sweeps cut the
# edge crossings from 42 to 31; more gain nothing. At 1,000 nodes they cost about 0.1 s more.
ORDER_ROUNDS = 3.5

Link = tuple[str, str]  # two layout vertex keys
Ports = dict[Link, tuple[float, float]]  # link -> x where it leaves, x where it enters
Station = tuple[float, float, float]  # an edge's run through one layer: x, y in, y out
Block = tuple[str, int, bool, tuple[str, ...]]  # text style, font size, bold, wrapped lines

_NARROW = " fijlrt.,:;'!|()"
_OPENING = "（([{“‘《〈「『【"
_CLOSING = "，。、；：！？）)]}”’》〉」』】,.;:!?…"
_PIECE = re.compile(r"[!-~]+\s*|\s+|.")  # a Latin word with its spaces, or one other character


# --- text: how wide it is, and where it wraps -------------------------------------------------

def text_width(text: str, size: float, bold: bool = False) -> float:
    """A generous estimate of a line's width: a box sized by it never cuts its text off."""
    return size * _ems(text) * (1.1 if bold else 1.0)


@lru_cache(maxsize=65536)  # wrapping measures pieces (a character, a word) again and again
def _ems(text: str) -> float:
    return sum(_em(c) for c in text)


@cache  # a chart measures hundreds of thousands of characters, from a few hundred kinds
def _em(char: str) -> float:
    if unicodedata.east_asian_width(char) in "WFA":  # Chinese, full-width punctuation, “”
        return 1.0
    if char in "mwMW@%":
        return 0.9
    if char in _NARROW:
        return 0.4
    return 0.7 if char.isupper() else 0.6


def wrap(text: str, size: float, width: float, bold: bool = False) -> list[str]:
    """Greedy line breaking: between Latin words, or between Chinese characters except before
    closing and after opening punctuation. A word longer than the width gets a line of its own."""
    lines, line, line_width = [], "", 0.0
    for piece in _pieces(text):
        if line and line_width + text_width(piece.rstrip(), size, bold) > width:
            lines.append(line.rstrip())
            line = piece.lstrip()
            line_width = text_width(line, size, bold)
        else:
            line += piece
            line_width += text_width(piece, size, bold)
    return [*lines, line.rstrip()] if line.strip() else lines


def _pieces(text: str) -> list[str]:
    pieces: list[str] = []
    glue = False  # the previous piece was an opening bracket: keep it with this one
    for piece in _PIECE.findall(" ".join(text.split())):
        if pieces and (glue or piece in _CLOSING):
            pieces[-1] += piece
        else:
            pieces.append(piece)
        glue = piece in _OPENING
    return pieces


# --- what the layout computes -----------------------------------------------------------------

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
class Box:
    id: str
    kind: str  # question, outcome, tip
    href: str
    name: str  # the link's accessible name: its title (and question), unwrapped
    x: float
    y: float
    w: float
    h: float
    text: tuple[TextBlock, ...]


@dataclass(frozen=True)
class Label:
    x: float
    y: float
    w: float
    h: float
    text: TextBlock


@dataclass(frozen=True)
class Edge:
    source: str
    target: str
    kind: str  # answer, tip
    path: str  # SVG path data
    arrow: str
    label: Label | None


@dataclass(frozen=True)
class Chart:
    title: str
    width: float
    height: float
    boxes: tuple[Box, ...]
    edges: tuple[Edge, ...]


@dataclass(frozen=True)
class _Item:
    """A layout vertex before placement: a node's box or an answer's label, with its text."""

    kind: str  # question, outcome, tip, label
    w: float
    h: float
    blocks: tuple[Block, ...]


# --- the public functions ---------------------------------------------------------------------

def flowchart_outline(derived: Derived, lang: str, page_path: str,
                      only: set[str] | None = None) -> str:
    """The chart as a nested Markdown list of links. A node reached by several answers is listed
    under each, but what follows it is listed only the first time."""
    ids = chart_nodes(derived, only)
    included = set(ids)
    lines: list[str] = []
    expanded: set[str] = set()

    def visit(node_id: str, prefix: str, depth: int) -> None:
        node = derived.tree.nodes[node_id]
        target = link(page_path, derived.path(node_id))
        lines.append(f"{'    ' * depth}- {prefix}[{link_text(plain(node.title[lang]))}]({target})")
        if node_id in expanded:
            return
        expanded.add(node_id)
        for answer in answers(node):
            if answer.next.id in included:
                visit(answer.next.id, f"{answer.label[lang]} → ", depth + 1)
        related = STRINGS["related"][lang] + STRINGS["colon"][lang]
        for tip_id in _tip_ids(node, included):
            visit(tip_id, related, depth + 1)

    for root in _roots(derived, ids):
        visit(root, "", 0)
    return "\n".join(lines) + "\n"


def chart_nodes(derived: Derived, only: set[str] | None = None) -> list[str]:
    """The node ids a chart shows, parents before children, tips last (in the tree's order)."""
    tree = derived.tree
    if only is not None and not only <= tree.nodes.keys():
        raise ValueError(f"flowchart: unknown node ids {sorted(only - tree.nodes.keys())}")
    return list(derived.order) if only is None else sorted(only, key=derived.rank.__getitem__)


def layout(derived: Derived, lang: str, page_path: str, only: set[str] | None = None) -> Chart:
    """Every box, label and edge placed, in px, ready to draw."""
    ids = chart_nodes(derived, only)
    graph = _Graph.build(derived, lang, ids)
    placed = _place(graph)
    boxes = tuple(_box(derived, lang, page_path, graph, i, placed) for i in ids)
    ports = _ports(graph, placed)
    edges = tuple(_edge(graph, chain, placed, ports) for chain in graph.chains)
    width = max((p.x + p.w / 2 for p in placed.points()), default=0) + MARGIN
    height = max((p.y + p.h / 2 for p in placed.points()), default=0) + MARGIN
    return Chart(_title(derived, lang, ids, only), round(width), round(height), boxes, edges)


# --- the graph to lay out ---------------------------------------------------------------------

@dataclass(frozen=True)
class _Chain:
    """One drawn edge: an answer (question -> label -> target) or a tip link (node -> tip)."""

    source: str
    target: str
    kind: str
    vertices: tuple[str, ...]  # layout vertex keys from source to target


@dataclass(frozen=True)
class _Graph:
    items: dict[str, _Item]  # vertex key -> item; node ids, and "<question>#<n>" for labels
    chains: list[_Chain]

    @classmethod
    def build(cls, derived: Derived, lang: str, ids: list[str]) -> _Graph:
        included = set(ids)
        items = {i: _node_item(derived.tree.nodes[i], lang) for i in ids}
        chains = []
        for node_id in ids:
            node = derived.tree.nodes[node_id]
            for n, answer in enumerate(answers(node)):
                if answer.next.id in included:
                    key = f"{node_id}#{n}"
                    items[key] = _label_item(answer.label[lang])
                    chains.append(_Chain(node_id, answer.next.id, "answer",
                                         (node_id, key, answer.next.id)))
            for tip_id in _tip_ids(node, included):
                chains.append(_Chain(node_id, tip_id, "tip", (node_id, tip_id)))
        return cls(items, chains)

    def links(self) -> list[Link]:
        return [pair for chain in self.chains for pair in zip(chain.vertices, chain.vertices[1:])]


def _tip_ids(node: Node, included: set[str]) -> list[str]:
    """The node's tips in the chart, each once."""
    refs = getattr(node, "tips", ())
    return list(dict.fromkeys(r.id for r in refs if r.id in included))


def _node_item(node: Node, lang: str) -> _Item:
    blocks = [("title", TITLE_FONT, True, wrap(plain(node.title[lang]), TITLE_FONT,
                                               NODE_TEXT_WIDTH, bold=True))]
    if isinstance(node, Question):
        blocks.append(("question", QUESTION_FONT, False,
                       wrap(plain(node.question[lang]), QUESTION_FONT, NODE_TEXT_WIDTH)))
    return _item(node.kind, blocks)


def _label_item(label: str) -> _Item:
    lines = wrap(plain(label), LABEL_FONT, LABEL_TEXT_WIDTH)
    return _item("label", [("label", LABEL_FONT, False, lines)])


def _item(kind: str, blocks: list[tuple[str, int, bool, list[str]]]) -> _Item:
    """Text blocks in a box just big enough for them (and the kind's badge, bar or fold)."""
    left, top, right, bottom = PADDING[kind]
    text_w = max(text_width(line, size, bold) for _, size, bold, lines in blocks for line in lines)
    text_h = sum(size * LINE_HEIGHT * len(lines) for _, size, _, lines in blocks)
    min_h = 2 * SHAPE["badge_r"] + top + bottom if kind == "question" else 0
    w = max(left + text_w + right, MIN_WIDTH if kind != "label" else 0)
    h = max(top + text_h + bottom, min_h)
    return _Item(kind, round(w), round(h), tuple((s, z, b, tuple(ls)) for s, z, b, ls in blocks))


# --- placement by grandalf --------------------------------------------------------------------

@dataclass(frozen=True)
class _Point:
    x: float  # centre
    y: float
    w: float
    h: float
    rank: int


@dataclass(frozen=True)
class _Placed:
    at: dict[str, _Point]  # vertex key -> where it is
    bends: dict[Link, tuple[_Point, ...]]  # link -> the dummy points of a long link
    bands: dict[tuple[int, int], tuple[float, float]]  # (component, rank) -> layer top, bottom
    component: dict[str, int]

    def points(self) -> Iterable[_Point]:
        """Every placed vertex, the dummies of long edges included: the chart's extent."""
        yield from self.at.values()
        for bends in self.bends.values():
            yield from bends


def _place(graph: _Graph) -> _Placed:
    """Lay out each connected part (grandalf needs connected graphs), then put them side by side."""
    at: dict[str, _Point] = {}
    bends: dict[Link, tuple[_Point, ...]] = {}
    bands: dict[tuple[int, int], tuple[float, float]] = {}
    component: dict[str, int] = {}
    x0 = MARGIN
    for c, keys in enumerate(_components(graph)):
        part = _layout_component(graph, keys)
        dx = x0 - min(p.x - p.w / 2 for p in part.points())
        dy = MARGIN - min(top for top, _ in part.bands.values())
        at.update({k: _shift(p, dx, dy) for k, p in part.at.items()})
        bends.update({k: tuple(_shift(p, dx, dy) for p in ps) for k, ps in part.bends.items()})
        bands.update({(c, r): (t + dy, b + dy) for (_, r), (t, b) in part.bands.items()})
        component.update(dict.fromkeys(keys, c))
        x0 = max(p.x + p.w / 2 for p in part.points()) + dx + COMPONENT_GAP
    return _Placed(at, bends, bands, component)


def _shift(p: _Point, dx: float, dy: float) -> _Point:
    return _Point(p.x + dx, p.y + dy, p.w, p.h, p.rank)


def _components(graph: _Graph) -> list[list[str]]:
    """Connected parts, each in the graph's order (union-find)."""
    parent = {k: k for k in graph.items}

    def find(k: str) -> str:
        while parent[k] != k:
            parent[k] = parent[parent[k]]
            k = parent[k]
        return k

    for a, b in graph.links():
        parent[find(a)] = find(b)
    parts: dict[str, list[str]] = {}
    for key in graph.items:
        parts.setdefault(find(key), []).append(key)
    return list(parts.values())


def _layout_component(graph: _Graph, keys: list[str]) -> _Placed:
    members = set(keys)
    vertices = {}
    for key in keys:
        vertices[key] = Vertex(key)
        vertices[key].view = VertexViewer(graph.items[key].w, graph.items[key].h)
    # Lists, not sets, all the way: grandalf's own Graph class collects edges in a set, whose
    # order changes from run to run, and so would the drawing.
    edges = {pair: GEdge(vertices[pair[0]], vertices[pair[1]])
             for pair in graph.links() if pair[0] in members}
    sugiyama = _Sugiyama(_connected(list(vertices.values()), list(edges.values())))
    sugiyama.xspace, sugiyama.yspace = X_GAP, Y_GAP
    sugiyama.dw = sugiyama.dh = EDGE_GAP  # thin dummies: long edges pass between boxes
    roots = [v for v in vertices.values() if not v.e_in()]
    sugiyama.init_all(roots=roots, inverted_edges=[])
    with _room_to_recurse(len(sugiyama.g.sV) + sum(len(layer) for layer in sugiyama.layers)):
        sugiyama.draw(ORDER_ROUNDS)
    return _read_layout(sugiyama, vertices, edges)


@contextmanager
def _room_to_recurse(frames: int) -> Iterator[None]:
    """grandalf places a layer's vertices by a recursion one call deep per vertex: a question
    with 1,000 answers (1,000 label vertices in a layer) passed Python's limit of 1,000 calls and
    stopped the build. Python calls do not use the C stack (3.11+), so the limit is raised for
    this layout only, by what it may need, and put back."""
    before = sys.getrecursionlimit()
    sys.setrecursionlimit(max(before, before + frames))
    try:
        yield
    finally:
        sys.setrecursionlimit(before)


class _Sugiyama(SugiyamaLayout):
    """grandalf's layered layout, with its list of alignment conflicts made a set: it is searched
    once per vertex, which made placing a 1,000-node tree take seconds."""

    def _detect_alignment_conflicts(self) -> None:
        super()._detect_alignment_conflicts()
        self.conflicts = set(self.conflicts)


def _connected(vertices: list[Vertex], edges: list[GEdge]) -> graph_core:
    """A grandalf graph of one connected part. graph_core(V, E) checks connectivity in quadratic
    time; adding the edges one by one, each touching what is already there, is linear."""
    core = graph_core()
    core.add_single_vertex(vertices[0])
    pending = edges
    while pending:
        later = []
        for edge in pending:
            if edge.v[0] in core.sV or edge.v[1] in core.sV:
                core.add_edge(edge)
            else:
                later.append(edge)
        assert len(later) < len(pending), "flowchart: a component that is not connected"
        pending = later
    return core


def _read_layout(sugiyama: SugiyamaLayout, vertices: dict[str, Vertex],
                 edges: dict[Link, GEdge]) -> _Placed:
    def point(v: Vertex | DummyVertex) -> _Point:
        x, y = v.view.xy
        return _Point(x, y, v.view.w, v.view.h, sugiyama.grx[v].rank)

    at = {key: point(v) for key, v in vertices.items()}
    bends = {}
    for pair, edge in edges.items():
        ctrl = sugiyama.ctrls.get(edge, {})
        bends[pair] = tuple(point(ctrl[r]) for r in sorted(ctrl) if ctrl[r] not in edge.v)
    bands = {}
    for rank, layer in enumerate(sugiyama.layers):
        middle = layer[0].view.xy[1]
        half = max(v.view.h for v in layer) / 2
        bands[(0, rank)] = (middle - half, middle + half)
    return _Placed(at, bends, bands, {})


# --- drawing: boxes, labels, edges ------------------------------------------------------------

def _box(derived: Derived, lang: str, page_path: str, graph: _Graph, node_id: str,
         placed: _Placed) -> Box:
    item, p = graph.items[node_id], placed.at[node_id]
    x, y = p.x - item.w / 2, p.y - item.h / 2
    node = derived.tree.nodes[node_id]
    name = plain(node.title[lang])
    if isinstance(node, Question):
        name += " " + plain(node.question[lang])
    return Box(node_id, node.kind, relative_url(page_path, derived.path(node_id)), name,
               x, y, item.w, item.h, _text_blocks(item, x, y))


def _text_blocks(item: _Item, x: float, y: float) -> tuple[TextBlock, ...]:
    left, top, _, _ = PADDING[item.kind]
    # labels are centred on their edge; boxes read from the left, after the badge or bar
    start = x + item.w / 2 if item.kind == "label" else x + left
    cursor = y + top
    blocks = []
    for style, size, bold, texts in item.blocks:
        lines = []
        for text in texts:
            lines.append(TextLine(text, start, cursor + size * LINE_HEIGHT / 2 + size * BASELINE))
            cursor += size * LINE_HEIGHT
        blocks.append(TextBlock(style, size, bold, tuple(lines)))
    return tuple(blocks)


def _edge(graph: _Graph, chain: _Chain, placed: _Placed, ports: Ports) -> Edge:
    stations = _stations(chain, placed, ports)
    end_x, end_y = stations[-1][0], stations[-1][2]
    arrow = (f"M{number(end_x - ARROW / 2)} {number(end_y)}L{number(end_x + ARROW / 2)} "
             f"{number(end_y)}L{number(end_x)} {number(end_y + ARROW)}Z")
    label = None
    if chain.kind == "answer":
        key = chain.vertices[1]
        p, item = placed.at[key], graph.items[key]
        x, y = p.x - item.w / 2, p.y - item.h / 2
        label = Label(x, y, item.w, item.h, _text_blocks(item, x, y)[0])
    return Edge(chain.source, chain.target, chain.kind, _path(stations), arrow, label)


def _stations(chain: _Chain, placed: _Placed, ports: Ports) -> list[Station]:
    """The vertical runs of an edge, one per layer it crosses; it curves between them."""
    c = placed.component[chain.source]
    first, last = chain.vertices[0], chain.vertices[-1]
    source, target = placed.at[first], placed.at[last]
    out_x = ports[(first, chain.vertices[1])][0]
    stations = [(out_x, source.y + source.h / 2, placed.bands[(c, source.rank)][1])]
    for a, b in zip(chain.vertices, chain.vertices[1:]):
        for bend in placed.bends[(a, b)]:
            top, bottom = placed.bands[(c, bend.rank)]
            stations.append((bend.x, top, bottom))
        if b != last:  # an answer's label: the edge runs through it, under its background
            top, bottom = placed.bands[(c, placed.at[b].rank)]
            stations.append((placed.at[b].x, top, bottom))
    in_x = ports[(chain.vertices[-2], last)][1]
    end = target.y - target.h / 2 - ARROW
    stations.append((in_x, min(placed.bands[(c, target.rank)][0], end), end))
    return stations


def _path(stations: Sequence[Station]) -> str:
    x, y_in, y_out = stations[0]
    parts = [f"M{number(x)} {number(y_in)}"] + ([f"V{number(y_out)}"] if y_out != y_in else [])
    for (x0, _, y0), (x1, y1, y2) in zip(stations, stations[1:]):
        middle = (y0 + y1) / 2
        parts.append(f"C{number(x0)} {number(middle)} {number(x1)} {number(middle)} "
                     f"{number(x1)} {number(y1)}")
        if y2 != y1:
            parts.append(f"V{number(y2)}")
    return "".join(parts)


def _ports(graph: _Graph, placed: _Placed) -> Ports:
    """Where each link leaves its source and enters its target: spread along the box's bottom
    and top, in the order of where the other ends are, so a box's edges do not cross there."""
    leaving: dict[str, list[tuple[float, int, Link]]] = {}
    entering: dict[str, list[tuple[float, int, Link]]] = {}
    for n, (a, b) in enumerate(graph.links()):
        bends = placed.bends[(a, b)]
        leaving.setdefault(a, []).append(((bends[0] if bends else placed.at[b]).x, n, (a, b)))
        entering.setdefault(b, []).append(((bends[-1] if bends else placed.at[a]).x, n, (a, b)))
    out_x = {pair: x for key, links in leaving.items() for pair, x in _spread(placed.at[key], links)}
    in_x = {pair: x for key, links in entering.items() for pair, x in _spread(placed.at[key], links)}
    return {pair: (out_x[pair], in_x[pair]) for pair in graph.links()}


def _spread(p: _Point, links: list[tuple[float, int, Link]]) -> list[tuple[Link, float]]:
    """Ports PORT_GAP apart (closer on a narrow box), centred, in the order of the far ends."""
    links = sorted(links)
    gap = min(PORT_GAP, max(p.w - 2 * PORT_GAP, 0) / (len(links) - 1)) if len(links) > 1 else 0
    middle = (len(links) - 1) / 2
    return [(pair, p.x + (i - middle) * gap) for i, (_, _, pair) in enumerate(links)]


def number(value: float) -> str:
    """Coordinates with one decimal: small files, and the same text on every machine."""
    text = f"{value:.1f}"
    text = text.rstrip("0").rstrip(".") if "." in text else text
    return "0" if text == "-0" else text


def _roots(derived: Derived, ids: list[str]) -> list[str]:
    """The nodes no other shown node leads to, in chart order (the start, for the whole tree)."""
    included = set(ids)
    children = {a.next.id for i in ids for a in answers(derived.tree.nodes[i])} & included
    children |= {t for i in ids for t in _tip_ids(derived.tree.nodes[i], included)}
    return [i for i in ids if i not in children]


def _title(derived: Derived, lang: str, ids: list[str], only: set[str] | None) -> str:
    title = STRINGS["flowchart"][lang]
    roots = _roots(derived, ids)
    if only is None or not roots:
        return title
    return title + STRINGS["colon"][lang] + plain(derived.tree.nodes[roots[0]].title[lang])
