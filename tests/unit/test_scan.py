"""scan.scan: which bracketed text is a citation, what it contains, and what is malformed."""

from __future__ import annotations

import pytest

from briefs_citations.scan import CitationItem, scan


def items(text: str) -> list[list[tuple[str, str]]]:
    """Every citation in `text` as a list of (key, locator) pairs."""
    return [[(i.key, i.locator) for i in c.items] for c in scan(text).citations]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("See [@key].", [[("key", "")]]),
        ("See [@key, pp. 30–41].", [[("key", "pp. 30–41")]]),
        ("See [@key, p. 7] and [@other].", [[("key", "p. 7")], [("other", "")]]),
        ("See [@a; @b].", [[("a", ""), ("b", "")]]),
        ("See [@a, p. 1; @b, ch. 2].", [[("a", "p. 1"), ("b", "ch. 2")]]),
        ("See [ @a ;  @b ].", [[("a", ""), ("b", "")]]),
        # BibTeX's key characters: letters (Japanese too), digits, : . - _ /
        ("[@田邊2024]", [[("田邊2024", "")]]),
        ("[@meti2024post5g-feb]", [[("meti2024post5g-feb", "")]]),
        ("[@a:b.c-d_e/f9]", [[("a:b.c-d_e/f9", "")]]),
        ("[@ＡＢＣ_経済産業省]", [[("ＡＢＣ_経済産業省", "")]]),
        # two citations on one line, text around them kept apart
        ("x[@a]y[@b]z", [[("a", "")], [("b", "")]]),
    ],
)
def test_citations_and_their_items(text: str, expected: list) -> None:
    assert items(text) == expected
    assert scan(text).problems == ()


def test_citation_offsets_cover_the_brackets() -> None:
    text = "Before [@a, p. 3] after"
    (citation,) = scan(text).citations
    assert text[citation.start : citation.end] == "[@a, p. 3]"
    assert citation.items == (CitationItem("a", "p. 3"),)


@pytest.mark.parametrize(
    "text",
    [
        "Inline `[@x]` code.",
        "Double ``[@x]`` backticks.",
        "Double `` a ` [@x] `` with a backtick inside.",
        "```\n[@x]\n```",
        "~~~\n[@x]\n~~~",
        "```python\nprint('[@x]')\n```",
        "~~~~\n```\n[@x]\n~~~~",  # a shorter or other fence does not close it
        "    ```\n    [@x]\n    ```",  # an indented fence (in a list item)
        "```\n[@x]\n",  # an unclosed fence runs to the end
        r"Escaped \[@key] bracket.",
        "[write to me@example.com]",
        "A link [@x](https://example.com).",
        "A reference link [@x][ref].",
        "No brackets @x at all.",
        "",
    ],
)
def test_left_alone(text: str) -> None:
    result = scan(text)
    assert result.citations == ()
    assert result.problems == ()


def test_code_does_not_hide_what_follows() -> None:
    text = "`[@x]` then [@y]\n```\n[@z]\n```\n[@w] and ``[@v]``"
    assert items(text) == [[("y", "")], [("w", "")]]


def test_an_escaped_backslash_does_not_escape_the_bracket() -> None:
    assert items(r"\\[@key]") == [[("key", "")]]


@pytest.mark.parametrize(
    ("text", "line", "words"),
    [
        ("See [@].", 1, "empty"),
        ("See [@ ].", 1, "empty"),
        ("one\nSee [@key\nno end here", 2, "unclosed"),
        ("See [@key", 1, "unclosed"),
        ("See [@key, p. 3\n\nnext paragraph]", 1, "unclosed"),
        ("See [@my key].", 1, "spaces"),
        ("a\nb\nSee [@a; b].", 3, "@key"),
    ],
)
def test_malformed_citations_are_reported_and_left(text: str, line: int, words: str) -> None:
    result = scan(text)
    assert result.citations == ()
    (problem,) = result.problems
    assert problem.line == line
    assert words in problem.message


def test_a_problem_does_not_hide_a_later_citation() -> None:
    result = scan("bad [@] then [@good]")
    assert [c.items for c in result.citations] == [(CitationItem("good"),)]
    assert len(result.problems) == 1


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("See [@a;\n@b].", [[("a", ""), ("b", "")]]),
        ("See [@a, pp.\n30–41].", [[("a", "pp. 30–41")]]),
        ("See [\n@a].", [[("a", "")]]),
        ("See [@a\n].", [[("a", "")]]),
    ],
)
def test_a_citation_may_wrap_onto_the_next_line(text: str, expected: list) -> None:
    assert items(text) == expected


