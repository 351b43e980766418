"""The real site builds strictly with zero warnings (ruff: tests/checks/test_checks_seeded.py)."""

from __future__ import annotations

import re

import pytest

from tests.conftest import ROOT


def test_real_site_builds_strict_with_zero_warnings(real_site):
    assert real_site.returncode == 0, real_site.output
    assert "WARNING" not in real_site.output
    assert 'lang="ja"' in real_site.html("")
    assert 'lang="en"' in real_site.html("en/")


def test_footnote_back_links_speak_the_page_language(real_site):
    ja, en = real_site.html("briefs/section-2-1/"), real_site.html("en/briefs/section-2-1/")
    assert 'title="本文に戻る"' in ja and 'title="本文の2か所目に戻る"' in ja
    assert 'title="Back to the text"' in en and 'title="Back to the 2nd mention"' in en
    titles = r'class="footnote-backref" href="[^"]*" title="([^"]+)"'
    assert all(t.startswith("本文") for t in re.findall(titles, ja))
    assert all(t.startswith("Back to the") for t in re.findall(titles, en))


@pytest.mark.parametrize("path", ["", "en/", "figures/figure-3/", "en/references/"])
def test_pages_load_our_theme_script_not_materials_bundle(real_site, path):
    """overrides/javascripts/theme.js replaces Material's bundle (README, "Lighthouse")."""
    html = real_site.html(path)
    assert "assets/javascripts/bundle." not in html
    assert 'src="' in html and "javascripts/theme.js" in html
    assert 'classList.replace("no-js", "js")' in html.split("</head>")[0]


@pytest.mark.parametrize("path", ["figures/figure-3/", "en/figures/figure-3/"])
def test_figure_tables_scroll_inside_materials_wrapper_from_the_start(real_site, path):
    html = real_site.html(path)
    # hooks/reading_tables.py marks long-text tables as cards (<table data-layout="cards">)
    tables = re.findall(r"<table\b[^>]*>", html)
    wrapped = re.findall(r'<div class="md-typeset__scrollwrap"><div class="md-typeset__table">'
                         r"(<table\b[^>]*>)", html)
    assert tables and wrapped == tables


# Material features that work without Material's bundle: template-only ones, and those
# overrides/javascripts/theme.js implements. Anything else in mkdocs.yml would silently do nothing.
WITHOUT_BUNDLE = {"content.action.edit", "navigation.sections", "navigation.footer",
                  "content.footnote.tooltips", "navigation.top", "toc.follow"}


def test_every_material_feature_in_use_works_without_materials_bundle():
    text = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    block = re.search(r"^  features:\n((?:    - .*\n)+)", text, re.MULTILINE)
    assert block, "theme.features not found in mkdocs.yml"
    features = set(re.findall(r"- ([\w.]+)", block.group(1)))
    assert features, "no feature read from mkdocs.yml"
    assert features <= WITHOUT_BUNDLE, f"not handled by theme.js: {features - WITHOUT_BUNDLE}"
