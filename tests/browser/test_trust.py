"""Trust as a reader meets it, at phone and desktop width: the report link and statement under
the title, and a 404 page that works wherever the site is mounted."""

from __future__ import annotations

import pytest

from tests.browser.conftest import resize
from tools import static_site

pytestmark = pytest.mark.browser

REPORT_URL = "https://www.dir.co.jp/report/research/economics/japan/20240614_024448.html"
WIDTHS = [390, 1366]


@pytest.mark.parametrize(("path", "label"), [
    ("briefs/section-3-1/", "レポート §3 (1)"), ("en/briefs/section-3-1/", "report §3 (1)"),
    ("", "大和総研のレポート"), ("en/", "the Daiwa Institute of Research report"),
])
def test_report_link_and_statement_under_the_title(new_page, served_site, path, label):
    page = new_page(width=WIDTHS[0])  # loaded once, resized to each width (`resize`)
    page.goto(served_site + path)
    link = page.locator("article p.brief-trust a")
    assert link.get_attribute("href") == REPORT_URL
    for width in WIDTHS:
        resize(page, width, 900)
        assert link.inner_text() == label
        assert link.is_visible(), width
        box = page.locator("article p.brief-trust").bounding_box()
        assert box["y"] < page.locator("article h2").first.bounding_box()["y"], width
        assert box["x"] + box["width"] <= width  # no sideways scrolling


@pytest.fixture
def mounted(request, real_site):
    """The real site (built for /briefs/) served at another path (the test's `mounted`)."""
    server, address = static_site.serve(real_site.site, request.param)
    yield address
    server.shutdown()
    server.server_close()


JA_404 = ("no/such/page/", "ページが見つかりません（404）", "en/")
EN_404 = ("en/briefs/no-such-brief/", "Page not found (404)", "")


# Each mount path in each language, and each width in each language and at each mount:
# four of the eight combinations (each a load of a 404 page and its home page).
@pytest.mark.parametrize(("mounted", "missing", "heading", "other", "width"), [
    ("/", *JA_404, 390), ("/", *EN_404, 1366),
    ("/some/prefix/", *JA_404, 1366), ("/some/prefix/", *EN_404, 390),
], indirect=["mounted"], ids=["root-ja-390", "root-en-1366", "prefix-ja-1366", "prefix-en-390"])
def test_404_works_at_any_mount_path(new_page, mounted, missing, heading, other, width):
    page = new_page(width=width)
    response = page.goto(mounted + missing)
    assert response.status == 404
    assert page.locator("h1").inner_text() == heading
    failed: list[str] = []

    def record(request) -> None:
        failed.append(request.url)

    page.on("requestfailed", record)
    styled = page.evaluate("""() => [...document.styleSheets].filter(s => {
      try { return s.href && s.cssRules.length > 0 } catch (e) { return false } }).length""")
    assert styled >= 3, "Material's and the site's stylesheets load"
    assert page.evaluate("getComputedStyle(document.querySelector('.md-header')).position") \
        in ("sticky", "fixed")
    links = page.locator("a.md-select__link[hreflang]")
    hrefs = [links.nth(i).evaluate("a => a.href") for i in range(links.count())]
    assert hrefs == [mounted, mounted + "en/"]
    home = page.locator("article a").first.evaluate("a => a.href")
    assert home == mounted + other.replace("en/", "") + ("en/" if "Page" in heading else "")
    assert page.goto(hrefs[1]).status == 200
    page.remove_listener("requestfailed", record)  # the page is used again (conftest.Tabs)
    assert failed == []
