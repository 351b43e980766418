"""Reference styles, one per language, behind one interface (`ReferenceStyle`).

`style_for` hands out one shared instance per style: building one costs three pybtex plugin
look-ups (entry-point scans, ~10 ms each), and a build asks for a style hundreds of times
(every date on the site). Sharing is safe because a style keeps no state between calls:
`format` starts its list of problems afresh, and pybtex's name, label and sorting styles
it holds are stateless.
"""

from __future__ import annotations

from functools import cache

from briefs_citations.styles.base import FormattedReference, Labels, ReferenceStyle
from briefs_citations.styles.en import EnglishStyle
from briefs_citations.styles.ja import JapaneseStyle

STYLES: dict[str, type[ReferenceStyle]] = {"ja": JapaneseStyle, "en": EnglishStyle}


def style_for(lang: str, fallback: str = "en") -> ReferenceStyle:
    """The style for a page language (`ja`, `en`, `en-GB` → `en`), else `fallback`'s."""
    base = lang.split("-")[0].split("_")[0].lower()
    return _shared(STYLES.get(base, STYLES[fallback]))


@cache
def _shared(style: type[ReferenceStyle]) -> ReferenceStyle:
    return style()


__all__ = ["STYLES", "FormattedReference", "Labels", "ReferenceStyle", "style_for"]
