"""The site's language rules (hooks/site_locale.py), and that each rule has one definition.

Issue 14's table "One place for each rule": each row names a rule and the one module that
defines it; the last test fails when a second definition appears anywhere else.
"""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest

from briefs_citations.styles import style_for
from hooks import site_locale
from tests.conftest import ROOT


class _I18n:
    default_language = "en"


class _Config:
    def __init__(self, language: str | None, plugins: dict | None = None) -> None:
        self.theme = {"language": language} if language else {}
        self.plugins = plugins or {}


@pytest.mark.parametrize(("config", "expected"), [
    (_Config("en"), "en"),
    (_Config("ja", {"i18n": _I18n()}), "ja"),
    (_Config(None, {"i18n": _I18n()}), "en"),  # the i18n plugin's default language
    (_Config(None), "ja"),  # the site's
    (object(), "ja"),
])
def test_page_language(config, expected):
    assert site_locale.page_language(config) == expected


@pytest.mark.parametrize(("day", "lang", "expected"), [
    (date(2024, 6, 14), "ja", "2024 年 6 月 14 日"),
    (date(2024, 6, 14), "en", "14 June 2024"),
    (date(2023, 11, 2), "en", "2 November 2023"),
])
def test_dates_are_the_citation_styles(day, lang, expected):
    assert site_locale.date_text(day, lang) == expected
    assert style_for(lang).format_date(day.isoformat()) == expected


def test_both_languages_have_every_word():
    assert site_locale.WORDS["ja"].keys() == site_locale.WORDS["en"].keys()
    assert all(text.strip() for words in site_locale.WORDS.values() for text in words.values())
    assert site_locale.words("fr") == site_locale.WORDS["en"]


@pytest.mark.parametrize(("names", "expected"), [
    (("data",), {"データ", "Data"}),
    (("key_points", "related"), {"要点", "Key points", "関連", "Related"}),
])
def test_section_labels(names, expected):
    assert site_locale.section_labels(*names) == expected


# rule → (pattern of a definition, the one file allowed to hold it)
RULES = {
    "page language default": (
        r"""DEFAULT_LANGUAGE\s*=|get\(["']language["']\)\s*or\s*["']""", "hooks/site_locale.py"),
    "English month names": (r'"January",\s*"February"', "plugins/briefs_citations/styles/en.py"),
    "interface words": (r"本文の脚注|CSV でダウンロード|このブリーフの引用のしかた|出所：|"
                        r"検索インデックスを読み込めませんでした|ページが見つかりません|翻訳は古くなって",
                        "hooks/site_locale.py"),
    "brief headings": (r"""["']レポートの要旨["']|["']Key points["']""", "hooks/site_locale.py"),
    "code fences": (r"`\{3,\}", "plugins/briefs_citations/regions.py"),
    "translation hash": (r"sha256\(", "hooks/site_locale.py"),
    "http(s) address": (r"https\?://", "plugins/briefs_citations/styles/base.py"),
    "parsing references.bib": (r"load_bib|bibliography\.load\(", None),
    "translation parity": (r'cited_keys\(ja\) == cited_keys\(en\)|tags\["ja"\] == tags\["en"\]',
                           None),
}
SOURCES = [p for folder in ("hooks", "checks", "overrides", "plugins", "tests/content")
           for p in sorted((ROOT / folder).rglob("*")) if p.suffix in (".py", ".html")]


def definitions(pattern: str) -> list[str]:
    return [p.relative_to(ROOT).as_posix() for p in SOURCES
            if re.search(pattern, p.read_text(encoding="utf-8"))]


@pytest.mark.parametrize("rule", RULES)
def test_each_rule_is_defined_once(rule):
    pattern, home = RULES[rule]
    if rule == "parsing references.bib":  # the plugin parses it; no hook parses it again
        assert [p for p in definitions(pattern) if p.startswith("hooks/")] == []
        return
    if rule == "translation parity":  # checks/translations.py, which tests/content calls
        assert definitions(pattern) == []
        return
    assert definitions(pattern) == [home]


def test_the_rules_home_exists():
    assert all(home is None or Path(ROOT, home).is_file() for _, home in RULES.values())
