"""Trust on the built site: the report link and statement on every brief and both home pages,
the About notice, and no placeholder address in a local build (no SITE_URL, no REPO_URL)."""

from __future__ import annotations

import os
import re
import shutil
from pathlib import Path

import pytest

from tests.conftest import DEPLOYED, ROOT, build, without_search_index

REPORT_URL = "https://www.dir.co.jp/report/research/economics/japan/20240614_024448.html"
PLACEHOLDERS = ("example.invalid", "OWNER/REPO", "github.com/example-owner")
DOCS = ROOT / "docs"


def _briefs() -> list[tuple[str, str]]:
    """(url path, expected part label) of every brief in both languages, from front matter."""
    found = []
    for source in sorted(DOCS.glob("*/*.ja.md")):
        text = source.read_text(encoding="utf-8")
        section = re.search(r'^section:\s*"?([\w.]+)"?', text, re.M)
        figure = re.search(r"^figure:\s*(\d+)", text, re.M)
        if not (section or figure):
            continue
        url = source.relative_to(DOCS).as_posix().removesuffix(".ja.md") + "/"
        if figure:
            labels = (f"レポート図表{figure[1]}", f"report figure {figure[1]}")
        elif section[1] in ("summary", "introduction"):
            labels = {"summary": ("レポートの要約", "the report's summary"),
                      "introduction": ("レポートの「はじめに」", "the report's introduction")}[
                section[1]]
        else:
            major, _, minor = section[1].partition(".")
            number = f"{major} ({minor})" if minor else major
            labels = (f"レポート §{number}", f"report §{number}")
        found += [(url, labels[0]), ("en/" + url, labels[1])]
    return found


BRIEFS = _briefs()


@pytest.fixture(scope="module")
def local_site(tmp_path_factory):
    """The project built as on a contributor's machine: no site address, no repository
    (without the search index, which adds no page)."""
    target = tmp_path_factory.mktemp("local") / "project"
    shutil.copytree(ROOT, target, ignore=shutil.ignore_patterns(
        ".venv", "site", ".git", "__pycache__", "*.egg-info", ".pytest_cache", "bench",
        "node_modules", "screenshots"))
    result = build(without_search_index(target), env={"SITE_URL": "", "REPO_URL": ""})
    assert result.returncode == 0, result.output
    return result


def _trust(html: str) -> str:
    found = re.findall(r'<p class="brief-trust">(.*?)</p>', html, re.S)
    assert len(found) == 1, "one trust line per page"
    return found[0]


def test_there_are_briefs_to_check():
    assert len(BRIEFS) >= 2 * 18


@pytest.mark.parametrize(("path", "label"), BRIEFS)
def test_every_brief_links_the_report_next_to_its_part(real_site, path, label):
    html = real_site.html(path)
    line = _trust(html)
    link = re.search(rf'<a href="{re.escape(REPORT_URL)}">(.*?)</a>', line.replace("&#x27;", "'"))
    assert link and re.sub(r"<[^>]+>", "", link[1]) == label, line  # a no-wrap span inside
    # right under the title, before the first section
    assert html.index('class="brief-trust"') < html.index("<h2")
    assert html.index("</h1>") < html.index('class="brief-trust"')
    text = re.sub(r"<[^>]+>", "", line)
    # the real site is built from a copy without .git: dated only by SOURCE_DATE_EPOCH
    dated = os.environ.get("SOURCE_DATE_EPOCH", "").isdigit()
    if path.startswith("en/"):
        assert "(Daiwa Institute of Research, 14 June 2024)" in text
        assert "not published or endorsed by the Daiwa Institute of Research" in text
        revised = (r"Last revised \d{1,2} [A-Z][a-z]+ \d{4}\." if dated
                   else r"Last revised: not known \(built without history\)\.")
    else:
        assert "（大和総研、2024年6月14日）" in text
        assert "大和総研が発行・承認したものではない。" in text
        revised = (r"最終更新：\d{4}年\d{1,2}月\d{1,2}日。" if dated
                   else r"最終更新日：不明（履歴のないビルド）。")
    assert re.search(revised + "$", text), text


@pytest.mark.parametrize(("path", "words"), [
    ("", ("大和総研のレポート", "独立した注釈集", "大和総研が発行・承認したものではない",
          "最終更新")),
    ("en/", ("the Daiwa Institute of Research report", "Independent commentary",
             "not published or endorsed", "Last revised")),
])
def test_both_home_pages_carry_the_report_link_and_the_statement(real_site, path, words):
    line = _trust(real_site.html(path))
    assert f'<a href="{REPORT_URL}">{words[0]}</a>' in line
    text = re.sub(r"<[^>]+>", "", line)
    assert all(word in text for word in words[1:])


@pytest.mark.parametrize(("path", "heading", "words"), [
    ("about/", "権利と、訂正・削除の依頼", ("独立した注釈", "権利は、発行者である大和総研にある")),
    ("en/about/", "Rights, corrections and removal",
     ("independent commentary", "remain with its publisher")),
])
def test_about_says_whose_rights_and_how_to_ask(real_site, local_site, path, heading, words):
    deployed = real_site.html(path)
    assert f'<h2 id="rights">{heading}' in deployed
    assert all(word in re.sub(r"<[^>]+>", "", deployed) for word in words)
    issue = DEPLOYED["REPO_URL"] + "/issues/new?template=correction.md"
    assert f'<a href="{issue}"><code>.github/ISSUE_TEMPLATE/correction.md</code></a>' in deployed
    assert (ROOT / ".github" / "ISSUE_TEMPLATE" / "correction.md").is_file()
    local = local_site.html(path)
    assert "<code>.github/ISSUE_TEMPLATE/correction.md</code>" in local  # named, no link
    assert "/issues/new" not in local


def test_a_local_build_shows_no_placeholder_and_no_made_up_address(local_site):
    pages = sorted(Path(local_site.site).rglob("*.html"))
    assert len(pages) > 40
    for page in pages:
        html = page.read_text(encoding="utf-8")
        for placeholder in PLACEHOLDERS:
            assert placeholder not in html, f"{page}: {placeholder}"
        assert 'class="md-source"' not in html, f"{page}: repository link without a repository"
        assert 'rel="alternate" href="/' not in html and "hreflang=\"x-default\"" not in html
    brief = local_site.html("briefs/section-3-1/")
    block = re.search(r'<section class="cite-brief".*?</section>', brief, re.S).group(0)
    assert "http" not in block  # no absolute address in the cite block
    assert "citation_public_url" not in brief
    assert _trust(brief)  # the trust line needs no site address


def test_the_deployed_build_has_the_repository_link(real_site):
    html = real_site.html("")
    assert f'href="{DEPLOYED["REPO_URL"]}"' in html
