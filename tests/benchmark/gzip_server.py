"""A static file server that compresses text with gzip and sends cache headers, as GitHub Pages
does, so that page weights and Lighthouse scores match what a reader on a phone would get."""

from __future__ import annotations

import gzip
import http.server
from pathlib import Path

from tests.conftest import LoopbackServer, serve

COMPRESSIBLE = (".html", ".css", ".js", ".json", ".svg", ".xml", ".txt")


class _GzipHandler(http.server.SimpleHTTPRequestHandler):
    prefix = "/"

    def log_message(self, format: str, *args: object) -> None:
        pass

    def do_GET(self) -> None:  # noqa: N802 - the base class's name
        if not self.path.startswith(self.prefix):
            return self._send_file(Path(self.directory) / "404.html", 404)
        relative = self.path[len(self.prefix):].split("?")[0].split("#")[0]
        target = Path(self.directory) / relative
        if target.is_dir():
            target = target / "index.html"
        if not target.is_file():
            return self._send_file(Path(self.directory) / "404.html", 404)
        return self._send_file(target, 200)

    def _send_file(self, path: Path, status: int) -> None:
        body = path.read_bytes()
        self.send_response(status)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Cache-Control", "max-age=600")  # what GitHub Pages sends
        if path.suffix in COMPRESSIBLE and "gzip" in self.headers.get("Accept-Encoding", ""):
            body = gzip.compress(body, compresslevel=6, mtime=0)
            self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


def serve_gzipped(folder: Path, port: int, prefix: str = "/") -> LoopbackServer:
    return serve(folder, port, type("Handler", (_GzipHandler,), {"prefix": prefix}))
