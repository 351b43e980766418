"""What a field may hold, checked once when the bibliography is loaded.

The loader (`bibliography.parse`) calls `check_entry` on every entry: it reports, at the
line of the field, what would otherwise be lost or leak into a page, and normalises the
value so the styles render what the writer meant. Decisions (README, "Bad input"):

- `date`: `YYYY`, `YYYY-MM` or `YYYY-MM-DD`, and a real day of the calendar
  (`2020-13-45`, `2020-00`, `2020-02-30` are warnings; the page shows them as written).
- A bare `%`: BibTeX keeps it, but LaTeX (and pybtex's decoder) read the rest of the
  line as a comment. The site shows it as a literal `%` and warns (write `\\%`), since
  readers copy the BibTeX from the references page.
- `\\emph{…}`, `\\textit{…}`, `\\textbf{…}`, `\\url{…}` and the like: their text is
  shown, without emphasis. Any other command is dropped, its text kept, with a warning;
  math (`$x^2$`) is not rendered: a warning, shown as written.
- `crossref = {parent}`: fields the entry lacks are taken from the parent, the parent's
  `title` as `booktitle` (BibLaTeX's rule for chapters); an unknown parent is a warning.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Callable

from pybtex.backends.plaintext import Backend as PlainText
from pybtex.database import Entry as PybtexEntry
from pybtex.richtext import Text

#: Fields read as data, never as LaTeX text.
RAW_FIELDS = frozenset({"url", "url_en", "date", "year", "langid", "crossref",
                        "reportnote", "reportfigure"})
#: Formatting commands whose text is shown (emphasis is not carried into references).
TEXT_COMMANDS = ("emph", "textit", "textbf", "textsl", "textsc", "texttt", "textrm",
                 "textsf", "textup", "textmd", "textnormal", "mbox", "url")
#: Not inherited through `crossref`: what identifies or annotates the parent itself.
_NOT_INHERITED = frozenset({"crossref", "note", "note_en", "reportnote", "reportfigure",
                            "title", "title_en", "subtitle", "subtitle_en"})
_AS_BOOK = {"title": "booktitle", "title_en": "booktitle_en"}
_DATE = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")
_PERCENT = re.compile(r"(?<!\\)((?:\\\\)*)%")
_DOLLAR = re.compile(r"(?<!\\)((?:\\\\)*)\$")
_KNOWN = re.compile(r"\\(?:" + "|".join(TEXT_COMMANDS) + r")(?![A-Za-z])\s*")
_URL_ARG = re.compile(r"\\url\s*\{([^{}]*)\}")
_COMMAND = re.compile(r"\\([A-Za-z]+)")
_PLAIN = PlainText()

Report = Callable[[str, str, str], None]  # (field name, message, hint)


def date_parts(value: str) -> tuple[int, ...] | None:
    """(year[, month[, day]]) of a valid `YYYY[-MM[-DD]]`, else None: one rule for all."""
    match = _DATE.fullmatch(value.strip())
    if match is None:
        return None
    parts = tuple(int(part) for part in match.groups() if part is not None)
    try:
        month, day = (*parts[1:], 1, 1)[:2]
        datetime.date(parts[0], month, day)
    except ValueError:
        return None
    return parts


def check_entry(key: str, data: PybtexEntry, report: Report) -> None:
    """Report what a field would lose or leak, and normalise it in place."""
    for name in ("date", "year"):
        value = data.fields.get(name, "")
        if value and date_parts(value) is None:
            report(name, f"entry '{key}' has {name} '{value}', which is not a date of the "
                   "calendar", "write it as YYYY, YYYY-MM or YYYY-MM-DD")
    for name in list(data.fields.keys()):
        if name.lower() in RAW_FIELDS:
            continue
        value = data.fields[name]
        if any(mark in value for mark in "%\\$"):
            data.fields[name] = _normalised(key, name, value, report)


def _normalised(key: str, name: str, value: str, report: Report) -> str:
    where = f"entry '{key}' field '{name.lower()}'"
    # `\url{…}` may hold `%` legitimately: escape it there before the comment check.
    value = _URL_ARG.sub(lambda m: "\\url{" + _PERCENT.sub(r"\1\\%", m.group(1)) + "}", value)
    if _PERCENT.search(value):
        report(name, f"{where} has a bare '%', which BibTeX tools read as the start of a "
               "comment; shown as '%'", "write it as '\\%'")
        value = _PERCENT.sub(r"\1\\%", value)
    if _DOLLAR.search(value):
        report(name, f"{where} has math ('$…$'), which the site does not render; shown as "
               "written", "write it as plain text (x², not $x^2$), or '\\$' for a dollar")
    value = _KNOWN.sub("", value)
    if "\\" in value:
        rendered = Text.from_latex(value).render(_PLAIN)
        for command in dict.fromkeys(_COMMAND.findall(rendered)):
            report(name, f"{where} uses the LaTeX command '\\{command}', which the site does "
                   "not render; its text is shown without it", "remove the command")
            value = re.sub(rf"\\{command}(?![A-Za-z])\s*", "", value)
    return value


def resolve_crossrefs(entries: dict[str, PybtexEntry], report: Callable[[str, str], None]
                      ) -> None:
    """Copy into each entry with `crossref` the fields it lacks from its parent (one level,
    as BibTeX does); `report(key, message)` for a parent that does not exist."""
    by_key = {key.casefold(): entry for key, entry in entries.items()}
    for key, entry in entries.items():
        parent_key = entry.fields.get("crossref", "").strip()
        if not parent_key:
            continue
        parent = by_key.get(parent_key.casefold())
        if parent is None or parent is entry:
            report(key, f"entry '{key}' has crossref '{parent_key}', which is not an entry of "
                   "this file; nothing inherited")
            continue
        for name, value in parent.fields.items():
            target = _AS_BOOK.get(name.lower(), name)
            if name.lower() in _NOT_INHERITED and target == name:
                continue
            if target not in entry.fields:
                entry.fields[target] = value
        for role, persons in parent.persons.items():
            if role not in entry.persons:
                entry.persons[role] = list(persons)
