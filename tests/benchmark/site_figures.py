"""Figures for the foundation and the reader's journey: build times, pages, clicks, page weight.

    python3 build_tools/dev.py bench site
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from build_tools.derive.derive import derive
from build_tools.publish.builder import BUILDERS
from build_tools.settings import TREE_DIR
from build_tools.publish.promise import read_promise
from build_tools.tree.read import load_tree
from tests.benchmark.common import ROOT, gzip_size, median_seconds, run, site_build, table
from tests.conftest import differing_files

RUNS = 5
URL = "https://example.org/help/"


def build_times(work: Path) -> list[tuple[str, str]]:
    """Our step alone, and the whole site with each builder; the builders' outputs compared."""
    ours = median_seconds(lambda: run([sys.executable, "-m", "build_tools", "build", "--out",
                                       str(work / "pages")]), RUNS)
    whole = {builder: median_seconds(lambda: site_build(work / builder, URL, ROOT, "--builder", builder),
                                     RUNS) for builder in BUILDERS}
    first, *others = BUILDERS
    pages = len(list((work / first).rglob("*.html")))
    return [("python -m build_tools build (median of 5)", f"{ours:.2f} s"),
            *((f"python -m build_tools site --builder {b}, both languages (median of 5)",
               f"{s:.2f} s") for b, s in whole.items()),
            *((f"ratio: {b} / {first}", f"{whole[b] / whole[first]:.2f}") for b in others),
            (f"ratio: our step / the {first} site build", f"{ours / whole[first]:.1%}"),
            *((f"files that differ, {b} against {first}", str(len(differing_files(work / first, work / b))))
              for b in others),
            ("HTML pages written", str(pages))]


def journey_figures(work: Path) -> list[tuple[str, str]]:
    derived = derive(load_tree(TREE_DIR))
    outcomes = derived.tree.outcomes()
    deepest = max(outcomes, key=lambda o: derived.depth[o.id])
    published = list(read_promise(TREE_DIR).promised)
    html = (work / BUILDERS[0] / "guide" / deepest.id / "index.html").read_bytes()
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

    zh_only = median_seconds(lambda: site_build(work / "zh-only", URL, ROOT, "--lang", "zh"), RUNS)
    both = median_seconds(lambda: site_build(work / "both", URL), RUNS)
    zh_pages = [p for p in (work / "both").rglob("index.html") if "en" not in p.relative_to(work / "both").parts[:1]]
    en_pages = list((work / "both" / "en").rglob("index.html"))
    return [("pages, Chinese", str(len(zh_pages))), ("pages, English", str(len(en_pages))),
            ("English texts left untranslated", str(len(untranslated(load_tree(TREE_DIR))))),
            ("site build, Chinese only (median of 5)", f"{zh_only:.2f} s"),
            ("site build, both languages (median of 5)", f"{both:.2f} s"),
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
