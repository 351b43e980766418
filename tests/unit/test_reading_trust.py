"""The trust line (report link, part, dates, statement), undated builds from shallow clones,
and the 404 page's root-relative addresses: the hooks' pure parts."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from tests.conftest import ROOT

sys.path.insert(0, str(ROOT / "hooks"))

import reading_404
import reading_trust
import source_dates

URL = "https://www.dir.co.jp/report/research/economics/japan/20240614_024448.html"
REPORT = date(2024, 6, 14)


@pytest.mark.parametrize(("meta", "lang", "expected"), [
    ({"section": "3.1"}, "en", "report §3 (1)"),
    ({"section": "3.1"}, "ja", "レポート §3 (1)"),
    ({"section": "2"}, "en", "report §2"),
    ({"figure": 5}, "ja", "レポート図表5"),
    ({"figure": 5}, "en", "report figure 5"),
    ({"section": "summary"}, "en", "the report's summary"),
    ({"section": "introduction"}, "ja", "レポートの「はじめに」"),
    ({}, "en", None),
])
def test_report_part(meta, lang, expected):
    assert reading_trust.report_part(meta, lang) == expected


@pytest.mark.parametrize(("lang", "part", "revised", "expected"), [
    ("en", "report §3 (1)", date(2026, 11, 30),
     f'<p class="brief-trust">Independent commentary on <a href="{URL}">report §3 (1)</a> '
     "(Daiwa Institute of Research, 14 June 2024), not published or endorsed by the Daiwa "
     'Institute of Research. <span class="brief-trust__revised">Last revised 30 November '
     "2026.</span></p>\n"),
    ("ja", None, date(2026, 11, 30),
     f'<p class="brief-trust"><a href="{URL}">大和総研のレポート</a>（2024 年 6 月 14 日）について'
     "の独立した注釈集。大和総研が発行・承認したものではない。"
     '<span class="brief-trust__revised">最終更新：2026 年 11 月 30 日。</span></p>\n'),
    ("ja", "レポート §2", None,
     f'<p class="brief-trust"><a href="{URL}">レポート §2</a>'
     "（大和総研、2024 年 6 月 14 日）についての独立した注釈。"
     "大和総研が発行・承認したものではない。"
     '<span class="brief-trust__revised">最終更新日：不明（履歴のないビルド）。</span></p>\n'),
])
def test_trust_line(lang, part, revised, expected):
    assert reading_trust.trust_line(lang, part, URL, REPORT, revised) == expected


def test_trust_line_links_only_http_addresses_and_escapes():
    line = reading_trust.trust_line("en", "<b>x</b>", "javascript:alert(1)", REPORT, None)
    assert "<a " not in line and "&lt;b&gt;x&lt;/b&gt;" in line


def test_trust_line_goes_right_after_the_title():
    assert reading_trust.after_title("<h1>T</h1><p>a</p>", "<p>L</p>") \
        == "<h1>T</h1>\n<p>L</p><p>a</p>"
    assert reading_trust.after_title("<p>a</p>", "<p>L</p>") == "<p>L</p><p>a</p>"


def _git(cwd: Path, *args: str, day: str = "2024-01-01T12:00:00") -> None:
    env = {**os.environ, "GIT_AUTHOR_DATE": day, "GIT_COMMITTER_DATE": day,
           "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.org",
           "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@example.org"}
    subprocess.run(["git", *args], cwd=cwd, check=True, capture_output=True, env=env)


@pytest.mark.skipif(shutil.which("git") is None, reason="needs git")
def test_a_shallow_clone_gives_no_date_rather_than_a_wrong_one(tmp_path, monkeypatch):
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    origin = tmp_path / "origin"
    (origin / "docs").mkdir(parents=True)
    (origin / "docs" / "old.md").write_text("old\n")
    _git(origin, "init", "-q", "-b", "main")
    _git(origin, "add", ".")
    _git(origin, "commit", "-qm", "old", day="2024-01-01T12:00:00")
    (origin / "docs" / "new.md").write_text("new\n")
    _git(origin, "add", ".")
    _git(origin, "commit", "-qm", "new", day="2024-05-01T12:00:00")
    (origin / "docs" / "new.md").write_text("newer\n")
    _git(origin, "commit", "-qam", "newer", day="2024-06-01T12:00:00")
    full, shallow = tmp_path / "full", tmp_path / "shallow"
    _git(tmp_path, "clone", "-q", f"file://{origin}", str(full))
    _git(tmp_path, "clone", "-q", "--depth", "2", f"file://{origin}", str(shallow))
    assert source_dates.source_date(full / "docs" / "old.md") == date(2024, 1, 1)
    assert source_dates.source_date(full / "docs" / "new.md") == date(2024, 6, 1)
    # the shallow clone's boundary commit ("new", May) stands for all the history before it:
    # old.md, last changed in January, would be dated May; no date instead
    assert source_dates.source_date(shallow / "docs" / "old.md") is None
    # a file changed after the boundary has its real date
    assert source_dates.source_date(shallow / "docs" / "new.md") == date(2024, 6, 1)


@pytest.mark.parametrize(("base", "html", "expected"), [
    ("/briefs/", '<head><link href="/briefs/assets/a.css"></head><a href="/briefs/en/">',
     '<link href="assets/a.css"></head><a href="en/">'),
    ("/", '<head></head><a href="/">h</a><a href="/.">h</a><script src="/js/a.js">',
     '<a href="./">h</a><a href="./">h</a><script src="js/a.js">'),
    ("/", '<head></head><a href="//cdn.example/x">', '<a href="//cdn.example/x">'),
    ("/", '<head></head><div data-bundle="/pagefind/">', '<div data-bundle="pagefind/">'),
])
def test_404_addresses_are_relative_to_the_root(base, html, expected):
    out = reading_404.portable(html, base, ["assets", "en"])
    assert out.endswith(expected)
    assert out.startswith("<head>\n<script>") and '"assets"' in out
