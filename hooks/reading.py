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
from datetime import date
from html import escape, unescape
from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.pages import Page
from mkdocs.utils.meta import get_data

from reading_cite import Version, bibtex_key, cite_block, heading_of, meta_tags
from reading_trust import REPORT_KEY, after_title, report_part, trust_line
from site_locale import default_language, page_language
from source_dates import SourceDates

#: Last-commit dates of the sources, read from git once per build (`on_config` renews it).
source_date = SourceDates()

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
    """The page's full address; "" when the site's address is not known (a local build)."""
    if not config.site_url:
        return ""
    path = "" if url in (".", "./") else url.lstrip("/")
    return config.site_url.rstrip("/") + "/" + path


def _report(config: MkDocsConfig) -> tuple[str, date | None]:
    """The original report's address and date, from its entry in the bibliography."""
    plugin = config.plugins.get("citations")
    bib = plugin.parsed_bibliography() if plugin is not None else None  # parsed once
    entry = bib.get(REPORT_KEY) if bib is not None else None
    if entry is None:
        return "", None
    stamp = entry.field("date")
    day = date.fromisoformat(stamp) if re.fullmatch(r"\d{4}-\d{2}-\d{2}", stamp) else None
    return entry.field("url"), day


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
        found[lang] = Version(lang, heading_of(page.markdown or "", unescape(page.title or "")),
                              config.site_name, _absolute(config, page.url))
    return found


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    """Without a repository address (a local build: REPO_URL unset) no edit links either,
    rather than links into a placeholder repository. A new build reads git anew (`mkdocs
    serve` rebuilds after a commit)."""
    global source_date
    source_date = SourceDates()
    if not config.repo_url:
        config.edit_uri = ""
    return config


ISSUE_TEMPLATE = ".github/ISSUE_TEMPLATE/correction.md"


def on_page_content(html: str, page: Page, config: MkDocsConfig, **kwargs: Any) -> str:
    """The issue template named on About links to a new issue with it, where the repository
    is known (REPO_URL); a local build names the file only."""
    code = f"<code>{ISSUE_TEMPLATE}</code>"
    if not config.repo_url or code not in html:
        return html
    target = config.repo_url.rstrip("/") + "/issues/new?template=correction.md"
    return html.replace(code, f'<a href="{escape(target)}">{code}</a>')


def on_page_context(context: dict[str, Any], page: Page, config: MkDocsConfig,
                    **kwargs: Any) -> dict[str, Any]:
    home = page.file.src_uri.split(".")[0] == "index"  # index.ja.md, index.en.md
    if not page.content or not (_is_brief(page) or home):
        return context
    lang = page_language(config)
    url, report_day = _report(config)
    part = report_part(page.meta, lang) if _is_brief(page) else None
    revised = source_date(Path(page.file.abs_src_path))
    page.content = after_title(page.content, trust_line(lang, part, url, report_day, revised))
    if not _is_brief(page):
        return context
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
    if not config.site_url:  # relative alternates are not valid; without an address, none
        return output
    return output.replace("</head>", hreflang_links(page, config) + "\n</head>", 1)

