"""The flowchart drawn at build time: panels of boxes and answers, measured, laid out top to
bottom, routed and written as inline SVG; and the same chart as a list."""

from build_tools.render.flowchart.outline import chart_nodes, chart_tips, flowchart_outline
from build_tools.render.flowchart.svg import panel_svgs

__all__ = ["chart_nodes", "chart_tips", "flowchart_outline", "panel_svgs"]
