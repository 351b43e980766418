"""Footnotes as a reader meets them on the real site, on a phone and a desktop: each back-link
returns to its own marker, visible under the header; short notes and source links in notes
and tooltips; no marker begins a line; tap targets of 24 × 24 px; Escape closes a tooltip."""

from __future__ import annotations

import contextlib
import re

import pytest
from playwright.sync_api import TimeoutError as PlaywrightTimeout

from tests.browser.conftest import resize

pytestmark = pytest.mark.browser

REPORT_URL = "https://www.dir.co.jp/report/research/economics/japan/20240614_024448.html"
PAGES = ["briefs/section-3-1/", "en/briefs/section-3-1/"]


@pytest.fixture
def open_page(new_page, served_site):
    def make(path: str, width: int = 1366, height: int = 800):
        page = new_page(width=width, height=height)
        page.goto(served_site + path, wait_until="load")
        page.evaluate("document.fonts.ready.then(() => true)")  # line breaks are final
        return page

    return make


#: Whether the element with `id` is on screen, below the header and the back-to-top button,
#: and not covered by the header, the back-to-top button or a tooltip.
VISIBLE = """id => {
  const el = document.getElementById(id);
  const box = el.getBoundingClientRect();
  const header = document.querySelector(".md-header").getBoundingClientRect();
  const top = document.querySelector(".md-top");
  const button = top && !top.hidden && getComputedStyle(top).opacity !== "0"
    ? top.getBoundingClientRect() : null;
  const x = box.left + box.width / 2, y = box.top + box.height / 2;
  const hit = document.elementFromPoint(x, y);
  return {
    inView: box.top >= 0 && box.bottom <= innerHeight,
    belowHeader: box.top >= header.bottom,
    clearOfButton: !button || box.top >= button.bottom || box.right <= button.left
      || box.left >= button.right,
    // nothing on top but the page itself (a neighbouring marker's tap area may be)
    uncovered: !!hit && (el.contains(hit) || !hit.closest(".md-header, .md-top, .md-tooltip2")),
    target: el.matches(":target"),
  };
}"""


@pytest.mark.parametrize("width", [390, 1366])
@pytest.mark.parametrize("path", PAGES)
def test_each_back_link_returns_to_its_own_marker(open_page, path: str, width: int) -> None:
    page = open_page(path, width=width)
    links = page.locator("#fn\\:cite-1 a.footnote-backref")
    count = links.count()
    assert count >= 3  # the report at one locator, cited several times
    hrefs = [links.nth(i).get_attribute("href") for i in range(count)]
    assert len(set(hrefs)) == count
    for i in range(count):
        page.locator(".footnote").scroll_into_view_if_needed()
        links.nth(i).click()
        page.wait_for_function("h => location.hash === h", arg=hrefs[i])
        # the pointer, left where the back-link was, may now rest on another marker and
        # open its tooltip: move it to the page's margin; then until the tooltip has faded
        # and the back-to-top button has settled after the scroll (a failure times out,
        # and the state is shown)
        page.mouse.move(2, 700)
        marker_id = hrefs[i][1:]
        with contextlib.suppress(PlaywrightTimeout):
            page.wait_for_function(f"id => Object.values(({VISIBLE})(id)).every(Boolean)",
                                   arg=marker_id, timeout=5000)
        state = page.evaluate(VISIBLE, marker_id)
        assert state == {"inView": True, "belowHeader": True, "clearOfButton": True,
                         "uncovered": True, "target": True}, (i, state)
        highlight = page.evaluate(
            "id => getComputedStyle(document.getElementById(id).firstElementChild)"
            ".outlineStyle", marker_id)
        assert highlight == "solid"


@pytest.mark.parametrize(("path", "short"), [(PAGES[0], "田邊［2024］"),
                                             (PAGES[1], "Tanabe (2024)")])
def test_notes_and_tooltips_link_to_the_source(open_page, path: str, short: str) -> None:
    page = open_page(path)
    first = page.locator("#fn\\:cite-1 .citation")
    assert first.locator(f'a[href="{REPORT_URL}"]').count() == 1
    assert short not in first.inner_text()  # the first note is the full reference
    second = page.locator("#fn\\:cite-2 .citation")
    assert second.inner_text().startswith(short)  # a short note
    assert second.locator(f'a[href="{REPORT_URL}"]').inner_text() == short
    marker = page.locator('a.footnote-ref[href="#fn:cite-2"]').first
    marker.hover()
    tooltip = page.locator(".md-tooltip2--active")
    tooltip.wait_for()
    assert tooltip.locator(f'a[href="{REPORT_URL}"]').inner_text() == short
    assert tooltip.locator(".footnote-backref").first.is_hidden()


@pytest.mark.parametrize("path", PAGES)
def test_escape_closes_the_tooltip_while_the_marker_keeps_focus(open_page, path: str) -> None:
    page = open_page(path)
    page.locator("a.footnote-ref").first.focus()
    page.locator(".md-tooltip2--active").wait_for()
    page.keyboard.press("Escape")
    page.locator(".md-tooltip2").wait_for(state="detached")
    assert page.evaluate("document.activeElement.classList.contains('footnote-ref')")


