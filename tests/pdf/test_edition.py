"""The print edition of the real site (issue 15), read back with poppler's pdftotext and
pdffonts: titles in navigation order, contents page numbers, page footnotes, references,
no text lost, fonts embedded, no outside request, same bytes twice (a small edition, once
under a shifted clock), dates from SOURCE_DATE_EPOCH.

Expectations come from the built site's HTML, parsed here on its own (regular
expressions), not from tools/pdf."""

from __future__ import annotations

import html
import re
from collections import Counter
from hashlib import sha256
from pathlib import Path

import pytest

from tests.pdf.conftest import (
    Editions,
    named_destinations,
    outline_titles,
    page_lines,
    page_texts,
    pdf_objects,
    poppler,
    run_pdf,
    small_site,
)

pytestmark = pytest.mark.pdf

LANGS = [("ja", ""), ("en", "en/")]
PRINTED = ("briefs/", "figures/", "glossary/", "references/")
CONTENTS = {"ja": "目次", "en": "Contents"}
#: What the edition leaves out of an article: it belongs to the screen.
WEB_ONLY = [
    r'<nav class="md-tags".*?</nav>', r'<a [^>]*class="md-content__button[^"]*"[^>]*>.*?</a>',
    r'<a class="headerlink"[^>]*>.*?</a>', r'<section class="cite-brief".*?</section>',
    r'<p class="table-download">.*?</p>', r'<details class="reference-bibtex">.*?</details>',
    r'<h2 data-pagefind-ignore.*?</h2>\s*<ul data-pagefind-ignore>.*?</ul>',
    r'<div class="footnote">.*?</div>\s*(?=</article>|$)', r"<title>.*?</title>",
    r"<desc>.*?</desc>",
]


def squeeze(text: str) -> str:
    return " ".join(text.replace("\u00a0", " ").split())


def plain(fragment: str, between: str = " ") -> str:
    return squeeze(html.unescape(re.sub(r"<[^>]+>", between, fragment)))


def nav_urls(site: Path, prefix: str) -> list[str]:
    home = (site / prefix / "index.html").read_text(encoding="utf-8")
    primary = home[home.index("md-nav--primary"):]
    urls = []
    for href in re.findall(r'<a href="([^"#][^"]*)" class="md-nav__link', primary):
        url = href.removeprefix("./")
        if url.startswith(PRINTED) and url not in urls:
            urls.append(url)
    return urls


def article(site: Path, prefix: str, url: str) -> str:
    page = (site / prefix / url / "index.html").read_text(encoding="utf-8")
    return page[page.index("<article"):page.index("</article>")]


def title(site: Path, prefix: str, url: str) -> str:
    h1 = re.search(r"<h1[^>]*>(.*?)</h1>", article(site, prefix, url), re.S)
    assert h1, url
    return plain(re.sub(r'<a class="headerlink".*?</a>', "", h1.group(1)), "")


def contents(pdf: Path, site: Path, prefix: str) -> dict[str, int]:
    """Title -> page number, as the contents page prints them (leader dots between)."""
    text = squeeze(page_texts(pdf)[1])
    numbers = {}
    for url in nav_urls(site, prefix):
        name = title(site, prefix, url)
        found = re.search(re.escape(name) + r" ?\.+ ?(\d+)(?= |$)", text)
        assert found, f"{name!r} not in the contents: {text}"
        numbers[name] = int(found.group(1))
    return numbers


def test_both_editions_exist_and_are_at_most_3_mb(editions: Editions):
    for lang, _ in LANGS:
        pdf = editions.pdf(lang)
        assert pdf.exists(), pdf
        assert pdf.stat().st_size <= 3_000_000, (pdf, pdf.stat().st_size)
        assert page_texts(pdf)[1].strip().startswith(CONTENTS[lang])


@pytest.mark.parametrize(("lang", "prefix"), LANGS)
def test_every_title_in_navigation_order(editions: Editions, lang, prefix):
    urls = nav_urls(editions.site, prefix)
    assert len(urls) >= 15
    body = squeeze(" ".join(page_texts(editions.pdf(lang))[2:]))
    position = 0
    for url in urls:
        found = body.find(title(editions.site, prefix, url), position)
        assert found >= 0, (url, title(editions.site, prefix, url), position)
        position = found


