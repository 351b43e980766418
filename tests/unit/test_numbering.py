"""numbering.Numbering: one label per source and locator, never a hand-written label."""

from __future__ import annotations

import re

import pytest

from briefs_citations.numbering import Footnote, Numbering
from briefs_citations.scan import CitationItem as Item


def labels(page: str, items: list[Item]) -> list[str]:
    numbering = Numbering(page)
    return [numbering.label_for(item) for item in items]


@pytest.mark.parametrize(
    ("items", "same"),
    [
        # (items cited in order, which of them share one label: pairs of indexes)
        ([Item("a"), Item("a")], {(0, 1)}),
        ([Item("Good"), Item("good"), Item("GOOD")], {(0, 1), (0, 2), (1, 2)}),
        ([Item("a", "p. 3"), Item("a", "p. 3")], {(0, 1)}),
        ([Item("a", "p. 3"), Item("a", "p. 9")], set()),
        ([Item("a"), Item("a", "p. 3")], set()),
        ([Item("a"), Item("b")], set()),
        ([Item("a"), Item("b"), Item("A")], {(0, 2)}),
    ],
)
def test_which_citations_share_a_label(items: list[Item], same: set) -> None:
    got = labels("", items)
    for i in range(len(items)):
        for j in range(i + 1, len(items)):
            assert (got[i] == got[j]) == ((i, j) in same), (i, j, got)


def test_labels_in_order_of_first_appearance() -> None:
    numbering = Numbering("")
    for item in [Item("b"), Item("a"), Item("b"), Item("c", "p. 2"), Item("a")]:
        numbering.label_for(item)
    assert numbering.footnotes == [
        Footnote("cite-1", "b", "", first=True),
        Footnote("cite-2", "a", "", first=True),
        Footnote("cite-3", "c", "p. 2", first=True),
    ]


def test_only_a_sources_first_footnote_is_first() -> None:
    numbering = Numbering("")
    for item in [Item("a", "p. 1"), Item("b"), Item("A", "p. 2"), Item("a", "p. 1"),
                 Item("a")]:
        numbering.label_for(item)
    assert [(f.key, f.locator, f.first) for f in numbering.footnotes] == [
        ("a", "p. 1", True), ("b", "", True), ("A", "p. 2", False), ("a", "", False),
    ]


def test_footnote_keeps_the_key_as_first_written() -> None:
    numbering = Numbering("")
    numbering.label_for(Item("Good"))
    numbering.label_for(Item("good"))
    assert [f.key for f in numbering.footnotes] == ["Good"]


@pytest.mark.parametrize(
    "page",
    [
        "Text[^cite-1].\n\n[^cite-1]: my own note",
        "Text[^cite-2] only.",
        "Text[^cite-1] and [^cite_-1].\n\n[^cite-1]: a\n[^cite_-1]: b",
        "[^cite-x]: defined, never referenced",
    ],
)
def test_hand_written_labels_are_never_reused(page: str) -> None:
    handwritten = set(re.findall(r"\[\^([^\]]+)\]", page))
    got = labels(page, [Item("a"), Item("b"), Item("c")])
    assert len(set(got)) == 3
    assert not handwritten & set(got)
    # ...nor can a later label of the same family clash with one
    assert all(not label.startswith("cite-") for label in got)


def test_other_hand_written_labels_keep_the_default_prefix() -> None:
    assert labels("Text[^1] and [^note].\n\n[^1]: one\n[^note]: two", [Item("a")]) == ["cite-1"]
