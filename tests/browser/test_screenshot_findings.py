"""What a look at `make screenshots` found (issue 12), each as a test on the real site."""

from __future__ import annotations

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
