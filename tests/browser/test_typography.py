"""Typography as a reader sees it, at phone and desktop width: numbers never part from
their units at a line end (Japanese and English), a Japanese font first with bold headings,
annotations at body size."""

from __future__ import annotations

import pytest

from tests.browser.conftest import resize

pytestmark = pytest.mark.browser

WIDTHS = [390, 1366]  # each page is loaded at the first and resized to the next (`resize`)
JA_PAGES = ["", "about/", "briefs/section-2-3/", "briefs/section-3-1/", "figures/figure-5/",
            "glossary/", "references/"]

# Every digit directly followed by kana or kanji in the article's text (outside code), with
# the number of lines the pair spans; and every space left between them.
SPLIT_PAIRS = """() => {
  const article = document.querySelector("article");
  const walker = document.createTreeWalker(article, NodeFilter.SHOW_TEXT);
  const pair = /[0-9](?=[\\u3005\\u3040-\\u30ff\\u4e00-\\u9fff])/g;
  const spaced = /[0-9][ \\u3000][\\u3005\\u3040-\\u30ff\\u4e00-\\u9fff]/g;
  let pairs = 0; const split = []; const spaces = [];
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (node.parentElement.closest("pre, code, script, style, svg")) continue;
    const text = node.textContent;
    for (const match of text.matchAll(spaced)) {
      const label = /図表[0-9]+$/.test(text.slice(0, match.index + 1))
        && !/[\u3040-\u309f]/.test(text[match.index + 2]);  // 「図表2 総合…」: a title follows
      if (!label) spaces.push(text.slice(Math.max(0, match.index - 6), match.index + 3));
    }
    for (const match of text.matchAll(pair)) {
      const range = document.createRange();
      range.setStart(node, match.index);
      range.setEnd(node, match.index + 2);
      const tops = new Set([...range.getClientRects()].map(r => Math.round(r.top)));
      pairs += 1;
      if (tops.size > 1) split.push(text.slice(Math.max(0, match.index - 6), match.index + 3));
    }
  }
  return {pairs, split, spaces};
}"""


def at_each_width(new_page, url: str, script: str):
    """(width, what `script` returns) at each of WIDTHS, the page loaded once and resized."""
    page = new_page(width=WIDTHS[0])
    page.goto(url)
    for width in WIDTHS:
        resize(page, width, 900)
        yield width, page.evaluate(script)


@pytest.mark.parametrize("path", JA_PAGES)
def test_numbers_stay_with_their_units(new_page, served_site, path):
    for width, found in at_each_width(new_page, served_site + path, SPLIT_PAIRS):
        assert found["pairs"] > 0, "no number followed by a unit: the test measured nothing"
        assert found["spaces"] == [], width
        assert found["split"] == [], width


# Each span of hooks/keep_units.py in the article that is drawn on more than one line.
SPLIT_SPANS = """() => {
  const spans = [...document.querySelectorAll("article span.nowrap")];
  const split = spans.filter(span => new Set([...span.getClientRects()]
    .filter(r => r.width > 0).map(r => Math.round(r.top))).size > 1);
  return {spans: spans.length, split: split.map(span => span.textContent)};
}"""
EN_PAGES = ["en/", "en/briefs/section-2/", "en/briefs/section-3-2/", "en/figures/figure-5/",
            "en/references/"]


@pytest.mark.parametrize("path", EN_PAGES)
def test_english_numbers_stay_with_their_units(new_page, served_site, path):
    """13 billion, 30 November 2026, figure 3: one line each at phone and desktop width
    (before the rule, 152 such pairs were split over 21 English pages at 390 px)."""
    for width, found in at_each_width(new_page, served_site + path, SPLIT_SPANS):
        assert found["spans"] > 5, "no number with its unit: the test measured nothing"
        assert found["split"] == [], width


def test_japanese_pages_put_a_japanese_font_first_and_headings_in_bold(new_page, served_site):
    page = new_page(width=WIDTHS[0])
    page.goto(served_site + "briefs/section-3-1/")
    for width in WIDTHS:
        resize(page, width, 900)
        h1 = page.evaluate("""() => {
          const style = getComputedStyle(document.querySelector("article h1"));
          return {family: style.fontFamily, weight: style.fontWeight,
                  autospace: getComputedStyle(document.querySelector("article p")).textAutospace};
        }""")
        assert h1["family"].startswith('"Hiragino Sans"'), (width, h1)
        assert int(h1["weight"]) >= 600, (width, h1)
        assert h1["autospace"] == "normal", (width, h1)
    page.goto(served_site + "en/briefs/section-3-1/")
    for width in reversed(WIDTHS):
        resize(page, width, 900)
        family = page.evaluate("getComputedStyle(document.querySelector('article h1')).fontFamily")
        assert family.startswith("system-ui"), width  # English pages keep the system font first


@pytest.mark.parametrize("path", ["briefs/section-3-1/", "en/briefs/section-3-1/"])
def test_annotations_are_set_at_body_size(new_page, served_site, path):
    page = new_page(width=WIDTHS[0])
    page.goto(served_site + path)
    for width in WIDTHS:
        resize(page, width, 900)
        sizes = page.evaluate("""() => ({
          body: getComputedStyle(document.querySelector("article > p")).fontSize,
          note: getComputedStyle(document.querySelector("article .admonition.info li, "
                                                         + "article .admonition.info p")).fontSize,
        })""")
        assert sizes["note"] == sizes["body"], (width, sizes)
