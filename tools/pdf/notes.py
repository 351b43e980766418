"""Citations become page footnotes: every marker gets its own note, numbered per page in
reading order (by CSS, `float: footnote`), placed on the page of its marker.

Works on Python-Markdown's footnote markup, whatever the numbering on the web:
`<sup id="fnref…"><a class="footnote-ref" href="#fn:X">` in the text and
`<div class="footnote"><ol><li id="fn:X">` at the end. A source cited again on the same page
gets a short note pointing to its first one ("注 1 に同じ。" / "As note 1.").
"""

from __future__ import annotations

import copy
import xml.etree.ElementTree as ET

from tools.pdf.tree import drop, has_class, parents, replace
from tools.pdf.words import Words


class NoteError(ValueError):
    """A marker whose note is missing: the site's HTML is not what this module expects."""


def _bodies(div: ET.Element) -> dict[str, ET.Element]:
    ol = div.find("ol")
    return {li.get("id", ""): li for li in (ol if ol is not None else [])}


def _note_content(li: ET.Element) -> ET.Element:
    """The note's text as inline spans (a block inside a paragraph would end it)."""
    note = ET.Element("span", {"class": "fn"})
    body = copy.deepcopy(li)
    up = parents(body)
    back = ("footnote-backref", "footnote-backrefs")  # the links and their "↩" sign
    for el in [el for el in body.iter() if any(has_class(el, name) for name in back)]:
        drop(up[el], el)
    for index, block in enumerate(list(body)):
        if block.tag in ("p", "div"):
            block.tag = "span"
            block.set("class", "fn-par")
            if index:
                block.text = " " + (block.text or "")
        note.append(block)
    note.text = (body.text or "").strip()
    if len(note):
        last = note[-1]
        while len(last):
            last = last[-1]
        if last.tail:
            last.tail = last.tail.rstrip()
        elif last.text and not len(last):
            last.text = last.text.rstrip()
    return note


def _repeat(words: Words, first: int, target: str) -> ET.Element:
    note = ET.Element("span", {"class": "fn fn--repeat"})
    before, _, after = words.same_as.partition("{n}")
    note.text = before
    link = ET.SubElement(note, "a", {"href": f"#{target}"})
    link.text = str(first)
    link.tail = after
    return note


def footnotes(article: ET.Element, words: Words, where: str) -> int:
    """Turn every footnote marker of `article` into a page footnote; return how many."""
    divs = [div for div in article.iter("div") if has_class(div, "footnote")]
    bodies = {key: li for div in divs for key, li in _bodies(div).items()}
    in_notes = {el for div in divs for el in div.iter()}
    up = parents(article)
    first: dict[str, tuple[int, str]] = {}
    count = 0
    for sup in [s for s in article.iter("sup") if s not in in_notes]:
        ref = next((a for a in sup.iter("a") if has_class(a, "footnote-ref")), None)
        if ref is None:
            continue
        target = (ref.get("href") or "").partition("#")[2]
        if target not in bodies:
            raise NoteError(f"{where}: footnote marker {ref.get('href')!r} has no note")
        count += 1
        if target in first:
            note = _repeat(words, *first[target])
        else:
            note = _note_content(bodies[target])
            note_id = f"note-{count}"
            note.set("id", note_id)
            first[target] = (count, note_id)
        replace(up[sup], sup, note)
    for div in divs:
        drop(up[div], div)
    return count
