"""Charts drawn at build time: no script, no font and no request at reading time.

A page asks for a chart with a marker line, `<!-- chart:model-sizes -->` or
`<!-- chart:policy-timeline -->`. The data live in one place, `docs/figures/data/charts.yml`,
for both languages; timeline dates are read from `references.bib`. The chart becomes an
inline SVG (with <title>/<desc> and a visible caption) or an HTML list, followed by Markdown
citations that the citation plugin turns into footnotes like any other.
"""

from __future__ import annotations

import math
import re
from html import escape
from pathlib import Path
from typing import Any

import yaml
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.pages import Page

from briefs_citations.bibfields import date_parts
from briefs_citations.bibliography import BibError
from briefs_citations.bibliography import load as load_bib
from briefs_citations.diagnostics import Diagnostic

DATA = Path("docs/figures/data/charts.yml")
MARKER = re.compile(r"^<!-- chart:([a-z0-9-]+) -->[ \t]*$", re.MULTILINE)
MONTHS_EN = ("January", "February", "March", "April", "May", "June", "July", "August",
             "September", "October", "November", "December")

# Geometry of the bar chart (SVG user units; the CSS scales the whole drawing).
WIDTH, LEFT, RIGHT, ROW, TOP = 400, 8, 330, 46, 8
LOG_MIN, LOG_MAX = -1, 3  # axis from 0.1 to 1,000 billion parameters


def _load(root: Path) -> dict[str, Any]:
    path = root / DATA
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as err:
        line = getattr(getattr(err, "problem_mark", None), "line", -1) + 1
        raise PluginError(str(Diagnostic(DATA, line, f"cannot read chart data: {err}",
                                         severity="error"))) from None
    if not isinstance(data, dict):
        raise PluginError(str(Diagnostic(DATA, 1, "chart data must be a mapping of chart names",
                                         severity="error")))
    return data


def _x(value: float) -> float:
    share = (math.log10(value) - LOG_MIN) / (LOG_MAX - LOG_MIN)
    return round(LEFT + share * (RIGHT - LEFT), 1)


def _cite(keys: list[str], locator: dict[str, str] | None, lang: str) -> str:
    parts = [f"@{k}" for k in keys]
    if locator:
        parts[-1] += f", {locator[lang]}"
    return "[" + "; ".join(parts) + "]"


def _value_text(bar: dict[str, Any], lang: str, unit: str) -> str:
    if lang == "ja":
        return f"{bar['ja_value']} {unit}"
    return f"{bar['value']:g} {unit}"


def model_sizes(chart: dict[str, Any], lang: str) -> str:
    """A horizontal bar chart on a logarithmic axis, as Markdown holding an inline SVG."""
    bars, unit = chart["bars"], chart["unit"][lang]
    height = TOP + ROW * len(bars) + 30
    out = [f'<svg class="chart-svg" viewBox="0 0 {WIDTH} {height}" role="img" '
           f'aria-labelledby="chart-model-sizes-title chart-model-sizes-desc" '
           f'xmlns="http://www.w3.org/2000/svg">',
           f'<title id="chart-model-sizes-title">{escape(chart["title"][lang])}</title>']
    listed = "; ".join(f"{b['label'][lang]}: {_value_text(b, lang, unit)}" for b in bars)
    out.append(f'<desc id="chart-model-sizes-desc">{escape(listed)}</desc>')
    axis_y = TOP + ROW * len(bars)
    for power in range(LOG_MIN, LOG_MAX + 1):
        x = _x(10.0 ** power)
        tick = (f"{10 ** (power + 1):,} 億" if lang == "ja" else f"{10.0 ** power:g} bn")
        if lang == "ja" and power == LOG_MAX:
            tick = "1 兆"
        out.append(f'<line class="chart-grid" x1="{x}" y1="{TOP}" x2="{x}" y2="{axis_y}"/>')
        anchor = "start" if power == LOG_MIN else "middle"
        out.append(f'<text class="chart-tick" x="{x}" y="{axis_y + 16}" '
                   f'text-anchor="{anchor}">{escape(tick)}</text>')
    for i, bar in enumerate(bars):
        y = TOP + ROW * i
        end = _x(float(bar["value"]))
        kind = "chart-bar chart-bar--target" if bar.get("target") else "chart-bar"
        out.append(f'<text class="chart-label" x="{LEFT}" y="{y + 14}">'
                   f'{escape(bar["label"][lang])}</text>')
        out.append(f'<rect class="{kind}" x="{LEFT}" y="{y + 20}" width="{end - LEFT}" '
                   f'height="16" rx="2"/>')
        out.append(f'<text class="chart-value" x="{end + 5}" y="{y + 33}">'
                   f'{escape(_value_text(bar, lang, unit))}</text>')
    out.append("</svg>")
    sources = "; ".join(_cite(b["keys"], b.get("locator"), lang)[1:-1] for b in bars)
    unique = "; ".join(dict.fromkeys(sources.split("; ")))
    label = "出所：" if lang == "ja" else "Sources: "
    return ('<figure class="chart chart--model-sizes" markdown="block">\n'
            + '<div class="chart-drawing">' + "".join(out) + "</div>\n"
            + f'<figcaption markdown="span">{escape(chart["caption"][lang])} '
            + f"{label}[{unique}]</figcaption>\n</figure>\n")


