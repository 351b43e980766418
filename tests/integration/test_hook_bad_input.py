"""Issue 14's table "Hooks never crash on a contributor's mistake": one row, one test.

Each test builds a small site in a temporary folder with the project's own mkdocs.yml, hooks,
templates and bibliography (navigation and the search index left out, to keep it small),
with one contributor's mistake, and asserts on the build's messages and the built HTML: a
`file:line: message` that fails `--strict`, never a traceback; or the correct output.
"""

from __future__ import annotations

import csv
import io
import re
import shutil
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT, build, without_search_index

sys.path.insert(0, str(ROOT / "hooks"))

FIGURE_JA = """---
title: 図表 5 テスト
description: 説明。
figure: 5
tags: [日本語モデル]
---

# 図表 5 テスト

本文[@tanabe2024]。

<!-- chart:model-sizes -->

## データ

| 項目 | 値 |
|---|---|
| {cell} | 1 |
"""
FIGURE_EN = """---
title: Figure 5 test
description: Text.
figure: 5
tags: [Japanese-language models]
---

# Figure 5 test

Text[@tanabe2024].

<!-- chart:model-sizes -->

## Data

| Item | Value |
|---|---|
| {cell} | 1 |
"""
INDEX = {"ja": "# ホーム\n\n<!-- chart:policy-timeline -->\n",
         "en": "# Home\n\n<!-- chart:policy-timeline -->\n"}
CHARTS = """model-sizes:
  title: {ja: 題, en: Title}
  caption: {ja: 説明, en: Caption}
  unit: {ja: 億, en: billion}
  bars:
    - label: {ja: 甲, en: A}
      value: 0.6
      ja_value: "6"
      keys: [tanabe2024]
    - label: {ja: 乙, en: B}
      value: 175
      ja_value: "1,750"
      keys: [tanabe2024]
      locator: {ja: 図表 5, en: fig. 5}
policy-timeline:
  heading: {ja: 動き, en: Events}
  caption: {ja: 出来事, en: Events}
  events:
    - key: tanabe2024
      text: {ja: 公表, en: "EVENT"}
      page: figures/figure-5.md
"""


def small_site(root: Path) -> Path:
    """The project's configuration with two pages of each language and charts.yml."""
    project = root / "project"
    project.mkdir()
    for name in ("hooks", "overrides", "snippets"):
        shutil.copytree(ROOT / name, project / name,
                        ignore=shutil.ignore_patterns("__pycache__"))
    for name in ("references.bib", "tags.yml"):
        shutil.copy(ROOT / name, project / name)
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    config = config[: config.index("\nnav:")] + "\n"
    (project / "mkdocs.yml").write_text(config, encoding="utf-8")
    without_search_index(project)
    docs = project / "docs"
    (docs / "figures" / "data").mkdir(parents=True)
    for lang, text in INDEX.items():
        (docs / f"index.{lang}.md").write_text(text, encoding="utf-8")
    figure(project, "ja", FIGURE_JA.format(cell="甲"))
    figure(project, "en", FIGURE_EN.format(cell="A"))
    (docs / "figures/data/charts.yml").write_text(CHARTS, encoding="utf-8")
    for name in ("references.md",):
        for lang in ("ja", "en"):
            (docs / name.replace(".md", f".{lang}.md")).write_text("# R\n", encoding="utf-8")
    return project


def figure(project: Path, lang: str, text: str) -> None:
    (project / "docs" / "figures" / f"figure-5.{lang}.md").write_text(text, encoding="utf-8")


@pytest.fixture
def site(tmp_path: Path) -> Path:
    return small_site(tmp_path)


def assert_fails_at(result, *located: str) -> None:
    """The strict build failed with each `file:line: message` and without a traceback."""
    assert "Traceback" not in result.output, result.output
    assert result.returncode != 0, result.output
    for message in located:
        assert message in result.output, f"{message!r} not in:\n{result.output}"


def test_small_site_builds_clean(site):
    result = build(site)
    assert result.returncode == 0, result.output
    assert "WARNING" not in result.output, result.output


