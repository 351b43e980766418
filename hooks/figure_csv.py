"""Every table of a figure page's data section can be downloaded as CSV.

The CSV is written from the rendered table, so it holds what the reader sees (footnote
markers aside), as UTF-8 with a byte order mark so that Excel opens Japanese text correctly.
Files land in `figures/data/figure-N.csv` of each language's output (`en/figures/data/...`).
"""

from __future__ import annotations

import csv
import io
import re
from html import escape
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.pages import Page

from site_locale import page_language, section_labels, words

DATA_HEADINGS = section_labels("data")
H2 = re.compile(r"<h2\b[^>]*>(.*?)</h2>", re.DOTALL)
TABLE = re.compile(r"<table\b.*?</table>", re.DOTALL)
TAGS = re.compile(r"<[^>]+>")
HEADERLINK = re.compile(r'<a class="headerlink".*?</a>', re.DOTALL)
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
NUMBER = re.compile(r"^[+-]?\d[\d,]*(?:\.\d+)?%?$")


class _TableText(HTMLParser):
    """Rows of cell text, leaving out footnote markers (`<sup id="fnref…">`)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.rows: list[list[str]] = []
        self._cell: list[str] | None = None
        self._skip = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = dict(attrs)
        if self._skip:
            self._skip += tag == "sup"
        elif tag == "sup" and ((found.get("id") or "").startswith("fnref")
                               or "citation-separator" in (found.get("class") or "")):
            self._skip = 1
        elif tag == "tr":
            self.rows.append([])
        elif tag in ("td", "th"):
            self._cell = []

    def handle_endtag(self, tag: str) -> None:
        if self._skip:
            self._skip -= tag == "sup"
        elif tag in ("td", "th") and self._cell is not None:
            self.rows[-1].append(" ".join("".join(self._cell).split()))
            self._cell = None

    def handle_data(self, data: str) -> None:
        if self._cell is not None and not self._skip:
            self._cell.append(data)


def table_rows(table_html: str) -> list[list[str]]:
    """The text of each cell of one HTML table, row by row, header first."""
    parser = _TableText()
    parser.feed(table_html)
    return [row for row in parser.rows if row]


def spreadsheet_safe(cell: str) -> str:
    """A cell a spreadsheet shows as text, never runs as a formula (OWASP, CSV injection):
    one starting with = + - @, a tab or a carriage return gets a leading `'`; a plain number
    (-3, +1.5, -12%) stays a number."""
    if cell[:1] in FORMULA_START and not NUMBER.match(cell):
        return "'" + cell
    return cell


def to_csv(rows: list[list[str]]) -> bytes:
    """CSV as Excel reads it: UTF-8 with BOM, CRLF line ends, quoted where needed."""
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\r\n").writerows(
        [[spreadsheet_safe(cell) for cell in row] for row in rows])
    return buffer.getvalue().encode("utf-8-sig")


def _data_section(html: str) -> tuple[int, int] | None:
    headings = list(H2.finditer(html))
    for i, heading in enumerate(headings):
        text = TAGS.sub("", HEADERLINK.sub("", heading.group(1))).strip()
        if text in DATA_HEADINGS:
            end = headings[i + 1].start() if i + 1 < len(headings) else len(html)
            return heading.end(), end
    return None


def on_page_content(html: str, page: Page, config: MkDocsConfig, **kwargs: Any) -> str:
    number = page.meta.get("figure")
    if isinstance(number, bool) or not re.fullmatch(r"[1-9]\d*", str(number)):
        return html  # no figure number (hooks/front_matter.py reports a malformed one)
    section = _data_section(html)
    if section is None:
        return html
    lang = page_language(config)
    start, end = section
    out_dir = Path(config.site_dir) / Path(page.file.dest_uri).parent.parent / "data"
    count = 0

    def attach(match: re.Match[str]) -> str:
        nonlocal count
        count += 1
        name = f"figure-{number}.csv" if count == 1 else f"figure-{number}-{count}.csv"
        out_dir.mkdir(parents=True, exist_ok=True)
        (out_dir / name).write_bytes(to_csv(table_rows(match.group(0))))
        label = escape(words(lang)["csv_download"].format(n=number))
        return (f'{match.group(0)}\n<p class="table-download"><a href="../data/{name}" '
                f'download="{name}" type="text/csv">{label}</a></p>')

    body = TABLE.sub(attach, html[start:end])
    return html[:start] + body + html[end:]