@pytest.mark.parametrize(
    "text",
    ["See [@a;\n\n@b].", "See [@a, pp.\n\n30].", "See [\n\n@a].", "See [@a\n\n]."],
)
def test_a_citation_does_not_cross_a_blank_line(text: str) -> None:
    assert scan(text).citations == ()


@pytest.mark.parametrize(
    ("text", "lines"),
    [
        ("[@a]", [1]),
        ("\n[@a]", [2]),
        ("x\ny\n\n[@a] [@b]\n[@c]", [4, 4, 5]),
        ("x\n[@a;\n@b]\n[@c]", [2, 4]),
        ("```\n[@x]\n```\n[@a]", [4]),
    ],
)
def test_line_numbers_are_one_based(text: str, lines: list[int]) -> None:
    assert [c.line for c in scan(text).citations] == lines


def full(text: str) -> list[list[tuple[str, str, str, bool]]]:
    return [[(i.key, i.locator, i.prefix, i.suppress_author) for i in c.items]
            for c in scan(text).citations]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("[@a][@b]", [[("a", "", "", False)], [("b", "", "", False)]],
                     id="side-by-side"),
        pytest.param("[@a] [-@b]", [[("a", "", "", False)], [("b", "", "", True)]],
                     id="side-by-side-spaced"),
        pytest.param("[see @key, p. 3]", [[("key", "p. 3", "see", False)]], id="prefix"),
        pytest.param("[@key, see [x] p. 3]", [[("key", "see [x] p. 3", "", False)]],
                     id="nested-brackets"),
        pytest.param("[-@key]", [[("key", "", "", True)]], id="suppress-author"),
        pytest.param("[see @a; cf. -@b, p. 2]",
                     [[("a", "", "see", False), ("b", "p. 2", "cf.", True)]], id="two-prefixes"),
        pytest.param("[詳しくは @a、p. 3]", [], id="no-comma-no-citation-key-spaces"),
        pytest.param("[me @example.com]", [[("example.com", "", "me", False)]],
                     id="pandoc-reads-a-prefix"),
        pytest.param("[@a, fig. [3]; @b]", [[("a", "fig. [3]", "", False), ("b", "", "", False)]],
                     id="semicolon-after-nested"),
    ],
)
def test_pandoc_forms(text: str, expected: list) -> None:
    assert full(text) == expected


def test_text_after_a_key_without_a_comma_is_reported() -> None:
    (problem,) = scan("[詳しくは @a、p. 3]").problems
    assert "unexpected '、' after citation key 'a'" in problem.message


@pytest.mark.parametrize(
    ("text", "cited", "problem"),
    [
        pytest.param("<!-- [@a] -->\n\n[@b]", ["b"], "", id="html-comment"),
        pytest.param("<!--\n[@a]\n-->", [], "", id="multi-line-comment"),
        pytest.param("x\n\n    [@a]\n    [@c]\n\n[@b]", ["b"], "", id="indented-code"),
        pytest.param("x\n    [@a]", ["a"], "", id="lazy-continuation-is-text"),
        pytest.param("<https://example.org/[@a]> [@b]", ["b"], "", id="autolink"),
        pytest.param("<me@[@a].org>", [], "", id="email-autolink"),
        pytest.param("<div>\n[@a]\n</div>\n\n[@b]", ["b"], "raw HTML block", id="raw-html"),
        pytest.param("<div class=\"x\">\n<div>[@a]</div>\n</div>\n[@b]", ["b"], "raw HTML block",
                     id="raw-html-nested"),
        pytest.param("<div markdown=\"1\">\n[@a]\n</div>", ["a"], "", id="md-in-html"),
        pytest.param("<figure markdown=\"block\">\n<figcaption markdown=\"span\">x [@a]"
                     "</figcaption>\n</figure>", ["a"], "", id="md-in-html-span"),
        pytest.param('Text <abbr title="[@a]">A</abbr> [@b]', ["b"], "inside an HTML tag",
                     id="attribute"),
        pytest.param("Text <span>inline [@a]</span>", ["a"], "", id="inline-html-content"),
        pytest.param("!!! note\n\n    In a note [@a].\n\n    And [@b].", ["a", "b"], "",
                     id="admonition-content"),
        pytest.param("- item\n\n    continued [@a]\n\n        code [@c]", ["a"], "",
                     id="list-continuation-and-code-in-it"),
    ],
)
def test_regions_markdown_does_not_read(text: str, cited: list[str], problem: str) -> None:
    result = scan(text)
    assert [i.key for c in result.citations for i in c.items] == cited
    if problem:
        assert len(result.problems) == 1 and problem in result.problems[0].message
        assert result.problems[0].line == text.count("\n", 0, text.index("[@a]")) + 1
    else:
        assert result.problems == ()
