"""Charts drawn at build time: no script, no font and no request at reading time.

A page asks for a chart with a marker line, `<!-- chart:model-sizes -->` or
`<!-- chart:policy-timeline -->`. The data live in one place, `docs/figures/data/charts.yml`,
for both languages, read and checked once per build by hooks/chart_data.py (a mistake there is
a `charts.yml:LINE` warning, which fails `--strict`, and the chart is left out); timeline dates
come from the citation plugin's parsed bibliography (its `bibliography` option). The chart
becomes an inline SVG (with <title>/<desc> and a visible caption) or an HTML list, followed by
Markdown citations that the citation plugin turns into footnotes like any other. Every text
from charts.yml is escaped for HTML and for Markdown, so it can add no link or markup.
"""

from __future__ import annotations

import datetime
import math
import os
import re
from collections.abc import Callable
from dataclasses import dataclass
from html import escape
from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority, get_plugin_logger
from mkdocs.structure.pages import Page

from briefs_citations.bibfields import date_parts
from briefs_citations.diagnostics import Diagnostic
from chart_data import AXIS, Charts, read
from site_locale import FALLBACK_LANGUAGE, date_text, page_language, words

log = get_plugin_logger("charts")
DATA = "figures/data/charts.yml"  # under docs/
MARKER = re.compile(r"^<!-- chart:([a-z0-9-]+) -->[ \t]*$", re.MULTILINE)
# The characters Python-Markdown (with tables) lets a backslash escape: with them escaped, and
# the text HTML-escaped, a text from charts.yml stays text
_MARKDOWN = re.compile(r"([\\`*_{}\[\]()#+\-.!|])")

# Geometry of the bar chart (SVG user units; the CSS scales the whole drawing).
WIDTH, LEFT, RIGHT, ROW, TOP = 400, 8, 330, 46, 8
LOG_MIN, LOG_MAX = round(math.log10(AXIS[0])), round(math.log10(AXIS[1]))
_cache: dict[str, tuple[int, Charts]] = {}
_reported: set[Diagnostic] = set()
_depth = 0


def markdown_text(text: str) -> str:
    """`text` as Markdown that renders as exactly that text: no link, markup or attribute."""
    return _MARKDOWN.sub(r"\\\1", escape(text, quote=False))


def _charts(config: MkDocsConfig) -> Charts:
    """charts.yml, read when it changed; its problems warned once per build."""
    path = Path(config.docs_dir) / DATA
    root = Path(config.config_file_path or ".").parent
    shown = os.path.relpath(path, root).replace(os.sep, "/")
    try:
        stamp = path.stat().st_mtime_ns
    except OSError:
        stamp = 0
    cached = _cache.get(shown)
    if cached is None or cached[0] != stamp:
        cached = _cache[shown] = (stamp, read(path, shown, Path(config.docs_dir)))
    for problem in cached[1].problems:
        _report(problem)
    return cached[1]


def _report(problem: Diagnostic) -> None:
    """Warn once per build (both language passes draw the same charts)."""
    if problem not in _reported:
        _reported.add(problem)
        log.warning(str(problem))


def on_pre_build(config: MkDocsConfig) -> None:
    global _depth
    if _depth == 0:  # a new build (mkdocs-static-i18n nests one per other language)
        _reported.clear()
    _depth += 1


@event_priority(-200)  # after mkdocs-static-i18n (-100) has run the other language passes
def on_post_build(config: MkDocsConfig) -> None:
    global _depth
    _depth = max(_depth - 1, 0)


def on_build_error(error: Exception) -> None:
    global _depth
    _depth = 0


def _x(value: float) -> float:
    share = (math.log10(value) - LOG_MIN) / (LOG_MAX - LOG_MIN)
    return round(LEFT + share * (RIGHT - LEFT), 1)


def _cite(keys: list[str], locator: dict[str, str] | None, lang: str) -> str:
    parts = [f"@{k}" for k in keys]
    if locator:
        parts[-1] += f", {locator[lang]}"
    return "[" + "; ".join(parts) + "]"


@dataclass(frozen=True)
class ChartNumbers:
    """How one language writes the bar chart's numbers (values in billions)."""

    value: Callable[[dict[str, Any], str], str]  # a bar's value, with the unit given
    tick: Callable[[int], str]  # the axis tick at 10 ** power


NUMBERS = {
    # charts.yml gives each bar's Japanese value as written (3,500 億); ticks in 億 and 兆
    "ja": ChartNumbers(value=lambda bar, unit: f"{bar['ja_value']} {unit}",
                       tick=lambda power: "1 兆" if power == LOG_MAX
                       else f"{10 ** (power + 1):,} 億"),
    "en": ChartNumbers(value=lambda bar, unit: f"{bar['value']:g} {unit}",
                       tick=lambda power: f"{10.0 ** power:g} bn"),
}


