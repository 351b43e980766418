"""Search in a real browser: Pagefind in Material's header, per language, from the site itself.

Each query is typed into the header search box of a page of its language, as a reader would,
and the rendered results are read back. The expected pages are written by hand from the
issue and from the briefs' subjects; a tuple lists the pages that are all right answers.
Requests to any host but 127.0.0.1 are recorded and aborted, never sent.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from urllib.parse import urlsplit

import pytest

from tests.browser.conftest import base_path
from tests.browser.test_navigation import WIDTHS
from tests.conftest import DEPLOYED, copy_sources, cut_site

pytestmark = pytest.mark.browser

QUERIES = [
    # from the issue
    ("計算資源", "ja", ("briefs/section-3-1/", "figures/figure-3/", "figures/figure-4/")),
    ("経済安全保障", "ja", ("briefs/section-3-1/",)),
    ("人材不足", "ja", ("briefs/section-4-2/",)),
    ("AI人材不足", "ja", ("briefs/section-4-2/",)),
    ("デジタル赤字", "ja", ("briefs/section-2-1/",)),
    ("GENIAC", "ja", ("figures/figure-6/", "briefs/section-2-3/")),
    ("学習用言語データ", "ja", ("briefs/section-2-3/",)),
    ("tsuzumi", "ja", ("figures/figure-5/",)),
    ("digital deficit", "en", ("briefs/section-2-1/",)),
    ("economic security", "en", ("briefs/section-3-1/",)),
    ("talent shortage", "en", ("briefs/section-4-2/",)),
    ("Japanese-language model", "en", ("briefs/section-3-2/", "figures/figure-5/")),
    # our own: the page each term is the subject of (the glossary defines ガラパゴス化)
    ("クラウドプログラム", "ja", ("figures/figure-3/", "figures/figure-4/", "briefs/section-3-1/")),
    ("経団連", "ja", ("figures/figure-1/", "briefs/section-2-2/")),
    ("NICT", "ja", ("briefs/section-2-3/", "figures/figure-2/")),
    ("ガラパゴス化", "ja", ("briefs/section-2-2/", "glossary/")),
    ("サービス収支", "ja", ("briefs/section-2-1/",)),
    ("継続的な支援", "ja", ("briefs/section-4-1/",)),
    ("cotomi", "ja", ("figures/figure-5/",)),
    ("cloud program", "en", ("figures/figure-3/", "figures/figure-4/", "briefs/section-3-1/")),
    ("Keidanren", "en", ("figures/figure-1/", "briefs/section-2-2/")),
    ("Galapagos", "en", ("briefs/section-2-2/", "glossary/")),
    ("services balance", "en", ("briefs/section-2-1/",)),
    ("continued government support", "en", ("briefs/section-4-1/",)),
    ("tsuzumi", "en", ("figures/figure-5/",)),
    ("GENIAC", "en", ("figures/figure-6/", "briefs/section-2-3/")),
]
RESULT_LINKS = ".md-search-result__item > a.md-search-result__link"
DIRECT = urllib.request.build_opener(urllib.request.ProxyHandler({}))  # 127.0.0.1, no proxy


@pytest.fixture(scope="module")
def context(browser):
    """A desktop-sized context whose requests to other hosts are recorded (none leaves: the
    browser resolves no host but 127.0.0.1, conftest.CHROMIUM_ARGS)."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    context.foreign = []

    def record(request) -> None:
        if urlsplit(request.url).hostname != "127.0.0.1":
            context.foreign.append(request.url)

    context.on("request", record)
    yield context
    context.close()


def wait_for_results(page, query: str) -> None:
    """Until the results of exactly `query` (not of a prefix typed on the way) are shown."""
    page.wait_for_function(
        "q => document.querySelector('.md-search-result__list').dataset.query === q", arg=query)


def search(page, query: str) -> list[str]:
    """Type `query` into the header search box; the absolute addresses of the result pages
    (without the words to highlight, which test_search_quality.py checks)."""
    page.locator(".md-header input.md-search__input").click()
    page.keyboard.type(query)
    wait_for_results(page, query)
    return page.eval_on_selector_all(RESULT_LINKS, "links => links.map(a => a.origin + a.pathname)")


@pytest.fixture
def search_page(search_pages):
    """The worker's start page of a language at desktop size (tests/browser/searching.py),
    the box emptied before each query."""

    def get(lang: str):
        page = search_pages.get(lang, *WIDTHS["desktop"])
        page.locator(".md-header input.md-search__input").fill("")
        return page

    return get