def _date_text(iso: str, lang: str) -> str:
    year, month, day = (int(p) for p in iso.split("-"))
    if lang == "ja":
        return f"{year} 年 {month} 月 {day} 日"
    return f"{day} {MONTHS_EN[month - 1]} {year}"


def policy_timeline(chart: dict[str, Any], lang: str, root: Path, page_dir: str) -> str:
    """The events as an ordered list of dated items: a timeline that is its own text."""
    try:
        bib = load_bib(root / "references.bib", "references.bib")
    except BibError as err:
        raise PluginError(str(err)) from None
    rows = []
    for event in chart["events"]:
        entry = bib.get(event["key"])
        date = entry.field("date") if entry else ""
        if len(date_parts(date) or ()) != 3:  # the bibliography's one date rule
            raise PluginError(f"{DATA}: timeline event {event['key']!r} needs a full `date` "
                              f"in references.bib (found {date!r})")
        target = Path(event["page"]).as_posix()
        link = _relative(target, page_dir)
        # the citation backs the date, and sits apart from the link (touch target spacing)
        rows.append((date, f'<span class="timeline-date"><time datetime="{date}">'
                           f'{_date_text(date, lang)}</time>[@{event["key"]}]</span> '
                           f'[{escape(event["text"][lang])}]({link})'))
    items = "\n".join(f"1. {text}" for _, text in sorted(rows))
    return (f"## {chart['heading'][lang]} {{#policy-timeline}}\n\n"
            f'<figure class="chart chart--timeline" markdown="block">\n'
            f'<figcaption>{escape(chart["caption"][lang])}</figcaption>\n\n'
            f'{items}\n\n</figure>\n')


def _relative(target: str, page_dir: str) -> str:
    depth = len([p for p in page_dir.split("/") if p])
    return "../" * depth + target


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, **kwargs: Any) -> str:
    if "<!-- chart:" not in markdown:
        return markdown
    root = Path(config.config_file_path).parent
    data = _load(root)
    lang = config.theme.get("language") or "ja"
    parent = Path(page.file.src_uri).parent.as_posix()
    page_dir = "" if parent == "." else parent

    def draw(match: re.Match[str]) -> str:
        name = match.group(1)
        if name not in data:
            line = markdown[: match.start()].count("\n") + 1
            raise PluginError(str(Diagnostic(
                page.file.src_uri, line,
                f"unknown chart {name!r} (known: {', '.join(sorted(data))})", severity="error")))
        if name == "model-sizes":
            return model_sizes(data[name], lang)
        return policy_timeline(data[name], lang, root, page_dir)

    return MARKER.sub(draw, markdown)