def _numbers(lang: str) -> ChartNumbers:
    return NUMBERS.get(lang, NUMBERS[FALLBACK_LANGUAGE])


def model_sizes(chart: dict[str, Any], lang: str) -> str:
    """A horizontal bar chart on a logarithmic axis, as Markdown holding an inline SVG."""
    bars, unit = chart["bars"], chart["unit"][lang]
    height = TOP + ROW * len(bars) + 30
    out = [f'<svg class="chart-svg" viewBox="0 0 {WIDTH} {height}" role="img" '
           f'aria-labelledby="chart-model-sizes-title chart-model-sizes-desc" '
           f'xmlns="http://www.w3.org/2000/svg">',
           f'<title id="chart-model-sizes-title">{escape(chart["title"][lang])}</title>']
    numbers = _numbers(lang)
    said = words(lang)
    listed = said["chart_separator"].join(
        said["chart_value"].format(label=b["label"][lang], value=numbers.value(b, unit))
        for b in bars)
    out.append(f'<desc id="chart-model-sizes-desc">{escape(listed)}</desc>')
    axis_y = TOP + ROW * len(bars)
    for power in range(LOG_MIN, LOG_MAX + 1):
        x = _x(10.0 ** power)
        tick = numbers.tick(power)
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
                   f'{escape(numbers.value(bar, unit))}</text>')
    out.append("</svg>")
    sources = "; ".join(_cite(b["keys"], b.get("locator"), lang)[1:-1] for b in bars)
    unique = "; ".join(dict.fromkeys(sources.split("; ")))
    label = words(lang)["chart_sources"]
    return ('<figure class="chart chart--model-sizes" markdown="block">\n'
            + '<div class="chart-drawing">' + "".join(out) + "</div>\n"
            + f'<figcaption markdown="span">{markdown_text(chart["caption"][lang])} '
            + f"{label}[{unique}]</figcaption>\n</figure>\n")


def policy_timeline(chart: dict[str, Any], lang: str, bib: Any, page_dir: str,
                    located: Any) -> str:
    """The events as an ordered list of dated items: a timeline that is its own text.
    `located(index, message)` reports a problem at the event's line of charts.yml."""
    rows = []
    for index, event in enumerate(chart["events"]):
        entry = bib.get(event["key"]) if bib is not None else None
        date = entry.field("date") if entry else ""
        if entry is None:
            located(index, f"timeline event {event['key']!r} is not in the bibliography")
            continue
        parts = date_parts(date) or ()
        if len(parts) != 3:  # the bibliography's one date rule
            located(index, f"timeline event {event['key']!r} needs a full `date` (YYYY-MM-DD) "
                           f"in the bibliography (found {date!r})")
            continue
        target = Path(event["page"]).as_posix()
        link = _relative(target, page_dir)
        day = date_text(datetime.date(*parts), lang)
        # the citation backs the date, and sits apart from the link (touch target spacing)
        rows.append((date, f'<span class="timeline-date"><time datetime="{date}">'
                           f'{day}</time>[@{event["key"]}]</span> '
                           f'[{markdown_text(event["text"][lang])}]({link})'))
    items = "\n".join(f"1. {text}" for _, text in sorted(rows))
    return (f"## {markdown_text(chart['heading'][lang])} {{#policy-timeline}}\n\n"
            f'<figure class="chart chart--timeline" markdown="block">\n'
            f'<figcaption>{escape(chart["caption"][lang])}</figcaption>\n\n'
            f'{items}\n\n</figure>\n')


def _relative(target: str, page_dir: str) -> str:
    depth = len([p for p in page_dir.split("/") if p])
    return "../" * depth + target


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, **kwargs: Any) -> str:
    if "<!-- chart:" not in markdown:
        return markdown
    charts = _charts(config)
    lang = page_language(config)
    parent = Path(page.file.src_uri).parent.as_posix()
    page_dir = "" if parent == "." else parent
    citations = config.plugins.get("citations")
    bib = citations.parsed_bibliography() if citations is not None else None

    def draw(match: re.Match[str]) -> str:
        name = match.group(1)
        if name not in charts.charts:
            if name not in charts.invalid:  # else charts.yml's problems say why
                line = markdown[: match.start()].count("\n") + 1
                log.warning(str(Diagnostic(
                    f"docs/{page.file.src_uri}", line, f"unknown chart {name!r}",
                    f"known: {', '.join(sorted(charts.charts)) or 'none'}")))
            return ""
        chart = charts.charts[name]
        if name == "model-sizes":
            return model_sizes(chart, lang)

        def located(index: int, message: str) -> None:
            _report(Diagnostic(charts.shown, chart["events"].line_of(index), message))

        return policy_timeline(chart, lang, bib, page_dir, located)

    return MARKER.sub(draw, markdown)
