"""Translation parity and stale translations between `NAME.ja.md` and `NAME.en.md`.

Parity: both pages exist, cite the same keys, link the same figures, carry the same
tags (labels mapped to topics through tags.yml). Staleness: an English page records in
`translation_of` the hash of the Japanese text it translates; when the Japanese page
changes, the hash no longer matches until a translator checks the page and runs
`make refresh PAGE=docs/NAME.en.md`.
"""

from __future__ import annotations

from pathlib import Path

from checks import REFRESH, Problem
from checks.pages import (
    LANGS,
    ORIGINAL_FIELD,
    TRANSLATION_FIELD,
    Page,
    citations,
    discover,
    figure_links,
    original_of,
    read_text,
    set_translation_of,
)
from hooks import topics
from hooks.site_locale import translation_hash

#: Where a contributor who cannot check the English asks a translator to.
TRANSLATION_ISSUE = ".github/ISSUE_TEMPLATE/translation.md"


def pairs(pages: list[Page]) -> dict[str, dict[str, Page]]:
    """Pages grouped by their language-neutral path: {stem: {lang: page}}."""
    grouped: dict[str, dict[str, Page]] = {}
    for page in pages:
        grouped.setdefault(page.stem, {})[page.lang] = page
    return grouped


def check(root: Path, *, staleness: bool = True) -> list[Problem]:
    """Parity of every pair (and, unless `staleness` is off, the recorded translation hashes);
    tests/content runs the parity part on the real pages."""
    pages, problems = discover(root)
    vocabulary, tag_problems = _tag_vocabulary(root)
    problems += tag_problems
    for _stem, pair in sorted(pairs(pages).items()):
        missing = [lang for lang in LANGS if lang not in pair]
        if missing:
            present = next(iter(pair.values()))
            wanted = present.rel.replace(f".{present.lang}.md", f".{missing[0]}.md")
            problems.append(Problem(present.rel, 1, f"has no translation: {wanted} is missing",
                                    f"add {wanted} (every page exists in both languages)"))
            continue
        ja, en = pair["ja"], pair["en"]
        problems += _compare_citations(ja, en)
        problems += _compare_figures(ja, en)
        if vocabulary is not None:
            problems += _compare_tags(ja, en, vocabulary)
        if not staleness:
            continue
        by_rel = {page.rel: page for page in (ja, en)}
        for page in (ja, en):
            original = original_of(root, page, by_rel)
            if original is not None:
                problems += _staleness(root, original, page)
    return problems


def _compare_citations(ja: Page, en: Page) -> list[Problem]:
    problems = []
    cited = {"ja": citations(ja), "en": citations(en)}
    for page, other in ((ja, en), (en, ja)):
        for folded, (key, line) in sorted(cited[page.lang].items()):
            if folded not in cited[other.lang]:
                problems.append(Problem(
                    page.rel, line, f"cites '@{key}', which {other.rel} does not cite",
                    "cite the same sources in both languages"))
    return problems


def _compare_figures(ja: Page, en: Page) -> list[Problem]:
    problems = []
    linked = {"ja": figure_links(ja), "en": figure_links(en)}
    for page, other in ((ja, en), (en, ja)):
        for target, line in sorted(linked[page.lang].items()):
            if target not in linked[other.lang]:
                problems.append(Problem(
                    page.rel, line, f"links to {target}, which {other.rel} does not link to",
                    "link the same figures in both languages"))
    return problems


def _tag_vocabulary(root: Path) -> tuple[list[topics.Topic] | None, list[Problem]]:
    """The topics of tags.yml; None (and one problem) when it is unusable, so that its
    mistake is reported once, not again on every tagged page."""
    try:
        found, skipped = topics.parse((root / topics.FILE).read_text(encoding="utf-8"), LANGS)
    except (OSError, UnicodeDecodeError) as err:
        return None, [Problem(topics.FILE, 1, f"cannot be read ({err.__class__.__name__})",
                              topics.FIX)]
    except topics.TopicsError as err:
        return None, [Problem(topics.FILE, err.line, str(err), topics.FIX)]
    return found, [Problem(topics.FILE, err.line, str(err), topics.FIX) for err in skipped]


