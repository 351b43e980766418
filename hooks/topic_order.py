"""Topics in one order and under one address in both languages; a topic's pages in reading
order.

Material's tags plugin sorts by text: topics by label, pages by title. Japanese text sorted
so follows code points (デジタル赤字 before 人材 before 計算資源), which means nothing to a
reader, and each language ended up with its own order of the same topics. Here topics follow
tags.yml (the tags above a page's title, and the sections of the topic index), and a topic's
pages follow the navigation, as the report reads. Each topic's section is `#tag:ID` (its id
in tags.yml: `#tag:compute`) on both topic pages, not `#tag:計算資源` on one and
`#tag:compute` on the other, so the language switch keeps the reader's place there too.

A page's tag that is no label of its language in tags.yml is a `docs/PAGE.md:LINE` warning
(fails `--strict`, as `python -m checks` does), not a new topic made up without a word.

An MkDocs hook: hands Material's tags plugin its sort keys (`tags_sort_by`,
`listings_tags_sort_by`, `listings_sort_by`) and its slug (`tags_slugify`), read when used.
"""

from __future__ import annotations

from collections.abc import Callable
from html import unescape
from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import get_plugin_logger
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from briefs_citations.diagnostics import Diagnostic
from front_matter_rules import read
from site_locale import LANGUAGES, page_language
from topics import FILE, Topic, TopicsError, parse, positions, unknown_label

log = get_plugin_logger("topic-order")
#: tags.yml's topics, read by on_config (None: unusable, said there).
_topics: list[Topic] | None = None


def reading_position(mapping: Any) -> tuple[int, str]:
    """Where a tagged page is in the navigation (pages outside it last, by title)."""
    page = mapping.item
    if page.previous_page is None and page.next_page is None:
        return 1 << 30, unescape(str(page.title))
    count, before = 0, page.previous_page
    while before is not None:
        count, before = count + 1, before.previous_page
    return count, ""


def _topic_key(places: dict[str, int]) -> Any:
    """A tag's place in tags.yml (a label not in it after the rest, by name)."""
    def key(tag: Any, *_: Any) -> tuple[int, str]:
        name = unescape(str(tag.name))  # front_matter.py escaped it
        return places.get(name, len(places)), name
    return key


def _topic_slug(ids: dict[str, str], otherwise: Callable[[str, str], str]
                ) -> Callable[[str, str], str]:
    """A tag's slug: its topic's id (a label not in tags.yml: Material's slug)."""
    def slug(name: str, separator: str) -> str:
        return ids.get(unescape(str(name))) or otherwise(name, separator)
    return slug


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    plugin = next((plugin for name, plugin in config.plugins.items()
                   if name.split("/")[-1] == "tags"), None)
    if plugin is None:
        return config
    path = Path(config.config_file_path).parent / FILE
    try:
        topics, skipped = parse(path.read_text(encoding="utf-8"), LANGUAGES)
    except (OSError, UnicodeDecodeError) as err:
        topics, skipped = [], [TopicsError(1, f"cannot be read ({err.__class__.__name__})")]
    except TopicsError as err:
        topics, skipped = [], [err]
    for err in skipped:  # the same words as `python -m checks` (translations)
        log.warning(str(Diagnostic(FILE, err.line, str(err))))
    global _topics
    _topics = topics if topics or not skipped else None
    key = _topic_key(positions(topics))
    plugin.config.tags_sort_by = key
    plugin.config.listings_tags_sort_by = key
    plugin.config.listings_sort_by = reading_position
    ids = {label: topic.id for topic in topics for label in topic.labels.values()}
    plugin.config.tags_slugify = _topic_slug(ids, plugin.config.tags_slugify)
    return config


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    labels = page.meta.get("tags")
    if _topics is None or not isinstance(labels, list):
        return markdown
    lang = page_language(config)
    known = {topic.labels[lang] for topic in _topics if lang in topic.labels}
    unknown = [label for label in map(unescape, map(str, labels)) if label not in known]
    if unknown:
        line = read(page.file.content_string).lines.get("tags", 1)
        shown = f"{config.docs_dir.rstrip('/').rsplit('/', 1)[-1]}/{page.file.src_uri}"
        for label in unknown:
            log.warning(str(Diagnostic(shown, line, *unknown_label(label, lang, _topics))))
    return markdown
