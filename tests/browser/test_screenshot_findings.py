"""What a look at `make screenshots` and a run of `make audit` found (issue 12), as tests on
the real site."""

from __future__ import annotations

import re

import pytest

pytestmark = pytest.mark.browser

WIDTHS = [390, 1366]

# Each note's link to its entry in the references: the lines it is drawn on, and whether the
# back-link after it (↩) ends on the same line.
ENTRY_LINKS = """() => [...document.querySelectorAll('.footnote a.citation-entry')].map(a => {
  const rects = [...a.getClientRects()];
  const back = a.parentElement.querySelector('.footnote-backref, .footnote-backrefs');
  const last = rects[rects.length - 1].bottom, after = back.getBoundingClientRect().bottom;
  return {note: a.closest('li').id, lines: new Set(rects.map(r => Math.round(r.top))).size,
          together: Math.abs(after - last) < 6};
})"""


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("path", ["", "en/", "briefs/section-3-1/", "en/briefs/section-3-1/"])
def test_link_to_the_references_entry_stays_on_one_line(open_page, path, width):
    """「文献一 / 覧」, "in / references" and a lone ↩ on a new line, in the notes."""
    page = open_page(path, width=width, height=844)
    links = page.evaluate(ENTRY_LINKS)
    assert len(links) >= 5
    broken = [link["note"] for link in links if link["lines"] != 1]
    assert not broken, f"entry links broken over two lines: {broken}"
    alone = [link["note"] for link in links if not link["together"]]
    assert not alone, f"back-link on a line of its own: {alone}"


# What `make audit` (Lighthouse's axe-core, with rules the default axe run leaves out) found.
AUDIT_PAGES = ["", "en/", "briefs/section-2-1/", "en/briefs/section-2-1/", "figures/figure-5/",
               "en/figures/figure-5/"]
LIGHTHOUSE_ONLY_RULES = ["target-size", "label-content-name-mismatch"]


@pytest.mark.parametrize("path", AUDIT_PAGES)
def test_what_lighthouse_checks_beyond_default_axe(open_page, path):
    """Abbreviations made tap buttons inside links were targets of 14 × 25 px nested in the
    link; the PDF link's name put its visible "PDF" in parentheses, which the rule drops."""
    from axe_playwright_python.sync_playwright import Axe

    page = open_page(path, width=412, height=823)
    result = Axe().run(page, options={"runOnly": {"type": "rule",
                                                  "values": LIGHTHOUSE_ONLY_RULES}})
    violations = [f"{v['id']}: {[n['target'] for n in v['nodes']][:3]}"
                  for v in result.response["violations"]]
    assert violations == []
    # the rule as Lighthouse 12.2.3 (axe 4.14) runs it: parenthesised words do not count
    name = page.get_attribute("a.pdf-link", "aria-label")
    visible = page.inner_text("a.pdf-link").strip()
    assert visible and visible in re.sub(r"[(（][^()（）]*[)）]", "", name).split(), name


@pytest.mark.parametrize("path", ["", "en/"])
def test_abbreviation_inside_a_link_follows_the_link(open_page, served_site, path):
    """A tap on "AI" in a timeline link opened the abbreviation's tip instead of the page."""
    page = open_page(path, width=390, height=844)
    inside = page.locator("article a[href] abbr")
    assert inside.count() >= 3
    assert page.locator("article a[href] abbr[role], article a[href] abbr[tabindex]").count() == 0
    outside = page.locator("article abbr.abbr-tap")
    assert outside.count() >= 3  # abbreviations in running text still open their tip
    link = page.locator(".chart--timeline a[href]", has=page.locator("abbr")).first
    href = link.evaluate("a => a.href")
    link.locator("abbr").first.click()
    page.wait_for_url(href)
    assert page.locator("#abbr-tip:visible").count() == 0
