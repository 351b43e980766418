"""Reading aids around each page: language alternates, citation metadata, "how to cite".

- `<link rel="alternate" hreflang>`: absolute addresses of both language versions plus
  `x-default` (the default language's), replacing the relative ones the theme writes, as
  search engines and Lighthouse require fully qualified addresses there.
- Each brief (front matter `section` or `figure`) gets `citation_*` meta tags (written by
  overrides/main.html) and a "how to cite this brief" block in Japanese, English and BibTeX.
  The annotators sign collectively, so the author is the site itself (no person is named) and
  so is the publisher; the date is that of the last commit of the page's source file, else
  SOURCE_DATE_EPOCH, else no date at all: never the clock.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.pages import Page
from mkdocs.utils.meta import get_data

from reading_cite import Version, bibtex_key, cite_block, heading_of, meta_tags, source_date
from site_locale import default_language, page_language

ALTERNATE = re.compile(r'[ \t]*<link rel="alternate" href="[^"]*" hreflang="[^"]*">\n?')


def _i18n(config: MkDocsConfig) -> Any:
    return config.plugins.get("i18n")


def _site_names(config: MkDocsConfig) -> dict[str, str]:
    """Each language's site name (the i18n plugin overrides it per pass)."""
    plugin = _i18n(config)
    original = getattr(plugin, "original_configs", {}).get("site_name", config.site_name)
    names = {}
    for language in getattr(getattr(plugin, "config", None), "languages", None) or []:
        names[language.locale] = language.site_name or original
    names[page_language(config)] = config.site_name
    return names


def _absolute(config: MkDocsConfig, url: str) -> str:
    path = "" if url in (".", "./") else url.lstrip("/")
    return (config.site_url or "/").rstrip("/") + "/" + path


def _alternates(page: Page) -> dict[str, Any]:
    return dict(getattr(page.file, "alternates", None) or {})


def _is_brief(page: Page) -> bool:
    return "section" in page.meta or "figure" in page.meta


def _versions(page: Page, config: MkDocsConfig) -> dict[str, Version]:
    names = _site_names(config)
    found = {}
    for lang, file in _alternates(page).items():
        text = Path(file.abs_src_path).read_text(encoding="utf-8")
        body, meta = get_data(text)
        heading = heading_of(body, str(meta.get("title") or page.title or ""))
        found[lang] = Version(lang, heading, names.get(lang, config.site_name),
                              _absolute(config, file.url), source_date(Path(file.abs_src_path)))
    lang = page_language(config)
    if lang not in found:  # a page without i18n alternates
        found[lang] = Version(lang, heading_of(page.markdown or "", page.title or ""),
                              config.site_name, _absolute(config, page.url))
    return found


def on_page_context(context: dict[str, Any], page: Page, config: MkDocsConfig,
                    **kwargs: Any) -> dict[str, Any]:
    if not _is_brief(page) or not page.content:
        return context
    lang = page_language(config)
    versions = _versions(page, config)
    day = source_date(Path(page.file.abs_src_path))
    context["reading_meta"] = meta_tags(versions[lang], day)
    block = cite_block(lang, versions, bibtex_key(page.file.src_uri, lang), day)
    marker = '<div class="footnote">'
    if marker in page.content:
        page.content = page.content.replace(marker, block + marker, 1)
    else:
        page.content += block
    return context


def hreflang_links(page: Page, config: MkDocsConfig) -> str:
    """`<link rel="alternate">` for every language version and x-default, absolute."""
    alternates = _alternates(page)
    links = [f'<link rel="alternate" href="{_absolute(config, f.url)}" hreflang="{lang}">'
             for lang, f in sorted(alternates.items())]
    default = alternates.get(default_language(config))
    if default is not None:
        links.append(f'<link rel="alternate" href="{_absolute(config, default.url)}" '
                     'hreflang="x-default">')
    return "\n".join(links)


def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    if not _alternates(page):
        return output
    output = ALTERNATE.sub("", output)
    return output.replace("</head>", hreflang_links(page, config) + "\n</head>", 1)