@pytest.mark.parametrize(("lang", "prefix"), LANGS)
def test_contents_page_numbers_are_where_the_titles_are(editions: Editions, lang, prefix):
    pdf = editions.pdf(lang)
    toc = contents(pdf, editions.site, prefix)
    pages = page_texts(pdf)
    urls = nav_urls(editions.site, prefix)
    numbers = []
    for url in urls:
        name = title(editions.site, prefix, url)
        number = toc[name]
        numbers.append(number)
        lines = [squeeze(line) for line in pages[number - 1].splitlines() if line.strip()]
        # running head, then the title as the page's first heading
        assert name in " ".join(lines[:4]), (name, number, lines[:4])
        before = [squeeze(line) for line in pages[number - 2].splitlines() if line.strip()]
        assert before[0] != name, f"{name!r} already heads page {number - 1}"
    assert numbers == sorted(numbers) and len(set(numbers)) == len(numbers)


def _note_lines(pdf: Path, first: int, last: int):
    """Lines of the footnote areas of pages first..last: small type, between head and foot."""
    lines = [line for line in page_lines(pdf)
             if first <= line.page <= last and 60 < line.y < 790 and line.height < 11.45]
    return sorted(lines, key=lambda line: (line.page, round(line.y), line.x))


def _bare(text: str) -> str:
    """Text without spaces, digits (the PDF's note calls, numbered anew) and word joiners."""
    return re.sub(r"[\s\d\u2060]", "", text)  # U+2060: the word joiner before markers


def _markers(fragment: str) -> list[str]:
    """For each footnote marker in reading order, the text just before it."""
    before = []
    for m in re.finditer(r'<sup id="fnref[^"]*"><a class="footnote-ref"', fragment):
        text = re.sub(r"<sup[^>]*>.*?</sup>", "", fragment[max(0, m.start() - 600):m.start()])
        before.append(_bare(html.unescape(re.sub(r"<[^>]+>", "", text)))[-8:])
    return before


@pytest.mark.parametrize(("lang", "prefix"), LANGS)
def test_footnotes_numbered_from_1_on_the_page_of_their_marker(editions: Editions, lang,
                                                               prefix):
    with_notes = [url for url in nav_urls(editions.site, prefix)
                  if _markers(article(editions.site, prefix, url))]
    assert len(with_notes) >= 15
    for url in with_notes:
        _check_notes(editions, lang, prefix, url)


def _check_notes(editions: Editions, lang: str, prefix: str, url: str) -> None:
    pdf = editions.pdf(lang)
    toc = contents(pdf, editions.site, prefix)
    urls = nav_urls(editions.site, prefix)
    first = toc[title(editions.site, prefix, url)]
    following = urls.index(url) + 1
    last = (toc[title(editions.site, prefix, urls[following])] - 1
            if following < len(urls) else len(page_texts(pdf)))
    markers = _markers(article(editions.site, prefix, url))
    assert markers, url
    # note numbers: at the start of a note line, or before a short "same as note" note
    found: dict[int, int] = {}
    for line in _note_lines(pdf, first, last):
        for index, word in enumerate(line.words):
            after = line.words[index + 1] if index + 1 < len(line.words) else ""
            expected = len(found) + 1
            if word == str(expected) and (index == 0 or after in ("注", "As")):
                found[expected] = line.page
    assert sorted(found) == list(range(1, len(markers) + 1)), (url, sorted(found))
    # each note on the page of its marker, where the text before the marker is unique
    texts = {n: _bare(page_texts(pdf)[n - 1]) for n in range(first, last + 1)}
    checked = 0
    for number, before in enumerate(markers, start=1):
        pages = [n for n, text in texts.items() if text.count(before) == 1]
        unique = sum(text.count(before) for text in texts.values()) == 1
        if len(before) == 8 and unique:
            assert found[number] == pages[0], (url, number, before, found[number], pages)
            checked += 1
    assert checked >= min(3, len(markers)), (url, checked)


@pytest.mark.parametrize(("lang", "prefix"), LANGS)
def test_references_list_is_printed(editions: Editions, lang, prefix):
    page = article(editions.site, prefix, "references/")
    entries = re.findall(r'<li id="[^"]+" class="reference"><p class="reference-text">(.*?)</p>',
                         page, re.S)
    assert len(entries) >= 10
    text = re.sub(r"\s", "", "".join(page_texts(editions.pdf(lang))))
    for entry in entries:
        start = re.sub(r"\s", "", plain(entry))[:30]
        assert start in text, start


def _tokens(text: str) -> Counter[str]:
    """Latin words and numbers, and each CJK character with the one after it."""
    text = text.replace("\u00a0", " ")
    words = re.findall(r"[A-Za-z]{2,}|\d+", text)
    cjk = re.sub(r"[^\u3040-\u30ff\u3400-\u9fff]", "", text)
    return Counter(words) + Counter(cjk[i:i + 2] for i in range(len(cjk) - 1))


