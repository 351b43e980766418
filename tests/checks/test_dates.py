"""English pages write dates as the site does (checks/dates.py): one format on a page,
whether a date comes from a reference, a hook or the prose."""

from __future__ import annotations

from datetime import date

import pytest

from checks import Problem, dates
from hooks.site_locale import date_text
from tests.checks.conftest import edit

WANTED = "write '14 June 2024'"


@pytest.mark.parametrize(("text", "found"), [
    ("published on 14 June 2024.", []),
    ("on June 14, 2024, the report", [(1, "June 14, 2024")]),
    ("June 14 2024", [(1, "June 14 2024")]),
    ("14 June, 2024", [(1, "14 June, 2024")]),
    ("the 14th June 2024", [(1, "14th June 2024")]),
    ("line one\nJune 14th, 2024", [(2, "June 14th, 2024")]),
    ("in June 2024; Figure 5, 2024; Section 3 2024", []),  # no day, or not a month
    ("`June 14, 2024` in code", []),
    ("```\nJune 14, 2024\n```\nJune 14, 2024", [(4, "June 14, 2024")]),
])
def test_full_dates_not_in_the_sites_format_are_found(text, found):
    problems = dates.problems_in(text, "docs/x.en.md")
    assert [(p.line, p.message.split("'")[1]) for p in problems] == found
    assert all(str(p).endswith(WANTED) for p in problems)


@pytest.mark.parametrize(("day", "text"), [
    (date(2024, 6, 14), "14 June 2024"),
    (date(2023, 11, 2), "2 November 2023"),
])
def test_the_sites_english_date_is_day_month_year(day, text):
    """The one definition (the English citation style, through site_locale) that the
    references, the hooks, the print edition and this check share."""
    assert date_text(day, "en") == text
    assert dates.problems_in(f"On {text}.", "x.en.md") == []


def test_a_month_first_date_in_an_english_note_of_references_bib_is_reported(project):
    """Our own English words under a reference are held to the format; an English
    source's own title is cited as written."""
    bib = project / "references.bib"
    edit(bib, "Adopted 19 January 2023", "Adopted January 19, 2023")
    edit(bib, "title        = {Introducing OpenAI Japan}",
         "title        = {Introducing OpenAI Japan, April 14, 2024}")
    line = next(number for number, text in enumerate(
        bib.read_text(encoding="utf-8").split("\n"), 1) if "Adopted January" in text)
    assert dates.check(project) == [Problem(
        "references.bib", line, "date 'January 19, 2023' is not in the site's English date "
        "format", "write '19 January 2023'")]


def test_a_month_first_date_in_a_copied_page_is_reported_at_its_line(project):
    page = project / "docs" / "about.en.md"
    edit(page, "14 June 2024", "June 14, 2024")
    line = next(number for number, text in enumerate(
        page.read_text(encoding="utf-8").split("\n"), 1) if "June 14, 2024" in text)
    assert dates.check(project) == [Problem(
        "docs/about.en.md", line, "date 'June 14, 2024' is not in the site's English date "
        "format", WANTED)]


def test_a_month_first_date_in_the_english_site_description_is_reported(project):
    """mkdocs.yml's English site_description is the meta description of English pages
    without their own (the 404 page, Contributing): it wrote 'June 14, 2024'."""
    config = project / "mkdocs.yml"
    edit(config, "development (14 June 2024)", "development (June 14, 2024)")
    line = next(number for number, text in enumerate(
        config.read_text(encoding="utf-8").split("\n"), 1) if "June 14, 2024" in text)
    assert dates.check(project) == [Problem(
        "mkdocs.yml", line, "date 'June 14, 2024' is not in the site's English date format",
        WANTED)]
