"""Wide tables scroll sideways on phones: Material's table wrapper, written at build time.

Material's JavaScript wrapped every table without a class in
`div.md-typeset__scrollwrap > div.md-typeset__table` after the page had loaded. This site does
not load that script (docs/javascripts/theme.js says why); written at build time, the wrapper
is there before the first paint, so the page does not move and works without JavaScript.
"""

from __future__ import annotations

import re
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.pages import Page

# A table whose opening tag has no class attribute (Material's `table:not([class])`)
PLAIN_TABLE = re.compile(r"<table(?![^>]*\bclass=)[^>]*>.*?</table>", re.DOTALL)


def wrap_tables(html: str) -> str:
    """Every plain table inside Material's two scroll wrappers."""
    return PLAIN_TABLE.sub(lambda m: '<div class="md-typeset__scrollwrap">'
                                     f'<div class="md-typeset__table">{m.group(0)}</div></div>',
                           html)


def on_page_content(html: str, page: Page, config: MkDocsConfig, **kwargs: Any) -> str:
    return wrap_tables(html)
