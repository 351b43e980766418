"""Browser fixtures: the real site served on 127.0.0.1 under its own base path, one Chromium.

The site is served under the path of `site_url` (`/briefs/`), as on the real host, so that
the absolute addresses of the 404 pages work too; a missing address gets the 404 page of
its language with status 404.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.conftest import ROOT, require_chromium
from tools import static_site

CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]


def base_path() -> str:
    """The path part of `site_url` in mkdocs.yml, e.g. `/briefs/`."""
    return static_site.base_path(ROOT / "mkdocs.yml")


@pytest.fixture(scope="session")
def served_site(real_site) -> Iterator[str]:
    """Base address of the built real site, e.g. `http://127.0.0.1:PORT/briefs/`."""
    assert real_site.returncode == 0, real_site.output
    server, address = static_site.serve(real_site.site, base_path())
    try:
        yield address
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture(scope="session")
def browser():
    """One headless Debian Chromium for the whole session."""
    executable = require_chromium()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(executable), headless=True,
                                              args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def new_page(browser):
    """A page in a new browser context per call (clean storage), with the given system colour
    scheme and window size; the contexts close after the test."""
    contexts = []

    def make(*, scheme: str = "light", width: int = 1280, height: int = 900):
        context = browser.new_context(color_scheme=scheme,
                                      viewport={"width": width, "height": height})
        contexts.append(context)
        return context.new_page()

    yield make
    for context in contexts:
        context.close()
