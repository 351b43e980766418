"""The front-matter keys a page may have: the site's own, and the page keys of MkDocs and
Material. Any other key is most likely a typo (`descripton:`, `tag:`) that would drop what it
meant without a word (a page without its description, its tags, its related pages).

Plain Python, no MkDocs import: the build (front_matter.py) and the fast checks
(checks/pages.py) say it in the same words.
"""

from __future__ import annotations

import difflib
from typing import Any

#: The keys this site's pages use (CONTRIBUTING.md, "Add or edit a brief"), and the page
#: keys of MkDocs and Material a page may still set.
SITE_KEYS = ("title", "description", "section", "figure", "tags", "related",
             "translation_of", "original", "search")
OTHER_KEYS = ("hide", "template", "icon", "status", "subtitle", "social", "comments")


def unknown_keys(meta: dict[str, Any], lines: dict[str, int]) -> list[tuple[int, str]]:
    """A key neither the site nor MkDocs/Material reads, with the site's closest key."""
    problems = []
    for key in meta:
        if key in SITE_KEYS or key in OTHER_KEYS:
            continue
        close = difflib.get_close_matches(str(key).lower(), SITE_KEYS, n=1, cutoff=0.6)
        hint = f" (did you mean '{close[0]}'?)" if close else ""
        problems.append((lines.get(str(key), 1),
                         f"front matter key '{key}' is not one this site reads{hint}"))
    return problems
