"""Language of parts (WCAG 3.1.2) on the real site: every Japanese character on an English
page (code included) is inside an element marked lang="ja" (hooks/language_parts.py), read
with an HTML parser that follows each element's language; and the rule's own tables."""

from __future__ import annotations

import re
from html.parser import HTMLParser

import pytest

from hooks.language_parts import mark, mark_html
from tests.browser.style_cover import VOID  # HTML's elements without an end tag

JAPANESE = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff]")  # kana and kanji
#: Not text a reader meets on the page (code is: a BibTeX entry's Japanese title).
NOT_READ = {"script", "style", "title", "textarea"}


class Languages(HTMLParser):
    """The text of a page with the language each piece is in (the nearest `lang`)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[tuple[str, str]] = []
        self.unmarked: list[str] = []
        self.marked = 0

    def handle_starttag(self, tag, attrs):
        if tag not in VOID:
            lang = dict(attrs).get("lang") or (self.stack[-1][1] if self.stack else "")
            self.stack.append((tag, lang))

    def handle_endtag(self, tag):
        while self.stack:
            if self.stack.pop()[0] == tag:
                break

    def handle_data(self, data):
        inside = self.stack[-1] if self.stack else ("", "")
        if not JAPANESE.search(data) or any(tag in NOT_READ for tag, _ in self.stack):
            return
        if inside[1] == "ja":
            self.marked += 1
        else:
            self.unmarked.append(data.strip()[:40])


def test_every_japanese_word_on_an_english_page_is_marked_japanese(real_site):
    marked, unmarked = 0, {}
    for page in sorted((real_site.site / "en").rglob("*.html")):
        parser = Languages()
        parser.feed(page.read_text(encoding="utf-8"))
        marked += parser.marked
        if parser.unmarked:
            unmarked[page.relative_to(real_site.site).as_posix()] = parser.unmarked[:5]
    assert unmarked == {}
    assert marked > 300, marked  # the pages do quote Japanese: the test measured something


@pytest.mark.parametrize(("text", "expected"), [
    ("[our translation of デフレ完全脱却]", "[our translation of <J>デフレ完全脱却</J>]"),
    ("Miho Tanabe (田邉美穂), researcher (大和総研)",
     "Miho Tanabe (<J>田邉美穂</J>), researcher (<J>大和総研</J>)"),
    ("IT 関連政策から読み解く日本の DX—海外に後れを取る国内 AI 開発の行方",
     "IT <J>関連政策から読み解く日本の DX—海外に後れを取る国内 AI 開発の行方</J>"),
    ("AI 活用戦略Ⅱ―わが国の AI-Powered 化に向けて―]",
     "AI <J>活用戦略Ⅱ―わが国の AI-Powered 化に向けて―</J>]"),
    ("「2024 年 3 月」と", "<J>「2024 年 3 月」と</J>"),
    ("AI 活用による Society 5.0 for SDGs の実現",
     "AI <J>活用による</J> Society 5.0 for SDGs <J>の実現</J>"),
    ("plain English, 2024 and 13 billion", "plain English, 2024 and 13 billion"),
])
def test_runs_of_japanese_are_marked(text, expected):
    assert mark(text) == expected.replace("<J>", '<span lang="ja">').replace("</J>", "</span>")


@pytest.mark.parametrize(("html", "expected"), [
    ('<pre><code><span class="s">title = {国内 AI 開発}</span></code></pre>',
     '<pre><code><span class="s">title = {<J>国内 AI 開発</J>}</span></code></pre>'),
    ("<p>Tanabe (<kbd>田邉</kbd>)</p>", "<p>Tanabe (<kbd><J>田邉</J></kbd>)</p>"),
    ('<a title="大和総研" href="/x">Daiwa</a>', '<a title="大和総研" href="/x">Daiwa</a>'),
    ("<title>要約 - Briefs</title>", "<title>要約 - Briefs</title>"),
    ('<script>const s = "要約";</script>', '<script>const s = "要約";</script>'),
    ("<textarea>要約</textarea>", "<textarea>要約</textarea>"),
], ids=["code", "kbd", "attribute", "title", "script", "textarea"])
def test_japanese_in_code_is_marked_and_attributes_and_scripts_are_not(html, expected):
    assert mark_html(html) == expected.replace("<J>", '<span lang="ja">').replace("</J>",
                                                                                  "</span>")


@pytest.mark.parametrize(("key", "lang"), [("openai2024japan", "en"),
                                           ("reuters2024openai", "en"),
                                           ("siecle2024openai", "fr")])
def test_a_foreign_title_on_the_japanese_references_page_is_marked(real_site, key, lang):
    """The citation style marks a source's own title in its language (`langid`)."""
    html = real_site.html("references/")
    row = html.split(f'<li id="{key}"', 1)[1].split("</li>", 1)[0]
    title = re.search(r"“(.*?)”", row)
    assert title and title[1].startswith(f'<span lang="{lang}">'), row[:300]
