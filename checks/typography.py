"""Japanese typography in docs/*.ja.md and snippets/*.ja.md: numbers stay with their units.

The rule (a space between a digit and kana/kanji, or after 「。」, is a line-break
opportunity that separates 「2023 年 1」 from 「月 19 日」) is defined once, in
hooks/keep_units.py, which the build also applies to every Japanese page; this module
reports each space as `file:line`, and rewrites the files
(`python -m checks fix-typography`). Code blocks and code spans are left as written.

Rewriting a Japanese page changes its hash, which English pages record in
`translation_of`; a page that recorded the old text gets the new hash, since spacing is
not a change its translator has to check. Running the fixer twice changes nothing.
"""

from __future__ import annotations

from pathlib import Path

from briefs_citations.regions import code_regions
from checks import Problem
from checks.pages import (
    TRANSLATION_FIELD,
    discover,
    read_text,
    set_translation_of,
    sources,
    without_code,
)
from hooks import keep_units
from hooks.site_locale import translation_hash

FIX = "python -m checks fix-typography"


def fix(text: str) -> str:
    """`text` (Markdown) with the rule applied outside code (the citation scanner's code:
    fenced and indented blocks, code spans)."""
    out, last = [], 0
    for start, end in code_regions(text):
        out += [keep_units.fix_text(text[last:start]), text[start:end]]
        last = end
    out.append(keep_units.fix_text(text[last:]))
    return "".join(out)


def problems_in(text: str, rel: str) -> list[Problem]:
    """One problem per space of the rule in `text` (outside code), at its line."""
    found = []
    fixed_lines = fix(text).split("\n")
    prose_lines = without_code(text).split("\n")
    for number, (line, fixed, prose) in enumerate(zip(text.split("\n"), fixed_lines,
                                                      prose_lines, strict=True), start=1):
        if line == fixed:
            continue
        for _offset, what in keep_units.spaces(prose):
            found.append(Problem(rel, number, f"space in '{what}': a line may break there "
                                 "(numbers stay with their units; none after 「。」)",
                                 f"remove it (`{FIX}` does)"))
    return found


def check(root: Path) -> list[Problem]:
    problems = []
    for path in sources(root, "ja"):
        problems += problems_in(read_text(path), path.relative_to(root).as_posix())
    return problems


def fix_files(root: Path) -> list[str]:
    """Rewrite every Japanese source; keep current translations current. Changed files."""
    pages, _ = discover(root)
    english = {p.stem: p for p in pages if p.lang == "en"}
    changed = []
    for path in sources(root, "ja"):
        text = read_text(path)
        fixed = fix(text)
        if fixed == text:
            continue
        path.write_text(fixed, encoding="utf-8")
        rel = path.relative_to(root).as_posix()
        changed.append(rel)
        stem = path.relative_to(root / "docs").as_posix().replace(".ja.md", ".md") \
            if rel.startswith("docs/") else None
        page = english.get(stem) if stem else None
        if page and str(page.meta.get(TRANSLATION_FIELD, "")) == translation_hash(text):
            set_translation_of(root / page.rel, translation_hash(fixed))
            changed.append(page.rel)
    return changed
