"""Japanese on an English page is marked as Japanese: each run of it in a `<span lang="ja">`.

English pages quote Japanese often: a source's original title after "our translation of", an
author's name in kanji, the report's title on the home page, a Japanese term in the glossary.
Unmarked, a screen reader reads it with the English voice, and a browser may draw its kanji
with a Chinese font's shapes (WCAG 3.1.2, Language of Parts). The site has no Chinese, so
every run of kana, kanji and Japanese punctuation on an English page is Japanese; Latin words
and numbers between two such runs (「国内 AI 開発」, 「2024 年 3 月」) belong to the run.

Plain Python, no MkDocs import; an MkDocs hook on the English pages, after keep_units.py.
"""

from __future__ import annotations

import re
from typing import Any

from html_text import map_text
from site_locale import page_language

#: Kana, kanji, CJK symbols and punctuation (「」、。・―), full-width forms (（）！), Ⅱ.
_JA = (r"\u2015\u2160-\u217f\u3000-\u303f\u3040-\u30ff\u31f0-\u31ff\u3400-\u4dbf"
       r"\u4e00-\u9fff\uf900-\ufaff\uff01-\uff60")
#: A Latin word, a number or a dash inside Japanese text.
_INSIDE = r"(?:[A-Za-z0-9][A-Za-z0-9.,%&+/'-]*|[—–-])"
#: A run: Japanese characters, and between two of them at most three such words.
RUN = re.compile(rf"[{_JA}]+(?:[ \t]*(?:{_INSIDE}[ \t]*){{0,3}}[{_JA}]+)*")
SPAN = '<span lang="ja">{}</span>'

#: The languages whose pages get the mark: a page in Japanese needs none.
MARKED = ("en",)


def mark(text: str) -> str:
    """`text` (no markup, HTML-escaped) with each run of Japanese in a `<span lang="ja">`."""
    return RUN.sub(lambda match: SPAN.format(match.group()), text)


def mark_html(html: str) -> str:
    """Every run of Japanese in the text of `html` marked, code included (a BibTeX entry's
    Japanese title: drawn with Japanese glyphs, copied unchanged); not in tags or scripts."""
    return map_text(html, mark, code=mark)


def on_post_page(output: str, page: Any, config: Any) -> str:
    return mark_html(output) if page_language(config) in MARKED else output


def on_post_template(output: str, template_name: str, config: Any) -> str:
    if template_name == "404.html" and page_language(config) in MARKED:
        return mark_html(output)
    return output
