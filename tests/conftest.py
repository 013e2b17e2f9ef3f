"""Fixtures shared by every test folder: throw-away trees, one built site, a browser."""

from __future__ import annotations

import datetime
import functools
import http.server
import os
import shutil
import socket
import subprocess
import sys
import textwrap
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
TODAY = datetime.date(2026, 12, 2)  # fixed, so "review date in the future" tests do not drift

# The smallest valid tree: a start question, two outcomes, a tip and a source. Unit tests
# replace one piece of it to make exactly one mistake.
MINIMAL_TREE = """\
start: start
nodes:
  - id: start
    kind: question
    title: {zh: 开始, en: Start}
    question: {zh: 订单状态？, en: "Order status?"}
    answers:
      - label: {zh: 待付款, en: Pending}
        next: unpaid
      - label: {zh: 已取消, en: Cancelled}
        next: cancelled
    tips: [be-polite]
  - id: unpaid
    kind: outcome
    title: {zh: 取消订单, en: Cancel the order}
    summary: {zh: 直接取消。, en: Just cancel.}
    steps:
      - {zh: 点取消订单。, en: Tap cancel.}
    reply: {zh: 您好，请直接取消。, en: Hello. Please cancel.}
    sources: [law]
    reviewed: 2026-11-01
  - id: cancelled
    kind: outcome
    title: {zh: 已取消, en: Cancelled}
    summary: {zh: 钱会原路退回。, en: The money goes back.}
    steps:
      - {zh: 等待退款。, en: Wait for the refund.}
    reply: {zh: 您好，钱会原路退回。, en: Hello. The money goes back.}
    sources: [law]
    reviewed: 2026-11-01
  - id: be-polite
    kind: tip
    title: {zh: 礼貌沟通, en: Be polite}
    summary: {zh: 保持礼貌。, en: Stay polite.}
    points:
      - {zh: 说清楚。, en: Be clear.}
    sources: [law]
    reviewed: 2026-11-01
sources:
  - id: law
    title: {zh: 消费者权益保护法, en: Consumer law}
    quality: law
"""


def write_tree(folder: Path, files: dict[str, str | bytes]) -> Path:
    """Write YAML files (text is dedented; bytes are written as they are) into a tree folder."""
    folder.mkdir(parents=True, exist_ok=True)
    for name, content in files.items():
        path = folder / name
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(textwrap.dedent(content), encoding="utf-8")
    return folder


# --- a built site, served the way GitHub Pages serves a project site: under a sub-path ---

SUB_PATH = "/douyin-help/"
PROJECT_PARTS = ("mkdocs.yml", "mkdocs.en.yml", "docs", "decision_tree", "build_tools")


@dataclass(frozen=True)
class BuiltSite:
    folder: Path
    url: str  # ends with "/"; the site lives under SUB_PATH


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def mkdocs_build(project: Path, out: Path, site_url: str, *extra: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "SITE_URL": site_url, "NO_MKDOCS_2_WARNING": "1"}
    return subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(out), *extra],
                          cwd=project, env=env, capture_output=True, text=True)


def copy_project(target: Path) -> Path:
    """The parts of the project a site build reads, copied so a test may break them."""
    target.mkdir(parents=True, exist_ok=True)
    for part in PROJECT_PARTS:
        source = ROOT / part
        if source.is_dir():
            shutil.copytree(source, target / part, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(source, target / part)
    return target


class _SubPathHandler(http.server.SimpleHTTPRequestHandler):
    """Serves the site under SUB_PATH only; anything else, and missing files, get the 404 page."""

    def log_message(self, format: str, *args: object) -> None:  # keep test output clean
        pass

    def send_head(self):  # noqa: ANN201 - the base class's signature
        if not self.path.startswith(SUB_PATH):
            return self._not_found()
        self.path = "/" + self.path[len(SUB_PATH):]
        local = Path(self.translate_path(self.path))
        if not local.exists() or (local.is_dir() and not (local / "index.html").exists()):
            return self._not_found()
        return super().send_head()

    def _not_found(self):  # noqa: ANN202
        page = Path(self.directory) / "404.html"
        body = page.read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)
        return None


class LoopbackServer(http.server.ThreadingHTTPServer):
    """A threaded server with room for a browser's burst of connections: socketserver's listen
    backlog of 5 let a connection fail now and then when a page asked for many files at once
    (a flowchart page's stylesheet failed once in a full test run)."""

    request_queue_size = 128


def serve(folder: Path, port: int, handler: type[http.server.SimpleHTTPRequestHandler] = _SubPathHandler
          ) -> LoopbackServer:
    """The folder served by `handler` on a loopback port, from a thread of this process."""
    server = LoopbackServer(("127.0.0.1", port), functools.partial(handler, directory=str(folder)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


@pytest.fixture(scope="session")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[BuiltSite]:
    """The real site, built once with `mkdocs build --strict` and served on a loopback port."""
    port = free_port()
    url = f"http://127.0.0.1:{port}{SUB_PATH}"
    folder = tmp_path_factory.mktemp("built") / "site"
    result = mkdocs_build(ROOT, folder, url)
    assert result.returncode == 0, result.stderr
    server = serve(folder, port)
    yield BuiltSite(folder, url)
    server.shutdown()
    server.server_close()
