"""Where a brief comes from and who says so: the line at the top of every brief and the home page.

One line, in the page's language: a link to the original report (its address comes from the
report's entry in references.bib, `tanabe2024`), labelled with the part of the report the
brief covers ("report §3 (1)", 「レポート図表5」), the report's date, the statement that the site
is independent commentary not published or endorsed by the Daiwa Institute of Research, and
the date the brief was last revised (hooks/source_dates.py; when no date is
known, e.g. a build from a shallow clone, the line says so instead of guessing).

Plain Python, imported by hooks/reading.py; all text from outside is escaped.
"""

from __future__ import annotations

from datetime import date
from html import escape

from site_locale import date_text

REPORT_KEY = "tanabe2024"
CSS_CLASS = "brief-trust"

TEXT = {
    "ja": {
        "report": "レポート", "figure": "レポート図表{}", "summary": "レポートの要約",
        "introduction": "レポートの「はじめに」", "home": "大和総研のレポート",
        "brief": "{link}（大和総研、{day}）についての独立した注釈。",
        "site": "{link}（{day}）についての独立した注釈集。",
        "endorse": "大和総研が発行・承認したものではない。",
        "revised": "最終更新：{day}。", "unknown": "最終更新日：不明（履歴のないビルド）。",
        "between": "",  # between sentences
    },
    "en": {
        "report": "report", "figure": "report figure {}", "summary": "the report's summary",
        "introduction": "the report's introduction",
        "home": "the Daiwa Institute of Research report",
        "brief": "Independent commentary on {link} (Daiwa Institute of Research, {day}),",
        "site": "Independent commentary on {link} ({day}),",
        "endorse": "not published or endorsed by the Daiwa Institute of Research.",
        "revised": "Last revised {day}.", "unknown": "Last revised: not known (built without "
        "history).",
        "between": " ",
    },
}


def report_part(meta: dict, lang: str) -> str | None:
    """The part of the report a brief covers: "report §3 (1)", 「レポート図表5」; None if none."""
    words = TEXT.get(lang, TEXT["en"])
    if "figure" in meta:
        return words["figure"].format(meta["figure"])
    section = str(meta.get("section", "")).strip()
    if section in ("summary", "introduction"):
        return words[section]
    if not section:
        return None
    major, _, minor = section.partition(".")
    number = f"{major} ({minor})" if minor else major
    return f"{words['report']} §{number}"


def trust_line(lang: str, part: str | None, report_url: str, report_day: date | None,
               revised: date | None) -> str:
    """The HTML line; `part` None means the home page (the whole report)."""
    words = TEXT.get(lang, TEXT["en"])
    label = escape(part or words["home"])
    url = report_url if report_url.startswith(("https://", "http://")) else ""
    link = f'<a href="{escape(url)}">{label}</a>' if url else label
    day = date_text(report_day, lang) if report_day else "—"
    first = words["brief" if part else "site"].format(link=link, day=escape(day))
    last = (words["revised"].format(day=date_text(revised, lang)) if revised
            else words["unknown"])
    space = words["between"]
    return (f'<p class="{CSS_CLASS}">{first}{space}{words["endorse"]}{space}'
            f'<span class="{CSS_CLASS}__revised">{last}</span></p>\n')


def after_title(content: str, line: str) -> str:
    """`line` right after the page's first `</h1>`, else at the top."""
    at = content.find("</h1>")
    if at < 0:
        return line + content
    at += len("</h1>")
    return content[:at] + "\n" + line + content[at:]
