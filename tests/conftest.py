"""Fixtures shared by every test folder: throw-away trees, one built site, a browser."""

from __future__ import annotations

import datetime
import http.server
import shutil
import socket
import subprocess
import sys
import textwrap
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import pytest

from build_tools.publish.serve import LoopbackServer, SubPathHandler, serve_folder

ROOT = Path(__file__).resolve().parent.parent
TODAY = datetime.date(2026, 12, 7)  # fixed, so "review date in the future" tests do not drift

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
        path.parent.mkdir(parents=True, exist_ok=True)  # phrasings/asked.yaml
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(textwrap.dedent(content), encoding="utf-8")
    return folder


# --- a built site, served the way GitHub Pages serves a project site: under a sub-path ---

SUB_PATH = "/douyin-help/"
PROJECT_PARTS = ("mkdocs.yml", "docs", "decision_tree", "build_tools")


@dataclass(frozen=True)
class BuiltSite:
    folder: Path
    url: str  # ends with "/"; the site lives under SUB_PATH


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def site_build(project: Path, out: Path, site_url: str, builder: str = "mkdocs") -> subprocess.CompletedProcess:
    """`python -m build_tools site` in a project: the tree checked, built by `builder`, swapped in."""
    return subprocess.run([sys.executable, "-m", "build_tools", "site", "--out", str(out),
                           "--site-url", site_url, "--builder", builder],
                          cwd=project, capture_output=True, text=True)


def differing_files(one: Path, other: Path) -> list[str]:
    """Paths whose bytes differ between two built sites, or that only one of them has."""
    files = {p.relative_to(one).as_posix() for p in one.rglob("*") if p.is_file()}
    files |= {p.relative_to(other).as_posix() for p in other.rglob("*") if p.is_file()}
    return sorted(f for f in files if not (one / f).is_file() or not (other / f).is_file()
                  or (one / f).read_bytes() != (other / f).read_bytes())


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


@contextmanager
def built_and_served(project: Path) -> Iterator[str]:
    """The project's site, built (it must build) and served under SUB_PATH: its URL."""
    port = free_port()
    url = f"http://127.0.0.1:{port}{SUB_PATH}"
    result = site_build(project, project / "site", url)
    assert result.returncode == 0, result.stderr
    server = serve(project / "site", port)
    try:
        yield url
    finally:
        server.shutdown()
        server.server_close()


class _SubPathHandler(SubPathHandler):
    sub_path = SUB_PATH


def serve(folder: Path, port: int, handler: type[http.server.SimpleHTTPRequestHandler] = _SubPathHandler
          ) -> LoopbackServer:
    """The folder served by `handler` (by default under SUB_PATH) on a loopback port."""
    return serve_folder(folder, port, handler)


@pytest.fixture(scope="session")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[BuiltSite]:
    """The real site, built once by `python -m build_tools site` (MkDocs, strict) and served on a
    loopback port."""
    port = free_port()
    url = f"http://127.0.0.1:{port}{SUB_PATH}"
    folder = tmp_path_factory.mktemp("built") / "site"
    result = site_build(ROOT, folder, url)
    assert result.returncode == 0, result.stderr
    server = serve(folder, port)
    yield BuiltSite(folder, url)
    server.shutdown()
    server.server_close()
