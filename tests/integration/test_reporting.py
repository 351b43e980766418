"""Problems are reported once per build, in every build while they remain (issue 11,
item 7), and the build-level rows of the bad-input table, on a copy of the fixture site."""

from __future__ import annotations

import logging
import os
from pathlib import Path

import pytest

from tests.conftest import build


def write(path: Path, text: str) -> None:
    path.write_text(text, encoding="utf-8")


def edit_bib(root: Path, old: str, new: str) -> None:
    bib = root / "refs.bib"
    text = bib.read_text(encoding="utf-8")
    assert old in text
    write(bib, text.replace(old, new, 1))


def test_each_problem_once_in_every_serve_rebuild(fixture_site, template_cache, monkeypatch,
                                                  caplog):
    """As `mkdocs serve` does: one plugin instance (it defines on_startup), a fresh config
    and a build per rebuild; both languages are built in each."""
    from mkdocs.commands.build import build as mkdocs_build
    from mkdocs.config import load_config

    root = fixture_site()
    edit_bib(root, "  title_en        = {Call for proposals for the development of generative "
             "AI foundation models},\n", "")
    edit_bib(root, "date            = {2023-07-06}", "date            = {2023-02-30}")
    monkeypatch.chdir(root)
    monkeypatch.setitem(os.environ, "NO_MKDOCS_2_WARNING", "1")
    counts = []
    plugin = None
    for _ in range(3):
        config = load_config(str(root / "mkdocs.yml"), site_dir=str(root / "site"))
        if plugin is None:
            config.plugins.on_startup(command="serve", dirty=False)
            plugin = config.plugins["citations"]
        assert config.plugins["citations"] is plugin
        caplog.clear()
        with caplog.at_level(logging.WARNING):
            mkdocs_build(config)
        messages = [r.getMessage() for r in caplog.records if r.levelno >= logging.WARNING]
        counts.append((
            sum("entry 'meti2023koubo' has no English title" in m for m in messages),
            sum("entry 'nec2023' has date '2023-02-30'" in m for m in messages),
        ))
    config.plugins.on_shutdown()
    assert counts == [(1, 1)] * 3


def test_date_warning_names_the_date_line_and_fails_strict(fixture_site):
    root = fixture_site()
    edit_bib(root, "date            = {2023-07-06}", "date            = {2020-13-45}")
    line = next(i for i, text in enumerate(
        (root / "refs.bib").read_text(encoding="utf-8").splitlines(), 1) if "2020-13-45" in text)
    loose = build(root, strict=False)
    assert loose.returncode == 0, loose.output
    assert (f"refs.bib:{line}: entry 'nec2023' has date '2020-13-45', which is not a date of "
            "the calendar") in loose.output
    assert "2020-13-45" in loose.html("en/")  # shown as written, never "December 2020"
    assert "Traceback" not in loose.output
    assert build(root).returncode != 0


@pytest.mark.parametrize("strict", [False, True])
def test_missing_references_page_is_a_warning_naming_the_option(fixture_site, strict):
    root = fixture_site()
    config = (root / "mkdocs.yml").read_text(encoding="utf-8")
    write(root / "mkdocs.yml", config.replace("references_page: references.md",
                                              "references_page: nosuch.md"))
    line = next(i for i, text in enumerate(config.splitlines(), 1) if "references_page" in text)
    result = build(root, strict=strict)
    message = f"mkdocs.yml:{line}: references_page 'nosuch.md' is not a page under docs/"
    assert result.output.count(message) == 1, result.output
    assert "Traceback" not in result.output
    assert (result.returncode != 0) is strict


@pytest.mark.parametrize(("fallback", "expected"),
                         [("ja", "経済産業省ウェブサイト「"), ("en", "Ministry of Economy")])
def test_fallback_language_styles_a_language_without_a_style(fixture_site, fallback, expected):
    root = fixture_site()
    config = (root / "mkdocs.yml").read_text(encoding="utf-8")
    start, end = config.index("  - i18n:"), config.index("  - citations:")
    config = (config[:start] + config[end:]).replace("language: ja", "language: de")
    config = config.replace("references_page: references.md",
                            f"references_page: ''\n      fallback_language: {fallback}")
    config = config[: config.index("nav:")]
    write(root / "mkdocs.yml", config)
    for path in (root / "docs").glob("*.md"):
        path.unlink()
    write(root / "docs/index.md", "# Seite\n\nZitat[@meti2023koubo].\n")
    result = build(root)
    assert result.returncode == 0, result.output
    assert expected in result.html("")
