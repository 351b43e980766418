"""A page's front matter, checked before any other hook reads it.

MkDocs shows front matter it cannot read (invalid YAML, a YAML list, no closing `---`) as page
text and goes on without it, so the page loses its title, tags and "how to cite" block without
a word; and a value of the wrong kind (`title: 12345`, `figure: "5/x"`) crashed later hooks.
Here each (found by front_matter_rules.py, which the checks share) becomes a
`docs/PAGE.md:LINE: message` warning, which fails `mkdocs build --strict`;
the unreadable block is taken out of the page text, and a value of the wrong kind out of the
page's metadata, so the rest of the build carries on without a traceback. The texts Material
writes into pages unescaped (title, description, tags) are escaped here (`AS_HTML`).
"""

from __future__ import annotations

from typing import Any

from markupsafe import escape
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority, get_plugin_logger
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from briefs_citations.diagnostics import Diagnostic
from front_matter_rules import read

log = get_plugin_logger("front-matter")


#: Front-matter texts that Material's templates write into the page as they are: the title
#: (`<title>`, the header, the navigation, the footer), the description (its meta tag), the
#: tags (above the title, the topic pages). A `</title><script>` in one title ran on every
#: page. Made HTML here, as Markup, which Jinja's `| e` leaves as it is; a title MkDocs takes
#: from a heading is HTML already. Hooks that want the text back use html.unescape.
AS_HTML = ("title", "description", "tags")


def as_html(meta: dict[str, Any]) -> None:
    """Escape `meta`'s texts that templates write unescaped (idempotent: Markup stays)."""
    for key in AS_HTML:
        value = meta.get(key)
        if isinstance(value, str):
            meta[key] = escape(value)
        elif isinstance(value, list):
            meta[key] = [escape(item) if isinstance(item, str) else item for item in value]


@event_priority(100)  # before every other plugin and hook reads the page's metadata
def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    source = page.file.content_string
    found = read(source)
    shown = f"{config.docs_dir.rstrip('/').rsplit('/', 1)[-1]}/{page.file.src_uri}"
    for line, message in found.problems:
        log.warning(str(Diagnostic(shown, line, message)))
    bad = {message.split("'")[1] for _, message in found.problems if message.startswith("'")}
    for key in bad:
        page.meta.pop(key, None)
    as_html(page.meta)
    if found.problems and not page.meta and markdown.lstrip("\ufeff").startswith("---"):
        # MkDocs kept the unreadable block as text: blank it, keeping the line numbers
        lines = markdown.split("\n")
        stop = found.end if found.end >= 0 else 0
        markdown = "\n".join([""] * (stop + 1) + lines[stop + 1 :])
    return markdown
