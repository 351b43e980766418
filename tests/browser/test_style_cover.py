"""The page cover for axe-core's rendering rules (style_cover.py): plain Python, and two
browser tests on the real site (the browser's parser finds each element where ours put it;
axe, run as `test_reading.visit` runs it, catches a contrast bug the cover did not hold)."""

from __future__ import annotations

import pytest
from axe_playwright_python.base import AXE_FILE_PATH

from tests.browser.axe_check import UNRESOLVED, run_axe
from tests.browser.site_pages import PAGES
from tests.browser.style_cover import (
    RENDERING_RULES,
    axe_runs,
    cover,
    css_selectors,
    selector,
    signatures,
    site_selectors,
    targets,
)

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
    ({"small": PLAIN,
      "big": page("<h1>T</h1><p>more x <a href='a/'>y</a></p><p class='note'>n</p>")}, ["big"]),
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
    # a link alone in its block is another case for axe's link-in-text-block than one in text
    ({"a": PLAIN, "b": page("<ul><li>x</li></ul><p><a href='a/'>a link</a></p>")}, ["a", "b"]),
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
    assert list(cover({name: signatures(html, selectors) for name, html in pages.items()})) \
        == expected


def tags(signature: tuple) -> tuple:
    """The tags of a signature below <main> (`page`), and a link's "in a text block"."""
    return tuple(element[0] for element in signature)[3:] + signature[-1][6:]


@pytest.mark.parametrize(("pages", "given"), [
    # the page picked first checks all it holds; the next only what it adds
    ({"a": page("<p>x <em>e</em></p>"), "b": page("<p>x <strong>s</strong></p>")},
     {"a": [("p",), ("p", "em")], "b": [("p", "strong")]}),
    ({"a": page("<p>x</p>"), "b": page("<p>x</p><blockquote><p>q</p></blockquote>")},
     {"b": [("blockquote", "p"), ("p",)]}),
    # a signature on several pages of the cover is checked on one
    ({"a": page("<p>x</p><h2>h</h2><h3>h</h3>"), "b": page("<p>x</p><h4>h</h4><h5>h</h5>")},
     {"a": [("h2",), ("h3",), ("p",)], "b": [("h4",), ("h5",)]}),
    ({}, {}),
])
def test_cover_gives_each_signature_to_one_page(pages, given):
    selectors = css_selectors(CSS)
    chosen = cover({name: signatures(html, selectors) for name, html in pages.items()})
    assert {name: sorted(tags(signature) for signature in held)
            for name, held in chosen.items()} == given


