"""Each fast check catches a problem seeded into a copy of the real content, and the real
content passes. Only the problems the seed adds are compared, so the expectation is
exactly the message the seed must cause, written by hand."""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

import pytest

from checks import Problem, bib, cli, links, translations
from tests.checks.conftest import ROOT, edit

REFRESH = "make refresh PAGE="
FORMAT = "make fix"


def line_of(path: Path, needle: str) -> int:
    """1-based line of the first line containing `needle` (the test's own lookup)."""
    for number, line in enumerate(path.read_text(encoding="utf-8").split("\n"), 1):
        if needle in line:
            return number
    raise AssertionError(f"{needle!r} not in {path}")


#: What each check finds in an untouched copy (every copy is the same copy of the project,
#: and problems name files relative to it): found once per check, not once per seed.
_UNSEEDED: dict = {}


def added(check, root: Path, seed) -> set[Problem]:
    if check not in _UNSEEDED:
        _UNSEEDED[check] = set(check(root))
    before = _UNSEEDED[check]
    expected = seed(root)
    after = set(check(root))
    assert after - before == expected
    return expected


def test_real_content_passes_the_fast_checks():
    """Every check but the build (tests/checks/test_checks_builds.py, on the suite's build),
    ruff included: CI runs the checks through the tests, each once (issue 14)."""
    fast = [name for name, (_, slow) in cli.CHECKS.items() if not slow]
    assert [name for name in cli.CHECKS if name not in fast] == ["build"]
    problems = cli.run(ROOT, fast)
    assert problems == [], "\n".join(map(str, problems))


# -- translations ---------------------------------------------------------------------------


def seed_missing_translation(root: Path) -> set[Problem]:
    (root / "docs/about.en.md").unlink()
    return {Problem("docs/about.ja.md", 1, "has no translation: docs/about.en.md is missing",
                    "add docs/about.en.md (every page exists in both languages)")}


def seed_missing_citation(root: Path) -> set[Problem]:
    en = root / "docs/briefs/section-2-1.en.md"
    text = en.read_text(encoding="utf-8")
    text = re.sub(r"; @kanda2024[^\];]*", "", text)
    en.write_text(re.sub(r" ?\[@kanda2024[^\]]*\]", "", text), encoding="utf-8")
    ja = root / "docs/briefs/section-2-1.ja.md"
    return {Problem("docs/briefs/section-2-1.ja.md", line_of(ja, "@kanda2024"),
                    "cites '@kanda2024', which docs/briefs/section-2-1.en.md does not cite",
                    "cite the same sources in both languages")}


def seed_extra_tag(root: Path) -> set[Problem]:
    en = root / "docs/briefs/section-2-1.en.md"
    edit(en, "tags: [", "tags: [compute, ")
    return {Problem("docs/briefs/section-2-1.en.md", line_of(en, "tags:"),
                    "has topic(s) compute that docs/briefs/section-2-1.ja.md lacks",
                    "give both pages the same tags (see tags.yml)")}


def seed_unknown_tag(root: Path) -> set[Problem]:
    en = root / "docs/briefs/section-2-1.en.md"
    edit(en, "tags: [", "tags: [robots, ")
    labels = ("compute, data, talent, economic security, public support, "
              "Japanese-language models, international cooperation, digital deficit")  # tags.yml
    return {Problem("docs/briefs/section-2-1.en.md", line_of(en, "tags:"),
                    "tag 'robots' is not an English label in tags.yml", f"use one of: {labels}")}


def seed_unmatched_figure(root: Path) -> set[Problem]:
    en = root / "docs/briefs/section-2-1.en.md"
    with en.open("a", encoding="utf-8") as out:
        out.write("\n![Chart](../figures/chart.png)\n")
    return {Problem("docs/briefs/section-2-1.en.md", line_of(en, "chart.png"),
                    "links to figures/chart.png, which docs/briefs/section-2-1.ja.md does not "
                    "link to", "link the same figures in both languages")}


