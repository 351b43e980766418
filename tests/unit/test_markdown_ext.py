"""markdown_ext.CitationExtension with Python-Markdown's footnotes, as MkDocs configures it:
one extension per page, made with that page's context."""

from __future__ import annotations

import re

import markdown
import pytest

from briefs_citations.bibliography import parse
from briefs_citations.cite import CitedPage
from briefs_citations.diagnostics import Diagnostic
from briefs_citations.formatter import ReferenceFormatter
from briefs_citations.markdown_ext import CitationExtension

BIB = """\
@online{good, organization = {OpenAI}, title = {Good news}, date = {2024-04-14},
  url = {https://example.com/good}, langid = {english}}
@online{other, organization = {経済産業省}, organization_en = {METI}, title = {公募},
  title_en = {Call}, langid = {japanese}}
@govdoc{nodate, organization = {内閣府}, title = {対策}, title_en = {Measures},
  langid = {japanese}}
@online{evil, organization = {<b>Org</b>}, title = {**bold** <script>x</script> & _it_},
  langid = {english}}
@online{田邊2024, organization = {大和総研}, title = {報告}, title_en = {Report},
  langid = {japanese}}
"""

GOOD_EN = 'OpenAI. “<a href="https://example.com/good">Good news</a>.” 14 April 2024.'
OTHER_EN = "METI. “Call” [our translation of 公募] (in Japanese)."


def extension() -> ReferenceFormatter:
    """What pages share: the bibliography, formatted once per key and language."""
    return ReferenceFormatter(parse(BIB))


def convert(formatter: ReferenceFormatter, text: str, *, extra: tuple[str, ...] = (),
            **context) -> tuple[str, CitedPage]:
    """One page through a fresh Markdown instance and extension, as MkDocs does per page."""
    ext = CitationExtension(bibliography=formatter,
                            **{"lang": "en", "source_path": "docs/p.en.md", **context})
    md = markdown.Markdown(
        extensions=["footnotes", *extra, ext],
        extension_configs={"footnotes": {"USE_DEFINITION_ORDER": False}},
    )
    html = md.convert(text)
    return html, ext.result


def markers(html: str) -> list[int]:
    """The footnote numbers in the text, in reading order."""
    return [int(n) for n in re.findall(r'<a class="footnote-ref" href="#fn:[^"]+">(\d+)</a>', html)]


def bodies(html: str) -> list[str]:
    """The footnotes' contents, in the order of the footnote list."""
    return re.findall(
        r'<li id="fn:[^"]+">\s*<p>(.*?)&#160;<(?:a|span) [^>]*class="footnote-backref', html, re.S)


def citation(reference: str, key: str, url: str = "../references/") -> str:
    return (f'<span class="citation">{reference}</span> '
            f'<a class="citation-entry" href="{url}#{key}">in references</a>')


def test_citations_and_hand_written_footnotes_share_one_numbering() -> None:
    html, result = convert(
        extension(),
        "One[@good] two[^n] three[@other] four[@good].\n\n[^n]: Hand note.",
        references_url="../references/",
    )
    assert markers(html) == [1, 2, 3, 1]
    assert bodies(html) == [citation(GOOD_EN, "good"), "Hand note.", citation(OTHER_EN, "other")]
    assert result.keys == ("good", "other")
    assert result.diagnostics == ()


def test_a_footnote_defined_before_it_is_referenced_keeps_reading_order() -> None:
    html, _ = convert(extension(), "[^n]: Hand note.\n\nOne[@good] two[^n].")
    assert markers(html) == [1, 2]
    assert bodies(html) == [f'<span class="citation">{GOOD_EN}</span>', "Hand note."]


def test_case_variants_of_a_key_are_one_footnote() -> None:
    html, result = convert(extension(), "A[@Good] and B[@good] and C[@GOOD].")
    assert markers(html) == [1, 1, 1]
    assert len(bodies(html)) == 1
    assert result.keys == ("good",)


def test_one_source_at_two_locators_is_two_footnotes() -> None:
    html, _ = convert(extension(), "A[@good, p. 3] B[@good, p. 9] C[@good, p. 3].")
    assert markers(html) == [1, 2, 1]
    assert bodies(html) == [  # the first in full, the second a short note, both linked
        '<span class="citation">OpenAI. “<a href="https://example.com/good">Good news</a>.”'
        " 14 April 2024, p. 3.</span>",
        '<span class="citation"><a href="https://example.com/good">OpenAI (2024)</a>,'
        " p. 9.</span>",
    ]


def test_japanese_page_uses_the_japanese_style_and_locator() -> None:
    html, _ = convert(extension(), "本文[@other, p. 7]。", lang="ja", source_path="docs/p.ja.md")
    assert bodies(html) == ['<span class="citation">経済産業省ウェブサイト「公募」、p. 7</span>']


def test_several_sources_are_markers_with_a_separator() -> None:
    html, _ = convert(extension(), "See [@good; @other].")
    assert markers(html) == [1, 2]
    assert re.search(
        r'>1</a></sup><sup class="citation-separator">,</sup>\u2060<sup id="fnref[^"]*">'
        r'<a class="footnote-ref" href="#fn:[^"]+">2</a></sup>', html)


