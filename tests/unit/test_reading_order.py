"""Footnotes in reading order inside every nested construct the site's Markdown allows, one
back-link per marker, markers glued to the cited word, short notes after the first.

Each page goes through plain Python-Markdown with the site's extensions (mkdocs.yml), the
citation extension made for that page: the host without MkDocs.
"""

from __future__ import annotations

import re
from html import unescape

import markdown
import pytest

from briefs_citations.bibliography import parse
from briefs_citations.formatter import ReferenceFormatter
from briefs_citations.markdown_ext import CitationExtension

BIB = """\
@report{rep, author = {田邊, 美穂}, author_en = {Tanabe, Miho}, institution = {大和総研},
  title = {報告書 — 副題}, title_en = {The report}, date = {2024-06-14},
  url = {https://example.com/report?a=1&b=2}, langid = {japanese}}
@online{web, organization = {OpenAI}, title = {News}, date = {2024-04-14}, langid = {english}}
@online{twin1, organization = {経済産業省}, organization_en = {METI}, title = {公募 — 第1回},
  title_en = {Call: round one}, shorttitle_en = {Call one}, date = {2023-01-01},
  langid = {japanese}}
@online{twin2, organization = {経済産業省}, organization_en = {METI}, title = {採択},
  title_en = {Selection}, date = {2023-05-01}, langid = {japanese}}
"""
EXTENSIONS = ["abbr", "admonition", "attr_list", "md_in_html", "tables", "footnotes",
              "pymdownx.details", "pymdownx.superfences", "pymdownx.tabbed"]
CONFIGS = {"footnotes": {"USE_DEFINITION_ORDER": False},
           "pymdownx.tabbed": {"alternate_style": True}}
FORMATTER = ReferenceFormatter(parse(BIB))


def render(text: str, lang: str = "en") -> str:
    ext = CitationExtension(bibliography=FORMATTER, lang=lang, references_url="../refs/",
                            source_path=f"docs/p.{lang}.md")
    return markdown.Markdown(extensions=[*EXTENSIONS, ext], extension_configs=CONFIGS
                             ).convert(text)


def markers(html: str) -> list[tuple[str, str, int]]:
    """(marker id, note id, number) of every marker, in document order."""
    return [(m[0], m[1], int(m[2])) for m in re.findall(
        r'<sup id="([^"]+)"><a class="footnote-ref" href="#([^"]+)">(\d+)</a></sup>', html)]


def notes(html: str) -> list[str]:
    return re.findall(r'<li id="(fn:[^"]+)">', html)


def backlinks(html: str, note_id: str) -> list[tuple[str, str]]:
    """(href, title) of the back-links of one note."""
    item = re.search(rf'<li id="{re.escape(note_id)}">(.*?)</li>', html, re.S).group(1)
    return re.findall(r'<a aria-label="[^"]*" class="footnote-backref" href="#([^"]+)"'
                      r' title="([^"]+)">', item)


def assert_reading_order(html: str) -> None:
    """Numbers 1, 2, 3 … by first appearance; notes listed in that order; every marker
    has its own id and one back-link that returns to it."""
    found = markers(html)
    first: dict[str, int] = {}
    for _, note_id, number in found:
        first.setdefault(note_id, number)
        assert number == first[note_id]
    assert list(first.values()) == list(range(1, len(first) + 1)), found
    assert notes(html)[: len(first)] == list(first)
    ids = [marker_id for marker_id, _, _ in found]
    assert len(ids) == len(set(ids))
    for note_id in first:
        mine = [marker_id for marker_id, target, _ in found if target == note_id]
        assert [href for href, _ in backlinks(html, note_id)] == mine


NESTED = {
    "list": "Intro[^h].\n\n- item[@web]\n- item[@rep, p. 2]\n\nAfter[@rep].\n\n[^h]: Hand.",
    "nested list": "A[@web].\n\n- one\n    - deep[@rep]\n        - deeper[^h]\n\nB[@twin1].\n\n"
                   "[^h]: Hand.",
    "admonition": "A[^h].\n\n!!! note\n    Inside[@rep] it.\n\nB[@web].\n\n[^h]: Hand.",
    "details": "A[@web].\n\n??? note \"More\"\n    Hidden[@rep].\n\nB[@twin1][^h].\n\n"
               "[^h]: Hand.",
    "table": "A[@web].\n\n| a | b |\n|---|---|\n| x[@rep] | y[^h] |\n\nB[@twin2].\n\n"
             "[^h]: Hand.",
    "tabs": "A[@web].\n\n=== \"One\"\n\n    Tab[@rep].\n\n=== \"Two\"\n\n    Tab[@twin1].\n\n"
            "B[^h].\n\n[^h]: Hand.",
    "md_in_html": "A[@web].\n\n<div markdown>\nIn html[@rep].\n</div>\n\nB[@twin2].",
    "quote": "A[@web].\n\n> Quoted[@rep] text[^h].\n\nB[@twin1].\n\n[^h]: Hand.",
}


@pytest.mark.parametrize("text", NESTED.values(), ids=NESTED.keys())
def test_markers_are_numbered_in_reading_order(text: str) -> None:
    html = render(text)
    assert_reading_order(html)
    assert [number for _, _, number in markers(html)][:2] == [1, 2]


