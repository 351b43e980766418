"""Links: external ones must be well-formed http(s); internal ones must resolve.

Internal links and their anchors are checked by MkDocs itself in the strict build
(`validation:` in mkdocs.yml makes a missing anchor a warning); this module turns the
build's warnings into `file:line` problems by finding the link in the page source.
"""

from __future__ import annotations

import re
from pathlib import Path

from briefs_citations.styles.base import is_http_url
from checks import Problem
from checks.pages import DOCS, discover, links

_SCHEME = re.compile(r"^([A-Za-z][A-Za-z0-9+.\-]*):")
_DOC_WARNING = re.compile(r"Doc file '([^']+)' contains (?:a link|an absolute link) '([^']+)'")
_LOCATED = re.compile(r"^((?:docs/)?[^\s:]+\.(?:md|bib|yml)):(\d+): (.*)$")
_LEVEL = re.compile(r"^(WARNING|ERROR)\s+-\s+(?:\[[\w-]+\]\s+|[\w-]+:\s+)?(.*)$")
LINK_FIX = ("link pages by their path without language suffix, relative to the page "
            "(../glossary.md#compute), to a heading or {#anchor} that exists")


def check_external(root: Path) -> list[Problem]:
    """Every link in the pages that names a scheme (or `//host`) is a well-formed http(s) URL."""
    pages, _ = discover(root)
    problems = []
    for page in pages:
        for target, line in links(page):
            scheme = _SCHEME.match(target)
            if target.startswith("//") or (scheme and scheme.group(1).lower() not in
                                           ("http", "https")):
                problems.append(Problem(page.rel, line,
                                        f"link '{target[:60]}' is not an http(s) address",
                                        "link only to http:// or https:// addresses"))
            elif scheme and not is_http_url(target):
                problems.append(Problem(page.rel, line, f"link '{target[:60]}' is not a "
                                        "well-formed http(s) address",
                                        "write the full address: https://host.example/path, "
                                        "no spaces (encode them as %20)"))
    return problems


def problems_from_build(output: str, returncode: int, root: Path) -> list[Problem]:
    """The strict build's warnings and errors as `file:line` problems."""
    problems: list[Problem] = []
    for raw in output.splitlines():
        level = _LEVEL.match(raw.strip())
        if not level:
            continue
        message = level.group(2).strip()
        located = _LOCATED.match(message)
        doc = _DOC_WARNING.search(message)
        if located:
            problems.append(Problem(located.group(1), int(located.group(2)), located.group(3),
                                    "fix it at that line (the strict build fails on it)"))
        elif doc:
            rel = f"{DOCS}/{doc.group(1)}"
            problems.append(Problem(rel, _find_line(root / rel, doc.group(2)),
                                    _short(message), LINK_FIX))
        else:
            problems.append(Problem("mkdocs.yml", 1, f"build {level.group(1).lower()}: "
                                    f"{_short(message)}", "fix what the strict build reports"))
    if returncode and not problems:
        last = output.strip().splitlines()[-1:] or ["no output"]
        problems.append(Problem("mkdocs.yml", 1, f"the strict build failed: {last[0]}",
                                "run `make build` and fix what it reports"))
    return problems


def _short(message: str) -> str:
    return re.sub(r"^Doc file '[^']+' ", "", message).rstrip(".")


def _find_line(path: Path, target: str) -> int:
    """The first line of the page that contains `target` (in a link), or 1."""
    try:
        lines = path.read_text(encoding="utf-8").split("\n")
    except (OSError, UnicodeDecodeError):
        return 1
    for needle in (f"]({target}", f"({target}", target):
        for number, line in enumerate(lines, 1):
            if needle in line:
                return number
    return 1
