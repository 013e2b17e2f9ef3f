"""How the build grows with the tree: synthetic trees of 100, 1,000 and 10,000 nodes.

    python3 build_tools/dev.py bench scale [--runs 3] [--sizes 100,1000,10000]

For each size: our generation step alone (`python -m build_tools build`, both languages, which
also writes the Markdown to disk), the whole site build (`python -m build_tools site`: our step,
MkDocs per language, the URL checks), its peak memory (the builder processes included), pages
written, and the layout time of every flowchart of one language. Our step runs in one process
(decision 007) and the builder in one more, one language after the other:
the goal is a 1,000-node tree under 30 s and a 10,000-node tree under 5 minutes and 2 GB, growing
no worse than linearly. Each figure is the median of --runs runs; the last lines give the ratio
between the two largest sizes.

The trees come from tests/synthetic.py: questions with two to four answers, shared outcomes,
tips, several levels, and the real tree's texts (each varied, so nothing is cached).
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

from build_tools.derive.charts import chart_pages, panels
from build_tools.derive.derive import derive
from build_tools.render.flowchart.graph import drawings
from build_tools.render.flowchart.layout import layout
from build_tools.tree.read import load_tree
from tests.benchmark.common import table
from tests.synthetic import synthetic_project

SIZES = (100, 1_000, 10_000)


def measured(command: list[str], cwd: Path, **env: str) -> tuple[float, float]:
    """Wall time in seconds and the peak memory (MB) of the process tree, sampled every 0.1 s."""
    start = time.perf_counter()
    process = subprocess.Popen(command, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                               env={"NO_MKDOCS_2_WARNING": "1", "PATH": "/usr/bin:/bin",
                                    "SITE_URL": "https://example.org/help/", **env})
    peak = [0.0]
    sampler = threading.Thread(target=_sample_memory, args=(process, peak), daemon=True)
    sampler.start()
    _, errors = process.communicate()
    seconds = time.perf_counter() - start
    sampler.join()
    if process.returncode:
        sys.exit(f"failed: {' '.join(command)}\n{errors.decode()[-3000:]}")
    return seconds, peak[0]


def _sample_memory(process: subprocess.Popen, peak: list[float]) -> None:
    while process.poll() is None:
        peak[0] = max(peak[0], sum(_memory_mb(pid) for pid in _process_tree(process.pid)))
        time.sleep(0.1)


def _process_tree(pid: int) -> list[int]:
    """The process and its descendants, from /proc (Linux)."""
    found, pending = [], [pid]
    while pending:
        current = pending.pop()
        found.append(current)
        for children in Path(f"/proc/{current}/task").glob("*/children"):
            try:
                pending += [int(c) for c in children.read_text().split()]
            except OSError:
                pass
    return found


def _memory_mb(pid: int) -> float:
    """The process's proportional set size (pages shared between processes count once)."""
    try:
        for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
            if line.startswith("Pss:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return 0.0


def layout_seconds(project: Path) -> float:
    """Laying out every flowchart of the Chinese site (in this process)."""
    derived = derive(load_tree(project / "decision_tree"))
    start = time.perf_counter()
    for chart in chart_pages(derived):
        for drawing in drawings(derived, panels(derived, chart)):
            layout(derived, "zh", chart.path, drawing)
    return time.perf_counter() - start


def figures(work: Path, size: int, runs: int) -> dict[str, float]:
    project = synthetic_project(work, size)
    python = sys.executable
    ours = [measured([python, "-m", "build_tools", "build", "--out", str(work / "pages")], project)
            for _ in range(runs)]
    whole = [measured([python, "-m", "build_tools", "site", "--out", str(work / "site")], project)
             for _ in range(runs)]
    pages = sum(1 for _ in (work / "site").rglob("*.html"))
    result = {"ours s": statistics.median(t for t, _ in ours),
              "whole s": statistics.median(t for t, _ in whole),
              "peak MB": max(m for _, m in whole),
              "pages": pages,
              "layout s": statistics.median(layout_seconds(project) for _ in range(runs))}
    shutil.rmtree(project)
    return result


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--sizes", default=",".join(str(s) for s in SIZES))
    args = parser.parse_args(argv)
    sizes = [int(s) for s in args.sizes.split(",")]
    with tempfile.TemporaryDirectory() as folder:
        results = {size: figures(Path(folder), size, args.runs) for size in sizes}
    print(f"Scale (median of {args.runs} runs; both languages)")
    print(f"  {'nodes':>7} {'ours alone s':>13} {'site build s':>13} {'peak MB':>8} {'pages':>7} "
          f"{'layout s':>9}")
    for size, r in results.items():
        print(f"  {size:>7} {r['ours s']:>13.2f} {r['whole s']:>13.2f} {r['peak MB']:>8.0f} "
              f"{r['pages']:>7.0f} {r['layout s']:>9.2f}")
    if len(sizes) >= 2:
        big, small = results[sizes[-1]], results[sizes[-2]]
        print(f"Ratio {sizes[-1]:,} / {sizes[-2]:,} nodes\n" + table([
            (key, f"{big[key] / small[key]:.2f}")
            for key in ("ours s", "whole s", "peak MB", "pages", "layout s")]))


if __name__ == "__main__":
    main(sys.argv[1:])
