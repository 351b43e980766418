"""One footnote per source and locator on a page, and one numbering in reading order.

`Numbering` decides, while citations are replaced in the text, which citations share a
footnote (`[@a]` twice shares one; `[@a, p. 3]` and `[@a, p. 9]` get one each, so every
marker points at an exact place), which footnote is a source's first on the page (the
full reference; later ones are short notes), and labels that cannot clash with
hand-written `[^note]` footnotes.

`renumber` works on the finished element tree. Python-Markdown's footnotes extension
numbers markers in the order its inline processor visits them, which puts markers in
lists, admonitions, tables and other nested blocks after the paragraphs around them. So
the whole tree is walked once in document order after all block and inline processing:
markers are numbered as a reader meets them, the notes are put in that order, each
marker gets its own back-link (↩ a b c) and is glued to the word before it.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from xml.etree import ElementTree

from briefs_citations.scan import CitationItem

_HANDWRITTEN = re.compile(r"\[\^([^\]\s]+)\]")
#: U+2060 WORD JOINER: no line break between the cited word and its marker.
WORD_JOINER = "\u2060"


@dataclass(frozen=True)
class Footnote:
    label: str
    key: str  # as first written on the page
    locator: str
    prefix: str = ""  # the writer's words before the key (`see`), opening the note
    first: bool = True  # the source's first footnote on the page: the full reference


class Numbering:
    """Labels for one page; `label_for` returns the same label for the same source."""

    def __init__(self, page_text: str, prefix: str = "cite") -> None:
        taken = set(_HANDWRITTEN.findall(page_text))
        while any(label.startswith(f"{prefix}-") for label in taken):
            prefix += "_"  # a hand-written footnote already uses this prefix
        self.prefix = prefix
        self.footnotes: list[Footnote] = []
        self._labels: dict[tuple[str, str, str], str] = {}
        self._sources: set[str] = set()

    def label_for(self, item: CitationItem) -> str:
        source = item.key.casefold()
        identity = (source, item.locator, item.prefix)
        label = self._labels.get(identity)
        if label is None:
            label = f"{self.prefix}-{len(self.footnotes) + 1}"
            self._labels[identity] = label
            self.footnotes.append(Footnote(label, item.key, item.locator, item.prefix,
                                           source not in self._sources))
            self._sources.add(source)
        return label


# -- the element tree, after Python-Markdown's footnotes extension -------------------------

#: Letters of the back-links of a note with several markers (Wikipedia's ↩ a b c).
_LETTERS = "abcdefghijklmnopqrstuvwxyz"


def renumber(root: ElementTree.Element, title: Callable[[int, int], str], sign: str) -> None:
    """Number markers in document order and give each its own back-link.

    `title(position, total)` is a back-link's title in the page's language; `sign` is the
    text of the back-link sign (the footnotes extension's placeholder for ↩).
    """
    notes = _notes_list(root)
    if notes is None:
        return
    items = {li.get("id", ""): li for li in notes.findall("li")}
    markers: dict[str, list[ElementTree.Element]] = {}
    for parent in root.iter():
        for index, child in enumerate(parent):
            target = _marker_target(child)
            if target in items:
                markers.setdefault(target, []).append(child)
                _glue(parent, index)
    order = list(markers) + [note_id for note_id in items if note_id not in markers]
    for number, note_id in enumerate(order, start=1):
        for position, sup in enumerate(markers.get(note_id, []), start=1):
            sup.set("id", _marker_id(note_id, position))
            sup[0].text = str(number)
        _backlinks(items[note_id], note_id, len(markers.get(note_id, [])), title, sign)
    for li in list(notes):
        notes.remove(li)
    notes.extend(items[note_id] for note_id in order)


def _notes_list(root: ElementTree.Element) -> ElementTree.Element | None:
    for div in root.iter("div"):
        if div.get("class") == "footnote":
            return div.find("ol")
    return None


def _marker_target(element: ElementTree.Element) -> str | None:
    """The note id a footnote marker (`<sup><a class="footnote-ref">`) points at."""
    if element.tag != "sup" or len(element) != 1:
        return None
    link = element[0]
    if link.tag != "a" or link.get("class") != "footnote-ref":
        return None
    return link.get("href", "").removeprefix("#")


def _marker_id(note_id: str, position: int) -> str:
    """`fnref:x`, `fnref2:x`, … as Python-Markdown names them (note id `fn:x`)."""
    head, _, rest = note_id.partition(":")
    suffix = "" if position == 1 else str(position)
    return f"{head}ref{suffix}:{rest}"


def _glue(parent: ElementTree.Element, index: int) -> None:
    """No space between the cited text and the marker, and no line break either."""
    if index == 0:
        text = (parent.text or "").rstrip()
        if text:
            parent.text = text + WORD_JOINER
        return
    before = parent[index - 1]
    before.tail = (before.tail or "").rstrip() + WORD_JOINER


def _backlinks(li: ElementTree.Element, note_id: str, total: int,
               title: Callable[[int, int], str], sign: str) -> None:
    """One back-link per marker: ↩ for one, `↩ a b c` (the sign not a link) for several."""
    old = [(parent, a) for parent in li.iter() for a in parent
           if a.tag == "a" and a.get("class") == "footnote-backref"]
    if not old:
        return
    holder = old[0][0]
    for parent, link in old:
        parent.remove(link)
    if total <= 1:
        holder.append(_backlink(note_id, 1, title(1, 1), sign))
        return
    lead = ElementTree.SubElement(holder, "span",
                                  {"class": "footnote-backrefs", "aria-hidden": "true"})
    lead.text = sign
    for position in range(1, total + 1):
        letter = _LETTERS[position - 1] if position <= len(_LETTERS) else str(position)
        link = _backlink(note_id, position, title(position, total), letter)
        link.tail = None
        holder[-1].tail = " "
        holder.append(link)


def _backlink(note_id: str, position: int, title: str, text: str) -> ElementTree.Element:
    href = "#" + _marker_id(note_id, position)
    link = ElementTree.Element("a", {"class": "footnote-backref", "href": href,
                            "title": title, "aria-label": title})
    link.text = text
    return link