# -- front matter ------------------------------------------------------------------------

@pytest.mark.parametrize(("front", "message"), [
    ("---\ntitle: [unclosed\nfigure: 5\n---\n",
     "docs/figures/figure-5.en.md:3: front matter is not valid YAML"),
    ("---\n- title\n- figure\n---\n",
     "docs/figures/figure-5.en.md:2: front matter is not a mapping of 'key: value' lines"),
    ("---\ntitle: Figure 5 test\nfigure: 5\n\n# Figure 5 test\n",
     "docs/figures/figure-5.en.md:1: front matter has no closing '---' line"),
], ids=["invalid-yaml", "yaml-list", "no-closing-line"])
def test_malformed_front_matter_is_located(site, front, message):
    body = FIGURE_EN.format(cell="A").split("---\n", 2)[2]
    figure(site, "en", front + body)
    assert_fails_at(build(site), message)


def test_a_front_matter_key_the_site_does_not_read_is_located(site):
    """A typo drops what the key meant without a word (a page without its description, its
    tags, its related pages); Material's harmless `hide` is allowed, its `subtitle` (which it
    writes into the navigation unescaped) is not."""
    figure(site, "en", FIGURE_EN.format(cell="A").replace(
        "description: Text.\nfigure: 5\ntags: [Japanese-language models]",
        "descripton: Text.\nfigure: 5\ntag: [Japanese-language models]\ncolour: red\n"
        "hide: [toc]\nsubtitle: <b>x</b>"))
    result = build(site)
    assert "key 'hide'" not in result.output and "key 'figure'" not in result.output
    assert_fails_at(result,
                    "docs/figures/figure-5.en.md:3: front matter key 'descripton' is not one "
                    "this site reads (did you mean 'description'?)",
                    "docs/figures/figure-5.en.md:5: front matter key 'tag' is not one this "
                    "site reads (did you mean 'tags'?)",
                    "docs/figures/figure-5.en.md:6: front matter key 'colour' is not one this "
                    "site reads\n",
                    "docs/figures/figure-5.en.md:8: front matter key 'subtitle' is not one "
                    "this site reads (did you mean 'title'?)")


def test_title_that_is_a_number_is_located(site):
    figure(site, "en", FIGURE_EN.format(cell="A").replace("title: Figure 5 test",
                                                          "title: 12345"))
    assert_fails_at(build(site), "docs/figures/figure-5.en.md:2: 'title' must be text")


def test_figure_that_is_not_a_number_is_located(site):
    figure(site, "en", FIGURE_EN.format(cell="A").replace("figure: 5", 'figure: "5/x"'))
    result = build(site)
    assert_fails_at(result, "docs/figures/figure-5.en.md:4: 'figure' must be a figure number")
    assert not list((site / "site").rglob("*5/x*"))


@pytest.mark.parametrize(("lang", "text", "tags", "message"), [
    ("en", FIGURE_EN, "[robots, Japanese-language models]",
     "docs/figures/figure-5.en.md:5: tag 'robots' is not an English label in tags.yml — use "
     "one of: compute, data, talent,"),
    ("ja", FIGURE_JA, "[日本語モデル, compute]",  # the other language's label
     "docs/figures/figure-5.ja.md:5: tag 'compute' is not a Japanese label in tags.yml — use "
     "one of: 計算資源, データ, 人材,"),
], ids=["unknown", "other-language"])
def test_a_tag_not_in_tags_yml_is_located(site, lang, text, tags, message):
    """Not a new topic made up without a word (hooks/topic_order.py)."""
    figure(site, lang, text.format(cell="A").replace(
        "tags: [日本語モデル]" if lang == "ja" else "tags: [Japanese-language models]",
        f"tags: {tags}"))
    assert_fails_at(build(site), message)


# -- charts.yml --------------------------------------------------------------------------