@pytest.mark.parametrize(("query", "lang", "expected"), QUERIES,
                         ids=[f"{lang}-{query}" for query, lang, _ in QUERIES])
def test_query_finds_the_expected_page_first(search_page, served_site, query, lang, expected):
    page = search_page(lang)
    results = search(page, query)
    assert results, f"no result for {query!r}"
    assert results[0] in [served_site + ("en/" if lang == "en" else "") + p for p in expected]
    english = [r for r in results if r.startswith(served_site + "en/")]
    assert english == (results if lang == "en" else [])  # only pages of the page's language
    assert page.locator(".md-search-result__list mark").count() > 0  # matches are highlighted
    assert page.context.foreign == []


@pytest.mark.parametrize("key", ["/", "s", "f"])
def test_keyboard_shortcut_opens_search(search_page, key):
    # the worker's search page (Pagefind started once, ~0.5 s of CPU), the box emptied and
    # the search closed, as a reader who searched before and pressed Escape leaves it
    page = search_page("ja")
    page.keyboard.press("Escape")
    page.locator("article h1").click()  # the page, not a field, has the focus
    assert not page.locator("#__search").is_checked()
    page.keyboard.press(key)
    assert page.locator("#__search").is_checked()
    assert page.evaluate("document.activeElement.classList.contains('md-search__input')")
    page.keyboard.type("GENIAC")
    wait_for_results(page, "GENIAC")
    assert page.locator(".md-search-result__item").count() > 0
    assert page.locator(".md-search__input").input_value() == "GENIAC"  # the key is not typed
    page.keyboard.press("Escape")
    assert not page.locator("#__search").is_checked()


@pytest.mark.parametrize(("query", "start", "heading"), [
    ("経済安全保障", "", "要点"),
    ("economic security", "en/", "Key points"),
])
def test_a_result_links_to_a_section_of_the_page(context, tabs, served_site, query, start, heading):
    page = tabs.take(context)
    page.goto(served_site + start)
    search(page, query)
    section = page.locator(".md-search-result__item").first.locator(
        "a.md-search-result__link", has=page.locator(".md-search-result__section",
                                                     has_text=heading))
    href = urlsplit(section.get_attribute("href"))
    assert href.path == f"{urlsplit(served_site).path}{start}briefs/section-3-1/"
    assert href.fragment == "key-points"  # the same readable anchor in both languages
    section.click()
    page.wait_for_url(lambda url: urlsplit(url).path == href.path
                      and urlsplit(url).fragment == "key-points")
    target = page.locator("article h2[id='key-points']")
    assert target.inner_text().strip().startswith(heading)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def test_search_works_under_mkdocs_serve(context, tabs, tmp_path):
    """`mkdocs serve` builds into a temporary folder; the hook indexes that one too."""
    # §2 (1) in both languages and the pages every site builds: that `mkdocs serve`'s build
    # is indexed is the hook's business, not the content's
    project = cut_site(copy_sources(tmp_path / "project"), ["briefs/section-2-1"])
    port = free_port()
    root = f"http://127.0.0.1:{port}{base_path()}"
    # served as the real site was built: at the deployed address's path (/briefs/)
    env = {**os.environ, **DEPLOYED, "NO_MKDOCS_2_WARNING": "1"}
    log = tmp_path / "serve.log"
    with log.open("w", encoding="utf-8") as output:
        server = subprocess.Popen(
            [sys.executable, "-m", "mkdocs", "serve", "--no-livereload",
             "--dev-addr", f"127.0.0.1:{port}"],
            cwd=project, env=env, stdout=output, stderr=subprocess.STDOUT)
    try:
        wait_for_index(server, root + "pagefind/pagefind-entry.json", log)
        page = tabs.take(context)
        page.goto(root + "en/")
        assert search(page, "digital deficit")[0] == root + "en/briefs/section-2-1/"
    finally:
        server.terminate()
        try:
            server.wait(timeout=30)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()


def wait_for_index(server: subprocess.Popen, address: str, log) -> None:
    """Poll until the first build has written the index (a guard, not a speed requirement)."""
    for _ in range(600):
        if server.poll() is not None:
            pytest.fail("mkdocs serve stopped:\n" + log.read_text(encoding="utf-8"))
        try:
            with DIRECT.open(address) as answer:
                if answer.status == 200:
                    return
        except OSError:
            pass
        time.sleep(0.5)
    pytest.fail("mkdocs serve did not serve the index:\n" + log.read_text(encoding="utf-8"))