@pytest.mark.parametrize(("body", "paths"), [
    # below <main>: <html> 1, <body> 2 (after <head>), <main> 1
    ("<p>x</p>", {("p",): (1,)}),
    # the first element of a signature: the second item of a list has the first's
    ("<ul><li>a<ul><li>b</li><li>c</li></ul></li><li>d</li></ul>",
     {("ul", "li"): (1, 1), ("ul", "li", "ul", "li"): (1, 1, 1, 1)}),
    # void elements are siblings too (`<br>`), and images are checked themselves
    ("<p>a<br><span>b</span></p><hr><p><img src='i.png' alt='i'>c</p>",
     {("p",): (1,), ("p", "span"): (1, 2), ("p", "img"): (3, 1)}),
    # implied end tags: a list item closes the one before, a block closes the paragraph
    ("<ul><li>one<li><em>two</em></ul><p>x<div>block</div><dl><dt>t<dd><b>d</b></dl>",
     {("ul", "li"): (1, 1), ("ul", "li", "em"): (1, 2, 1), ("p",): (2,), ("div",): (3,),
      ("dl", "dt"): (4, 1), ("dl", "dd", "b"): (4, 2, 1)}),
    # scripts, styles and templates hold no text to check but count as siblings
    ("<script>var p = '<p>no</p>';</script><p>x</p><template><p>t</p></template>"
     "<style>p {}</style><span>y</span>", {("p",): (2,), ("span",): (5,)}),
    # a link is checked itself (axe's link-in-text-block), its own text too: with or
    # without more text than the link's in its block (text in links does not count)
    ("<p>Read <a href='a/'>this</a> now, then <a href='b/'>more</a></p>",
     {("p",): (1,), ("p", "a"): (1, 1), ("p", "a", True): (1, 1)}),
    ("<p>Read <em>this</em> <a href='a/'>links</a>: <a href='b/'>more</a></p>",
     {("p",): (1,), ("p", "em"): (1, 1), ("p", "a"): (1, 2), ("p", "a", False): (1, 2)}),
    ("<p>Read <em>all these</em> <a href='a/'>links</a>: <a href='b/'>more</a></p>",
     {("p",): (1,), ("p", "em"): (1, 1), ("p", "a"): (1, 2), ("p", "a", True): (1, 2)}),
    ("<ul><li><a href='a/'>a link <em>alone</em></a></li></ul><p><a name='x'>no href</a></p>",
     {("ul", "li", "a"): (1, 1, 1), ("ul", "li", "a", "em"): (1, 1, 1, 1),
      ("ul", "li", "a", False): (1, 1, 1), ("p", "a"): (2, 1)}),
    ("<div><span>x <a href='a/'>y</a></span></div>", {("div", "span"): (1, 1),
     ("div", "span", "a"): (1, 1, 1), ("div", "span", "a", False): (1, 1, 1)}),
    # tables: the browser puts rows outside a <thead>/<tbody> in a <tbody> of its own
    ("<table><tr><td>a<td><i>b</i></tr></table>",
     {("table", "tbody", "tr", "td"): (1, 1, 1, 1),
      ("table", "tbody", "tr", "td", "i"): (1, 1, 1, 2, 1)}),
    ("<table><thead><tr><th>h</th></tr></thead><tbody><tr><td>a<tr><td>b</tbody></table>",
     {("table", "thead", "tr", "th"): (1, 1, 1, 1), ("table", "tbody", "tr", "td"): (1, 2, 1, 1)}),
])
def test_signatures_record_where_their_first_element_is(body, paths):
    found = signatures(page(body), css_selectors(CSS))
    assert {tags(signature): path[3:] for signature, path in found.items()} == paths
    assert all(path[:3] == (1, 2, 1) for path in found.values())


@pytest.mark.parametrize(("path", "expected"), [
    ((1,), ":root"),
    ((1, 2), ":root > :nth-child(2)"),
    ((1, 2, 1, 10), ":root > :nth-child(2) > :nth-child(1) > :nth-child(10)"),
])
def test_selector(path, expected):
    assert selector(path) == expected


@pytest.mark.parametrize(("pages", "expected"), [
    # the page's elements in page order: selector, tag, the classes the signature ends with
    ({"a": page("<h2 class='z a'>h</h2><p>x <em>e</em></p>")},
     {"a": [(":root > :nth-child(2) > :nth-child(1) > :nth-child(1)", "h2", "a z"),
            (":root > :nth-child(2) > :nth-child(1) > :nth-child(2)", "p", ""),
            (":root > :nth-child(2) > :nth-child(1) > :nth-child(2) > :nth-child(1)", "em",
             "")]}),
    # the second page: only the element of the signature it adds
    ({"a": page("<p>x</p>"), "b": page("<p>x</p><p>y</p><p class='note'>z</p>")},
     {"b": [(":root > :nth-child(2) > :nth-child(1) > :nth-child(1)", "p", ""),
            (":root > :nth-child(2) > :nth-child(1) > :nth-child(3)", "p", "note")]}),
    ({"a": page("<p>x</p>"), "b": page("<h2>h</h2>")},
     {"a": [(":root > :nth-child(2) > :nth-child(1) > :nth-child(1)", "p", "")],
      "b": [(":root > :nth-child(2) > :nth-child(1) > :nth-child(1)", "h2", "")]}),
])
def test_targets(pages, expected):
    selectors = css_selectors(CSS)
    found = {name: signatures(html, selectors) for name, html in pages.items()}
    assert targets(found, cover(found)) == expected


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


