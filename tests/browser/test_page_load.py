"""What a page does as it loads: the light/dark toggle (overrides/javascripts/palette.js) and
no sitemap requests (Material's bundle sent them; it is no longer loaded,
overrides/javascripts/theme.js).
Both were measured as load-time costs (README "Lighthouse"); these tests pin what replaced them.

Each test opens its own browser context, so no palette choice leaks between tests.
"""

from __future__ import annotations

import pytest

from tests.browser.conftest import next_frames

pytestmark = pytest.mark.browser

PAGE = "figures/figure-5/"
TOGGLE = "form[data-palette] label:visible"
SCHEME = "document.body.getAttribute('data-md-color-scheme')"
# Records every attribute change on <body> from the first script on.
WATCH_BODY = """
window.__bodyChanges = [];
new MutationObserver(records => records.forEach(r => window.__bodyChanges.push(r.attributeName)))
  .observe(document, {attributes: true, subtree: true, attributeFilter: [
    'data-md-color-switching', 'data-md-color-scheme', 'data-md-color-primary',
    'data-md-color-accent', 'data-md-color-media']});
"""


@pytest.mark.parametrize(("system", "scheme", "toggle_to"), [
    ("light", "default", "__palette_1"),
    ("dark", "slate", "__palette_0"),
])
def test_palette_follows_the_system_until_the_reader_chooses(new_page, served_site, system, scheme,
                                                             toggle_to):
    page = new_page(scheme=system)
    page.goto(served_site + PAGE, wait_until="load")
    assert page.evaluate(SCHEME) == scheme
    toggles = page.locator(TOGGLE)
    assert toggles.count() == 1
    assert toggles.first.get_attribute("for") == toggle_to
    assert page.evaluate("localStorage.length") == 0  # nothing chosen, nothing stored
    other = "dark" if system == "light" else "light"
    page.emulate_media(color_scheme=other)  # the system changes while the page is open
    page.wait_for_function(f"{SCHEME} === '{'slate' if other == 'dark' else 'default'}'")


def test_a_choice_holds_on_other_pages_in_both_languages(new_page, served_site):
    page = new_page(scheme="light")
    page.goto(served_site + PAGE, wait_until="load")
    page.locator(TOGGLE).first.click()
    page.wait_for_function(f"{SCHEME} === 'slate'")
    for path in ("", "en/briefs/section-2-1/"):
        page.goto(served_site + path, wait_until="load")
        assert page.evaluate(SCHEME) == "slate", path
        assert page.locator(TOGGLE).first.get_attribute("for") == "__palette_0"


def test_enter_on_the_focused_toggle_switches(new_page, served_site):
    page = new_page(scheme="light")
    page.goto(served_site + PAGE, wait_until="load")
    page.focus("#__palette_0")
    page.keyboard.press("Enter")
    page.wait_for_function(f"{SCHEME} === 'slate'")
    page.keyboard.press("Enter")
    page.wait_for_function(f"{SCHEME} === 'default'")


HEADER_HEX = """() => '#' + getComputedStyle(document.querySelector('.md-header'))
    .backgroundColor.match(/\\d+/g).slice(0, 3)
    .map(v => (+v).toString(16).padStart(2, '0')).join('')"""
THEME_COLORS = "[...document.querySelectorAll('meta[name=theme-color]')].map(m => m.content)"


@pytest.mark.parametrize("system", ["light", "dark"])
def test_theme_color_meta_is_the_header_colour_in_both_palettes(new_page, served_site, system):
    """extra.theme_color is written at build time (no style read on load): it must stay the
    colour the header is drawn in, before and after switching palettes."""
    page = new_page(scheme=system)
    page.goto(served_site + PAGE, wait_until="load")
    assert page.evaluate(THEME_COLORS) == [page.evaluate(HEADER_HEX)]
    page.locator(TOGGLE).first.click()
    page.wait_for_function(f"{SCHEME} === '{'default' if system == 'dark' else 'slate'}'")
    assert page.evaluate(THEME_COLORS) == [page.evaluate(HEADER_HEX)]


@pytest.mark.parametrize("system", ["light", "dark"])
def test_loading_a_page_leaves_the_palette_attributes_alone(new_page, served_site, system):
    """Material's component sets and removes `data-md-color-switching` on every load, which
    restyles the whole page twice; a page whose colours do not change must not touch <body>."""
    page = new_page(scheme=system, fresh=True)  # an init script stays with its page
    page.add_init_script(WATCH_BODY)
    page.goto(served_site + PAGE, wait_until="load")
    next_frames(page)  # anything the scripts do on load is drawn by then
    changes = [name for name in page.evaluate("window.__bodyChanges")
               if name != "data-md-color-media"]  # styles nothing
    if system == "light":  # the colours of the template
        assert changes == []
    else:
        assert "data-md-color-scheme" in changes
        assert changes.count("data-md-color-switching") == 2  # set and removed once


@pytest.mark.parametrize("path", ["", PAGE, "en/briefs/section-2-1/", "en/references/"])
def test_no_sitemap_and_no_search_engine_is_requested_while_a_page_loads(new_page, served_site,
                                                                        path):
    """Search loads Pagefind, search-words.js and search-results.js on first use only."""
    page = new_page()
    requested: list[str] = []

    def record(request) -> None:
        requested.append(request.url)

    page.on("request", record)
    page.goto(served_site + path, wait_until="networkidle")  # about requests: until idle
    page.remove_listener("request", record)  # the page is used again (conftest.Tabs)
    assert requested and not [url for url in requested if url.endswith("sitemap.xml")]
    assert any(url.endswith("/javascripts/search.js") for url in requested)
    assert not [url for url in requested if "/pagefind/" in url
                or url.endswith(("/search-words.js", "/search-results.js"))]
