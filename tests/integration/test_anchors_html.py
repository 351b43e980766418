"""Every brief's fixed sections carry the same readable id in both languages (hooks/sections.py),
in the built real site; no heading of a brief is left with a made-up id such as `_1`."""

from __future__ import annotations

import re

import pytest

from tests.conftest import ROOT


def _briefs() -> list[str]:
    stems = []
    for folder in ("briefs", "figures"):
        for source in sorted((ROOT / "docs" / folder).glob("*.ja.md")):
            stems.append(f"{folder}/{source.name.removesuffix('.ja.md')}/")
    return stems


BRIEFS = _briefs()
# Written by hand: the sections of a brief in order (README, CONTRIBUTING.md "Headings").
SECTION_BRIEF = ["key-points", "summary", "annotation", "related", "cite-this-brief"]
FIGURE_BRIEF = ["key-points", "summary", "data", "annotation", "related", "cite-this-brief"]


def h2_ids(html: str) -> list[str]:
    article = re.search(r"<article[^>]*>(.*?)</article>", html, re.DOTALL).group(1)
    return re.findall(r'<h2 [^>]*?id="([^"]+)"', article)


@pytest.mark.parametrize("path", BRIEFS)
def test_fixed_sections_have_the_same_readable_ids(real_site, path):
    assert real_site.returncode == 0, real_site.output
    ja, en = h2_ids(real_site.html(path)), h2_ids(real_site.html("en/" + path))
    assert ja == en
    expected = FIGURE_BRIEF if path.startswith("figures/") else SECTION_BRIEF
    assert [i for i in ja if i in expected] == expected
    assert not [i for i in ja if i.startswith("_")]


@pytest.mark.parametrize(("path", "anchor"), [
    ("briefs/section-3-1/", "annotation"),
    ("en/figures/figure-5/", "data"),
])
def test_the_table_of_contents_links_the_readable_ids(real_site, path, anchor):
    assert f'href="#{anchor}"' in real_site.html(path)
