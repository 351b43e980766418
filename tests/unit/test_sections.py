"""Unit tests of hooks/sections.py: one readable id per fixed brief section, in both languages."""

from __future__ import annotations

import sys

import pytest

from tests.conftest import ROOT

sys.path.insert(0, str(ROOT / "hooks"))

import sections


@pytest.mark.parametrize(("markdown", "expected"), [
    ("## 要点\n", "## 要点 {#key-points}\n"),
    ("## Key points\n", "## Key points {#key-points}\n"),
    ("## レポートの要旨", "## レポートの要旨 {#summary}"),
    ("## What the report says  ", "## What the report says {#summary}"),
    ("## データ\n## Data\n", "## データ {#data}\n## Data {#data}\n"),
    ("## 注釈 ##\n", "## 注釈 {#annotation}\n"),
    ("## Related\n", "## Related {#related}\n"),
    # left alone: other headings, other levels, explicit ids, code fences
    ("## このサイトは何か\n", "## このサイトは何か\n"),
    ("# 要点\n### 要点\n", "# 要点\n### 要点\n"),
    ("## 要点 {#points}\n", "## 要点 {#points}\n"),
    ("```markdown\n## 要点\n```\n## 要点\n", "```markdown\n## 要点\n```\n## 要点 {#key-points}\n"),
    ("~~~~\n## Data\n```\n## Data\n~~~~\n", "~~~~\n## Data\n```\n## Data\n~~~~\n"),
    ("    ## 要点\n", "    ## 要点\n"),
    ("`## 要点` と書く\n", "`## 要点` と書く\n"),
])
def test_with_ids(markdown, expected):
    assert sections.with_ids(markdown) == expected


@pytest.mark.parametrize(("name", "expected"), [
    ("key_points", "key-points"),
    ("summary", "summary"),
    ("data", "data"),
    ("annotation", "annotation"),
    ("related", "related"),
])
def test_anchor(name, expected):
    assert sections.anchor(name) == expected


def test_every_fixed_heading_gets_a_readable_id_in_both_languages():
    for name, texts in sections.SECTIONS.items():
        ids = {sections.section_id(texts[lang]) for lang in ("ja", "en")}
        assert ids == {sections.anchor(name)}, name
        assert not sections.anchor(name).startswith("_")
