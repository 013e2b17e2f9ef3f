"""`python -m build_tools serve`: build the site, serve it under its sub-path on 127.0.0.1, and
build it again whenever a file of the tree, the pages, the templates or the code changes.

Each build is a fresh `python -m build_tools site` process, so an edit to the code counts too and
nothing of one build lingers in the next; a build that fails leaves the last good site in place
(the atomic swap), so the server keeps showing it while the editor reads the problems.
"""

from __future__ import annotations

import functools
import http.server
import subprocess
import sys
import threading
import time
from pathlib import Path
from urllib.parse import urlsplit

from build_tools.settings import MKDOCS_CONFIG, ROOT, TREE_DIR, site_url

WATCHED = (TREE_DIR, ROOT / "docs", ROOT / "build_tools", MKDOCS_CONFIG)
OUT = ROOT / "build" / "serve"
POLL_SECONDS = 0.5


class SubPathHandler(http.server.SimpleHTTPRequestHandler):
    """Serves a built site the way GitHub Pages serves a project site: under its sub-path only;
    anything else, and missing files, get the site's 404 page. A subclass names its sub-path."""

    sub_path = "/"

    def log_message(self, format: str, *args: object) -> None:  # keep the terminal for problems
        pass

    def send_head(self):  # noqa: ANN201 - the base class's signature
        if not self.path.startswith(self.sub_path):
            return self.not_found()
        self.path = "/" + self.path[len(self.sub_path):]
        local = Path(self.translate_path(self.path))
        if not local.exists() or (local.is_dir() and not (local / "index.html").exists()):
            return self.not_found()
        return super().send_head()

    def not_found(self):  # noqa: ANN201
        page = Path(self.directory) / "404.html"
        body = page.read_bytes() if page.exists() else b"Not found"
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)
        return None


class _PreviewHandler(SubPathHandler):
    """The editor's preview: the bare address leads to the site."""

    def send_head(self):  # noqa: ANN201
        if self.path == "/" and self.sub_path != "/":
            self.send_response(302)
            self.send_header("Location", self.sub_path)
            self.end_headers()
            return None
        return super().send_head()


class LoopbackServer(http.server.ThreadingHTTPServer):
    """A threaded server with room for a browser's burst of connections: socketserver's listen
    backlog of 5 let a connection fail now and then when a page asked for many files at once."""

    request_queue_size = 128


def serve_folder(folder: Path, port: int, handler: type[http.server.SimpleHTTPRequestHandler]
                 ) -> LoopbackServer:
    """The folder served by `handler` on a loopback port, from a thread of this process."""
    server = LoopbackServer(("127.0.0.1", port), functools.partial(handler, directory=str(folder)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


def serve(port: int, builder: str, languages: list[str] | tuple[str, ...]) -> int:
    sub_path = urlsplit(site_url()).path or "/"
    url = f"http://127.0.0.1:{port}{sub_path}"
    server = serve_folder(OUT, port, type("Preview", (_PreviewHandler,), {"sub_path": sub_path}))
    command = [sys.executable, "-m", "build_tools", "site", "--out", str(OUT), "--site-url", url,
               "--builder", builder, *(f"--lang={lang}" for lang in languages)]
    print(f"Serving {url} (Ctrl-C to stop); rebuilding when the tree, docs/ or build_tools/ change",
          flush=True)
    try:
        seen = None
        while True:
            now = snapshot()
            if now != seen:
                seen = now
                _build(command)
            time.sleep(POLL_SECONDS)
    except KeyboardInterrupt:
        return 0
    finally:
        server.shutdown()
        server.server_close()


def _build(command: list[str]) -> None:
    if subprocess.run(command, cwd=ROOT).returncode != 0:
        still = "still serving the last good pages" if (OUT / "index.html").exists() else "nothing to serve yet"
        print(f"The site was not rebuilt (problems above); {still}.", file=sys.stderr, flush=True)


def snapshot() -> dict[Path, tuple[int, int]]:
    """Every watched file's modification time and size: polled, so no watcher package is needed."""
    found = {}
    for top in WATCHED:
        for path in [top] if top.is_file() else top.rglob("*"):
            try:
                if path.is_file() and "__pycache__" not in path.parts:
                    stat = path.stat()
                    found[path] = (stat.st_mtime_ns, stat.st_size)
            except FileNotFoundError:  # saved by renaming over it, just now: the next poll sees it
                pass
    return found