VIOLATIONS = {"resultTypes": ["violations"]}
OFF = {rule: {"enabled": False} for rule in ("color-contrast", "link-in-text-block")}
ONLY = {"type": "rule", "values": ["color-contrast", "link-in-text-block"]}


@pytest.mark.parametrize(("include", "unresolved", "runs"), [
    # a page outside the cover: all but the rendering rules, over the whole page
    ([], [], [(None, {**VIOLATIONS, "rules": OFF})]),
    # a page of the cover: the rendering rules on its elements too
    (["#a", "#b"], [], [(None, {**VIOLATIONS, "rules": OFF}),
                        ({"include": ["#a", "#b"]}, {**VIOLATIONS, "runOnly": ONLY})]),
    # a selector that missed its element: every rule over the whole page
    (["#a", "#b"], ["#b"], [(None, VIOLATIONS)]),
])
def test_axe_runs(include, unresolved, runs):
    assert RENDERING_RULES == ("color-contrast", "link-in-text-block")
    assert axe_runs(include, unresolved) == runs


# Each page of the cover fetched and parsed by the browser (no script runs): the selectors
# that miss, by page.
_PARSED = ("async ([base, cover]) => { const unresolved = " + UNRESOLVED + """;
  const missed = {};
  for (const [path, targets] of Object.entries(cover)) {
    const html = await (await fetch(base + path)).text();
    const found = unresolved(new DOMParser().parseFromString(html, 'text/html'), targets);
    if (found.length) missed[path] = found;
  }
  return missed;
}""")


@pytest.mark.browser
def test_each_selector_of_the_cover_finds_its_element_on_the_real_site(
        style_cover, new_page, served_site):
    """The browser's parser puts every element the rendering rules check where style_cover.py's
    put it (implied <tbody>, paragraphs a block closes, …); else `visit` would run them over
    the whole page, silently slower. What scripts move is checked on each visit instead
    (`test_reading.test_no_axe_violation`)."""
    assert len(style_cover) > 1 and all(style_cover.values())
    page = new_page()
    page.goto(served_site + "404.html", wait_until="domcontentloaded")
    assert page.evaluate(_PARSED, [served_site, style_cover]) == {}


PALE = "color:#d8d8d8"


@pytest.mark.browser
def test_a_contrast_bug_outside_todays_cover_is_caught(real_site, page_signatures, new_page,
                                                       served_site, axe_url):
    """Pale text (a `style` on a paragraph, nothing else new) in a page that today's cover
    leaves out puts the page in the cover with the paragraph's elements to check, and axe,
    run there as `test_reading.visit` runs it (`run_axe`), reports the paragraph."""
    found = dict(page_signatures)
    path = next(p for p in PAGES if p not in cover(found))
    html = real_site.html(path)
    first = html.index("<p>", html.index("</h1>"))  # the article's first paragraph
    broken = html[:first] + f'<p style="{PALE}">' + html[first + len("<p>"):]
    found[path] = signatures(broken, site_selectors(real_site.site))
    checked = targets(found, cover(found))
    assert path in checked
    page = new_page()
    page.route(served_site + path, lambda route: route.fulfill(body=broken,
                                                               content_type="text/html"))
    # A page the test serves itself is outside the local network to Chromium, which then
    # refuses it axe's script from 127.0.0.1 (Private Network Access): served alike.
    page.route(axe_url, lambda route: route.fulfill(path=AXE_FILE_PATH,
                                                    content_type="text/javascript"))
    page.goto(served_site + path, wait_until="load")
    violations, unresolved = run_axe(page, axe_url, checked[path])
    assert unresolved == []
    assert [v["id"] for v in violations] == ["color-contrast"]
    assert PALE in violations[0]["nodes"][0]["html"]  # the paragraph (then what it holds)