@pytest.mark.parametrize(("lang", "prefix"), LANGS)
def test_no_text_lost(editions: Editions, lang, prefix):
    pdf = editions.pdf(lang)
    toc = contents(pdf, editions.site, prefix)
    urls = nav_urls(editions.site, prefix)
    pages = page_texts(pdf)
    for index, url in enumerate(urls):
        fragment = article(editions.site, prefix, url)
        for pattern in WEB_ONLY:
            fragment = re.sub(pattern, " ", fragment, flags=re.S)
        fragment = re.sub(r"<sup[^>]*>.*?</sup>", " ", fragment, flags=re.S)
        expected = _tokens(plain(fragment))
        first = toc[title(editions.site, prefix, url)]
        last = toc[title(editions.site, prefix, urls[index + 1])] - 1 \
            if index + 1 < len(urls) else len(pages)
        printed = _tokens(" ".join(pages[first - 1:last]))
        missing = sum((expected - printed).values())
        total = sum(expected.values())
        assert missing <= 0.02 * total, (url, missing, total, (expected - printed).most_common(12))


@pytest.mark.parametrize(("lang", "prefix"), LANGS)
def test_every_font_is_embedded(editions: Editions, lang, prefix):
    listing = poppler("pdffonts", str(editions.pdf(lang))).splitlines()[2:]
    assert listing, "no font at all"
    assert any("CJK-JP" in row for row in listing), listing
    for row in listing:
        emb = row[row.index("Identity-H") + len("Identity-H"):].split()[0] \
            if "Identity-H" in row else row.split()[-5]
        assert emb == "yes", row


def test_no_outside_request_while_building(editions: Editions):
    assert "refused" not in editions.output, editions.output


def test_same_epoch_gives_the_same_bytes(real_site, tmp_path: Path):
    """Built twice from the same site and SOURCE_DATE_EPOCH, the second time under a clock
    years ahead and another hash seed: the same bytes. A small edition of the real site's
    pages (notes, a table, a chart) shows the tool's determinism as the whole one would."""
    site = small_site(real_site.site, tmp_path / "site")
    first = run_pdf(site, tmp_path / "first", "ja", env={"PYTHONHASHSEED": "1"})
    assert first.returncode == 0, first.stdout + first.stderr
    again = run_pdf(site, tmp_path / "again", "ja", module="tests.pdf.shifted_clock",
                    env={"PYTHONHASHSEED": "2"})
    assert again.returncode == 0, again.stdout + again.stderr
    pdf = tmp_path / "first" / "briefs.ja.pdf"
    assert len(page_texts(pdf)) >= 5  # cover, contents, the pages
    digests = [sha256(path.read_bytes()).hexdigest() for path in (pdf, tmp_path / "again" /
                                                                  "briefs.ja.pdf")]
    assert digests[0] == digests[1]


@pytest.mark.parametrize(("lang", "day"), [("ja", "2025 年 11 月 28 日"),
                                           ("en", "28 November 2025")])
def test_the_edition_is_dated_by_the_epoch_not_the_clock(editions: Editions, lang, day):
    """The whole editions' dates (cover, PDF metadata) are EPOCH's day, 2025-11-28."""
    assert day in squeeze(page_texts(editions.pdf(lang))[0])
    dates = re.findall(rb"/(?:CreationDate|ModDate) \(D:(\d+)", pdf_objects(editions.pdf(lang)))
    assert dates and set(dates) == {b"20251128"}, dates


@pytest.mark.parametrize(("lang", "prefix"), LANGS)
def test_bookmarks_mirror_the_contents(editions: Editions, lang, prefix):
    home = (editions.site / prefix / "index.html").read_text(encoding="utf-8")
    primary = home[home.index("md-nav--primary"):]
    expected = [CONTENTS[lang]]
    urls = nav_urls(editions.site, prefix)
    for m in re.finditer(r'<label class="md-nav__link"[^>]*>\s*<span class="md-ellipsis">(.*?)'
                         r'</span>(.*?)</nav>', primary, re.S):
        mine = [u for u in urls if f'href="{u}"' in m.group(2) or f'href="./{u}"' in m.group(2)]
        if mine:
            expected.append(plain(m.group(1), ""))
            expected += [title(editions.site, prefix, u) for u in mine]
    assert len(expected) > len(urls)
    assert [squeeze(t) for t in outline_titles(editions.pdf(lang))] == expected


@pytest.mark.parametrize(("lang", "prefix"), LANGS)
def test_every_printed_page_is_a_named_destination(editions: Editions, lang, prefix):
    """The site's PDF links (#nameddest=briefs-section-2-1) land on the page."""
    names = named_destinations(editions.pdf(lang))
    for url in nav_urls(editions.site, prefix):
        key = url.strip("/").replace("/", "-")
        assert key in names, key
        page = (editions.site / prefix / url / "index.html").read_text(encoding="utf-8")
        assert f"pdf/briefs.{lang}.pdf#nameddest={key}\"" in page
