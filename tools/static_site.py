"""Serve a built site on 127.0.0.1 the way its real host would: under the path of
`site_url`, with each language's 404 page, and (optionally) compressed text.

Used by the browser tests (tests/browser/conftest.py) and the Lighthouse audit
(tools/audit/run.py), so both look at the site through the same server.
"""

from __future__ import annotations

import gzip
import os
import threading
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import urlsplit

COMPRESSED = {".html", ".css", ".js", ".xml", ".json", ".svg", ".csv", ".txt"}


def base_path(site_url: str | None = None) -> str:
    """The path part of the site's address (`SITE_URL`, as mkdocs.yml reads it), e.g.
    `/briefs/`; `/` for a local build, which has no address."""
    path = urlsplit(site_url if site_url is not None else os.environ.get("SITE_URL", "")).path
    return path if path.endswith("/") else path + "/"


class SiteHandler(SimpleHTTPRequestHandler):
    prefix = "/"
    compress = False

    def translate_path(self, path: str) -> str:
        if not path.startswith(self.prefix):
            return str(Path(self.directory) / "__outside_the_site__")
        return super().translate_path("/" + path[len(self.prefix):])

    def do_GET(self) -> None:
        """Compress text as any production host does (http.server never does)."""
        path = Path(self.translate_path(self.path.split("?")[0]))
        if path.is_dir():
            path = path / "index.html"
        if (not self.compress or not path.is_file() or path.suffix not in COMPRESSED
                or "gzip" not in self.headers.get("Accept-Encoding", "")):
            super().do_GET()
            return
        body = gzip.compress(path.read_bytes(), mtime=0)
        self._send(200, body, self.guess_type(str(path)),
                   {"Content-Encoding": "gzip", "Cache-Control": "max-age=3600"})

    def send_error(self, code: int, message: str | None = None,
                   explain: str | None = None) -> None:
        """A missing address gets the 404 page of its language, with status 404."""
        english = self.path.startswith(self.prefix + "en/")
        page = Path(self.directory) / ("en/404.html" if english else "404.html")
        if code != 404 or not page.is_file():
            super().send_error(code, message, explain)
            return
        self._send(404, page.read_bytes(), "text/html; charset=utf-8", {})

    def _send(self, code: int, body: bytes, content_type: str, headers: dict[str, str]) -> None:
        self.send_response(code)
        self.send_header("Content-Type", content_type)
        for name, value in headers.items():
            self.send_header(name, value)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:  # quiet output
        pass


def serve(directory: Path, prefix: str, *,
          compress: bool = False) -> tuple[ThreadingHTTPServer, str]:
    """Start a server in a daemon thread; return it and the site's base address."""
    handler = type("Handler", (SiteHandler,), {"prefix": prefix, "compress": compress})
    server = ThreadingHTTPServer(("127.0.0.1", 0), partial(handler, directory=str(directory)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}{prefix}"
