"""Material's page behaviour without Material's bundle (overrides/javascripts/theme.js).

The expectations come from the page itself (its headings, its sidebar, its links), not from
the script: the section under the header is the one marked in the table of contents, the
current page is visible in the navigation, and so on.
"""

from __future__ import annotations

import pytest

from tests.browser.conftest import next_frames

pytestmark = pytest.mark.browser

BRIEF = "briefs/section-2-1/"
ACTIVE_TOC = ".md-sidebar--secondary .md-nav__link--active"


def scroll(page, y: float) -> None:
    page.evaluate(f"window.scrollTo(0, {y})")
    next_frames(page)


@pytest.mark.parametrize("path", [BRIEF, "en/briefs/section-2-1/", "en/figures/figure-3/"])
def test_the_section_under_the_header_is_marked_in_the_table_of_contents(open_page, path):
    page = open_page(path)
    assert page.locator(ACTIVE_TOC).count() == 0  # nothing passed at the top
    headings = page.eval_on_selector_all(
        ".md-content h2[id]", "hs => hs.map(h => [h.id, h.getBoundingClientRect().top + scrollY])")
    header = page.evaluate("document.querySelector('.md-header').offsetHeight")
    assert len(headings) >= 2
    for heading, top in headings[:3]:
        scroll(page, top - header + 10)  # the heading has just gone under the header
        active = page.locator(ACTIVE_TOC)
        assert active.count() == 1
        assert active.get_attribute("href") == f"#{heading}"


@pytest.mark.parametrize("path", ["glossary/", "en/glossary/"])
def test_the_table_of_contents_follows_the_reader(open_page, path):
    page = open_page(path, height=600)  # 25 entries: taller than the sidebar
    page.evaluate("window.scrollTo(0, document.body.scrollHeight)")
    # the sidebar scrolls smoothly: until the active entry is inside it (fails on timeout)
    page.wait_for_function("""selector => {
        const link = document.querySelector(selector);
        if (!link) return false;
        const wrap = link.closest('.md-sidebar__scrollwrap').getBoundingClientRect();
        const box = link.getBoundingClientRect();
        return box.top >= wrap.top && box.bottom <= wrap.bottom;
    }""", arg=ACTIVE_TOC)
    assert page.locator(ACTIVE_TOC).count() == 1


@pytest.mark.parametrize("path", ["figures/figure-6/", "en/figures/figure-6/"])
def test_the_navigation_shows_the_current_page_and_fits_the_window(open_page, path):
    page = open_page(path, height=500)  # the current page is near the end of a long list
    box = page.evaluate("""() => {
        const current = ".md-sidebar--primary a.md-nav__link--active[href='./']";
        const link = document.querySelector(current);
        const wrap = link.closest('.md-sidebar__scrollwrap').getBoundingClientRect();
        const box = link.getBoundingClientRect();
        return {inside: box.top >= wrap.top && box.bottom <= wrap.bottom,
                bottom: wrap.bottom, height: wrap.height, window: innerHeight};
    }""")
    assert box["inside"]
    assert box["height"] > 0
    assert box["bottom"] <= box["window"]


def test_the_header_shows_the_page_title_once_the_heading_is_gone(open_page):
    page = open_page(BRIEF)
    title = page.locator("[data-md-component=header-title]")
    assert "md-header__title--active" not in title.get_attribute("class")
    bottom = page.evaluate("document.querySelector('.md-content h1').getBoundingClientRect()"
                           ".bottom + scrollY")
    scroll(page, bottom)
    assert "md-header__title--active" in title.get_attribute("class")
    scroll(page, 0)
    assert "md-header__title--active" not in title.get_attribute("class")


def test_back_to_top_appears_when_scrolling_up_and_goes_to_the_top(open_page):
    page = open_page(BRIEF)
    button = page.locator("[data-md-component=top]")
    hidden = "document.querySelector('[data-md-component=top]').hidden"  # Material fades it
    assert page.evaluate(hidden)
    scroll(page, 1200)
    assert page.evaluate(hidden)  # reading down
    scroll(page, 1000)
    assert not page.evaluate(hidden)  # going back up
    assert button.get_attribute("tabindex") is None
    button.click()
    page.wait_for_function("window.scrollY === 0")
    page.wait_for_function(hidden)
    assert button.get_attribute("tabindex") == "-1"  # out of the tab order while hidden


@pytest.mark.parametrize("path", [BRIEF, "en/briefs/section-2-1/"])
def test_a_footnote_marker_focused_from_the_keyboard_shows_its_reference(open_page, path):
    page = open_page(path)
    marker = page.locator(".md-content .footnote-ref").first
    marker.focus()
    tooltip = page.locator(".md-tooltip2--active")
    tooltip.wait_for(state="visible")
    note = marker.get_attribute("href").removeprefix("#")
    expected = page.locator(f"[id='{note}']").inner_text().split("\n")[0][:20]
    assert expected in tooltip.inner_text()
    assert marker.get_attribute("aria-controls") == tooltip.get_attribute("id")
    assert tooltip.get_attribute("role") == "dialog"
    page.locator(".md-content h1").click()  # focus and pointer elsewhere
    page.wait_for_function("document.querySelectorAll('.md-tooltip2').length === 0")
    assert marker.get_attribute("aria-controls") is None


