"""Search that does not answer with noise: the table of issue 12, each row a test, typed into the
header box of the real site at phone (390 px) and desktop (1366 px) width.

Expected pages are written by hand from the briefs; where a row says a page has (or no page
has) a word, the built pages themselves are checked too, so a content change that makes the
expectation wrong fails with a message saying so rather than silently passing.
"""

from __future__ import annotations

import html
import re
import unicodedata
from urllib.parse import parse_qs, urlsplit

import pytest

from tests.browser.test_navigation import WIDTHS, heading_text, open_search

pytestmark = pytest.mark.browser

SIZES = pytest.mark.parametrize("size", list(WIDTHS))
# The pages, not their sections.
RESULT_LINKS = ".md-search-result__item > a.md-search-result__link:first-child"


@pytest.fixture
def search_page(search_pages):
    """The worker's start page of a language at a size (tests/browser/searching.py), with
    the search open and the box emptied."""

    def get(size: str, lang: str):
        page = search_pages.get(lang, *WIDTHS[size])
        if page.locator("#__search").is_checked():  # open since the last query
            page.locator(".md-search__input").focus()
        else:
            open_search(page)
        page.locator(".md-search__input").fill("")
        return page

    return get


def search(search_page, size: str, lang: str, query: str):
    page = search_page(size, lang)
    page.keyboard.type(query)
    page.wait_for_function(
        "q => document.querySelector('.md-search-result__list').dataset.query === q", arg=query)
    return page


def results(page, served_site: str) -> list[str]:
    """The result pages, as paths relative to the site root (`briefs/section-3-1/`)."""
    hrefs = page.eval_on_selector_all(RESULT_LINKS, "links => links.map(a => a.pathname)")
    root = urlsplit(served_site).path
    return [href.removeprefix(root) for href in hrefs]


def said(page) -> str:
    return page.locator(".md-search-result__meta").inner_text()


def state(page) -> str:
    return page.eval_on_selector(".md-search-result__list", "list => list.dataset.state")


# Not the page's own words (README, "Search"): footnotes, the how-to-cite block, and on the
# references page the lists of the pages citing each source and its BibTeX.
NOT_WORDS = re.compile(r'<div class="footnote">.*?</div>|<section class="cite-brief".*?</section>'
                       r'|<p class="reference-backlinks">.*?</p>'
                       r'|<details class="reference-bibtex">.*?</details>', re.DOTALL)


def page_text(real_site, path: str) -> str:
    """A built page's article text, compared as the reader's eye does: NFKC, no spaces."""
    article = re.search(r"<article[^>]*>(.*?)</article>", real_site.html(path), re.DOTALL)
    text = html.unescape(re.sub(r"<[^>]+>", " ", NOT_WORDS.sub(" ", article.group(1))))
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", text)).lower()


def pages_of(real_site, lang: str) -> list[str]:
    prefix = "en/" if lang == "en" else ""
    root = real_site.site / prefix
    paths = []
    for index in sorted(root.rglob("index.html")):
        path = index.parent.relative_to(real_site.site).as_posix() + "/"
        path = "" if path == "./" else path
        if lang == "ja" and path.startswith("en/"):
            continue
        if "contributing/" in path or path.startswith(("tags/", "en/tags/")) or "404" in path:
            continue
        paths.append(path)
    return paths


def on_no_page(real_site, lang: str, word: str) -> None:
    needle = re.sub(r"\s+", "", unicodedata.normalize("NFKC", word)).lower()
    holders = [p for p in pages_of(real_site, lang) if needle in page_text(real_site, p)]
    assert not holders, f"the table says no page has {word!r}, but {holders} do: update the test"


@SIZES
def test_a_word_is_not_matched_on_its_characters(search_page, served_site, real_site, size):
    """半導体 matched 半 in 「3 年半」 (4 (2)) and 「半自動」 (figure 6): only pages with 半導体
    itself are listed (a source's note on the references page), and nothing if none has it."""
    for path, part in (("briefs/section-4-2/", "年半"), ("figures/figure-6/", "半自動")):
        assert part in page_text(real_site, path), f"{path} no longer has {part}: update the test"
    holders = [p for p in pages_of(real_site, "ja") if "半導体" in page_text(real_site, p)]
    page = search(search_page, size, "ja", "半導体")
    assert sorted(results(page, served_site)) == sorted(holders)
    assert state(page) == ("all" if holders else "none")
    if not holders:
        assert "「半導体」を含むページはありません" in said(page)


@SIZES
def test_a_word_on_no_page_is_dropped_and_named(search_page, served_site, real_site, size):
    """生成AI 規制: 規制 is on no page; the pages with 生成AI, under a line naming 規制."""
    on_no_page(real_site, "ja", "規制")
    page = search(search_page, size, "ja", "生成AI 規制")
    found = results(page, served_site)
    assert found, "pages with 生成AI expected"
    for path in found:
        assert "生成ai" in page_text(real_site, path), path
    assert "「規制」はどのページにもないため、除いて検索しました" in said(page)


