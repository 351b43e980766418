"""What a page's front matter may hold, and reading it with the line of every key: the
block between the `---` lines must be a YAML mapping; the keys this site reads must hold
values of their kind (`title` text, `figure` a number, `tags` a list); any other key is most
likely a typo (`descripton:`, `tag:`) that would drop what it meant without a word (a page
without its description, its tags, its related pages).

Plain Python, no MkDocs import: the build (front_matter.py) and the fast checks
(checks/pages.py) read a page the same way and say each problem in the same words.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, field
from typing import Any

from yaml_lines import Mapping, YamlError, load

_FIGURE = re.compile(r"^[1-9]\d*$")
#: The keys this site's pages use (CONTRIBUTING.md, "Add or edit a brief"), and Material's
#: `hide` (of the navigation or the table of contents), harmless. Material's other page keys
#: are not: it writes `subtitle` and `status` into every page's navigation unescaped, and
#: `template` picks another template; none is used here, so each is reported like a typo.
SITE_KEYS = ("title", "description", "section", "figure", "tags", "related",
             "translation_of", "original", "search")
OTHER_KEYS = ("hide",)


def unknown_keys(meta: dict[str, Any], lines: dict[str, int]) -> list[tuple[int, str]]:
    """A key the site does not read, with the site's closest key."""
    problems = []
    for key in meta:
        if key in SITE_KEYS or key in OTHER_KEYS:
            continue
        close = difflib.get_close_matches(str(key).lower(), SITE_KEYS, n=1, cutoff=0.6)
        hint = f" (did you mean '{close[0]}'?)" if close else ""
        problems.append((lines.get(str(key), 1),
                         f"front matter key '{key}' is not one this site reads{hint}"))
    return problems


@dataclass
class FrontMatter:
    """What a page's text holds between its `---` lines; `end` is the closing line (0-based)."""

    meta: dict[str, Any] = field(default_factory=dict)
    lines: dict[str, int] = field(default_factory=dict)
    end: int = -1
    problems: list[tuple[int, str]] = field(default_factory=list)


def opens(text: str) -> bool:
    """Whether `text` starts with front matter (a first line `---`)."""
    return text.removeprefix("\ufeff").split("\n", 1)[0].rstrip() == "---"


def closing_line(text: str) -> int | None:
    """The line (0-based) of the `---` or `...` that closes the front matter `text` opens with;
    None without front matter, or when it is never closed."""
    if not opens(text):
        return None
    lines = text.removeprefix("\ufeff").split("\n")
    return next((i for i in range(1, len(lines)) if lines[i].rstrip() in ("---", "...")), None)


def read(text: str) -> FrontMatter:
    """Parse the front matter of `text` (none unless the first line is `---`)."""
    if not opens(text):
        return FrontMatter()
    end = closing_line(text)
    if end is None:
        return FrontMatter(problems=[(1, "front matter has no closing '---' line")])
    lines = text.removeprefix("\ufeff").split("\n")
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
