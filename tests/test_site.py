"""The real site builds strictly with zero warnings, and the code is ruff-clean."""

from __future__ import annotations

import subprocess
import sys

from tests.conftest import ROOT


def test_real_site_builds_strict_with_zero_warnings(real_site):
    assert real_site.returncode == 0, real_site.output
    assert "WARNING" not in real_site.output
    assert 'lang="ja"' in real_site.html("")
    assert 'lang="en"' in real_site.html("en/")


def test_ruff():
    done = subprocess.run([sys.executable, "-m", "ruff", "check", "."], cwd=ROOT,
                          capture_output=True, text=True)
    assert done.returncode == 0, done.stdout + done.stderr


def test_footnote_back_links_speak_the_page_language(real_site):
    assert 'title="本文の脚注 1 に戻る"' in real_site.html("briefs/section-2-1/")
    assert 'title="Jump back to footnote 1 in the text"' in real_site.html("en/briefs/section-2-1/")
    assert "Jump back to footnote" not in real_site.html("briefs/section-2-1/")
