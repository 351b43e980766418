"""One 404 page per language, each at its language's root (`/404.html`, `/en/404.html`).

mkdocs-static-i18n builds every language into the same site_dir, so the English 404.html would
overwrite the Japanese one: the default language's page is kept across the passes and each other
language's is written to its own folder. The 404's language switcher goes to each language's
home, and it has no `<link rel="alternate">` (a 404 has no other versions).
"""

from __future__ import annotations

from copy import deepcopy
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from mkdocs.config.defaults import MkDocsConfig

from reading import ALTERNATE
from reading_404 import portable
from site_locale import default_language, page_language

_STASH: dict[str, str] = {}  # the default language's 404 page, kept across the passes
_TOPS: set[str] = set()  # top-level names of the site (first path segments), all passes


def on_files(files: Any, config: MkDocsConfig) -> Any:
    """Note the site's top-level names, which tell the 404 page where the site's root is."""
    _TOPS.update(f.dest_uri.split("/")[0] for f in files if "/" in f.dest_uri)
    _TOPS.update(str(getattr(lang, "locale", "")) for lang in getattr(
        getattr(config.plugins.get("i18n"), "config", None), "languages", None) or [])
    _TOPS.discard("")
    return files


def on_pre_template(template: Any, template_name: str, config: MkDocsConfig) -> Any:
    """The 404 page's language switcher goes to each language's home, not the last page."""
    roots = getattr(config.plugins.get("i18n"), "extra_alternate", None)

    if template_name == "404.html" and roots:
        # mkdocs-static-i18n sets it both as an item and as an attribute (which Jinja reads
        # first), and static templates are rendered before this pass's pages
        config.extra["alternate"] = deepcopy(roots)
        config.extra.alternate = deepcopy(roots)
    return template


def on_post_template(output: str, template_name: str, config: MkDocsConfig) -> str:
    if template_name != "404.html":
        return output
    output = ALTERNATE.sub("", output)  # a 404 has no alternate versions
    output = portable(output, urlsplit(config.site_url or "/").path or "/", sorted(_TOPS))
    lang = page_language(config)
    if lang == default_language(config):
        _STASH["404"] = output
        return output
    target = Path(config.site_dir) / lang / "404.html"
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(output, encoding="utf-8")
    return _STASH.get("404", output)

