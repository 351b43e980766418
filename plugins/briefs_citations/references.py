"""The references page as data: every entry in the page's order, with where it is cited.

Host-neutral: a host passes the pages that cited each key (title, link from the
references page, position in its navigation) and gets named rows and the problems of
entries formatted here for the first time; `render.references_list` writes the HTML.
"""

from __future__ import annotations

from dataclasses import dataclass

from briefs_citations.diagnostics import Diagnostic
from briefs_citations.formatter import ReferenceFormatter
from briefs_citations.styles import FormattedReference


@dataclass(frozen=True)
class CitingPage:
    """A page that cites an entry: its title, a link to it, its place in the navigation."""

    title: str
    href: str
    position: int


@dataclass(frozen=True)
class ReferenceRow:
    key: str
    reference: FormattedReference
    bibtex: str
    report_notes: tuple[int, ...]
    report_figures: tuple[int, ...]
    cited_on: tuple[CitingPage, ...]  # in the order a reader meets them
    cited_elsewhere: bool = False  # cited only by the other language's pages


def reference_rows(
    formatter: ReferenceFormatter, lang: str, citing: dict[str, list[CitingPage]],
    cited_in_site: frozenset[str] = frozenset(),
) -> tuple[list[ReferenceRow], list[Diagnostic]]:
    """Rows in the references page order; `citing` maps case-folded keys to this
    language's pages, `cited_in_site` holds the case-folded keys any page cites."""
    rows, diagnostics = [], []
    for entry in formatter.ordered_entries():
        reference, fresh = formatter.format(entry, lang)
        if fresh:
            diagnostics.extend(Diagnostic(formatter.bibliography.path, entry.line, problem)
                               for problem in reference.problems)
        pages = sorted(citing.get(entry.key.casefold(), []), key=lambda p: p.position)
        rows.append(ReferenceRow(entry.key, reference, entry.source, entry.report_notes,
                                 entry.report_figures, tuple(pages),
                                 entry.key.casefold() in cited_in_site))
    return rows, diagnostics
