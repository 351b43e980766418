"""Stale translations: a notice on a translation whose original has changed.

A translation records in its front matter (`translation_of`: `site_locale.translation_hash`
of the original's text, which `checks/pages.py` computes too and `make refresh PAGE=…`
records it) which version of its original it translates: an English
page, its Japanese page; a page that names an `original`, that file (the Japanese guide
translates CONTRIBUTING.md). While the original has a different hash, the translation shows
a notice in its language at the top, linking to the original. The notice is appended in
`on_page_markdown`, so the line numbers the citation plugin reports stay right, and moved
under the page title in `on_page_content`.
"""

from __future__ import annotations

import re
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from site_locale import translation_hash, words

FIELD = "translation_of"
#: A Japanese page that translates another file names it (checks/pages.py: ORIGINAL_FIELD).
ORIGINAL = "original"
CSS_CLASS = "translation-outdated"
_NOTICE_HTML = re.compile(rf'<div class="admonition warning {CSS_CLASS}">.*?</div>\n?', re.S)
_ORIGINAL_LINE = re.compile(rf"^{ORIGINAL}:\s*(\S.*?)\s*$", re.M)


def _named_original(path: Path) -> str | None:
    """The `original:` a page's front matter names, read from the file (its sibling's too)."""
    text = path.read_text(encoding="utf-8").removeprefix("\ufeff")
    if not text.startswith("---"):
        return None
    match = _ORIGINAL_LINE.search(text.split("\n---", 1)[0])
    return match.group(1).strip("\"'") if match else None


def original_of(page: Page, config: MkDocsConfig) -> Path | None:
    """The file `page` translates (the rule of `checks.pages.original_of`), or None."""
    source = page.file.abs_src_path
    if not source:
        return None
    named = page.meta.get(ORIGINAL)
    if named:
        return Path(config.config_file_path).parent / str(named)
    if not source.endswith(".en.md"):
        return None
    sibling = Path(source[: -len(".en.md")] + ".ja.md")
    if not sibling.is_file() or _named_original(sibling):
        return None  # `python -m checks` reports a missing page
    return sibling


def is_stale(page: Page, config: MkDocsConfig) -> bool:
    """A translation whose recorded version of its original is not the current one."""
    original = original_of(page, config)
    if original is None or not original.is_file():
        return False
    text = original.read_text(encoding="utf-8").removeprefix("\ufeff")
    return str(page.meta.get(FIELD, "")) != translation_hash(text)


def _notice(page: Page) -> str:
    """The admonition in the page's language, linking to the same page in the other one."""
    lang = "ja" if page.file.src_uri.endswith(".ja.md") else "en"
    depth = page.url.count("/") if page.url else 0
    other = page.url.removeprefix("en/") if lang == "en" else f"en/{page.url}"
    title, body = words(lang)["stale_title"], words(lang)["stale_text"]
    body = body.format(link="../" * depth + other)  # {link}: the original on this site
    return f'\n\n!!! warning {CSS_CLASS} "{title}"\n    {body}\n'


@event_priority(-100)  # after the citation plugin has noted where the page's text starts
def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    return markdown + _notice(page) if is_stale(page, config) else markdown


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

