"""Formatted references, computed once per key and language and then reused."""

from __future__ import annotations

from briefs_citations.bibliography import Bibliography, Entry
from briefs_citations.styles import FormattedReference, ReferenceStyle, style_for


class ReferenceFormatter:
    """One bibliography, formatted lazily per language; problems are reported once."""

    def __init__(self, bibliography: Bibliography) -> None:
        self.bibliography = bibliography
        self._styles: dict[str, ReferenceStyle] = {}
        self._cache: dict[tuple[str, str], FormattedReference] = {}

    def style(self, lang: str) -> ReferenceStyle:
        if lang not in self._styles:
            self._styles[lang] = style_for(lang)
        return self._styles[lang]

    def format(self, entry: Entry, lang: str) -> tuple[FormattedReference, bool]:
        """The entry's reference in `lang`, and whether it was computed just now."""
        cache_key = (entry.key, lang)
        cached = self._cache.get(cache_key)
        if cached is not None:
            return cached, False
        reference = self.style(lang).format(entry)
        self._cache[cache_key] = reference
        return reference, True

    def ordered_entries(self) -> list[Entry]:
        """The references page order: first the entries the report does not cite (the
        report itself), then by the first report footnote that cites the entry, then the
        sources of figures only by figure number; ties by key."""
        def sort_key(entry: Entry) -> tuple[int, int, str]:
            notes, figures = entry.report_notes, entry.report_figures
            if notes:
                return (1, min(notes), entry.key.casefold())
            if figures:
                return (2, min(figures), entry.key.casefold())
            return (0, 0, entry.key.casefold())

        return sorted(self.bibliography.entries, key=sort_key)
