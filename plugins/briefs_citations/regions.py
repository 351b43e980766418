"""Where `[@key]` is not a citation: the parts of a Markdown page Markdown does not read.

Silent (the writer meant it): fenced and indented code, code spans, HTML comments,
autolinks (`<https://…>`, `<me@example.org>`). Reported, because a reader would lose the
citation: a raw HTML block (Markdown is not read inside it unless the block has a
`markdown` attribute, `md_in_html`) and an HTML tag's attribute value. Either way the
text is left exactly as written.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

_FENCE = re.compile(r"^[ \t]*(`{3,}|~{3,})")
_BACKTICKS = re.compile(r"`+")
_COMMENT = re.compile(r"<!--.*?(?:-->|\Z)", re.DOTALL)
_AUTOLINK = re.compile(r"<(?:[A-Za-z][A-Za-z0-9+.\-]{1,31}:[^\s<>]*|[^\s<>@]+@[^\s<>]+)>")
_TAG = re.compile(r"</?[A-Za-z][A-Za-z0-9\-]*(?:\s+[^<>]*?)?/?>", re.DOTALL)
_BLOCK_START = re.compile(r"^ {0,3}<([A-Za-z][A-Za-z0-9\-]*)(?=[\s/>])([^>]*)>?", re.MULTILINE)
#: Python-Markdown's block-level elements (its `md.block_level_elements`).
BLOCK_TAGS = frozenset({
    "address", "article", "aside", "blockquote", "details", "dialog", "dd", "div", "dl", "dt",
    "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6",
    "header", "hgroup", "hr", "main", "menu", "nav", "ol", "p", "pre", "section", "summary",
    "table", "tbody", "td", "tfoot", "th", "thead", "tr", "ul", "canvas", "iframe", "math",
    "noscript", "output", "progress", "script", "style", "video",
})
#: A line that opens a block whose indented lines are its content, not code.
_CONTAINER_FIRST = frozenset("-*+0123456789!?=[:")
_CONTAINER = re.compile(r"^(?:[-*+]\s|\d+[.)]\s|!!!|\?\?\?|===|\[\^[^\]]+\]:|:\s)")

RAW_HTML = ("citation inside a raw HTML block is not rendered (Markdown is not read there: "
            "move it out of the HTML, or give the block markdown=\"1\")")
IN_TAG = "citation inside an HTML tag is not rendered (move it out of the tag)"


@dataclass(frozen=True)
class Region:
    start: int
    end: int
    #: Why a citation here is lost to the reader, or "" when leaving it is intended.
    message: str = ""


class Regions:
    """The page's regions as sorted offsets; `at(pos)` finds the one holding `pos`."""

    def __init__(self, text: str) -> None:
        regions = _code(text)
        if "<" in text:
            regions += [Region(m.start(), m.end()) for m in _COMMENT.finditer(text)]
            regions += [Region(m.start(), m.end()) for m in _AUTOLINK.finditer(text)]
            regions += _raw_blocks(text)
            regions += [Region(m.start(), m.end(), IN_TAG) for m in _TAG.finditer(text)]
        # Outer regions first at one start; an inner one (a tag in a block) is then ignored.
        regions.sort(key=lambda r: (r.start, -r.end))
        kept: list[Region] = []
        for region in regions:
            if not kept or region.start >= kept[-1].end:
                kept.append(region)
        self._starts = [r.start for r in kept]
        self._regions = kept

    def at(self, pos: int) -> Region | None:
        index = bisect.bisect_right(self._starts, pos) - 1
        if index >= 0 and pos < self._regions[index].end:
            return self._regions[index]
        return None


def code_regions(text: str) -> list[tuple[int, int]]:
    """Code in `text` (fenced, indented, spans) as sorted (start, end) offsets: what the
    scanner leaves alone as code, and what the site's checks skip (checks/pages.py)."""
    return sorted((r.start, r.end) for r in _code(text))


def _code(text: str) -> list[Region]:
    """Fenced blocks, indented blocks (4 spaces after a blank line, counted from the
    content of the list item, admonition, tab or footnote the line is in) and code spans."""
    regions: list[Region] = []
    offset, fence, fence_start = 0, None, 0
    blank_before, content, in_code = True, 0, False
    for line in text.splitlines(keepends=True):
        stripped = line.lstrip()
        match = _FENCE.match(line) if stripped[:1] in ("`", "~") else None
        blank = not stripped.strip()
        indent = len(line) - len(stripped)
        if "\t" in line[:indent]:
            indent = len(line[:indent].expandtabs(4))
        if fence is None and match:
            fence, fence_start = match.group(1), offset
        elif fence is not None:
            if match and match.group(1).startswith(fence):
                regions.append(Region(fence_start, offset + len(line)))
                fence = None
        elif not blank and indent >= content + 4 and (blank_before or in_code):
            regions.append(Region(offset, offset + len(line)))
            in_code = True
        elif not blank:
            in_code = False
            if "`" in line:
                regions.extend(_code_spans(line, offset))
        if not blank and not in_code:
            if stripped[0] in _CONTAINER_FIRST and _CONTAINER.match(stripped):
                content = indent + 4
            elif indent == 0:
                content = 0
        blank_before = blank
        offset += len(line)
    if fence is not None:
        regions.append(Region(fence_start, len(text)))
    return regions


def _raw_blocks(text: str) -> list[Region]:
    """Block-level HTML without a `markdown` attribute, up to its matching closing tag
    (or the next blank line when it has none)."""
    regions = []
    for match in _BLOCK_START.finditer(text):
        name = match.group(1).lower()
        if name not in BLOCK_TAGS or re.search(r"\bmarkdown\s*=", match.group(2)):
            continue
        end = _closing_tag(text, name, match.end())
        regions.append(Region(match.start(), end, RAW_HTML))
    return regions


def _closing_tag(text: str, name: str, pos: int) -> int:
    depth = 1
    pattern = re.compile(rf"<(/?){name}(?=[\s/>])[^>]*>", re.IGNORECASE)
    for tag in pattern.finditer(text, pos):
        depth += -1 if tag.group(1) else 1
        if depth == 0:
            return tag.end()
    blank = text.find("\n\n", pos)
    return blank if blank >= 0 else len(text)


def _code_spans(line: str, offset: int) -> list[Region]:
    """Code spans on one line: a run of N backticks up to the next run of exactly N."""
    spans = []
    runs = list(_BACKTICKS.finditer(line))
    i = 0
    while i < len(runs):
        opener = runs[i]
        closer = next(
            (j for j in range(i + 1, len(runs)) if len(runs[j].group()) == len(opener.group())),
            None,
        )
        if closer is None:
            i += 1
            continue
        spans.append(Region(offset + opener.start(), offset + runs[closer].end()))
        i = closer + 1
    return spans
