"""The Japanese style: what only Japanese pages do, and what it does with bad input."""

from __future__ import annotations

import pytest

from briefs_citations.bibliography import parse
from briefs_citations.styles import FormattedReference, style_for
from briefs_citations.styles.ja import JapaneseStyle


def ja(bib: str) -> FormattedReference:
    return JapaneseStyle().format(parse(bib).entries[0])


@pytest.mark.parametrize(
    ("bib", "expected"),
    [
        pytest.param(
            """@online{meti-geniac,
              organization = {経済産業省},
              title        = {GENIAC},
              langid       = {japanese},
            }""",
            "経済産業省ウェブサイト「GENIAC」",
            id="online-latin-title-of-a-japanese-source-undated",
        ),
        pytest.param(
            """@report{two,
              author      = {田邊, 美穂 and 神田, 慶司},
              title       = {日本経済見通し},
              institution = {大和総研},
              date        = {2019-04},
              langid      = {japanese},
            }""",
            "田邊美穂・神田慶司［2019］『日本経済見通し』大和総研、2019 年 4 月",
            id="report-with-two-persons",
        ),
        pytest.param(
            """@report{yearonly,
              institution = {大和総研},
              title       = {年報},
              date        = {2024},
              langid      = {japanese},
            }""",
            "大和総研『年報』（2024 年）",
            id="report-dated-by-year",
        ),
    ],
)
def test_reference(bib: str, expected: str) -> None:
    reference = ja(bib)
    assert reference.html == expected
    assert reference.problems == ()


def test_note_is_the_japanese_one() -> None:
    reference = ja("""@online{k, organization = {経団連}, title = {AI 活用},
                   note = {リンク先は英語版 & 概要}, note_en = {The link leads to English},
                   langid = {japanese}}""")
    assert reference.note_html == "リンク先は英語版 &amp; 概要"


def test_url_en_is_not_used_on_japanese_pages() -> None:
    reference = ja("""@online{k, organization = {経団連}, title = {AI 活用},
                   url = {https://example.jp/ja}, url_en = {https://example.jp/en},
                   langid = {japanese}}""")
    assert reference.html == '経団連ウェブサイト「<a href="https://example.jp/ja">AI 活用</a>」'


@pytest.mark.parametrize(
    ("locator", "expected"),
    [
        ("p. 7", "内閣府「対策」（2023 年）、p. 7"),
        ("pp. 30–41", "内閣府「対策」（2023 年）、pp. 30–41"),
        ("<b>&", "内閣府「対策」（2023 年）、&lt;b&gt;&amp;"),
        ("", "内閣府「対策」（2023 年）"),
    ],
)
def test_with_locator(locator: str, expected: str) -> None:
    assert JapaneseStyle().with_locator("内閣府「対策」（2023 年）", locator) == expected


@pytest.mark.parametrize(
    ("bib", "field", "expected"),
    [
        ("@govdoc{x, organization = {内閣府}, title = {対策}}", "date", "内閣府「対策」"),
        ("@govdoc{x, title = {対策}, date = {2023}}", "organization", "「対策」（2023 年）"),
        ("@online{x, title = {対策}, langid = {japanese}}", "organization' or 'author",
         "ウェブサイト「対策」"),
        ("@inreport{x, author = {神田, 慶司}, title = {論点}, booktitle = {予測},"
         " institution = {大和総研}, date = {2024}}", "pages",
         "神田慶司［2024］「論点」『予測』大和総研、2024 年"),
    ],
)
def test_missing_field_is_a_problem_and_the_rest_renders(bib: str, field: str,
                                                          expected: str) -> None:
    reference = ja(bib)
    assert reference.html == expected
    assert any("'x'" in p and f"'{field}'" in p for p in reference.problems)


@pytest.mark.parametrize(
    "url",
    ["javascript:alert(1)", "JavaScript:alert(1)//<b>", "ftp://example.com/x",
     "data:text/html,<script>", "//example.com/x", 'https://example.com/" onclick="x'],
)
def test_url_that_is_not_http_is_a_problem_and_never_a_link(url: str) -> None:
    bib = (f"@govdoc{{x, organization = {{内閣府}}, title = {{対策}}, date = {{2023}},"
           f" url = {{{url}}}}}")
    reference = ja(bib)
    assert "<a" not in reference.html
    shown = url.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    assert shown in reference.html.replace("&quot;", '"').replace("&#x27;", "'")
    assert "<script" not in reference.html
    assert len(reference.problems) == 1
    assert "'x'" in reference.problems[0] and "url" in reference.problems[0]


def test_url_is_escaped_in_the_link() -> None:
    bib = ("@govdoc{x, organization = {内閣府}, title = {対策}, date = {2023},"
           " url = {https://example.com/?a=1&b=2}}")
    assert ja(bib).html == (
        '内閣府「<a href="https://example.com/?a=1&amp;b=2">対策</a>」（2023 年）'
    )


def test_html_and_markdown_in_fields_are_escaped_text() -> None:
    reference = ja(r"""@govdoc{x,
        organization = {<b>省</b> \& **庁**},
        title = {<script>alert(1)</script> **太字** & [リンク](https://example.com)},
        date = {2023},
        note = {<img src=x onerror=alert(1)>},
        langid = {japanese}}""")
    assert reference.html == (
        "&lt;b&gt;省&lt;/b&gt; &amp; **庁**「&lt;script&gt;alert(1)&lt;/script&gt; **太字** &amp; "
        "[リンク](https://example.com)」（2023 年）"
    )
    assert reference.note_html == "&lt;img src=x onerror=alert(1)&gt;"


def test_missing_title_is_a_problem_and_the_rest_renders() -> None:
    reference = ja("@govdoc{x, organization = {内閣府}, date = {2023-11-02}}")
    assert reference.html.startswith("内閣府")
    assert reference.html.endswith("（2023 年 11 月 2 日）")
    assert any("'x'" in p and "'title'" in p for p in reference.problems)


def test_unknown_entry_type_is_a_problem_with_a_fallback() -> None:
    reference = ja("@book{x, organization = {出版社}, title = {書名}, langid = {japanese}}")
    assert "「書名」" in reference.html
    assert "出版社" in reference.html
    assert any("'x'" in p and "book" in p for p in reference.problems)


def test_malformed_date_is_shown_as_written_and_reported_by_the_loader() -> None:
    bib = parse("@govdoc{x, organization = {内閣府}, title = {対策},\n date = {June 2023}}")
    assert "June 2023" in JapaneseStyle().format(bib.entries[0]).html
    assert [(d.line, d.message) for d in bib.diagnostics] == [
        (2, "entry 'x' has date 'June 2023', which is not a date of the calendar")]


@pytest.mark.parametrize("lang", ["ja", "ja-JP", "JA"])
def test_style_for_japanese(lang: str) -> None:
    assert isinstance(style_for(lang), JapaneseStyle)
