"""What Zensical makes of the real site, beside MkDocs (decision 013). Not part of CI: Zensical is
not in the requirements; install it in a venv of its own and name its command.

    python3 -m venv /tmp/zensical-venv && /tmp/zensical-venv/bin/pip install zensical
    ZENSICAL=/tmp/zensical-venv/bin/zensical python3 build_tools/dev.py bench zensical

Stages each language as `python -m build_tools site` does (with `site_dir` inside the staged
folder, which Zensical requires), runs `zensical build --strict` on it, and compares the result
with the MkDocs build: files, broken links, published URLs, and what each page says in its head.
"""

from __future__ import annotations

import html
import os
import re
import subprocess
import sys
import tempfile
from pathlib import Path

from build_tools.derive.derive import derive
from build_tools.publish.builder import stage
from build_tools.publish.promise import read_promise
from build_tools.settings import TREE_DIR
from build_tools.tree.model import LANGUAGES
from build_tools.tree.read import load_tree
from tests.benchmark.common import site_build, table
from tests.conftest import BuiltSite
from tests.site.test_links import broken_links

URL = "https://example.org/help/"
HEAD = {"title": r"<title>(.*?)</title>", "description": r'<meta name="description" content="([^"]*)"',
        "canonical": r'<link rel="canonical" href="([^"]*)"',
        "language switch": r'<a href="([^"]*)" hreflang=', "flowchart box links": r'class="fc-node[^>]*href="([^"]*)"'}


def zensical_site(zensical: str, work: Path) -> tuple[Path, list[str]]:
    """Both languages built by Zensical into one folder; what it said."""
    derived, said = derive(load_tree(TREE_DIR)), []
    for lang in LANGUAGES:
        sources = work / "sources" / lang
        config = stage(derived, lang, list(LANGUAGES), URL, sources, sources / "site")
        result = subprocess.run([zensical, "build", "--strict", "-f", str(config)], capture_output=True,
                                text=True)
        output = " / ".join((result.stdout + result.stderr).strip().splitlines())
        said.append(f"{lang}: exit {result.returncode}: {output[-300:]}")
        target = work / "zensical" / ("" if lang == LANGUAGES[0] else lang)
        target.parent.mkdir(parents=True, exist_ok=True)
        (sources / "site").rename(target)
    return work / "zensical", said


def head(page: Path) -> dict[str, list[str]]:
    text = page.read_text(encoding="utf-8")
    # unescaped: MiniJinja writes ' as &#x27; where Jinja writes &#39;, the same text
    return {name: [html.unescape(v) for v in re.findall(pattern, text)] for name, pattern in HEAD.items()}


def main(argv: list[str] | None = None) -> None:
    zensical = os.environ.get("ZENSICAL", "/tmp/zensical-venv/bin/zensical")
    if not Path(zensical).exists():
        print(f"no Zensical at {zensical}: see tests/benchmark/zensical_trial.py")
        return
    version = subprocess.run([zensical, "--version"], capture_output=True, text=True).stdout.strip()
    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        site_build(work / "mkdocs", URL)
        ours, said = zensical_site(zensical, work)
        mkdocs = work / "mkdocs"
        files = {p.relative_to(ours).as_posix() for p in ours.rglob("*") if p.is_file()}
        theirs = {p.relative_to(mkdocs).as_posix() for p in mkdocs.rglob("*") if p.is_file()}
        pages = sorted(f for f in files & theirs if f.endswith(".html"))
        differing = {f: [k for k, v in head(ours / f).items() if v != head(mkdocs / f)[k]] for f in pages}
        rows = [("version", version), *((f"build {line.split(':')[0]}", line) for line in said),
                ("files only Zensical made (assets aside)",
                 ", ".join(sorted(f for f in files - theirs if "assets/" not in f)) or "none"),
                ("files only MkDocs made (assets aside)",
                 ", ".join(sorted(f for f in theirs - files if "assets/" not in f)) or "none"),
                ("broken links (tests/site/test_links.py)", str(broken_links(BuiltSite(ours, URL)))),
                ("published URLs without a page", str([u for u in read_promise(TREE_DIR).promised
                                                       if not (ours / u.lstrip("/") / "index.html").exists()])),
                ("pages whose head differs from MkDocs'",
                 "; ".join(f"{f}: {', '.join(k)}" for f, k in differing.items() if k) or "none")]
    print("Zensical beside MkDocs, the real site\n" + table(rows))


if __name__ == "__main__":
    main(sys.argv[1:])
