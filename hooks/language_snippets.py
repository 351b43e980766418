"""Append each language's own abbreviation list to every page of that language.

pymdownx.snippets takes one global `auto_append`; mkdocs-static-i18n builds one language
per pass and sets `theme.language` first, so each pass points the setting at
`snippets/abbreviations.<lang>.md`.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority


@event_priority(-200)  # after mkdocs-static-i18n (-100) has set the pass's language
def on_config(config: MkDocsConfig) -> MkDocsConfig:
    lang = config.theme.get("language") or "ja"
    snippet = Path("snippets") / f"abbreviations.{lang}.md"
    if (Path(config.config_file_path).parent / snippet).is_file():
        options = config.mdx_configs.setdefault("pymdownx.snippets", {})
        options["auto_append"] = [snippet.as_posix()]
    return config
