"""The page cover for axe-core's rendering rules (style_cover.py): plain Python, no browser."""

from __future__ import annotations

import pytest

from tests.browser.style_cover import cover, css_selectors, signatures

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
