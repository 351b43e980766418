"""bibliography.load/parse: what a good file yields, and `path:line: message` for a bad one."""

from __future__ import annotations

from pathlib import Path

import pytest

from briefs_citations.bibliography import BibError, load, parse

ROOT = Path(__file__).resolve().parents[2]

GOOD = """\
% references for the tests
@online{good,
  organization = {経済産業省},
  title        = {クラウドプログラム},
  reportnote   = {9, 10},
  reportfigure = {4},
}

@report{Other:2024/x,
  institution = {大和総研},
  title       = {Title},
  date        = {2024},
}
"""


def bib_error(text: str) -> BibError:
    with pytest.raises(BibError) as caught:
        parse(text)
    return caught.value


def test_a_good_file_gives_entries_in_file_order() -> None:
    bib = parse(GOOD)
    assert [(e.key, e.type, e.line) for e in bib.entries] == [
        ("good", "online", 2),
        ("Other:2024/x", "report", 9),
    ]
    assert bib.path == "references.bib"


def test_entry_source_is_its_bibtex_text() -> None:
    entry = parse(GOOD).get("Other:2024/x")
    assert entry is not None
    assert entry.source == (
        "@report{Other:2024/x,\n"
        "  institution = {大和総研},\n"
        "  title       = {Title},\n"
        "  date        = {2024},\n"
        "}"
    )
    assert entry.field("title") == "Title"
    assert entry.field("missing") == ""


@pytest.mark.parametrize(
    ("text", "line", "words"),
    [
        # unclosed brace: reported at the line of the entry that opens it
        ("@online{a,\n  title = {x},\n\n@online{b,\n  title = {y},\n}\n", 1, "never closed"),
        ("@online{a,\n  title = {x},\n}\n\n@online{b,\n  title = {y\n}\n", 5, "never closed"),
        # stray text outside entries (comments start with %)
        ("@online{a,\n  title = {x},\n}\nstray words\n", 4, "stray text"),
        ("stray\n@online{a,\n  title = {x},\n}\n", 1, "stray text"),
        ("% fine\n// not a comment\n@online{a, title = {x}}\n", 2, "stray text"),
        # bad field syntax
        ("@online{a,\n  title = {x},\n  date {2024},\n}\n", 3, ""),
        ("@online{a,\n  title = {x}\n  date = {2024},\n}\n", 3, ""),
        # a field given twice
        ("@online{a,\n  title = {x},\n}\n@online{b,\n  title = {y},\n  title = {z},\n}\n",
         4, "title"),
    ],
)
def test_malformed_file_names_file_and_line(text: str, line: int, words: str) -> None:
    error = bib_error(text)
    assert str(error).startswith(f"references.bib:{line}: ")
    assert words in str(error)
    assert "\n" not in str(error)
    assert error.line == line


def test_duplicate_field_is_found_at_its_own_entry() -> None:
    # The first key, `a`, is also an English word of pybtex's message.
    text = "@online{a,\n  title = {x},\n}\n\n@online{field,\n  title = {y},\n  title = {z},\n}\n"
    assert str(bib_error(text)).startswith("references.bib:5: ")


@pytest.mark.parametrize(
    ("text", "first", "second"),
    [
        ("@online{dup,\n  title = {x},\n}\n\n@online{dup,\n  title = {y},\n}\n", 1, 5),
        ("@online{Good,\n  title = {x},\n}\n@online{good,\n  title = {y},\n}\n", 1, 4),
        ("@online{a,\n  title = {x},\n}\n@online{ABC,\n title={y}}\n\n@online{abc, title={z}}\n",
         4, 7),
    ],
)
def test_duplicate_keys_name_both_lines(text: str, first: int, second: int) -> None:
    message = str(bib_error(text))
    assert message.startswith(f"references.bib:{second}: ")
    assert "duplicate" in message
    assert f"line {first}" in message


def test_comment_lines_may_contain_at_signs() -> None:
    text = (
        "% write to me@example.com, or see @online{ below\n"
        "@online{a,\n  title = {x},\n}\n"
        "  % another note: @misc{b}\n"
    )
    bib = parse(text)
    assert [e.key for e in bib.entries] == ["a"]
    assert bib.entries[0].line == 2


@pytest.mark.parametrize("text", ["", "\n\n", "% only a comment\n"])
def test_empty_file(text: str) -> None:
    message = str(bib_error(text))
    assert message.startswith("references.bib")
    assert "empty" in message


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(BibError) as caught:
        load(tmp_path / "nowhere.bib", display_path="nowhere.bib")
    assert str(caught.value) == "nowhere.bib: file not found"


def test_file_that_is_not_utf8(tmp_path: Path) -> None:
    path = tmp_path / "references.bib"
    path.write_bytes("@online{a,\n  title = {Caf\u00e9},\n}\n".encode("latin-1"))
    with pytest.raises(BibError) as caught:
        load(path, display_path="references.bib")
    message = str(caught.value)
    assert message.startswith("references.bib:2: ")
    assert "UTF-8" in message
    assert "\n" not in message


def test_load_reads_utf8_with_a_byte_order_mark(tmp_path: Path) -> None:
    path = tmp_path / "refs.bib"
    path.write_bytes("\ufeff@online{a,\n  title = {経済},\n}\n".encode())
    bib = load(path)
    assert bib.get("a").field("title") == "経済"
    assert bib.path == str(path)


def test_lookup_is_case_insensitive() -> None:
    bib = parse(GOOD)
    assert bib.get("Good") is bib.get("good")
    assert bib.get("GOOD") is not None
    assert bib.get("other:2024/X").key == "Other:2024/x"
    assert bib.get("nothing") is None


@pytest.mark.parametrize(
    ("wrong", "suggestion"),
    [
        ("goo", "good"),
        ("goodd", "good"),
        ("GOOD2", "good"),
        ("other:2024/y", "Other:2024/x"),
        ("completely-different", None),
    ],
)
def test_suggest_did_you_mean(wrong: str, suggestion: str | None) -> None:
    assert parse(GOOD).suggest(wrong) == suggestion


@pytest.mark.parametrize(
    ("fields", "notes", "figures"),
    [
        ("reportnote = {9, 10}, reportfigure = {4}", (9, 10), (4,)),
        ("reportnote = {3}", (3,), ()),
        ("reportfigure = {1,2}", (), (1, 2)),
        ("", (), ()),
    ],
)
def test_report_notes_and_figures(fields: str, notes: tuple, figures: tuple) -> None:
    entry = parse(f"@online{{a, title = {{x}}, {fields}}}\n").entries[0]
    assert entry.report_notes == notes
    assert entry.report_figures == figures


def test_person_fields_are_lists_of_persons() -> None:
    entry = parse("@report{a, author = {田邊, 美穂 and Doe, Jane}, title = {x}}").entries[0]
    assert [str(p) for p in entry.data.persons["author"]] == ["田邊, 美穂", "Doe, Jane"]


def test_the_real_references_file_parses() -> None:
    bib = load(ROOT / "references.bib", display_path="references.bib")
    assert bib.get("tanabe2024") is not None
    assert len({e.key.casefold() for e in bib.entries}) == len(bib.entries)
