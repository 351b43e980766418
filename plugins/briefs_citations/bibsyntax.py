"""The syntax of a BibTeX file, before pybtex reads it: where each entry begins and ends.

Split out of `bibliography` so that each stays small. Everything here raises `BibError`
at the line where the problem starts: stray text, an entry or a `"…"` string never
closed, a key a citation cannot name. `@type{…}` and `@type(…)` are both accepted.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from briefs_citations.diagnostics import DiagnosticError
from briefs_citations.scan import KEY

_ENTRY_START = re.compile(r"@[ \t]*([A-Za-z]+)[ \t]*([{(])[ \t\n]*([^,\s{}]*)")
NON_ENTRY_TYPES = {"comment", "string", "preamble"}


class BibError(DiagnosticError):
    """A problem with the bibliography file that stops the build, located at `path:line`."""


@dataclass(frozen=True)
class Span:
    type: str
    key: str
    line: int
    source: str


def entry_spans(text: str, path: str) -> list[Span]:
    """Split the file into entries by brace matching; reject text outside them."""
    spans: list[Span] = []
    pos = 0
    pos_line = 1  # line of `pos`, counted on from the previous entry (not from 0: O(n²))
    while pos < len(text):
        at = _next_at(text, pos)
        between = text[pos : at if at >= 0 else len(text)]
        _check_between(between, pos_line, path)
        if at < 0:
            break
        line = pos_line + text.count("\n", pos, at)
        match = _ENTRY_START.match(text, at)
        if match is None:
            raise BibError(path, line, "'@' must be followed by an entry type and '{'")
        entry_type, opener, key = match.group(1).lower(), match.group(2), match.group(3)
        end = _closing(text, match.end(2), opener)
        if end < 0:
            what = f"entry '{key}'" if key else f"@{entry_type}"
            raise BibError(path, line, f"{what} is never closed (missing '{_CLOSE[opener]}')")
        if entry_type not in NON_ENTRY_TYPES:
            key = _checked_key(key, opener, entry_type, line, path)
            _check_strings(text, match.end(), end, line, path)
        spans.append(Span(entry_type, key, line, text[at:end]))
        pos, pos_line = end, line + text.count("\n", at, end)
    return spans


_CLOSE = {"{": "}", "(": ")"}


def _checked_key(key: str, opener: str, entry_type: str, line: int, path: str) -> str:
    if opener == "(" and key.endswith(")"):
        key = key[:-1]  # `@online(key)`: an entry without fields
    if not key:
        raise BibError(path, line, f"@{entry_type} entry has no key")
    if not KEY.fullmatch(key):
        bad = "".join(dict.fromkeys(c for c in key if not KEY.fullmatch(c)))
        raise BibError(path, line, f"key '{key}' has '{bad}', which a citation cannot name "
                       "(keys use letters, digits and : . - _ /)")
    return key


def _check_strings(text: str, start: int, end: int, line: int, path: str) -> None:
    """A `"…"` value must close inside its entry: name the line where it opens."""
    depth, pos = 0, start
    while pos < end:
        char = text[pos]
        if char == "{":
            depth += 1
        elif char == "}":
            depth -= 1
        elif char == '"' and depth == 0 and text[pos - 1] != "\\":
            close = pos + 1
            inner = 0
            while close < end and not (text[close] == '"' and inner == 0):
                inner += {"{": 1, "}": -1}.get(text[close], 0)
                close += 1
            if close >= end:
                opened = line + text.count("\n", start, pos)
                raise BibError(path, opened, "string opened with '\"' is never closed")
            pos = close
        pos += 1


def field_line(source: str, line: int, name: str) -> int:
    match = re.search(rf"(?:^|[,{{(])\s*({re.escape(name)})\s*=", source,
                      re.MULTILINE | re.IGNORECASE)
    return line + source.count("\n", 0, match.start(1)) if match else line


def _next_at(text: str, pos: int) -> int:
    """Offset of the next `@` that is not inside a `%` comment line, or -1."""
    while (at := text.find("@", pos)) >= 0:
        line_start = text.rfind("\n", 0, at) + 1
        if "%" not in text[line_start:at]:
            return at
        pos = at + 1
    return -1


def _closing(text: str, pos: int, opener: str) -> int:
    """Offset just past the delimiter closing the one before `pos`, or -1. In the
    `@type( … )` form only a `)` outside braces closes (`title = {f(x)}` does not)."""
    depth = 1 if opener == "{" else 0
    for i in range(pos, len(text)):
        char = text[i]
        if char == "{":
            depth += 1
        elif char == "}":
            depth -= 1
            if depth == 0 and opener == "{":
                return i + 1
        elif char == ")" and opener == "(" and depth == 0:
            return i + 1
    return -1


def _check_between(chunk: str, first_line: int, path: str) -> None:
    for offset, line in enumerate(chunk.split("\n")):
        stripped = line.strip()
        if stripped and not stripped.startswith("%"):
            raise BibError(
                path,
                first_line + offset,
                f"stray text outside an entry: '{stripped[:30]}' (comments start with '%')",
            )
