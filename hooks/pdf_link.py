"""A "PDF" link on every page, to the print edition of its language (tools/pdf/).

Pages printed in the edition link to their own first page through a named destination
(`#nameddest=KEY`, which Chromium's, Firefox's and Acrobat's viewers follow; others open the
first page). The names are defined here once and imported by tools/pdf. This module does not
import MkDocs, so tools/pdf can use it outside a build.
"""

from __future__ import annotations

from html import escape
from typing import Any

PDF_DIR = "pdf"
#: URL prefixes (relative to a language's home) of the pages the edition prints.
EDITION_SECTIONS = ("briefs/", "figures/", "glossary/", "references/")
LABEL = "PDF"
#: Accessible names that contain the visible "PDF" as a word outside parentheses (WCAG 2.5.3;
#: axe and Lighthouse drop parenthesised words before comparing).
TITLES = {"ja": "印刷版の PDF を開く", "en": "Open the print edition as PDF"}


def pdf_name(lang: str) -> str:
    """`briefs.ja.pdf`: the edition of one language, in `site/pdf/`."""
    return f"briefs.{lang}.pdf"


def page_key(url: str) -> str:
    """The anchor (and PDF named destination) of a page: `briefs/section-2-1/` ->
    `briefs-section-2-1`, language prefix left out."""
    return url.strip("/").replace("/", "-") or "home"


def link_html(page_url: str, lang: str, default_lang: str, printed: bool) -> str:
    """The link for the page at `page_url` (as MkDocs gives it, `en/briefs/x/`)."""
    prefix = "" if lang == default_lang else f"{lang}/"
    own = page_url[len(prefix):] if page_url.startswith(prefix) else page_url
    depth = page_url.count("/") if page_url and not page_url.endswith(".html") else 0
    href = "../" * depth + f"{PDF_DIR}/{pdf_name(lang)}"
    if printed:
        href += f"#nameddest={page_key(own)}"
    title = escape(TITLES.get(lang, TITLES["en"]))
    return (f'<a href="{escape(href)}" class="md-content__button md-icon pdf-link" '
            f'title="{title}" aria-label="{title}" type="application/pdf" '
            f'data-pagefind-ignore>{LABEL}</a>')


def on_page_content(html: str, page: Any, config: Any, files: Any) -> str:
    # site_locale is importable as a sibling only while MkDocs loads the hooks; tools/pdf
    # imports this module without it
    from site_locale import default_language, page_language

    theme_lang, default = page_language(config), default_language(config)
    lang_prefix = "" if theme_lang == default else f"{theme_lang}/"
    own = page.url[len(lang_prefix):] if page.url.startswith(lang_prefix) else page.url
    printed = own.startswith(EDITION_SECTIONS)
    return link_html(page.url, theme_lang, default, printed) + html
