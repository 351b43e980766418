"""Find pandoc-style citations (`[@key]`, `[@key, p. 3]`, `[@a; @b]`) in Markdown text.

Pure and host-neutral: it knows nothing of MkDocs or of the bibliography. Pandoc's
syntax as far as a note style needs it: a prefix (`[see @key, p. 3]`), a locator that
may hold brackets (`[@key, see [x] p. 3]`), several sources (`[@a; @b]`), two
citations side by side (`[@a][@b]`), and `[-@key]` (suppressed author: in a note style,
as in pandoc's, the note is rendered in full). A locator follows a comma; text after a
key without one is reported (`[@my key]`). A citation may wrap onto the next line but
not across a blank line. Left alone: escaped brackets (`\\[@key]`), links
(`[@x](url)`, `[@x][ref]`), bracketed text without an `@key`, and whatever `regions`
says Markdown does not read (code, comments, autolinks; raw HTML and tag attributes
are reported there). Malformed citations (`[@]`, an unclosed `[@key`) are reported as
problems and stay in the text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from briefs_citations.regions import Regions

#: Citation key characters, as documented for this project: letters of any script,
#: digits and `: . - _ /` (`\w` covers letters, Japanese included, digits and `_`).
#: The bibliography loader refuses keys a citation could not name.
KEY = re.compile(r"[\w:./\-]+")
#: The `@` of a key: at the start of an item or after a space, `-@` for suppress-author.
_AT = re.compile(r"(?:^|(?<=\s))(-?)@")


@dataclass(frozen=True)
class CitationItem:
    """One source inside a citation: `@key`, an optional locator such as `p. 7`, and the
    writer's words before it (`see`)."""

    key: str
    locator: str = ""
    prefix: str = ""
    suppress_author: bool = False


@dataclass(frozen=True)
class Citation:
    """A whole bracketed citation and where it stands in the text (1-based line)."""

    start: int
    end: int
    line: int
    items: tuple[CitationItem, ...]


@dataclass(frozen=True)
class ScanProblem:
    """Something that looked like a citation but is not well formed; it stays as text."""

    line: int
    message: str


@dataclass(frozen=True)
class ScanResult:
    citations: tuple[Citation, ...]
    problems: tuple[ScanProblem, ...]


class _MalformedError(Exception):
    pass


def scan(text: str) -> ScanResult:
    """Return every citation in `text` in order, and the malformed ones as problems."""
    citations: list[Citation] = []
    problems: list[ScanProblem] = []
    if "[" not in text or "@" not in text:
        return ScanResult((), ())
    regions = Regions(text)
    pos, counted, line = 0, 0, 1
    while (start := text.find("[", pos)) >= 0:
        pos = start + 1
        first_close = text.find("]", pos)
        if "@" not in text[pos : first_close if first_close >= 0 else len(text)]:
            continue  # a link, a footnote, plain brackets: the common case, cheaply
        region = regions.at(start)
        if region is not None and not region.message:
            pos = region.end  # code, a comment, an autolink: not read by Markdown
            continue
        if _escaped(text, start):
            continue
        line += text.count("\n", counted, start)  # counted on, not from 0 (O(n²))
        counted = start
        try:
            parsed = _parse(text, start)
        except _MalformedError as err:
            problems.append(ScanProblem(line, str(err)))
            continue
        if parsed is None:
            continue
        items, end = parsed
        if text.startswith("(", end) or (text.startswith("[", end)
                                         and not _starts_citation(text, end + 1)):
            continue  # `[@x](url)` or `[@x][ref]`: a link, not a citation
        if region is not None:  # raw HTML, a tag: the reader would lose it
            problems.append(ScanProblem(line, region.message))
            pos = end
            continue
        citations.append(Citation(start, end, line, tuple(items)))
        pos = end
    return ScanResult(tuple(citations), tuple(problems))


def _starts_citation(text: str, pos: int) -> bool:
    """Whether the bracket before `pos` opens `[@…` or `[-@…`."""
    pos = _skip_space(text, pos)
    return text.startswith(("@", "-@"), pos)


def _parse(text: str, opening: int) -> tuple[list[CitationItem], int] | None:
    """The items of the citation whose `[` is at `opening`, and the offset past its `]`;
    None when the bracket holds no `@key`."""
    close = _find_closer(text, opening + 1)
    if close < 0:
        if _starts_citation(text, opening + 1):
            raise _MalformedError(f"unclosed citation '{_snippet(text, opening)}'")
        return None
    content = text[opening + 1 : close]
    if not _AT.search(content):
        return None
    items = [_item(part, text, opening) for part in _split_items(content)]
    return items, close + 1


def _item(part: str, text: str, opening: int) -> CitationItem:
    at = _AT.search(part)
    if at is None:
        raise _MalformedError(f"expected '@key' after ';' in '{_snippet(text, opening)}'")
    match = KEY.match(part, at.end())
    key = match.group() if match else ""
    if not key:
        raise _MalformedError(f"empty citation key in '{_snippet(text, opening)}'")
    rest = part[at.end() + len(key) :]
    locator = ""
    if rest.strip():
        if not rest.lstrip().startswith(","):
            if rest[0].isspace():
                raise _MalformedError(
                    f"citation key may not contain spaces: '{_snippet(text, opening)}'")
            raise _MalformedError(f"unexpected '{rest[0]}' after citation key '{key}'")
        locator = " ".join(rest.lstrip()[1:].split())
    prefix = " ".join(part[: at.start()].split())
    return CitationItem(key, locator, prefix, at.group(1) == "-")


def _split_items(content: str) -> list[str]:
    """`content` split at each `;` outside nested brackets."""
    if "[" not in content:
        return content.split(";")
    parts, depth, last = [], 0, 0
    for i, char in enumerate(content):
        if char == "[":
            depth += 1
        elif char == "]":
            depth -= 1
        elif char == ";" and depth == 0:
            parts.append(content[last:i])
            last = i + 1
    parts.append(content[last:])
    return parts


_BRACKET = re.compile(r"\\.|\[|\]|\n(?=\n|\Z)", re.DOTALL)


def _find_closer(text: str, pos: int) -> int:
    """Offset of the `]` that closes the bracket before `pos` (nested brackets and
    escaped ones skipped), not across a blank line; -1 if there is none."""
    depth = 0
    for match in _BRACKET.finditer(text, pos):
        char = match.group()
        if char == "[":
            depth += 1
        elif char == "]":
            if depth == 0:
                return match.start()
            depth -= 1
        elif char == "\n":
            return -1
    return -1


def _skip_space(text: str, pos: int) -> int:
    """Skip spaces, tabs and one line break that does not end the paragraph."""
    while pos < len(text):
        char = text[pos]
        if char in " \t" or (char == "\n" and text[pos + 1 : pos + 2] not in ("\n", "")):
            pos += 1
        else:
            break
    return pos


def _escaped(text: str, pos: int) -> bool:
    """True when the character at `pos` follows an odd number of backslashes."""
    count = 0
    while pos - count > 0 and text[pos - count - 1] == "\\":
        count += 1
    return count % 2 == 1


def _snippet(text: str, pos: int) -> str:
    """The citation as written, up to its `]` or the end of the line, for messages."""
    end = text.find("\n", pos)
    line = text[pos : end if end >= 0 else len(text)]
    closing = line.find("]")
    return (line[: closing + 1] if closing >= 0 else line)[:40]