def test_nested_markers_follow_the_paragraph_before_them() -> None:
    """Python-Markdown alone numbers the list marker after the paragraph below it."""
    html = render("Intro[@web].\n\n- item[@rep]\n\nAfter[@twin1].")
    assert [(note, n) for _, note, n in markers(html)] == [
        ("fn:cite-1", 1), ("fn:cite-2", 2), ("fn:cite-3", 3)]


@pytest.mark.parametrize(("lang", "titles"), [
    ("en", ["Back to the 1st mention", "Back to the 2nd mention", "Back to the 3rd mention"]),
    ("ja", ["本文の1か所目に戻る", "本文の2か所目に戻る", "本文の3か所目に戻る"]),
])
def test_one_back_link_per_marker_titled_by_position(lang: str, titles: list[str]) -> None:
    html = render("A[@web].\n\n- B[@web]\n\nC[@web] and D[@rep].", lang)
    assert [unescape(t) for _, t in backlinks(html, "fn:cite-1")] == titles
    assert [href for href, _ in backlinks(html, "fn:cite-1")] == [
        "fnref:cite-1", "fnref2:cite-1", "fnref3:cite-1"]
    item = re.search(r'<li id="fn:cite-1">(.*?)</li>', html, re.S).group(1)
    assert re.findall(r'class="footnote-backref"[^>]*>([^<]*)</a>', item) == ["a", "b", "c"]
    only = {"en": "Back to the text", "ja": "本文に戻る"}[lang]
    assert [unescape(t) for _, t in backlinks(html, "fn:cite-2")] == [only]


@pytest.mark.parametrize(("number", "ordinal"), [
    (1, "1st"), (2, "2nd"), (3, "3rd"), (4, "4th"), (11, "11th"), (12, "12th"), (13, "13th"),
    (21, "21st"), (22, "22nd"), (101, "101st"), (111, "111th"),
])
def test_english_ordinals(number: int, ordinal: str) -> None:
    assert FORMATTER.style("en").ordinal(number) == ordinal


@pytest.mark.parametrize(("text", "glued"), [
    ("security [@web].", "security\u2060<sup"),
    ("security\n[@web].", "security\u2060<sup"),
    ("計算資源 [@web]。", "計算資源\u2060<sup"),
    ("a *word* [@web].", "</em>\u2060<sup"),
    ("hand [^h].\n\n[^h]: Note.", "hand\u2060<sup"),
])
def test_marker_glued_to_the_word_before_it(text: str, glued: str) -> None:
    html = render(text)
    assert glued in html
    assert not re.search(r"\s<sup id=\"fnref", html)


def test_marker_at_the_start_of_a_block_stays_there() -> None:
    html = render("[@web] starts.")
    assert html.startswith('<p><sup id="fnref:cite-1">')


@pytest.mark.parametrize(("lang", "full", "short", "third"), [
    ("en", 'Miho Tanabe. 2024. <em><a href="https://example.com/report?a=1&amp;b=2">The '
           "report</a></em> [our translation of 報告書 — 副題] (in Japanese). 大和総研,"
           " 14 June 2024, §3.",
     '<a href="https://example.com/report?a=1&amp;b=2">Tanabe (2024)</a>, fig. 3.',
     '<a href="https://example.com/report?a=1&amp;b=2">Tanabe (2024)</a>.'),
    ("ja", '田邊美穂［2024］『<a href="https://example.com/report?a=1&amp;b=2">報告書 — 副題'
           "</a>』大和総研、2024 年 6 月 14 日、§3",
     '<a href="https://example.com/report?a=1&amp;b=2">田邊［2024］</a>、fig. 3',
     '<a href="https://example.com/report?a=1&amp;b=2">田邊［2024］</a>'),
])
def test_later_notes_of_a_source_are_short(lang: str, full: str, short: str,
                                           third: str) -> None:
    html = render("A[@rep, §3]. B[@rep, fig. 3]. C[@rep, §3]. D[@rep].", lang)
    bodies = re.findall(r'<span class="citation">(.*?)</span>', html)
    assert bodies == [full, short, third]
    assert [n for _, _, n in markers(html)] == [1, 2, 1, 3]


@pytest.mark.parametrize(("lang", "one", "two"), [
    ("en", "METI (2023), “Call one”, p. 2.", "METI (2023), “Selection”, p. 4."),
    ("ja", "経済産業省［2023］「公募」、p. 2", "経済産業省［2023］「採択」、p. 4"),
])
def test_short_title_only_where_two_sources_would_read_the_same(lang, one, two) -> None:
    html = render("A[@twin1] B[@twin2] C[@twin1, p. 2] D[@twin2, p. 4] E[@web] F[@web, p. 1]",
                  lang)
    bodies = re.findall(r'<span class="citation">(.*?)</span>', html)
    assert bodies[2:4] == [one, two]
    assert bodies[5] == {"en": "OpenAI (2024), p. 1.", "ja": "OpenAI［2024］、p. 1"}[lang]


def test_no_ibid_in_either_language() -> None:
    assert FORMATTER.style("en").ibid == "" and FORMATTER.style("ja").ibid == ""
    html = render("A[@rep, p. 1] B[@rep, p. 2]", "ja")
    assert "同上" not in html and "Ibid" not in render("A[@rep, p. 1] B[@rep, p. 2]")
