"""The citation core as one pure call: a page's Markdown in, new Markdown and notes out.

    page = cite_page(text, lang="ja", bibliography=formatter, references_url="../references/")
    page.markdown      # `[@key]` replaced by footnote references and their definitions
    page.notes         # one `Note` per footnote, in order of first citation
    page.keys          # the entries cited, canonical keys, in order
    page.diagnostics   # `path:line: message` problems

Nothing is kept between calls except the formatter's cache of formatted references, so
any host can call it per page with that page's language and links. The footnotes' HTML
is passed through `protect`: a Python-Markdown host hands in its HTML stash so nothing
from the bibliography is read as Markdown; the default writes HTML that Markdown leaves
alone (Markdown's own punctuation as character references).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from briefs_citations import render
from briefs_citations.bibliography import Bibliography
from briefs_citations.diagnostics import Diagnostic
from briefs_citations.formatter import ReferenceFormatter
from briefs_citations.numbering import Numbering
from briefs_citations.scan import Citation, scan

#: Characters Markdown or its common extensions give a meaning to inside a line, written
#: as character references (in a tag's attributes too: Markdown's escapes, code spans and
#: links are matched before raw HTML).
_INERT_TAG = str.maketrans({char: f"&#{ord(char)};" for char in "\\`*_{}[]!|~^$"})
_INERT = str.maketrans({char: f"&#{ord(char)};" for char in "\\`*_{}[]!|~^$=:"})


def inert(html: str) -> str:
    """HTML that a Markdown processor passes through unchanged (tags stay tags)."""
    out, pos = [], 0
    while (start := html.find("<", pos)) >= 0:
        end = html.find(">", start)
        if end < 0:
            break
        out.append(html[pos:start].translate(_INERT))
        out.append(html[start : end + 1].translate(_INERT_TAG))
        pos = end + 1
    out.append(html[pos:].translate(_INERT))
    return "".join(out)


@dataclass(frozen=True)
class Note:
    """One footnote: a source at one locator, full on its first note, short after."""

    label: str
    key: str
    locator: str
    full: bool
    html: str


@dataclass(frozen=True)
class CitedPage:
    markdown: str
    notes: tuple[Note, ...] = ()
    keys: tuple[str, ...] = ()
    diagnostics: tuple[Diagnostic, ...] = ()


def cite_page(
    markdown: str,
    *,
    lang: str,
    bibliography: ReferenceFormatter | Bibliography,
    references_url: str = "",
    source_path: str = "<text>",
    line_offset: int = 0,
    protect: Callable[[str], str] = inert,
) -> CitedPage:
    """Replace the citations of one page; `line_offset` is the number of lines before
    `markdown` in the file (front matter), so diagnostics name the file's lines."""
    formatter = (bibliography if isinstance(bibliography, ReferenceFormatter)
                 else ReferenceFormatter(bibliography))
    page = _Page(formatter, lang, source_path, line_offset)
    found = scan(markdown)
    for problem in found.problems:
        page.report(problem.line, f"{problem.message}; left as text")
    if not found.citations:
        return CitedPage(markdown, diagnostics=tuple(page.diagnostics))
    numbering = Numbering(markdown)
    out: list[str] = []
    pos = 0
    for citation in found.citations:
        out.append(markdown[pos : citation.start])
        out.append(page.markers(citation, markdown, numbering, protect))
        pos = citation.end
    out.append(markdown[pos:])
    style = formatter.style(lang)
    notes = []
    for footnote in numbering.footnotes:
        entry = formatter.bibliography.get(footnote.key)
        assert entry is not None  # only known keys get a footnote
        if footnote.first:
            reference, _ = formatter.format(entry, lang)
            text = style.with_locator(reference.html, footnote.locator)
        else:
            text = formatter.short_note(entry, lang, footnote.locator)
        text = style.with_prefix(footnote.prefix, text)
        body = render.footnote_body(text, entry.key, references_url, style.labels)
        notes.append(Note(footnote.label, entry.key, footnote.locator, footnote.first, body))
    definitions = "\n\n".join(f"[^{note.label}]: {protect(note.html)}" for note in notes)
    return CitedPage("".join(out) + "\n\n" + definitions + "\n", tuple(notes),
                     tuple(page.keys), tuple(page.diagnostics))


class _Page:
    """What one call collects: keys in order of citation and diagnostics."""

    def __init__(self, formatter: ReferenceFormatter, lang: str, source_path: str,
                 line_offset: int) -> None:
        self.formatter, self.lang = formatter, lang
        self.source_path, self.line_offset = source_path, line_offset
        self.keys: list[str] = []
        self.diagnostics: list[Diagnostic] = []

    def markers(self, citation: Citation, text: str, numbering: Numbering,
                protect: Callable[[str], str]) -> str:
        """Footnote references for the known keys; unknown keys stay visible, marked."""
        bibliography = self.formatter.bibliography
        pieces: list[str] = []
        unknown = []
        for item in citation.items:
            entry = bibliography.get(item.key)
            if entry is None:
                unknown.append(item.key)
                suggestion = bibliography.suggest(item.key)
                hint = f" (did you mean '{suggestion}'?)" if suggestion else ""
                self.report(citation.line, f"unknown citation key '{item.key}'{hint}")
                continue
            self.note_use(entry, citation.line)
            pieces.append(f"[^{numbering.label_for(item)}]")
        markers = protect(render.marker_separator()).join(pieces)
        if unknown:
            labels = self.formatter.style(self.lang).labels
            markers += protect(render.unresolved(text[citation.start : citation.end], labels))
        return markers

    def note_use(self, entry, line: int) -> None:
        if entry.key not in self.keys:
            self.keys.append(entry.key)
        reference, fresh = self.formatter.format(entry, self.lang)
        if fresh:  # an entry's problems are reported once per language, at the entry
            cited_at = f"{self.source_path}:{line + self.line_offset}"
            path = self.formatter.bibliography.path
            for problem in reference.problems:
                self.diagnostics.append(Diagnostic(path, entry.line,
                                                   f"{problem} (cited at {cited_at})"))

    def report(self, line: int, message: str) -> None:
        self.diagnostics.append(Diagnostic(self.source_path, line + self.line_offset, message))
