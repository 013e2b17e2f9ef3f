"""What an editor waits for under `serve` (`python -m build_tools serve`): from saving a one-node
edit of the real tree to the rebuilt page being served. Median of several edits.

    python3 build_tools/dev.py bench serve
"""

from __future__ import annotations

import statistics
import tempfile
from pathlib import Path

from tests.benchmark.common import table
from tests.conftest import copy_project
from tests.site.test_serve import PAGE, TREE_FILE, Server

EDITS = 5


def main(argv: list[str] | None = None) -> None:
    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        server = Server(copy_project(work / "project"), work / "serve.log")
        try:
            server.wait_for(server.answers, "home page")
            seconds = [one_edit(server, n) for n in range(EDITS)]
        finally:
            server.stop()
    print("serve, one-node edit of the real tree\n" + table([
        ("saved to served, median of %d edits" % EDITS, f"{statistics.median(seconds):.2f} s"),
        ("each edit", ", ".join(f"{s:.2f}" for s in seconds))]))


def one_edit(server: Server, number: int) -> float:
    """Change the outcome's title, and time until the page shows it."""
    path = server.project / TREE_FILE
    text = path.read_text(encoding="utf-8")
    old = f"（第 {number - 1} 次）" if number else ""
    new = f"（第 {number} 次）"
    marker = "zh: 已取消"
    path.write_text(text.replace(marker + old, marker + new, 1), encoding="utf-8")
    return server.wait_for(lambda: "已取消" + new in server.get(PAGE)[1], "edited title")
