"""Reading in a real browser: language switch, tooltips, previews, charts, CSV, privacy, axe.

Every page of both languages is opened once (cached; tests/scheduling.py keeps a page's
tests on one worker) with every request recorded, axe-core run and the tables behind the
CSV links read on that same load; requests to any host but 127.0.0.1 are recorded and
aborted, never sent. axe's other rules run over every page; its rendering rules
(`RENDERING_RULES`, most of its cost when run over a whole page) only on one element of
each style of text of the site, on the page of the cover that holds it first
(style_cover.py); a page where a selector of the cover no longer finds its element gets
every rule over the whole page, and fails `test_no_axe_violation`.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field
from urllib.parse import urlsplit

import pytest

from tests.browser.axe_check import run_axe
from tests.browser.site_pages import NOT_FOUND, PAGES

pytestmark = pytest.mark.browser

FIGURES = [f"{prefix}figures/figure-{n}/" for prefix in ("", "en/") for n in range(1, 7)]


def counterpart(path: str) -> str:
    return path.removeprefix("en/") if path.startswith("en/") else "en/" + path


# The table a CSV link downloads, as a reader sees it (no note markers), cell by cell.
_SHOWN_TABLE = """link => {
  const table = link.closest('p').previousElementSibling.querySelector('table');
  return [...table.rows].map(row => [...row.cells].map(cell => {
    const copy = cell.cloneNode(true);
    copy.querySelectorAll('sup[id^="fnref"], sup.citation-separator').forEach(s => s.remove());
    return copy.textContent.split(/\\s+/).filter(Boolean).join(' ');
  }));
}"""


@dataclass
class Visit:
    status: int
    lang: str
    switch: dict[str, str]  # hreflang → absolute address of the language switcher's link
    foreign: list[str] = field(default_factory=list)  # requests to other hosts
    violations: list[str] = field(default_factory=list)  # axe-core rule ids and targets
    unresolved: list[str] = field(default_factory=list)  # the cover's selectors that missed
    # each table's CSV link (absolute address) with the table as shown, cell by cell
    tables: list[tuple[str, list[list[str]]]] = field(default_factory=list)


@pytest.fixture(scope="session")
def context(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    yield context
    context.close()


@pytest.fixture(scope="module")
def phone(browser):
    phone = browser.new_context(viewport={"width": 375, "height": 812}, is_mobile=True)
    yield phone
    phone.close()


@pytest.fixture(scope="session")
def visit(context, served_site, tabs, style_cover, axe_url):
    """Open a page once: status, language, switcher links, foreign requests, axe results."""
    seen: dict[str, Visit] = {}

    def open_page(path: str) -> Visit:
        if path in seen:
            return seen[path]
        page = tabs.take(context)
        foreign: list[str] = []

        def record(request) -> None:  # the browser resolves no other host (CHROMIUM_ARGS)
            if urlsplit(request.url).hostname != "127.0.0.1":
                foreign.append(request.url)

        page.on("request", record)
        response = page.goto(served_site + path, wait_until="load")
        switch = page.eval_on_selector_all(
            "a.md-select__link[hreflang]",
            "links => Object.fromEntries(links.map(a => [a.hreflang, a.href]))")
        tables = page.eval_on_selector_all(
            "article p.table-download a",
            f"links => links.map(link => [link.href, ({_SHOWN_TABLE})(link)])")
        found, unresolved = run_axe(page, axe_url, style_cover.get(path, []))
        violations = [f"{v['id']}: {[n['target'] for n in v['nodes']]}" for v in found]
        page.wait_for_load_state("networkidle")  # requests after load too (axe took a while)
        page.remove_listener("request", record)  # the tab is handed out again (conftest.Tabs)
        seen[path] = Visit(response.status if response else 0,
                           page.evaluate("document.documentElement.lang"), switch, foreign,
                           violations, unresolved, [tuple(table) for table in tables])
        return seen[path]

    return open_page


@pytest.mark.parametrize("path", PAGES)
def test_language_switch_lands_on_the_counterpart(visit, context, served_site, path):
    seen = visit(path)
    own, other = ("en", "ja") if path.startswith("en/") else ("ja", "en")
    assert seen.status == 200 and seen.lang == own
    assert seen.switch[other] == served_site + counterpart(path)
    assert seen.switch[own] == served_site + path
    landed = context.request.get(seen.switch[other])
    assert landed.status == 200
    assert f'<html lang="{other}"' in landed.text()


@pytest.mark.parametrize("path", PAGES + NOT_FOUND)
def test_no_request_leaves_127_0_0_1(visit, path):
    assert visit(path).foreign == []


@pytest.mark.parametrize("path", PAGES + NOT_FOUND)
def test_no_axe_violation(visit, path):
    seen = visit(path)
    assert seen.violations == []
    # else the rendering rules ran over the whole page (safe, but the time the cover saves)
    assert seen.unresolved == [], "style_cover.py's selectors found other elements"


@pytest.mark.parametrize(("start", "label", "expected"), [
    ("briefs/section-2-1/", "English", "en/briefs/section-2-1/"),
    ("en/figures/figure-3/", "日本語", "figures/figure-3/"),
])
def test_switching_language_with_the_menu(context, tabs, served_site, start, label, expected):
    page = tabs.take(context)
    page.goto(served_site + start)
    page.locator(".md-header .md-select").hover()
    page.get_by_role("link", name=label, exact=True).click()
    page.wait_for_url(served_site + expected)


@pytest.mark.parametrize(("path", "selector", "expected"), [
    # the first footnote of 2 (1) cites the report itself
    ("briefs/section-2-1/", "article .footnote-ref", "大和総研、2024年6月14日"),
    ("en/briefs/section-2-1/", "article .footnote-ref", "Daiwa Institute of Research"),
])
def test_hovering_a_footnote_marker_shows_the_reference(context, tabs, served_site, path, selector,
                                                        expected):
    page = tabs.take(context)
    page.goto(served_site + path, wait_until="load")
    page.locator(selector).first.hover()
    tooltip = page.locator(".md-tooltip2--active")
    tooltip.wait_for(state="visible")
    assert expected in tooltip.inner_text()


@pytest.mark.parametrize(("path", "expansion"), [
    ("briefs/section-2-1/", "Information Technology（情報技術）"),
    ("en/briefs/section-2-1/", "Information Technology"),
])
def test_abbreviations_keep_their_expansion_for_the_browser_tooltip(context, tabs, served_site,
                                                                   path, expansion):
    page = tabs.take(context)
    page.goto(served_site + path, wait_until="load")
    abbr = page.locator("article abbr", has_text="IT").first
    abbr.hover()
    assert abbr.get_attribute("title") == expansion  # still there after the theme's scripts
    assert page.locator(".md-tooltip2--active").count() == 0


@pytest.mark.parametrize(("path", "link", "expected"), [
    ("briefs/section-2-1/", "a[href='../introduction/']", "海外 AI 企業の日本進出とデジタル赤字"),
    ("en/figures/figure-5/", "a[href='../figure-6/']", "GENIAC"),
])
def test_hovering_a_link_previews_the_page(context, tabs, served_site, path, link, expected):
    page = tabs.take(context)
    page.goto(served_site + path, wait_until="load")
    page.locator(f"article {link}").first.hover()
    preview = page.locator("#link-preview")
    preview.wait_for(state="visible")
    assert expected in preview.inner_text()


@pytest.mark.parametrize(("path", "title", "values", "start"), [
    ("figures/figure-5/", "公表された LLM のパラメータ数",
     ["6億", "70億", "130億", "400億", "1,750億", "3,500億"],
     "tsuzumi 超軽量版（NTT）：6億、tsuzumi 軽量版（NTT）：70億、"),  # Japanese punctuation
    ("en/figures/figure-5/", "Published parameter counts of LLMs",
     ["0.6 billion", "7 billion", "13 billion", "40 billion", "175 billion", "350 billion"],
     "tsuzumi, ultra-light (NTT): 0.6 billion; tsuzumi, light (NTT): 7 billion; "),
])
def test_model_size_chart_has_a_text_alternative(context, tabs, served_site, path, title, values,
                                                 start):
    page = tabs.take(context)
    page.goto(served_site + path)
    chart = page.locator("figure.chart--model-sizes svg[role='img']")
    assert chart.count() == 1
    ids = chart.get_attribute("aria-labelledby").split()
    texts = [page.locator(f"[id='{i}']").text_content() for i in ids]
    assert texts[0] == title
    for value in values:
        assert value in texts[1]
    assert texts[1].startswith(start), texts[1]
    assert page.locator("figure.chart--model-sizes rect.chart-bar").count() == 6
    assert page.locator("figure.chart--model-sizes figcaption").is_visible()


@pytest.mark.parametrize(("path", "first", "election"), [
    ("", "2023年6月9日", "2023年11月2日"),  # the Japanese style's, spaces taken by keep_units.py
    ("en/", "9 June 2023", "2 November 2023"),  # the English style's dates
])
def test_policy_timeline_is_a_dated_list(context, tabs, served_site, path, first, election):
    page = tabs.take(context)
    page.goto(served_site + path)
    items = page.locator("figure.chart--timeline ol > li")
    assert items.count() == 9
    assert items.first.locator("time").inner_text() == first
    assert items.first.locator("time").get_attribute("datetime") == "2023-06-09"
    assert page.locator("figure.chart--timeline time[datetime='2023-11-02']").inner_text() \
        == election
    assert items.last.locator("time").get_attribute("datetime") == "2024-06-14"
    assert page.locator("figure.chart--timeline figcaption").is_visible()


@pytest.mark.parametrize("path", FIGURES)
def test_csv_download_parses_back_to_the_table_shown(visit, context, path):
    tables = visit(path).tables
    assert len(tables) >= 1
    for href, shown in tables:
        data = context.request.get(href).body()
        assert data.startswith(b"\xef\xbb\xbf")  # UTF-8 byte order mark, for Excel
        rows = list(csv.reader(io.StringIO(data[3:].decode("utf-8"), newline="")))
        assert rows == shown
        assert len(rows) >= 2 and len(rows[0]) >= 2


@pytest.mark.parametrize("path", ["figures/figure-3/", "en/figures/figure-3/",
                                  "figures/figure-5/", "en/figures/figure-5/", "", "en/"])
def test_nothing_overflows_a_phone_screen(phone, tabs, served_site, path):
    page = tabs.take(phone)
    page.goto(served_site + path)
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= 375


@pytest.mark.parametrize(("path", "selector", "expected"), [
    ("briefs/section-2-1/", "article h1", "auto-phrase"),
    ("figures/figure-3/", "article td", "auto-phrase"),
    ("en/briefs/section-2-1/", "article h1", "normal"),
])
def test_japanese_headings_and_cells_break_between_phrases(context, tabs, served_site, path,
                                                          selector, expected):
    page = tabs.take(context)
    page.goto(served_site + path)
    assert page.locator(selector).first.evaluate("e => getComputedStyle(e).wordBreak") \
        == expected


@pytest.mark.parametrize(("path", "lang", "heading"), [
    ("no-such-page/", "ja", "ページが見つかりません"),
    ("en/no-such-page/", "en", "Page not found"),
])
def test_a_missing_page_gets_the_404_of_its_language(context, tabs, served_site, path, lang,
                                                     heading):
    page = tabs.take(context)
    response = page.goto(served_site + path)
    assert response is not None and response.status == 404
    assert page.evaluate("document.documentElement.lang") == lang
    assert heading in page.locator("article h1").inner_text()


def test_palette_toggle_switches_to_dark_without_axe_violations(context, tabs, served_site):
    from axe_playwright_python.sync_playwright import Axe

    page = tabs.take(context)
    page.goto(served_site + "figures/figure-5/", wait_until="load")
    before = page.evaluate("document.body.getAttribute('data-md-color-scheme')")
    page.locator("form[data-palette] label:visible").first.click()
    page.wait_for_function(f"document.body.getAttribute('data-md-color-scheme') !== '{before}'")
    assert page.evaluate("document.body.getAttribute('data-md-color-scheme')") == "slate"
    assert Axe().run(page).response["violations"] == []
