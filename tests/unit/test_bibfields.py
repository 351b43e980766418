"""The bad-input table of issue 11, bibliography side: each row a warning at the field's
line with correct output, or an error at the right line; never a traceback or a loss."""

from __future__ import annotations

import pytest

from briefs_citations.bibfields import date_parts
from briefs_citations.bibliography import BibError, parse
from briefs_citations.styles.en import EnglishStyle
from briefs_citations.styles.ja import JapaneseStyle

HEAD = "@online{x,\n  organization = {Org},\n  langid = {english},\n"


@pytest.mark.parametrize(
    ("value", "parts"),
    [
        ("2024", (2024,)),
        ("2024-06", (2024, 6)),
        ("2024-06-14", (2024, 6, 14)),
        (" 2024-02-29 ", (2024, 2, 29)),
        ("2020-13-45", None),
        ("2020-13", None),
        ("2020-00", None),
        ("2020-02-30", None),
        ("2023-02-29", None),
        ("2020-1-5", None),
        ("June 2023", None),
        ("", None),
    ],
)
def test_date_parts(value: str, parts: tuple[int, ...] | None) -> None:
    assert date_parts(value) == parts


@pytest.mark.parametrize("date", ["2020-13-45", "2020-13", "2020-00", "2020-02-30"])
def test_invalid_date_is_reported_at_its_line_and_shown_as_written(date: str) -> None:
    bib = parse(HEAD + "  title = {T},\n  date = {" + date + "},\n}\n")
    assert [str(d) for d in bib.diagnostics] == [
        f"references.bib:5: entry 'x' has date '{date}', which is not a date of the calendar"
        " — write it as YYYY, YYYY-MM or YYYY-MM-DD"]
    entry = bib.entries[0]
    assert date in EnglishStyle().format(entry).html  # no traceback, no "December 2020"
    assert date in JapaneseStyle().format(entry).html  # no "2020 年 13 月 45 日"
    assert "年 13 月" not in JapaneseStyle().format(entry).html


@pytest.mark.parametrize(
    ("title", "line_words", "shown", "hidden"),
    [
        pytest.param("{50% off now}", ["bare '%'"], "50% off now", "",
                     id="percent"),
        pytest.param("{50\\% off now}", [], "50% off now", "", id="escaped-percent"),
        pytest.param("{See \\url{https://example.org/a_b%20c} now}", [],
                     "See https://example.org/a_b%20c now", "\\url", id="url"),
        pytest.param("{An \\emph{important} and \\textbf{bold} word}", [],
                     "An important and bold word", "\\emph", id="emph-textbf"),
        pytest.param("{Growth of $x^2$}", ["math ('$…$')"], "$x^2$", "", id="math"),
        pytest.param("{A \\foo{b} c}", ["LaTeX command '\\foo'"], "A b c", "\\foo",
                     id="unknown-command"),
        pytest.param("{Caf\\'e \\& co}", [], "Café &amp; co", "\\", id="accents-kept"),
    ],
)
def test_latex_in_a_field(title: str, line_words: list[str], shown: str, hidden: str) -> None:
    bib = parse(HEAD + f"  title = {title},\n}}\n")
    messages = [str(d) for d in bib.diagnostics]
    for words in line_words:
        assert any(m.startswith("references.bib:4: ") and words in m for m in messages), messages
    assert len(messages) == len(line_words)
    for style in (EnglishStyle(), JapaneseStyle()):
        html = style.format(bib.entries[0]).html
        assert shown in html
        if hidden:
            assert hidden not in html


def test_percent_in_a_url_is_data_not_a_comment() -> None:
    bib = parse(HEAD + "  title = {T},\n  url = {https://example.org/a%20b},\n}\n")
    assert bib.diagnostics == ()
    assert 'href="https://example.org/a%20b"' in EnglishStyle().format(bib.entries[0]).html


@pytest.mark.parametrize(
    ("text", "line", "words"),
    [
        pytest.param("@online{a)b,\n  title = {x},\n}\n", 1, "key 'a)b' has ')'", id="key-paren"),
        pytest.param('@online{a,\n  title = {x},\n  note = "open,\n  url = {http://x.org},\n}\n'
                     "\n@online{b, title = {y}}\n", 3, "string opened with '\"' is never closed",
                     id="unterminated-string"),
        pytest.param("@online{a,\n  title = {x\x00y},\n}\n", 2, "NUL byte", id="nul"),
        pytest.param("@online{a,\r  title = {x},\r  date = {2024} junk,\r}\r", 3, "syntax error",
                     id="cr-lines"),
    ],
)
def test_errors_at_the_right_line(text: str, line: int, words: str) -> None:
    with pytest.raises(BibError) as caught:
        parse(text)
    assert str(caught.value).startswith(f"references.bib:{line}: ")
    assert words in str(caught.value)


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("@online(a,\n  title = {f(x) and y},\n  date = {2024},\n)\n", id="paren-form"),
        pytest.param("@online ( a ,\n  title = \"x\"\n)\n", id="paren-form-spaced"),
        pytest.param("% a comment\r@online{a,\r  title = {x},\r}\r", id="cr-only"),
        pytest.param("% a comment\r\n@online{a,\r\n  title = {x},\r\n}\r\n", id="crlf"),
    ],
)
def test_accepted_forms(text: str) -> None:
    bib = parse(text)
    assert [(e.key, e.line) for e in bib.entries] == [("a", 2 if "comment" in text else 1)]
    assert bib.entries[0].field("title") in ("f(x) and y", "x")


def test_crossref_is_resolved() -> None:
    bib = parse(
        "@inreport{ch,\n  author = {Doe, Jane},\n  title = {Chapter},\n  crossref = {book},\n"
        "  pages = {1--2},\n}\n\n"
        "@report{book,\n  institution = {Inst},\n  title = {The Book},\n"
        "  date = {2024-06-14},\n  langid = {english},\n}\n")
    assert bib.diagnostics == ()
    chapter = bib.get("ch")
    assert chapter is not None
    assert chapter.field("booktitle") == "The Book"
    assert chapter.field("title") == "Chapter"
    html = EnglishStyle().format(chapter).html
    assert "In <em>The Book</em>, pp. 1–2. Inst, 14 June 2024." in html
    assert EnglishStyle().format(chapter).problems == ()


def test_crossref_to_nothing_is_a_warning_at_its_line() -> None:
    bib = parse("@inreport{ch,\n  title = {Chapter},\n  crossref = {nosuch},\n}\n")
    assert [str(d) for d in bib.diagnostics] == [
        "references.bib:3: entry 'ch' has crossref 'nosuch', which is not an entry of this "
        "file; nothing inherited — name the key of an entry in this file, or remove crossref"]
