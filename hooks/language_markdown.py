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

#: Title of a footnote's "↩" link; `%d` is the footnote number.
BACKLINK_TITLES = {"ja": "本文の脚注 %d に戻る", "en": "Jump back to footnote %d in the text"}


@event_priority(-200)  # after mkdocs-static-i18n (-100) has set the pass's language
def on_config(config: MkDocsConfig) -> MkDocsConfig:
    lang = config.theme.get("language") or "ja"
    snippet = Path("snippets") / f"abbreviations.{lang}.md"
    if (Path(config.config_file_path).parent / snippet).is_file():
        options = config.mdx_configs.setdefault("pymdownx.snippets", {})
        options["auto_append"] = [snippet.as_posix()]
    if lang in BACKLINK_TITLES:
        footnotes = config.mdx_configs.setdefault("footnotes", {})
        footnotes["BACKLINK_TITLE"] = BACKLINK_TITLES[lang]
    return config
