"""A page's front matter, checked before any other hook reads it.

MkDocs shows front matter it cannot read (invalid YAML, a YAML list, no closing `---`) as page
text and goes on without it, so the page loses its title, tags and "how to cite" block without
a word; and a value of the wrong kind (`title: 12345`, `figure: "5/x"`) crashed later hooks.
Here each becomes a `docs/PAGE.md:LINE: message` warning, which fails `mkdocs build --strict`;
the unreadable block is taken out of the page text, and a value of the wrong kind out of the
page's metadata, so the rest of the build carries on without a traceback. The texts Material
writes into pages unescaped (title, description, tags) are escaped here (`AS_HTML`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from markupsafe import escape
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority, get_plugin_logger
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from briefs_citations.diagnostics import Diagnostic
from page_keys import unknown_keys
from yaml_lines import Mapping, YamlError, load

log = get_plugin_logger("front-matter")
_FIGURE = re.compile(r"^[1-9]\d*$")


@dataclass
class FrontMatter:
    """What a page's text holds between its `---` lines; `end` is the closing line (0-based)."""

    meta: dict[str, Any] = field(default_factory=dict)
    lines: dict[str, int] = field(default_factory=dict)
    end: int = -1
    problems: list[tuple[int, str]] = field(default_factory=list)


def read(text: str) -> FrontMatter:
    """Parse the front matter of `text` (none unless the first line is `---`)."""
    lines = text.removeprefix("\ufeff").split("\n")
    if lines[0].rstrip() != "---":
        return FrontMatter()
    end = next((i for i in range(1, len(lines)) if lines[i].rstrip() in ("---", "...")), -1)
    if end < 0:
        return FrontMatter(problems=[(1, "front matter has no closing '---' line")])
    found = FrontMatter(end=end)
    try:
        meta = load("\n".join(lines[1:end]), first_line=2)
    except YamlError as err:
        found.problems.append((err.line, f"front matter is {err}"))
        return found
    if meta is None:
        return found
    if not isinstance(meta, Mapping):
        found.problems.append((2, "front matter is not a mapping of 'key: value' lines"))
        return found
    found.meta, found.lines = dict(meta), {str(k): meta.line_of(k) for k in meta}
    found.problems += kinds(found.meta, found.lines) + unknown_keys(found.meta, found.lines)
    return found


def kinds(meta: dict[str, Any], lines: dict[str, int]) -> list[tuple[int, str]]:
    """Values of the wrong kind for the keys this site's hooks read."""
    problems = []

    def wrong(key: str, message: str) -> None:
        problems.append((lines.get(key, 1), f"'{key}' must be {message} (found {meta[key]!r})"))

    for key in ("title", "description", "translation_of"):
        if key in meta and not isinstance(meta[key], str):
            wrong(key, 'text; put it in quotes: "…"')
    if "figure" in meta and (isinstance(meta["figure"], bool)
                             or not _FIGURE.match(str(meta["figure"]))):
        wrong("figure", "a figure number, like 5")
    if "section" in meta and not isinstance(meta["section"], str | int | float):
        wrong("section", "a section number, like \"2.1\"")
    for key in ("tags", "related"):
        if key in meta and not (isinstance(meta[key], list)
                                and all(isinstance(item, str) for item in meta[key])):
            wrong(key, "a list of texts, like [a, b]")
    if "search" in meta and not isinstance(meta["search"], dict):
        wrong("search", "a mapping, like {exclude: true}")
    return problems


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
