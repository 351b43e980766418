"""What only a build shows: reproducibility, edit links, the stale-translation notice and
broken anchors. The real content is built twice: the suite's build of the real site
(tests/conftest.py, `real_site`) and one of its own; the other tests build copies of the
project cut to the few pages they are about (`small_copy`), in the suite's build server
(`checks_builds_on_server`). The newcomer's `make check` (tests/checks/test_newcomer.py)
runs the checks' builds as a user does."""

from __future__ import annotations

from pathlib import Path

import pytest

from checks import Problem, build, cli, links, translations
from tests.checks.conftest import copy_project, cut_site, edit
from tests.conftest import DEPLOYED, without_search_index
from tests.conftest import build as build_site

NOTICE = "The original has changed since this translation was last checked."
NOTICE_JA = "原文が、この翻訳を最後に確認した後に変更された。"
EDIT = DEPLOYED["REPO_URL"] + "/edit/main/docs/"  # REPO_URL as the deploy workflow sets it


@pytest.fixture(autouse=True)
def placeholder_repository(monkeypatch):
    """The builds below set REPO_URL as deployed (DEPLOYED), whatever the CI environment says."""
    monkeypatch.delenv("REPO_URL", raising=False)


def small_copy(tmp_path: Path, pages: list[str]) -> Path:
    """The project copied and cut to `pages` (`cut_site`), without the search index: none of
    these tests is about search (tests/browser/test_search.py is)."""
    return without_search_index(cut_site(copy_project(tmp_path / "project"), pages))


@pytest.fixture
def checks_builds_on_server(monkeypatch):
    """The checks' builds (`checks.build.build`: strict, clean, into a given folder, dated by
    `source_date_epoch`) through the suite's build server (tests/conftest.py `build`): no
    interpreter start-up, compiled templates kept. What the checks make of a build is the
    same; that `make check` runs the builds as a user does is the newcomer's test."""

    def served(root: Path, site_dir: Path) -> tuple[int, str]:
        done = build_site(root, site_dir=str(site_dir),
                          env={"SOURCE_DATE_EPOCH": build.source_date_epoch(root)})
        return done.returncode, done.output

    monkeypatch.setattr(build, "build", served)


def test_two_clean_builds_are_identical_and_the_real_content_passes(real_site, tmp_path: Path):
    """The suite's build of the real site is the first of the two: CI builds it once for the
    tests and the checks (issue 14); the second goes to a folder of its own."""
    problems = links.problems_from_build(real_site.output, real_site.returncode, real_site.root)
    assert problems == [], "\n".join(map(str, problems))
    second = build_site(real_site.root, site_dir=str(tmp_path / "b"), env=DEPLOYED)
    assert second.returncode == 0, second.output
    site = real_site.site
    assert build.differences(site, second.site) == []
    for url, source, title in [("briefs/section-2/", "briefs/section-2.ja.md", "編集"),
                               ("en/briefs/section-2/", "briefs/section-2.en.md",
                                "Edit this page"),
                               ("en/", "index.en.md", "Edit this page"),
                               ("en/glossary/", "glossary.en.md", "Edit this page")]:
        html = (site / url / "index.html").read_text(encoding="utf-8")
        assert f'<a href="{EDIT}{source}" title="{title}"' in html
        assert 'data-md-component="source"' not in html  # no api.github.com request
    english = sorted((site / "en").rglob("index.html"))
    assert english and not [p for p in english if NOTICE in p.read_text(encoding="utf-8")]


