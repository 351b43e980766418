"""The page cover for axe-core's rendering rules (style_cover.py): plain Python, and one
browser test on the real site."""

from __future__ import annotations

import pytest

from tests.browser.style_cover import (
    axe_options,
    cover,
    css_selectors,
    signatures,
    site_selectors,
    site_signatures,
)
from tests.browser.test_reading import NOT_FOUND, PAGES

CSS = """
/* [data-ignored] in a comment is no selector */
.note { color: #555; }
a[href] { color: blue; }
[data-md-color-scheme="slate"] p { color: #eee; }
.footnote-backrefs ~ .footnote-backref { font-size: inherit; }
@media screen and (max-width: 44.9375em) { table[data-layout="cards"] td { color: #666; } }
"""


def page(body: str, lang: str = "en", scheme: str = "default") -> str:
    return (f'<!doctype html><html lang="{lang}"><head><title>t</title>'
            f'<style>p {{ color: red }}</style><script>var x = "<p>no</p>";</script></head>'
            f'<body data-md-color-scheme="{scheme}"><main>{body}</main></body></html>')


PLAIN = page("<h1>Title</h1><p>Text with <a href='a/'>a link</a>.</p>")


@pytest.mark.parametrize(("pages", "expected"), [
    # identical pages: one is enough, and the other text of a page changes nothing
    ({"a": PLAIN, "b": PLAIN}, ["a"]),
    ({"a": PLAIN, "b": PLAIN.replace("Text with", "Other words,")}, ["a"]),
    # links to other addresses match the same selectors: one page
    ({"a": PLAIN, "b": PLAIN.replace("href='a/'", "href='b/'")}, ["a"]),
    # a page whose texts are all on another page is not needed
    ({"small": PLAIN, "big": page("<h1>T</h1><p>x <a href='a/'>y</a></p><p class='note'>n</p>")},
     ["big"]),
    # a unique inline style, class, language, scheme or nesting puts the page in the cover
    ({"a": PLAIN, "b": PLAIN.replace("<p>", "<p><span style='color:#eee'>pale</span> ")},
     ["b"]),
    ({"a": page("<p>x <span>y</span></p>"),
      "b": page("<p>x <span style='color:#eee'>y</span></p>")}, ["a", "b"]),
    ({"a": PLAIN, "b": PLAIN + page("<p class='note'>n</p>")}, ["b"]),
    ({"a": PLAIN, "b": page("<p class='new-class'>n</p>")}, ["a", "b"]),
    ({"en": PLAIN, "ja": page("<h1>Title</h1><p>Text with <a href='a/'>a link</a>.</p>",
                              lang="ja")}, ["en", "ja"]),
    ({"a": PLAIN, "b": page("<h1>T</h1><p>x</p>", scheme="slate")}, ["a", "b"]),
    ({"a": PLAIN, "b": page("<h1>T</h1><blockquote><p>q</p></blockquote>")}, ["a", "b"]),
    # an attribute the CSS selects on: a link without href is another style
    ({"a": PLAIN, "b": page("<p>x <a>anchor</a></p>")}, ["a", "b"]),
    ({"a": PLAIN, "b": page("<table data-layout='cards'><tr><td>c</td></tr></table>"),
      "c": page("<table data-layout='scroll'><tr><td>c</td></tr></table>")}, ["a", "b", "c"]),
    # an attribute no selector names makes no difference
    ({"a": page("<p>x <a href='a/' title='one'>y</a></p>"),
      "b": page("<p>x <a href='b/' title='two'>y</a></p>")}, ["a"]),
    # after a sibling that a `~` of the CSS names, the same element is another style
    ({"one": page("<p><a class='footnote-backref' href='#1'>↩</a></p>"),
      "two": page("<p><span class='footnote-backrefs'>↩</span>"
                  "<a class='footnote-backref' href='#1'>a</a></p>")}, ["two", "one"]),
    # the biggest page first, then what is left
    ({"a": page("<p>x</p>"), "b": page("<p class='note'>x</p><p>y</p>"),
      "c": page("<p><em>e</em></p>")}, ["b", "c"]),
    ({}, []),
])
def test_cover(pages, expected):
    selectors = css_selectors(CSS)
    assert cover({name: signatures(html, selectors) for name, html in pages.items()}) \
        == expected


