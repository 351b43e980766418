"""render: footnote bodies, unresolved citations and the references list, all escaped."""

from __future__ import annotations

import pytest

from briefs_citations import render
from briefs_citations.bibliography import parse
from briefs_citations.formatter import ReferenceFormatter
from briefs_citations.references import CitingPage, ReferenceRow, reference_rows
from briefs_citations.styles import FormattedReference, Labels

LABELS = Labels(
    see_entry="in <references>",
    report_notes=("report footnote {}", "report footnotes {}"),
    report_figures=("report figure {}", "report figures {}"),
    cited_on="Cited & used on: {}",
    not_cited="Not cited <anywhere>",
    bibtex="BibTeX",
    unknown_key='key "not" in the bibliography',
    back_to_text="Back",
    back_to_mention="Back to {}",
    no_date="n.d.",
)


@pytest.mark.parametrize(
    ("key", "url", "href"),
    [
        ("meti2023genaikobo", "../references/", "../references/#meti2023genaikobo"),
        ("a:b.c-d_e/f", "../../references/", "../../references/#a:b.c-d_e/f"),
        ("田邊2024", "references/", "references/#%E7%94%B0%E9%82%8A2024"),
        ('a&b"c<d', "r/", "r/#a%26b%22c%3Cd"),
        ("k", "r/?x=1&y=2", "r/?x=1&amp;y=2#k"),
    ],
)
def test_footnote_body_links_to_the_entry(key: str, url: str, href: str) -> None:
    body = render.footnote_body("<i>ref</i>", key, url, LABELS)
    assert body == (
        '<span class="citation"><i>ref</i></span> '
        f'<a class="citation-entry" href="{href}">in &lt;references&gt;</a>'
    )


def test_footnote_body_without_references_page() -> None:
    assert render.footnote_body("ref", "k", "", LABELS) == '<span class="citation">ref</span>'


@pytest.mark.parametrize(
    ("raw", "shown"),
    [
        ("[@nokey]", "[@nokey]"),
        ("[@a; @b, p. <3> & 4]", "[@a; @b, p. &lt;3&gt; &amp; 4]"),
    ],
)
def test_unresolved_citation_is_marked_and_escaped(raw: str, shown: str) -> None:
    assert render.unresolved(raw, LABELS) == (
        '<mark class="citation-unknown" title="key &quot;not&quot; in the bibliography">'
        f"{shown}</mark>"
    )


def reference(key: str, note: str = "") -> FormattedReference:
    return FormattedReference(key, f"<cite>{key}</cite>", note, ())


def test_references_list_full_entry() -> None:
    html = render.references_list(
        [ReferenceRow("Good", reference("Good", "a &amp; note"),
                      "@online{Good,\n  title = {<x> & y},\n}", (9, 10), (4,),
                      (CitingPage("Brief <2> & more", "../briefs/a/?x=1&y=2", 0),
                       CitingPage("Figure 4", "../figures/figure-4/", 1)))],
        LABELS,
    )
    assert html == (
        '<ol class="references"><li id="Good" class="reference">'
        '<p class="reference-text"><cite>Good</cite></p>'
        '<p class="reference-note">a &amp; note</p>'
        '<p class="reference-trace">report footnotes 9, 10 · report figure 4</p>'
        '<p class="reference-backlinks">Cited &amp; used on: '
        '<a href="../briefs/a/?x=1&amp;y=2">Brief &lt;2&gt; &amp; more</a>, '
        '<a href="../figures/figure-4/">Figure 4</a></p>'
        '<details class="reference-bibtex"><summary>BibTeX</summary>'
        "<pre><code>@online{Good,\n  title = {&lt;x&gt; &amp; y},\n}</code></pre></details>"
        "</li></ol>"
    )


@pytest.mark.parametrize(
    ("notes", "figures", "trace"),
    [
        ((3,), (), '<p class="reference-trace">report footnote 3</p>'),
        ((), (1, 2), '<p class="reference-trace">report figures 1, 2</p>'),
        ((), (), ""),
    ],
)
def test_references_list_trace(notes: tuple, figures: tuple, trace: str) -> None:
    html = render.references_list(
        [ReferenceRow("k", reference("k"), "@x", notes, figures, ())], LABELS)
    assert html == (
        '<ol class="references"><li id="k" class="reference">'
        '<p class="reference-text"><cite>k</cite></p>'
        f"{trace}"
        '<p class="reference-backlinks">Not cited &lt;anywhere&gt;</p>'
        '<details class="reference-bibtex"><summary>BibTeX</summary>'
        "<pre><code>@x</code></pre></details></li></ol>"
    )


def test_references_list_entry_ids_are_escaped_and_in_order() -> None:
    html = render.references_list(
        [ReferenceRow("b", reference("b"), "", (), (), ()),
         ReferenceRow('a"<', reference("a"), "", (), (), ())], LABELS
    )
    assert html.index('<li id="b"') < html.index('<li id="a&quot;&lt;"')


def test_marker_separator_is_a_visible_comma() -> None:
    assert render.marker_separator() == '<sup class="citation-separator">,</sup>'


@pytest.mark.parametrize(
    ("cited_in_site", "expected"),
    [(frozenset({"k"}), "Cited only in the other language"),
     (frozenset({"other"}), "Not cited &lt;anywhere&gt;"),
     (frozenset(), "Not cited &lt;anywhere&gt;")],
)
def test_references_row_of_a_key_cited_only_in_the_other_language(cited_in_site, expected):
    labels = Labels(**{**LABELS.__dict__, "cited_elsewhere": "Cited only in the other language"})
    formatter = ReferenceFormatter(parse(
        "@online{K, organization = {O}, title = {T}, langid = {english}}"))
    rows, _ = reference_rows(formatter, "en", {}, cited_in_site)
    html = render.references_list(rows, labels)
    assert f'<p class="reference-backlinks">{expected}</p>' in html
