"""What Material's JavaScript bundle did to a page that this site does at build time instead.

The bundle is not loaded (overrides/README.md says why and lists what stands in for it):

1. Wide tables scroll sideways on phones. The bundle wrapped every table without a class in
   `div.md-typeset__scrollwrap > div.md-typeset__table` after the page had loaded; written at
   build time, the wrapper is there before the first paint, so the page does not move and works
   without JavaScript.
2. The repository link stays a plain link. Its `data-md-component="source"` asked the bundle to
   fetch star counts from api.github.com in the reader's browser; the site makes no
   third-party requests, so the attribute is removed.
"""

from __future__ import annotations

import re
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.pages import Page

# A table whose opening tag has no class attribute (Material's `table:not([class])`)
PLAIN_TABLE = re.compile(r"<table(?![^>]*\bclass=)[^>]*>.*?</table>", re.DOTALL)
SOURCE_COMPONENT = ' data-md-component="source"'


def wrap_tables(html: str) -> str:
    """Every plain table inside Material's two scroll wrappers."""
    return PLAIN_TABLE.sub(lambda m: '<div class="md-typeset__scrollwrap">'
                                     f'<div class="md-typeset__table">{m.group(0)}</div></div>',
                           html)


def plain_source_link(html: str) -> str:
    """The header's repository link without the hook for the star-count request."""
    return html.replace(SOURCE_COMPONENT, "")


def on_page_content(html: str, page: Page, config: MkDocsConfig, **kwargs: Any) -> str:
    return wrap_tables(html)


@event_priority(50)  # before other hooks copy the page (the 404 pages per language)
def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    return plain_source_link(output)


@event_priority(50)
def on_post_template(output: str, template_name: str, config: MkDocsConfig) -> str:
    return plain_source_link(output)  # 404.html has the header too
