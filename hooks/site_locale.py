"""The site's language rules, defined once for the hooks, the templates and the checks.

- which language a page is in (and the default when a build names none);
- how a date is written in each language: the citation plugin's styles decide, so a brief's
  "how to cite" block, the timeline and the references agree;
- the interface words the hooks and templates write, in both languages;
- the fixed section headings of a brief (要点, データ, Key points, Data, …);
- which version of a Japanese page an English page translates (its hash).

Plain Python (no MkDocs import): hooks import it as `site_locale` (MkDocs puts a hook's
folder on sys.path while loading it), the checks and tests as `hooks.site_locale`. As a hook
itself it hands the words of the language being built to the templates (`words.NAME`).
"""

from __future__ import annotations

import hashlib
from datetime import date
from typing import Any

from briefs_citations.styles import style_for

LANGUAGES = ("ja", "en")
#: The site's default language: mkdocs.yml's `theme.language` and the i18n plugin's default.
DEFAULT_LANGUAGE = "ja"
#: Words for a language the site has none for.
FALLBACK_LANGUAGE = "en"
#: Each language as a territory-qualified locale, as link previews (Open Graph) name it; the
#: English pages spell British (summarise, centres).
LOCALES = {"ja": "ja_JP", "en": "en_GB"}

WORDS: dict[str, dict[str, str]] = {
    "ja": {
        "cite_heading": "このブリーフの引用のしかた",
        "bibtex_language": "japanese",  # BibTeX's `language` field (babel's name)
        "language_ja": "日本語",
        "language_en": "英語",
        "csv_download": "CSV でダウンロード（図表 {n} のデータ、UTF-8）",
        "footnote_backlink": "本文の脚注 %d に戻る",
        "chart_sources": "出所：",
        "chart_value": "{label}：{value}",  # the chart's text alternative, bar by bar
        "chart_separator": "、",
        "search_error": "検索インデックスを読み込めませんでした。",
        # search-words.js: "#" is a number or the reader's words, each quoted with search_quote
        "search_short": "# 文字以上入力してください",
        "search_none": "#を含むページはありません",
        "search_suggest": "#で検索",
        "search_dropped": "#はどのページにもないため、除いて検索しました",
        "search_some": "すべての語を含むページはありません。一部を含むページ：",
        "search_quote": "「#」",
        "search_separator": "、",
        "not_found_title": "ページが見つかりません（404）",
        "not_found_text": "このアドレスにはページがない。"
                          "移動したか、アドレスが誤っている可能性がある。",
        "not_found_home": "ホーム",
        "not_found_after_home": "から節や図表ごとにブリーフを探すか、検索を使ってほしい。",
        "stale_title": "この翻訳は古くなっている可能性がある",
        "stale_text": "原文が、この翻訳を最後に確認した後に変更された。翻訳者が更新するまでは、"
                      "[英語の原文]({link})が正式な内容である。",
    },
    "en": {
        "cite_heading": "How to cite this brief",
        "bibtex_language": "english",
        "language_ja": "Japanese",
        "language_en": "English",
        "csv_download": "Download as CSV (figure {n} data, UTF-8)",
        "footnote_backlink": "Jump back to footnote %d in the text",
        "chart_sources": "Sources: ",
        "chart_value": "{label}: {value}",
        "chart_separator": "; ",
        "search_error": "The search index could not be loaded.",
        "search_short": "Type at least # characters",
        "search_none": "No page contains #",
        "search_suggest": "Search for #",
        "search_dropped": "No page contains #: searched without it",
        "search_some": "No page has all the words; pages with some of them:",
        "search_quote": "“#”",
        "search_separator": ", ",
        "not_found_title": "Page not found (404)",
        "not_found_text": "There is no page at this address. It may have moved, or the address "
                          "may be mistyped.",
        "not_found_home": "Go to the home page",
        "not_found_after_home": " to find the briefs by section or figure, or use the search.",
        "stale_title": "This translation may be out of date",
        "stale_text": "The original has changed since this translation was last checked. Until a "
                      "translator updates this page, [the Japanese page]({link}) is the "
                      "authoritative text.",
    },
}

#: The second-level headings every brief has, in this order (a figure brief adds `data`).
SECTIONS: dict[str, dict[str, str]] = {
    "key_points": {"ja": "要点", "en": "Key points"},
    "summary": {"ja": "レポートの要旨", "en": "What the report says"},
    "data": {"ja": "データ", "en": "Data"},
    "annotation": {"ja": "注釈", "en": "Annotation"},
    "related": {"ja": "関連", "en": "Related"},
}
BRIEF_SECTIONS = ("key_points", "summary", "annotation", "related")


def page_language(config: Any) -> str:
    """The language of the build pass (mkdocs-static-i18n sets `theme.language` per pass)."""
    theme = getattr(config, "theme", None) or {}
    return theme.get("language") or default_language(config)


def default_language(config: Any) -> str:
    """The language of the site's root pages: the i18n plugin's default, else the site's."""
    plugins = getattr(config, "plugins", None) or {}
    i18n = plugins.get("i18n") if hasattr(plugins, "get") else None
    return getattr(i18n, "default_language", None) or DEFAULT_LANGUAGE


def words(lang: str) -> dict[str, str]:
    """The interface words of `lang` (English for a language the site has none for)."""
    return WORDS.get(lang, WORDS[FALLBACK_LANGUAGE])


def date_text(day: date, lang: str) -> str:
    """A full date as the citation plugin's style for `lang` writes it."""
    return style_for(lang).format_date(day.isoformat())


def section(name: str, lang: str) -> str:
    """A brief's fixed heading in one language."""
    return SECTIONS[name][lang]


def section_labels(*names: str) -> frozenset[str]:
    """The headings `names` in every language (all of them without names)."""
    return frozenset(text for key in (names or SECTIONS) for text in SECTIONS[key].values())


def translation_hash(text: str) -> str:
    """The version of a Japanese page that an English page's `translation_of` names: the
    first 12 hex digits of the SHA-256 of its text (UTF-8, no byte order mark)."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:12]


def on_env(env: Any, config: Any, files: Any) -> Any:
    """Templates read the words of the language being built as `words.NAME`."""
    env.globals["words"] = words(page_language(config))
    return env
