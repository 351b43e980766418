"""HTML for citations: footnote bodies, unresolved citations and the references page.

Everything taken from the bibliography arrives here already escaped by a style
(`FormattedReference`); everything else (keys, locators, page titles) is escaped here.
"""

from __future__ import annotations

from html import escape
from urllib.parse import quote

from briefs_citations.references import ReferenceRow
from briefs_citations.styles import Labels


def anchor(key: str) -> str:
    """The fragment that addresses an entry on the references page."""
    return quote(key, safe=":/-._~")


def footnote_body(reference_html: str, key: str, references_url: str, labels: Labels) -> str:
    """A footnote: the formatted reference, then a link to its entry in the references."""
    if not references_url:
        return f'<span class="citation">{reference_html}</span>'
    href = escape(f"{references_url}#{anchor(key)}")
    return (
        f'<span class="citation">{reference_html}</span> '
        f'<a class="citation-entry" href="{href}">{escape(labels.see_entry)}</a>'
    )


def unresolved(raw: str, labels: Labels) -> str:
    """An unknown citation stays visible, marked, exactly as it was written."""
    title = escape(labels.unknown_key)
    return f'<mark class="citation-unknown" title="{title}">{escape(raw)}</mark>'


def marker_separator() -> str:
    """Between two markers of one citation, so that ¹ ² never reads as ¹²."""
    return '<sup class="citation-separator">,</sup>'


def references_list(rows: list[ReferenceRow], labels: Labels) -> str:
    """The references page body: one list item per row, addressed by its key."""
    items = []
    for row in rows:
        reference = row.reference
        parts = [f'<p class="reference-text">{reference.html}</p>']
        if reference.note_html:
            parts.append(f'<p class="reference-note">{reference.note_html}</p>')
        trace = [escape(_numbered(label, numbers, labels.separator))
                 for label, numbers in ((labels.report_notes, row.report_notes),
                                        (labels.report_figures, row.report_figures)) if numbers]
        if trace:
            parts.append(f'<p class="reference-trace">{" · ".join(trace)}</p>')
        if row.cited_on:
            anchors = escape(labels.separator).join(
                f'<a href="{escape(page.href)}">{escape(page.title)}</a>' for page in row.cited_on
            )
            listed = escape(labels.cited_on).replace("{}", anchors)
            parts.append(f'<p class="reference-backlinks">{listed}</p>')
        elif row.cited_elsewhere:  # by the other language's pages only
            parts.append(f'<p class="reference-backlinks">{escape(labels.cited_elsewhere)}</p>')
        else:
            parts.append(f'<p class="reference-backlinks">{escape(labels.not_cited)}</p>')
        parts.append(
            f'<details class="reference-bibtex"><summary>{escape(labels.bibtex)}</summary>'
            f"<pre><code>{escape(row.bibtex)}</code></pre></details>"
        )
        items.append(f'<li id="{escape(row.key)}" class="reference">{"".join(parts)}</li>')
    return f'<ol class="references">{"".join(items)}</ol>'


def _numbered(forms: tuple[str, str], numbers: tuple[int, ...], separator: str) -> str:
    """`Report footnote 3` or `Report footnotes 9, 10`."""
    return forms[len(numbers) > 1].format(separator.join(map(str, numbers)))
