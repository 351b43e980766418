"""Browser fixtures: the real site served on 127.0.0.1 under its own base path, one Chromium.

Writing a browser test (mark the module `pytestmark = pytest.mark.browser`):

- `served_site`: base address of the real site, e.g. `http://127.0.0.1:PORT/briefs/`. The
  site is built once per test run for all workers (`real_site`, tests/conftest.py) and served
  by each worker from that build, under the path of `site_url`, as on the real host, so the
  absolute addresses of the 404 pages work too; a missing address gets the 404 page of its
  language with status 404.
- `open_page(path, width=, height=, scheme=)`: a page of the site, loaded, in a browser
  context of the given window size and system colour scheme, with clean storage.
  `new_page(...)` gives the page before anything is loaded (to add routes or listeners).
  Both hand out the worker's open tab for that scheme (`Tabs`), reset, at that size: opening
  a tab costs Chromium about 0.75 s of CPU, loading a page into an open one about 0.2 s.
  A test that changes the page for good (`add_init_script`, `page.clock`, `expose_function`)
  asks for `new_page(fresh=True)`: a new context of its own, closed after the test.
- `browser`: the one headless Chromium of the worker, for contexts of your own (phones).
- `resize(page, width, height)`: the same load at another window size (one load per page
  for checks at several widths).
- `search_pages` (tests/browser/searching.py): the worker's start page of each language at
  each size, Pagefind started once (~0.5 s of CPU a page), for every test that searches.
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

import pickle
from collections.abc import Iterator
from urllib.parse import urlsplit

import pytest

from tests.browser.searching import search_pages  # noqa: F401  (one per worker, all modules)
from tests.browser.site_pages import NOT_FOUND, PAGES
from tests.browser.style_cover import cover, site_signatures, targets
from tests.conftest import DEPLOYED, once_per_run, require_chromium
from tools import static_site

CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run",
                 # no host but 127.0.0.1 resolves: a request to another host is still seen
                 # (tests record them with `page.on("request")`) but never leaves, without
                 # routing every request through Playwright (~0.07 s a page load)
                 "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1"]
TWO_FRAMES = "() => new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done)))"


def base_path() -> str:
    """The path part of the real site's address as built for the tests, `/briefs/`."""
    return urlsplit(DEPLOYED["SITE_URL"]).path


def next_frames(page) -> None:
    """Until the page has drawn two more frames (scroll and resize work is done by then)."""
    page.evaluate(TWO_FRAMES)


def resize(page, width: int, height: int) -> None:
    """Give a loaded page another window size: the layout is then the one a load at that size
    gives (compared marker by marker in test_citations' line-start check), for the CPU of a
    relayout instead of a load. For read-only checks of one page at several sizes."""
    page.set_viewport_size({"width": width, "height": height})
    next_frames(page)


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
def axe_url() -> Iterator[str]:
    """The address of axe-core's script on a server of its own on 127.0.0.1 (axe_check.add_axe)."""
    from axe_playwright_python.base import AXE_FILE_PATH

    server, address = static_site.serve(AXE_FILE_PATH.parent, "/")
    try:
        yield address + AXE_FILE_PATH.name
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture(scope="session")
def page_signatures(real_site, tmp_path_factory) -> dict[str, dict[tuple, tuple[int, ...]]]:
    """`site_signatures` of every page of the built site (about 1-2 CPU-s), computed once per
    run: the workers read them from one file."""
    with once_per_run(tmp_path_factory, "page-signatures") as folder:
        saved = folder.with_suffix(".pickle")
        if not saved.is_file():
            saved.write_bytes(pickle.dumps(site_signatures(real_site.site, PAGES + NOT_FOUND)))
        return pickle.loads(saved.read_bytes())


@pytest.fixture(scope="session")
def style_cover(page_signatures) -> dict[str, list[tuple[str, str, str]]]:
    """The pages that hold every style of text of the built site, each with the (selector,
    tag, classes) of the elements axe's rendering rules check there (`targets`)."""
    return targets(page_signatures, cover(page_signatures))


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


