"""The English style: exact references for each entry type, `_en` fields, and bad input."""

from __future__ import annotations

import pytest

from plugins.bibliography import parse
from plugins.styles import FormattedReference, style_for
from plugins.styles.en import EnglishStyle

METI_URL = "https://www.meti.go.jp/press/2023/11/20231110001/20231110001.html"
DIR_URL = "https://www.dir.co.jp/report/research/economics/japan/20240614_024456.html"
OPENAI_URL = "https://openai.com/blog/introducing-openai-japan"


def en(bib: str) -> FormattedReference:
    return EnglishStyle().format(parse(bib).entries[0])


@pytest.mark.parametrize(
    ("bib", "expected"),
    [
        pytest.param(
            f"""@online{{meti2023genaikobo,
              organization    = {{経済産業省}},
              organization_en = {{Ministry of Economy, Trade and Industry}},
              title           = {{生成 AI 基盤モデルの開発支援に向けた公募を開始しました}},
              title_en        = {{Call for proposals for the development of generative AI
                                  foundation models}},
              date            = {{2023-11-10}},
              url             = {{{METI_URL}}},
              langid          = {{japanese}},
            }}""",
            f'Ministry of Economy, Trade and Industry. “<a href="{METI_URL}">Call for proposals'
            " for the development of generative AI foundation models</a>” [生成 AI"
            " 基盤モデルの開発支援に向けた公募を開始しました] (in Japanese). November 10, 2023.",
            id="online",
        ),
        pytest.param(
            f"""@online{{openai2024japan,
              organization = {{OpenAI}},
              title        = {{Introducing OpenAI Japan}},
              date         = {{2024-04-14}},
              url          = {{{OPENAI_URL}}},
              langid       = {{english}},
            }}""",
            f'OpenAI. “<a href="{OPENAI_URL}">Introducing OpenAI Japan</a>.” April 14, 2024.',
            id="online-english-source",
        ),
        pytest.param(
            """@pressrelease{meti2024geniac2,
              organization    = {経済産業省},
              organization_en = {Ministry of Economy, Trade and Industry},
              title           = {「GENIAC」の第 2 期を開始します},
              title_en        = {GENIAC enters its second round},
              date            = {2019-04},
              langid          = {japanese},
            }""",
            "Ministry of Economy, Trade and Industry. “GENIAC enters its second round”"
            " [「GENIAC」の第 2 期を開始します] (press release, in Japanese). April 2019.",
            id="pressrelease",
        ),
        pytest.param(
            """@govdoc{cao2023keizaitaisaku,
              organization    = {内閣府},
              organization_en = {Cabinet Office, Government of Japan},
              title           = {デフレ完全脱却のための総合経済対策},
              title_en        = {Comprehensive economic measures to overcome deflation},
              date            = {2023-11-02},
              langid          = {japanese},
            }""",
            "Cabinet Office, Government of Japan. “Comprehensive economic measures to overcome"
            " deflation” [デフレ完全脱却のための総合経済対策] (in Japanese). November 2, 2023.",
            id="govdoc",
        ),
        pytest.param(
            f"""@report{{tanabe2024,
              author         = {{田邊, 美穂}},
              author_en      = {{Tanabe, Miho}},
              title          = {{IT 関連政策から読み解く日本の DX}},
              title_en       = {{Japan’s DX through its IT policies}},
              institution    = {{大和総研}},
              institution_en = {{Daiwa Institute of Research}},
              date           = {{2024-06-14}},
              url            = {{{DIR_URL}}},
              langid         = {{japanese}},
            }}""",
            f'Miho Tanabe. 2024. <em><a href="{DIR_URL}">Japan’s DX through its IT policies</a>'
            "</em> [IT 関連政策から読み解く日本の DX] (in Japanese). Daiwa Institute of"
            " Research, June 14, 2024.",
            id="report-with-persons",
        ),
        pytest.param(
            """@report{keidanren2023aistrategy2,
              institution    = {経団連},
              institution_en = {Keidanren (Japan Business Federation)},
              title          = {AI 活用戦略Ⅱ―わが国の AI-Powered 化に向けて―},
              title_en       = {AI Utilization Strategy II: toward an AI-powered Japan},
              date           = {2023-10-17},
              langid         = {japanese},
            }""",
            "Keidanren (Japan Business Federation). <em>AI Utilization Strategy II: toward an"
            " AI-powered Japan</em> [AI 活用戦略Ⅱ―わが国の AI-Powered 化に向けて―]"
            " (in Japanese). October 17, 2023.",
            id="report-by-an-institution",
        ),
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
        pytest.param(
            """@inreport{kanda2024,
              author         = {神田, 慶司 and 岸川, 和馬 and 田村, 統久},
              author_en      = {Kanda, Keiji and Kishikawa, Kazuma and Tamura, Norihisa},
              title          = {論点②：貿易・サービス収支が抱える「5 つの構造的課題」},
              title_en       = {Issue 2: five structural problems},
              booktitle      = {第 221 回日本経済予測（改訂版）},
              booktitle_en   = {Japan’s Economic Outlook No. 221 (Update)},
              institution    = {大和総研},
              institution_en = {Daiwa Institute of Research},
              date           = {2024-06-10},
              pages          = {30--41},
              langid         = {japanese},
            }""",
            "Keiji Kanda, Kazuma Kishikawa, and Norihisa Tamura. 2024. “Issue 2: five structural"
            " problems” [論点②：貿易・サービス収支が抱える「5 つの構造的課題」] (in Japanese)."
            " In <em>Japan’s Economic Outlook No. 221 (Update)</em>"
            " [第 221 回日本経済予測（改訂版）],"
            " pp. 30–41. Daiwa Institute of Research, June 10, 2024.",
            id="inreport",
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
        "田邊美穂 and 神田慶司. 2024. <em>Outlook for the Japanese economy</em> [日本経済見通し]"
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
    assert reference.html == "OpenAI. “News” (press release). January 5, 2024."
    assert reference.problems == ()


@pytest.mark.parametrize(
    ("locator", "expected"),
    [
        ("p. 7", "OpenAI. “News.” January 5, 2024, p. 7."),
        ("pp. 30–41", "OpenAI. “News.” January 5, 2024, pp. 30–41."),
        ("<b>&", "OpenAI. “News.” January 5, 2024, &lt;b&gt;&amp;."),
        ("", "OpenAI. “News.” January 5, 2024."),
    ],
)
def test_with_locator(locator: str, expected: str) -> None:
    assert EnglishStyle().with_locator("OpenAI. “News.” January 5, 2024.", locator) == expected


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
