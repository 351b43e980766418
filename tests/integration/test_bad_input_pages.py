"""The bad-input table of issue 11, page side, on a built copy of the fixture site: each row
is a located warning with the text left as written, or correct output; never a broken
footnote (`[^cite-…]` printed, an orphan note, a marker inside an attribute)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.conftest import build

HEAD = "# 索引ページ\n\n引用[@meti2023koubo]。\n"


def write(path: Path, text: str) -> None:
    path.write_text(text, encoding="utf-8")


@pytest.fixture
def project(fixture_site) -> Path:
    root = fixture_site()
    bib = (root / "refs.bib").read_text(encoding="utf-8")
    start = bib.index("@online{hostile,")
    write(root / "refs.bib", bib[:start] + bib[bib.index("@online{uncited,"):])
    write(root / "docs/index.ja.md", HEAD)
    write(root / "docs/index.en.md", "# Index\n\nA citation[@meti2023koubo].\n")
    return root


def notes(html: str) -> list[str]:
    """The footnote ids of the page, in the order of the list."""
    return re.findall(r'<li id="(fn:[^"]+)"', html)


def markers(html: str) -> list[str]:
    return re.findall(r'href="#(fn:[^"]+)"', html)


@pytest.mark.parametrize(
    ("text", "warning", "kept"),
    [
        pytest.param("<div>\n生の HTML[@nec2023]\n</div>\n",
                     "citation inside a raw HTML block is not rendered", "生の HTML[@nec2023]",
                     id="raw-html-block"),
        pytest.param('<abbr title="[@nec2023]">NEC</abbr>\n',
                     "citation inside an HTML tag is not rendered", 'title="[@nec2023]"',
                     id="attribute-value"),
        pytest.param("<!-- 下書き [@nec2023] -->\n", "", "", id="html-comment"),
        pytest.param("段落。\n\n    コード [@nec2023]\n", "", "コード [@nec2023]",
                     id="indented-code"),
        pytest.param("<https://example.org/[@nec2023]>\n", "", "https://example.org/[@nec2023]",
                     id="autolink"),
    ],
)
def test_citations_where_markdown_does_not_read(project, text, warning, kept):
    write(project / "docs/index.ja.md", HEAD + "\n" + text)
    line = HEAD.count("\n") + 2 + text[: text.find("[@")].count("\n")
    result = build(project, strict=False)
    assert result.returncode == 0, result.output
    assert "Traceback" not in result.output
    html = result.html("")
    assert "[^cite" not in html and "cite-2" not in html  # no broken second footnote
    assert markers(html) and set(markers(html)) == set(notes(html))  # no orphan note
    assert len(notes(html)) == 1
    if kept:
        assert kept in html
    if warning:
        assert f"docs/index.ja.md:{line}: {warning}" in result.output
        assert build(project).returncode != 0
    else:
        assert "WARNING" not in result.output


def test_two_citations_side_by_side_and_pandoc_forms(project):
    write(project / "docs/index.en.md",
          "# Index\n\nBoth[@meti2023koubo][@nec2023]. "
          "Prefix[see @kanda2024, p. 33]. Nested[@kanda2024, see [x] p. 3]. "
          "Suppressed[-@nec2023].\n")
    result = build(project)
    assert result.returncode == 0, result.output
    html = result.html("en/")
    body = html[html.index('<div class="footnote">'):]
    assert len(set(markers(html))) == len(notes(html)) == 4, notes(html)
    assert "[@" not in html.replace(body, "")  # every citation became a marker
    assert "see [x] p. 3" in body
    assert '<span class="citation">See 神田慶司 and 岸川和馬. 2024.' in body, body
    # p. 33 and see [x] p. 3: two notes, the second a short note (issue 11)
    assert body.count("神田慶司") == 1
    assert '<span class="citation">神田 and 岸川 (2024), see [x] p. 3.</span>' in body, body


def references_row(html: str, key: str) -> str:
    start = html.index(f'<li id="{key}" class="reference">')
    return html[start : html.index("</li>", start)]


def test_a_key_cited_in_one_language_counts_as_cited_on_both_references_pages(project):
    write(project / "docs/index.en.md",
          "# Index\n\nA citation[@meti2023koubo], only in English[@nec2023].\n")
    write(project / "docs/other.ja.md", "# 別のページ\n\n日本語だけ[@kanda2024]。\n")
    write(project / "docs/other.en.md", "# Another page\n\nNo citation here.\n")
    result = build(project)
    assert result.returncode == 0, result.output
    ja, en = result.html("references/"), result.html("en/references/")
    assert ("このサイトのもう一方の言語のページでのみ引用されています"
            in references_row(ja, "nec2023"))
    assert 'Cited on: <a href="../">Index</a>' in references_row(en, "nec2023")
    assert ("Cited only on this site’s pages in the other language"
            in references_row(en, "kanda2024"))
    assert "別のページ" in references_row(ja, "kanda2024")
    for html, words in ((ja, "このサイトのページからは引用されていません"),
                        (en, "Not cited on any page of this site")):
        assert words in references_row(html, "uncited")
        assert words not in references_row(html, "nec2023")
        assert words not in references_row(html, "kanda2024")


def test_cr_only_line_ends_and_the_parenthesis_form_build(project):
    bib = (project / "refs.bib").read_text(encoding="utf-8")
    start = bib.index("@pressrelease{nec2023,")
    end = bib.index("\n}", start) + 2
    bib = bib[:start] + "@pressrelease(nec2023," + bib[start + 22 : end - 1] + ")" + bib[end:]
    (project / "refs.bib").write_bytes(bib.replace("\n", "\r").encode("utf-8"))
    write(project / "docs/index.ja.md", HEAD + "\nNEC[@nec2023]。\n")
    result = build(project)
    assert result.returncode == 0, result.output
    assert "NEC、軽量な LLM を開発" in result.html("")
