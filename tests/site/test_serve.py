"""`mkdocs serve` survives an editor's broken save: it reports the mistake as `file:line:col:
message`, keeps serving the last good pages, and shows the fix within seconds.

Also measures what an editor waits for: from saving a one-node edit to the page showing it.
"""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from tests.conftest import copy_project, free_port

pytestmark = pytest.mark.slow

TREE_FILE = "decision_tree/cancelled.yaml"
PAGE = "guide/cancelled/"
MISTAKE = ("decision_tree/cancelled.yaml:5:11: `kind` is 'outcom' (did you mean 'outcome'?); "
           "it must be one of: question, outcome, tip")
# `mkdocs serve` injects a live-reload script whose numbers change with every build and request.
LIVE_RELOAD = re.compile(r"livereload\(\d+, \d+\)")
REBUILD_LIMIT = 15.0  # seconds from saving to the page showing the edit, on a busy 2-core machine


class Server:
    """A running `mkdocs serve` on a copy of the project, and its log."""

    def __init__(self, project: Path, log: Path) -> None:
        self.project, self.log = project, log
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}/"
        env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SITE_URL": self.url}
        with log.open("wb") as out:
            self.process = subprocess.Popen(
                [sys.executable, "-m", "mkdocs", "serve", "-a", f"127.0.0.1:{self.port}"],
                cwd=project, env=env, stdout=out, stderr=subprocess.STDOUT)

    def get(self, path: str) -> tuple[int, str]:
        """Status and page, without the live-reload numbers. The server holds a request while
        it rebuilds, so a page is never half built."""
        try:
            with urllib.request.urlopen(self.url + path, timeout=120) as response:
                return response.status, LIVE_RELOAD.sub("livereload()", response.read().decode("utf-8"))
        except urllib.error.HTTPError as error:
            return error.code, ""

    def log_text(self) -> str:
        return self.log.read_text(encoding="utf-8", errors="replace")

    def wait_for(self, condition: Callable[[], bool], what: str, timeout: float = 120) -> float:
        """Seconds until `condition` holds; fails if the server stops or it takes too long."""
        start = time.monotonic()
        while not condition():
            if self.process.poll() is not None:
                pytest.fail(f"mkdocs serve stopped (exit {self.process.returncode}) before {what}:\n"
                            + self.log_text()[-3000:])
            if time.monotonic() - start > timeout:
                pytest.fail(f"no {what} after {timeout} s:\n" + self.log_text()[-3000:])
            time.sleep(0.05)
        return time.monotonic() - start

    def answers(self) -> bool:
        try:
            return self.get("")[0] == 200
        except OSError:  # not listening yet
            return False

    def stop(self) -> None:
        """Ctrl-C, so that it removes its temporary site; killed if it does not stop."""
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGINT)
            try:
                self.process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()


@pytest.fixture
def server(tmp_path: Path) -> Iterator[Server]:
    running = Server(copy_project(tmp_path / "project"), tmp_path / "serve.log")
    try:
        running.wait_for(running.answers, "home page")
        yield running
    finally:
        running.stop()


def edit(server: Server, old: str, new: str) -> None:
    path = server.project / TREE_FILE
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_serve_reports_a_broken_save_keeps_the_last_good_page_and_shows_the_fix(
        server: Server, capsys: pytest.CaptureFixture[str], record_property: Callable) -> None:
    status, good_page = server.get(PAGE)
    assert status == 200 and "已取消：" in good_page

    # The editor saves a typo: the log says where, the reader still gets the last good page.
    logged = len(server.log_text())
    edit(server, "kind: outcome", "kind: outcom")
    server.wait_for(lambda: "still serving the last good pages" in server.log_text()[logged:],
                    "report of the broken tree")
    rebuild_log = server.log_text()[logged:]
    assert MISTAKE in rebuild_log
    assert "Traceback" not in rebuild_log
    assert server.get(PAGE) == (200, good_page)
    assert server.get("en/" + PAGE)[0] == 200

    # The editor fixes it and changes the title: the page shows it within seconds.
    edit(server, "kind: outcom", "kind: outcome")
    edit(server, "zh: 已取消：", "zh: 已取消（新）：")
    seconds = server.wait_for(lambda: "已取消（新）：" in server.get(PAGE)[1], "edited title",
                              timeout=REBUILD_LIMIT)

    record_property("serve_rebuild_seconds", round(seconds, 2))
    with capsys.disabled():
        print(f"\nmkdocs serve: a one-node edit was served {seconds:.1f} s after saving")
    assert "Traceback" not in server.log_text()
