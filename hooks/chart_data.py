"""docs/figures/data/charts.yml, read and checked: every mistake becomes `charts.yml:LINE: …`.

Plain Python (no MkDocs import). `read` returns the charts that can be drawn, each checked in
full, and the problems of those that cannot, located in charts.yml (not on the page that asks
for the chart), so a contributor's typo never becomes a traceback or a broken page.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from briefs_citations.diagnostics import Diagnostic
from site_locale import LANGUAGES
from yaml_lines import Mapping, Sequence, YamlError, load

#: The model-size chart's logarithmic axis, in billions of parameters.
AXIS = (0.1, 1000.0)
_KEY = re.compile(r"^[^\s@;,\[\]{}]+$")


@dataclass
class Charts:
    """The drawable charts by name, and the problems of the file."""

    charts: dict[str, Any] = field(default_factory=dict)
    problems: list[Diagnostic] = field(default_factory=list)
    invalid: set[str] = field(default_factory=set)  # named in the file, but not drawable
    shown: str = ""  # the file as messages name it


class _Check:
    def __init__(self, shown: str) -> None:
        self.shown = shown
        self.problems: list[Diagnostic] = []

    def problem(self, line: int, message: str) -> None:
        self.problems.append(Diagnostic(self.shown, line, message))

    def mapping(self, parent: Mapping | Sequence, key: Any, what: str) -> Mapping | None:
        value = parent[key] if _has(parent, key) else None
        if not isinstance(value, Mapping):
            self.problem(parent.line_of(key), f"{what} must be a mapping of 'name: value' lines")
            return None
        return value

    def items(self, chart: Mapping, key: str, name: str,
              noun: str) -> Iterator[tuple[Mapping, str]]:
        """Each item of the non-empty list `chart[key]` that is a mapping, with how messages
        name it ("model-sizes: bar 2"); a problem for the list or for an item otherwise."""
        items = chart.get(key)
        if not isinstance(items, Sequence) or not items:
            self.problem(chart.line_of(key), f"{name}: '{key}' must be a list of {noun}s")
            return
        for index in range(len(items)):
            what = f"{name}: {noun} {index + 1}"
            item = self.mapping(items, index, what)
            if item is not None:
                yield item, what

    def text(self, parent: Mapping, key: str, what: str, *, optional: bool = False) -> bool:
        """`key` holds a non-empty text for every language: `{ja: …, en: …}`."""
        if key not in parent:
            if not optional:
                self.problem(parent.line, f"{what} lacks '{key}' ({{ja: …, en: …}})")
            return optional
        value = parent[key]
        missing = [lang for lang in LANGUAGES if not isinstance(value, Mapping)
                   or not isinstance(value.get(lang), str) or not value[lang].strip()]
        if missing:
            self.problem(parent.line_of(key), f"{what}: '{key}' needs a text in "
                         f"{' and '.join(missing)} ({{ja: …, en: …}})")
        return not missing

    def keys(self, parent: Mapping, what: str) -> bool:
        value = parent.get("keys")
        if not isinstance(value, Sequence) or not value or not all(
                isinstance(key, str) and _KEY.match(key) for key in value):
            self.problem(parent.line_of("keys"), f"{what}: 'keys' must be a list of "
                         f"references.bib keys, like [nec2023llm] (found {value!r})")
            return False
        return True


def _has(parent: Mapping | Sequence, key: Any) -> bool:
    return key in parent if isinstance(parent, Mapping) else 0 <= key < len(parent)


def _unreadable(shown: str, line: int, message: str) -> Charts:
    return Charts(problems=[Diagnostic(shown, line, message)], invalid=set(CHECKS), shown=shown)


def read(path: Path, shown: str, docs: Path) -> Charts:
    """The charts in `path` (shown in messages as `shown`); page links resolved in `docs`."""
    check = _Check(shown)
    try:
        data = load(path.read_text(encoding="utf-8"))
    except OSError as err:
        return _unreadable(shown, 1, f"cannot read chart data ({err.strerror})")
    except UnicodeDecodeError:
        return _unreadable(shown, 1, "chart data is not UTF-8 text")
    except YamlError as err:
        return _unreadable(shown, err.line, f"chart data is {err}")
    if not isinstance(data, Mapping):
        return _unreadable(shown, 1, "chart data must be a mapping of chart names")
    charts, invalid = {}, set()
    for name, chart in data.items():
        invalid.add(str(name))
        before = len(check.problems)
        if name not in CHECKS:
            check.problem(data.line_of(name), f"no chart is drawn for '{name}' "
                          f"(known: {', '.join(sorted(CHECKS))})")
            continue
        if not isinstance(chart, Mapping):
            check.problem(data.line_of(name), f"chart '{name}' must be a mapping")
            continue
        CHECKS[name](check, chart, docs)
        if len(check.problems) == before:
            charts[name] = chart
            invalid.discard(name)
    return Charts(charts, sorted(check.problems), invalid, shown)


def _model_sizes(check: _Check, chart: Mapping, docs: Path) -> None:
    for key in ("title", "caption", "unit"):
        check.text(chart, key, "model-sizes")
    for bar, what in check.items(chart, "bars", "model-sizes", "bar"):
        check.text(bar, "label", what)
        check.text(bar, "locator", what, optional=True)
        check.keys(bar, what)
        _value(check, bar, what)
        if not isinstance(bar.get("ja_value"), str | int | float) or isinstance(
                bar.get("ja_value"), bool):
            check.problem(bar.line_of("ja_value"), f"{what}: 'ja_value' must be the value as "
                          "written in 億, like \"1,750\"")
        if "target" in bar and not isinstance(bar["target"], bool):
            check.problem(bar.line_of("target"), f"{what}: 'target' must be true or false")


def _value(check: _Check, bar: Mapping, what: str) -> None:
    value = bar.get("value")
    line = bar.line_of("value")
    if isinstance(value, bool) or not isinstance(value, int | float):
        found = "nothing" if value is None else f"the text {str(value)!r}"
        if isinstance(value, str) and _number_text(value):
            found += ", which YAML reads as text: write it like 1.0e+9 or 1000, no quotes"
        check.problem(line, f"{what}: 'value' must be a number of billions, like 13 or 0.6 "
                      f"(found {found})")
    elif not math.isfinite(value) or not AXIS[0] <= value <= AXIS[1]:
        check.problem(line, f"{what}: 'value' {value:g} is outside the logarithmic axis "
                      f"({AXIS[0]:g} to {AXIS[1]:,.0f} billion)")


def _number_text(text: str) -> bool:
    try:
        float(text)
    except ValueError:
        return False
    return True


def _policy_timeline(check: _Check, chart: Mapping, docs: Path) -> None:
    for key in ("heading", "caption"):
        check.text(chart, key, "policy-timeline")
    for event, what in check.items(chart, "events", "policy-timeline", "event"):
        check.text(event, "text", what)
        if not isinstance(event.get("key"), str) or not _KEY.match(event["key"]):
            check.problem(event.line_of("key"), f"{what}: 'key' must be one references.bib key")
        page = event.get("page")
        stem = str(page).removesuffix(".md")
        if not isinstance(page, str) or not page.endswith(".md") or ".." in page or not any(
                (docs / f"{stem}.{lang}.md").is_file() for lang in LANGUAGES):
            check.problem(event.line_of("page"), f"{what}: 'page' must be a page under docs/, "
                          f"like briefs/section-2-2.md (found {page!r})")


CHECKS = {"model-sizes": _model_sizes, "policy-timeline": _policy_timeline}