def test_key_with_japanese_letters_is_linked_percent_encoded() -> None:
    html, _ = convert(extension(), "See [@田邊2024].", references_url="../references/")
    assert bodies(html) == [citation('大和総研. “Report” [our translation of 報告] (in Japanese).',
                                     "%E7%94%B0%E9%82%8A2024")]


@pytest.mark.parametrize(
    ("text", "line_offset", "expected"),
    [
        ("Intro.\n\nSee [@goo] here.", 4, "docs/p.en.md:7: unknown citation key 'goo'"
         " (did you mean 'good'?)"),
        ("See [@zzzzzz].", 0, "docs/p.en.md:1: unknown citation key 'zzzzzz'"),
        ("A\nB [@good;\n@othr]", 2, "docs/p.en.md:4: unknown citation key 'othr'"
         " (did you mean 'other'?)"),
    ],
)
def test_unknown_key_is_a_located_diagnostic(text: str, line_offset: int, expected: str) -> None:
    _, result = convert(extension(), text, line_offset=line_offset)
    assert [str(d) for d in result.diagnostics] == [expected]


def test_unknown_key_stays_visible_and_marked() -> None:
    html, _ = convert(extension(), "See [@good; @nope, p. <b>&] and [@nope2].")
    assert markers(html) == [1]
    assert '<mark class="citation-unknown"' in html
    assert "[@good; @nope, p. &lt;b&gt;&amp;]</mark>" in html
    assert "[@nope2]</mark>" in html
    assert "<b>" not in html


def test_line_after_a_fenced_code_block() -> None:
    text = "```\none\ntwo\nthree\n```\n\nSee [@goo]."
    _, result = convert(extension(), text, extra=("fenced_code",))
    assert [str(d) for d in result.diagnostics] == [
        "docs/p.en.md:7: unknown citation key 'goo' (did you mean 'good'?)"
    ]


@pytest.mark.parametrize(
    ("text", "line"),
    [("See [@].", 1), ("a\n\nSee [@good", 3), ("See [@my key].", 1)],
)
def test_malformed_citation_is_a_diagnostic_and_stays_text(text: str, line: int) -> None:
    html, result = convert(extension(), text, line_offset=10)
    (diagnostic,) = result.diagnostics
    assert diagnostic.path == "docs/p.en.md"
    assert diagnostic.line == line + 10
    assert "[@" in html
    assert markers(html) == []


@pytest.mark.parametrize(
    ("text", "hand_label"),
    [
        ("A[^good] B[@good].\n\n[^good]: Mine.", "good"),
        ("A[^cite-1] B[@good].\n\n[^cite-1]: Mine.", "cite-1"),
    ],
)
def test_hand_written_footnote_is_not_clobbered(text: str, hand_label: str) -> None:
    html, _ = convert(extension(), text)
    assert markers(html) == [1, 2]
    assert bodies(html) == ["Mine.", f'<span class="citation">{GOOD_EN}</span>']
    assert f'<li id="fn:{hand_label}">' in html


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("Code `[@good]` here.", "<code>[@good]</code>"),
        ("Code ``[@good]`` here.", "<code>[@good]</code>"),
        ("```\n[@good]\n```", "<code>[@good]\n</code>"),
        ("~~~\n[@good]\n~~~", "<code>[@good]\n</code>"),
        (r"Escaped \[@good] here.", "Escaped [@good] here."),
        ("A link [@good](https://example.com/x).", '<a href="https://example.com/x">@good</a>'),
        ("[write to me@example.com]", "[write to me@example.com]"),
    ],
)
def test_text_in_code_and_non_citations_untouched(text: str, kept: str) -> None:
    html, result = convert(extension(), text, extra=("fenced_code",))
    assert kept in html
    assert markers(html) == []
    assert result.diagnostics == ()
    assert result.keys == ()


def test_fields_are_escaped_and_never_markdown() -> None:
    html, _ = convert(extension(), "See [@evil].")
    assert bodies(html) == [
        '<span class="citation">&lt;b&gt;Org&lt;/b&gt;. “**bold** &lt;script&gt;x&lt;/script&gt;'
        " &amp; _it_.”</span>"
    ]


def test_problems_of_an_entry_are_reported_once_per_language() -> None:
    ext = extension()
    _, first = convert(ext, "A[@nodate] B[@nodate, p. 2]\nC[@NoDate].")
    _, second = convert(ext, "Again [@nodate].", source_path="docs/q.en.md")
    _, japanese = convert(ext, "本文[@nodate]。", lang="ja", source_path="docs/q.ja.md")
    _, again = convert(ext, "本文[@nodate]。", lang="ja", source_path="docs/r.ja.md")
    for result in (first, japanese):
        (diagnostic,) = result.diagnostics
        assert isinstance(diagnostic, Diagnostic)
        assert str(diagnostic).startswith("references.bib:5: ")
        assert "'nodate'" in diagnostic.message and "'date'" in diagnostic.message
    assert second.diagnostics == ()
    assert again.diagnostics == ()
    assert second.keys == ("nodate",)


def test_pages_do_not_leak_into_each_other() -> None:
    ext = extension()
    convert(ext, "See [@goo].")
    html, result = convert(ext, "No citations here.")
    assert (result.notes, result.keys, result.diagnostics) == ((), (), ())
    assert html == "<p>No citations here.</p>"
