"""Index the built site with Pagefind, once, after the last language pass.

mkdocs-static-i18n builds the default language and then, from inside its own `on_post_build`,
runs a nested `build()` for every other language into the same `site_dir`. Each pass fires
`on_pre_build`/`on_post_build`, so this hook counts the nesting and runs Pagefind only when the
outermost build ends, over the whole `site_dir`; that is also what `mkdocs serve` builds into
(a temporary folder), so search works there too. Pagefind keeps one index per `<html lang>`.

Only the article is indexed (`data-pagefind-body`), so navigation, header and footer text do
not pollute results; the page's `description` from the front matter is kept as metadata and
shown under the page title in results (docs/javascripts/search.js). The weights below were
measured with the queries of tests/browser/test_search.py; README.md ("Search") explains them.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
import time
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority, get_plugin_logger
from mkdocs.structure.pages import Page

from site_locale import section_labels

log = get_plugin_logger("pagefind")

ARTICLE = re.compile(r'<article class="md-content__inner md-typeset"')
# Not words of the page: permalink signs, footnote numbers and the footnotes (the sources, which
# the references page lists and indexes), the how-to-cite block, the stale-translation notice,
# and on the references page the lists of the pages citing each source (titles of other pages)
# and each source's BibTeX (its fields again, as code).
EXCLUDE = (".headerlink", ".footnote-ref", ".citation-separator", ".footnote-backref", ".footnote",
           ".cite-brief", ".translation-outdated", ".reference-backlinks", ".reference-bibtex")
# Every brief has the same second-level headings in the same order. Their words are labels, not
# content: indexed with a heading's weight, "データ" or "Data" would lift every figure page for
# any query about data. Weight 0, not ignored: they still anchor and name the sections in results.
LABELS = section_labels()
# The key points open each brief: the page in a few sentences, so their words count more.
KEY_POINTS = section_labels("key_points")
KEY_POINTS_WEIGHT = 2.0
# The closing list of related pages is navigation: its titles would make every neighbour of a
# page match that page's words.
RELATED = section_labels("related")
H2 = re.compile(r"<h2([^>]*)>([^<]*)(<a [^>]*>[^<]*</a>)?</h2>(\s*<ul)?")
DESCRIPTION = re.compile(r'<meta name="description"(?= content=)')
_depth = 0


def on_pre_build(config: MkDocsConfig) -> None:
    global _depth
    _depth += 1


def on_build_error(error: Exception) -> None:
    global _depth
    _depth = 0


def on_page_content(html: str, page: Page, config: MkDocsConfig, files: object) -> str:
    return H2.sub(_label_sections, html)


def _label_sections(match: re.Match[str]) -> str:
    attributes, text, permalink, list_start = match.groups(default="")
    label = text.strip()
    if label in RELATED:
        attributes = " data-pagefind-ignore" + attributes
        list_start = list_start and list_start + " data-pagefind-ignore"
    elif label in LABELS:
        attributes = ' data-pagefind-weight="0"' + attributes
        if label in KEY_POINTS:
            list_start = list_start and f'{list_start} data-pagefind-weight="{KEY_POINTS_WEIGHT}"'
    return f"<h2{attributes}>{text}{permalink}</h2>{list_start}"


def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    """Mark the article as the only indexed part; its own description becomes result metadata.

    Pages that list other pages (the tags pages) or opt out with Material's front matter
    `search: {exclude: true}` get no body, so Pagefind skips them.
    """
    search = page.meta.get("search")
    if "<!-- material/tags" in page.file.content_string or (
        isinstance(search, dict) and search.get("exclude")
    ):
        return output
    output = ARTICLE.sub(lambda m: m.group(0) + " data-pagefind-body", output, count=1)
    if page.meta.get("description"):  # else the tag holds the site's description
        tag = ' data-pagefind-meta="description[content]"'
        output = DESCRIPTION.sub(lambda m: m.group(0) + tag, output, count=1)
    return output


@event_priority(-200)  # after mkdocs-static-i18n (-100) has run the other language passes
def on_post_build(config: MkDocsConfig) -> None:
    global _depth
    _depth = max(_depth - 1, 0)
    if _depth == 0:
        index(config.site_dir)


def index(site_dir: str) -> None:
    """Run the Pagefind binary shipped in the `pagefind[extended]` wheel over `site_dir`."""
    command = [sys.executable, "-m", "pagefind", "--site", site_dir, "--silent"]
    for selector in EXCLUDE:
        command += ["--exclude-selectors", selector]
    start = time.monotonic()
    try:
        done = subprocess.run(command, capture_output=True, text=True, timeout=300)
    except (OSError, subprocess.TimeoutExpired) as error:
        raise PluginError(f"pagefind: could not index {site_dir}: {error}") from None
    if done.returncode != 0:
        detail = (done.stderr or done.stdout).strip() or f"exit status {done.returncode}"
        if "No module named pagefind" in detail:
            detail = "the `pagefind[extended]` package is missing (pip install -r requirements.txt)"
        raise PluginError(f"pagefind: indexing {site_dir} failed: {detail}")
    sort_languages(Path(site_dir, "pagefind", "pagefind-entry.json"))
    log.info(f"Search index written to {site_dir}/pagefind in {time.monotonic() - start:.1f} s")


def sort_languages(entry: Path) -> None:
    """Pagefind lists the languages of its entry file in hash order, which changes from run to
    run; sorted, two builds of the same site are byte-identical."""
    if not entry.is_file():
        return
    data = json.loads(entry.read_text(encoding="utf-8"))
    if isinstance(data.get("languages"), dict):
        data["languages"] = dict(sorted(data["languages"].items()))
        entry.write_text(json.dumps(data, ensure_ascii=False, separators=(",", ":")),
                         encoding="utf-8")
