"""The one canonical layout of references.bib, and a rewrite into it that changes no data.

Canonical: `@type{key,` in lower case; one field per line, indented two spaces, names
padded so the `=` signs of an entry line up, values in braces, a comma after every
field; fields in `FIELD_ORDER` (unknown fields after, in their original order); `}` on
its own line; one blank line between entries; comment lines kept where they stand. A
rewrite is only accepted when pybtex reads the same data from it as from the original.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass

from briefs_citations import bibliography
from checks import FIX as FORMAT
from checks import Problem

#: Who, what, when, then notes, address, language and the report's own cross-references.
FIELD_ORDER = (
    "author", "author_en", "editor", "editor_en",
    "organization", "organization_en", "institution", "institution_en",
    "title", "title_en", "title_en_official", "subtitle", "subtitle_en",
    "booktitle", "booktitle_en", "booktitle_en_official",
    "date", "year", "pages", "pagetotal",
    "note", "note_en", "url", "url_en", "langid",
    "reportnote", "reportfigure",
)
_HEAD = re.compile(r"@\s*([A-Za-z]+)\s*([{(])\s*([^,\s})]*)\s*(,?)")
_NAME = re.compile(r"\s*([A-Za-z][\w:.+\-]*)\s*=\s*")


class FormatError(Exception):
    """The file cannot be put into canonical form safely (it is left untouched)."""

    def __init__(self, line: int, message: str) -> None:
        super().__init__(message)
        self.line, self.message = line, message


@dataclass(frozen=True)
class _Chunk:
    line: int  # first line in the original file
    last: int  # last line in the original file
    key: str  # "" for comments and blank lines between entries
    canonical: str


def canonical(text: str, path: str = "references.bib") -> str:
    """`text` rewritten into the canonical layout; raises BibError or FormatError."""
    result = _join(_chunks(text, path))
    _same_data(text, result, path)
    return result


def problems(text: str, path: str = "references.bib") -> list[Problem]:
    """One problem per entry whose layout differs from the canonical, else the first line."""
    try:
        chunks = _chunks(text, path)
    except FormatError as err:
        return [Problem(path, err.line, err.message, "fix the entry by hand")]
    wanted = _join(chunks)
    if text == wanted:
        return []
    lines = text.split("\n")
    found = []
    for chunk in chunks:
        original = "\n".join(lines[chunk.line - 1 : chunk.last])
        if chunk.key and original != chunk.canonical.rstrip("\n"):
            found.append(_difference(path, chunk, original, chunk.canonical.rstrip("\n")))
    if not found:
        line = _first_difference(text.split("\n"), wanted.split("\n"))[0] + 1
        found.append(Problem(path, line, "blank lines or comments between entries are not "
                             "in the canonical layout",
                             f"leave one blank line between entries; run {FORMAT}"))
    return found


def _join(chunks: list[_Chunk]) -> str:
    return "".join(chunk.canonical for chunk in chunks).rstrip("\n") + "\n"


def _first_difference(old: list[str], new: list[str]) -> tuple[int, str]:
    """Index in `old` of the first line that differs, and the line expected there."""
    matcher = difflib.SequenceMatcher(a=old, b=new, autojunk=False)
    _, i1, _, j1, _ = next(op for op in matcher.get_opcodes() if op[0] != "equal")
    return min(i1, len(old) - 1), new[j1] if j1 < len(new) else ""


def _difference(path: str, chunk: _Chunk, original: str, wanted: str) -> Problem:
    lines = original.split("\n")
    index, expected = _first_difference(lines, wanted.split("\n"))
    if lines[index] != lines[index].rstrip() and lines[index].rstrip() == expected.rstrip():
        return Problem(path, chunk.line + index, "line ends in spaces or tabs (trailing "
                       "whitespace)", f"delete them, or run {FORMAT}")
    shown = expected if len(expected) <= 70 else expected[:67] + "..."
    return Problem(path, chunk.line + index,
                   f"entry '{chunk.key}' is not in the canonical layout (field order, "
                   f"indentation, alignment); expected here: '{shown}'",
                   f"run {FORMAT}")


def _chunks(text: str, path: str) -> list[_Chunk]:
    bib = bibliography.parse(text, path)
    chunks: list[_Chunk] = []
    offset = 0
    for entry in bib.entries:
        start = text.index(entry.source, offset)
        chunks += _gap(text[offset:start], text.count("\n", 0, offset) + 1)
        end = start + len(entry.source)
        last = text.count("\n", 0, end) + 1
        chunks.append(_Chunk(entry.line, last, entry.key, _entry(entry.source, entry.line)))
        offset = end
    chunks += _gap(text[offset:], text.count("\n", 0, offset) + 1)
    return chunks


def _gap(gap: str, first_line: int) -> list[_Chunk]:
    """Comment lines between entries: kept, trailing spaces dropped, blank runs collapsed."""
    stripped = gap.strip()
    if not stripped:
        return []
    lines = [line.rstrip() for line in stripped.split("\n")]
    body = re.sub(r"\n{3,}", "\n\n", "\n".join(lines)) + "\n"
    blank_after = gap[gap.rindex(stripped[-1]) :].count("\n") >= 2
    return [_Chunk(first_line, first_line + gap.count("\n"), "",
                   body + ("\n" if blank_after else ""))]


def _entry(source: str, line: int) -> str:
    head = _HEAD.match(source)
    if head is None:
        raise FormatError(line, "entry does not start with '@type{key,'")
    kind, key = head.group(1).lower(), head.group(3)
    fields = _fields(source, head.end(), line)
    order = {name: index for index, name in enumerate(FIELD_ORDER)}
    fields.sort(key=lambda item: order.get(item[0], len(order)))  # stable: unknowns keep order
    width = max((len(name) for name, _ in fields), default=0)
    body = "".join(f"  {name.ljust(width)} = {value},\n" for name, value in fields)
    return f"@{kind}{{{key},\n{body}}}\n\n"  # the blank line separates entries


def _fields(source: str, pos: int, line: int) -> list[tuple[str, str]]:
    """(lower-case name, value in braces) for each field of the entry's raw text."""
    end = len(source) - 1  # the closing delimiter
    fields: list[tuple[str, str]] = []
    while True:
        while pos < end and (source[pos].isspace() or source[pos] == ","):
            pos += 1
        if pos >= end:
            return fields
        match = _NAME.match(source, pos)
        if match is None:
            where = line + source.count("\n", 0, pos)
            raise FormatError(where, f"expected 'name = {{value}}', found '{source[pos:pos + 20]}'")
        pos = match.end()
        start = pos
        pos = _value_end(source, pos, end, line)
        fields.append((match.group(1).lower(), _braced(source[start:pos].strip())))


