"""Markdown settings that depend on the page language, set once per language pass.

pymdownx.snippets and footnotes each take one global setting, but mkdocs-static-i18n builds
one language per pass and sets `theme.language` first. So each pass points snippets'
`auto_append` at `snippets/abbreviations.<lang>.md` (the abbreviations, in that language) and
gives footnotes' back-links a title in that language (Python-Markdown's is English).
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority

from site_locale import page_language, words


@event_priority(-200)  # after mkdocs-static-i18n (-100) has set the pass's language
def on_config(config: MkDocsConfig) -> MkDocsConfig:
    lang = page_language(config)
    snippet = Path("snippets") / f"abbreviations.{lang}.md"
    if (Path(config.config_file_path).parent / snippet).is_file():
        options = config.mdx_configs.setdefault("pymdownx.snippets", {})
        options["auto_append"] = [snippet.as_posix()]
    footnotes = config.mdx_configs.setdefault("footnotes", {})
    footnotes["BACKLINK_TITLE"] = words(lang)["footnote_backlink"]  # `%d`: the number
    return config
