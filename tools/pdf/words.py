"""What the edition says in each language: one `Words` per language, chosen once by the
document's `<html lang>`; the rest of the package never branches on the language."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from hooks.keep_units import join_en
from hooks.site_locale import date_text

#: The report the site annotates: its key in references.bib, and its address (verified in
#: /work/shared/report/sources.md; the institute's page, not a PDF, whose address is unknown).
REPORT_KEY = "tanabe2024"
REPORT_URL = "https://www.dir.co.jp/report/research/economics/japan/20240614_024448.html"

@dataclass(frozen=True)
class Words:
    lang: str
    contents: str            # heading of the table of contents
    edition: str             # "print edition" under the title
    annotates: str           # label before the report's reference on the cover
    address: str             # label before the report's address
    statement: str           # the independent-commentary statement
    edition_date: str        # label before the edition's date; {date} is replaced
    same_as: str             # a repeated note; {n} is the number of the first one
    page_number: str         # CSS content of the page number
    keep_together: Callable[[str], str]  # numbers joined to their units by no-break spaces

    def date_text(self, day: date) -> str:
        """The site's date for this language (hooks/site_locale.py: one format everywhere)."""
        return date_text(day, self.lang)

    def keep_units(self, text: str) -> str:
        """Join numbers to their units with no-break spaces, so a line never splits them."""
        return self.keep_together(text)


_NBSP = "\u00a0"
_CJK = "\u3040-\u30ff\u3400-\u9fff\uff01-\uff5e"
_JA_JOINS = (
    # 2024 年, 130 億, 6 月: a number and the counter or unit after it (text this package
    # writes; the site's own Japanese text has no such space, hooks/keep_units.py)
    (re.compile(rf"(\d)[ \t\n]+(?=[{_CJK}%％])"), rf"\1{_NBSP}"),
    # 第 221 回, 約 3,500: a prefix and its number
    (re.compile(r"([第約計全])[ \t\n]+(?=\d)"), rf"\1{_NBSP}"),
)


def _join_ja(text: str) -> str:
    for pattern, replacement in _JA_JOINS:
        text = pattern.sub(replacement, text)
    return text


JA = Words(
    lang="ja",
    contents="目次",
    edition="印刷版",
    annotates="注釈の対象",
    address="掲載ページ",
    statement=("本書は大和総研のレポート 1 本を節と図表ごとに要約し注釈を付けた、独立した"
               "ブリーフ集の印刷版である。大和総研が発行するものではない。レポートの本文は"
               "収録していない。"),
    edition_date="この版の日付：{date}",
    same_as="注 {n} に同じ。",
    page_number='counter(page) " / " counter(pages) " ページ"',
    keep_together=_join_ja,
)

EN = Words(
    lang="en",
    contents="Contents",
    edition="Print edition",
    annotates="Annotates",
    address="Address",
    statement=("This is the print edition of an independent set of briefs that summarise and "
               "annotate one report of the Daiwa Institute of Research, section by section and "
               "figure by figure. It is not published by the Daiwa Institute of Research and "
               "does not reproduce the report's text."),
    edition_date="Edition of {date}",
    same_as="As note {n}.",
    page_number='"Page " counter(page) " of " counter(pages)',
    keep_together=join_en,  # the same pairs as on the site's English pages
)

WORDS = {words.lang: words for words in (JA, EN)}
