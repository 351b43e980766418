"""Which elements axe-core's rendering rules must see: one of each style of text the site
has, on the fewest pages that hold them all.

axe's `color-contrast` and `link-in-text-block` are most of its cost (about 0.6 of 0.75 s
of CPU a page) and their verdict on an element follows from the styles it gets: its own
and its ancestors' colours, backgrounds and font sizes. Two elements that every selector of
the site's CSS treats alike get the same styles, so the same verdict. A text's *signature*
is what those selectors can see of it, from <html> down: each element's tag, classes,
`style` and `lang` attributes (`:lang()` follows the nearest one), the attribute selectors
of the CSS it matches (`[href]`, `[data-md-color-scheme="default"]`, `[id^="fnref"]`), and
which elements that the CSS puts before a sibling combinator (`.footnote-backrefs ~`) come
before it among its siblings; a link (which `link-in-text-block` checks itself) also has a
signature of its own that says whether its block holds more text outside links than in
them (axe's "in a text block"). Then a greedy set cover picks pages until every signature of
the site is on one of them (`cover`), and gives each signature to the first page picked that
holds it: there axe checks the first element with that signature (`targets`: a selector
from the element's position, `:nth-child` by `:nth-child` from <html>), not the whole page,
after the browser has confirmed that each selector still finds an element of that tag and
those classes (else the whole page: `axe_runs`).

Not seen: the text itself (an element's signature records whether it has text of its own,
not which; a link's, roughly how much text its block has), `:first-child`-like
position (the site's CSS sets no colour or size by it but the tab labels'), scripts' changes
that depend on more than the element's markup, and layout (text over an image, one element
drawn over another): where these differ between two elements of one signature, only the
element checked has its verdict. A page whose markup brings a new class, inline style,
attribute or nesting has a new signature and is in the cover by that alone.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path

# axe rules whose verdict on an element follows from the styles it gets: about 0.6 of axe's
# 0.75 s of CPU a page of this site (color-contrast alone 0.45).
RENDERING_RULES = ("color-contrast", "link-in-text-block")
VOID = frozenset({"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta",
                  "param", "source", "track", "wbr"})
# the open elements that a start tag closes (HTML's implied end tags, the common ones): a
# paragraph ends where a block starts, as the browser's parser ends it
_CLOSES_P = ("address", "article", "aside", "blockquote", "details", "div", "dl", "fieldset",
             "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6",
             "header", "hr", "main", "menu", "nav", "ol", "p", "pre", "section", "table", "ul")
CLOSED_BY = {**{tag: {"p"} for tag in _CLOSES_P}, "li": {"li", "p"}, "dt": {"dt", "dd", "p"},
             "dd": {"dt", "dd", "p"}, "tr": {"tr", "td", "th"}, "td": {"td", "th"},
             "th": {"td", "th"}, "option": {"option"}}
# what the browser lays out as blocks: axe's `link-in-text-block` weighs a link's text against
# the rest of the text of the nearest one
BLOCKS = frozenset(_CLOSES_P) | {"body", "caption", "dd", "dt", "html", "li", "summary", "tbody",
                                 "td", "tfoot", "th", "thead", "tr"}
UNSEEN = frozenset({"head", "script", "style", "template", "noscript"})  # no text to check
_ATTRIBUTE = re.compile(r"""\[\s*([-\w]+)\s*(?:([~|^$*]?=)\s*("[^"]*"|'[^']*'|[^\]\s]+)"""
                        r"""\s*([iIsS])?)?\s*\]""")
_BEFORE_SIBLING = re.compile(r"([^\s>+~(),]+)\s*[+~](?!=)")


@dataclass(frozen=True)
class Selectors:
    """What the site's CSS can tell elements apart by, beyond tags and classes."""

    attributes: tuple[tuple[str, str, str | None, str | None, bool], ...]  # text, name, op…
    before_sibling: frozenset[tuple[str, frozenset[str]]]  # left of `+`/`~`: tag ("" any), classes


def css_selectors(css: str) -> Selectors:
    """The attribute selectors and sibling-combinator left sides of the stylesheets `css`."""
    css = re.sub(r"/\*.*?\*/", "", css, flags=re.S)
    preludes = [p for p in re.findall(r"(?:^|(?<=[{};]))([^{};]*)\{", css)
                if not p.strip().startswith("@")]
    attributes = {}
    for match in (m for p in preludes for m in _ATTRIBUTE.finditer(p)):
        name, op, value, flag = match.groups()
        if value and value[0] in "\"'":
            value = value[1:-1]
        attributes[match.group(0)] = (match.group(0), name.lower(), op, value,
                                      (flag or "").lower() == "i")
    compounds = set()
    for compound in (m.group(1) for p in preludes for m in _BEFORE_SIBLING.finditer(p)):
        compound = re.sub(r"\[[^\]]*\]|::?[-\w]+", " ", compound)  # matched or not: either
        tag = re.match(r"[a-z][-\w]*", compound)
        classes = frozenset(re.findall(r"\.([-\w]+)", compound))
        if tag or classes:
            compounds.add((tag.group(0) if tag else "", classes))
    return Selectors(tuple(attributes[k] for k in sorted(attributes)), frozenset(compounds))


def _matches(attrs: Mapping[str, str | None], selector) -> bool:
    _, name, op, value, insensitive = selector
    if name not in attrs:
        return False
    if op is None:
        return True
    have = attrs[name] or ""
    if insensitive:
        have, value = have.lower(), value.lower()
    return {"=": have == value, "~=": value in have.split(),
            "|=": have == value or have.startswith(value + "-"),
            "^=": bool(value) and have.startswith(value),
            "$=": bool(value) and have.endswith(value),
            "*=": bool(value) and value in have}[op]


class _Signatures(HTMLParser):
    """Collects the signature of every element with text of its own (and of every image and
    form field) in one page, with where the first element of each is (`found`)."""

    def __init__(self, selectors: Selectors) -> None:
        super().__init__(convert_charrefs=True)
        self.selectors = selectors
        self.chain: list[tuple] = []
        self.path: list[int] = []  # per open element: its place among its parent's elements
        self.before: list[frozenset] = [frozenset()]  # per open element: its children so far
        self.children: list[int] = [0]  # per open element: how many elements it holds so far
        self.unseen = 0
        self.found: dict[tuple, tuple[int, ...]] = {}  # signature → first element's path
        self.text: list[list] = []  # per open element: is a link, text outside links, in links
        self.links: list[tuple] = []  # open block's depth, chain, element, path of each link

    def _element(self, tag: str, attrs: list[tuple[str, str | None]]) -> tuple:
        values = dict(attrs)
        matched = tuple(s[0] for s in self.selectors.attributes if _matches(values, s))
        classes = " ".join(sorted((values.get("class") or "").split()))
        return (tag, classes, values.get("style"), values.get("lang"), matched,
                tuple(sorted((tag, tuple(sorted(need))) for tag, need in self.before[-1])))

    def _passed(self, element: tuple) -> None:
        """`element` is now an earlier sibling of what comes next in its parent."""
        classes = set(element[1].split())
        self.before[-1] = self.before[-1] | {
            (tag, need) for tag, need in self.selectors.before_sibling
            if tag in ("", element[0]) and need <= classes}

    def _child(self) -> int:
        """One more element in the open element: its place (what `:nth-child` counts)."""
        self.children[-1] += 1
        return self.children[-1]

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in UNSEEN and tag not in VOID:
            if not self.unseen:
                self._child()  # no text of its own, but a sibling all the same
            self.unseen += 1
        if self.unseen:
            return
        while self.chain and self.chain[-1][0] in CLOSED_BY.get(tag, ()):
            self.handle_endtag(self.chain[-1][0])
        if tag == "tr" and self.chain and self.chain[-1][0] == "table":
            self.handle_starttag("tbody", [])  # the browser's parser puts it there
        element, place = self._element(tag, attrs), self._child()
        if tag in VOID:
            if tag in ("img", "input"):
                self.found.setdefault((*self.chain, element), (*self.path, place))
            self._passed(element)
            return
        link = tag == "a" and any(name == "href" for name, _ in attrs)
        if link:  # its signature says whether it is in a text block: known when that closes
            block = max((i for i, e in enumerate(self.chain) if e[0] in BLOCKS), default=-1)
            self.links.append((block, tuple(self.chain), element, (*self.path, place)))
        self.chain.append(element)
        self.path.append(place)
        self.before.append(frozenset())
        self.children.append(0)
        self.text.append([link, 0, 0])

    def _links(self, depth: int) -> None:
        """The signatures of the links whose block closes with the element at `depth`: more
        text in the block outside links than in them, as axe's `link-in-text-block` counts."""
        for link in [link for link in self.links if link[0] >= depth]:
            block, chain, element, path = link
            _, outside, inside = self.text[block] if block >= 0 else (False, 0, 0)
            self.found.setdefault((*chain, (*element, outside > inside)), path)
            self.links.remove(link)

    def close(self) -> None:
        super().close()
        self._links(-1)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)
        if tag not in VOID and not self.unseen:
            self.handle_endtag(tag)

    def handle_endtag(self, tag: str) -> None:
        if tag in UNSEEN:
            self.unseen = max(0, self.unseen - 1)
            return
        if self.unseen or tag in VOID:
            return
        for depth in range(len(self.chain) - 1, -1, -1):  # close what the tag leaves open
            if self.chain[depth][0] == tag:
                element = self.chain[depth]
                self._links(depth)
                del self.chain[depth:], self.path[depth:], self.text[depth:]
                del self.before[depth + 1:], self.children[depth + 1:]
                self._passed(element)
                return

    def handle_data(self, data: str) -> None:
        if not self.unseen and data.strip() and self.chain:
            self.found.setdefault(tuple(self.chain), tuple(self.path))
            link = next((i for i, text in enumerate(self.text) if text[0]), len(self.text))
            for text in self.text[:link]:
                text[1 if link == len(self.text) else 2] += len(" ".join(data.split()))


