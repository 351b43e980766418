"""One diagnostic type for the plugin, the hooks and the checks: one `path:line:` format."""

from __future__ import annotations

import pytest

from briefs_citations.bibliography import BibError
from briefs_citations.diagnostics import Diagnostic, DiagnosticError


@pytest.mark.parametrize(
    ("diagnostic", "text"),
    [
        (Diagnostic("docs/x.ja.md", 12, "unknown citation key 'a'"),
         "docs/x.ja.md:12: unknown citation key 'a'"),
        (Diagnostic("references.bib", 0, "no entries"), "references.bib: no entries"),
        (Diagnostic("references.bib", 3, "bad date", "write YYYY-MM-DD"),
         "references.bib:3: bad date — write YYYY-MM-DD"),
        (Diagnostic("docs/x.ja.md", 6, "stale", severity="note"), "docs/x.ja.md:6: note: stale"),
    ],
)
def test_one_format(diagnostic: Diagnostic, text: str) -> None:
    assert str(diagnostic) == text


def test_the_checks_and_the_bibliography_use_the_same_type() -> None:
    from checks import Problem

    assert Problem is Diagnostic
    error = BibError("references.bib", 4, "entry 'a' is never closed")
    assert isinstance(error, DiagnosticError)
    assert error.diagnostic == Diagnostic("references.bib", 4, "entry 'a' is never closed",
                                          severity="error")
    assert str(error) == "references.bib:4: entry 'a' is never closed"
    assert (error.path, error.line, error.message) == (
        "references.bib", 4, "entry 'a' is never closed")
