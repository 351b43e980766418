"""Tables on phones: long-text tables read as stacked cards, short ones scroll with a hint.

Every body cell gets `data-label`, its column's header text, written at build time, so that
below a width (docs/stylesheets/reading.css) each row of a table with long text becomes a
card and each cell is labelled by its column header (`td::before { content: attr(...) }`).
A table is "long text" when one of its cells holds at least LONG characters of text; those
get `data-layout="cards"`. Other tables keep scrolling sideways in Material's wrapper, with a
shadow at the edge that hides more columns (CSS only).
"""

from __future__ import annotations

import re
from html import escape, unescape
from typing import Any

LONG = 40
_TABLE = re.compile(r"<table(?P<attrs>[^>]*)>(?P<body>.*?)</table>", re.DOTALL)
_TH = re.compile(r"<th\b[^>]*>(.*?)</th>", re.DOTALL)
_ROW = re.compile(r"<tr\b[^>]*>.*?</tr>", re.DOTALL)
_TD = re.compile(r"<td\b(?P<attrs>[^>]*)>(?P<text>.*?)</td>", re.DOTALL)


def _text(html: str) -> str:
    return " ".join(unescape(re.sub(r"<[^>]+>", " ", html)).split())


def label_table(match: re.Match[str]) -> str:
    attrs, body = match["attrs"], match["body"]
    head, _, rest = body.partition("</thead>")
    if not rest or "data-label" in body:
        return match.group(0)
    labels = [_text(cell) for cell in _TH.findall(head)]
    longest = 0

    def label_row(row: re.Match[str]) -> str:
        nonlocal longest
        cells = iter(labels)

        def label_cell(cell: re.Match[str]) -> str:
            nonlocal longest
            longest = max(longest, len(_text(cell["text"])))
            name = next(cells, "")
            return f'<td{cell["attrs"]} data-label="{escape(name)}">{cell["text"]}</td>'

        return _TD.sub(label_cell, row.group(0))

    rest = _ROW.sub(label_row, rest)
    layout = ' data-layout="cards"' if longest >= LONG else ""
    return f"<table{attrs}{layout}>{head}</thead>{rest}</table>"


def label_tables(html: str) -> str:
    """Every table with a header row: cells labelled, long-text tables marked as cards."""
    return _TABLE.sub(label_table, html)


def on_page_content(html: str, page: Any, config: Any, **kwargs: Any) -> str:
    return label_tables(html)