def _value_end(source: str, pos: int, end: int, line: int) -> int:
    """Offset just past a value: `{…}`, `"…"` or a bare word, joined by `#`."""
    while True:
        if source[pos] in "{\"":
            closer, depth, pos = ("}" if source[pos] == "{" else '"'), 0, pos + 1
            while pos < end and not (source[pos] == closer and depth == 0):
                depth += {"{": 1, "}": -1}.get(source[pos], 0)
                pos += 1
            if pos >= end:
                raise FormatError(line, "a field value is never closed")
            pos += 1
        else:
            while pos < end and not (source[pos].isspace() or source[pos] in ",#"):
                pos += 1
        while pos < end and source[pos].isspace():
            pos += 1
        if pos < end and source[pos] == "#":
            pos += 1
            while pos < end and source[pos].isspace():
                pos += 1
            continue
        return pos


def _braced(value: str) -> str:
    """Numbers and quoted strings in braces; macros and concatenations as written."""
    if value.isdigit():
        return f"{{{value}}}"
    if value.startswith('"') and value.endswith('"') and "#" not in value:
        return f"{{{value[1:-1]}}}"
    return value


def _same_data(before: str, after: str, path: str) -> None:
    """Refuse a rewrite that pybtex would read differently."""
    old, new = bibliography.parse(before, path), bibliography.parse(after, path)
    if [_data(e) for e in old.entries] != [_data(e) for e in new.entries]:
        raise FormatError(1, "the canonical layout would change the data; file left as is")


def _data(entry: bibliography.Entry) -> tuple:
    fields = sorted((name.lower(), value) for name, value in entry.data.fields.items())
    persons = sorted((role.lower(), tuple(str(p) for p in people))
                     for role, people in entry.data.persons.items())
    return entry.key, entry.type, tuple(fields), tuple(persons)
