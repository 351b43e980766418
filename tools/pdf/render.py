"""WeasyPrint, fenced in: only files inside the built site may be read, never the network;
fixed identifier and dates, so the same site and SOURCE_DATE_EPOCH give the same bytes."""

from __future__ import annotations

import hashlib
from pathlib import Path

from weasyprint import CSS, HTML
from weasyprint.urls import URLFetcher, URLFetchingError

STYLESHEET = Path(__file__).with_name("edition.css")


class RefusedRequestError(URLFetchingError):
    """A resource outside the built site: the edition never fetches one."""


class LocalFetcher(URLFetcher):
    """Serves `file://` URLs under `root`; refuses (and records) everything else."""

    def __init__(self, root: Path) -> None:
        super().__init__(allowed_protocols={"file"})
        self.root = root.resolve()
        self.refused: list[str] = []

    def fetch(self, url: str, headers: dict[str, str] | None = None):  # type: ignore[override]
        if url.startswith("file://"):
            path = Path(url.removeprefix("file://").split("?")[0].split("#")[0]).resolve()
            if path == self.root or self.root in path.parents or path == STYLESHEET.resolve():
                return super().fetch(url, headers)
        self.refused.append(url)
        raise RefusedRequestError(f"refused (not inside {self.root}): {url}")


def write(html: str, *, root: Path, target: Path, lang: str, page_css: str) -> list[str]:
    """Render `html` (base URL: the site root) to `target`; return the refused URLs."""
    fetcher = LocalFetcher(root)
    document = HTML(string=html, base_url=str(root) + "/", url_fetcher=fetcher)
    css = [CSS(filename=str(STYLESHEET), url_fetcher=fetcher),
           CSS(string=page_css, url_fetcher=fetcher)]
    identifier = hashlib.sha256(html.encode("utf-8")).hexdigest()[:32].encode("ascii")
    target.parent.mkdir(parents=True, exist_ok=True)
    document.write_pdf(target, stylesheets=css, pdf_identifier=identifier, pdf_tags=True,
                       uncompressed_pdf=False)
    return fetcher.refused
