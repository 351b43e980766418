"""Browser fixtures: the real site served on 127.0.0.1 under its own base path, one Chromium.

Writing a browser test (mark the module `pytestmark = pytest.mark.browser`):

- `served_site`: base address of the real site, e.g. `http://127.0.0.1:PORT/briefs/`. The
  site is built once per test run for all workers (`real_site`, tests/conftest.py) and served
  by each worker from that build, under the path of `site_url`, as on the real host, so the
  absolute addresses of the 404 pages work too; a missing address gets the 404 page of its
  language with status 404.
- `open_page(path, width=, height=, scheme=)`: a page of the site, loaded, in a fresh
  browser context (clean storage, the given window size and system colour scheme).
  `new_page(...)` gives the page before anything is loaded (to add init scripts, routes,
  listeners or a fake clock first).
- `browser`: the one headless Chromium of the worker, for contexts of your own (phones).
- `next_frames(page)`: wait until the page has drawn two frames, which is when theme.js
  (it works in animation frames) has caught up with a scroll or a resize. Never wait a fixed
  time: wait for a condition (`page.wait_for_function`, `locator.wait_for`) or for frames.
- Open each page once per context where the assertions allow: run every check that reads
  the same load on that load (as `test_reading.visit` does for axe-core and the request
  log). Browser tests of one module with the same parameter id run on one xdist worker
  (tests/scheduling.py), so a cache of loads in a module-scoped fixture serves them all.

Pages are loaded up to the `load` event (scripts have run). Wait for `networkidle` only when
the assertion is about requests; it costs at least half a second per page.
"""

from __future__ import annotations

from collections.abc import Iterator
from urllib.parse import urlsplit

import pytest

from tests.conftest import DEPLOYED, require_chromium
from tools import static_site

CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]
TWO_FRAMES = "() => new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done)))"


def base_path() -> str:
    """The path part of the real site's address as built for the tests, `/briefs/`."""
    return urlsplit(DEPLOYED["SITE_URL"]).path


def next_frames(page) -> None:
    """Until the page has drawn two more frames (scroll and resize work is done by then)."""
    page.evaluate(TWO_FRAMES)


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
    """One headless Debian Chromium for the whole session (per xdist worker)."""
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


@pytest.fixture
def open_page(new_page, served_site):
    """`path` of the site (`""`, `"en/briefs/section-2-1/"`) loaded in a new context."""

    def make(path: str, *, width: int = 1280, height: int = 900, scheme: str = "light"):
        page = new_page(scheme=scheme, width=width, height=height)
        page.goto(served_site + path, wait_until="load")
        return page

    return make