def test_chart_data_mistakes_are_located_in_charts_yml(site):
    charts = site / "docs/figures/data/charts.yml"
    text = charts.read_text(encoding="utf-8")
    text = text.replace("  unit: {ja: 億, en: billion}\n", "")  # a missing unit
    text = text.replace("value: 0.6", "value: 0", 1)  # 0 on the logarithmic axis
    text = text.replace("value: 175", "value: lots")  # not a number
    text = text.replace("locator: {ja: 図表 5, en: fig. 5}", "locator: {ja: 図表 5}")
    text = text.replace("keys: [tanabe2024]\n      locator", "keys: tanabe2024\n      locator")
    text = text.replace("policy-timeline:", "    - label: {ja: 丙, en: C}\n"
                        "      value: \"1e9\"\n      ja_value: \"1\"\n      keys: [tanabe2024]\n"
                        "extra-bars:\n  bars: []\npolicy-timeline:")
    charts.write_text(text, encoding="utf-8")
    result = build(site)
    assert_fails_at(
        result,
        "docs/figures/data/charts.yml:2: model-sizes lacks 'unit'",  # the chart's first line
        "docs/figures/data/charts.yml:6: model-sizes: bar 1: 'value' 0 is outside",
        "docs/figures/data/charts.yml:10: model-sizes: bar 2: 'value' must be a number",
        "docs/figures/data/charts.yml:12: model-sizes: bar 2: 'keys' must be a list",
        "docs/figures/data/charts.yml:13: model-sizes: bar 2: 'locator' needs a text in en",
        "docs/figures/data/charts.yml:15: model-sizes: bar 3: 'value' must be a number of "
        "billions, like 13 or 0.6 (found the text '1e9', which YAML reads as text",
        "docs/figures/data/charts.yml:18: no chart is drawn for 'extra-bars'",
    )
    assert "unknown citation key" not in result.output  # no key per letter of a string
    assert result.output.count("model-sizes lacks 'unit'") == 1  # once, not once per language


def test_a_value_written_as_text_is_located():
    from chart_data import _Check, _value
    from yaml_lines import load

    check = _Check("charts.yml")
    _value(check, load('a: 1\nvalue: "1e9"\n'), "bar 1")
    assert [str(p) for p in check.problems] == [
        "charts.yml:2: bar 1: 'value' must be a number of billions, like 13 or 0.6 (found the "
        "text '1e9', which YAML reads as text: write it like 1.0e+9 or 1000, no quotes)"]


@pytest.mark.parametrize(("chart", "found"), [
    ("model-sizes", "charts.yml:2: model-sizes: 'bars' must be a list of bars"),
    ("policy-timeline", "charts.yml:2: policy-timeline: 'events' must be a list of events"),
])
@pytest.mark.parametrize("listed", ["[]", "a text", "{a: 1}"])
def test_a_chart_whose_items_are_not_a_list_is_located(chart, found, listed):
    from chart_data import CHECKS, _Check
    from yaml_lines import load

    key = "bars" if chart == "model-sizes" else "events"
    check = _Check("charts.yml")
    CHECKS[chart](check, load(f"a: 1\n{key}: {listed}\n"), Path("."))
    assert found in [str(p) for p in check.problems]


def test_an_item_that_is_not_a_mapping_is_located_and_the_others_checked():
    from chart_data import _Check, _policy_timeline
    from yaml_lines import load

    check = _Check("charts.yml")
    _policy_timeline(check, load("events:\n  - just text\n  - {text: {ja: あ, en: a}}\n"),
                     Path("."))
    problems = [str(p) for p in check.problems]
    assert ("charts.yml:2: policy-timeline: event 1 must be a mapping of 'name: value' lines"
            in problems)
    assert any(p.startswith("charts.yml:3: policy-timeline: event 2: 'key'") for p in problems)


EVENT_TEXTS = {
    "markdown-link": "Click](javascript:alert(1)) [me",
    "raw-html": '<img src=x onerror="alert(1)">',
    "attributes-emphasis-citation": "{: onclick=alert(1) } *bold* `code` [@tanabe2024]",
}


