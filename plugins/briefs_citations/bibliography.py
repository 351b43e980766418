"""Load `references.bib` with pybtex, and check what pybtex lets through.

A pure parser in the manner of sphinxcontrib-bibtex: a problem that stops the build
raises `BibError` carrying the file and line; the host turns it into a message. On top
of pybtex this module rejects stray text between entries (comments start with `%`),
unclosed entries and strings (reported at the line that opens them), keys a citation
cannot name, NUL bytes and duplicate keys, including keys that differ only in case,
naming both lines. Line ends may be LF, CRLF or CR. What a field holds is checked by
`bibfields` (warnings in `Bibliography.diagnostics`, at the field's line).
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, field
from pathlib import Path

from pybtex.database import Entry as PybtexEntry
from pybtex.database.input.bibtex import Parser
from pybtex.exceptions import PybtexError

from briefs_citations import bibfields
from briefs_citations.bibsyntax import NON_ENTRY_TYPES, BibError, Span, entry_spans, field_line
from briefs_citations.diagnostics import Diagnostic

__all__ = ["PERSON_FIELDS", "BibError", "Bibliography", "Entry", "load", "parse"]

#: Fields read as lists of persons (`Family, Given and …`).
PERSON_FIELDS = ("author", "editor", "author_en", "editor_en")


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

    def line_of(self, name: str) -> int:
        """Line of field `name` in the file, or the entry's first line."""
        return field_line(self.source, self.line, name)

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
    #: Warnings about field values (dates, `%`, LaTeX, crossref), in file order.
    diagnostics: tuple[Diagnostic, ...] = ()

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
    text = text.replace("\r\n", "\n").replace("\r", "\n")  # CRLF and old Mac CR alike
    if "\x00" in text:
        raise BibError(path, text.count("\n", 0, text.index("\x00")) + 1,
                       "contains a NUL byte (the file is damaged or not text)")
    spans = entry_spans(text, path)
    keyed = [span for span in spans if span.type not in NON_ENTRY_TYPES]
    if not keyed:
        raise BibError(path, None, "no entries (the file is empty)")
    _check_duplicates(keyed, path)
    parser = Parser(person_fields=PERSON_FIELDS)
    try:
        data = parser.parse_string(_entries_only(spans))  # pybtex reads '@' in % comments
    except PybtexError as err:
        raise BibError(path, _error_line(err, keyed), _pybtex_message(err)) from None
    diagnostics: list[Diagnostic] = []
    entries = []
    for span in keyed:
        pybtex_entry = data.entries.get(span.key)
        if pybtex_entry is None:
            raise BibError(path, span.line, f"entry '{span.key}' cannot be read by pybtex")

        def report(name: str, message: str, hint: str, span: Span = span) -> None:
            line = field_line(span.source, span.line, name)
            diagnostics.append(Diagnostic(path, line, message, hint))

        bibfields.check_entry(span.key, pybtex_entry, report)
        entries.append(Entry(span.key, pybtex_entry.type.lower(), span.line, span.source,
                             pybtex_entry))
    bibfields.resolve_crossrefs(
        {entry.key: entry.data for entry in entries},
        lambda key, message: diagnostics.append(Diagnostic(
            path, next(e.line_of("crossref") for e in entries if e.key == key), message,
            "name the key of an entry in this file, or remove crossref")))
    return Bibliography(path, tuple(entries), tuple(sorted(diagnostics)))


def _check_duplicates(spans: list[Span], path: str) -> None:
    seen: dict[str, Span] = {}
    for span in spans:
        first = seen.setdefault(span.key.casefold(), span)
        if first is not span:
            same = "" if first.key == span.key else f" (keys are case-insensitive: '{first.key}')"
            raise BibError(
                path,
                span.line,
                f"duplicate key '{span.key}'{same}, first defined at line {first.line}",
            )


def _error_line(err: PybtexError, spans: list[Span]) -> int | None:
    lineno = getattr(err, "lineno", None)
    if lineno:
        return lineno
    message = str(err)
    for span in spans:  # pybtex's DuplicateField: "entry with key KEY has a duplicate …"
        if re.search(rf"\bkey {re.escape(span.key)} ", message):
            return span.line
    return None


def _entries_only(spans: list[Span]) -> str:
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