def signatures(html: str, selectors: Selectors) -> dict[tuple, tuple[int, ...]]:
    """The style signatures of the text (and images, form fields) of one page, each with the
    path of its first element (`:nth-child` indices from <html>, <html> itself first)."""
    parser = _Signatures(selectors)
    parser.feed(html)
    parser.close()
    return parser.found


def site_selectors(site: Path) -> Selectors:
    """`css_selectors` of every stylesheet of the built site in `site`."""
    return css_selectors("".join(path.read_text(encoding="utf-8")
                                 for path in sorted(site.rglob("*.css"))))


def site_signatures(site: Path, pages: Iterable[str]) -> dict[str, dict[tuple, tuple[int, ...]]]:
    """The signatures of `pages` (URL paths: `""`, `"en/"`, `"404.html"`) of the built site."""
    selectors = site_selectors(site)
    files = {page: site / (page if page.endswith(".html") else page + "index.html")
             for page in pages}
    return {page: signatures(file.read_text(encoding="utf-8"), selectors)
            for page, file in files.items()}


def cover(pages: Mapping[str, Iterable[tuple]]) -> dict[str, frozenset[tuple]]:
    """The fewest pages (greedy: each time the one with most signatures not yet covered,
    the first in `pages`' order on a tie) that together hold every signature of `pages`, in
    the order picked, each with the signatures it is the first to hold: one page checks each."""
    held = {page: frozenset(found) for page, found in pages.items()}
    left = frozenset().union(*held.values())
    chosen: dict[str, frozenset[tuple]] = {}
    while left:
        best = max(held, key=lambda page: len(held[page] & left))
        chosen[best] = held[best] & left
        left -= held[best]
    return chosen


