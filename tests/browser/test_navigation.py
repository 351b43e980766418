"""Moving around the real site, at phone (390 px) and desktop (1366 px) width, in both languages:
section anchors, the language switch keeping the place, the search closing when focus leaves
it, and the copy buttons. Expected headings, addresses and texts are written by hand.
"""

from __future__ import annotations

import html
import re
from urllib.parse import urlsplit

import pytest

pytestmark = pytest.mark.browser

WIDTHS = {"phone": (390, 844), "desktop": (1366, 900)}
SIZES = pytest.mark.parametrize("size", list(WIDTHS))


def visit(new_page, served_site, size: str, path: str):
    width, height = WIDTHS[size]
    page = new_page(width=width, height=height)
    page.goto(served_site + path)
    return page


def heading_text(locator) -> str:
    """A heading's text without its permalink sign."""
    return locator.inner_text().replace("¶", "").strip()


def header_bottom(page) -> float:
    return page.evaluate("document.querySelector('.md-header').getBoundingClientRect().bottom")


def at_top(page, selector: str) -> bool:
    """Whether the element starts just under the header (where an anchor puts a heading)."""
    top = page.evaluate(f"document.querySelector({selector!r}).getBoundingClientRect().top")
    return -2 <= top <= header_bottom(page) + 40


# --- section anchors -------------------------------------------------------------------------

@SIZES
@pytest.mark.parametrize(("path", "anchor", "heading"), [
    ("briefs/section-3-1/", "annotation", "注釈"),
    ("en/briefs/section-3-1/", "annotation", "Annotation"),
    ("figures/figure-5/", "data", "データ"),
    ("en/figures/figure-5/", "data", "Data"),
    ("briefs/section-2-1/", "summary", "レポートの要旨"),
    ("en/briefs/section-2-1/", "summary", "What the report says"),
])
def test_a_section_anchor_opens_that_section(new_page, served_site, size, path, anchor, heading):
    page = visit(new_page, served_site, size, f"{path}#{anchor}")
    target = page.locator(f"article h2#{anchor}")
    assert heading_text(target) == heading
    assert at_top(page, f"article h2#{anchor}")


# --- the language switch keeps the place -----------------------------------------------------

def switch_language(page, label: str) -> None:
    """Open the header's language menu and pick `label`, as a reader does (tap or hover)."""
    page.locator(".md-header .md-select > button").click()
    link = page.get_by_role("link", name=label, exact=True)
    link.wait_for(state="visible")
    # A tap where the link is: Playwright's own click would first scroll the page to bring the
    # link (in the fixed header) "into view", moving the reader's place before the switch.
    box = link.bounding_box()
    page.mouse.click(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)


@SIZES
@pytest.mark.parametrize(("start", "label", "landing", "heading"), [
    ("en/briefs/section-3-1/#annotation", "日本語", "briefs/section-3-1/", "注釈"),
    ("briefs/section-3-1/#annotation", "English", "en/briefs/section-3-1/", "Annotation"),
    ("briefs/section-4-2/#key-points", "English", "en/briefs/section-4-2/", "Key points"),
    ("en/glossary/#geniac", "日本語", "glossary/", "GENIAC"),
    ("tags/#tag:talent", "English", "en/tags/", "talent"),  # hooks/topic_order.py
])
def test_language_switch_keeps_the_anchor(new_page, served_site, size, start, label, landing,
                                          heading):
    page = visit(new_page, served_site, size, start)
    anchor = start.partition("#")[2]
    switch_language(page, label)
    page.wait_for_url(served_site + landing + "#" + anchor)
    assert heading_text(page.locator(f'[id="{anchor}"]')).startswith(heading)
    assert at_top(page, f'[id="{anchor}"]')


@SIZES
@pytest.mark.parametrize(("start", "anchor", "label", "landing", "heading"), [
    ("figures/figure-5/", "data", "English", "en/figures/figure-5/", "Data"),
    ("en/briefs/section-2-3/", "summary", "日本語", "briefs/section-2-3/", "レポートの要旨"),
])
def test_language_switch_keeps_the_section_scrolled_to(new_page, served_site, size, start, anchor,
                                                       label, landing, heading):
    """No anchor in the address: the reader scrolled there; the section under the header counts."""
    page = visit(new_page, served_site, size, start)
    page.evaluate(f"document.getElementById({anchor!r}).scrollIntoView()")
    page.mouse.wheel(0, 120)  # a little into the section, as a reader reading it
    page.wait_for_function("() => window.scrollY > 0")
    switch_language(page, label)
    page.wait_for_url(served_site + landing + "#" + anchor)
    assert heading_text(page.locator(f"article h2#{anchor}")) == heading


@SIZES
@pytest.mark.parametrize(("start", "label", "landing"), [
    ("briefs/section-3-1/", "English", "en/briefs/section-3-1/"),
    ("en/about/", "日本語", "about/"),
])
def test_language_switch_at_the_top_of_a_page_carries_no_anchor(new_page, served_site, size,
                                                                start, label, landing):
    page = visit(new_page, served_site, size, start)
    switch_language(page, label)
    page.wait_for_url(served_site + landing)
    assert urlsplit(page.url).fragment == ""


# --- search closes when focus leaves it ------------------------------------------------------