#: For every marker: whether it starts a line, i.e. sits lower than the last visible character
#: of the text before it (one walk over the content's text, markers met on the way).
LINE_STARTS = r"""() => {
  const bad = [];
  const content = document.querySelector(".md-content");
  const walker = document.createTreeWalker(content, NodeFilter.SHOW_TEXT);
  const markers = new Set(content.querySelectorAll("sup[id^='fnref']"));
  let prev = null, node;
  const seen = new Set();
  while ((node = walker.nextNode())) {
    const sup = node.parentElement.closest("sup[id^='fnref']");
    if (sup && markers.has(sup)) {
      if (seen.has(sup)) continue;
      seen.add(sup);
      if (!prev) continue;
      const text = prev.textContent.replace(/[\s\u2060]+$/, "");
      const range = document.createRange();
      range.setStart(prev, text.length - 1);
      range.setEnd(prev, text.length);
      const before = range.getBoundingClientRect(), mark = sup.getBoundingClientRect();
      if (before.width === 0 && before.height === 0) continue;  // hidden (closed details)
      if (mark.top >= before.bottom - 1) bad.push(sup.id + " after '" + text.slice(-12) + "'");
      continue;
    }
    if (node.textContent.replace(/[\s\u2060]/g, "")) prev = node;
  }
  if (seen.size !== markers.size) bad.push(`${markers.size - seen.size} markers not walked`);
  return bad;
}"""


@pytest.mark.parametrize("rank", range(3))
@pytest.mark.parametrize("lang", ["en", "ja"])
def test_no_marker_begins_a_line_on_the_longest_pages(open_page, real_site, lang, rank) -> None:
    """The `rank`-th longest page with markers of a language, at 1366, 390 and 320 px: loaded
    once and narrowed (the layout of a narrowed window is the layout at that width; a load
    per width cost three times the CPU)."""
    longest = sorted(
        (p for p in real_site.site.rglob("index.html") if "footnote-ref" in p.read_text()),
        key=lambda p: len(re.sub(r"<[^>]+>", "", p.read_text())), reverse=True)
    paths = [p.parent.relative_to(real_site.site).as_posix() + "/" for p in longest]
    path = [p for p in paths if p.startswith("en/") == (lang == "en")][rank]
    page = open_page(path, width=1366)
    assert page.locator("sup[id^='fnref']").count() > 5
    for width in (1366, 390, 320):
        resize(page, width, 800)
        assert page.evaluate("innerWidth") == width
        assert page.evaluate(LINE_STARTS) == [], (path, width)


#: Points 11 px from the centre of an element, in eight directions, that land on it.
HIT_AREA = """sel => {
  const out = [];
  for (const el of document.querySelectorAll(sel)) {
    const box = el.getBoundingClientRect();
    if (!box.width) continue;
    const x = box.left + box.width / 2, y = box.top + box.height / 2;
    let hits = 0;
    for (const [dx, dy] of [[-11,0],[11,0],[0,-11],[0,11],[-11,-11],[11,11],[-11,11],[11,-11]]) {
      const hit = document.elementFromPoint(x + dx, y + dy);
      if (hit && hit.closest("a") === el) hits++;
    }
    out.push(hits);
  }
  return out;
}"""


@pytest.mark.parametrize("width", [390, 1366])
def test_markers_and_back_links_have_24_px_tap_targets(open_page, width: int) -> None:
    page = open_page(PAGES[1], width=width, height=4000)
    # a marker with no other marker next to it: its own 24 × 24 area
    single = page.evaluate(HIT_AREA, ".md-content p > sup[id^='fnref'] > a.footnote-ref")
    assert single and max(single) == 8
    page.locator(".footnote").scroll_into_view_if_needed()
    backs = page.evaluate(HIT_AREA, ".footnote a.footnote-backref")
    assert backs and min(backs) >= 6  # a wrapped row's areas may touch the row above


@pytest.mark.parametrize("path", PAGES)
def test_markers_do_not_change_the_line_height(open_page, path: str) -> None:
    page = open_page(path, width=390)
    heights = page.evaluate("""() => [...document.querySelectorAll(".md-content p")]
      .filter(p => p.querySelector("sup[id^='fnref']")).map(p => {
        // the same paragraph with each marker replaced by a flat box of its width
        const copy = p.cloneNode(true);
        const widths = [...p.querySelectorAll("sup")].map(s => s.getBoundingClientRect().width);
        copy.querySelectorAll("sup").forEach((s, i) => {
          const box = document.createElement("span");
          box.style.cssText = `display:inline-block;width:${widths[i]}px;height:0`;
          s.replaceWith(box);
        });
        p.after(copy);
        const lines = [p.getBoundingClientRect().height, copy.getBoundingClientRect().height];
        copy.remove();
        return lines;
      })""")
    assert heights
    for with_markers, without in heights:
        assert abs(with_markers - without) <= 0.5, heights
