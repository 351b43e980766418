"""Unit tests of the reading hooks' pure parts: BibTeX escaping, citations, dates, CSV, charts."""

from __future__ import annotations

import csv
import io
import subprocess
import sys
from datetime import date
from typing import ClassVar

import pytest

from tests.conftest import ROOT

sys.path.insert(0, str(ROOT / "hooks"))
sys.path.insert(0, str(ROOT / "overrides"))

import chart_data
import charts
import figure_csv
import material_build
import reading_cite
import source_dates
from reading_cite import Version


@pytest.mark.parametrize(("text", "expected"), [
    ("plain テキスト", "plain テキスト"),
    ("50% & more", r"50\% \& more"),
    ("{braces}", r"\{braces\}"),
    ("a_b #1 $x$", r"a\_b \#1 \$x\$"),
    ("back\\slash", r"back\textbackslash{}slash"),
    ("~^", r"\textasciitilde{}\textasciicircum{}"),
])
def test_bibtex_escape(text, expected):
    assert reading_cite.bibtex_escape(text) == expected


@pytest.mark.parametrize(("markdown", "expected"), [
    ("---\n\n# 2 (1) 拡大する日本のデジタル赤字\n\n## 要点\n", "2 (1) 拡大する日本のデジタル赤字"),
    ("# Glossary {#top}\n", "Glossary"),
    ("# A *stressed* `code` title #\n", "A stressed code title"),
    ("## Only a subheading\n", "fallback"),
    ("#NoSpace\n", "fallback"),
])
def test_heading_of(markdown, expected):
    assert reading_cite.heading_of(markdown, "fallback") == expected


@pytest.mark.parametrize(("src", "lang", "expected"), [
    ("briefs/section-2-1.ja.md", "ja", "briefs-section-2-1-ja"),
    ("figures/figure-5.en.md", "en", "figures-figure-5-en"),
    ("index.md", "ja", "index-ja"),
])
def test_bibtex_key(src, lang, expected):
    assert reading_cite.bibtex_key(src, lang) == expected


JA = Version("ja", "2 (1) 拡大する日本のデジタル赤字", "注釈付きブリーフ", "https://x.test/b/")
EN = Version("en", "2 (1) Japan's growing digital deficit", "Annotated Briefs",
             "https://x.test/en/b/")


@pytest.mark.parametrize(("version", "day", "expected"), [
    (JA, date(2024, 6, 14),
     "「2 (1) 拡大する日本のデジタル赤字」『注釈付きブリーフ』、2024 年 6 月 14 日更新、https://x.test/b/"),
    (JA, None, "「2 (1) 拡大する日本のデジタル赤字」『注釈付きブリーフ』、https://x.test/b/"),
    (EN, date(2024, 6, 4),
     "“2 (1) Japan's growing digital deficit.” Annotated Briefs. Updated 4 June 2024. "
     "https://x.test/en/b/"),
    (EN, None, "“2 (1) Japan's growing digital deficit.” Annotated Briefs. https://x.test/en/b/"),
])
def test_citation_text(version, day, expected):
    assert reading_cite.citation_text(version, day) == expected


def test_bibtex_entry():
    assert reading_cite.bibtex("k", EN, date(2024, 6, 14)) == (
        "@misc{k,\n"
        "  author    = {{Annotated Briefs}},\n"
        "  title     = {{2 (1) Japan's growing digital deficit}},\n"
        "  publisher = {Annotated Briefs},\n"
        "  year      = {2024},\n"
        "  month     = {6},\n"
        "  date      = {2024-06-14},\n"
        "  url       = {https://x.test/en/b/},\n"
        "  language  = {english},\n"
        "}")


def test_cite_block_escapes_html():
    hostile = Version("en", '<img src=x onerror="alert(1)"> & co', "S", "https://x.test/")
    block = reading_cite.cite_block("en", {"en": hostile}, "k", None)
    assert "<img" not in block
    assert "&lt;img src=x onerror=&quot;alert(1)&quot;&gt; \\&amp; co" in block


def test_meta_tags_without_a_date_have_no_date():
    names = [name for name, _ in reading_cite.meta_tags(JA, None)]
    assert names == ["citation_title", "citation_author", "citation_publisher",
                     "citation_language", "citation_public_url"]


def test_source_date_prefers_git_then_source_date_epoch(tmp_path, monkeypatch):
    page = tmp_path / "page.md"
    page.write_text("x", encoding="utf-8")
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1718323200")
    assert source_dates.source_date(page) == date(2024, 6, 14)  # not a repository
    monkeypatch.delenv("SOURCE_DATE_EPOCH")
    assert source_dates.source_date(page) is None  # never the clock
    env = {"GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@x", "GIT_COMMITTER_NAME": "t",
           "GIT_COMMITTER_EMAIL": "t@x", "GIT_COMMITTER_DATE": "2024-03-25T12:00:00+00:00",
           "GIT_AUTHOR_DATE": "2024-03-25T12:00:00+00:00", "HOME": str(tmp_path)}
    for command in (["git", "init", "-q"], ["git", "add", "page.md"],
                    ["git", "commit", "-q", "-m", "m"]):
        subprocess.run(command, cwd=tmp_path, check=True, env=env)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1718323200")
    assert source_dates.source_date(page) == date(2024, 3, 25)


