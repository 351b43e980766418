"""The pages of the real site the browser tests visit one by one (test_reading, the style
cover): every page that exists in both languages, and the two 404 pages."""

from __future__ import annotations

from tests.conftest import ROOT

DOCS = ROOT / "docs"


def _page_paths() -> list[str]:
    """URL paths (relative to the site root) of every page that exists in both languages."""
    paths = []
    for source in sorted(DOCS.rglob("*.ja.md")):
        if not source.with_name(source.name.replace(".ja.md", ".en.md")).is_file():
            continue
        stem = source.relative_to(DOCS).as_posix().removesuffix(".ja.md")
        url = "" if stem == "index" else stem.removesuffix("/index") + "/"
        paths += [url, "en/" + url]
    return paths


PAGES = _page_paths()
NOT_FOUND = ["404.html", "en/404.html"]