def test_stale_notice_appears_and_goes_after_refresh_broken_anchor_is_caught(
        tmp_path: Path, capsys, checks_builds_on_server):
    root = small_copy(tmp_path, ["briefs/section-2", "contributing", "about"])
    translations.refresh(root, [])  # every translation current in the copy
    with (root / "docs/briefs/section-2.ja.md").open("a", encoding="utf-8") as out:
        out.write("\n原文に追記した段落。\n")
    with (root / "CONTRIBUTING.md").open("a", encoding="utf-8") as out:
        out.write("\nA paragraph added to the English original of the guide.\n")
    about = root / "docs/about.en.md"
    with about.open("a", encoding="utf-8") as out:
        out.write("\nSee [section 2](briefs/section-2.md#no-such-term).\n")
    line = about.read_text(encoding="utf-8").split("\n").index(
        "See [section 2](briefs/section-2.md#no-such-term).") + 1

    problems = build.check(root, reproducible=False, workdir=tmp_path / "stale")
    assert problems == [Problem(
        "docs/about.en.md", line, "contains a link 'briefs/section-2.md#no-such-term', but "
        "the doc 'briefs/section-2.en.md' does not contain an anchor '#no-such-term'",
        links.LINK_FIX)]
    html = (tmp_path / "stale/a/en/briefs/section-2/index.html").read_text(encoding="utf-8")
    assert NOTICE in html
    assert html.index("</h1>") < html.index(NOTICE) < html.index("id=\"key-points\"")
    assert '<a href="../../../briefs/section-2/">the Japanese page</a>' in html
    for other in ("briefs/section-2/", "en/about/", "en/contributing/"):  # originals, current
        assert NOTICE not in (tmp_path / "stale/a" / other / "index.html").read_text("utf-8")
    # The guide goes the other way: CONTRIBUTING.md is the original, the Japanese page the
    # translation, and the notice is in Japanese, linking to the English page.
    html = (tmp_path / "stale/a/contributing/index.html").read_text(encoding="utf-8")
    assert NOTICE_JA in html and '<a href="../en/contributing/">英語の原文</a>' in html

    capsys.readouterr()
    status = cli.main(["refresh-translation", "--root", str(root), "docs/briefs/section-2.en.md"])
    said = capsys.readouterr()
    assert status == 0, said.out + said.err
    assert "docs/briefs/section-2.en.md: recorded the current version of its original" in (
        said.err)
    edit(about, "#no-such-term", "#key-points")  # an anchor that exists
    assert build.check(root, reproducible=False, workdir=tmp_path / "fresh") == []
    html = (tmp_path / "fresh/a/en/briefs/section-2/index.html").read_text(encoding="utf-8")
    assert NOTICE not in html


def test_one_message_per_bibliography_mistake_in_the_full_checks(tmp_path: Path,
                                                                 checks_builds_on_server):
    """A missing title_en is found by the lint (at the title's line) and by the build (at
    the entry's first line): `make check` says it once, at the lint's line. The build is
    of the home page (it cites the entry); the lint reads the whole references.bib."""
    root = small_copy(tmp_path, [])
    bib = root / "references.bib"
    title_en = next(line for line in bib.read_text(encoding="utf-8").split("\n")
                    if line.startswith("  title_en ") and "Japan's DX" in line)
    edit(bib, title_en + "\n", "")
    problems = cli.run(root, ["bib", "build"])
    assert [(p.path, p.message) for p in problems] == [
        ("references.bib", "entry 'tanabe2024' has no 'title_en' for a source not in English")]


@pytest.mark.parametrize(("pages", "count"), [
    (("section-2-1.ja.md", "section-2-1.en.md"), 2),  # one warning in each language's build
    (("section-2-1.en.md",), 1),  # the English build alone still stops the strict build
])
def test_strict_build_counts_the_warnings_of_every_language(tmp_path: Path, pages, count):
    """mkdocs-static-i18n builds English inside the Japanese build: the closing line counts
    what was printed, in both languages (hooks/strict_total.py), and the build stops."""
    root = small_copy(tmp_path, ["briefs/section-2-1"])
    for name in pages:
        edit(root / "docs/briefs" / name, "[@tanabe2024, §2(1)]", "[@tanabe2042, §2(1)]")
    result = build_site(root)
    printed = result.output.count("unknown citation key 'tanabe2042'")
    assert (result.returncode, printed) == (1, count), result.output
    assert f"Aborted with {count} warnings in strict mode!" in result.output
