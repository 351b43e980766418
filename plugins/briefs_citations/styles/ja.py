"""Japanese references, in the conventions of the report itself.

Later notes of a source already given in full on the page are short notes: author
(family name) or organisation, year in ［］, the short title only where two sources would
read the same, then the locator: 田邊［2024］、図表 3; 経済産業省［2023］「GENIAC」、p. 2.
同上 is not used (`ibid = ""`): a note is often read alone, in its tooltip, where 同上
names nothing.

Organisation or authors first (family name first, no space between a Japanese family
and given name), titles in 「」 (reports and books in 『』; titles in other languages in
“ ”), full-width （）, dates as `2023 年 11 月 10 日`. Japanese pages show the source's
original names and titles, never the `_en` translations.
"""

from __future__ import annotations

import html

from pybtex.richtext import Text

from briefs_citations.bibliography import Entry
from briefs_citations.styles.base import (
    Labels,
    ReferenceStyle,
    family_name,
    is_cjk,
    person_name,
)


class JapaneseStyle(ReferenceStyle):
    lang = "ja"
    labels = Labels(
        see_entry="文献一覧",
        report_notes=("レポート脚注 {}", "レポート脚注 {}"),
        report_figures=("レポート図表 {}", "レポート図表 {}"),
        cited_on="引用しているページ：{}",
        not_cited="このサイトのページからは引用されていません",
        cited_elsewhere="このサイトのもう一方の言語のページでのみ引用されています",
        bibtex="BibTeX",
        unknown_key="文献一覧にない引用キー",
        back_to_text="本文に戻る",
        back_to_mention="本文の{}か所目に戻る",
        no_date="刊行年不明",
        separator="、",
    )
    ibid = ""

    def format_online(self, entry: Entry) -> Text:
        return Text(_spaced(self._organisation(entry), "ウェブサイト"), self._quoted(entry),
                    self._parenthesised_date(entry))

    def format_pressrelease(self, entry: Entry) -> Text:
        return Text(_spaced(self._organisation(entry), "プレスリリース"), self._quoted(entry),
                    self._parenthesised_date(entry))

    def format_govdoc(self, entry: Entry) -> Text:
        return Text(self._organisation(entry), self._quoted(entry),
                    self._parenthesised_date(entry))

    def format_report(self, entry: Entry) -> Text:
        if not self.persons(entry, "author"):
            return Text(self.value(entry, "institution"),
                        self._quoted(entry, book=True), self._parenthesised_date(entry))
        return Text(self._authors_and_year(entry), self._quoted(entry, book=True),
                    self.value(entry, "institution"), *self._comma(self.date(entry)))

    def format_inreport(self, entry: Entry) -> Text:
        book = self.value(entry, "booktitle")
        return Text(
            self._authors_and_year(entry),
            self._quoted(entry),
            f"『{book}』" if book else "",
            self.value(entry, "institution"),
            *self._comma(self.date(entry)),
            *self._comma(f"pp. {self.pages(entry)}" if self.pages(entry) else ""),
        )

    def with_locator(self, reference_html: str, locator: str) -> str:
        return f"{reference_html}、{html.escape(locator)}" if locator else reference_html

    def short_author(self, entry: Entry) -> str:
        persons = self.persons(entry, "author")
        if not persons:
            return self.value(entry, "organization") or self.value(entry, "institution")
        families = [family_name(p) for p in persons]
        return families[0] + "ほか" if len(families) > 2 else "・".join(families)

    def format_short(self, author: str, year: str, title: str) -> Text:
        return Text(author, f"［{year}］", f"「{_nested(title)}」" if title else "")

    def format_date(self, iso: str) -> str:
        parts = [int(part) for part in iso.split("-")]
        return " ".join(f"{n} {unit}" for n, unit in zip(parts, ("年", "月", "日"), strict=False))

    def format_persons(self, entry: Entry, role: str) -> str:
        names = [
            person_name(p, family_first=True, separator="" if is_cjk(str(p)) else " ")
            for p in self.persons(entry, role)
        ]
        return "・".join(names)

    def _organisation(self, entry: Entry) -> str:
        return self.value(entry, "organization") or self.format_persons(entry, "author")

    def _authors_and_year(self, entry: Entry) -> str:
        year = self.year(entry)
        return self.format_persons(entry, "author") + (f"［{year}］" if year else "")

    def _quoted(self, entry: Entry, *, book: bool = False) -> Text:
        title = _nested(self.value(entry, "title"))
        if not is_cjk(title) and not self.is_in(entry, "japanese"):  # the source's language
            return Text("“", self.in_source_language(entry, self.link(entry, title)), "”")
        opening, closing = ("『", "』") if book else ("「", "」")
        return Text(opening, self.link(entry, title), closing)

    def _parenthesised_date(self, entry: Entry) -> str:
        date = self.date(entry)
        return f"（{date}）" if date else ""

    def _comma(self, part: str) -> tuple[str, ...]:
        return ("、", part) if part else ()


def _spaced(latin: str, japanese: str) -> str:
    """Join with the half-width space the report puts between Latin and Japanese text."""
    if latin[-1:].isascii() and latin[-1:].isalnum():
        return f"{latin} {japanese}"
    return latin + japanese


def _nested(title: str) -> str:
    """「」 inside a title that will itself stand in 「」 becomes 『』, as in the report."""
    return title.replace("「", "『").replace("」", "』")
