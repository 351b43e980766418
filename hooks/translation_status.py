"""Stale translations: a notice on an English page whose Japanese original has changed.

An English page records in its front matter which version of its Japanese page it translates
(`translation_of`: the first 12 hex digits of the SHA-256 of the Japanese file's text;
`checks/pages.py` computes the same value and `python -m checks refresh-translation` records
it). While the Japanese file has a different hash, the English page shows a notice at the top.
The notice is appended in `on_page_markdown`, so the line numbers the citation plugin reports
stay right, and moved under the page title in `on_page_content`.
"""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

FIELD = "translation_of"
CSS_CLASS = "translation-outdated"
NOTICE = (
    f'\n\n!!! warning {CSS_CLASS} "This translation may be out of date"\n'
    "    The Japanese original has changed since this translation was last checked.\n"
    "    Until a translator updates this page, the Japanese page is the authoritative text.\n"
)
_NOTICE_HTML = re.compile(rf'<div class="admonition warning {CSS_CLASS}">.*?</div>\n?', re.S)


def translation_hash(text: str) -> str:
    """Same as `checks.pages.translation_hash` (hooks are loaded by path, not as a package)."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:12]


def is_stale(page: Page) -> bool:
    """An English page whose recorded Japanese version is not the current one."""
    source = page.file.abs_src_path
    if not source or not source.endswith(".en.md"):
        return False
    original = Path(source[: -len(".en.md")] + ".ja.md")
    if not original.is_file():
        return False  # `python -m checks` reports the missing page
    text = original.read_text(encoding="utf-8").removeprefix("\ufeff")
    return str(page.meta.get(FIELD, "")) != translation_hash(text)


@event_priority(-100)  # after the citation plugin has noted where the page's text starts
def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    return markdown + NOTICE if is_stale(page) else markdown


def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    match = _NOTICE_HTML.search(html)
    if not match:
        return html
    notice = match.group(0).replace(f'{CSS_CLASS}">', f'{CSS_CLASS}" data-pagefind-ignore>', 1)
    html = html[: match.start()] + html[match.end() :]
    title_end = html.find("</h1>")
    at = title_end + len("</h1>") if title_end >= 0 else 0
    at += html.startswith("\n", at)
    return html[:at] + notice + html[at:]

