"""The plugin's options in `mkdocs.yml` (`plugins: - citations: {...}`)."""

from __future__ import annotations

from mkdocs.config import config_options as c
from mkdocs.config.base import Config


class CitationsConfig(Config):
    #: The BibTeX file, relative to `mkdocs.yml`.
    bibliography = c.Type(str, default="references.bib")
    #: The page that lists every entry, as a path under docs/ without language suffix.
    references_page = c.Type(str, default="references.md")
    #: Style for pages whose language has none of its own.
    fallback_language = c.Choice(("ja", "en"), default="en")
