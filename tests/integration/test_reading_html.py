"""Plain-HTML checks of the built site: hreflang, sitemap, meta tags, how-to-cite, tags, 404s."""

from __future__ import annotations

import os
import re
import shutil
from html import unescape
from pathlib import Path

import pytest
import yaml

from tests.conftest import DEPLOYED, ROOT, build, cut_site, without_search_index

SITE = "https://example.invalid/briefs/"
NAME_JA = "国内 AI 開発の行方 — 注釈付きブリーフ"
NAME_EN = "Domestic AI Development in Japan — Annotated Briefs"


def _pairs() -> list[str]:
    stems = []
    for source in sorted((ROOT / "docs").rglob("*.ja.md")):
        if source.with_name(source.name.replace(".ja.md", ".en.md")).is_file():
            stem = source.relative_to(ROOT / "docs").as_posix().removesuffix(".ja.md")
            stems.append("" if stem == "index" else stem + "/")
    return stems


PAIRS = _pairs()
BRIEFS = [p for p in PAIRS if p.startswith(("briefs/", "figures/"))]


def links(html: str, rel: str) -> dict[str, str]:
    found = re.findall(rf'<link rel="{rel}" href="([^"]*)" hreflang="([^"]*)">', html)
    return {lang: href for href, lang in found}


def meta(html: str, name: str) -> list[str]:
    return [unescape(v) for v in re.findall(rf'<meta name="{name}"[^>]*? content="([^"]*)">', html)]


def properties(html: str, name: str) -> list[str]:
    """The content of each `<meta property="NAME">` (Open Graph)."""
    return [unescape(v) for v in re.findall(rf'<meta property="{name}" content="([^"]*)">',
                                            html)]


def front_matter(path: Path) -> dict:
    return yaml.safe_load(path.read_text(encoding="utf-8").split("---")[1])


@pytest.mark.parametrize("path", PAIRS)
def test_each_page_names_both_versions_and_x_default(real_site, path):
    expected = {"ja": SITE + path, "en": SITE + "en/" + path, "x-default": SITE + path}
    for version in (path, "en/" + path):
        assert links(real_site.html(version), "alternate") == expected


def test_sitemap_lists_both_languages_of_every_page(real_site):
    sitemap = (real_site.site / "sitemap.xml").read_text(encoding="utf-8")
    for path in PAIRS:
        assert f"<loc>{SITE}{path}</loc>" in sitemap
        assert f'hreflang="en" href="{SITE}en/{path}"' in sitemap


@pytest.mark.parametrize("path", BRIEFS)
def test_meta_description_and_citation_tags_per_language(real_site, path):
    source = ROOT / "docs" / (path.rstrip("/") + ".{}.md")
    for lang, prefix, name in (("ja", "", NAME_JA), ("en", "en/", NAME_EN)):
        html = real_site.html(prefix + path)
        assert meta(html, "description") == [front_matter(Path(str(source).format(lang)))
                                              ["description"]]
        assert meta(html, "citation_author") == [name]
        assert meta(html, "citation_publisher") == [name]
        assert meta(html, "citation_language") == [lang]
        assert meta(html, "citation_public_url") == [SITE + prefix + path]
        assert len(meta(html, "citation_title")) == 1


@pytest.mark.parametrize(("path", "title"), [
    ("briefs/section-2-1/", "2 (1) 拡大する日本のデジタル赤字"),
    ("en/briefs/section-2-1/", "2 (1) Japan's growing digital deficit"),
    ("figures/figure-5/", "図表5 国内の生成 AI サービス例（提供予定・提供開始）"),
])
def test_citation_title_is_the_brief_heading(real_site, path, title):
    assert meta(real_site.html(path), "citation_title") == [title]


@pytest.mark.parametrize("path", ["", "en/", "about/", "en/glossary/", "references/"])
def test_pages_that_are_not_briefs_carry_no_citation_tags(real_site, path):
    html = real_site.html(path)
    assert "citation_title" not in html and "cite-this-brief" not in html


