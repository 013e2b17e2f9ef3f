"""The laid-out flowchart (flowchart.py computes every coordinate) written as an SVG element.

Written with f-strings rather than a Jinja template: a 10,000-node site draws 300 charts of up
to 60 boxes per language, and the template's macro calls and filters took a second of each
language's build. Every text and attribute value goes through `escape`; colours live in
flowchart.css; fonts are set here because the layout measured text at these sizes. The element
has no blank line: Markdown would end the raw HTML block there.
"""

from __future__ import annotations

from collections.abc import Mapping

from markupsafe import escape

from build_tools.derive.derive import Derived
from build_tools.render.flowchart.layout import SHAPE, Box, Chart, Edge, TextBlock, layout, number
from build_tools.render.strings import strings_for


def flowchart_svg(derived: Derived, lang: str, page_path: str, only: set[str] | None = None) -> str:
    """The chart as an SVG element to inline in the page at `page_path`; `only` limits it to
    those node ids (and the answers and tip links between them)."""
    return chart_svg(layout(derived, lang, page_path, only), strings_for(lang))


def chart_svg(chart: Chart, words: Mapping[str, str]) -> str:
    width, height = chart.width, chart.height
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="fc" width="{width}" height="{height}" '
        f'viewBox="0 0 {width} {height}" role="group" aria-labelledby="fc-title" '
        f'data-zoom-in="{escape(words["zoom_in"])}" data-zoom-out="{escape(words["zoom_out"])}" '
        f'data-zoom-reset="{escape(words["zoom_reset"])}">\n'
        f'<title id="fc-title">{escape(chart.title)}</title>\n<g class="fc-edges">\n',
        *(_edge(edge) for edge in chart.edges),
        '</g>\n<g class="fc-nodes">\n',
        *(_box(box) for box in chart.boxes),
        "</g>\n</svg>\n",
    ]
    return "".join(parts)


def _edge(edge: Edge) -> str:
    drawn = (f'<g class="fc-edge fc-edge--{edge.kind}" data-from="{edge.source}" '
             f'data-to="{edge.target}">\n<path class="fc-edge__line" d="{edge.path}"/>\n'
             f'<path class="fc-edge__arrow" d="{edge.arrow}"/>\n')
    if label := edge.label:
        drawn += (f'<rect class="fc-label__bg" x="{number(label.x)}" y="{number(label.y)}" '
                  f'width="{number(label.w)}" height="{number(label.h)}" rx="4"/>\n'
                  + _text(label.text, "fc-label", "middle") + "\n")
    return drawn + "</g>\n"


def _box(box: Box) -> str:
    x, y, w, h = box.x, box.y, box.w, box.h
    drawn = (f'<a class="fc-node fc-node--{box.kind}" id="fc-{box.id}" href="{escape(box.href)}" '
             f'data-id="{box.id}" aria-label="{escape(box.name)}">\n'
             f'<rect class="fc-node__shape" x="{number(x)}" y="{number(y)}" width="{number(w)}" '
             f'height="{number(h)}" rx="{SHAPE["corner"][box.kind]}"/>\n')
    if box.kind == "question":
        cx, middle = number(x + SHAPE["badge_x"]), y + h / 2
        drawn += (f'<circle class="fc-node__badge" cx="{cx}" cy="{number(middle)}" '
                  f'r="{SHAPE["badge_r"]}"/>\n'
                  f'<text class="fc-node__badge-text" x="{cx}" '
                  f'y="{number(middle + SHAPE["badge_font"] * SHAPE["baseline"])}" '
                  f'font-size="{SHAPE["badge_font"]}" font-weight="700" text-anchor="middle" '
                  f'aria-hidden="true">?</text>\n')
    elif box.kind == "outcome":
        drawn += (f'<rect class="fc-node__bar" x="{number(x)}" y="{number(y)}" '
                  f'width="{SHAPE["bar"]}" height="{number(h)}"/>\n')
    else:
        fold = SHAPE["fold"]
        drawn += (f'<path class="fc-node__fold" d="M{number(x + w - fold)} {number(y)}'
                  f'V{number(y + fold)}H{number(x + w)}Z"/>\n')
    drawn += "".join(_text(block, "fc-node__" + block.style) + "\n" for block in box.text)
    return drawn + "</a>\n"


def _text(block: TextBlock, css_class: str, anchor: str = "start") -> str:
    bold = ' font-weight="700"' if block.bold else ""
    anchored = f' text-anchor="{anchor}"' if anchor != "start" else ""
    lines = "".join(f'<tspan x="{number(line.x)}" y="{number(line.y)}">{escape(line.text)}</tspan>'
                    for line in block.lines)
    return f'<text class="{css_class}" font-size="{block.size}"{bold}{anchored}>{lines}</text>'
