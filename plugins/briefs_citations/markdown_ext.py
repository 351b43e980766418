"""The citation core as a Python-Markdown extension: usable with or without MkDocs.

    md = markdown.Markdown(extensions=["footnotes", CitationExtension(
        formatter=ReferenceFormatter(bibliography.load("references.bib")))])
    ext.start_page(PageContext(lang="ja", source_path="x.ja.md"))
    html = md.convert(text)
    result = ext.finish_page()   # citations used, diagnostics with file:line

It runs as a preprocessor after `pymdownx.snippets` (so included text is resolved too)
and before fenced code is stashed, so that line numbers are the source's (`scan` skips
code itself). Each citation becomes footnote references
(`[^cite-1]`) and each footnote's body is stashed as ready HTML, so Markdown never
re-interprets text that came from the bibliography.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from markdown import Extension, Markdown
from markdown.preprocessors import Preprocessor

from briefs_citations import render
from briefs_citations.diagnostics import Diagnostic
from briefs_citations.formatter import ReferenceFormatter
from briefs_citations.numbering import Numbering
from briefs_citations.scan import Citation, scan

#: After snippets (32) and whitespace normalisation (30), before fenced code (25), whose
#: stashing folds a block into one line, and before raw HTML blocks are stashed (20).
PRIORITY = 28


@dataclass
class PageContext:
    lang: str
    source_path: str = "<text>"
    #: Lines before the Markdown body in the source file (front matter), for messages.
    line_offset: int = 0
    #: Link to the references page, relative to this page; "" for none.
    references_url: str = ""


@dataclass
class PageResult:
    keys: list[str] = field(default_factory=list)  # cited entries, canonical keys, in order
    diagnostics: list[Diagnostic] = field(default_factory=list)


class CitationExtension(Extension):
    def __init__(self, formatter: ReferenceFormatter, **kwargs) -> None:
        super().__init__(**kwargs)
        self.formatter = formatter
        self.context = PageContext(lang="en")
        self.result = PageResult()

    def start_page(self, context: PageContext) -> None:
        self.context, self.result = context, PageResult()

    def finish_page(self) -> PageResult:
        result, self.result = self.result, PageResult()
        return result

    def extendMarkdown(self, md: Markdown) -> None:  # noqa: N802 (Markdown's API)
        md.preprocessors.register(CitationPreprocessor(md, self), "citations", PRIORITY)


class CitationPreprocessor(Preprocessor):
    def __init__(self, md: Markdown, extension: CitationExtension) -> None:
        super().__init__(md)
        self.ext = extension

    def run(self, lines: list[str]) -> list[str]:
        text = "\n".join(lines)
        found = scan(text)
        context = self.ext.context
        for problem in found.problems:
            self._report(problem.line, f"{problem.message}; left as text")
        if not found.citations:
            return lines
        numbering = Numbering(text)
        out: list[str] = []
        pos = 0
        for citation in found.citations:
            out.append(text[pos : citation.start])
            out.append(self._markers(citation, text, numbering))
            pos = citation.end
        out.append(text[pos:])
        style = self.ext.formatter.style(context.lang)
        definitions = []
        for footnote in numbering.footnotes:
            entry = self.ext.formatter.bibliography.get(footnote.key)
            assert entry is not None  # only known keys get a footnote
            reference, _ = self.ext.formatter.format(entry, context.lang)
            body = render.footnote_body(
                style.with_prefix(footnote.prefix,
                                  style.with_locator(reference.html, footnote.locator)),
                entry.key, context.references_url, style.labels,
            )
            definitions.append(f"[^{footnote.label}]: {self.md.htmlStash.store(body)}")
        return ("".join(out) + "\n\n" + "\n\n".join(definitions) + "\n").split("\n")

    def _markers(self, citation: Citation, text: str, numbering: Numbering) -> str:
        """Footnote references for the known keys; unknown keys stay visible, marked."""
        bibliography = self.ext.formatter.bibliography
        labels = self.ext.formatter.style(self.ext.context.lang).labels
        pieces: list[str] = []
        unknown = []
        for item in citation.items:
            entry = bibliography.get(item.key)
            if entry is None:
                unknown.append(item.key)
                suggestion = bibliography.suggest(item.key)
                hint = f" (did you mean '{suggestion}'?)" if suggestion else ""
                self._report(citation.line, f"unknown citation key '{item.key}'{hint}")
                continue
            self._note_use(entry, citation.line)
            pieces.append(f"[^{numbering.label_for(item)}]")
        separator = self.md.htmlStash.store(render.marker_separator())
        markers = separator.join(pieces)
        if unknown:
            raw = text[citation.start : citation.end]
            markers += self.md.htmlStash.store(render.unresolved(raw, labels))
        return markers

    def _note_use(self, entry, line: int) -> None:
        result, context = self.ext.result, self.ext.context
        if entry.key not in result.keys:
            result.keys.append(entry.key)
        reference, fresh = self.ext.formatter.format(entry, context.lang)
        if fresh:  # an entry's problems are reported once per language, at the entry
            cited_at = f"{context.source_path}:{line + context.line_offset}"
            bibliography = self.ext.formatter.bibliography
            for problem in reference.problems:
                result.diagnostics.append(Diagnostic(
                    bibliography.path, entry.line, f"{problem} (cited at {cited_at})"))

    def _report(self, line: int, message: str) -> None:
        context = self.ext.context
        self.ext.result.diagnostics.append(
            Diagnostic(context.source_path, line + context.line_offset, message)
        )
