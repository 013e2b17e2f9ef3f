"""Figures for issue 19 (bad input): the corpus's size, and what refusing bad input costs on the
real tree, against a base commit measured in the same run.

    python3 build_tools/dev.py bench robust [--base main] [--runs 7] [--wide 1000] [--cases]

The base commit is unpacked (`git archive`) into a temporary folder and run with the same Python.
Each command runs --runs times per side, alternating base and this checkout so that the shared
machine's load falls on both alike; each figure is a median and the comparison a ratio
(this / base: 1.00 means unchanged). `--wide N` also builds a site whose home has N answers on
both sides (slow: the base needed about a minute and half a gigabyte for 1,000). `--cases`
lists every case bad_input.py added, with the message it prints now.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from tests.benchmark.common import ROOT, table

READ_TREE = """\
import statistics, sys, time
from pathlib import Path
from build_tools.tree.read import check_tree
times = []
for _ in range(int(sys.argv[1])):
    start = time.perf_counter()
    tree, problems = check_tree(Path("decision_tree"))
    times.append(time.perf_counter() - start)
    assert tree is not None, problems
print(statistics.median(times))
"""
CORPUS = """\
from tests.unit import bad_trees
try:
    from tests.unit import bad_input
except ImportError:
    bad_input = None
print(len(bad_trees.CASES), len(bad_input.CASES) if bad_input else 0, len(bad_input.COMMANDS) if bad_input else 0)
"""


def unpack(ref: str, folder: Path) -> Path:
    """The files of commit `ref`, as a folder of their own."""
    archive = subprocess.run(["git", "archive", ref], cwd=ROOT, capture_output=True, check=True).stdout
    folder.mkdir(parents=True)
    subprocess.run(["tar", "-x", "-C", str(folder)], input=archive, check=True)
    return folder


def seconds(command: list[str], cwd: Path) -> float:
    start = time.perf_counter()
    result = subprocess.run(command, cwd=cwd, capture_output=True, text=True,
                            env={"PATH": "/usr/bin:/bin", "NO_MKDOCS_2_WARNING": "1",
                                 "SITE_URL": "https://example.org/help/"})
    if result.returncode:
        sys.exit(f"failed in {cwd}: {' '.join(command)}\n{result.stderr[-3000:]}")
    return time.perf_counter() - start


def output(command: list[str], cwd: Path) -> str:
    return subprocess.run(command, cwd=cwd, capture_output=True, text=True, check=True).stdout


def compared(name: str, command: list[str] | Callable[[Path], list[str]], sides: dict[str, Path],
             runs: int) -> tuple[str, str]:
    """Median wall time of `command` (or the command a checkout needs) in each checkout,
    alternating, and their ratio."""
    times: dict[str, list[float]] = {side: [] for side in sides}
    for _ in range(runs):
        for side, folder in sides.items():
            times[side].append(seconds(command(folder) if callable(command) else command, folder))
    base, this = (statistics.median(times[side]) for side in sides)
    return name, f"base {base:.3f} s, this {this:.3f} s, ratio {this / base:.2f}"


def site_command(folder: Path, out: Path) -> list[str]:
    """A checkout's strict site build: `build_tools site` since decision 013, `mkdocs build` before."""
    if (folder / "build_tools" / "publish" / "builder.py").exists():
        return [sys.executable, "-m", "build_tools", "site", "--out", str(out)]
    return [sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-d", str(out)]


def read_in_process(sides: dict[str, Path], runs: int) -> tuple[str, str]:
    """Reading and checking the real tree inside one process (no interpreter start-up)."""
    base, this = (float(output([sys.executable, "-c", READ_TREE, str(runs * 5)], folder))
                  for folder in sides.values())
    return (f"check_tree on the real tree, in process (median of {runs * 5})",
            f"base {base * 1000:.1f} ms, this {this * 1000:.1f} ms, ratio {this / base:.2f}")


def corpus(sides: dict[str, Path]) -> list[tuple[str, str]]:
    rows = []
    for side, folder in sides.items():
        trees, more, commands = map(int, output([sys.executable, "-c", CORPUS], folder).split())
        rows.append((f"bad-input corpus, {side}", f"{trees + more + commands} cases "
                     f"({trees} in bad_trees.py, {more} tree cases and {commands} command lines in bad_input.py)"))
    return rows


def wide_site(sides: dict[str, Path], answers: int, work: Path) -> list[tuple[str, str]]:
    """A site whose home has `answers` answers: its size and build time on each side."""
    rows = []
    for side, folder in sides.items():
        project = work / f"wide-{side}"
        shutil.copytree(folder, project, ignore=shutil.ignore_patterns(".git", ".venv", "site", "build"))
        for old in (project / "decision_tree").glob("*.yaml"):
            old.unlink()
        shutil.rmtree(project / "decision_tree" / "phrasings", ignore_errors=True)  # real pages' ids
        (project / "decision_tree" / "published_urls.txt").unlink()
        (project / "decision_tree" / "tree.yaml").write_text(_wide_tree(answers), encoding="utf-8")
        start = time.perf_counter()
        result = subprocess.run(site_command(project, project / "site"), cwd=project, capture_output=True, text=True,
                                env={"PATH": "/usr/bin:/bin", "NO_MKDOCS_2_WARNING": "1",
                                     "SITE_URL": "https://example.org/help/"})
        took = time.perf_counter() - start
        size = sum(p.stat().st_size for p in (project / "site").rglob("*") if p.is_file())
        outcome = (f"{size / 1e6:,.1f} MB in {took:.1f} s" if result.returncode == 0 else
                   f"fails after {took:.1f} s: {result.stderr.strip().splitlines()[-1][:90]}")
        rows.append((f"site with {answers:,} answers on its home, {side}", outcome))
        shutil.rmtree(project)
    return rows


def _wide_tree(answers: int) -> str:
    from tests.conftest import MINIMAL_TREE

    more = "".join(f"      - label: {{zh: 状态{i}, en: Status {i}}}\n        next: cancelled\n"
                   for i in range(answers - 2))
    return MINIMAL_TREE.replace("    tips: [be-polite]\n  - id: unpaid", more + "    tips: [be-polite]\n  - id: unpaid")


def main(argv: list[str]) -> None:
    parser = argparse.ArgumentParser(prog="bench robust")
    parser.add_argument("--base", default="main", help="the commit to compare with (default main)")
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--wide", type=int, default=0, help="also build a site with this many answers")
    parser.add_argument("--cases", action="store_true", help="list bad_input.py's cases and messages")
    args = parser.parse_args(argv)
    if args.cases:
        from tests.unit.bad_input import CASES, COMMANDS

        for case in [*CASES, *COMMANDS]:
            print(f"{case.name}: " + " | ".join(case.expect or ["(no problem: accepted)"]))
        return
    with tempfile.TemporaryDirectory() as temp:
        work = Path(temp)
        sides = {"base": unpack(args.base, work / "base"), "this": ROOT}
        python = [sys.executable, "-m"]
        rows = [*corpus(sides),
                compared(f"python -m build_tools check (median of {args.runs})", [*python, "build_tools", "check"],
                         sides, args.runs),
                compared(f"python -m build_tools build (median of {args.runs})",
                         [*python, "build_tools", "build", "--out", str(work / "pages")], sides, args.runs),
                compared(f"strict site build, both languages (median of {args.runs})",
                         lambda folder: site_command(folder, work / "site"), sides, args.runs),
                read_in_process(sides, args.runs)]
        if args.wide:
            rows += wide_site(sides, args.wide, work)
    print(f"base: {args.base} ({output(['git', 'rev-parse', '--short', args.base], ROOT).strip()}), "
          f"this: {output(['git', 'rev-parse', '--short', 'HEAD'], ROOT).strip()} and its working tree")
    print(table(rows))


if __name__ == "__main__":
    main(sys.argv[1:])
