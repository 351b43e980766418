"""Small ElementTree helpers for HTML parsed by tinyhtml5 (WeasyPrint's own parser)."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path

import tinyhtml5

SVG_NS = "{http://www.w3.org/2000/svg}"


def parse(path: Path) -> ET.Element:
    return tinyhtml5.parse(path.read_bytes(), namespace_html_elements=False)


def parse_article(path: Path) -> ET.Element:
    """Only the page's `<article>`, inside a `<div>`: the rest of a built page (header,
    navigation, footer) is two thirds of its HTML and was most of the edition's own parsing
    time. The whole page if it has no `<article`."""
    page = path.read_text(encoding="utf-8")
    start, end = page.find("<article"), page.rfind("</article>")
    if start < 0 or end < start:
        return parse(path)
    return fragment(page[start:end + len("</article>")])


def fragment(html: str) -> ET.Element:
    """A `<div>` holding `html` parsed as HTML."""
    body = tinyhtml5.parse(f"<body><div>{html}</div>", namespace_html_elements=False)
    return body.find("body/div")


def classes(el: ET.Element) -> list[str]:
    return (el.get("class") or "").split()


def has_class(el: ET.Element, name: str) -> bool:
    return name in classes(el)


def find_class(root: ET.Element, tag: str, name: str) -> Iterator[ET.Element]:
    return (el for el in list(root.iter(tag)) if has_class(el, name))


def parents(root: ET.Element) -> dict[ET.Element, ET.Element]:
    return {child: parent for parent in root.iter() for child in parent}


def text_of(el: ET.Element) -> str:
    return " ".join("".join(el.itertext()).split())


def _keep_tail(parent: ET.Element, el: ET.Element, text: str | None) -> None:
    """Give `text` (what followed `el`) to the node before `el`."""
    if not text:
        return
    index = list(parent).index(el)
    if index:
        before = parent[index - 1]
        before.tail = (before.tail or "") + text
    else:
        parent.text = (parent.text or "") + text


def drop(parent: ET.Element, el: ET.Element) -> None:
    """Remove `el` but keep the text that followed it."""
    _keep_tail(parent, el, el.tail)
    parent.remove(el)


def unwrap(parent: ET.Element, el: ET.Element) -> None:
    """Replace `el` by its content."""
    index = list(parent).index(el)
    _keep_tail(parent, el, el.text)
    children = list(el)
    if children:
        children[-1].tail = (children[-1].tail or "") + (el.tail or "")
    else:
        _keep_tail(parent, el, el.tail)
    parent.remove(el)
    for offset, child in enumerate(children):
        parent.insert(index + offset, child)


def replace(parent: ET.Element, el: ET.Element, new: ET.Element) -> None:
    new.tail = el.tail
    parent[list(parent).index(el)] = new


def serialize(el: ET.Element) -> str:
    """HTML text of `el`, inline SVG without namespace prefixes."""
    for node in el.iter():
        if isinstance(node.tag, str) and node.tag.startswith(SVG_NS):
            if node.tag == SVG_NS + "svg":
                node.set("xmlns", "http://www.w3.org/2000/svg")
            node.tag = node.tag[len(SVG_NS):]
    return ET.tostring(el, encoding="unicode", method="html")
