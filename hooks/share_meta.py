"""Link previews: a brief shared in a chat or on social media shows its title, description
and the site's name in the page's language, not a bare address.

Open Graph tags (`og:*`, which chat apps and social sites read) and a Twitter card without
an image (the site has none to show: `summary`), from what the page already says: its
title, its front-matter description (else the site's), its canonical address (only where
the site's address is known: SITE_URL), its language and its other language. The title and
description come as HTML (front_matter.py); taken back to text here, they are escaped once
more where overrides/main.html writes them.
"""

from __future__ import annotations

from html import unescape
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.pages import Page

from site_locale import LANGUAGES, LOCALES, page_language


def share_tags(*, title: str, description: str, url: str, site_name: str, lang: str,
               article: bool) -> list[tuple[str, str, str]]:
    """(attribute, name, content) of each tag, in the order written."""
    tags = [("property", "og:type", "article" if article else "website"),
            ("property", "og:title", title)]
    if description:
        tags.append(("property", "og:description", description))
    if url:
        tags.append(("property", "og:url", url))
    tags += [("property", "og:site_name", site_name),
             ("property", "og:locale", LOCALES[lang])]
    tags += [("property", "og:locale:alternate", LOCALES[other])
             for other in LANGUAGES if other != lang]
    tags.append(("name", "twitter:card", "summary"))
    return tags


def on_page_context(context: dict[str, Any], page: Page, config: MkDocsConfig,
                    **kwargs: Any) -> dict[str, Any]:
    description = page.meta.get("description") or config.site_description or ""
    url = (page.canonical_url or "") if config.site_url else ""  # never a relative address
    context["share_meta"] = share_tags(
        title=unescape(str(page.title or config.site_name)), description=unescape(description),
        url=url, site_name=config.site_name, lang=page_language(config),
        article="section" in page.meta or "figure" in page.meta)
    return context
