"""The fixed sections every brief has, and one readable anchor for each, the same in both languages.

Python-Markdown's `toc` gives `## Key points` the id `key-points` but `## 要点` an empty slug,
numbered `_1`, `_2`…; the two languages' anchors then differ, and the language switch cannot
keep the reader's place. This hook gives each fixed heading (`SECTIONS` in
hooks/site_locale.py, the one definition of those headings) an explicit id in the Markdown,
before `toc` runs:
`## 要点` becomes `## 要点 {#key-points}`. A heading that already has `{#…}` keeps it;
headings inside code fences (the contributing page's examples) are left alone.
"""

from __future__ import annotations

import re
from typing import Any

from briefs_citations.regions import code_regions
from site_locale import SECTIONS


def anchor(name: str) -> str:
    """The id of a fixed section (`key_points` -> `key-points`), the same in every language."""
    return name.replace("_", "-")


_IDS = {text: anchor(name) for name, texts in SECTIONS.items() for text in texts.values()}
_HEADING = re.compile(r"^(##[ \t]+)(.+?)([ \t]+#+)?[ \t]*$", re.MULTILINE)


def section_id(text: str) -> str | None:
    """The fixed id of a second-level heading's text, or None for any other heading."""
    return _IDS.get(text.strip())


def with_ids(markdown: str) -> str:
    """`markdown` with an explicit id on every fixed second-level heading outside code (code as
    the citation scanner sees it: fenced, indented, spans)."""
    code = code_regions(markdown)

    def give_id(match: re.Match[str]) -> str:
        start = match.start()
        if "{" in match.group(2) or any(a <= start < b for a, b in code):
            return match.group(0)
        key = section_id(match.group(2))
        return f"{match.group(1)}{match.group(2).strip()} {{#{key}}}" if key else match.group(0)

    return _HEADING.sub(give_id, markdown)


def on_page_markdown(markdown: str, **_: Any) -> str:
    return with_ids(markdown)
