"""The edition's pages in the site's navigation order, read from the built home page.

The primary navigation of `site/index.html` (Japanese) or `site/en/index.html` (English) is
what a reader of that language sees, labels translated; the edition takes its groups and
the pages under `EDITION_SECTIONS`, leaving out the home page and the pages about the site.
"""

from __future__ import annotations

import posixpath
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from pathlib import Path

from hooks.pdf_link import EDITION_SECTIONS
from tools.pdf.tree import find_class, has_class, parse, text_of


@dataclass
class Group:
    label: str
    pages: list[str] = field(default_factory=list)  # URLs relative to the language root


@dataclass
class Site:
    root: Path          # the built site
    lang: str           # from <html lang>
    prefix: str         # "" or "en/": where this language's pages are
    site_name: str
    groups: list[Group]

    @property
    def pages(self) -> list[str]:
        return [url for group in self.groups for url in group.pages]

    def file(self, url: str) -> Path:
        return self.root / self.prefix / url / "index.html"


def _nav(root: ET.Element) -> ET.Element:
    for nav in find_class(root, "nav", "md-nav--primary"):
        return nav
    raise ValueError("the home page has no primary navigation (md-nav--primary)")


def _links(item: ET.Element) -> list[str]:
    urls = []
    for a in item.iter("a"):
        href = a.get("href") or ""
        if has_class(a, "md-nav__link") and href and not href.startswith("#"):
            url = posixpath.normpath(href).lstrip("./")
            url = "" if url == "." else url.rstrip("/") + "/"
            if url.startswith(EDITION_SECTIONS) and url not in urls:
                urls.append(url)
    return urls


def read_site(root: Path, prefix: str) -> Site:
    """The language whose home page is `root/prefix/index.html`, and its edition's pages."""
    home = parse(root / prefix / "index.html")
    lang = home.get("lang") or ""
    title = home.find("head/title")
    # Material titles the home page "SITE - SITE"
    site_name = text_of(title).rsplit(" - ", 1)[-1] if title is not None else ""
    groups: list[Group] = []
    top = _nav(home).find("ul")
    for item in (top if top is not None else []):
        label = item.find("label")
        name = text_of(label) if label is not None else ""
        pages = _links(item)
        if pages:
            groups.append(Group(name, pages))
    if not groups:
        raise ValueError(f"{root / prefix / 'index.html'}: no page of {EDITION_SECTIONS} "
                         "in the navigation")
    return Site(root, lang, prefix, site_name, groups)
