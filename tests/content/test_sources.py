"""Issue 13: every brief's annotation adds context from sources the report does not cite.

A "context source" is a references.bib entry other than the report itself that the report
does not cite (no `reportnote`, no `reportfigure`): the annotators found and read it, and its
`note` says what was checked. Each brief's annotation box ("注釈者による補足" / "Annotator's
note") must cite at least two of them, in both languages. The dated "what happened next"
block is kept apart from the annotation and does not count.
"""

from __future__ import annotations

import re
import textwrap
from pathlib import Path

import pytest

from briefs_citations import bibliography
from briefs_citations.scan import scan

ROOT = Path(__file__).resolve().parents[2]
DOCS = ROOT / "docs"
BRIEFS = [f"briefs/{name}" for name in (
    "summary", "introduction", "section-2", "section-2-1", "section-2-2", "section-2-3",
    "section-3", "section-3-1", "section-3-2", "section-4", "section-4-1", "section-4-2",
)] + [f"figures/figure-{n}" for n in range(1, 7)]
ANNOTATION_TITLE = {"ja": "注釈者による補足", "en": "Annotator's note"}
NEXT_TITLE = {
    "ja": re.compile(r"その後の動き（\d{4} ?年(?: ?\d{1,2} ?月|末)?時点）"),
    "en": re.compile(r"What happened next \(as of (?:(?:January|February|March|April|May|June|"
                     r"July|August|September|October|November|December) |the end of )?\d{4}\)"),
}
MINIMUM = 2


def context_keys() -> set[str]:
    bib = bibliography.load(ROOT / "references.bib")
    return {e.key.casefold() for e in bib.entries
            if e.key != "tanabe2024" and not e.report_notes and not e.report_figures}


def admonition(body: str, title: str) -> str:
    """The body (dedented) of the first `!!! kind "title"` block, or ''."""
    match = re.search(rf'^!!! \w+ "{re.escape(title)}"\n((?:(?: {{4}}.*)?\n)*)', body, re.M)
    # dedented: on its own, a block indented 4 spaces would be Markdown code, which scan skips
    return textwrap.dedent(match.group(1)) if match else ""


def cited(text: str) -> set[str]:
    return {item.key.casefold() for c in scan(text).citations for item in c.items}


def context_cited(body: str, lang: str, context: set[str]) -> set[str]:
    return cited(admonition(body, ANNOTATION_TITLE[lang])) & context


def read(page: str, lang: str) -> str:
    return (DOCS / f"{page}.{lang}.md").read_text(encoding="utf-8")


def test_counting_ignores_the_report_its_own_sources_and_other_blocks():
    context = {"ctx-a", "ctx-b"}
    body = ('## Annotation\n\n!!! info "Annotator\'s note"\n'
            "    - Only the report [@tanabe2024, §1] and what it cites [@kanda2024].\n"
            "    - One outside source [@ctx-a].\n\n"
            '!!! note "What happened next (as of May 2025)"\n    - Later [@ctx-b].\n\n'
            "## Related\n")
    assert context_cited(body, "en", context) == {"ctx-a"}
    assert len(context_cited(body, "en", context)) < MINIMUM


@pytest.mark.parametrize("page", BRIEFS)
@pytest.mark.parametrize("lang", ["ja", "en"])
def test_annotation_adds_sourced_points_beyond_the_report(page, lang):
    found = context_cited(read(page, lang), lang, context_keys())
    assert len(found) >= MINIMUM, (
        f"docs/{page}.{lang}.md: the annotation cites {len(found)} source(s) beyond the report "
        f"({sorted(found)}); at least {MINIMUM} needed")


def test_every_context_source_says_what_was_checked_and_is_cited():
    bib = bibliography.load(ROOT / "references.bib")
    context = context_keys()
    everywhere = set()
    for path in DOCS.rglob("*.md"):
        everywhere |= cited(path.read_text(encoding="utf-8"))
    for entry in bib.entries:
        if entry.key.casefold() in context:
            assert "確認" in entry.field("note"), f"{entry.key}: note does not say what was checked"
            assert "Checked" in entry.field("note_en"), f"{entry.key}: note_en lacks 'Checked'"
            assert entry.key.casefold() in everywhere, f"{entry.key} is cited nowhere"


@pytest.mark.parametrize("page", BRIEFS)
def test_what_happened_next_is_dated_sourced_and_in_both_languages(page):
    blocks = {}
    for lang in ("ja", "en"):
        body = read(page, lang)
        titles = re.findall(r'^!!! \w+ "((?:その後の動き|What happened next)[^"]*)"', body, re.M)
        for title in titles:
            assert NEXT_TITLE[lang].fullmatch(title), f"{page}.{lang}.md: undated block {title!r}"
            assert cited(admonition(body, title)) & context_keys(), f"{page}.{lang}.md: unsourced"
        blocks[lang] = len(titles)
    assert blocks["ja"] == blocks["en"], f"{page}: what-happened-next in one language only"
