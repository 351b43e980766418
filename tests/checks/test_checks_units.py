"""Unit tables for the pieces the checks are made of: page parsing, the canonical .bib
layout, tree comparison, the build-warning parser and the hook's hash twin."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

from checks import Problem, bibformat, build, links, pages, translations
from checks.pages import Page
from hooks import site_locale
from tests.checks.conftest import ROOT


def page(text: str, uri: str = "briefs/x.en.md", meta: dict | None = None) -> Page:
    return Page("docs/" + uri, uri, uri.replace(".en.md", ".md"), "en", text, meta or {})


@pytest.mark.parametrize(("text", "expected"), [
    ("[a](b.md)", [("b.md", 1)]),
    ("x\n[a](../glossary.md#compute \"title\")", [("../glossary.md#compute", 2)]),
    ("![img](fig.png)", [("fig.png", 1)]),
    ("[a](javascript:alert(1))", [("javascript:alert(1)", 1)]),
    ("see <https://example.org/a>", [("https://example.org/a", 1)]),
    ("[ref]: https://example.org/r", [("https://example.org/r", 1)]),
    ('<a href="mailto:x@example.org">x</a>', [("mailto:x@example.org", 1)]),
    ("[^1]: a footnote, not a link", []),
    ("`[a](code.md)` in code", []),
    ("```\n[a](fenced.md)\n```\n[b](after.md)", [("after.md", 4)]),
    ("---\nrelated: [x](front.md)\n---\n[b](body.md)", [("body.md", 4)]),
])
def test_links_are_found_outside_code_and_front_matter(text, expected):
    assert pages.links(page(text)) == expected


@pytest.mark.parametrize(("text", "meta", "expected"), [
    ("[Figure 3](../figures/figure-3.md#data)", {}, {"figures/figure-3.md": 1}),
    ("[Figure 3](../figures/figure-3.en.md)", {}, {"figures/figure-3.md": 1}),
    ("![chart](img/c.png)", {}, {"briefs/img/c.png": 1}),
    ("[Glossary](../glossary.md#gpu)", {}, {}),
    ("", {"related": ["figures/figure-1.md", "briefs/section-2.md"]},
     {"figures/figure-1.md": 1}),
])
def test_figure_links_resolve_from_the_page_and_related(text, meta, expected):
    assert pages.figure_links(page(text, meta=meta)) == expected


@pytest.mark.parametrize(("before", "after"), [
    ("---\ntitle: T\n---\n# T\n", '---\ntitle: T\ntranslation_of: "abc"\n---\n# T\n'),
    ('---\ntitle: T\ntranslation_of: "old"\ntags: []\n---\n',
     '---\ntitle: T\ntranslation_of: "abc"\ntags: []\n---\n'),
    ("# No front matter\n", '---\ntranslation_of: "abc"\n---\n\n# No front matter\n'),
    ("---\r\ntitle: T\r\n---\r\n", '---\r\ntitle: T\r\ntranslation_of: "abc"\r\n---\r\n'),
])
def test_set_translation_of_edits_only_that_line(tmp_path: Path, before: str, after: str):
    path = tmp_path / "x.en.md"
    path.write_bytes(before.encode())
    assert pages.set_translation_of(path, "abc") is True
    assert path.read_bytes().decode() == after
    assert pages.set_translation_of(path, "abc") is False


@pytest.mark.parametrize(("text", "expected"), [
    ("", "e3b0c44298fc"),  # SHA-256 of the empty string, first 12 hex digits
    ("abc", "ba7816bf8f01"),  # FIPS 180-2 test vector
])
def test_hash_is_sha256_prefix(text, expected):
    assert site_locale.translation_hash(text) == expected


def test_checks_and_hook_use_the_one_translation_hash():
    sys.path.insert(0, str(ROOT / "hooks"))
    try:
        spec = importlib.util.spec_from_file_location("translation_status",
                                                      ROOT / "hooks/translation_status.py")
        hook = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(hook)
    finally:
        sys.path.remove(str(ROOT / "hooks"))
    assert hook.translation_hash.__module__ == "site_locale"
    assert translations.translation_hash is site_locale.translation_hash


@pytest.mark.parametrize(("text", "expected"), [
    # out of order, misaligned, quoted and bare values, upper-case type
    ('@ONLINE{k,\n title = {T},\n    organization={O},\n  langid = "english",\n'
     "  pagetotal = 9\n}\n",
     "@online{k,\n  organization = {O},\n  title        = {T},\n  pagetotal    = {9},\n"
     "  langid       = {english},\n}\n"),
    # unknown fields after the known ones, in their own order; nested braces kept
    ("@online{k,\n  zeta = {z},\n  title = {The {NEC} case},\n  alpha = {a},\n}\n",
     "@online{k,\n  title = {The {NEC} case},\n  zeta  = {z},\n  alpha = {a},\n}\n"),
    # comments kept, blank runs collapsed, one blank line between entries
    ("% head\n\n\n\n@online{a,\n  title = {A},\n}\n\n\n\n@online{b,\n  title = {B},\n}",
     "% head\n\n@online{a,\n  title = {A},\n}\n\n@online{b,\n  title = {B},\n}\n"),
    # all on one line
    ("@online{a, title = {A}, url = {https://x.example/}}",
     "@online{a,\n  title = {A},\n  url   = {https://x.example/},\n}\n"),
])
def test_canonical_bib_layout(text: str, expected: str):
    assert bibformat.canonical(text) == expected
    assert bibformat.canonical(expected) == expected
    assert bibformat.problems(expected) == []


def test_canonical_problem_names_the_first_wrong_line():
    text = "@online{a,\n  title = {A},\n   url = {https://x.example/},\n}\n"
    assert bibformat.problems(text, "references.bib") == [Problem(
        "references.bib", 3, "entry 'a' is not in the canonical layout (field order, "
        "indentation, alignment); expected here: '  url   = {https://x.example/},'",
        "run make fix")]


def test_trailing_whitespace_in_the_bibliography_is_named_as_such():
    """Not 'expected here: …' with a line that looks the same as the one written."""
    text = "@online{a,\n  title = {A}, \n  url   = {https://x.example/},\n}\n"
    assert bibformat.problems(text, "references.bib") == [Problem(
        "references.bib", 2, "line ends in spaces or tabs (trailing whitespace)",
        "delete them, or run make fix")]


def test_differences_lists_changed_and_missing_files(tmp_path: Path):
    left, right = tmp_path / "l", tmp_path / "r"
    for side in (left, right):
        (side / "tags").mkdir(parents=True)
        (side / "same.txt").write_text("x")
    (left / "tags/index.html").write_text("a")
    (right / "tags/index.html").write_text("b")
    (left / "only-left.gz").write_bytes(b"\x1f\x8b")
    assert build.differences(left, right) == ["only-left.gz", "tags/index.html"]


@pytest.mark.parametrize(("output", "expected"), [
    ("WARNING -  citations: docs/briefs/x.ja.md:12: unknown citation key 'nope'",
     Problem("docs/briefs/x.ja.md", 12, "unknown citation key 'nope'",
             "fix it at that line (the strict build fails on it)")),
    ("WARNING -  Doc file 'about.en.md' contains a link 'glossary.md#zz', but the doc "
     "'glossary.en.md' does not contain an anchor '#zz'.",
     Problem("docs/about.en.md", 1, "contains a link 'glossary.md#zz', but the doc "
             "'glossary.en.md' does not contain an anchor '#zz'", links.LINK_FIX)),
    ("ERROR    -  Config value 'nav': something", Problem(
        "mkdocs.yml", 1, "build error: Config value 'nav': something",
        "fix what the strict build reports")),
])
def test_build_output_becomes_located_problems(tmp_path: Path, output: str, expected: Problem):
    assert links.problems_from_build(output, 1, tmp_path) == [expected]


# -- one message per mistake (checks/cli.py) ----------------------------------------------

_BIB_LINT = Problem("references.bib", 12, "entry 'meti2023' has no year", "add it")
_TAGS = Problem("tags.yml", 1, "is a list, not a mapping of topics", "write it as a mapping")


@pytest.mark.parametrize(("from_build", "kept"), [
    (Problem("references.bib", 3, "entry 'METI2023' cannot be formatted", "x"), False),
    (Problem("references.bib", 3, "entry 'other2024' cannot be formatted", "x"), True),
    (Problem("tags.yml", 1, "is a list, not a mapping of topics", "fix it there"), False),
    (Problem("tags.yml", 2, "is a list, not a mapping of topics", "fix it there"), True),
    (Problem("docs/index.ja.md", 1, "is a list, not a mapping of topics", "x"), True),
    (Problem("docs/x.en.md", 4, "tag 'robots' is not an English label in tags.yml — use one "
             "of: compute", "fix it at that line"), False),
    (Problem("docs/x.en.md", 4, "tag 'robot' is not an English label in tags.yml — use one "
             "of: compute", "fix it at that line"), False),
    (Problem("docs/x.en.md", 4, "tag 'robotss' is not an English label in tags.yml", "x"), True),
], ids=["bib-entry-flagged", "bib-entry-not-flagged", "same-words-same-place",
        "another-line", "another-file", "with-the-fix-the-build-prints", "a-second-at-that-line",
        "other-words-at-that-line"])
def test_the_build_does_not_say_again_what_a_check_said(from_build, kept):
    from checks.cli import _not_said_again

    earlier = [_BIB_LINT, _TAGS, *(Problem("docs/x.en.md", 4, f"tag '{label}' is not an "
                                           "English label in tags.yml", "use one of: compute")
                                   for label in ("robots", "robot"))]
    assert _not_said_again([from_build], earlier) == ([from_build] if kept else [])


@pytest.mark.parametrize(("front", "found"), [
    ("title: X\nrealted: [a.md]\nhide: [toc]\n",
     [(3, "front matter key 'realted' is not one this site reads (did you mean 'related'?)")]),
    ("title: 12345\n", [(2, "'title' must be text; put it in quotes: \"…\" (found 12345)")]),
    ("- title\n", [(2, "front matter is not a mapping of 'key: value' lines")]),
    ("title: [unclosed\n", [(2, "front matter is not valid YAML: ")]),
], ids=["unknown-key", "wrong-kind", "a-list", "invalid-yaml"])
def test_front_matter_problems_are_found_by_the_fast_checks(tmp_path, front, found):
    """In the build's words (hooks/front_matter_rules.py), before a commit (check-fast)."""
    page = tmp_path / "docs" / "x.en.md"
    page.parent.mkdir()
    page.write_text(f"---\n{front}---\n\n# X\n", encoding="utf-8")
    _, problems = pages.discover(tmp_path)
    got = [(p.line, p.message) for p in problems]
    assert len(got) == len(found)
    for (line, message), (want_line, want) in zip(got, found, strict=True):
        assert line == want_line and message.startswith(want), (line, message)
