"""Topics on the real site (hooks/topic_order.py): in tags.yml's order in both languages,
on the topic index and above every page's title; a topic's pages in the navigation's order;
each topic's section at the same address in both languages (#tag:ID, its id in tags.yml).

The expected orders come from tags.yml read by PyYAML and from each page's own sidebar, not
from the hook."""

from __future__ import annotations

import re

import pytest
import yaml

from tests.conftest import ROOT

TOPIC_HEADING = re.compile(r'<h2 id="tag:[^"]*">\s*<span class="md-tag">([^<]+)</span>')
LINK = re.compile(r'<a\b[^>]*\bhref="([^"#]+)"[^>]*>')


def tags_yml() -> dict[str, dict[str, str]]:
    return yaml.safe_load((ROOT / "tags.yml").read_text(encoding="utf-8"))


def labels_in_file_order(lang: str) -> list[str]:
    return [labels[lang] for labels in tags_yml().values()]


def navigation(html: str) -> list[str]:
    """The page addresses of the sidebar, in order."""
    start = html.index('class="md-nav md-nav--primary"')
    sidebar = html[start:html.index("</nav>", html.rindex('class="md-nav__link', 0,
                                                          html.index("md-sidebar--secondary")))]
    return list(dict.fromkeys(href for tag in re.findall(r'<a\b[^>]*class="md-nav__link[^"]*"'
                                                         r'[^>]*>', sidebar)
                              for href in LINK.findall(tag)))


def listings(html: str) -> dict[str, list[str]]:
    """{topic label: the page addresses listed under it} of the topic index."""
    article = html[html.index("<article"):html.index("</article>")]
    parts = TOPIC_HEADING.split(article)[1:]
    return {label.strip(): LINK.findall(body) for label, body in zip(parts[::2], parts[1::2],
                                                                      strict=True)}


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_the_topic_index_lists_topics_in_file_order_and_pages_in_reading_order(real_site, lang):
    html = real_site.html("tags/" if lang == "ja" else "en/tags/")
    listed = listings(html)
    assert list(listed) == labels_in_file_order(lang)  # every topic is in use
    order = navigation(html)
    assert len(order) >= 20, order
    for label, pages in listed.items():
        assert len(pages) >= 2, label
        assert pages == sorted(pages, key=order.index), label


def test_both_languages_list_the_same_pages_under_each_topic(real_site):
    ja, en = (listings(real_site.html(path)) for path in ("tags/", "en/tags/"))
    assert list(ja.values()) == list(en.values())


@pytest.mark.parametrize("path", ["figures/figure-3/", "en/figures/figure-3/",
                                  "briefs/summary/", "en/briefs/summary/"])
def test_a_pages_tags_follow_the_file_order(real_site, path):
    html = real_site.html(path)
    shown = [label.strip() for label in re.findall(r'<a [^>]*class="md-tag">([^<]+)</a>', html)]
    file_order = labels_in_file_order("en" if path.startswith("en/") else "ja")
    assert len(shown) >= 2, shown
    assert shown == sorted(shown, key=file_order.index)


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_each_topic_has_the_same_address_in_both_languages(real_site, lang):
    """The language switch carries the section's id: #tag:計算資源 would be lost in English."""
    prefix = "" if lang == "ja" else "en/"
    index = real_site.html(prefix + "tags/")
    expected = [f"tag:{topic}" for topic in tags_yml()]
    assert re.findall(r'<h2 id="(tag:[^"]*)"', index) == expected
    chips = re.findall(r'<a href="([^"]*)" class="md-tag">',
                       real_site.html(prefix + "figures/figure-3/"))
    assert chips == ["../../tags/#tag:compute", "../../tags/#tag:economic-security"]
