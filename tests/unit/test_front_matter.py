"""hooks/front_matter.py: the texts Material writes into pages unescaped become HTML once;
hooks/front_matter_rules.py: a key no one reads is named, with the closest one."""

from __future__ import annotations

from html import unescape

import pytest
from markupsafe import Markup, escape

from hooks.front_matter import as_html
from hooks.front_matter_rules import closing_line, unknown_keys


@pytest.mark.parametrize(("meta", "expected"), [
    ({"title": "</title><script>x</script>"},
     {"title": "&lt;/title&gt;&lt;script&gt;x&lt;/script&gt;"}),
    ({"description": '"><b>'}, {"description": "&#34;&gt;&lt;b&gt;"}),
    ({"tags": ["<i>", "compute"]}, {"tags": ["&lt;i&gt;", "compute"]}),
    ({"title": "R&D", "related": ["a<b.md"], "figure": 5},  # other keys: as they were
     {"title": "R&amp;D", "related": ["a<b.md"], "figure": 5}),
    ({"title": Markup("R&amp;D")}, {"title": "R&amp;D"}),  # escaped once, not twice
], ids=["title", "description", "tags", "other-keys", "idempotent"])
def test_texts_templates_write_as_they_are_are_escaped_once(meta, expected):
    as_html(meta)
    assert meta == expected
    for key in ("title", "description"):
        if key in meta:
            assert isinstance(meta[key], Markup)  # Jinja's `| e` leaves it as it is
            assert escape(meta[key]) == meta[key]


def test_the_text_comes_back_with_unescape():
    meta = {"title": "A \"title\" </title> & R&D's"}
    as_html(meta)
    assert unescape(meta["title"]) == "A \"title\" </title> & R&D's"


@pytest.mark.parametrize(("meta", "found"), [
    ({"title": "t", "description": "d", "tags": [], "hide": ["toc"]}, []),
    ({"descripton": "d"}, [(3, "front matter key 'descripton' is not one this site reads "
                               "(did you mean 'description'?)")]),
    ({"Title": "t"}, [(3, "front matter key 'Title' is not one this site reads "
                          "(did you mean 'title'?)")]),
    ({"colour": "red"}, [(3, "front matter key 'colour' is not one this site reads")]),
], ids=["known", "a-typo", "capitalised", "no-close-key"])
def test_a_key_the_site_does_not_read_is_named_with_the_closest(meta, found):
    assert unknown_keys(meta, dict.fromkeys(meta, 3)) == found


@pytest.mark.parametrize(("text", "end"), [
    ("---\ntitle: X\n---\n\n# X\n", 2),
    ("\ufeff---\ntitle: X\n...\n", 2),  # a byte order mark; YAML's end-of-document line
    ("---\ntitle: X\n", None),  # never closed
    ("# X\n---\n", None),  # no front matter
], ids=["closed", "bom-and-dots", "unclosed", "none"])
def test_where_the_front_matter_ends_one_definition_for_build_and_checks(text, end):
    assert closing_line(text) == end
