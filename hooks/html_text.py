"""The text of an HTML page, part by part, for the hooks that rewrite it after the build
(keep_units.py, language_parts.py): tags, attributes and scripts are never touched, code only
by a hook that asks for it.

Plain Python, no MkDocs import.
"""

from __future__ import annotations

import re
from collections.abc import Callable

_TAG = re.compile(r"(<[^>]*>)")
_CODE = ("pre", "code", "kbd", "samp")  # shown as written
_RAW = ("script", "style", "textarea")  # not text for a reader
_PLAIN = ("title", "svg", "option")  # text that may not hold markup
_NAMES = "|".join(_CODE + _RAW + _PLAIN)
_OPEN = re.compile(rf"<({_NAMES})\b", re.IGNORECASE)
_CLOSE = re.compile(rf"</({_NAMES})\s*>", re.IGNORECASE)


def map_text(html: str, markup: Callable[[str], str],
             plain: Callable[[str], str] = lambda text: text,
             code: Callable[[str], str] | None = None) -> str:
    """`html` with each run of text between tags replaced by `markup(text)` (which may add
    elements), inside <title>, <svg> and <option> by `plain(text)` (which may not), inside
    <pre>, <code>, <kbd> and <samp> by `code(text)` (which may add elements that change no
    character: a language mark) or left as it is; the text of <script>, <style> and
    <textarea> stays as it is."""
    parts = _TAG.split(html)
    depth = dict.fromkeys(("code", "raw", "plain"), 0)
    for index, part in enumerate(parts):
        if index % 2:  # a tag
            opened, closed = _OPEN.match(part), _CLOSE.match(part)
            if opened or closed:
                name = (opened or closed).group(1).lower()
                kind = "code" if name in _CODE else "raw" if name in _RAW else "plain"
                step = -1 if closed else 0 if part.endswith("/>") else 1
                depth[kind] = max(0, depth[kind] + step)
        elif part and not depth["raw"]:
            if depth["code"]:
                parts[index] = code(part) if code else part
            elif depth["plain"]:
                parts[index] = plain(part)
            else:
                parts[index] = markup(part)
    return "".join(parts)
