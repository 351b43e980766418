"""One page of the site as a section of the edition: the article without the web's
furniture, its footnotes as page notes, its ids made unique and its links made internal.

Left out (they belong to the screen): tags, edit and PDF buttons, permalink signs, the
"how to cite" block, the closing list of related pages, CSV download links, BibTeX
blocks. Everything else of the article is printed.
"""

from __future__ import annotations

import posixpath
import xml.etree.ElementTree as ET
from urllib.parse import unquote, urlsplit

from hooks.pdf_link import page_key
from tools.pdf.notes import footnotes
from tools.pdf.tree import SVG_NS, classes, drop, find_class, parents, unwrap
from tools.pdf.words import Words

#: (tag, class) of the web-only parts, and the attribute that marks the related-pages list.
WEB_ONLY = (("nav", "md-tags"), ("a", "md-content__button"), ("a", "headerlink"),
            ("section", "cite-brief"), ("p", "table-download"), ("details", "reference-bibtex"))
RELATED = "data-pagefind-ignore"
_NO_UNITS = {"pre", "code", "script", "style"}
#: Print colours and type of the charts of hooks/charts.py, by class, as SVG presentation
#: attributes (WeasyPrint does not apply the document's CSS inside an inline SVG).
CHART_ATTRS = {
    "chart-label": {"font-size": "13", "fill": "#111"},
    "chart-value": {"font-size": "12", "font-weight": "bold", "fill": "#111"},
    "chart-tick": {"font-size": "11", "fill": "#444"},
    "chart-grid": {"stroke": "#cccccc", "stroke-width": "1"},
    "chart-bar": {"fill": "#4051b5"},
    "chart-bar--target": {"fill": "#ffffff", "stroke": "#4051b5", "stroke-width": "1.5",
                          "stroke-dasharray": "4 2"},
}
CHART_FONT = "Noto Sans CJK JP"


def article_of(root: ET.Element, where: str) -> ET.Element:
    for article in find_class(root, "article", "md-content__inner"):
        return article
    raise ValueError(f"{where}: no <article class=\"md-content__inner\">")


def _strip(article: ET.Element) -> None:
    up = parents(article)
    for tag, name in WEB_ONLY:
        for el in find_class(article, tag, name):
            if el in up:
                drop(up[el], el)
    for el in [el for el in article if el.get(RELATED) is not None]:
        drop(article, el)


def _chart_style(article: ET.Element) -> None:
    """Give every drawing its print colours and font, as attributes."""
    for svg in list(article.iter(SVG_NS + "svg")):
        for el in svg.iter():
            if el.tag == SVG_NS + "text":
                el.set("font-family", CHART_FONT)
            for name in classes(el):
                for key, value in CHART_ATTRS.get(name, {}).items():
                    el.set(key, value)


def _units(el: ET.Element, words: Words) -> None:
    if not isinstance(el.tag, str) or el.tag in _NO_UNITS or el.tag.startswith(SVG_NS):
        return
    if el.text:
        el.text = words.keep_units(el.text)
    for child in el:
        _units(child, words)
        if child.tail:
            child.tail = words.keep_units(child.tail)


def _link(href: str, page_url: str, key: str, edition: set[str]) -> str | None:
    """Where a link goes in the edition: an anchor inside it, the same http(s) address, or
    None (a page the edition does not print: the link is unwrapped, its text kept)."""
    parts = urlsplit(href)
    if parts.scheme in ("http", "https"):
        return href
    if parts.scheme or parts.netloc:
        return None
    if not parts.path:
        return f"#{key}--{unquote(parts.fragment)}" if parts.fragment else f"#{key}"
    target = posixpath.normpath(posixpath.join("/" + page_url, parts.path)).lstrip("/")
    target = target.removesuffix("index.html").rstrip("/") + "/"
    if target not in edition:
        return None
    other = page_key(target)
    return f"#{other}--{unquote(parts.fragment)}" if parts.fragment else f"#{other}"


def _ids_and_links(article: ET.Element, page_url: str, key: str, edition: set[str]) -> None:
    up = parents(article)
    for el in list(article.iter()):
        if el.get("id"):
            el.set("id", f"{key}--{el.get('id')}")
        if el.tag == "a" and el.get("href") is not None:
            target = _link(el.get("href") or "", page_url, key, edition)
            if target is None:
                unwrap(up[el], el)
            else:
                el.set("href", target)
        elif el.tag == "abbr":
            el.attrib.pop("title", None)  # shown on hover only; the glossary explains


def section(root: ET.Element, page_url: str, edition: set[str], words: Words,
            where: str) -> tuple[ET.Element, str, int]:
    """The page as `<section id=KEY>`, its title (the first heading) and its note count."""
    key = page_key(page_url)
    article = article_of(root, where)
    _strip(article)
    _units(article, words)
    _chart_style(article)
    count = footnotes(article, words, where)
    _ids_and_links(article, page_url, key, edition)
    h1 = article.find(".//h1")
    title = " ".join("".join(h1.itertext()).split()) if h1 is not None else page_url
    if h1 is not None:
        h1.set("class", "page-title")
    out = ET.Element("section", {"class": "page", "id": key})
    out.text = article.text
    out.extend(list(article))
    return out, title, count
