"""Figures for the foundation and the reader's journey: build times, pages, clicks, page weight.

    python3 build_tools/dev.py bench site
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from build_tools.derive.derive import derive
from build_tools.settings import TREE_DIR
from build_tools.publish.promise import read_promise
from build_tools.tree.read import load_tree
from tests.benchmark.common import ROOT, gzip_size, median_seconds, mkdocs_build, run, table

RUNS = 5


def build_times(work: Path) -> list[tuple[str, str]]:
    ours = median_seconds(lambda: run([sys.executable, "-m", "build_tools", "build", "--out",
                                       str(work / "pages")]), RUNS)
    whole = median_seconds(lambda: mkdocs_build(work / "site"), RUNS)
    pages = len(list((work / "site").rglob("*.html")))
    return [("python -m build_tools build (median of 5)", f"{ours:.2f} s"),
            ("mkdocs build --strict, both languages (median of 5)", f"{whole:.2f} s"),
            ("ratio: our step / whole build", f"{ours / whole:.1%}"),
            ("HTML pages written", str(pages))]


def journey_figures(work: Path) -> list[tuple[str, str]]:
    derived = derive(load_tree(TREE_DIR))
    outcomes = derived.tree.outcomes()
    deepest = max(outcomes, key=lambda o: derived.depth[o.id])
    published = list(read_promise(TREE_DIR).promised)
    html = (work / "site" / "guide" / deepest.id / "index.html").read_bytes()
    return [("outcomes", str(len(outcomes))),
            ("clicks from home to the deepest outcome", f"{derived.depth[deepest.id]} ({deepest.id})"),
            ("mean clicks from home to an outcome",
             f"{sum(derived.depth[o.id] for o in outcomes) / len(outcomes):.2f}"),
            ("published URLs (both languages)", str(len(published))),
            ("redirects declared", str(len(derived.tree.redirects))),
            (f"outcome page HTML ({deepest.id})", f"{len(html):,} B raw, {gzip_size(html):,} B gzip")]


def edition_figures(work: Path) -> list[tuple[str, str]]:
    """The English edition: pages per language, untranslated texts, cost against Chinese alone."""
    from tests.unit.test_translations import untranslated

    zh_only = median_seconds(lambda: mkdocs_build(work / "zh-only", env={"HELP_CENTRE_LANGUAGES": "zh"}), RUNS)
    both = median_seconds(lambda: mkdocs_build(work / "both"), RUNS)
    zh_pages = [p for p in (work / "both").rglob("index.html") if "en" not in p.relative_to(work / "both").parts[:1]]
    en_pages = list((work / "both" / "en").rglob("index.html"))
    return [("pages, Chinese", str(len(zh_pages))), ("pages, English", str(len(en_pages))),
            ("English texts left untranslated", str(len(untranslated(load_tree(TREE_DIR))))),
            ("mkdocs build, Chinese only (median of 5)", f"{zh_only:.2f} s"),
            ("mkdocs build, both languages (median of 5)", f"{both:.2f} s"),
            ("ratio: both / Chinese only", f"{both / zh_only:.2f}")]


def main(argv: list[str] | None = None) -> None:
    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        print("Build (real tree)\n" + table(build_times(work)))
        print("Journeys\n" + table(journey_figures(work)))
        print("English edition\n" + table(edition_figures(work)))
    count = run([sys.executable, "-m", "pytest", "--collect-only", "-q"], cwd=ROOT).stdout
    print("Tests\n" + table([("tests collected", count.strip().splitlines()[-1])]))


if __name__ == "__main__":
    main()
