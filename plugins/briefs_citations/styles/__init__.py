"""Reference styles, one per language, behind one interface (`ReferenceStyle`)."""

from __future__ import annotations

from briefs_citations.styles.base import FormattedReference, Labels, ReferenceStyle
from briefs_citations.styles.en import EnglishStyle
from briefs_citations.styles.ja import JapaneseStyle

STYLES: dict[str, type[ReferenceStyle]] = {"ja": JapaneseStyle, "en": EnglishStyle}


def style_for(lang: str, fallback: str = "en") -> ReferenceStyle:
    """The style for a page language (`ja`, `en`, `en-GB` → `en`), else `fallback`'s."""
    base = lang.split("-")[0].split("_")[0].lower()
    return STYLES.get(base, STYLES[fallback])()


__all__ = ["STYLES", "FormattedReference", "Labels", "ReferenceStyle", "style_for"]
