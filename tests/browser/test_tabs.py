"""The worker's reused tabs (`Tabs` in tests/browser/conftest.py): a tab handed out again must
be as clean as a new context's, or one test's state would leak into the next."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser


def test_a_reused_tab_is_reset(tabs, served_site):
    context = tabs.context(scheme="light")
    page = tabs.take(context, width=800, height=600)
    page.goto(served_site + "about/")
    page.evaluate("localStorage.setItem('leak', '1'); sessionStorage.setItem('leak', '1')")
    page.route("**/*.css", lambda route: route.abort())
    page.emulate_media(color_scheme="dark", media="print")
    page.set_viewport_size({"width": 500, "height": 400})

    again = tabs.take(context, width=800, height=600)
    assert again is page  # the same tab, not a new one
    assert again.url == "about:blank"
    assert again.viewport_size == {"width": 800, "height": 600}
    again.goto(served_site + "about/")
    assert again.evaluate("localStorage.getItem('leak')") is None
    assert again.evaluate("sessionStorage.getItem('leak')") is None
    assert again.evaluate("matchMedia('(prefers-color-scheme: light)').matches")
    assert again.evaluate("matchMedia('screen').matches")
    styled = again.evaluate("[...document.styleSheets].filter(s => s.href).length")
    assert styled >= 1  # the route that aborted stylesheets is gone
