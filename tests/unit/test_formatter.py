"""formatter.ReferenceFormatter: each (key, language) formatted once; the references order."""

from __future__ import annotations

import pytest

from briefs_citations.bibliography import parse
from briefs_citations.formatter import ReferenceFormatter
from briefs_citations.styles.base import ReferenceStyle

BIB = """\
@online{a, organization = {内閣府}, title = {A}, title_en = {A}, langid = {japanese}}
@online{b, organization = {内閣府}, title = {B}, title_en = {B}, langid = {japanese}}
"""


@pytest.fixture
def calls(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, str]]:
    """Every call of any style's `format`, as (style language, entry key)."""
    seen: list[tuple[str, str]] = []
    original = ReferenceStyle.format

    def spy(self: ReferenceStyle, entry):
        seen.append((self.lang, entry.key))
        return original(self, entry)

    monkeypatch.setattr(ReferenceStyle, "format", spy)
    return seen


def test_each_key_and_language_is_formatted_once(calls: list) -> None:
    bib = parse(BIB)
    formatter = ReferenceFormatter(bib)
    a, b = bib.get("a"), bib.get("b")
    results = [formatter.format(entry, lang) for entry, lang in
               [(a, "ja"), (a, "ja"), (a, "en"), (b, "ja"), (a, "en"), (b, "ja"), (a, "ja")]]
    assert calls == [("ja", "a"), ("en", "a"), ("ja", "b")]
    assert [fresh for _, fresh in results] == [True, False, True, True, False, False, False]
    assert results[0][0] is results[1][0]
    assert results[0][0].html == "内閣府ウェブサイト「A」"
    assert results[2][0].html == "内閣府. “A” [our translation of A] (in Japanese)."


def test_case_variants_of_a_key_are_one_entry(calls: list) -> None:
    bib = parse(BIB)
    formatter = ReferenceFormatter(bib)
    formatter.format(bib.get("A"), "ja")
    formatter.format(bib.get("a"), "ja")
    assert calls == [("ja", "a")]


def test_style_is_made_once_per_language() -> None:
    formatter = ReferenceFormatter(parse(BIB))
    assert formatter.style("ja") is formatter.style("ja")
    assert formatter.style("ja").lang == "ja"
    assert formatter.style("en").lang == "en"


ORDER_BIB = """\
@online{noteB,    title = {x}, reportnote = {11}}
@online{figOnly4, title = {x}, reportfigure = {4}}
@online{note2,    title = {x}, reportnote = {2, 20}}
@online{Zself,    title = {x}}
@online{figOnly1, title = {x}, reportfigure = {1}}
@online{noteA,    title = {x}, reportnote = {11}}
@online{both,     title = {x}, reportnote = {9, 10}, reportfigure = {3}}
@online{aself,    title = {x}}
@online{late,     title = {x}, reportnote = {20, 1}}
"""


def test_ordered_entries_as_documented() -> None:
    """Uncited entries first, then by first report footnote, then figure-only sources by
    figure number; ties by key, case-insensitively."""
    formatter = ReferenceFormatter(parse(ORDER_BIB))
    assert [e.key for e in formatter.ordered_entries()] == [
        "aself", "Zself",            # not cited by the report
        "late", "note2", "both",     # first footnote 1, 2, 9
        "noteA", "noteB",            # footnote 11, tie by key
        "figOnly1", "figOnly4",      # figures only
    ]


def test_problems_are_reported_again_in_each_build_without_formatting_again(calls: list) -> None:
    """`mkdocs serve`: the cache outlives a build, the reporting does not."""
    bib = parse(BIB)
    formatter = ReferenceFormatter(bib)
    a = bib.get("a")
    firsts = []
    for _ in range(3):
        formatter.begin_build()
        firsts += [formatter.format(a, "en")[1], formatter.format(a, "en")[1]]
    assert firsts == [True, False] * 3
    assert calls == [("en", "a")]


@pytest.mark.parametrize(
    ("fallback", "lang", "expected"),
    [("en", "fr", "en"), ("ja", "fr", "ja"), ("ja", "de-AT", "ja"), ("ja", "en", "en"),
     ("en", "ja", "ja")],
)
def test_fallback_language_for_a_language_without_a_style(fallback: str, lang: str,
                                                          expected: str) -> None:
    assert ReferenceFormatter(parse(BIB), fallback).style(lang).lang == expected