class Tabs:
    """The worker's open tabs, one per browser context, handed out again after a reset.

    The reset gives what a new context would: no storage, no routes, the window size asked
    for and the context's colour scheme, an empty document (about:blank, so that loading the
    same address with another #anchor is a real load) and no pointer over the page. One tab
    per colour scheme serves every window size: a new tab (its own renderer process) costs
    about twice a load, a new size on about:blank nothing measurable."""

    def __init__(self, browser) -> None:
        self.browser = browser
        self.contexts: dict[str, object] = {}
        self.tabs: dict[int, object] = {}
        self.viewports: dict[int, dict[str, int]] = {}  # each tab's size when it was opened
        self.schemes: dict[int, str] = {}  # the colour scheme of the contexts made here
        self.origins: dict[int, set[str]] = {}  # where each tab has been (storage to clear)

    def context(self, *, scheme: str = "light"):
        """The worker's context for a system colour scheme (window 1280 × 900 unless `take`
        asks for another)."""
        if scheme not in self.contexts:
            self.contexts[scheme] = self.browser.new_context(
                color_scheme=scheme, viewport={"width": 1280, "height": 900})
            self.schemes[id(self.contexts[scheme])] = scheme
        return self.contexts[scheme]

    def take(self, context, *, width: int | None = None, height: int | None = None):
        """`context`'s tab, reset (a new one if a test closed it), at `width` × `height`
        (by default the size the tab was opened at: the context's)."""
        page = self.tabs.get(id(context))
        if page is None or page.is_closed():
            page = self.tabs[id(context)] = context.new_page()
            self.viewports[id(context)] = page.viewport_size
            origins = self.origins[id(context)] = set()
            page.on("framenavigated", lambda frame: origins.add(origin(frame.url)))
            if width is not None and height is not None:
                page.set_viewport_size({"width": width, "height": height})
            return page
        # Leave the page first: every reset below then works on an empty document, not the
        # last test's page (a new window size or colour scheme made it lay out again, about
        # 0.1 CPU-s a tab), and nothing the page still runs can write into cleared storage.
        page.goto("about:blank")
        cdp = context.new_cdp_session(page)
        for visited in self.origins[id(context)] - {"null"}:  # sessionStorage too, once left
            cdp.send("Storage.clearDataForOrigin", {"origin": visited, "storageTypes": "all"})
        cdp.detach()
        self.origins[id(context)].clear()
        context.clear_cookies()
        context.clear_permissions()
        page.unroute_all(behavior="ignoreErrors")
        if id(context) in self.schemes:  # undo page.emulate_media
            page.emulate_media(media="null", color_scheme=self.schemes[id(context)])
        page.set_viewport_size({"width": width, "height": height}
                               if width is not None and height is not None
                               else self.viewports[id(context)])
        page.mouse.move(-1, -1)  # outside the window: nothing hovered
        return page

    def close(self) -> None:
        for context in self.contexts.values():
            context.close()


def origin(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}" if parts.scheme.startswith("http") else "null"


@pytest.fixture(scope="session")
def tabs(browser) -> Iterator[Tabs]:
    """The worker's reusable tabs (`Tabs`); `tabs.take(context)` for a context of your own."""
    pool = Tabs(browser)
    yield pool
    pool.close()


@pytest.fixture
def new_page(browser, tabs):
    """A page with clean storage, in a context of the given system colour scheme and window
    size: the worker's tab for those, reset, or with `fresh=True` a new context's page,
    closed after the test."""
    contexts = []

    def make(*, scheme: str = "light", width: int = 1280, height: int = 900,
             fresh: bool = False):
        if not fresh:
            return tabs.take(tabs.context(scheme=scheme), width=width, height=height)
        context = browser.new_context(color_scheme=scheme,
                                      viewport={"width": width, "height": height})
        contexts.append(context)
        return context.new_page()

    yield make
    for context in contexts:
        context.close()


@pytest.fixture
def open_page(new_page, served_site):
    """`path` of the site (`""`, `"en/briefs/section-2-1/"`) loaded (see `new_page`)."""

    def make(path: str, *, width: int = 1280, height: int = 900, scheme: str = "light"):
        page = new_page(scheme=scheme, width=width, height=height)
        page.goto(served_site + path, wait_until="load")
        return page

    return make
