"""Shared by the benchmark scripts: timing with medians, building the site, gzip sizes."""

from __future__ import annotations

import gzip
import os
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def median_seconds(action: Callable[[], object], runs: int) -> float:
    """The median wall time of `runs` calls: the machine is shared, so one run says little."""
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def run(command: list[str], cwd: Path = ROOT, **env: str) -> subprocess.CompletedProcess:
    result = subprocess.run(command, cwd=cwd, capture_output=True, text=True,
                            env={**os.environ, "NO_MKDOCS_2_WARNING": "1", **env})
    if result.returncode != 0:
        sys.exit(f"failed: {' '.join(command)}\n{result.stderr[-3000:]}")
    return result


def site_build(out: Path, site_url: str = "https://example.org/help/", cwd: Path = ROOT,
               *options: str) -> None:
    """`python -m build_tools site` (options such as `--builder properdocs`, `--lang zh`)."""
    run([sys.executable, "-m", "build_tools", "site", "--out", str(out), "--site-url", site_url,
         *options], cwd=cwd)


def gzip_size(data: bytes) -> int:
    return len(gzip.compress(data, compresslevel=9, mtime=0))


def table(rows: list[tuple[str, str]]) -> str:
    width = max(len(name) for name, _ in rows)
    return "\n".join(f"  {name.ljust(width)}  {value}" for name, value in rows)
