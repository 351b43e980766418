"""The English style: what only English pages do (`_en` fields, language remarks), and bad input."""

from __future__ import annotations

import pytest

from briefs_citations.bibliography import parse
from briefs_citations.styles import FormattedReference, style_for
from briefs_citations.styles.en import EnglishStyle


def en(bib: str) -> FormattedReference:
    return EnglishStyle().format(parse(bib).entries[0])


@pytest.mark.parametrize(
    ("bib", "expected"),
    [
        pytest.param(
            """@report{doe2020,
              author      = {Doe, Jane and Roe, Richard},
              title       = {Open models},
              institution = {Example Institute},
              date        = {2020},
              langid      = {english},
            }""",
            "Jane Doe and Richard Roe. 2020. <em>Open models</em>. Example Institute, 2020.",
            id="report-english-source-persons-without-author_en",
        ),
    ],
)
def test_reference(bib: str, expected: str) -> None:
    reference = en(bib)
    assert reference.html == expected
    assert reference.problems == ()


def test_japanese_names_without_en_fields_stay_japanese() -> None:
    reference = en("""@report{x,
        author      = {田邊, 美穂 and 神田, 慶司},
        title       = {日本経済見通し},
        title_en    = {Outlook for the Japanese economy},
        institution = {大和総研},
        date        = {2024},
        langid      = {japanese}}""")
    assert reference.html == (
        "田邊美穂 and 神田慶司. 2024. <em>Outlook for the Japanese economy</em> [our translation of"
        " 日本経済見通し]"
        " (in Japanese). 大和総研, 2024."
    )


@pytest.mark.parametrize(
    ("fields", "expected"),
    [
        ("note = {英語版あり}, note_en = {An English version exists & is linked}",
         "An English version exists &amp; is linked"),
        ("note = {英語版あり}", "英語版あり"),
        ("", ""),
    ],
)
def test_note_en_is_read_first(fields: str, expected: str) -> None:
    bib = f"@online{{k, organization = {{OpenAI}}, title = {{T}}, langid = {{english}}, {fields}}}"
    assert en(bib).note_html == expected


def test_url_en_is_read_first() -> None:
    reference = en("""@online{k, organization = {OpenAI}, title = {T}, langid = {english},
                   url = {https://example.jp/ja}, url_en = {https://example.jp/en}}""")
    assert reference.html == 'OpenAI. “<a href="https://example.jp/en">T</a>.”'


def test_missing_title_en_on_a_non_english_source_is_a_problem() -> None:
    reference = en("""@online{meti-cloudprogram,
        organization = {経済産業省}, title = {クラウドプログラム}, langid = {japanese}}""")
    assert "クラウドプログラム" in reference.html
    assert "(in Japanese)" in reference.html
    assert len(reference.problems) == 1
    assert "'meti-cloudprogram'" in reference.problems[0]
    assert "title_en" in reference.problems[0]


def test_english_press_release_has_no_language_remark() -> None:
    reference = en("""@pressrelease{p, organization = {OpenAI}, title = {News},
                   date = {2024-01-05}, langid = {english}}""")
    assert reference.html == "OpenAI. “News” (press release). 5 January 2024."
    assert reference.problems == ()


@pytest.mark.parametrize(
    ("locator", "expected"),
    [
        ("p. 7", "OpenAI. “News.” 5 January 2024, p. 7."),
        ("pp. 30–41", "OpenAI. “News.” 5 January 2024, pp. 30–41."),
        ("<b>&", "OpenAI. “News.” 5 January 2024, &lt;b&gt;&amp;."),
        ("", "OpenAI. “News.” 5 January 2024."),
    ],
)
def test_with_locator(locator: str, expected: str) -> None:
    assert EnglishStyle().with_locator("OpenAI. “News.” 5 January 2024.", locator) == expected


@pytest.mark.parametrize(
    ("bib", "field", "expected"),
    [
        ("@govdoc{x, organization = {OpenAI}, title = {T}, langid = {english}}", "date",
         "OpenAI. “T.”"),
        ("@govdoc{x, title = {T}, date = {2023}, langid = {english}}", "organization",
         "“T.” 2023."),
        ("@report{x, title = {T}, date = {2023-05}, langid = {english}}",
         "author' or 'institution", "<em>T</em>. May 2023."),
    ],
)
def test_missing_field_is_a_problem_and_the_rest_renders(bib: str, field: str,
                                                          expected: str) -> None:
    reference = en(bib)
    assert reference.html == expected
    assert any("'x'" in p and f"'{field}'" in p for p in reference.problems)


@pytest.mark.parametrize(
    "url",
    ["javascript:alert(1)", "JavaScript:alert(1)//<b>", "ftp://example.com/x",
     "data:text/html,<script>", "//example.com/x"],
)
def test_url_that_is_not_http_is_a_problem_and_never_a_link(url: str) -> None:
    bib = (f"@online{{x, organization = {{OpenAI}}, title = {{T}}, langid = {{english}},"
           f" url = {{{url}}}}}")
    reference = en(bib)
    assert "<a" not in reference.html
    assert "<script" not in reference.html
    shown = url.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    assert shown in reference.html
    assert len(reference.problems) == 1
    assert "'x'" in reference.problems[0] and "url" in reference.problems[0]


def test_html_and_markdown_in_fields_are_escaped_text() -> None:
    reference = en(r"""@online{x,
        organization = {<b>A</b> \& **B**},
        title = {<script>alert(1)</script> **bold** & _it_},
        date = {2023},
        note_en = {<img src=x onerror=alert(1)>},
        langid = {english}}""")
    assert reference.html == (
        "&lt;b&gt;A&lt;/b&gt; &amp; **B**. “&lt;script&gt;alert(1)&lt;/script&gt; **bold**"
        " &amp; _it_.” 2023."
    )
    assert reference.note_html == "&lt;img src=x onerror=alert(1)&gt;"


def test_unknown_entry_type_is_a_problem_with_a_fallback() -> None:
    reference = en("@book{x, organization = {Publisher}, title = {Book}, langid = {english}}")
    assert "Book" in reference.html
    assert "Publisher" in reference.html
    assert any("'x'" in p and "book" in p for p in reference.problems)


@pytest.mark.parametrize("lang", ["en", "en-GB", "en_US", "fr"])
def test_style_for_english_and_fallback(lang: str) -> None:
    assert isinstance(style_for(lang), EnglishStyle)


@pytest.mark.parametrize(
    ("official", "expected"),
    [
        ("title_en_official = {true},",
         "Keidanren. “Using AI to Realize Society 5.0 for SDGs” [AI 活用による Society 5.0]"
         " (in Japanese). 9 June 2023."),
        ("",
         "Keidanren. “Using AI to Realize Society 5.0 for SDGs” [our translation of AI 活用による"
         " Society 5.0] (in Japanese). 9 June 2023."),
        ("title_en_official = {false},",
         "Keidanren. “Using AI to Realize Society 5.0 for SDGs” [our translation of AI 活用による"
         " Society 5.0] (in Japanese). 9 June 2023."),
    ],
    ids=["official", "ours-by-default", "ours-said-so"],
)
def test_an_official_english_title_is_a_title_and_ours_is_marked_as_a_translation(
        official: str, expected: str) -> None:
    reference = en(f"""@online{{k, organization = {{経団連}}, organization_en = {{Keidanren}},
        title = {{AI 活用による Society 5.0}},
        title_en = {{Using AI to Realize Society 5.0 for SDGs}},
        {official} date = {{2023-06-09}}, langid = {{japanese}}}}""")
    assert reference.html == expected
    assert reference.problems == ()
