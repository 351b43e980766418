"""Every row of the bad-input table, on a copy of the fixture site."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import build

CLEAN_JA = "# 索引ページ\n\n引用[@meti2023koubo]。\n"


def write(path: Path, text: str) -> None:
    path.write_text(text, encoding="utf-8")


@pytest.fixture
def project(fixture_site) -> Path:
    """The fixture site with simple pages, so each test adds exactly one problem."""
    root = fixture_site()
    bib = (root / "refs.bib").read_text(encoding="utf-8")
    start = bib.index("@online{hostile,")
    write(root / "refs.bib", bib[:start] + bib[bib.index("@online{uncited,"):])
    write(root / "docs/index.ja.md", CLEAN_JA)
    write(root / "docs/index.en.md", "# Index\n\nA citation[@meti2023koubo].\n")
    return root


def test_clean_site_builds_strict_with_zero_warnings(project):
    result = build(project)
    assert result.returncode == 0, result.output
    assert "WARNING" not in result.output
    assert (project / "site/index.html").exists() and (project / "site/en/index.html").exists()


def test_unknown_key_warns_marks_and_fails_strict(project):
    write(project / "docs/index.ja.md", CLEAN_JA + "\n未知のキー[@meti2023]。\n")
    strict = build(project)  # writes every page, then stops with the count of warnings
    assert ("docs/index.ja.md:5: unknown citation key 'meti2023' "
            "(did you mean 'meti2023koubo'?)") in strict.output
    assert ('<mark class="citation-unknown" title="文献一覧にない引用キー">[@meti2023]</mark>'
            in (project / "site/index.html").read_text(encoding="utf-8"))
    assert strict.returncode != 0
    assert "Traceback" not in strict.output


@pytest.mark.parametrize(
    ("bib", "message"),
    [
        ("@online{a,\n  title = {x},\n", "refs.bib:1: entry 'a' is never closed (missing '}')"),
        ("@online{a, title = {x}}\nstray words\n",
         "refs.bib:2: stray text outside an entry: 'stray words'"),
        ("@online{a,\n  title = {x} junk,\n}\n", "refs.bib:2: syntax error"),
        ("@online{Good, title={x}}\n\n@online{good, title={y}}\n",
         "refs.bib:3: duplicate key 'good' (keys are case-insensitive: 'Good'), "
         "first defined at line 1"),
        ("", "refs.bib: no entries (the file is empty)"),
        ("@online{a)b,\n  title = {x},\n}\n", "refs.bib:1: key 'a)b' has ')'"),
        ('@online{a,\n  title = {x},\n  note = "open,\n}\n',
         "refs.bib:3: string opened with '\"' is never closed"),
        ("@online{a,\n  title = {x\x00},\n}\n", "refs.bib:2: contains a NUL byte"),
    ],
)
def test_malformed_bibliography_stops_the_build_with_a_location(project, bib, message):
    write(project / "refs.bib", bib)
    result = build(project, strict=False)
    assert result.returncode != 0
    assert message in result.output
    assert "Traceback" not in result.output


def test_bibliography_not_utf8_or_missing(project):
    (project / "refs.bib").write_bytes("@online{a, title={経済}}\n".encode("shift_jis"))
    result = build(project, strict=False)
    assert result.returncode != 0 and "refs.bib:1: not valid UTF-8" in result.output
    (project / "refs.bib").unlink()
    result = build(project, strict=False)
    assert result.returncode != 0 and "refs.bib: file not found" in result.output
    assert "Traceback" not in result.output


def test_missing_field_warns_and_the_rest_renders(project):
    bib = (project / "refs.bib").read_text(encoding="utf-8")
    write(project / "refs.bib", bib.replace("  date            = {2023-11-10},\n", "", 1))
    write(project / "refs.bib", bib.replace("  title_en        = {Call for proposals for the "
                                            "development of generative AI foundation models},\n",
                                            "", 1))
    result = build(project)  # writes every page, then stops with the count of warnings
    assert "entry 'meti2023koubo' has no English title (add 'title_en')" in result.output
    html = (project / "site/en/index.html").read_text(encoding="utf-8")
    assert "生成 AI 基盤モデルの開発支援に向けた公募を開始しました" in html
    assert result.returncode != 0


def test_missing_required_field_is_named(project):
    bib = (project / "refs.bib").read_text(encoding="utf-8")
    write(project / "refs.bib", bib.replace("  date            = {2023-07-06},\n", "", 1))
    write(project / "docs/index.ja.md", CLEAN_JA + "\n[@nec2023]\n")
    result = build(project, strict=False)
    assert "entry 'nec2023' lacks field 'date'" in result.output
    assert "NEC、軽量な LLM を開発" in (project / "site/index.html").read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("空[@]。", "docs/index.ja.md:5: empty citation key in '[@]'"),
        ("閉じない[@meti2023koubo と続く", "docs/index.ja.md:5: unclosed citation"),
        ("閉じない[@meti2023koubo\n", "docs/index.ja.md:5: unclosed citation"),
        ("空白[@my key]。", "docs/index.ja.md:5: citation key may not contain spaces"),
    ],
)
def test_malformed_citations_stay_as_text_with_a_warning(project, text, message):
    write(project / "docs/index.ja.md", CLEAN_JA + "\n" + text + "\n")
    result = build(project, strict=False)
    assert result.returncode == 0, result.output
    assert message in result.output
    html = (project / "site/index.html").read_text(encoding="utf-8")
    assert text.strip() in html


def test_reported_line_counts_front_matter_and_code_blocks(project):
    page = ("---\ntitle: 索引\ndescription: 説明\n---\n\n# 索引\n\n```text\nコード\n```\n\n"
            "引用[@meti2023koubo]。\n\n未知[@nosuchkey]。\n")
    write(project / "docs/index.ja.md", page)
    result = build(project, strict=False)
    line = page.splitlines().index("未知[@nosuchkey]。") + 1
    assert f"docs/index.ja.md:{line}: unknown citation key 'nosuchkey'" in result.output
