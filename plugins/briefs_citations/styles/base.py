"""What every language's reference style shares: field lookup, checks, links, HTML output.

A style is a pybtex `BaseStyle`: pybtex dispatches an entry of type T to `format_T`,
which returns pybtex rich text; this base renders that to HTML with pybtex's HTML
backend, which escapes every string taken from the bibliography. Language-specific
conventions (punctuation, dates, names, labels) live only in the subclasses.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import ClassVar

from pybtex.backends.html import Backend
from pybtex.backends.plaintext import Backend as PlainText
from pybtex.richtext import BaseMultipartText, BaseText, HRef, Text
from pybtex.style.formatting import BaseStyle

from briefs_citations.bibfields import date_parts
from briefs_citations.bibliography import Entry

#: Fields each entry type needs; `a|b` means either will do.
REQUIRED_FIELDS: dict[str, tuple[str, ...]] = {
    "online": ("title", "organization|author"),
    "pressrelease": ("title", "organization", "date"),
    "govdoc": ("title", "organization", "date"),
    "report": ("title", "author|institution", "date"),
    "inreport": ("title", "author", "booktitle", "institution", "date", "pages"),
}
#: An address the site links to: http(s), a host with a dot (or localhost), no spaces, quotes
#: or angle brackets. The one definition of the rule: the site's checks import it.
HTTP_URL = re.compile(
    r"^https?://(?:localhost|[^\s/?#<>\"'{}|\\^`:@]+\.[^\s/?#<>\"'{}|\\^`:@]+)(?::\d+)?"
    r"(?:[/?#][^\s<>\"']*)?$",
    re.IGNORECASE,
)
#: BibLaTeX's `langid` names and the language tags of HTML's `lang`.
LANGUAGE_TAGS = {"japanese": "ja", "english": "en", "french": "fr"}
_HTML = Backend()
_PLAIN = PlainText()
# A field needs LaTeX decoding only if it has one of these; most values are plain text.
_LATEX = re.compile(r"""[\\{}$%&~#^_`'"]|--|\s\s|^\s|\s$|[^\S ]""")


@dataclass(frozen=True)
class Labels:
    """Words the pages need around references, in one language."""

    see_entry: str  # link from a footnote to the references page
    report_notes: tuple[str, str]  # one and several: ("report footnote {}", "… footnotes {}")
    report_figures: tuple[str, str]
    cited_on: str  # before the pages' links, with its language's colon; `{}`: the links
    not_cited: str
    bibtex: str
    unknown_key: str  # tooltip on an unresolved citation
    back_to_text: str  # title of a note's only back-link
    back_to_mention: str  # title of one of several back-links; `{}` is the ordinal
    no_date: str  # in a short note of an undated source
    #: A references row whose key only the other language's pages cite.
    cited_elsewhere: str = ""
    #: Between the items of a list in running text (footnote numbers, page titles).
    separator: str = ", "


@dataclass(frozen=True)
class FormattedReference:
    """One entry formatted for one language: HTML that is safe to insert as is."""

    key: str
    html: str
    note_html: str
    problems: tuple[str, ...]


class InLanguage(BaseMultipartText):
    """Text in another language than the page's: `<span lang="…">` in HTML, so that a screen
    reader switches voice (WCAG 3.1.2); as it is in plain text."""

    def __init__(self, lang: str, *parts: BaseText | str) -> None:
        self.lang = lang
        self.info = (lang,)
        super().__init__(*parts)

    def render(self, backend):  # type: ignore[no-untyped-def]
        text = super().render(backend)
        return f'<span lang="{self.lang}">{text}</span>' if isinstance(backend, Backend) else text


class ReferenceStyle(BaseStyle):
    """Shared machinery; subclasses set `lang`, `labels` and write `format_<type>`."""

    lang: ClassVar[str]
    labels: ClassVar[Labels]
    #: Suffix of the fields read first in this language (`title_en` before `title`).
    field_suffix: ClassVar[str] = ""

    def __init__(self) -> None:
        super().__init__()
        self._problems: list[str] = []

    # -- the interface the rest of the package uses ------------------------------------

    def format(self, entry: Entry) -> FormattedReference:
        """Format `entry`; missing fields and bad URLs become problems, not exceptions.

        The list of problems is this call's alone (the style is shared: `style_for`)."""
        self._problems = []
        for needed in REQUIRED_FIELDS.get(entry.type, ("title",)):
            if not any(self.raw(entry, name) or self._persons(entry, name)
                       for name in needed.split("|")):
                wanted = "' or '".join(needed.split("|"))
                self._problem(entry, f"lacks field '{wanted}'")
        method = getattr(self, f"format_{entry.type}", None)
        if method is None:
            self._problem(entry, f"has unsupported type '@{entry.type}', formatted as a web page")
            method = self.format_online
        text = method(entry)
        note = self.value(entry, "note")
        return FormattedReference(
            entry.key,
            text.render(_HTML),
            Text(note).render(_HTML) if note else "",
            tuple(self._problems),
        )

    def with_locator(self, reference_html: str, locator: str) -> str:
        """The reference as cited at one place: `locator` is escaped here."""
        raise NotImplementedError

    def with_prefix(self, prefix: str, note_html: str) -> str:
        """A note opened by the writer's words (`[see @key]` → "See …", as pandoc's note
        styles do); `prefix` is escaped here. No space after a Japanese prefix."""
        if not prefix:
            return note_html
        words = html.escape(prefix[:1].upper() + prefix[1:])
        return f"{words}{'' if is_cjk(prefix[-1]) else ' '}{note_html}"

    #: What a note says when it cites the same source as the note just before it
    #: (同上, Ibid.); "" means never: every later note is a short note (`short_note`).
    ibid: ClassVar[str] = ""

    #: Punctuation after a short note's author and year (before any locator).
    short_end: ClassVar[str] = ""

    def short_note(self, entry: Entry, locator: str, *, with_title: bool) -> str:
        """A later note of a source already given in full on the page, as HTML: author or
        organisation and year, the short title where `with_title` (two sources would read
        the same without it), linked to the source's address where it has one, then the
        locator."""
        title = self.short_title(entry) if with_title else ""
        text = self.format_short(self.short_author(entry),
                                 self.year(entry) or self.labels.no_date, title)
        linked = self.link(entry, text) if self.raw(entry, "url").strip() else text
        return self.with_locator(Text(linked).render(_HTML) + self.short_end, locator)

    def short_title(self, entry: Entry) -> str:
        """`shorttitle` (BibLaTeX's field), else the title up to its first dash or colon."""
        short = self.value(entry, "shorttitle")
        if short:
            return short
        title = self.value(entry, "title")
        return re.split(r"\s*[—―:：]\s*", title, maxsplit=1)[0] or title

    def backlink_title(self, position: int, total: int) -> str:
        """Title of the back-link to the `position`-th of `total` markers of one note."""
        if total == 1:
            return self.labels.back_to_text
        return self.labels.back_to_mention.format(self.ordinal(position))

    def ordinal(self, number: int) -> str:
        return str(number)

    def short_author(self, entry: Entry) -> str:
        raise NotImplementedError

    def format_short(self, author: str, year: str, title: str) -> BaseText:
        raise NotImplementedError

    def format_date(self, iso: str) -> str:
        raise NotImplementedError

    def format_persons(self, entry: Entry, role: str) -> str:
        raise NotImplementedError

    # -- helpers for the subclasses ------------------------------------------------------

    def raw(self, entry: Entry, name: str) -> str:
        """A field's LaTeX source, in this style's language when the entry has it."""
        if self.field_suffix and entry.field(name + self.field_suffix):
            return entry.field(name + self.field_suffix)
        return entry.field(name)

    def value(self, entry: Entry, name: str) -> str:
        """A field as plain text: braces and LaTeX escapes (`\\&`, `--`) resolved."""
        return latex_to_text(self.raw(entry, name))

    def original(self, entry: Entry, name: str) -> str:
        """A field in the source's own language, ignoring translations."""
        return latex_to_text(entry.field(name))

    def has_translation(self, entry: Entry, name: str) -> bool:
        translated = name + self.field_suffix
        return bool(self.field_suffix and (entry.field(translated)
                                           or self._persons(entry, translated)))

    def is_in(self, entry: Entry, language: str) -> bool:
        """Whether the source is written in `language` (`langid`, BibLaTeX's names)."""
        return entry.field("langid").strip().lower() == language

    def persons(self, entry: Entry, role: str):
        """Persons in `role`, in this style's language when the entry has them."""
        if self.field_suffix and self._persons(entry, role + self.field_suffix):
            return self._persons(entry, role + self.field_suffix)
        return self._persons(entry, role)

    def in_source_language(self, entry: Entry, text: BaseText | str) -> BaseText | str:
        """`text` (the source's own words) marked with its language where that is not the
        page's; unmarked when `langid` names no language we know."""
        tag = LANGUAGE_TAGS.get(entry.field("langid").strip().lower())
        return InLanguage(tag, text) if tag and tag != self.lang else text

    def link(self, entry: Entry, text: BaseText | str) -> BaseText:
        """`text` linked to the entry's URL when it is http(s); otherwise plain."""
        url = self.raw(entry, "url").strip()
        if not url:
            return Text(text)
        if not is_http_url(url):
            self._problem(entry, f"has url '{url[:60]}' that is not http(s); shown as text")
            return Text(text, f" ({url})")
        # pybtex's backend inserts the address verbatim, so escape it here.
        return HRef(_escape_attribute(url), text)

    def year(self, entry: Entry) -> str:
        return self.raw(entry, "date")[:4] or self.raw(entry, "year")

    def date(self, entry: Entry) -> str:
        """The date in this language; one that is not a date of the calendar is shown as
        written (the loader reports it at the field's line)."""
        iso = self.raw(entry, "date") or self.raw(entry, "year")
        if iso and date_parts(iso) is None:
            return iso
        return self.format_date(iso.strip()) if iso else ""

    def pages(self, entry: Entry) -> str:
        return self.value(entry, "pages")

    def _persons(self, entry: Entry, role: str):
        return entry.data.persons.get(role, [])

    def _problem(self, entry: Entry, what: str) -> None:
        self._problems.append(f"entry '{entry.key}' {what}")


def is_http_url(url: str) -> bool:
    """Whether `url` is a well-formed http(s) address (`HTTP_URL`)."""
    return bool(HTTP_URL.match(url))


def _escape_attribute(url: str) -> str:
    return url.replace("&", "&amp;").replace('"', "&quot;").replace("<", "&lt;")


def person_name(person, *, family_first: bool, separator: str) -> str:
    """A pybtex Person as plain text, family name first or last."""
    family = " ".join(person.prelast_names + person.last_names)
    given = " ".join(person.first_names + person.middle_names)
    parts = [family, given] if family_first else [given, family]
    text = separator.join(part for part in parts if part)
    return latex_to_text(text)


def family_name(person) -> str:
    """A pybtex Person's family name as plain text (`Tanabe`, `田邊`, `van Dijk`)."""
    return latex_to_text(" ".join(person.prelast_names + person.last_names))


def is_cjk(text: str) -> bool:
    return bool(re.search(r"[\u3040-\u30ff\u3400-\u9fff\uf900-\ufaff]", text))


@lru_cache(maxsize=65536)
def latex_to_text(raw: str) -> str:
    """A field's LaTeX source as plain text (`{NTT}` → NTT, `\\&` → &, `--` → –).

    Decoding is most of a style's cost, so plain values skip it, and the plain-text backend
    is passed in: pybtex's `render_as("text")` looks it up among entry points at each call.
    """
    if not raw or not _LATEX.search(raw):
        return raw
    return Text.from_latex(raw).render(_PLAIN)