@pytest.mark.parametrize(("path", "heading", "ja_form", "en_form"), [
    ("briefs/section-2-1/", "このブリーフの引用のしかた",
     f"「2 (1) 拡大する日本のデジタル赤字」『{NAME_JA}』",
     f"“2 (1) Japan's growing digital deficit.” {NAME_EN}."),
    ("en/briefs/section-2-1/", "How to cite this brief",
     f"「2 (1) 拡大する日本のデジタル赤字」『{NAME_JA}』",
     f"“2 (1) Japan's growing digital deficit.” {NAME_EN}."),
])
def test_how_to_cite_in_japanese_english_and_bibtex(real_site, path, heading, ja_form,
                                                    en_form):
    block = _cite_block(real_site.html(path))
    assert f'<h2 id="cite-this-brief">{heading}</h2>' in block
    texts = [unescape(re.sub(r"<[^>]+>", "", t))
             for t in re.findall(r'<p class="cite-text" lang="\w+">(.*?)</p>', block)]
    assert texts[0].startswith(ja_form) and texts[0].endswith(SITE + "briefs/section-2-1/")
    assert texts[1].startswith(en_form) and texts[1].endswith(SITE + "en/briefs/section-2-1/")
    bibtex = unescape(re.search(r"<code>(.*?)</code>", block, re.S).group(1))
    lang = "en" if path.startswith("en/") else "ja"
    assert bibtex.startswith(f"@misc{{briefs-section-2-1-{lang},\n")
    assert f"  url       = {{{SITE}{path}}},\n" in bibtex
    assert bibtex.rstrip().endswith("}")


def _cite_block(html: str) -> str:
    found = re.search(r'<section class="cite-brief".*?</section>', html, re.S)
    assert found, "no how-to-cite block"
    return found.group(0)


@pytest.mark.parametrize("path", BRIEFS)
def test_every_brief_shows_its_tags_linked_to_the_tags_page(real_site, path):
    for prefix in ("", "en/"):
        html = real_site.html(prefix + path)
        tags = re.findall(r'<a href="([^"]*tags/#tag:[^"]*)" class="md-tag">', html)
        assert tags, f"{prefix}{path} shows no tags"


@pytest.mark.parametrize(("path", "topic", "brief"), [
    ("tags/", "経済安全保障", "../briefs/section-3-1/"),
    ("en/tags/", "economic security", "../briefs/section-3-1/"),
    ("tags/", "人材", "../briefs/section-4-2/"),
    ("en/tags/", "talent", "../briefs/section-4-2/"),
])
def test_tags_page_lists_briefs_by_topic(real_site, path, topic, brief):
    html = real_site.html(path)
    section = re.search(rf'<span class="md-tag">{re.escape(topic)}</span>.*?</ul>', html, re.S)
    assert section, f"no {topic} on {path}"
    assert f'<a href="{brief}">' in section.group(0)


@pytest.mark.parametrize(("page", "lang", "heading"), [
    ("404.html", "ja", "ページが見つかりません（404）"),
    ("en/404.html", "en", "Page not found (404)"),
])
def test_404_page_in_each_language(real_site, page, lang, heading):
    html = (real_site.site / page).read_text(encoding="utf-8")
    assert f'<html lang="{lang}"' in html
    assert f"<h1>{heading}</h1>" in html
    assert re.search(r"<title>(.*?) - ", html).group(1) == heading  # the tab says 404 too
    assert 'hreflang="x-default"' not in html
    assert re.findall(r'<a href="([^"]*)" hreflang="(\w+)" class="md-select__link">', html) \
        == [("./", "ja"), ("en/", "en")]  # relative to the root, which the page's <base> sets


@pytest.mark.parametrize("path", ["", "en/", "briefs/section-2-1/", "en/figures/figure-5/"])
def test_nothing_is_loaded_from_other_hosts(real_site, path):
    tags = re.findall(r"<(?:script|link|img|iframe|source|video|audio|object)\b([^>]*)>",
                      real_site.html(path))
    fetched = [attrs for attrs in tags
               if re.search(r'(?:src|href|data)="(?:https?:)?//', attrs)
               and not re.search(r'rel="(?:canonical|alternate)"', attrs)]
    assert fetched == []


def test_stylesheets_load_nothing_from_other_hosts(real_site):
    for sheet in real_site.site.rglob("*.css"):
        text = sheet.read_text(encoding="utf-8")
        assert not re.search(r"url\(\s*['\"]?(?:https?:)?//|@import", text), sheet


HOSTILE_H1 = '# 2 (1) A "quoted" <b>bold</b> & {50%} $x$ #1 back\\slash ~^'
#: Front matter that Material's templates would write into pages as it is (front_matter.py).
HOSTILE_TITLE = 'A "title" </title><script>alert(1)</script> <img src=x onerror=alert(1)> & R&D'
HOSTILE_DESCRIPTION = '"><script>alert(2)</script> & more'
HOSTILE_TAG = "<script>alert(3)</script>"