def open_search(page) -> None:
    """The header's search: the magnifier on a phone, the box itself on a desktop."""
    button = page.locator(".md-header label.md-header__button[for='__search']")
    if button.is_visible():
        button.click()
    else:
        page.locator(".md-header input.md-search__input").click()
    assert page.locator("#__search").is_checked()


def focus_in_search(page) -> bool:
    return page.evaluate(
        "document.querySelector('[data-pagefind-search]').contains(document.activeElement)")


def closed_search(search_pages, size: str, lang: str):
    """The worker's search page of `lang` at `size` (tests/browser/searching.py: Pagefind
    started once), its box emptied and the search closed, as a reader leaves it with Escape."""
    page = search_pages.get(lang, *WIDTHS[size])
    if not page.locator("#__search").is_checked():
        open_search(page)
    page.locator(".md-search__input").fill("")
    page.keyboard.press("Escape")
    assert not page.locator("#__search").is_checked()
    return page


@SIZES
@pytest.mark.parametrize("lang", ["ja", "en"])
def test_search_closes_when_tab_leaves_it(search_pages, size, lang):
    page = closed_search(search_pages, size, lang)
    open_search(page)
    # a name on two pages: a few links to Tab through (GENIAC's 31 took 1.5 s a test)
    page.keyboard.type("ELYZA")
    page.wait_for_function(
        "document.querySelector('.md-search-result__list').dataset.query === 'ELYZA'")
    assert page.locator(".md-search-result__list a[href]").count() >= 3
    page.keyboard.press("Tab")  # into the results: still searching
    assert focus_in_search(page) and page.locator("#__search").is_checked()
    for _ in range(60):  # on through the results, and out
        page.keyboard.press("Tab")
        if not focus_in_search(page):
            break
    assert not focus_in_search(page)
    assert not page.locator("#__search").is_checked()
    overlay_fades_out(page)


def overlay_fades_out(page) -> None:
    """The dimming overlay goes (Material fades it out: wait for the end, no timing asserted)."""
    page.wait_for_function(
        "getComputedStyle(document.querySelector('.md-search__overlay')).opacity === '0'")


@SIZES
def test_search_closes_when_shift_tab_leaves_it(search_pages, size):
    page = closed_search(search_pages, size, "ja")
    open_search(page)
    page.keyboard.press("Shift+Tab")
    assert not focus_in_search(page)
    assert not page.locator("#__search").is_checked()
    overlay_fades_out(page)


# --- copy buttons ----------------------------------------------------------------------------

LABELS = {"ja": ("クリップボードへコピー", "コピーしました"),
          "en": ("Copy to clipboard", "Copied to clipboard")}


def text_in_html(site_html: str, pattern: str) -> str:
    """The text of the first element matching `pattern` in a built page (tags removed)."""
    found = re.search(pattern, site_html, re.DOTALL)
    assert found, pattern
    return html.unescape(re.sub(r"<[^>]+>", "", found.group(1)))


@SIZES
@pytest.mark.parametrize(("path", "lang", "block", "source"), [
    # the contributing page's BibTeX template
    ("contributing/", "ja", "pre:has-text('@pressrelease')",
     r'<pre><span></span><code>(<span class="nc">@pressrelease.*?)</code></pre>'),
    ("en/contributing/", "en", "pre:has-text('@pressrelease')",
     r'<pre><span></span><code>(<span class="nc">@pressrelease.*?)</code></pre>'),
    # a brief's how-to-cite block: the citation in each language, and its BibTeX
    ("briefs/section-3-1/", "ja", ".cite-brief .cite-text[lang='ja']",
     r'<p class="cite-text" lang="ja">(.*?)</p>'),
    ("en/briefs/section-3-1/", "en", ".cite-brief .cite-text[lang='en']",
     r'<p class="cite-text" lang="en">(.*?)</p>'),
    ("en/briefs/section-3-1/", "en", ".cite-brief pre.cite-bibtex",
     r'<pre class="cite-bibtex" tabindex="0"><code>(.*?)</code></pre>'),
    # the references page's BibTeX (in a <details> the reader opens first)
    ("references/", "ja", "#tanabe2024 .reference-bibtex pre",
     r'<li id="tanabe2024".*?<details class="reference-bibtex"><summary>BibTeX</summary>'
     r"<pre><code>(.*?)</code></pre>"),
])
def test_copy_button_copies_and_says_so(new_page, served_site, real_site, size, path, lang,
                                        block, source):
    page = visit(new_page, served_site, size, path)
    page.context.grant_permissions(["clipboard-read", "clipboard-write"])
    expected = text_in_html(real_site.html(path), source).rstrip("\n")
    target = page.locator(block).first
    if "reference-bibtex" in block:
        page.locator("#tanabe2024 .reference-bibtex summary").click()
    copy, copied = LABELS[lang]
    button = target.get_by_role("button", name=copy)
    button.scroll_into_view_if_needed()
    assert button.is_visible()
    status = target.get_by_role("status")
    assert status.inner_text() == ""
    button.click()
    page.wait_for_function("s => s.textContent !== ''", arg=status.element_handle())
    assert status.inner_text() == copied and status.is_visible()
    assert page.evaluate("navigator.clipboard.readText()") == expected
