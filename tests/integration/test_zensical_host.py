"""The citation core in a second host: Zensical (Material's successor), which runs
Python-Markdown extensions named in its configuration but no MkDocs plugin.

The one-language fixture site (tests/fixtures/zensical) names the extension
`briefs_citations.markdown_ext` with its options; the page's path and address come from
Zensical's rendering context."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys

import pytest

from tests.conftest import FIXTURES

pytest.importorskip("zensical", reason="zensical is pinned in requirements.txt")


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    project = tmp_path_factory.mktemp("zensical") / "site"
    shutil.copytree(FIXTURES / "zensical", project)
    done = subprocess.run([sys.executable, "-m", "zensical", "build", "--clean"], cwd=project,
                          capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stdout + done.stderr
    return project / "site", done.stdout + done.stderr


def test_markers_in_reading_order_with_one_back_link_each(built) -> None:
    html = (built[0] / "index.html").read_text(encoding="utf-8")
    found = re.findall(r'<sup id="([^"]+)"><a class="footnote-ref" href="#([^"]+)">(\d+)</a>',
                       html)
    assert [(marker, int(n)) for marker, _, n in found] == [
        ("fnref:cite-1", 1), ("fnref:cite-2", 2), ("fnref:cite-3", 3), ("fnref2:cite-1", 1)]
    note = re.search(r'<li id="fn:cite-1">(.*?)</li>', html, re.S).group(1)
    assert re.findall(r'class="footnote-backref" href="#([^"]+)" title="([^"]+)"', note) == [
        ("fnref:cite-1", "Back to the 1st mention"), ("fnref2:cite-1", "Back to the 2nd mention")]
    assert "Intro\u2060<sup" in html


def test_full_then_short_notes_linked_to_the_source(built) -> None:
    html = (built[0] / "index.html").read_text(encoding="utf-8")
    bodies = re.findall(r'<span class="citation">(.*?)</span>', html)
    assert bodies[0].startswith('Miho Tanabe. 2024. <em><a href="https://example.com/report">')
    assert bodies[2] == '<a href="https://example.com/report">Tanabe (2024)</a>, fig. 3.'


def test_page_context_reaches_the_extension(built) -> None:
    site, output = built
    brief = (site / "briefs" / "one" / "index.html").read_text(encoding="utf-8")
    assert 'class="citation-entry" href="../../references/#rep"' in brief
    home = (site / "index.html").read_text(encoding="utf-8")
    assert 'class="citation-entry" href="references/#rep"' in home
    assert "docs/index.md:10: unknown citation key 'nokey'" in output