@pytest.mark.parametrize("seed", [seed_missing_translation, seed_missing_citation,
                                  seed_extra_tag, seed_unknown_tag, seed_unmatched_figure])
def test_translation_parity_catches(project: Path, seed):
    added(translations.check, project, seed)


def test_stale_translation_is_reported_until_refreshed(project: Path):
    translations.refresh(project, [])  # every English page current, in the copy
    ja, en = project / "docs/briefs/section-2.ja.md", project / "docs/briefs/section-2.en.md"
    old = hashlib.sha256(ja.read_text(encoding="utf-8").encode()).hexdigest()[:12]
    with ja.open("a", encoding="utf-8") as out:
        out.write("\n追記。\n")
    new = hashlib.sha256(ja.read_text(encoding="utf-8").encode()).hexdigest()[:12]
    assert translations.check(project) == [Problem(
        "docs/briefs/section-2.en.md", line_of(en, "translation_of:"),
        f"docs/briefs/section-2.ja.md has changed since this translation was checked "
        f"(translation_of {old}, now {new})",
        "read docs/briefs/section-2.en.md against it: if it still says the same, or once you "
        "have updated it, run make refresh PAGE=docs/briefs/section-2.en.md; if you cannot "
        "check the translation, leave it (the page shows an out-of-date notice) and open a "
        "translation issue (.github/ISSUE_TEMPLATE/translation.md)", "note")]
    changed, problems = translations.refresh(project, ["docs/briefs/section-2.en.md"])
    assert (changed, problems) == (["docs/briefs/section-2.en.md"], [])
    assert f'translation_of: "{new}"' in en.read_text(encoding="utf-8")
    assert translations.check(project) == []


# -- bibliography ---------------------------------------------------------------------------

ENTRY = """
@online{{{key},
  organization = {{Example}},
  title        = {{An example}},
  url          = {{https://example.org/}},
  langid       = {{english}},
}}
"""


def append_entry(root: Path, entry: str) -> int:
    """Append an entry to the copy's references.bib; the line it starts on."""
    path = root / "references.bib"
    text = path.read_text(encoding="utf-8")
    path.write_text(text + entry, encoding="utf-8")
    return text.count("\n") + 2


def seed_duplicate_key(root: Path) -> set[Problem]:
    first = line_of(root / "references.bib", "{tanabe2024,")
    line = append_entry(root, ENTRY.format(key="Tanabe2024"))
    return {Problem("references.bib", line, "duplicate key 'Tanabe2024' (keys are "
                    f"case-insensitive: 'tanabe2024'), first defined at line {first}",
                    "give each source one entry with a unique key (keys ignore case)")}


def seed_javascript_url(root: Path) -> set[Problem]:
    path = root / "references.bib"
    edit(path, "{https://openai.com/blog/introducing-openai-japan}", "{javascript:alert(1)}")
    return {Problem("references.bib", line_of(path, "javascript:"),
                    "entry 'openai2024japan' has url 'javascript:alert(1)', not an http(s) address",
                    "use the source's http:// or https:// address, or remove the field")}


def seed_uncited_entry(root: Path) -> set[Problem]:
    line = append_entry(root, ENTRY.format(key="unused2024"))
    return {Problem("references.bib", line, "entry 'unused2024' is cited on no page under docs/",
                    "cite it as [@unused2024] where the report relies on it, or remove it")}


def seed_missing_english_fields(root: Path) -> set[Problem]:
    line = append_entry(root, "\n@online{jp2024,\n  organization = {経済産業省},\n"
                        "  title        = {例},\n  langid       = {japanese},\n}\n")
    return {
        Problem("references.bib", line, "entry 'jp2024' is cited on no page under docs/",
                "cite it as [@jp2024] where the report relies on it, or remove it"),
        Problem("references.bib", line + 1, "entry 'jp2024' has a Japanese 'organization' but "
                "no 'organization_en'", "add organization_en with the official English name"),
        Problem("references.bib", line + 2, "entry 'jp2024' has no 'title_en' for a source not "
                "in English", "add the official English title, or a faithful translation, as "
                "title_en"),
    }


