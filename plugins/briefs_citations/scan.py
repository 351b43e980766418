"""Find pandoc-style citations (`[@key]`, `[@key, p. 3]`, `[@a; @b]`) in Markdown text.

Pure and host-neutral: it knows nothing of MkDocs or of the bibliography. Left alone:
code spans, fenced code blocks, escaped brackets (`\\[@key]`), links (`[@x](url)`) and
bracketed text that does not start with `@`. A citation may wrap onto the next line but
not across a blank line. Malformed citations (`[@]`, an unclosed `[@key`, a key with
spaces) are reported as problems and stay in the text.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

#: Citation key characters, as documented for this project: letters of any script,
#: digits and `: . - _ /` (`\w` covers letters, Japanese included, digits and `_`).
#: The bibliography loader refuses keys a citation could not name.
KEY = re.compile(r"[\w:./\-]+")
_FENCE = re.compile(r"^[ \t]*(`{3,}|~{3,})")
_BACKTICKS = re.compile(r"`+")


@dataclass(frozen=True)
class CitationItem:
    """One source inside a citation: `@key` and an optional locator such as `p. 7`."""

    key: str
    locator: str = ""


@dataclass(frozen=True)
class Citation:
    """A whole bracketed citation and where it stands in the text (1-based line)."""

    start: int
    end: int
    line: int
    items: tuple[CitationItem, ...]


@dataclass(frozen=True)
class ScanProblem:
    """Something that looked like a citation but is not well formed; it stays as text."""

    line: int
    message: str


@dataclass(frozen=True)
class ScanResult:
    citations: tuple[Citation, ...]
    problems: tuple[ScanProblem, ...]


class _MalformedError(Exception):
    pass


def scan(text: str) -> ScanResult:
    """Return every citation in `text` in order, and the malformed ones as problems."""
    citations: list[Citation] = []
    problems: list[ScanProblem] = []
    if "[" not in text or "@" not in text:
        return ScanResult((), ())
    skip = _CodeRegions(text)
    pos = 0
    while (start := text.find("[", pos)) >= 0:
        pos = start + 1
        if (region_end := skip.end_of_region_at(start)) is not None:
            pos = region_end
            continue
        if _escaped(text, start) or not text.startswith("@", _skip_space(text, start + 1)):
            continue
        line = text.count("\n", 0, start) + 1
        try:
            items, end = _parse_items(text, start + 1)
        except _MalformedError as err:
            problems.append(ScanProblem(line, str(err)))
            continue
        if text.startswith(("(", "["), end):
            continue  # `[@x](url)` or `[@x][ref]`: a link, not a citation
        citations.append(Citation(start, end, line, tuple(items)))
        pos = end
    return ScanResult(tuple(citations), tuple(problems))


def _parse_items(text: str, pos: int) -> tuple[list[CitationItem], int]:
    """Parse `@key[, locator]; @key…]` from `pos`; return the items and the end offset."""
    opening = pos - 1
    items: list[CitationItem] = []
    while True:
        pos = _skip_space(text, pos)
        if not text.startswith("@", pos):
            raise _MalformedError(f"expected '@key' after ';' in '{_snippet(text, opening)}'")
        match = KEY.match(text, pos + 1)
        key = match.group() if match else ""
        if not key:
            raise _MalformedError(f"empty citation key in '{_snippet(text, opening)}'")
        pos += 1 + len(key)
        after = _skip_space(text, pos)
        if after >= len(text) or text[after] not in ",;]":
            if after >= len(text) or "\n" in text[pos:after + 1]:
                raise _MalformedError(f"unclosed citation '{_snippet(text, opening)}'")
            if after > pos:
                raise _MalformedError(
                    f"citation key may not contain spaces: '{_snippet(text, opening)}'"
                )
            raise _MalformedError(f"unexpected '{text[after]}' after citation key '{key}'")
        locator = ""
        if text[after] == ",":
            end = _find_closer(text, after + 1)
            if end < 0:
                raise _MalformedError(f"unclosed citation '{_snippet(text, opening)}'")
            locator = " ".join(text[after + 1 : end].split())
            after = end
        items.append(CitationItem(key, locator))
        if text[after] == "]":
            return items, after + 1
        pos = after + 1  # past ';'


def _find_closer(text: str, pos: int) -> int:
    """Offset of the next `;` or `]` before a blank line, or -1."""
    for i in range(pos, len(text)):
        char = text[i]
        if char in ";]":
            return i
        if char == "\n" and text[i + 1 : i + 2] in ("\n", ""):
            return -1
    return -1


def _skip_space(text: str, pos: int) -> int:
    """Skip spaces, tabs and one line break that does not end the paragraph."""
    while pos < len(text):
        char = text[pos]
        if char in " \t" or (char == "\n" and text[pos + 1 : pos + 2] not in ("\n", "")):
            pos += 1
        else:
            break
    return pos


def _escaped(text: str, pos: int) -> bool:
    """True when the character at `pos` follows an odd number of backslashes."""
    count = 0
    while pos - count > 0 and text[pos - count - 1] == "\\":
        count += 1
    return count % 2 == 1


def _snippet(text: str, pos: int) -> str:
    """The citation as written, up to its `]` or the end of the line, for messages."""
    end = text.find("\n", pos)
    line = text[pos : end if end >= 0 else len(text)]
    closing = line.find("]")
    return (line[: closing + 1] if closing >= 0 else line)[:40]


class _CodeRegions:
    """Fenced code blocks and inline code spans, as sorted (start, end) offsets."""

    def __init__(self, text: str) -> None:
        regions: list[tuple[int, int]] = []
        offset = 0
        fence: str | None = None
        fence_start = 0
        for line in text.splitlines(keepends=True):
            match = _FENCE.match(line)
            if fence is None and match:
                fence, fence_start = match.group(1), offset
            elif fence is not None and match and match.group(1).startswith(fence):
                regions.append((fence_start, offset + len(line)))
                fence = None
            elif fence is None and "`" in line:
                regions.extend(_code_spans(line, offset))
            offset += len(line)
        if fence is not None:
            regions.append((fence_start, len(text)))
        regions.sort()
        self._starts = [start for start, _ in regions]
        self._regions = regions

    def end_of_region_at(self, pos: int) -> int | None:
        index = bisect.bisect_right(self._starts, pos) - 1
        if index >= 0 and pos < self._regions[index][1]:
            return self._regions[index][1]
        return None


def _code_spans(line: str, offset: int) -> list[tuple[int, int]]:
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
        spans.append((offset + opener.start(), offset + runs[closer].end()))
        i = closer + 1
    return spans
