"""YAML data files read with the line of every key, so a problem names `file:line`.

`load` returns plain dicts, lists and scalars, except that every mapping is a `Mapping` (a
dict that knows its own line and each key's line) and every sequence a `Sequence` (a list
that knows its line and each item's). Plain Python, no MkDocs import: the hooks and the
checks share it.
"""

from __future__ import annotations

from typing import Any

import yaml


class Mapping(dict):
    """A YAML mapping: `line` is where it starts, `lines[key]` where each key is (1-based)."""

    line: int = 1
    lines: dict[Any, int]

    def line_of(self, key: Any) -> int:
        return getattr(self, "lines", {}).get(key, self.line)


class Sequence(list):
    """A YAML sequence: `line` is where it starts, `lines[i]` where item i is (1-based)."""

    line: int = 1
    lines: list[int]

    def line_of(self, index: int) -> int:
        lines = getattr(self, "lines", [])
        return lines[index] if 0 <= index < len(lines) else self.line


class YamlError(ValueError):
    """The file is not valid YAML; `line` is where the parser stopped (1-based)."""

    def __init__(self, line: int, message: str) -> None:
        super().__init__(message)
        self.line = line


class _Loader(yaml.SafeLoader):
    pass


def _mapping(loader: _Loader, node: yaml.MappingNode) -> Mapping:
    result = Mapping()
    result.line = node.start_mark.line + 1
    result.lines = {}
    loader.flatten_mapping(node)
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node, deep=True)
        try:
            hash(key)
        except TypeError:
            key = str(key)
        result[key] = loader.construct_object(value_node, deep=True)
        result.lines[key] = key_node.start_mark.line + 1
    return result


def _sequence(loader: _Loader, node: yaml.SequenceNode) -> Sequence:
    result = Sequence(loader.construct_object(child, deep=True) for child in node.value)
    result.line = node.start_mark.line + 1
    result.lines = [child.start_mark.line + 1 for child in node.value]
    return result


_Loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _mapping)
_Loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_SEQUENCE_TAG, _sequence)


def load(text: str, first_line: int = 1) -> Any:
    """Parse `text`; line numbers count from `first_line` (front matter starts at line 2)."""
    try:
        data = yaml.load(text, Loader=_Loader)
    except yaml.YAMLError as err:
        mark = getattr(err, "problem_mark", None) or getattr(err, "context_mark", None)
        line = (mark.line if mark else 0) + first_line
        problem = getattr(err, "problem", None) or err.__class__.__name__
        raise YamlError(line, f"not valid YAML: {problem}") from None
    if first_line != 1:
        _shift(data, first_line - 1)
    return data


def _shift(data: Any, by: int) -> None:
    if isinstance(data, Mapping):
        data.line += by
        data.lines = {key: line + by for key, line in data.lines.items()}
        for value in data.values():
            _shift(value, by)
    elif isinstance(data, Sequence):
        data.line += by
        data.lines = [line + by for line in data.lines]
        for value in data:
            _shift(value, by)
