"""Writing: a laid-out panel (layout.py) as an inline SVG element of links.

Written with f-strings rather than a Jinja template: a 10,000-node site draws 300 chart pages
per language, and a template's macro calls and filters took a second of each language's build.
Every text and attribute value goes through `escape`; colours live in flowchart.css; fonts are
set here because the layout measured text at these sizes. The element has no blank line:
Markdown would end the raw HTML block there. What flowchart.js needs is in the markup: boxes are
`a.fc-node[data-id]` (their summary and tips in data attributes), lines `g.fc-edge[data-from]
[data-to]`.
"""

from __future__ import annotations

from collections.abc import Iterable
from urllib.parse import urljoin

from markupsafe import escape

from build_tools.derive.charts import Panel
from build_tools.derive.derive import Derived
from build_tools.derive.paths import url_of
from build_tools.render.flowchart.graph import AGAIN, OWN, drawings
from build_tools.render.flowchart.layout import SHAPE, Box, Chart, Edge, Label, TextBlock, layout
from build_tools.render.flowchart.routing import number


def panel_svgs(derived: Derived, lang: str, page_path: str, panels: Iterable[Panel],
               here: str | None = None, root: str = "/") -> list[str]:
    """The page's panels as SVG elements to inline in the page at `page_path`; `here` is the
    node whose page it is, marked if it heads a panel. `root` is the path of the language's
    root on the server (paths.root_path): the boxes link from the server's root."""
    return [chart_svg(layout(derived, lang, page_path, drawing, here), root + url_of(page_path))
            for drawing in drawings(derived, panels)]


def chart_svg(chart: Chart, page_url: str = "/") -> str:
    """`page_url`: where the chart is, from the server's root. A builder may pass raw HTML
    through (MkDocs) or rewrite its relative links as if they were a source file's (Zensical
    0.0.73 does): a link from the server's root means the same to both (docs/decisions/013)."""
    width, height = chart.width, chart.height
    root = chart.boxes[0].id
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="fc" width="{width}" height="{height}" '
        f'viewBox="0 0 {width} {height}" role="group" aria-labelledby="fc-title-{root}">\n'
        f'<title id="fc-title-{root}">{escape(chart.title)}</title>\n',
        _mark(chart.mark) if chart.mark else "",
        '<g class="fc-edges">\n',
        *(_edge(edge) for edge in chart.edges),
        '</g>\n<g class="fc-nodes">\n',
        *(_box(box, _from_root(page_url, box.href), here=chart.mark is not None and n == 0)
          for n, box in enumerate(chart.boxes)),
        "</g>\n</svg>\n",
    ]
    return "".join(parts)


def _mark(mark: Label) -> str:
    return (f'<g class="fc-mark" aria-hidden="true">\n{_rect(mark, "fc-mark__bg", 4)}\n'
            f'{_text(mark.text, "fc-mark__text")}\n</g>\n')


def _edge(edge: Edge) -> str:
    return (f'<g class="fc-edge" data-from="{edge.source}" data-to="{edge.target}">\n'
            f'<path class="fc-edge__line" d="{edge.path}"/>\n'
            f'<path class="fc-edge__arrow" d="{edge.arrow}"/>\n'
            f'{_rect(edge.label, "fc-label__bg", 4)}\n{_text(edge.label.text, "fc-label")}\n</g>\n')


def _rect(shape: Label | Box, css_class: str, corner: int) -> str:
    return (f'<rect class="{css_class}" x="{number(shape.x)}" y="{number(shape.y)}" '
            f'width="{number(shape.w)}" height="{number(shape.h)}" rx="{corner}"/>')


def _from_root(page_url: str, href: str) -> str:
    """A box's page-relative link from the server's root; a link within the page stays as is."""
    return href if href.startswith("#") else urljoin(page_url, href)


def _box(box: Box, href: str, here: bool) -> str:
    x, y, w, h = box.x, box.y, box.w, box.h
    classes = f"fc-node fc-node--{box.kind}" + (f" fc-node--{box.role}" if box.role != OWN else "")
    classes += " fc-node--here" if here else ""
    own = f' id="fc-{box.id}"' if box.role == OWN else ""
    data = f' data-summary="{escape(box.summary)}"' if box.summary else ""
    data += f' data-tips="{" ".join(box.tips)}"' if box.tips else ""
    data += ' aria-current="page"' if here else ""
    drawn = (f'<a class="{classes}"{own} href="{escape(href)}" data-id="{box.id}"{data} '
             f'aria-label="{escape(box.name)}">\n{_rect(box, "fc-node__shape", SHAPE["corner"][box.kind])}\n')
    middle = y + h / 2
    if box.kind == "question":
        cx = number(x + SHAPE["badge_x"])
        drawn += (f'<circle class="fc-node__badge" cx="{cx}" cy="{number(middle)}" '
                  f'r="{SHAPE["badge_r"]}"/>\n'
                  f'<text class="fc-node__badge-text" x="{cx}" '
                  f'y="{number(middle + SHAPE["badge_font"] * SHAPE["baseline"])}" '
                  f'font-size="{SHAPE["badge_font"]}" font-weight="700" text-anchor="middle" '
                  f'aria-hidden="true">?</text>\n')
    else:
        drawn += (f'<rect class="fc-node__bar" x="{number(x)}" y="{number(y)}" '
                  f'width="{SHAPE["bar"]}" height="{number(h)}"/>\n')
    if box.role != OWN:  # drawn in full above (↑), or in a panel of its own below (↓)
        drawn += _arrow(x + w - SHAPE["arrow_x"], middle, -1 if box.role == AGAIN else 1)
    drawn += "".join(_text(block, "fc-node__" + block.style) + "\n" for block in box.text)
    return drawn + "</a>\n"


def _arrow(x: float, middle: float, direction: int) -> str:
    """A small arrow pointing up (-1) or down (1), drawn rather than typed: fonts differ."""
    half = SHAPE["arrow_h"] / 2
    tip, head = middle + direction * half, middle + direction * (half - 4)
    return (f'<path class="fc-node__elsewhere" d="M{number(x)} {number(middle - direction * half)}'
            f'V{number(tip)}M{number(x - 4)} {number(head)}L{number(x)} {number(tip)}'
            f'L{number(x + 4)} {number(head)}"/>\n')


def _text(block: TextBlock, css_class: str) -> str:
    bold = ' font-weight="700"' if block.bold else ""
    lines = "".join(f'<tspan x="{number(line.x)}" y="{number(line.y)}">{escape(line.text)}</tspan>'
                    for line in block.lines)
    return f'<text class="{css_class}" font-size="{block.size}"{bold}>{lines}</text>'