def seed_missing_required_field(root: Path) -> set[Problem]:
    path = root / "references.bib"
    text = path.read_text(encoding="utf-8")
    start = text.index("@inreport{kanda2024,")
    path.write_text(text[:start] + re.sub(r"\n  booktitle +=[^\n]*", "", text[start:], count=1),
                    encoding="utf-8")
    return {Problem("references.bib", line_of(path, "@inreport{kanda2024,"),
                    "entry 'kanda2024' lacks field 'booktitle'",
                    "add it (@inreport needs title, author, booktitle, institution, date, pages)")}


def seed_misformatted_entry(root: Path) -> set[Problem]:
    path = root / "references.bib"
    edit(path, "  organization = {OpenAI},", "    organization={OpenAI},")
    return {Problem("references.bib", line_of(path, "organization={OpenAI}"),
                    "entry 'openai2024japan' is not in the canonical layout (field order, "
                    "indentation, alignment); expected here: '  organization = {OpenAI},'",
                    f"run {FORMAT}")}


def seed_impossible_date(root: Path) -> set[Problem]:
    """The lint says what the build says (issue 11): the loader's own warning."""
    path = root / "references.bib"
    edit(path, "{2024-04-14}", "{2024-02-30}")
    return {Problem("references.bib", line_of(path, "2024-02-30"),
                    "entry 'openai2024japan' has date '2024-02-30', which is not a date of the "
                    "calendar", "write it as YYYY, YYYY-MM or YYYY-MM-DD")}


def seed_bare_percent(root: Path) -> set[Problem]:
    path = root / "references.bib"
    edit(path, "{Introducing OpenAI Japan}", "{Introducing OpenAI Japan, 100% so}")
    return {Problem("references.bib", line_of(path, "100% so"),
                    "entry 'openai2024japan' field 'title' has a bare '%', which BibTeX tools "
                    "read as the start of a comment; shown as '%'", "write it as '\\%'")}


@pytest.mark.parametrize("seed", [seed_duplicate_key, seed_javascript_url, seed_uncited_entry,
                                  seed_missing_english_fields, seed_missing_required_field,
                                  seed_misformatted_entry, seed_impossible_date,
                                  seed_bare_percent])
def test_bibliography_lint_catches(project: Path, seed):
    added(bib.check, project, seed)


def test_format_bib_rewrites_a_misformatted_entry(project: Path):
    seed_misformatted_entry(project)
    changed, problems = bib.format_file(project)
    assert (changed, problems) == (True, [])
    assert "  organization = {OpenAI},\n" in (project / "references.bib").read_text("utf-8")
    assert bib.check(project) == []


# -- links ----------------------------------------------------------------------------------


@pytest.mark.parametrize(("link", "what", "todo"), [
    ("javascript:alert(1)", "link 'javascript:alert(1)' is not an http(s) address",
     "link only to http:// or https:// addresses"),
    ("//evil.example/x", "link '//evil.example/x' is not an http(s) address",
     "link only to http:// or https:// addresses"),
    ("https://intranet/page", "link 'https://intranet/page' is not a well-formed http(s) "
     "address",
     "write the full address: https://host.example/path, no spaces (encode them as %20)"),
])
def test_external_links_are_well_formed_http(project: Path, link: str, what: str, todo: str):
    page = project / "docs/about.en.md"

    def seed(root: Path) -> set[Problem]:
        with page.open("a", encoding="utf-8") as out:
            out.write(f"\nSee [this]({link}).\n")
        return {Problem("docs/about.en.md", line_of(page, "See [this]("), what, todo)}

    added(links.check_external, project, seed)
