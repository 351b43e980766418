"""Reading on a phone (390 px) and a desktop (1366 px): tables as cards or scrolling with a
hint, tables to the text's edge, timeline dots on the line, the sidebar title on one line, and
abbreviations that show their meaning on a tap or Enter."""

from __future__ import annotations

import pytest

from tests.browser.conftest import resize

pytestmark = pytest.mark.browser

WIDTHS = [390, 1366]  # each page is loaded at the first and resized to the next (`resize`)


@pytest.mark.parametrize(("path", "headers"), [
    ("figures/figure-5/",
     ["会社名", "大規模言語モデル", "サービス提供開始", "各社プレスリリースの要点"]),
    ("en/figures/figure-5/", None),
])
def test_long_text_table_reads_as_cards_on_a_phone(new_page, served_site, path, headers):
    page = new_page(width=WIDTHS[0], height=844)
    page.goto(served_site + path)
    for width in WIDTHS:
        resize(page, width, 844)
        long_text_table_at(page, headers, width)


def long_text_table_at(page, headers, width: int) -> None:
    table = page.locator("article table[data-layout='cards']").first
    found = table.evaluate("""t => ({
      display: getComputedStyle(t).display,
      headers: [...t.querySelectorAll('thead th')].map(th => th.textContent.trim()),
      labels: [...t.querySelectorAll('tbody tr')].map(tr => [...tr.cells].map(td =>
        getComputedStyle(td, '::before').content.replace(/^"|"$/g, ''))),
      rowDisplay: getComputedStyle(t.querySelector('tbody tr')).display,
      overflow: document.scrollingElement.scrollWidth - innerWidth,
    })""")
    if headers:
        assert found["headers"] == headers
    assert len(found["labels"]) >= 3
    assert found["overflow"] <= 0, width  # the page never scrolls sideways
    if width < 600:
        assert found["display"] == "block" and found["rowDisplay"] == "block", (width, found)
        assert all(row == found["headers"][:len(row)] for row in found["labels"]), found
    else:
        assert found["display"] == "table", (width, found)
        assert all(set(row) == {"none"} for row in found["labels"]), found  # none on desktop


@pytest.mark.parametrize("path", ["", "en/", "figures/figure-2/"])
def test_a_two_column_table_reads_as_terms_and_descriptions_on_a_phone(new_page, served_site,
                                                                      path):
    """The report's facts (Title, Author, …), a figure's numbered items: on a phone each row
    is a card headed by its first cell in bold, without the column labels ("Item", "Details")
    repeated on every card; on a desktop, a table."""
    page = new_page(width=WIDTHS[0], height=844)
    page.goto(served_site + path)
    table = page.locator("article table[data-layout='cards']").first
    read = """t => [...t.querySelectorAll('tbody tr')].map(tr => ({
      columns: t.querySelectorAll('thead th').length,
      labels: [...tr.cells].map(td => getComputedStyle(td, '::before').content),
      weight: Number(getComputedStyle(tr.cells[0]).fontWeight),
      display: getComputedStyle(tr).display}))"""
    for width in WIDTHS:
        resize(page, width, 844)
        rows = table.evaluate(read)
        assert len(rows) >= 3 and all(row["columns"] == 2 for row in rows)
        assert all(set(row["labels"]) == {"none"} for row in rows), (width, rows)
        if width < 600:
            assert all(row["display"] == "block" and row["weight"] >= 600 for row in rows), rows
        else:
            assert all(row["display"] == "table-row" for row in rows), rows


def test_short_numeric_table_scrolls_with_a_visible_hint(new_page, served_site):
    page = new_page(width=390, height=844)
    page.goto(served_site)  # the home page's list of figures: short cells
    wraps = page.locator("article .md-typeset__scrollwrap:not(:has(table[data-layout]))")
    assert wraps.count() >= 1
    style = wraps.first.evaluate("w => getComputedStyle(w).backgroundImage")
    assert style.count("linear-gradient") == 2


@pytest.mark.parametrize("path", ["", "en/"])
def test_home_tables_reach_the_text_edge(new_page, served_site, path):
    page = new_page(width=WIDTHS[0])
    page.goto(served_site + path)
    for width in WIDTHS:
        resize(page, width, 900)
        edges = page.evaluate("""() => ({
          text: document.querySelector('article > p:not(.brief-trust)')
            .getBoundingClientRect().right,
          tables: [...document.querySelectorAll('article table')].map(t =>
            t.getBoundingClientRect().right),
        })""")
        assert len(edges["tables"]) >= 2
        for right in edges["tables"]:
            assert abs(right - edges["text"]) <= 1, (width, edges)


@pytest.mark.parametrize("path", ["", "en/"])
def test_timeline_dots_sit_on_the_line(new_page, served_site, path):
    page = new_page(width=WIDTHS[0])
    page.goto(served_site + path)
    for width in WIDTHS:
        resize(page, width, 900)
        offsets = page.evaluate("""() => {
          const ol = document.querySelector('.chart--timeline ol');
          const line = ol.getBoundingClientRect().left
            + parseFloat(getComputedStyle(ol).borderLeftWidth) / 2;
          return [...ol.children].map(li => {
            const dot = getComputedStyle(li, '::before');
            const left = li.getBoundingClientRect().left + parseFloat(dot.left)
              + parseFloat(dot.marginLeft);
            return left + parseFloat(dot.width) / 2 + parseFloat(dot.borderLeftWidth) - line;
          });
        }""")
        assert len(offsets) == 9
        assert all(abs(offset) <= 1 for offset in offsets), (width, offsets)


@pytest.mark.parametrize("path", ["briefs/section-3-1/", "en/briefs/section-3-1/"])
def test_sidebar_site_title_stays_on_one_line(new_page, served_site, path):
    page = new_page(width=1366)
    page.goto(served_site + path)
    found = page.evaluate("""() => {
      const title = document.querySelector('.md-nav--primary > .md-nav__title');
      const t = title.getBoundingClientRect();
      return {height: t.height, line: parseFloat(getComputedStyle(title).lineHeight),
              full: title.textContent.trim()};
    }""")
    assert found["height"] < 1.5 * found["line"]
    assert found["full"]


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize(("path", "short", "expansion", "definition"), [
    ("briefs/section-3-2/", "LLM", "Large Language Model（大規模言語モデル）", "言語モデル"),
    ("en/briefs/section-3-2/", "LLM", "Large Language Model", "language model"),
])
def test_tapping_an_abbreviation_shows_its_meaning(new_page, served_site, path, short,
                                                   expansion, definition, width):
    page = new_page(width=width, height=844)
    page.goto(served_site + path)
    abbr = page.locator("article abbr", has_text=short).first
    assert abbr.get_attribute("role") == "button" and abbr.get_attribute("tabindex") == "0"
    abbr.scroll_into_view_if_needed()
    abbr.click()
    tip = page.locator("#abbr-tip")
    tip.wait_for(state="visible")
    assert expansion in tip.inner_text()
    page.wait_for_function("!document.querySelector('#abbr-tip').textContent.includes('…')")
    assert definition.lower() in tip.inner_text().lower()
    assert tip.locator("a[href*='glossary/#']").count() == 1
    assert abbr.get_attribute("aria-expanded") == "true"
    assert abbr.get_attribute("aria-describedby") == "abbr-tip"
    box = tip.bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= width
    page.keyboard.press("Escape")
    assert tip.is_hidden() and abbr.get_attribute("aria-expanded") == "false"
    # keyboard: focus and Enter
    abbr.focus()
    page.keyboard.press("Enter")
    tip.wait_for(state="visible")
    assert expansion in tip.inner_text()
