"""Japanese numbers stay with their units: the rule (hooks/keep_units.py), the check and the
fixer (checks/typography.py), on tables and on a copy of the project."""

from __future__ import annotations

import subprocess
import sys

import pytest

from checks import Problem, translations, typography
from hooks import keep_units
from tests.checks.conftest import ROOT, edit


@pytest.mark.parametrize(("text", "expected"), [
    ("2023 年 1 月 19 日", "2023年1月19日"),
    ("全 9 頁の", "全9頁の"),
    ("3,500 億パラメータ", "3,500億パラメータ"),
    ("6 つの観点", "6つの観点"),
    ("図表 2 に挙げる", "図表2に挙げる"),           # a particle: joined
    ("図表 2 総合経済対策", "図表2 総合経済対策"),   # number, then a title: word space kept
    ("図表 3 クラウド", "図表3 クラウド"),
    ("である。 次に", "である。次に"),
    ("である。  \n次に", "である。  \n次に"),      # a Markdown line break stays
    ("国内 AI 開発", "国内 AI 開発"),              # Latin words keep their spaces
    ("3 (1) 計算資源", "3 (1) 計算資源"),
    ("2024年6月", "2024年6月"),
    ("in 2023 and 2024", "in 2023 and 2024"),
])
def test_the_rule_on_plain_text(text, expected):
    assert keep_units.fix_text(text) == expected
    assert keep_units.fix_text(expected) == expected  # idempotent


@pytest.mark.parametrize(("html", "expected"), [
    ("<p>2023 年</p>", '<p><span class="nowrap">2023年</span></p>'),
    ("<p>全 <b>9 頁</b></p>", '<p>全 <b><span class="nowrap">9頁</span></b></p>'),
    ("<p>は 2024 年 6 月 14 日に</p>", '<p>は<span class="nowrap">2024年6月14日</span>に</p>'),
    ("<p>全 9 頁、図表 2 総合</p>",
     '<p><span class="nowrap">全9頁</span>、図表2 総合</p>'),
    ("<pre><code>2023 年</code></pre><p>5 つ</p>",
     '<pre><code>2023 年</code></pre><p><span class="nowrap">5つ</span></p>'),
    ("<title>2023 年 | x</title>", "<title>2023年 | x</title>"),  # no markup in a title
    ('<svg><text x="1">6 億</text></svg><p>6 億</p>',
     '<svg><text x="1">6億</text></svg><p><span class="nowrap">6億</span></p>'),
    ("<code>x 1 年</code>", "<code>x 1 年</code>"),
    ('<meta content="2024 年 6 月">', '<meta content="2024 年 6 月">'),  # attributes untouched
    ("<script>var s = '1 年';</script>", "<script>var s = '1 年';</script>"),
])
def test_the_rule_on_html_leaves_code_and_attributes(html, expected):
    assert keep_units.fix_html(html) == expected


NB = "\u00a0"


@pytest.mark.parametrize(("text", "wrapped", "joined"), [
    ("with 13 billion parameters", "with <N>13 billion parameters</N>",
     f"with 13{NB}billion{NB}parameters"),
    ("Last revised 30 November 2026.", "Last revised <N>30 November 2026.</N>",
     f"Last revised 30{NB}November{NB}2026."),
    ("(Daiwa Institute of Research, 14 June 2024),", "(Daiwa Institute of Research, "
     "<N>14 June 2024),</N>", f"(Daiwa Institute of Research, 14{NB}June{NB}2024),"),
    ("see figure 3 and p. 7", "see <N>figure 3</N> and <N>p. 7</N>",
     f"see figure{NB}3 and p.{NB}7"),
    ("about 30 percent of 6.7 trillion yen", "about <N>30 percent</N> of <N>6.7 trillion yen</N>",
     f"about 30{NB}percent of 6.7{NB}trillion{NB}yen"),
    ("a billion dollars, billions of yen", "a <N>billion dollars,</N> billions of yen",
     f"a billion{NB}dollars, billions of yen"),
    ("in May 2024 and\nJune 2023", "in <N>May 2024</N> and\n<N>June 2023</N>",
     f"in May{NB}2024 and\nJune{NB}2023"),
    ("No. 221 (Figures 2)", "<N>No. 221</N> <N>(Figures 2)</N>", f"No.{NB}221 (Figures{NB}2)"),
    ("configure 3 things; 3 of them; Section 3 (1)", "configure 3 things; 3 of them; "
     "<N>Section 3</N> (1)", f"configure 3 things; 3 of them; Section{NB}3 (1)"),
    ("2023 and 2024", "2023 and 2024", "2023 and 2024"),
])
def test_the_english_rule_on_plain_text(text, wrapped, joined):
    """The site wraps each chain in a span that does not break (the spaces stay, for copying
    and search); the print edition joins the same pairs with no-break spaces."""
    assert keep_units.wrap_en(text) == wrapped.replace("<N>", '<span class="nowrap">') \
        .replace("</N>", "</span>")
    assert keep_units.join_en(text) == joined