@pytest.mark.parametrize(("html", "texts"), [
    # text in the head, scripts and styles has no style to check
    (page(""), set()),
    (page("<p>x</p>"), {("html", "body", "main", "p")}),
    (page("<p>x<br>y<img src='i.png' alt='i'></p>"),
     {("html", "body", "main", "p"), ("html", "body", "main", "p", "img")}),
    # an element left open is closed by its parent's end tag
    (page("<ul><li>one<li>two</ul><p>x</p>"),
     {("html", "body", "main", "ul", "li"), ("html", "body", "main", "p")}),
])
def test_signatures_hold_the_chain_of_each_text(html, texts):
    found = signatures(html, css_selectors(CSS))
    assert {tuple(element[0] for element in chain) for chain in found} == texts


@pytest.mark.parametrize(("css", "attributes", "before_sibling"), [
    ("a[href] { }", ["[href]"], set()),
    ('[data-x="y" i] p, p[id^=fnref] { }', ['[data-x="y" i]', "[id^=fnref]"], set()),
    ("/* a[title] */ h2 + h3 { }", [], {("h2", frozenset())}),
    (".a.b ~ .c, input:checked~label { } @media (x) { span.f+pre { } }", [],
     {("", frozenset({"a", "b"})), ("input", frozenset()), ("span", frozenset({"f"}))}),
    ("li:nth-child(2n+1) { } a:not(.x ~ *) { }", [], {("", frozenset({"x"}))}),
])
def test_css_selectors(css, attributes, before_sibling):
    selectors = css_selectors(css)
    assert [a[0] for a in selectors.attributes] == sorted(attributes)
    assert selectors.before_sibling == before_sibling


@pytest.mark.parametrize(("page", "cover_pages", "disabled"), [
    ("a/", ["a/", "b/"], []),
    ("c/", ["a/", "b/"], ["color-contrast", "link-in-text-block"]),
    ("", [], ["color-contrast", "link-in-text-block"]),
])
def test_axe_options(page, cover_pages, disabled):
    options = axe_options(page, cover_pages)
    assert options["resultTypes"] == ["violations"]
    assert sorted(options.get("rules", {})) == disabled
    assert all(rule == {"enabled": False} for rule in options.get("rules", {}).values())


PALE = "color:#d8d8d8"


@pytest.mark.browser
def test_a_contrast_bug_outside_todays_cover_is_caught(real_site, new_page, served_site):
    """Pale text (a `style` on a paragraph, nothing else new) in a page that today's cover
    leaves out puts the page in the cover, and axe, run there with the options
    `test_reading.visit` gives it, reports the paragraph."""
    from axe_playwright_python.sync_playwright import Axe

    found = site_signatures(real_site.site, PAGES + NOT_FOUND)
    path = next(p for p in PAGES if p not in cover(found))
    html = real_site.html(path)
    first = html.index("<p>", html.index("</h1>"))  # the article's first paragraph
    broken = html[:first] + f'<p style="{PALE}">' + html[first + len("<p>"):]
    pages = cover({**found, path: signatures(broken, site_selectors(real_site.site))})
    assert path in pages
    page = new_page()
    page.route(served_site + path, lambda route: route.fulfill(body=broken,
                                                               content_type="text/html"))
    page.goto(served_site + path, wait_until="load")
    violations = Axe().run(page, options=axe_options(path, pages)).response["violations"]
    assert [v["id"] for v in violations] == ["color-contrast"]
    assert PALE in violations[0]["nodes"][0]["html"]  # the paragraph (then what it holds)
