"""The site's topics, read from tags.yml: the fixed set a page may be tagged with, in the
order the file lists them, each with a label per language.

One reader for the build (topic_order.py: topics shown in this order in both languages) and
the checks (checks/translations.py: every label is one of these). Plain Python, no MkDocs
import.
"""

from __future__ import annotations

from dataclasses import dataclass

import yaml_lines

FILE = "tags.yml"
#: What a message about the file suggests.
FIX = "write tags.yml as 'id: {ja: label, en: label}' lines"
#: How a message names a page language ("is not an English label").
LANGUAGE_NAMES = {"ja": "a Japanese", "en": "an English"}


class TopicsError(ValueError):
    """tags.yml cannot be used at all; `line` is where (1-based)."""

    def __init__(self, line: int, message: str) -> None:
        super().__init__(message)
        self.line = line


@dataclass(frozen=True)
class Topic:
    id: str
    labels: dict[str, str]  # {lang: label}
    line: int


def parse(text: str, langs: tuple[str, ...]) -> tuple[list[Topic], list[TopicsError]]:
    """The topics of tags.yml's `text`, in order, and the entries left out (a label missing);
    raises TopicsError when the file as a whole is unusable (not YAML, not a mapping)."""
    try:
        data = yaml_lines.load(text)
    except yaml_lines.YamlError as err:
        raise TopicsError(err.line, f"is {err}") from None
    if not isinstance(data, yaml_lines.Mapping):
        kind = "a list" if isinstance(data, list) else "empty" if data is None else "not a mapping"
        raise TopicsError(getattr(data, "line", 1), f"is {kind}, not a mapping of topics")
    topics, skipped = [], []
    for topic, labels in data.items():
        line = data.line_of(topic)
        if isinstance(labels, dict) and all(
                isinstance(labels.get(lang), str) and labels[lang].strip() for lang in langs):
            topics.append(Topic(str(topic), {lang: labels[lang] for lang in langs}, line))
        else:
            skipped.append(TopicsError(
                line, f"topic '{topic}' needs a label in each of {', '.join(langs)}"))
    return topics, skipped


def unknown_label(label: str, lang: str, topics: list[Topic]) -> tuple[str, str]:
    """(message, fix) for a page's tag that is no label of its language in tags.yml, the
    labels in the file's order: the same words from the build (topic_order.py) and the
    checks (translations.py)."""
    choices = ", ".join(topic.labels[lang] for topic in topics) or "(tags.yml is empty)"
    return (f"tag '{label}' is not {LANGUAGE_NAMES.get(lang, 'a')} label in {FILE}",
            f"use one of: {choices}")


def positions(topics: list[Topic]) -> dict[str, int]:
    """{label: place in the file}, labels of every language: the order topics are shown in."""
    return {label: index for index, topic in enumerate(topics)
            for label in topic.labels.values()}
