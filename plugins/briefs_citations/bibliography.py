"""Load `references.bib` with pybtex, and check what pybtex lets through.

A pure parser in the manner of sphinxcontrib-bibtex: every problem raises `BibError`
carrying the file and line; the host turns it into a message. On top of pybtex this
module rejects stray text between entries (comments start with `%`), unclosed entries
(reported at the line that opens them) and duplicate keys, including keys that differ
only in case, naming both lines.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, field
from pathlib import Path

from pybtex.database import Entry as PybtexEntry
from pybtex.database.input.bibtex import Parser
from pybtex.exceptions import PybtexError

from briefs_citations.diagnostics import DiagnosticError

#: Fields read as lists of persons (`Family, Given and …`).
PERSON_FIELDS = ("author", "editor", "author_en", "editor_en")
_ENTRY_START = re.compile(r"@[ \t]*([A-Za-z]+)[ \t]*([{(])[ \t\r\n]*([^,\s})]*)")
_NON_ENTRY_TYPES = {"comment", "string", "preamble"}


class BibError(DiagnosticError):
    """A problem with the bibliography file that stops the build, located at `path:line`."""


@dataclass(frozen=True)
class Entry:
    """One bibliography entry: pybtex's data plus where it stands in the file."""

    key: str
    type: str
    line: int
    source: str
    data: PybtexEntry = field(compare=False, repr=False)

    def field(self, name: str) -> str:
        return self.data.fields.get(name, "")

    @property
    def report_notes(self) -> tuple[int, ...]:
        """Footnote numbers of the original report that cite this source."""
        return _numbers(self.field("reportnote"))

    @property
    def report_figures(self) -> tuple[int, ...]:
        """Figure numbers of the original report whose source this is."""
        return _numbers(self.field("reportfigure"))


@dataclass(frozen=True)
class Bibliography:
    path: str
    entries: tuple[Entry, ...]

    def __post_init__(self) -> None:
        object.__setattr__(self, "_by_key", {e.key.casefold(): e for e in self.entries})

    def get(self, key: str) -> Entry | None:
        """The entry for `key`, matched case-insensitively as BibTeX does."""
        return self._by_key.get(key.casefold())  # type: ignore[attr-defined]

    def suggest(self, key: str) -> str | None:
        """The closest existing key, for 'did you mean' messages."""
        keys = {e.key.casefold(): e.key for e in self.entries}
        folded = key.casefold()
        prefixed = sorted(k for k in keys if k.startswith(folded) or folded.startswith(k))
        close = prefixed or difflib.get_close_matches(folded, list(keys), n=1, cutoff=0.6)
        return keys[close[0]] if close else None


def load(path: str | Path, display_path: str | None = None) -> Bibliography:
    """Read and check a `.bib` file; raise `BibError` naming the file for any problem."""
    shown = display_path or str(path)
    try:
        raw = Path(path).read_bytes()
    except FileNotFoundError:
        raise BibError(shown, None, "file not found") from None
    except OSError as err:
        raise BibError(shown, None, f"cannot be read: {err.strerror}") from None
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as err:
        line = raw[: err.start].count(b"\n") + 1
        raise BibError(shown, line, "not valid UTF-8 (save the file as UTF-8)") from None
    return parse(text.removeprefix("\ufeff"), shown)


def parse(text: str, path: str = "references.bib") -> Bibliography:
    """Parse BibTeX `text`; `path` is only used in messages."""
    spans = _entry_spans(text, path)
    keyed = [span for span in spans if span.type not in _NON_ENTRY_TYPES]
    if not keyed:
        raise BibError(path, None, "no entries (the file is empty)")
    _check_duplicates(keyed, path)
    parser = Parser(person_fields=PERSON_FIELDS)
    try:
        data = parser.parse_string(_entries_only(spans))  # pybtex reads '@' in % comments
    except PybtexError as err:
        raise BibError(path, _error_line(err, keyed), _pybtex_message(err)) from None
    entries = []
    for span in keyed:
        pybtex_entry = data.entries[span.key]
        entries.append(Entry(span.key, pybtex_entry.type.lower(), span.line, span.source,
                             pybtex_entry))
    return Bibliography(path, tuple(entries))


@dataclass(frozen=True)
class _Span:
    type: str
    key: str
    line: int
    source: str


def _entry_spans(text: str, path: str) -> list[_Span]:
    """Split the file into entries by brace matching; reject text outside them."""
    spans: list[_Span] = []
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
        if entry_type not in _NON_ENTRY_TYPES and not key:
            raise BibError(path, line, f"@{entry_type} entry has no key")
        spans.append(_Span(entry_type, key, line, text[at:end]))
        pos, pos_line = end, line + text.count("\n", at, end)
    return spans


_CLOSE = {"{": "}", "(": ")"}


def _next_at(text: str, pos: int) -> int:
    """Offset of the next `@` that is not inside a `%` comment line, or -1."""
    while (at := text.find("@", pos)) >= 0:
        line_start = text.rfind("\n", 0, at) + 1
        if "%" not in text[line_start:at]:
            return at
        pos = at + 1
    return -1


def _closing(text: str, pos: int, opener: str) -> int:
    """Offset just past the delimiter closing the one before `pos`, or -1."""
    depth = 1
    closer = _CLOSE[opener]
    for i in range(pos, len(text)):
        char = text[i]
        if char == "{" or (char == opener and opener == "("):
            depth += 1
        elif char == "}" or (char == closer and opener == "("):
            depth -= 1
            if depth == 0:
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


def _check_duplicates(spans: list[_Span], path: str) -> None:
    seen: dict[str, _Span] = {}
    for span in spans:
        first = seen.setdefault(span.key.casefold(), span)
        if first is not span:
            same = "" if first.key == span.key else f" (keys are case-insensitive: '{first.key}')"
            raise BibError(
                path,
                span.line,
                f"duplicate key '{span.key}'{same}, first defined at line {first.line}",
            )


def _error_line(err: PybtexError, spans: list[_Span]) -> int | None:
    lineno = getattr(err, "lineno", None)
    if lineno:
        return lineno
    message = str(err)
    for span in spans:  # pybtex's DuplicateField: "entry with key KEY has a duplicate …"
        if re.search(rf"\bkey {re.escape(span.key)} ", message):
            return span.line
    return None


def _entries_only(spans: list[_Span]) -> str:
    """The entries alone, each at its own line, so pybtex never sees the comments."""
    parts, line = [], 1
    for span in spans:
        parts.append("\n" * (span.line - line) + span.source)
        line = span.line + span.source.count("\n")
    return "".join(parts)


def _pybtex_message(err: PybtexError) -> str:
    message = str(err)
    return re.sub(r"^syntax error in line \d+: ", "syntax error: ", message)


def _numbers(value: str) -> tuple[int, ...]:
    return tuple(int(part) for part in re.findall(r"\d+", value))
