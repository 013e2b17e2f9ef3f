"""The flowchart: what a reader downloads for it, against the same page made with Material's
built-in Mermaid diagrams (which fetch mermaid.js and lay the chart out on the phone); how long
our build-time layout takes for synthetic trees; and the chart as it opens in Chromium at
390 x 844 and 1,280 x 800 (flowchart_view.py: start box, smallest label, sideways scroll,
weight, taps).

    python3 build_tools/dev.py bench flowchart      (needs Node.js; installs mermaid once)
"""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
from pathlib import Path

from build_tools.derive.charts import Panel
from build_tools.derive.derive import answers, derive
from build_tools.render.flowchart import chart_nodes, panel_svgs
from build_tools.render.text import plain
from build_tools.settings import TREE_DIR
from build_tools.tree.read import load_tree
from tests.benchmark.common import gzip_size, run, site_build, table
from tests.benchmark.flowchart_view import describe, views
from tests.benchmark.lighthouse_budgets import HERE, ensure_node_packages
from tests.synthetic import synthetic_tree

MERMAID = HERE / "node_modules" / "mermaid" / "dist" / "mermaid.min.js"
OUR_ASSETS = ("assets/flowchart.css", "assets/flowchart.js")


def mermaid_source(lang: str = "zh") -> str:
    """The real tree as a Mermaid flowchart: the same boxes, answer labels and links."""
    derived = derive(load_tree(TREE_DIR))
    lines = ["graph TD"]
    for node_id in derived.order:
        node = derived.tree.nodes[node_id]
        title = plain(node.title[lang]).replace('"', "'")
        lines.append(f'    {node_id.replace("-", "_")}["{title}"]')
        lines.append(f'    click {node_id.replace("-", "_")} "../{derived.path(node_id)[:-3]}/"')
        for answer in answers(node):
            label = plain(answer.label[lang]).replace('"', "'")
            lines.append(f'    {node_id.replace("-", "_")} -->|"{label}"| {answer.next.id.replace("-", "_")}')
        for tip in getattr(node, "tips", ()):
            lines.append(f"    {node_id.replace('-', '_')} -.-> {tip.id.replace('-', '_')}")
    return "\n".join(lines)


def mermaid_site(work: Path) -> Path:
    """A plain Material site with one page: the flowchart as a Mermaid diagram."""
    project = work / "mermaid"
    (project / "docs").mkdir(parents=True)
    (project / "docs" / "index.md").write_text(
        "# 流程图\n\n```mermaid\n" + mermaid_source() + "\n```\n", encoding="utf-8")
    (project / "mkdocs.yml").write_text(
        "site_name: 抖音订单帮助中心\ntheme:\n  name: material\n  language: zh\n"
        "markdown_extensions:\n  - pymdownx.superfences:\n      custom_fences:\n"
        "        - name: mermaid\n          class: mermaid\n"
        "          format: !!python/name:pymdownx.superfences.fence_code_format\n", encoding="utf-8")
    run([sys.executable, "-m", "mkdocs", "build", "-q", "-d", str(work / "mermaid-site")], cwd=project)
    return work / "mermaid-site"


def layout_seconds(size: int, runs: int = 3) -> float:
    """Measuring, laying out and writing the whole tree as one panel."""
    derived = derive(synthetic_tree(size))
    whole = Panel(derived.tree.start.id, frozenset(chart_nodes(derived)))
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        panel_svgs(derived, "zh", "flowchart.md", [whole])
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main(argv: list[str] | None = None) -> None:
    ensure_node_packages()
    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        site_build(work / "site")
        ours_html = (work / "site" / "flowchart" / "index.html").read_bytes()
        ours_assets = sum(gzip_size((work / "site" / a).read_bytes()) for a in OUR_ASSETS)
        theirs_html = (mermaid_site(work) / "index.html").read_bytes()
        opened = views(work / "site")
    mermaid_js = MERMAID.read_bytes()
    ours = gzip_size(ours_html) + ours_assets
    theirs = gzip_size(theirs_html) + gzip_size(mermaid_js)
    print("Flowchart page of the real tree (gzip; Material's own CSS and JS, the same for both, left out)\n"
          + table([
              ("ours: HTML with the inline SVG", f"{gzip_size(ours_html):,} B ({len(ours_html):,} B raw)"),
              ("ours: flowchart.css + flowchart.js", f"{ours_assets:,} B"),
              ("ours: total", f"{ours:,} B"),
              ("Mermaid: HTML", f"{gzip_size(theirs_html):,} B"),
              ("Mermaid: mermaid.min.js 11.17.2 (from a CDN)", f"{gzip_size(mermaid_js):,} B "
                                                               f"({len(mermaid_js):,} B raw)"),
              ("Mermaid: total", f"{theirs:,} B"),
              ("ratio Mermaid / ours", f"{theirs / ours:.0f}x")]))
    print("Layout time of the whole tree as one panel (median of 3)\n" + table(
        [(f"synthetic tree of {size:,} nodes", f"{layout_seconds(size):.2f} s")
         for size in (100, 1000, 10_000)]))
    print("The flowchart as it opens (Chromium)\n" + table([row for v in opened for row in describe(v)]))