@pytest.mark.parametrize(("html", "expected"), [
    ("<p>13 billion</p>", '<p><span class="nowrap">13 billion</span></p>'),
    ('<p>In <a href="#x">figure 3</a></p>', '<p>In <a href="#x"><span class="nowrap">figure 3'
     "</span></a></p>"),
    ("<pre><code>13 billion</code></pre>", "<pre><code>13 billion</code></pre>"),
    ("<title>13 billion | x</title>", "<title>13 billion | x</title>"),
    ('<meta content="13 billion">', '<meta content="13 billion">'),
    # Japanese quoted on an English page: the Japanese rule too
    ("<p>13 billion, 2023 年 3 月</p>", '<p><span class="nowrap">13 billion,</span> '
     '<span class="nowrap">2023年3月</span></p>'),
    ("<title>2023 年 | x</title>", "<title>2023年 | x</title>"),
])
def test_the_english_rule_on_html_leaves_code_and_attributes(html, expected):
    assert keep_units.fix_html(html, "en") == expected


@pytest.mark.parametrize(("text", "lines"), [
    ("2023 年\n", [1]),
    ("ok\n\n全 9 頁、6 つ\n", [3, 3, 3]),
    ("```\n2023 年\n```\n`5 つ` in code\n", []),
    ("---\ntitle: 図表 2 の話\n---\n", [2, 2]),
    ("である。 次", [1]),
])
def test_the_check_names_file_and_line(text, lines):
    problems = typography.problems_in(text, "docs/x.ja.md")
    assert [p.line for p in problems] == lines
    assert all(p.path == "docs/x.ja.md" and "fix-typography" in str(p) for p in problems)


def test_the_check_passes_on_the_project_as_it_is():
    assert typography.check(ROOT) == []


def test_the_check_flags_a_new_space_with_its_place(project):
    path = project / "docs" / "briefs" / "section-2.ja.md"
    lines = path.read_text(encoding="utf-8").split("\n")
    line = next(i for i, text in enumerate(lines, 1) if text.startswith("## "))
    edit(path, lines[line - 1], lines[line - 1] + "（全 9 頁）")
    why = "a line may break there (numbers stay with their units; none after 「。」)"
    todo = "remove it (`python -m checks fix-typography` does)"
    assert typography.check(project) == [
        Problem("docs/briefs/section-2.ja.md", line, f"space in '全 9': {why}", todo),
        Problem("docs/briefs/section-2.ja.md", line, f"space in '9 頁': {why}", todo)]


def test_the_fixer_rewrites_keeps_current_translations_current_and_is_idempotent(project):
    translations.refresh(project, [])
    ja = project / "docs" / "briefs" / "section-2.ja.md"
    edit(ja, "## ", "## 全 9 頁 ")
    translations.refresh(project, ["docs/briefs/section-2.en.md"])   # current before the fix
    stale = project / "docs" / "briefs" / "section-3.ja.md"
    edit(stale, "## ", "## 第 3 章 ")                              # its translation is stale
    command = [sys.executable, "-m", "checks", "--root", str(project), "fix-typography"]
    first = subprocess.run(command, cwd=ROOT, capture_output=True, text=True)
    assert first.returncode == 0, first.stdout + first.stderr
    assert "## 全9頁 " in ja.read_text(encoding="utf-8")
    assert "## 第3章 " in stale.read_text(encoding="utf-8")
    stale_problems = [p.path for p in translations.check(project)]
    assert stale_problems == ["docs/briefs/section-3.en.md"]  # still stale, not hidden
    second = subprocess.run(command, cwd=ROOT, capture_output=True, text=True)
    assert second.returncode == 0 and "0 file(s) rewritten" in second.stderr
