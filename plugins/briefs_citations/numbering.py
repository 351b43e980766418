"""Give each cited source on a page one footnote label, in order of first appearance.

The footnote itself is numbered by Python-Markdown's footnotes extension (in reference
order), together with the page's hand-written footnotes; this module only decides which
citations share a footnote and chooses labels that cannot clash with hand-written ones.
A footnote stands for one source at one locator: `[@a]` twice shares one footnote,
`[@a, p. 3]` and `[@a, p. 9]` get one each, so every marker points at an exact place.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from briefs_citations.scan import CitationItem

_HANDWRITTEN = re.compile(r"\[\^([^\]\s]+)\]")


@dataclass(frozen=True)
class Footnote:
    label: str
    key: str  # as first written on the page
    locator: str
    prefix: str = ""  # the writer's words before the key (`see`), opening the note


class Numbering:
    """Labels for one page; `label_for` returns the same label for the same source."""

    def __init__(self, page_text: str, prefix: str = "cite") -> None:
        taken = set(_HANDWRITTEN.findall(page_text))
        while any(label.startswith(f"{prefix}-") for label in taken):
            prefix += "_"  # a hand-written footnote already uses this prefix
        self.prefix = prefix
        self.footnotes: list[Footnote] = []
        self._labels: dict[tuple[str, str], str] = {}

    def label_for(self, item: CitationItem) -> str:
        identity = (item.key.casefold(), item.locator, item.prefix)
        label = self._labels.get(identity)
        if label is None:
            label = f"{self.prefix}-{len(self.footnotes) + 1}"
            self._labels[identity] = label
            self.footnotes.append(Footnote(label, item.key, item.locator, item.prefix))
        return label
