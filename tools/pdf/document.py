"""The edition of one language as one HTML document: cover, contents, the pages in
navigation order (each group opened by a bookmark), ready for WeasyPrint."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from datetime import date
from html import escape

from hooks.pdf_link import page_key
from tools.pdf.article import section
from tools.pdf.nav import Site
from tools.pdf.tree import parse_article, serialize, text_of
from tools.pdf.words import REPORT_KEY, REPORT_URL, Words


@dataclass
class Edition:
    html: str
    titles: list[tuple[str, str]] = field(default_factory=list)  # (page key, title)
    notes: dict[str, int] = field(default_factory=dict)          # page key -> note count


def _report(site: Site) -> str:
    """The report as the site's references page formats it in this language."""
    path = site.file("references/")
    root = parse_article(path)
    for li in root.iter("li"):
        if li.get("id") == REPORT_KEY:
            text = li.find("p")
            if text is not None:
                return escape(text_of(text))
    raise ValueError(f"{path}: no reference with id {REPORT_KEY!r} (the report)")


def _cover(site: Site, words: Words, day: date) -> str:
    return f"""<section class="cover">
<p class="cover-edition">{escape(words.edition)}</p>
<h1 class="cover-title">{escape(site.site_name)}</h1>
<dl class="cover-report">
<dt>{escape(words.annotates)}</dt><dd>{_report(site)}</dd>
<dt>{escape(words.address)}</dt><dd><a href="{REPORT_URL}">{REPORT_URL}</a></dd>
</dl>
<p class="cover-statement">{escape(words.statement)}</p>
<p class="cover-date">{escape(words.edition_date.format(date=words.date_text(day)))}</p>
</section>"""


def _contents(site: Site, words: Words, titles: dict[str, str]) -> str:
    parts = [f'<nav class="toc" id="contents"><h1 class="toc-title">{escape(words.contents)}'
             "</h1>"]
    for group in site.groups:
        parts.append(f'<h2 class="toc-group">{escape(group.label)}</h2><ol>')
        for url in group.pages:
            key = page_key(url)
            parts.append(f'<li><a href="#{key}">{escape(titles[key])}</a></li>')
        parts.append("</ol>")
    parts.append("</nav>")
    return "".join(parts)


def build(site: Site, words: Words, day: date) -> Edition:
    edition = Edition("")
    pages = set(site.pages)
    body: list[str] = []
    titles: dict[str, str] = {}
    for group in site.groups:
        for index, url in enumerate(group.pages):
            path = site.file(url)
            where = str(path.relative_to(site.root))
            out, title, count = section(parse_article(path), url, pages, words, where)
            key = page_key(url)
            titles[key] = title
            edition.titles.append((key, title))
            edition.notes[key] = count
            out.set("lang", site.lang)
            if index == 0:  # the group's bookmark, on its first page
                out.insert(0, ET.Element("div", {"class": "part", "data-label": group.label}))
                out[0].tail, out.text = out.text, None
            body.append(serialize(out))
    created = f"{day.isoformat()}"
    edition.html = f"""<!doctype html>
<html lang="{escape(site.lang)}"><head><meta charset="utf-8">
<title>{escape(site.site_name)}</title>
<meta name="dcterms.created" content="{created}">
<meta name="dcterms.modified" content="{created}">
<meta name="generator" content="WeasyPrint (tools/pdf)">
</head><body>
{_cover(site, words, day)}
{_contents(site, words, titles)}
{"".join(body)}
</body></html>"""
    return edition
