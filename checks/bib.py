"""Lint references.bib beyond what the build needs: a contributor's checklist, automated.

Loading reuses `briefs_citations.bibliography` (so duplicate keys, including keys that differ
only in case, are found exactly as the build finds them) and the fields each type needs
come from `briefs_citations.styles.base.REQUIRED_FIELDS`, so the lint and the site agree.
"""

from __future__ import annotations

from pathlib import Path

from briefs_citations import bibliography
from briefs_citations.scan import scan
from briefs_citations.styles.base import REQUIRED_FIELDS, is_cjk
from checks import Problem, bibformat
from checks.links import is_http_url
from checks.pages import discover

BIB = "references.bib"
#: A name field in the source's language, and the English field a reader of /en/ needs.
_NAME_FIELDS = ("organization", "institution")


def check(root: Path) -> list[Problem]:
    path = root / BIB
    try:
        bib = bibliography.load(path, BIB)  # the build's own loader and its messages
        text = path.read_text(encoding="utf-8").removeprefix("\ufeff")
    except bibliography.BibError as err:
        return [Problem(err.path, err.line or 1, err.message, _fix_for(err.message))]
    problems: list[Problem] = list(bib.diagnostics)  # dates, '%', LaTeX, crossref: as the build
    for entry in bib.entries:
        problems += _entry_problems(entry)
    problems += _citations(root, bib)
    problems += bibformat.problems(text, BIB)
    return problems


def _fix_for(message: str) -> str:
    if message.startswith("duplicate key"):
        return "give each source one entry with a unique key (keys ignore case)"
    return "fix the file at that line (see CONTRIBUTING.md, 'Adding a source')"


def _has(entry: bibliography.Entry, name: str) -> bool:
    return bool(entry.field(name).strip() or entry.data.persons.get(name))


def _entry_problems(entry: bibliography.Entry) -> list[Problem]:
    problems = []
    key = entry.key

    def add(line: int, what: str, todo: str) -> None:
        problems.append(Problem(BIB, line, f"entry '{key}' {what}", todo))

    needed = REQUIRED_FIELDS.get(entry.type)
    if needed is None:
        add(entry.line, f"has type '@{entry.type}', which the site does not format",
            f"use one of: {', '.join('@' + t for t in REQUIRED_FIELDS)}")
        needed = ("title",)
    for alternatives in needed:
        names = alternatives.split("|")
        if not any(_has(entry, name) for name in names):
            add(entry.line, f"lacks field '{' or '.join(names)}'",
                f"add it (@{entry.type} needs {', '.join(needed)})")
    langid = entry.field("langid").strip().lower()
    if not langid:
        add(entry.line, "has no 'langid'", "add langid = {japanese} or {english}")
    elif langid != "english" and entry.field("title") and not entry.field("title_en"):
        add(entry.line_of("title"), "has no 'title_en' for a source not in English",
            "add the official English title, or a faithful translation, as title_en")
    for name in _NAME_FIELDS:
        if is_cjk(entry.field(name)) and not entry.field(f"{name}_en"):
            add(entry.line_of(name), f"has a Japanese '{name}' but no '{name}_en'",
                f"add {name}_en with the official English name")
    for name in ("url", "url_en"):
        url = entry.field(name).strip()
        if url and not is_http_url(url):
            add(entry.line_of(name), f"has {name} '{url[:60]}', not an http(s) address",
                "use the source's http:// or https:// address, or remove the field")
    return problems


def _citations(root: Path, bib: bibliography.Bibliography) -> list[Problem]:
    """Unknown keys at the page's line (with the build's 'did you mean'), then entries no
    page cites. One message per mistake: an entry that an unknown key was probably meant
    for is not also reported as uncited."""
    pages, _ = discover(root)
    cited: set[str] = set()
    meant: set[str] = set()
    problems: list[Problem] = []
    for page in pages:
        for citation in scan(page.text).citations:
            for item in citation.items:
                if bib.get(item.key) is not None:
                    cited.add(item.key.casefold())
                    continue
                suggestion = bib.suggest(item.key)
                hint = f" (did you mean '{suggestion}'?)" if suggestion else ""
                if suggestion:
                    meant.add(suggestion.casefold())
                problems.append(Problem(
                    page.rel, citation.line, f"unknown citation key '{item.key}'{hint}",
                    f"cite a key of {BIB} (keys ignore case), or add the source there"))
    problems += [Problem(BIB, entry.line, f"entry '{entry.key}' is cited on no page under docs/",
                         f"cite it as [@{entry.key}] where the report relies on it, or remove it")
                 for entry in bib.entries
                 if entry.key.casefold() not in cited | meant]
    return problems


def format_file(root: Path) -> tuple[bool, list[Problem]]:
    """Rewrite references.bib into the canonical layout; (changed, problems)."""
    path = root / BIB
    try:
        text = path.read_text(encoding="utf-8")
        result = bibformat.canonical(text.removeprefix("\ufeff"), BIB)
    except bibliography.BibError as err:
        return False, [Problem(err.path, err.line or 1, err.message, _fix_for(err.message))]
    except bibformat.FormatError as err:
        return False, [Problem(BIB, err.line, err.message, "fix the entry by hand")]
    if result == text:
        return False, []
    path.write_text(result, encoding="utf-8", newline="\n")
    return True, []