@pytest.fixture(scope="module")
def hostile_site(real_site, tmp_path_factory):
    """The real project, with a brief heading full of HTML and BibTeX specials (and its
    title, description and a tags.yml topic full of HTML), built with a SOURCE_DATE_EPOCH
    (the copy has no git history): that brief alone (with the home and references pages),
    without the search index."""
    project = tmp_path_factory.mktemp("hostile") / "project"
    shutil.copytree(real_site.root, project, ignore=shutil.ignore_patterns("site"))
    cut_site(without_search_index(project), ["briefs/section-2-1"])
    page = project / "docs" / "briefs" / "section-2-1.en.md"
    text = page.read_text(encoding="utf-8")
    old = next(line for line in text.splitlines() if line.startswith("# "))
    for key, value in (("title", HOSTILE_TITLE), ("description", HOSTILE_DESCRIPTION)):
        line = next(line for line in text.splitlines() if line.startswith(f"{key}: "))
        text = text.replace(line, f"{key}: '{value}'", 1)
    text = text.replace("tags: [", f"tags: ['{HOSTILE_TAG}', ", 1)
    page.write_text(text.replace(old, HOSTILE_H1, 1), encoding="utf-8")
    with (project / "tags.yml").open("a", encoding="utf-8") as tags:  # a label it may use
        tags.write(f"hostile: {{ja: '{HOSTILE_TAG}', en: '{HOSTILE_TAG}'}}\n")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("SOURCE_DATE_EPOCH", "1718323200")  # 2024-06-14 00:00 UTC
        return build(project, env=DEPLOYED)


def test_front_matter_and_heading_are_escaped_everywhere(hostile_site):
    assert hostile_site.returncode == 0, hostile_site.output
    html = hostile_site.html("en/briefs/section-2-1/")
    raw = '2 (1) A "quoted" <b>bold</b> & {50%} $x$ #1 back\\slash ~^'
    assert meta(html, "citation_title") == [raw]
    block = _cite_block(html)
    assert "<b>" not in block
    bibtex = unescape(re.search(r"<code>(.*?)</code>", block, re.S).group(1))
    assert (r'  title     = {{2 (1) A "quoted" <b>bold</b> \& \{50\%\} \$x\$ \#1 '
            r"back\textbackslash{}slash \textasciitilde{}\textasciicircum{}}},") in bibtex
    texts = [unescape(re.sub(r"<[^>]+>", "", t))
             for t in re.findall(r'<p class="cite-text" lang="\w+">(.*?)</p>', block)]
    assert texts[1].startswith(f"“{raw}.” {NAME_EN}. Updated 14 June 2024. ")


def test_front_matter_texts_are_escaped_in_materials_templates(hostile_site):
    """Material writes a page's title (its <title>, the header, the navigation and the
    footer of every page), its description and its tags into HTML as they are: one
    `</title><script>` ran on every page. As text, each shows as written."""
    pages = {path: path.read_text(encoding="utf-8")
             for path in (hostile_site.root / "site").rglob("*.html")}
    assert len(pages) >= 6
    for path, html in pages.items():
        assert "<script>alert" not in html and "<img src=x" not in html, path
    html = hostile_site.html("en/briefs/section-2-1/")
    head = html.split("</head>")[0]
    assert unescape(re.search(r"<title>(.*?)</title>", head).group(1)).startswith(
        HOSTILE_TITLE + " - ")
    assert meta(head, "description") == [HOSTILE_DESCRIPTION]
    assert properties(head, "og:title") == [HOSTILE_TITLE]
    assert properties(head, "og:description") == [HOSTILE_DESCRIPTION]
    assert HOSTILE_TAG in [unescape(tag) for tag in re.findall(r'class="md-tag">([^<]*)<', html)]
    home = hostile_site.html("en/")  # the navigation of another page
    assert HOSTILE_TITLE in [unescape(t.strip()) for t in re.findall(
        r'<span class="md-ellipsis">\s*([^<]*?)\s*</span>', home)]