@pytest.fixture(scope="module")
def events_site(tmp_path_factory):
    """One build for the event texts below: one timeline event each."""
    site = small_site(tmp_path_factory.mktemp("events"))
    charts = site / "docs/figures/data/charts.yml"
    text = charts.read_text(encoding="utf-8")
    event = text[text.index("    - key: tanabe2024\n      text:"):]
    events = "".join(event.replace('"EVENT"', '"' + value.replace('"', '\\"') + '"')
                     for value in EVENT_TEXTS.values())
    charts.write_text(text.replace(event, events), encoding="utf-8")
    return build(site)


@pytest.mark.parametrize("text", EVENT_TEXTS.values(), ids=EVENT_TEXTS.keys())
def test_chart_event_text_stays_text(events_site, text):
    result = events_site
    assert result.returncode == 0, result.output
    html = result.html("en/")
    timeline = re.search(r"<ol>\s*<li><span class=\"timeline-date\">.*?</ol>", html, re.S).group(0)
    items = re.findall(r'<li><span class="timeline-date">.*?</li>', timeline, re.S)
    assert len(items) == len(EVENT_TEXTS), timeline
    texts = {}
    for item in items:
        link_text = re.sub(r"<[^>]+>", "", item.split('href="', 1)[1].split(">", 1)[1])
        texts[link_text.replace("&lt;", "<").replace("&gt;", ">").replace(
            "&quot;", '"').replace("&amp;", "&").replace("&#x27;", "'")] = item
    item = next((item for found, item in texts.items() if text in found), None)
    assert item, f"{text!r} is not the text of any event: {list(texts)}"
    assert "javascript:" not in re.findall(r'href="([^"]*)"', item)[0]
    assert "<img" not in item and "onclick" not in item.replace("onclick=alert", "")


# -- figure tables as CSV ----------------------------------------------------------------

FORMULAS = ["=1+2", "+1+2", "-1+2", "@SUM(A1)", "=HYPERLINK(\"x\")"]


@pytest.fixture(scope="module")
def formula_rows(tmp_path_factory) -> list[list[str]]:
    """One build for the cells below: a figure table with one row per cell."""
    site = small_site(tmp_path_factory.mktemp("csv"))
    rows = "".join(f"| {cell} | {number} |\n" for number, cell in enumerate(FORMULAS, 1))
    figure(site, "en", FIGURE_EN[: FIGURE_EN.index("| {cell} | 1 |")] + rows)
    result = build(site)
    assert result.returncode == 0, result.output
    data = (site / "site/en/figures/data/figure-5.csv").read_bytes().decode("utf-8-sig")
    return list(csv.reader(io.StringIO(data)))


@pytest.mark.parametrize("cell", FORMULAS)
def test_csv_cells_that_start_a_formula_are_escaped(formula_rows, cell):
    number = FORMULAS.index(cell) + 1
    assert formula_rows[number][0] == "'" + cell
    assert formula_rows[number][1] == str(number)  # a number stays a number


# -- tags.yml ----------------------------------------------------------------------------

@pytest.mark.parametrize(("text", "expected"), [
    ("- compute\n- data\n",
     [("tags.yml", 1, "is a list, not a mapping of topics")]),
    ("japanese-models: {ja: 日本語モデル, en: Japanese-language models\ncompute: {ja: x}\n",
     [("tags.yml", 2, "is not valid YAML: expected ',' or '}', but got ':'")]),
    ("japanese-models: {ja: 日本語モデル, en: Japanese-language models}\ncompute: {ja: 計算資源}\n",
     [("tags.yml", 2, "topic 'compute' needs a label in each of ja, en")]),
], ids=["a-list", "invalid-yaml", "a-label-missing"])
def test_tags_yml_mistakes_are_one_problem_each(site, text, expected):
    from checks import translations

    (site / "tags.yml").write_text(text, encoding="utf-8")
    problems = [(p.path, p.line, p.message) for p in translations.check(site)
                if p.path == "tags.yml" or "tag" in p.message]
    assert problems == expected
    # the build reads tags.yml too (hooks/topic_order.py): the same words, --strict fails
    assert_fails_at(build(site), *(f"{path}:{line}: {message}" for path, line, message
                                   in expected))
