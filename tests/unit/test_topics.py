"""hooks/topics.py (tags.yml read once for the build and the checks) and the sort keys
hooks/topic_order.py gives Material's tags plugin."""

from __future__ import annotations

from itertools import pairwise
from types import SimpleNamespace

import pytest

from hooks.topic_order import _topic_key, _topic_slug, reading_position
from hooks.topics import Topic, TopicsError, parse, positions

LANGS = ("ja", "en")


@pytest.mark.parametrize(("text", "ids", "skipped"), [
    ("b: {ja: 二, en: two}\na: {ja: 一, en: one}\n", ["b", "a"], []),
    ("a: {ja: 一, en: one}\nb: {ja: 二}\nc: {ja: 三, en: three}\n", ["a", "c"],
     [(2, "topic 'b' needs a label in each of ja, en")]),
    ("a: {ja: 一, en: '  '}\n", [], [(1, "topic 'a' needs a label in each of ja, en")]),
    ("a: one\n", [], [(1, "topic 'a' needs a label in each of ja, en")]),
], ids=["file-order", "a-label-missing", "a-blank-label", "not-a-mapping-of-labels"])
def test_parse_keeps_the_files_order_and_locates_what_it_leaves_out(text, ids, skipped):
    topics, left_out = parse(text, LANGS)
    assert [topic.id for topic in topics] == ids
    assert [(err.line, str(err)) for err in left_out] == skipped


@pytest.mark.parametrize(("text", "line", "message"), [
    ("- a\n- b\n", 1, "is a list, not a mapping of topics"),
    ("", 1, "is empty, not a mapping of topics"),
    ("just words\n", 1, "is not a mapping, not a mapping of topics"),
    ("a: {ja: 一\nb: c\n", 2, "is not valid YAML"),
], ids=["a-list", "empty", "a-scalar", "invalid-yaml"])
def test_parse_raises_with_a_line_when_the_file_is_unusable(text, line, message):
    with pytest.raises(TopicsError) as caught:
        parse(text, LANGS)
    assert caught.value.line == line
    assert str(caught.value).startswith(message)


def test_positions_give_each_language_the_same_order():
    topics = [Topic("b", {"ja": "二", "en": "two"}, 1), Topic("a", {"ja": "一", "en": "one"}, 2)]
    assert positions(topics) == {"二": 0, "two": 0, "一": 1, "one": 1}


def tag(name: str) -> SimpleNamespace:
    return SimpleNamespace(name=name)


@pytest.mark.parametrize(("names", "expected"), [
    (["data", "compute"], ["compute", "data"]),
    (["データ", "計算資源"], ["計算資源", "データ"]),
    (["zeta", "data", "alpha"], ["data", "alpha", "zeta"]),  # unknown: after, by name
], ids=["english", "japanese", "unknown-last"])
def test_topics_sort_in_the_files_order(names, expected):
    key = _topic_key({"計算資源": 0, "compute": 0, "データ": 1, "data": 1})
    assert [t.name for t in sorted(map(tag, names), key=key)] == expected
    assert key(tag(expected[0]), "a listing tree") == key(tag(expected[0]))  # listings' call


def chain(*titles: str) -> list[SimpleNamespace]:
    """Pages linked as MkDocs links the navigation: previous_page / next_page."""
    pages = [SimpleNamespace(title=title, previous_page=None, next_page=None) for title in titles]
    for before, after in pairwise(pages):
        before.next_page, after.previous_page = after, before
    return pages


def test_pages_sort_in_reading_order_and_pages_outside_the_navigation_last():
    first, second, third = chain("要約", "はじめに", "図表 1")
    outside = SimpleNamespace(title="トピック別", previous_page=None, next_page=None)
    mappings = [SimpleNamespace(item=page) for page in (outside, third, first, second)]
    ordered = sorted(mappings, key=reading_position)
    assert [m.item.title for m in ordered] == ["要約", "はじめに", "図表 1", "トピック別"]


@pytest.mark.parametrize(("name", "slug"), [
    ("計算資源", "compute"), ("compute", "compute"),
    ("Japanese-language models", "japanese-models"),
    ("not a topic", "material:not a topic"),  # not in tags.yml: Material's own slug
])
def test_a_topic_is_addressed_by_its_id_in_every_language(name, slug):
    ids = {"計算資源": "compute", "compute": "compute",
           "Japanese-language models": "japanese-models"}
    assert _topic_slug(ids, lambda text, separator: f"material:{text}")(name, "-") == slug
