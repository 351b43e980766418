"""Build the fixture site (tests/fixtures/site) in both languages and read its HTML."""

from __future__ import annotations

import re

import pytest

from tests.conftest import BuildResult, build

# The fixture's footnotes in reading order: hand-written notes and citations share one
# numbering; a repeated source (also with its key in another case) reuses its number.
JA_ORDER = [
    ("note", "手書きの注。"),
    ("cite-1", "経済産業省ウェブサイト「"),
    ("cite-2", "田邊美穂［2024］『国内 AI 開発の行方』大和総研、2024 年 6 月 14 日"),
    ("cite-3", "神田慶司・岸川和馬［2024］「論点②：『5 つの構造的課題』」"),
    ("cite-4", "日本電気株式会社（NEC）プレスリリース「NEC、軽量な LLM を開発」"
               "（2023 年 7 月 6 日）"),
    ("cite-5", "経済産業省「IT 人材需給に関する調査（概要）」（2019 年 4 月）"),
    ("nec2023", "引用キーと同じラベルの手書き脚注。"),
    ("cite-6", "&lt;b&gt;Evil&lt;/b&gt; &amp; Co"),
    # the same source at another place: a short note
    ("cite-7", "経済産業省［2019］、p. 2"),
]


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> BuildResult:
    import shutil

    from tests.conftest import FIXTURES

    target = tmp_path_factory.mktemp("fixture") / "site"
    shutil.copytree(FIXTURES / "site", target)
    result = build(target, strict=False)
    assert result.returncode == 0, result.output
    return result


def footnotes(html: str) -> list[tuple[str, str]]:
    return re.findall(r'<li id="fn:([^"]+)">\s*<p>(.*?)</p>', html, re.S)


def test_footnotes_are_numbered_in_reading_order_with_handwritten_ones(site):
    found = footnotes(site.html(""))
    assert [label for label, _ in found] == [label for label, _ in JA_ORDER]
    for (label, text), (_, expected) in zip(found, JA_ORDER, strict=True):
        assert expected in text, label
    markers = re.findall(r'href="#fn:([^"]+)">(\d+)</a>', site.html(""))
    assert markers[:4] == [("note", "1"), ("cite-1", "2"), ("cite-1", "2"), ("cite-2", "3")]
    assert ("nec2023", "7") in markers


def test_the_same_entry_in_japanese_and_english_form(site):
    ja = dict(footnotes(site.html("")))["cite-1"]
    en = dict(footnotes(site.html("en/")))["cite-1"]
    assert ('経済産業省ウェブサイト「<a href="https://www.example.org/koubo.html">生成 AI '
            "基盤モデルの開発支援に向けた公募を開始しました</a>」（2023 年 11 月 10 日）") in ja
    assert ('Ministry of Economy, Trade and Industry. “<a href="https://www.example.org/koubo.html">'
            "Call for proposals for the development of generative AI foundation models</a>” "
            "[our translation of"
            " 生成 AI 基盤モデルの開発支援に向けた公募を開始しました] (in Japanese). "
            "10 November 2023.") in en


def test_locators_and_links_to_the_references_page(site):
    ja, en = dict(footnotes(site.html(""))), dict(footnotes(site.html("en/")))
    assert "大和総研、2024 年 6 月 10 日、pp. 30–41、p. 33" in ja["cite-3"]
    assert "Daiwa Institute of Research, 10 June 2024, p. 33." in en["cite-3"]
    assert 'href="references/#kanda2024">文献一覧</a>' in ja["cite-3"]
    assert 'href="references/#kanda2024">in references</a>' in en["cite-3"]


def test_several_keys_give_separated_markers(site):
    html = site.html("")
    assert re.search(r'fn:cite-4">5</a></sup><sup class="citation-separator">,</sup>'
                     r'\u2060<sup id="fnref:cite-5">', html)


def test_left_alone_code_escapes_and_plain_brackets(site):
    html = site.html("")
    assert "<code>[@meti2023koubo]</code>" in html
    assert "[@kanda2024]\n</code></pre>" in html
    assert "と [@meti2023koubo] と [連絡先 me@example.com]。" in html
    assert "and [@meti2023koubo] and [write to me@example.com]." in site.html("en/")


def test_citations_in_included_snippets_are_resolved(site):
    assert "Included text cites\u2060<sup id=\"fnref:cite-7\">" in site.html("")


def test_everything_from_the_bibliography_is_escaped(site):
    for path in ("", "en/", "references/", "en/references/"):
        html = site.html(path)
        assert "<script>alert(1)</script>" not in html
        assert "<img src=x" not in html
        assert 'href="javascript:' not in html
        assert "<b>Evil</b>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt; **bold** [x](y)" in site.html("")
    assert "&lt;img src=x onerror=alert(1)&gt;" in site.html("en/")


def test_bad_url_is_reported_with_the_entry_line(site):
    assert ("refs.bib:58: entry 'hostile' has url 'javascript:alert(1)' that is not http(s); "
            "shown as text (cited at docs/index.ja.md:21)") in site.output


def test_html_lang_is_right_on_every_page(site):
    for path, lang in (("", "ja"), ("other/", "ja"), ("en/", "en"), ("en/references/", "en")):
        assert f'<html lang="{lang}"' in site.html(path)


REFERENCE_ORDER = ["Good", "hostile", "uncited", "kanda2024", "meti2023koubo", "nec2023",
                   "meti2019jinzai"]


@pytest.mark.parametrize(
    ("path", "cited_on", "trace", "not_cited", "several"),
    [
        # the label with its language's colon, the pages with its list separator
        ("references/", '引用しているページ：<a href="../">索引ページ</a>、'
         '<a href="../other/">別のページ</a>',
         "レポート脚注 4", "このサイトのページからは引用されていません", "レポート脚注 2、20"),
        ("en/references/", 'Cited on: <a href="../">Index page</a>, '
         '<a href="../other/">Another page</a>',
         "Report footnote 4", "Not cited on any page of this site", "Report footnotes 2, 20"),
    ],
)
def test_references_page(site, path, cited_on, trace, not_cited, several):
    html = site.html(path)
    assert re.findall(r'<li id="([^"]+)" class="reference">', html) == REFERENCE_ORDER
    kanda = html.split('<li id="kanda2024"', 1)[1].split("</li>", 1)[0]
    assert cited_on in kanda
    assert trace in kanda
    assert "@inreport{kanda2024," in kanda  # the BibTeX to copy
    uncited = html.split('<li id="uncited"', 1)[1].split("</li>", 1)[0]
    assert not_cited in uncited
    assert f'<p class="reference-trace">{several}</p>' in uncited
