"""English pages write a full date the one way the site does: as hooks/site_locale.py's
`date_text` (the English citation style's format, `14 June 2024`).

The references, the line under every title, the cite block and the charts get their dates
from that definition; a date a contributor types into an English page (docs/*.en.md,
snippets/*.en.md), into a reference's English note (`note_en` in references.bib) or into
mkdocs.yml (the English site description) is held to it here, so that a page never shows
`14 June 2024` beside `June 14, 2024`. Any full date with the month spelled out is read
(`June 14, 2024`, `14 June, 2024`, `June 14 2024`); code is left as written.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date, datetime
from pathlib import Path

from checks import Problem
from checks.bib import BIB
from checks.pages import read_text, sources, without_code
from hooks.site_locale import date_text

#: A day, a capitalised word (a month, if strptime reads it as one) and a year, either order.
FULL_DATE = re.compile(r"\b(?:(\d{1,2})(?:st|nd|rd|th)?,? ([A-Z][a-z]+)|([A-Z][a-z]+) (\d{1,2})"
                   r"(?:st|nd|rd|th)?),? (\d{4})\b")


def full_date(match: re.Match[str]) -> date | None:
    """The day `match` (of `FULL_DATE`) names, or None when its word is not a month."""
    day, month = (match[1], match[2]) if match[1] else (match[4], match[3])
    try:
        return datetime.strptime(f"{int(day)} {month} {match[5]}", "%d %B %Y").date()
    except ValueError:
        return None


def misdated(text: str) -> Iterator[tuple[str, str]]:
    """(as written, as the site writes it) for each full date in `text` written otherwise."""
    for match in FULL_DATE.finditer(text):
        day = full_date(match)
        if day is not None and match[0] != (expected := date_text(day, "en")):
            yield match[0], expected


def _problem(rel: str, line: int, written: str, expected: str) -> Problem:
    return Problem(rel, line, f"date '{written}' is not in the site's English date format",
                   f"write '{expected}'")


def problems_in(text: str, rel: str) -> list[Problem]:
    """One problem per full date in `text` (outside code) not written as the site writes it."""
    return [_problem(rel, number, written, expected)
            for number, line in enumerate(without_code(text).split("\n"), start=1)
            for written, expected in misdated(line)]


#: The references.bib fields in our own English words, shown under a reference on English
#: pages (a source's own title is cited as written, whatever its date format); the
#: canonical layout (checks/bibformat.py) keeps each field on one line.
_OWN_WORDS = re.compile(r"\s*note_en\s*=")


#: Where the English site's name and description are (the i18n plugin's `en` language): the
#: description is every English page's meta description that has none of its own.
CONFIG = "mkdocs.yml"


def check(root: Path) -> list[Problem]:
    problems = []
    for path in sources(root, "en"):
        problems += problems_in(read_text(path), path.relative_to(root).as_posix())
    for number, line in enumerate(read_text(root / BIB).split("\n"), start=1):
        if _OWN_WORDS.match(line):
            problems += [_problem(BIB, number, *found) for found in misdated(line)]
    for number, line in enumerate(read_text(root / CONFIG).split("\n"), start=1):
        problems += [_problem(CONFIG, number, *found) for found in misdated(line)]
    return problems
