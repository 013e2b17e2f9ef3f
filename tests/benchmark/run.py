"""Benchmarks: figures the issues ask for, printed as tables. Not timed tests: the machine is
shared and noisy, so each figure is a median, and speeds are quoted as ratios against a
baseline measured in the same run.

    python3 build_tools/dev.py bench [site|…|all]
"""

from __future__ import annotations

import importlib
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))  # run as a script from anywhere

SECTIONS = {"site": "tests.benchmark.site_figures",
            "lighthouse": "tests.benchmark.lighthouse_budgets",
            "flowchart": "tests.benchmark.flowchart_weight",
            "search": "tests.benchmark.search_hits",
            "scale": "tests.benchmark.scale",
            "serve": "tests.benchmark.serve_edit",
            "first_screen": "tests.benchmark.first_screen",
            "robust": "tests.benchmark.robust",
            "zensical": "tests.benchmark.zensical_trial",
            "minisearch": "tests.benchmark.minisearch_trial"}


def main(argv: list[str]) -> None:
    options = next((i for i, arg in enumerate(argv) if arg.startswith("--")), len(argv))
    argv, options = argv[:options], argv[options:]  # `bench robust --runs 3`: for the sections
    chosen = argv or ["all"]
    names = list(SECTIONS) if chosen == ["all"] else chosen
    unknown = [n for n in names if n not in SECTIONS]
    if unknown:
        sys.exit(f"unknown section {unknown}; choose from {', '.join(SECTIONS)} or all")
    for name in names:
        print(f"== {name} ==")
        importlib.import_module(SECTIONS[name]).main(options)


if __name__ == "__main__":
    main(sys.argv[1:])
