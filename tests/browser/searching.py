"""The worker's search pages, shared by the browser modules that search (`search_pages`).

Starting Pagefind on a freshly loaded page (its module, wasm, index and the word list of
search-words.js) costs Chromium about 0.5 s of CPU, ten times a later query on the same page.
So each worker keeps the start page of each language at each window size loaded in a
context of its own, and the tests search it again and again, as a reader searching twice
does; each test first brings the page to the state it needs (box emptied, search open or
closed) and waits for the results of its own query, never just for any results. A test that
leaves the page (opening a result) gets it loaded again by the next.
"""

from __future__ import annotations

from collections.abc import Iterator
from urllib.parse import urlsplit

import pytest

# A page to search from, in each language, that is no expected answer.
START = {"ja": "about/", "en": "en/about/"}


class SearchPages:
    """`get(lang, width, height)`: the start page of `lang` in a window of that size. Each
    context records the requests to other hosts in `context.foreign` (none leaves: the
    browser resolves no host but 127.0.0.1, conftest.CHROMIUM_ARGS)."""

    def __init__(self, browser, served_site: str) -> None:
        self.browser = browser
        self.served_site = served_site
        self.contexts: dict[tuple[int, int], object] = {}
        self.pages: dict[tuple[str, int, int], object] = {}

    def context(self, width: int, height: int):
        if (width, height) not in self.contexts:
            context = self.browser.new_context(viewport={"width": width, "height": height})
            context.foreign = []

            def record(request) -> None:
                if urlsplit(request.url).hostname != "127.0.0.1":
                    context.foreign.append(request.url)

            context.on("request", record)
            self.contexts[(width, height)] = context
        return self.contexts[(width, height)]

    def get(self, lang: str, width: int, height: int):
        page = self.pages.get((lang, width, height))
        if page is None or page.is_closed():
            page = self.pages[(lang, width, height)] = self.context(width, height).new_page()
        if page.url != self.served_site + START[lang]:
            page.goto(self.served_site + START[lang])
        return page

    def close(self) -> None:
        for context in self.contexts.values():
            context.close()


@pytest.fixture(scope="session")
def search_pages(browser, served_site) -> Iterator[SearchPages]:
    """The worker's search pages (`SearchPages`), for every module of the worker."""
    pages = SearchPages(browser, served_site)
    yield pages
    pages.close()