@SIZES
@pytest.mark.parametrize(("lang", "query", "message", "suggestion"), [
    ("ja", "ガバメントクラウド", "「ガバメントクラウド」を含むページはありません", "クラウド"),
    ("ja", "xyzzy", "「xyzzy」を含むページはありません", None),
    ("en", "xyzzy", "No page contains “xyzzy”", None),
])
def test_a_query_on_no_page_says_so(search_page, served_site, real_site, size, lang, query, message,
                                    suggestion):
    """No page has the words: no list (not the contributing page for x in docs/x.ja.md), and
    the closest word that is on a page, if there is one."""
    on_no_page(real_site, lang, query)
    page = search(search_page, size, lang, query)
    assert results(page, served_site) == []
    assert state(page) == "none"
    assert message in said(page)
    button = page.locator(".md-search-result__meta button")
    if suggestion is None:
        assert button.count() == 0
        return
    button.click()  # searches the suggestion instead
    page.wait_for_function(
        "q => document.querySelector('.md-search-result__list').dataset.query === q",
        arg=suggestion)
    assert page.locator(".md-search__input").input_value() == suggestion
    assert results(page, served_site)


@SIZES
def test_pages_with_the_words_found_under_a_line_naming_the_rest(search_page, served_site,
                                                                   real_site, size):
    """データセンター 電力: 電力 is on no page; データセンター is on two, which are listed."""
    on_no_page(real_site, "ja", "電力")
    expected = {"figures/figure-3/", "briefs/section-3-1/"}
    for path in expected:
        assert "データセンター" in page_text(real_site, path), f"{path} lacks データセンター"
    page = search(search_page, size, "ja", "データセンター 電力")
    assert set(results(page, served_site)) == expected
    assert "「電力」はどのページにもないため、除いて検索しました" in said(page)


@SIZES
def test_the_page_about_data_centres_comes_first(search_page, served_site, real_site, size):
    """data centers electricity: the site spells it "data centres" (a source's title "data
    centers"); 3 (1) is about them and comes first."""
    on_no_page(real_site, "en", "electricity")
    page = search(search_page, size, "en", "data centers electricity")
    found = results(page, served_site)
    assert found[0] == "en/briefs/section-3-1/"
    assert "en/figures/figure-3/" in found[:3]
    assert "No page contains “electricity”: searched without it" in said(page)


@SIZES
@pytest.mark.parametrize(("lang", "query", "prompt"), [
    ("ja", "ア", "2 文字以上入力してください"),
    ("en", "a", "Type at least 2 characters"),
    ("en", "g", "Type at least 2 characters"),
])
def test_one_character_asks_for_more(search_page, served_site, size, lang, query, prompt):
    page = search(search_page, size, lang, query)
    assert results(page, served_site) == []
    assert said(page).strip() == prompt


@SIZES
def test_pages_with_some_of_the_words_when_none_has_all(search_page, served_site, real_site, size):
    """cotomi (figure 5) and 人材不足 (4 (2)) are on no page together."""
    assert "cotomi" in page_text(real_site, "figures/figure-5/")
    assert "人材不足" in page_text(real_site, "briefs/section-4-2/")
    page = search(search_page, size, "ja", "cotomi 人材不足")
    found = results(page, served_site)
    assert {"figures/figure-5/", "briefs/section-4-2/"} <= set(found)
    for path in found:
        text = page_text(real_site, path)
        assert ("cotomi" in text) != ("人材不足" in text), f"{path} has both or neither"
    assert "すべての語を含むページはありません" in said(page)
    missing = page.locator(".md-search-result__terms").all_inner_texts()
    assert len(missing) == len(found)
    assert all(("「cotomi」" in m) != ("「人材不足」" in m) for m in missing)


@SIZES
@pytest.mark.parametrize(("lang", "query"), [
    ("ja", "プルリクエスト"),  # words of the contributing page only
    ("en", "ruff"),
])
def test_contributor_pages_are_not_in_the_readers_index(search_page, served_site, real_site, size,
                                                        lang, query):
    prefix = "en/" if lang == "en" else ""
    assert query.lower() in page_text(real_site, prefix + "contributing/")
    page = search(search_page, size, lang, query)
    assert not any("contributing/" in path for path in results(page, served_site))
    assert state(page) == "none"


@SIZES
@pytest.mark.parametrize(("lang", "query", "heading", "word"), [
    ("ja", "経済安全保障", "要点", "経済安全保障"),
    ("en", "economic security", "Key points", "economic"),
])
def test_opening_a_result_highlights_the_words_and_shows_the_section(
        search_page, served_site, size, lang, query, heading, word):
    page = search(search_page, size, lang, query)
    section = page.locator(".md-search-result__item").first.locator(
        "a.md-search-result__link", has=page.locator(".md-search-result__section",
                                                     has_text=heading))
    href = urlsplit(section.get_attribute("href"))
    assert href.path.endswith("briefs/section-3-1/") and href.fragment == "key-points"
    assert word in " ".join(parse_qs(href.query)["highlight"]).lower()
    section.click()
    page.wait_for_url(lambda url: urlsplit(url).fragment == "key-points")
    page.wait_for_selector("article mark.search-highlight")
    marks = page.locator("article mark.search-highlight").all_inner_texts()
    assert any(word in m.lower().replace(" ", "") for m in marks), marks
    target = page.locator("article h2#key-points")
    assert heading_text(target) == heading
    top = target.evaluate("h => h.getBoundingClientRect().top")
    header = page.evaluate("document.querySelector('.md-header').getBoundingClientRect().bottom")
    assert -2 <= top <= header + 40  # the section is where the reader looks
