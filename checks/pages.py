"""The Markdown pages under docs/: front matter, citations, links, `translation_of`.

Pages follow mkdocs-static-i18n's suffix layout (`NAME.ja.md`, `NAME.en.md`). Everything
here works on the source text only, so the fast checks need no build.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from briefs_citations.regions import code_regions
from briefs_citations.scan import scan
from checks import Problem
from hooks import front_matter_rules
from hooks.site_locale import LANGUAGES as LANGS

DOCS = "docs"
#: Markdown included into pages (pymdownx.snippets): the abbreviations, one file per language.
SNIPPETS = "snippets"
TRANSLATION_FIELD = "translation_of"
#: What a front-matter problem (hooks/front_matter_rules.py, the build's words) asks for.
FRONT_MATTER_FIX = ("fix it at that line (CONTRIBUTING.md, 'Add or edit a brief', lists the "
                    "keys and what each holds)")
#: On a page that translates a file other than its Japanese sibling: that file, from the
#: project root (docs/contributing.ja.md translates CONTRIBUTING.md, the English original).
ORIGINAL_FIELD = "original"
_SUFFIXED = re.compile(r"^(?P<stem>.+)\.(?P<lang>[A-Za-z]{2})\.md$")
#: Link targets: inline links and images, reference definitions, autolinks, raw HTML.
_LINK_PATTERNS = (
    re.compile(r"!?\[(?:[^\[\]\n]|\[[^\]\n]*\])*\]\(\s*<?((?:[^()\s<>]|\([^()\s]*\))*)>?"
               r"(?:\s+[\"'(][^)]*)?\)"),
    re.compile(r"^ {0,3}\[(?!\^)[^\]\n]+\]:\s*<?(\S+?)>?(?:\s|$)", re.MULTILINE),
    re.compile(r"<([A-Za-z][A-Za-z0-9+.-]*:[^>\s]*)>"),
    re.compile(r"\b(?:href|src)\s*=\s*[\"']([^\"']*)[\"']", re.IGNORECASE),
)
_IMAGE = re.compile(r"\.(png|jpe?g|gif|svg|webp|avif)$", re.IGNORECASE)


@dataclass
class Page:
    """One page file under docs/, read and split into front matter and body."""

    rel: str  # path from the project root, as shown in messages: docs/briefs/x.en.md
    uri: str  # path under docs/: briefs/x.en.md
    stem: str  # the language-neutral path under docs/: briefs/x.md
    lang: str
    text: str
    meta: dict = field(default_factory=dict)
    meta_lines: dict[str, int] = field(default_factory=dict)

    def line_of(self, key: str) -> int:
        """Line of a front-matter key, or 1 when the key is absent."""
        return self.meta_lines.get(key, 1)


def original_of(root: Path, page: Page, pages: dict[str, Page]) -> Path | None:
    """The file `page` translates, or None when it is an original.

    An English page translates its Japanese sibling, unless that sibling names an
    `original` of its own (then the Japanese page is the translation, of that file)."""
    named = page.meta.get(ORIGINAL_FIELD)
    if named:
        return root / str(named)
    if page.lang != "en":
        return None
    sibling = pages.get(page.rel.removesuffix(".en.md") + ".ja.md")
    if sibling is None or sibling.meta.get(ORIGINAL_FIELD):
        return None
    return root / sibling.rel


def sources(root: Path, lang: str) -> list[Path]:
    """The Markdown a reader of `lang` sees: docs/**/*.LANG.md, then snippets/*.LANG.md."""
    pages = sorted((root / DOCS).rglob(f"*.{lang}.md"))
    return pages + sorted((root / SNIPPETS).glob(f"*.{lang}.md"))


def read_text(path: Path) -> str:
    """A page's text as the hash sees it: UTF-8, universal newlines, no BOM."""
    return path.read_text(encoding="utf-8").removeprefix("\ufeff")


def discover(root: Path) -> tuple[list[Page], list[Problem]]:
    """Every Markdown page under docs/, in path order, and the files that cannot be read."""
    pages: list[Page] = []
    problems: list[Problem] = []
    for path in sorted((root / DOCS).rglob("*.md")):
        rel = path.relative_to(root).as_posix()
        uri = path.relative_to(root / DOCS).as_posix()
        match = _SUFFIXED.match(uri)
        if not match or match["lang"] not in LANGS:
            problems.append(Problem(rel, 1, "page has no language suffix (.ja.md or .en.md)",
                                    "rename it to NAME.ja.md and add NAME.en.md"))
            continue
        try:
            text = read_text(path)
        except UnicodeDecodeError:
            problems.append(Problem(rel, 1, "page is not valid UTF-8", "save it as UTF-8"))
            continue
        page = Page(rel, uri, match["stem"] + ".md", match["lang"], text)
        found = front_matter_rules.read(text)
        page.meta, page.meta_lines = found.meta, found.lines
        problems += [Problem(rel, line, message, FRONT_MATTER_FIX)
                     for line, message in found.problems]
        pages.append(page)
    return pages, problems


def citations(page: Page) -> dict[str, tuple[str, int]]:
    """Cited keys, case-folded, each with its spelling and the line of its first citation."""
    found: dict[str, tuple[str, int]] = {}
    for citation in scan(page.text).citations:
        for item in citation.items:
            found.setdefault(item.key.casefold(), (item.key, citation.line))
    return found


def without_code(text: str) -> str:
    """`text` with code blocks and code spans blanked out (the citation scanner's notion of
    code, `code_regions`), line numbers and columns kept."""
    out, last = [], 0
    for start, end in code_regions(text):
        out += [text[last:start], re.sub(r"[^\n]", " ", text[start:end])]
        last = end
    out.append(text[last:])
    return "".join(out)


def links(page: Page) -> list[tuple[str, int]]:
    """Every link target written in the page body (not in code), with its line."""
    text = without_code(page.text)
    end = front_matter_rules.closing_line(text)
    if end is not None:  # keep line numbers, drop the front matter
        text = "\n" * (end + 1) + "\n".join(text.split("\n")[end + 1 :])
    found = []
    for pattern in _LINK_PATTERNS:
        for match in pattern.finditer(text):
            found.append((match.group(1), text.count("\n", 0, match.start(1)) + 1))
    return sorted(found, key=lambda item: item[1])


def figure_links(page: Page) -> dict[str, int]:
    """Figure pages and images the page links to (body and `related`), with a line each."""
    base = PurePosixPath(page.uri).parent
    targets = [(base / t.split("#", 1)[0], line) for t, line in links(page)
               if t.split("#", 1)[0] and ":" not in t and not t.startswith("/")]
    related = page.meta.get("related") or []
    if isinstance(related, list):  # paths under docs/, not relative to the page
        targets += [(PurePosixPath(str(item).split("#", 1)[0]), page.line_of("related"))
                    for item in related]
    found: dict[str, int] = {}
    for path, line in targets:
        resolved = _SUFFIXED.sub(lambda m: m["stem"] + ".md", _normalise(path))
        if resolved.startswith("figures/") or _IMAGE.search(resolved):
            found.setdefault(resolved, line)
    return found


def _normalise(path: PurePosixPath) -> str:
    parts: list[str] = []
    for part in path.parts:
        if part == "..":
            if parts:
                parts.pop()
        elif part != ".":
            parts.append(part)
    return "/".join(parts)


def set_translation_of(path: Path, value: str) -> bool:
    """Record `value` as the page's `translation_of`, editing only that line; True if changed."""
    text = path.read_bytes().decode("utf-8")  # keep the file's own line endings
    newline = "\r\n" if "\r\n" in text else "\n"
    lines = text.split(newline)
    entry = f'{TRANSLATION_FIELD}: "{value}"'
    end = front_matter_rules.closing_line(text.replace("\r\n", "\n"))
    if end is None:
        lines[0:0] = ["---", entry, "---", ""]
    else:
        for index in range(1, end):
            if lines[index].startswith(f"{TRANSLATION_FIELD}:"):
                if lines[index] == entry:
                    return False
                lines[index] = entry
                break
        else:
            lines.insert(end, entry)
    path.write_text(newline.join(lines), encoding="utf-8", newline="")
    return True