TABLE = """<table>
<thead><tr><th>No.</th><th>Viewpoint</th></tr></thead>
<tbody>
<tr><td>1</td><td>Importance <abbr title="x">AI</abbr>, "quoted"<sup id="fnref:cite-1"><a
 class="footnote-ref" href="#fn:cite-1">1</a></sup><sup class="citation-separator">,</sup><sup
 id="fnref:cite-2"><a>2</a></sup></td></tr>
<tr><td>2</td><td>a,
   b &amp; c</td></tr>
</tbody></table>"""


def test_table_rows_keep_text_and_drop_footnote_markers():
    assert figure_csv.table_rows(TABLE) == [["No.", "Viewpoint"],
                                            ["1", 'Importance AI, "quoted"'],
                                            ["2", "a, b & c"]]


def test_csv_has_bom_crlf_and_parses_back():
    rows = [["No.", "見出し"], ["1", 'a, "b"']]
    data = figure_csv.to_csv(rows)
    assert data.startswith(b"\xef\xbb\xbf")
    assert data.endswith(b"\r\n")
    assert list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline=""))) == rows


@pytest.mark.parametrize(("value", "expected"), [
    (0.1, charts.LEFT), (1000, charts.RIGHT), (10, (charts.LEFT + charts.RIGHT) / 2),
])
def test_log_axis(value, expected):
    assert charts._x(value) == pytest.approx(expected, abs=0.1)


def test_chart_data_matches_the_briefs():
    """The six parameter counts, as figure 5 and its note state them (in billions)."""
    found = chart_data.read(ROOT / "docs" / charts.DATA, "charts.yml", ROOT / "docs")
    assert found.problems == []
    bars = found.charts["model-sizes"]["bars"]
    assert [b["value"] for b in bars] == [0.6, 7, 13, 40, 175, 350]
    assert [b["ja_value"] for b in bars] == ["6", "70", "130", "400", "1,750", "3,500"]


def test_unknown_chart_is_located_on_the_page(caplog):
    class _File:
        src_uri = "index.ja.md"

    class _Page:
        file = _File()

    class _Config(dict):
        config_file_path = str(ROOT / "mkdocs.yml")
        docs_dir = str(ROOT / "docs")
        theme: ClassVar[dict[str, str]] = {"language": "ja"}
        plugins: ClassVar[dict[str, object]] = {}

    assert charts.on_page_markdown("a\n\n<!-- chart:nope -->\n", _Page(), _Config()) == "a\n\n\n"
    assert "docs/index.ja.md:3: unknown chart 'nope' — known: model-sizes, policy-timeline" in (
        caplog.text)


@pytest.mark.parametrize(("text", "expected"), [
    ("model-sizes: [unclosed\n", "charts.yml:2: chart data is not valid YAML"),
    ("- a\n- b\n", "charts.yml:1: chart data must be a mapping of chart names"),
])
def test_unreadable_chart_data_names_the_file_and_line(tmp_path, text, expected):
    data = tmp_path / "charts.yml"
    data.write_text(text, encoding="utf-8")
    found = chart_data.read(data, "charts.yml", tmp_path)
    assert [str(p)[: len(expected)] for p in found.problems] == [expected]
    assert found.charts == {}


@pytest.mark.parametrize(("text", "expected"), [
    ("Click](javascript:x)", r"Click\]\(javascript:x\)"),
    ("<img onerror=x>", "&lt;img onerror=x&gt;"),
    ("{: .x} *b* `c` [@k] | 1. #", r"\{: \.x\} \*b\* \`c\` \[@k\] \| 1\. \#"),
    ("AI と DX", "AI と DX"),
])
def test_chart_text_is_escaped_for_markdown(text, expected):
    assert charts.markdown_text(text) == expected


def test_each_language_form_carries_the_date_of_its_own_source():
    ja = Version("ja", "見出し", "サイト", "https://x.test/", date(2024, 5, 1))
    en = Version("en", "Heading", "Site", "https://x.test/en/")
    block = reading_cite.cite_block("en", {"ja": ja, "en": en}, "k", date(2024, 6, 14))
    assert "『サイト』、2024 年 5 月 1 日更新、" in block  # spaces: keep_units.py, every page
    assert "Site. Updated 14 June 2024." in block


WRAP_OPEN = '<div class="md-typeset__scrollwrap"><div class="md-typeset__table">'


@pytest.mark.parametrize(("html", "expected"), [
    ("<p>x</p><table><tr><td>1</td></tr></table>",
     f"<p>x</p>{WRAP_OPEN}<table><tr><td>1</td></tr></table></div></div>"),
    ('<table id="t"><tr><td>1</td></tr></table>',  # attributes other than class: wrapped
     f'{WRAP_OPEN}<table id="t"><tr><td>1</td></tr></table></div></div>'),
    ('<table class="chart"><tr><td>1</td></tr></table>',  # a styled table is left alone
     '<table class="chart"><tr><td>1</td></tr></table>'),
    ("<table>\n<tr><td>a</td></tr>\n</table><table><tr><td>b</td></tr></table>",
     f"{WRAP_OPEN}<table>\n<tr><td>a</td></tr>\n</table></div></div>"
     f"{WRAP_OPEN}<table><tr><td>b</td></tr></table></div></div>"),
    ("<p>no table</p>", "<p>no table</p>"),
])
def test_tables_get_material_scroll_wrappers(html, expected):
    assert material_build.wrap_tables(html) == expected
