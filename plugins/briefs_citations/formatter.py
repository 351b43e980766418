"""Formatted references, computed once per key and language and then reused."""

from __future__ import annotations

from briefs_citations.bibliography import Bibliography, Entry
from briefs_citations.styles import FormattedReference, ReferenceStyle, style_for


class ReferenceFormatter:
    """One bibliography, formatted lazily per language and cached across builds; an
    entry's problems are reported once per build (`begin_build`), whatever the cache."""

    def __init__(self, bibliography: Bibliography, fallback: str = "en") -> None:
        self.bibliography = bibliography
        #: The style for a page language that has none of its own (`fallback_language`).
        self.fallback = fallback
        self._styles: dict[str, ReferenceStyle] = {}
        self._cache: dict[tuple[str, str], FormattedReference] = {}
        self._reported: set[tuple[str, str]] = set()
        self._short_labels: dict[str, dict[tuple[str, str], int]] = {}

    def begin_build(self) -> None:
        """A new build starts (`mkdocs serve` rebuilds): report every problem again."""
        self._reported.clear()

    def style(self, lang: str) -> ReferenceStyle:
        if lang not in self._styles:
            self._styles[lang] = style_for(lang, self.fallback)
        return self._styles[lang]

    def format(self, entry: Entry, lang: str) -> tuple[FormattedReference, bool]:
        """The entry's reference in `lang`, and whether this build asks for it the first
        time (then its problems are to be reported)."""
        cache_key = (entry.key, lang)
        reference = self._cache.get(cache_key)
        if reference is None:
            reference = self._cache[cache_key] = self.style(lang).format(entry)
        first = cache_key not in self._reported
        self._reported.add(cache_key)
        return reference, first

    def short_note(self, entry: Entry, lang: str, locator: str) -> str:
        """A later note of `entry` on a page (HTML); its short title is added only where
        another entry has the same author (or organisation) and year in this language."""
        style = self.style(lang)
        if lang not in self._short_labels:
            counts: dict[tuple[str, str], int] = {}
            for other in self.bibliography.entries:
                label = (style.short_author(other), style.year(other))
                counts[label] = counts.get(label, 0) + 1
            self._short_labels[lang] = counts
        label = (style.short_author(entry), style.year(entry))
        return style.short_note(entry, locator, with_title=self._short_labels[lang][label] > 1)

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
