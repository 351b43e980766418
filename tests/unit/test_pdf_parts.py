"""The print edition's parts without WeasyPrint's layout: number-unit glue, footnotes,
links, the PDF link on the site, the fetcher that refuses anything outside the site."""

from __future__ import annotations

from pathlib import Path

import pytest

from hooks.pdf_link import link_html, page_key
from tools.pdf.article import _link
from tools.pdf.notes import NoteError, footnotes
from tools.pdf.render import LocalFetcher, RefusedRequestError, write
from tools.pdf.tree import fragment, serialize
from tools.pdf.words import EN, JA

NB = "\u00a0"


@pytest.mark.parametrize(("words", "text", "expected"), [
    (JA, "2024 年 6 月 14 日", f"2024{NB}年 6{NB}月 14{NB}日"),
    (JA, "第 221 回日本経済予測", f"第{NB}221{NB}回日本経済予測"),
    (JA, "最大 12.4 万人", f"最大 12.4{NB}万人"),
    (JA, "AI の開発", "AI の開発"),
    (EN, "13 billion parameters", f"13{NB}billion{NB}parameters"),  # as on the site
    (EN, "on 25 March 2024 it", f"on 25{NB}March{NB}2024 it"),
    (EN, "in 2024 the plan", "in 2024 the plan"),
    (EN, "figure 5 shows", f"figure{NB}5 shows"),
])
def test_numbers_keep_their_units(words, text, expected):
    assert words.keep_units(text) == expected


PAGE = """<p>One<sup id="fnref:a"><a class="footnote-ref" href="#fn:a">1</a></sup>
two<sup id="fnref:b"><a class="footnote-ref" href="#fn:b">2</a></sup>
<sup class="citation-separator">,</sup>
three<sup id="fnref2:a"><a class="footnote-ref" href="#fn:a">1</a></sup>.</p>
<div class="footnote"><hr><ol>
<li id="fn:a"><p><span class="citation">Source A</span> <a class="citation-entry"
href="../references/#a">refs</a>&#160;<a class="footnote-backref" href="#fnref:a">&#8617;</a><a
class="footnote-backref" href="#fnref2:a">&#8617;</a></p></li>
<li id="fn:b"><p>Source B <span class="footnote-backrefs" aria-hidden="true">&#8617;</span>
<a class="footnote-backref" href="#fnref:b">a</a></p></li>
</ol></div>"""


@pytest.mark.parametrize(("words", "repeat"), [(JA, "注 1 に同じ。"), (EN, "As note 1.")])
def test_every_marker_becomes_a_note_in_reading_order(words, repeat):
    article = fragment(PAGE)
    assert footnotes(article, words, "x.html") == 3
    out = serialize(article)
    assert 'class="footnote"' not in out and "footnote-backref" not in out
    assert "\u21a9" not in out
    assert out.index("Source A") < out.index("Source B") < out.index(repeat.split("1")[0])
    notes = [el for el in article.iter("span") if "fn" in (el.get("class") or "").split()]
    assert [el.get("id") for el in notes] == ["note-1", "note-2", None]
    assert "".join(notes[2].itertext()) == repeat
    assert notes[2].find("a").get("href") == "#note-1"
    assert "refs" in "".join(notes[0].itertext())  # the link to the references stays


def test_a_marker_without_its_note_names_the_page():
    article = fragment('<p>x<sup id="fnref:z"><a class="footnote-ref" href="#fn:z">1</a></sup>'
                       '</p><div class="footnote"><ol></ol></div>')
    with pytest.raises(NoteError, match=r"briefs/x/index.html: footnote marker '#fn:z'"):
        footnotes(article, JA, "briefs/x/index.html")


EDITION = {"briefs/a/", "glossary/", "references/"}


@pytest.mark.parametrize(("href", "expected"), [
    ("https://www.example.org/x", "https://www.example.org/x"),
    ("#key-points", "#briefs-a--key-points"),
    ("../../glossary/#compute", "#glossary--compute"),
    ("../../references/", "#references"),
    ("../../about/", None),             # not printed: the text stays, the link goes
    ("mailto:someone@example.org", None),
    ("javascript:alert(1)", None),
])
def test_links_point_inside_the_edition(href, expected):
    assert _link(href, "briefs/a/", "briefs-a", EDITION) == expected


@pytest.mark.parametrize(("url", "lang", "printed", "href"), [
    ("briefs/section-2-1/", "ja", True, "../../pdf/briefs.ja.pdf#nameddest=briefs-section-2-1"),
    ("en/briefs/section-2-1/", "en", True,
     "../../../pdf/briefs.en.pdf#nameddest=briefs-section-2-1"),
    ("", "ja", False, "pdf/briefs.ja.pdf"),
    ("en/about/", "en", False, "../../pdf/briefs.en.pdf"),
])
def test_pdf_link_of_each_page(url, lang, printed, href):
    assert f'href="{href}"' in link_html(url, lang, "ja", printed)


def test_page_key_leaves_out_the_language():
    assert page_key("figures/figure-5/") == "figures-figure-5"


def test_fetcher_refuses_anything_outside_the_site(tmp_path: Path):
    (tmp_path / "a.css").write_text("p{}", encoding="utf-8")
    fetcher = LocalFetcher(tmp_path)
    for url in ("https://fonts.example.com/x.css", "http://127.0.0.1/x.png",
                f"file://{tmp_path.parent}/other.css", "data:text/css,p{}"):
        with pytest.raises(RefusedRequestError):
            fetcher.fetch(url)
    assert len(fetcher.refused) == 4
    response = fetcher.fetch(f"file://{tmp_path}/a.css")
    assert response is not None


def test_rendering_asks_the_fetcher_and_never_the_network(tmp_path: Path):
    page = ('<html><head><link rel="stylesheet" href="https://cdn.example.com/a.css"></head>'
            '<body><p>x</p><img src="http://example.com/x.png"></body></html>')
    refused = write(page, root=tmp_path, target=tmp_path / "x.pdf", lang="en", page_css="")
    assert sorted(refused) == ["http://example.com/x.png", "https://cdn.example.com/a.css"]
    assert (tmp_path / "x.pdf").read_bytes().startswith(b"%PDF-")