def _compare_tags(ja: Page, en: Page, vocabulary: list[topics.Topic]) -> list[Problem]:
    problems = []
    chosen: dict[str, set[str]] = {}
    for page in (ja, en):
        labels = page.meta.get("tags") or []
        labels = labels if isinstance(labels, list) else [labels]
        known = {topic.labels[page.lang]: topic.id for topic in vocabulary}
        chosen[page.lang] = set()
        for label in map(str, labels):
            if label in known:
                chosen[page.lang].add(known[label])
            else:
                problems.append(Problem(page.rel, page.line_of("tags"),
                                        *topics.unknown_label(label, page.lang, vocabulary)))
    for page, other in ((ja, en), (en, ja)):
        extra = sorted(chosen[page.lang] - chosen[other.lang])
        if extra:
            problems.append(Problem(page.rel, page.line_of("tags"),
                                    f"has topic(s) {', '.join(extra)} that {other.rel} lacks",
                                    "give both pages the same tags (see tags.yml)"))
    return problems


def _staleness(root: Path, original: Path, page: Page) -> list[Problem]:
    """`page` translates `original`: has it been checked against the current version?"""
    source = original.relative_to(root).as_posix()
    if not original.is_file():
        return [Problem(page.rel, page.line_of(ORIGINAL_FIELD), f"translates {source}, "
                        "which does not exist", "add the original, or fix the path")]
    current = translation_hash(read_text(original))
    recorded = page.meta.get(TRANSLATION_FIELD)
    if recorded is None:
        return [Problem(page.rel, 1, f"records no '{TRANSLATION_FIELD}' (which version of "
                        f"{source} it translates)",
                        f"check the translation against {source}, then run {REFRESH}{page.rel}")]
    if str(recorded) != current:
        return [Problem(page.rel, page.line_of(TRANSLATION_FIELD),
                        f"{source} has changed since this translation was checked "
                        f"({TRANSLATION_FIELD} {recorded}, now {current})",
                        f"read {page.rel} against it: if it still says the same, or once you "
                        f"have updated it, run {REFRESH}{page.rel}; if you cannot check the "
                        f"translation, leave it (the page shows an out-of-date notice) and "
                        f"open a translation issue ({TRANSLATION_ISSUE})", "note")]
    return []


def refresh(root: Path, targets: list[str]) -> tuple[list[str], list[Problem]]:
    """Record the current hash of each original in the translations `targets` (every
    translation when empty): English pages, and pages that name their `original`."""
    pages, _ = discover(root)
    by_rel = {page.rel: page for page in pages}
    translations = {page.rel: original for page in pages
                    if (original := original_of(root, page, by_rel)) is not None}
    problems: list[Problem] = []
    changed = []
    for target in targets or sorted(translations):
        rel = _relative(root, target)
        if rel not in translations:
            problems.append(Problem(target, 1, "is not a translation under docs/ (an English "
                                    "page, or a page that names its 'original')",
                                    "name a docs/NAME.en.md file"))
            continue
        original = translations[rel]
        if not original.is_file():
            problems.append(Problem(rel, 1, f"has no original "
                                    f"{original.relative_to(root).as_posix()}",
                                    "add the original page first"))
            continue
        if set_translation_of(root / rel, translation_hash(read_text(original))):
            changed.append(rel)
    return changed, problems


def _relative(root: Path, target: str) -> str:
    """`target` (relative to the working directory or to `root`) as a path from `root`."""
    for candidate in (Path(target).absolute(), root / target):
        if not candidate.is_file():
            continue
        try:
            return candidate.resolve().relative_to(root.resolve()).as_posix()
        except ValueError:
            continue
    return target
