"""`style_for` hands out one shared style per language: it must answer exactly as a fresh
style does, whatever was formatted before it and in which language (no state carried over)."""

from __future__ import annotations

import pytest

from briefs_citations.bibliography import parse
from briefs_citations.styles import STYLES, style_for

BIB = parse("""
@online{good, organization={経済産業省}, organization_en={METI}, title={公募},
  title_en={Call}, date={2023-11-10}, url={https://www.meti.go.jp/x.html}, langid={japanese}}
@online{notitle, organization={OpenAI}, date={2024-04-14}, langid={english}}
@online{ftp, organization={Org}, title={Files}, url={ftp://example.org/f}, langid={english}}
@report{report, author={田邊, 美穂}, author_en={Tanabe, Miho}, title={日本の DX},
  title_en={Japan's DX}, institution={大和総研}, institution_en={Daiwa Institute of Research},
  date={2024-06-14}, langid={japanese}}
""")
ENTRIES = {entry.key: entry for entry in BIB.entries}

#: Each entry's problems, written by hand: the same in both languages.
PROBLEMS = {
    "good": (),
    "notitle": ("entry 'notitle' lacks field 'title'",),
    "ftp": ("entry 'ftp' has url 'ftp://example.org/f' that is not http(s); shown as text",),
    "report": (),
}

#: Orders in which a build may ask: problems must not leak from one entry to the next.
ORDERS = [
    pytest.param([("ja", "good"), ("ja", "notitle"), ("ja", "good"), ("en", "ftp"),
                  ("en", "report"), ("ja", "ftp"), ("ja", "report"), ("en", "good")],
                 id="bad-then-good"),
    pytest.param([("en", "notitle"), ("en", "ftp"), ("en", "good"), ("ja", "notitle"),
                  ("ja", "good"), ("en", "report"), ("en", "notitle")], id="bad-in-a-row"),
]


@pytest.mark.parametrize("order", ORDERS)
def test_a_shared_style_formats_as_a_fresh_one(order: list[tuple[str, str]]) -> None:
    for lang, key in order:
        shared = style_for(lang).format(ENTRIES[key])
        fresh = STYLES[lang]().format(ENTRIES[key])
        assert shared == fresh, (lang, key)
        assert shared.problems == PROBLEMS[key], (lang, key)


def test_a_short_note_leaves_no_problem_behind() -> None:
    """A short note of an entry with a bad address records a problem; the next entry
    formatted must not inherit it."""
    style_for("en").short_note(ENTRIES["ftp"], "", with_title=False)
    assert style_for("en").format(ENTRIES["good"]).problems == ()


@pytest.mark.parametrize(("lang", "iso", "expected"), [
    ("ja", "2024-06-14", "2024 年 6 月 14 日"),
    ("en", "2024-06-14", "14 June 2024"),
    ("ja", "2023-11-10", "2023 年 11 月 10 日"),
    ("en", "2023-11-10", "10 November 2023"),
    ("ja-JP", "2024-01-05", "2024 年 1 月 5 日"),
    ("fr", "2024-01-05", "5 January 2024"),  # no French style: English
])
def test_dates_from_the_shared_style(lang: str, iso: str, expected: str) -> None:
    for _ in range(2):  # the first answer and the reused style's
        assert style_for(lang).format_date(iso) == expected


@pytest.mark.parametrize(("lang", "same_as"), [
    ("ja", "ja"), ("ja-JP", "ja"), ("ja_JP", "ja"), ("en", "en"), ("en-GB", "en"),
    ("fr", "en"),
])
def test_one_instance_per_style(lang: str, same_as: str) -> None:
    assert style_for(lang) is style_for(same_as)
    assert isinstance(style_for(lang), STYLES[same_as])
