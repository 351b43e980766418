"""One BibTeX entry, two references: each entry type in its Japanese and English form.

The same parsed entry goes through both styles (the promise of the plugin: one entry in
references.bib, footnotes in the conventions of each page's language). The expected strings
are written by hand from the conventions in the docstrings of
plugins/briefs_citations/styles/ja.py and en.py. What only one language does (bad input,
locators, language remarks) is tested in test_style_ja.py and test_style_en.py.
"""

from __future__ import annotations

import pytest

from briefs_citations.bibliography import parse
from briefs_citations.styles import style_for

METI_URL = "https://www.meti.go.jp/press/2023/11/20231110001/20231110001.html"
DIR_URL = "https://www.dir.co.jp/report/research/economics/japan/20240614_024456.html"
OPENAI_URL = "https://openai.com/blog/introducing-openai-japan"


@pytest.mark.parametrize(
    ("bib", "japanese", "english"),
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
            f'経済産業省ウェブサイト「<a href="{METI_URL}">'
            "生成 AI 基盤モデルの開発支援に向けた公募を開始しました</a>」（2023 年 11 月 10 日）",
            f'Ministry of Economy, Trade and Industry. “<a href="{METI_URL}">Call for proposals'
            " for the development of generative AI foundation models</a>” [our translation of"
            " 生成 AI"
            " 基盤モデルの開発支援に向けた公募を開始しました] (in Japanese). 10 November 2023.",
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
            f'OpenAI ウェブサイト“<span lang="en"><a href="{OPENAI_URL}">Introducing OpenAI'
            ' Japan</a></span>”（2024 年 4 月 14 日）',  # an English title on a Japanese page
            f'OpenAI. “<a href="{OPENAI_URL}">Introducing OpenAI Japan</a>.” 14 April 2024.',
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
            "経済産業省プレスリリース「『GENIAC』の第 2 期を開始します」（2019 年 4 月）",
            "Ministry of Economy, Trade and Industry. “GENIAC enters its second round”"
            " [our translation of"
            " 「GENIAC」の第 2 期を開始します] (press release, in Japanese). April 2019.",
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
            "内閣府「デフレ完全脱却のための総合経済対策」（2023 年 11 月 2 日）",
            "Cabinet Office, Government of Japan. “Comprehensive economic measures to overcome"
            " deflation” [our translation of"
            " デフレ完全脱却のための総合経済対策] (in Japanese). 2 November 2023.",
            id="govdoc",
        ),
        pytest.param(
            f"""@report{{tanabe2024,
              author         = {{田邊, 美穂}},
              author_en      = {{Tanabe, Miho}},
              title = {{IT 関連政策から読み解く日本の DX—海外に後れを取る国内 AI 開発の行方}},
              title_en       = {{Japan’s DX through its IT policies}},
              institution    = {{大和総研}},
              institution_en = {{Daiwa Institute of Research}},
              date           = {{2024-06-14}},
              url            = {{{DIR_URL}}},
              langid         = {{japanese}},
            }}""",
            f'田邊美穂［2024］『<a href="{DIR_URL}">'
            "IT 関連政策から読み解く日本の DX—海外に後れを取る国内 AI 開発の行方</a>』"
            "大和総研、2024 年 6 月 14 日",
            f'Miho Tanabe. 2024. <em><a href="{DIR_URL}">Japan’s DX through its IT policies</a>'
            "</em> [our translation of"
            " IT 関連政策から読み解く日本の DX—海外に後れを取る国内 AI 開発の行方]"
            " (in Japanese). Daiwa Institute of Research, 14 June 2024.",
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
            "経団連『AI 活用戦略Ⅱ―わが国の AI-Powered 化に向けて―』（2023 年 10 月 17 日）",
            "Keidanren (Japan Business Federation). <em>AI Utilization Strategy II: toward an"
            " AI-powered Japan</em> [our translation of"
            " AI 活用戦略Ⅱ―わが国の AI-Powered 化に向けて―]"
            " (in Japanese). 17 October 2023.",
            id="report-by-an-institution",
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
            "神田慶司・岸川和馬・田村統久［2024］"
            "「論点②：貿易・サービス収支が抱える『5 つの構造的課題』」"
            "『第 221 回日本経済予測（改訂版）』大和総研、2024 年 6 月 10 日、pp. 30–41",
            "Keiji Kanda, Kazuma Kishikawa, and Norihisa Tamura. 2024. “Issue 2: five structural"
            " problems” [our translation of"
            " 論点②：貿易・サービス収支が抱える「5 つの構造的課題」] (in Japanese)."
            " In <em>Japan’s Economic Outlook No. 221 (Update)</em>"
            " [our translation of 第 221 回日本経済予測（改訂版）],"
            " pp. 30–41. Daiwa Institute of Research, 10 June 2024.",
            id="inreport",
        ),
    ],
)
def test_one_entry_in_both_languages(bib: str, japanese: str, english: str) -> None:
    entry = parse(bib).entries[0]
    for lang, expected in (("ja", japanese), ("en", english)):
        reference = style_for(lang).format(entry)
        assert reference.html == expected, lang
        assert reference.problems == (), lang


@pytest.mark.parametrize(
    ("lang", "prefix", "expected"),
    [
        ("en", "see", "See NOTE"),
        ("en", "cf. <b>", "Cf. &lt;b&gt; NOTE"),
        ("ja", "詳しくは", "詳しくはNOTE"),
        ("ja", "see", "See NOTE"),
        ("en", "", "NOTE"),
    ],
)
def test_a_prefix_opens_the_note(lang: str, prefix: str, expected: str) -> None:
    from briefs_citations.styles import style_for

    assert style_for(lang).with_prefix(prefix, "NOTE") == expected
