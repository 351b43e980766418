"""The real site's footnotes, every page of both languages: reading order, one back-link per
marker, markers glued to the text, short notes after the first, the report linked."""

from __future__ import annotations

import re
from html import unescape

import pytest

REPORT_URL = "https://www.dir.co.jp/report/research/economics/japan/20240614_024448.html"
MARKER = re.compile(r'<sup id="([^"]+)"><a class="footnote-ref" href="#([^"]+)">(\d+)</a></sup>')


@pytest.fixture(scope="module")
def pages(real_site) -> dict[str, str]:
    """Every built page with footnotes: its address (`briefs/x/`, `en/…`) → HTML."""
    assert real_site.returncode == 0, real_site.output
    found = {}
    for path in sorted(real_site.site.rglob("index.html")):
        html = path.read_text(encoding="utf-8")
        if 'class="footnote-ref"' in html:
            found[path.parent.relative_to(real_site.site).as_posix() + "/"] = html
    return found


def notes(html: str) -> dict[str, str]:
    """Note id → the note's HTML, in the order of the list."""
    return dict(re.findall(r'<li id="(fn:[^"]+)">(.*?)</li>', html, re.S))


def test_both_languages_have_footnoted_pages(pages) -> None:
    assert sum(p.startswith("en/") for p in pages) >= 15
    assert sum(not p.startswith("en/") for p in pages) >= 15


def test_every_page_is_numbered_in_reading_order(pages) -> None:
    for address, html in pages.items():
        found = MARKER.findall(html)
        first: dict[str, int] = {}
        for _, note_id, number in found:
            assert int(number) == first.setdefault(note_id, int(number)), address
        # the first occurrence of each number comes after that of the number before it
        assert list(first.values()) == list(range(1, len(first) + 1)), (address, found)
        assert list(notes(html)) == list(first), address


def test_every_marker_has_its_own_back_link(pages) -> None:
    for address, html in pages.items():
        found = MARKER.findall(html)
        ids = [marker_id for marker_id, _, _ in found]
        assert len(ids) == len(set(ids)), address
        for note_id, body in notes(html).items():
            hrefs = re.findall(r'class="footnote-backref" href="#([^"]+)"', body)
            assert hrefs == [m for m, target, _ in found if target == note_id], (address, note_id)
            titles = [unescape(t) for t in re.findall(r'class="footnote-backref"[^>]*'
                                                       r' title="([^"]+)"', body)]
            if address.startswith("en/"):
                assert all(t.startswith("Back to the") for t in titles), titles
            else:
                assert all(t.startswith("本文") for t in titles), titles
            if len(hrefs) > 1:
                assert len(set(titles)) == len(titles)


def test_no_space_and_no_line_break_before_a_marker(pages) -> None:
    for address, html in pages.items():
        assert not re.search(r'\s<sup id="fnref', html), address
        for match in re.finditer(r'<sup id="fnref', html):
            before = html[max(0, match.start() - 1) : match.start()]
            assert before in ("\u2060", ">"), (address, html[match.start() - 40 : match.start()])


def test_first_report_note_links_to_the_report_and_later_ones_are_short(pages) -> None:
    briefs = [a for a in pages if re.match(r"(en/)?(briefs|figures)/", a)]
    assert len(briefs) >= 30
    for address in briefs:
        report = [body for body in notes(pages[address]).values()
                  if re.search(r'href="(\.\./)+references/#tanabe2024"', body)]
        assert report, address
        assert f'href="{REPORT_URL}"' in report[0], address
        full_title = "Japan's DX" if address.startswith("en/") else "IT 関連政策から読み解く"
        assert full_title in report[0], address
        short = "Tanabe (2024)" if address.startswith("en/") else "田邊［2024］"
        for later in report[1:]:
            assert short in later and full_title not in later, (address, later)
            assert f'href="{REPORT_URL}"' in later, address