def test_the_pointer_can_move_from_the_marker_into_the_tooltip(new_page, served_site):
    page = new_page(fresh=True)  # a fake clock stays with its page
    page.clock.install()  # the page's timers, moved on by the test instead of waited for
    page.goto(served_site + BRIEF, wait_until="load")
    marker = page.locator(".md-content .footnote-ref").first
    marker.evaluate("m => m.scrollIntoView({block: 'center'})")  # room for the tooltip
    next_frames(page)
    marker.hover()
    tooltip = page.locator(".md-tooltip2--active")
    tooltip.wait_for(state="visible")
    # into the tooltip at its edge nearest the marker, as a hand moves (e.g. to follow the
    # reference's link); not to its centre, which a long note can put under the header
    mark = marker.bounding_box()
    box = tooltip.locator(".md-tooltip2__inner").bounding_box()
    below = box["y"] >= mark["y"] + mark["height"]
    target_y = box["y"] + 6 if below else box["y"] + box["height"] - 6
    page.mouse.move(box["x"] + min(box["width"] / 2, 40), target_y, steps=5)
    page.clock.run_for(1000)  # a pointer leaving both counts after 250 ms, fades in 250 ms
    assert tooltip.is_visible()
    page.locator(".md-content h1").hover()  # and leaving both does close it
    page.clock.run_for(1000)
    assert page.locator(".md-tooltip2").count() == 0


def test_keyboard_focus_is_drawn_and_pointer_focus_is_not(open_page):
    page = open_page(BRIEF)
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.classList.contains('focus-visible')")
    page.locator(".md-content a[href]").first.click(modifiers=["Control"])  # focus, no visit
    assert not page.evaluate("document.activeElement.classList.contains('focus-visible')")


@pytest.mark.parametrize(("key", "rel"), [("n", "next"), ("p", "prev")])
def test_n_and_p_go_to_the_next_and_previous_page(open_page, key, rel):
    page = open_page(BRIEF)
    expected = page.evaluate(f"document.querySelector('link[rel={rel}]').href")
    page.keyboard.press(key)
    page.wait_for_url(expected)


def test_choosing_a_section_in_the_drawer_closes_it(open_page):
    page = open_page(BRIEF, width=412, height=823)
    page.locator(".md-header label[for=__drawer]").click()
    assert page.evaluate("document.getElementById('__drawer').checked")
    page.locator(".md-sidebar--primary label[for=__toc]").first.click()  # this page's sections
    # the panel slides in: click() waits until the link is visible and stands still
    page.locator(".md-sidebar--primary .md-nav--secondary a.md-nav__link").nth(1).click()
    page.wait_for_function("!document.getElementById('__drawer').checked")


def test_the_page_behind_search_does_not_scroll_on_a_phone(open_page):
    page = open_page(BRIEF, width=412, height=823)
    scroll(page, 600)
    page.locator("label[for=__search]").first.click()
    page.wait_for_function("document.body.hasAttribute('data-md-scrolllock')")
    page.locator("label[for=__search]").last.click()  # the search's own close button
    page.wait_for_function("!document.body.hasAttribute('data-md-scrolllock')")
    assert page.evaluate("window.scrollY") == 600


def test_bibtex_opened_on_a_phone_can_be_scrolled_from_the_keyboard(open_page):
    page = open_page("references/", width=412, height=823)
    details = page.locator("details.reference-bibtex").first
    details.locator("summary").click()
    code = details.locator("pre > code")
    # theme.js measures code blocks when the page changes size (fails on timeout)
    code.evaluate("c => new Promise(done => { const wait = () => c.tabIndex === 0 ? done() :"
                  " requestAnimationFrame(wait); wait(); })")
    overflows, tabindex = code.evaluate("c => [c.scrollWidth > c.clientWidth, c.tabIndex]")
    assert overflows  # long BibTeX lines on a narrow screen
    assert tabindex == 0


def test_printing_opens_every_bibtex_block_and_closes_them_after(open_page):
    page = open_page("en/references/")
    count = "document.querySelectorAll('details.reference-bibtex[open]').length"
    assert page.evaluate(count) == 0
    page.evaluate("window.dispatchEvent(new Event('beforeprint'))")
    assert page.evaluate(count) == page.locator("details.reference-bibtex").count() > 0
    page.evaluate("window.dispatchEvent(new Event('afterprint'))")
    assert page.evaluate(count) == 0


@pytest.mark.parametrize("path", ["figures/figure-3/", "en/figures/figure-3/"])
def test_the_header_search_button_is_shown(open_page, path):
    """Material shows it only on pages marked as running JavaScript (the `js` class)."""
    page = open_page(path, width=412, height=823)
    assert page.locator(".md-header label[for=__search]").first.is_visible()


def test_a_title_cut_short_shows_in_full_on_hover(open_page):
    page = open_page("en/", width=412, height=823)
    topic = page.locator(".md-header__topic:first-child .md-ellipsis")
    assert topic.evaluate("el => el.offsetWidth < el.scrollWidth")  # the site name is cut
    topic.hover()
    assert topic.get_attribute("title") == topic.evaluate("el => el.innerText")
    assert topic.get_attribute("title").endswith("Annotated Briefs")