def test_dates_come_from_source_date_epoch_without_git(hostile_site, real_site):
    html = hostile_site.html("briefs/section-2-1/")
    assert meta(html, "citation_publication_date") == ["2024/06/14"]
    assert meta(html, "citation_date") == ["2024/06/14"]
    assert "、2024年6月14日更新、" in re.sub(r"<[^>]+>", "", _cite_block(html))
    # without git history or SOURCE_DATE_EPOCH there is no date at all (never the clock)
    if "SOURCE_DATE_EPOCH" not in os.environ:
        plain = real_site.html("briefs/section-2-1/")
        assert meta(plain, "citation_date") == []
        assert "更新" not in _cite_block(plain)


def test_english_pages_show_every_full_date_in_one_format(real_site):
    """The references, the line under each title, the cite block, the charts and the prose
    of every English page: each full date as the site writes English dates (checks/dates.py
    reads them), and the pages hold many (so the test is not passing on nothing)."""
    from checks.dates import FULL_DATE, misdated

    found, wrong = 0, {}
    for page in sorted((real_site.site / "en").rglob("*.html")):
        html = re.sub(r"<(script|style|code)\b.*?</\1>", "", page.read_text(encoding="utf-8"),
                      flags=re.S)  # code: an example, as the check leaves it
        text = unescape(re.sub(r"<[^>]+>", " ", html))
        text = re.sub(r"[\s\u00a0]+", " ", text)
        found += len(FULL_DATE.findall(text))
        if bad := sorted(set(misdated(text))):
            wrong[page.relative_to(real_site.site).as_posix()] = bad
    assert wrong == {}
    assert found > 300, found


def test_english_pages_keep_numbers_with_their_units(real_site):
    """On every English page no space of keep_units.EN_JOINS (13 billion, 30 November 2026,
    figure 3) is left outside a span that does not break, and no space between a digit and
    Japanese in what is quoted: in the prose, the line under the title, the cite block, the
    references, the 404 page."""
    from hooks.keep_units import joins, spaces

    wrapped, left = 0, {}
    for page in sorted((real_site.site / "en").rglob("*.html")):
        html = re.sub(r"<(script|style|pre|code|title|svg|textarea)\b.*?</\1>", " ",
                      page.read_text(encoding="utf-8"), flags=re.S)
        wrapped += html.count('<span class="nowrap">')
        html = re.sub(r'<span class="nowrap">[^<]*</span>', " ", html)  # text only
        text = unescape(re.sub(r"<[^>]+>", "", html))
        found = [text[max(0, start - 15):end + 10] for start, end in joins(text)]
        found += [what for _, what in spaces(text)]  # Japanese quoted: 「2024 年 3 月」
        if found:
            left[page.relative_to(real_site.site).as_posix()] = found
    assert left == {}
    assert wrapped > 1000, wrapped


# -- link previews (hooks/share_meta.py) ----------------------------------------------------

SITE_NAMES = {"ja": "国内 AI 開発の行方 — 注釈付きブリーフ",
              "en": "Domestic AI Development in Japan — Annotated Briefs"}

@pytest.mark.parametrize(("path", "lang", "kind"), [
    ("", "ja", "website"), ("en/", "en", "website"),
    ("briefs/section-3-1/", "ja", "article"), ("en/briefs/section-3-1/", "en", "article"),
    ("en/figures/figure-5/", "en", "article"), ("tags/", "ja", "website"),
])
def test_a_shared_link_previews_the_page_in_its_language(real_site, path, lang, kind):
    html = real_site.html(path)
    head = html.split("</head>")[0]
    other = {"ja": "en_GB", "en": "ja_JP"}[lang]
    title = unescape(re.search(r"<title>(.*?)</title>", head).group(1))
    canonical = re.search(r'<link rel="canonical" href="([^"]*)">', head)
    description = meta(head, "description")
    assert properties(head, "og:type") == [kind]
    [shown], [site] = properties(head, "og:title"), properties(head, "og:site_name")
    assert site == SITE_NAMES[lang]
    # the tab's title: the page's, then the site's; the home pages, titled as the site, once
    assert title == (site if shown == site else f"{shown} - {site}")
    assert (shown == site) == (path in ("", "en/"))
    assert properties(head, "og:description") == description and description[0]
    assert properties(head, "og:locale") == [{"ja": "ja_JP", "en": "en_GB"}[lang]]
    assert properties(head, "og:locale:alternate") == [other]
    assert meta(head, "twitter:card") == ["summary"]
    if canonical:  # a build with SITE_URL: the full address, as the canonical link
        assert properties(head, "og:url") == [canonical.group(1)]
        assert canonical.group(1).startswith("http")
    else:
        assert properties(head, "og:url") == []
