"""Trailing whitespace in the Markdown a contributor edits, named as such.

It is invisible in an editor and in a diff, and the site never needs it: no page uses a
Markdown hard line break (two spaces at a line's end), so every trailing space or tab is
a mistake. (references.bib has its own rule in `bibformat`: its canonical layout.)
"""

from __future__ import annotations

from pathlib import Path

from checks import Problem
from checks.pages import DOCS

#: Markdown files outside docs/ that the site includes (docs/contributing.en.md).
INCLUDED = ("CONTRIBUTING.md",)


def check(root: Path) -> list[Problem]:
    paths = sorted((root / DOCS).rglob("*.md")) + [root / name for name in INCLUDED]
    problems = []
    for path in paths:
        if not path.is_file():
            continue
        rel = path.relative_to(root).as_posix()
        text = path.read_text(encoding="utf-8", errors="replace")
        for number, line in enumerate(text.splitlines(), 1):
            if line != line.rstrip(" \t\u3000"):
                problems.append(Problem(rel, number, "line ends in spaces or tabs (trailing "
                                        "whitespace; the site uses no hard line breaks)",
                                        "delete them (most editors can trim them on save)"))
    return problems
