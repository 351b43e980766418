"""The text of an HTML page, part by part, for the hooks that rewrite it after the build
(keep_units.py, language_parts.py): tags, attributes, code and scripts are never touched.

Plain Python, no MkDocs import.
"""

from __future__ import annotations

import re
from collections.abc import Callable

_TAG = re.compile(r"(<[^>]*>)")
_RAW = ("pre", "code", "script", "style", "textarea", "kbd", "samp")
_PLAIN = ("title", "svg", "option")  # text that may not hold markup
_OPEN = re.compile(rf"<({'|'.join(_RAW + _PLAIN)})\b", re.IGNORECASE)
_CLOSE = re.compile(rf"</({'|'.join(_RAW + _PLAIN)})\s*>", re.IGNORECASE)


def map_text(html: str, markup: Callable[[str], str],
             plain: Callable[[str], str] = lambda text: text) -> str:
    """`html` with each run of text between tags replaced by `markup(text)` (which may add
    elements), inside <title>, <svg> and <option> by `plain(text)` (which may not); the text
    of <pre>, <code>, <script>, <style>, <textarea>, <kbd> and <samp> stays as it is."""
    parts = _TAG.split(html)
    raw = inside_plain = 0
    for index, part in enumerate(parts):
        if index % 2:  # a tag
            opened, closed = _OPEN.match(part), _CLOSE.match(part)
            name = (opened or closed).group(1).lower() if opened or closed else ""
            step = 1 if opened and not part.endswith("/>") else -1 if closed else 0
            if name in _RAW:
                raw = max(0, raw + step)
            elif name:
                inside_plain = max(0, inside_plain + step)
        elif raw == 0 and part:
            parts[index] = plain(part) if inside_plain else markup(part)
    return "".join(parts)