def selector(path: Iterable[int]) -> str:
    """A CSS selector for the one element at `path` (`signatures`), as axe's context takes it."""
    _, *below = path  # <html>, the document's only element
    return " > ".join([":root", *(f":nth-child({place})" for place in below)])


def targets(pages: Mapping[str, Mapping[tuple, tuple[int, ...]]],
            chosen: Mapping[str, Iterable[tuple]]) -> dict[str, list[tuple[str, str, str]]]:
    """For each page of the cover `chosen`: (selector, tag, classes) of the first element of
    each signature given to it, in page order; the tag and classes let the browser confirm
    that the selector found the element the signature was taken from."""
    return {page: [(selector(pages[page][signature]), signature[-1][0], signature[-1][1])
                   for signature in sorted(given, key=pages[page].__getitem__)]
            for page, given in chosen.items()}


def axe_runs(targets: Iterable[str], unresolved: Iterable[str]) -> list[tuple[dict | None, dict]]:
    """axe-core's (context, options) runs for a page: all rules but `RENDERING_RULES` over the
    whole page, and those on the `targets` (selectors) of the page; if any of them does not
    find its element (`unresolved`: a script moved it, the browser parsed the page otherwise),
    every rule over the whole page instead."""
    include, whole = list(targets), {"resultTypes": ["violations"]}
    if list(unresolved):
        return [(None, whole)]
    runs = [(None, {**whole, "rules": {rule: {"enabled": False} for rule in RENDERING_RULES}})]
    if include:
        runs.append(({"include": include},
                     {**whole, "runOnly": {"type": "rule", "values": list(RENDERING_RULES)}}))
    return runs
