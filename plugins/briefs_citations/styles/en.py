"""English references: English conventions, English names where the entry has them.

Fields ending in `_en` (`title_en`, `organization_en`, `author_en`, …) are read first.
An English title is followed by the original in brackets and `(in Japanese)` (or the
source's language): `[original]` when it is the source's own English title
(`title_en_official = {true}`), `[our translation of original]` when it is ours. Where an
entry has no English title the original is shown and a problem is reported. Names without
an `_en` form are shown as written: a romanisation is never made up.

A translated title is followed by the original in brackets and `(in Japanese)` (or the
source's language); where an entry has no English title the original is shown and a
problem is reported. Names without an `_en` form are shown as written: a romanisation
is never made up.

Later notes of a source already given in full on the page are short notes, as in
Chicago's notes: author's family name or organisation, year in brackets, the short
title only where two sources would read the same, then the locator:
Tanabe (2024), fig. 3.; METI (2023), “GENIAC”, p. 2. Ibid. is not used (`ibid = ""`;
Chicago 17 prefers short notes): a note is often read alone, in its tooltip, where
Ibid. names nothing.
"""

from __future__ import annotations

import html
import re

from pybtex.richtext import Tag, Text

from briefs_citations.bibliography import Entry
from briefs_citations.styles.base import (
    Labels,
    ReferenceStyle,
    family_name,
    is_cjk,
    person_name,
)

#: How a title we translated is marked; the source's own English title is not.
TRANSLATED = "our translation of {}"
_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
           "September", "October", "November", "December")


class EnglishStyle(ReferenceStyle):
    lang = "en"
    field_suffix = "_en"
    labels = Labels(
        see_entry="in references",
        report_notes=("Report footnote {}", "Report footnotes {}"),
        report_figures=("Report figure {}", "Report figures {}"),
        cited_on="Cited on: {}",
        not_cited="Not cited on any page of this site",
        cited_elsewhere="Cited only on this site’s pages in the other language",
        bibtex="BibTeX",
        unknown_key="citation key not in the bibliography",
        back_to_text="Back to the text",
        back_to_mention="Back to the {} mention",
        no_date="n.d.",
    )
    ibid = ""
    short_end = "."

    def format_online(self, entry: Entry) -> Text:
        return self._sentences(self._organisation(entry), self._title(entry), self.date(entry))

    def format_pressrelease(self, entry: Entry) -> Text:
        return self._sentences(self._organisation(entry), self._title(entry, kind="Press release"),
                               self.date(entry))

    def format_govdoc(self, entry: Entry) -> Text:
        return self._sentences(self._organisation(entry), self._title(entry), self.date(entry))

    def format_report(self, entry: Entry) -> Text:
        institution = self.value(entry, "institution")
        if not self.persons(entry, "author"):
            return self._sentences(institution, self._title(entry, book=True), self.date(entry))
        return self._sentences(self.format_persons(entry, "author"), self.year(entry),
                               self._title(entry, book=True),
                               Text(institution, ", ", self.date(entry)))

    def format_inreport(self, entry: Entry) -> Text:
        book = Text("In ", Tag("em", self.value(entry, "booktitle")))
        if self.has_translation(entry, "booktitle"):
            book = Text(book, self._original(entry, "booktitle"))
        pages = self.pages(entry)
        return self._sentences(
            self.format_persons(entry, "author"), self.year(entry), self._title(entry),
            Text(book, f", pp. {pages}" if pages else ""),
            Text(self.value(entry, "institution"), ", ", self.date(entry)),
        )

    def with_locator(self, reference_html: str, locator: str) -> str:
        if not locator:
            return reference_html
        return f"{reference_html.removesuffix('.')}, {html.escape(locator)}."

    def short_author(self, entry: Entry) -> str:
        persons = self.persons(entry, "author")
        if not persons:
            return self.value(entry, "organization") or self.value(entry, "institution")
        families = [family_name(p) for p in persons]
        if len(families) > 2:
            return f"{families[0]} et al."
        return " and ".join(families)

    def format_short(self, author: str, year: str, title: str) -> Text:
        return Text(author, f" ({year})", f", “{title}”" if title else "")

    def ordinal(self, number: int) -> str:
        suffix = "th" if 10 <= number % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(
            number % 10, "th")
        return f"{number}{suffix}"

    def format_date(self, iso: str) -> str:
        parts = [int(part) for part in iso.split("-")]
        if len(parts) == 1:
            return str(parts[0])
        # Day first, as the briefs' English (British spelling) writes dates: one format
        # on a page whether a date comes from a reference, a hook or the prose
        # (checks/dates.py holds the prose to it).
        month = _MONTHS[parts[1] - 1]
        return f"{parts[2]} {month} {parts[0]}" if len(parts) == 3 else f"{month} {parts[0]}"

    def format_persons(self, entry: Entry, role: str) -> str:
        # Without an `_en` form a name is shown as written: a Japanese one family name
        # first with no space, a Latin-script one (an English source's) given name first.
        names = [_name(p) for p in self.persons(entry, role)]
        if len(names) <= 2:
            return " and ".join(names)
        return ", ".join(names[:-1]) + ", and " + names[-1]

    def _organisation(self, entry: Entry) -> str:
        return self.value(entry, "organization") or self.format_persons(entry, "author")

    def _title(self, entry: Entry, *, book: bool = False, kind: str = "") -> Text:
        """`"English title" [original] Kind (in Japanese)`, or the original alone."""
        title = re.sub(r'"([^"]*)"', "‘\\1’", self.value(entry, "title"))
        shown = Tag("em", self.link(entry, title)) if book else Text(
            "“", self.link(entry, title), "”")
        parts = [shown]
        if self.has_translation(entry, "title"):
            parts.append(self._original(entry, "title"))
        elif not self.is_in(entry, "english"):
            self._problem(entry, "has no English title (add 'title_en')")
        language = entry.field("langid").strip().lower()
        remarks = [kind.lower()] if kind else []
        if language and language != "english":
            remarks.append(f"in {language.capitalize()}")
        if remarks:
            parts.append(f" ({', '.join(remarks)})")
        return Text(*parts)

    def _original(self, entry: Entry, name: str) -> str:
        """` [original]` after an official English title, ` [our translation of original]`
        after ours: a reader must not take our wording for the source's."""
        original = self.original(entry, name)
        official = entry.field(f"{name}_en_official").strip().lower() == "true"
        return f" [{original if official else TRANSLATED.format(original)}]"

    def _sentences(self, *parts: Text | str) -> Text:
        """Join the non-empty parts as sentences: `A. B. C.`"""
        kept = [Text(part) for part in parts if str(part).strip()]
        pieces: list[Text | str] = []
        for part in kept:
            if pieces:
                pieces.append(" ")
            if str(part).endswith("”"):  # the period goes inside the closing quote
                pieces.append(Text(part[:-1], ".”"))
            else:
                pieces.append(part)
                if not str(part).rstrip().endswith((".", "?", "!")):
                    pieces.append(".")
        return Text(*pieces)


def _name(person) -> str:
    cjk = is_cjk(str(person))
    return person_name(person, family_first=cjk, separator="" if cjk else " ")
