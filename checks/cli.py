"""Command line: `python -m checks [--fast] [--root DIR] [CHECK …]` and two fixers.

    python -m checks                      all checks (two builds: strict + reproducible)
    python -m checks --fast               no builds: what pre-commit runs
    python -m checks translations bib     only the named checks
    python -m checks refresh-translation docs/NAME.en.md … | --all   record the Japanese version
    python -m checks format-bib [--check] rewrite references.bib into its canonical layout
    python -m checks fix-typography       Japanese pages: numbers kept with their units

Exit status 0 when nothing is wrong, 1 when a check reports problems, 2 on bad usage.
"""

from __future__ import annotations

import argparse
import re
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

from checks import (
    CHECK_FAST,
    FIX,
    Problem,
    bib,
    bibformat,
    build,
    dates,
    links,
    translations,
    typography,
    whitespace,
)

ROOT = Path(__file__).resolve().parent.parent


def _ruff(root: Path) -> list[Problem]:
    """Ruff with the project's configuration, one problem per finding."""
    done = subprocess.run([sys.executable, "-m", "ruff", "check", "--output-format=concise",
                           "--no-cache", "."], cwd=root, capture_output=True, text=True,
                          check=False)
    problems = []
    for line in done.stdout.splitlines():
        parts = line.split(":", 3)
        if len(parts) == 4 and parts[1].isdigit():
            problems.append(Problem(parts[0], int(parts[1]), parts[3].strip(),
                                    f"fix it (`{FIX}` fixes some)"))
    if done.returncode and not problems:
        problems.append(Problem("pyproject.toml", 1, f"ruff failed: {done.stderr.strip()[:200]}",
                                f"run `{CHECK_FAST}` and fix what it reports"))
    return problems


#: name → (function, needs a build)
CHECKS: dict[str, tuple[Callable[[Path], list[Problem]], bool]] = {
    "translations": (translations.check, False),
    "typography": (typography.check, False),
    "dates": (dates.check, False),
    "bib": (bib.check, False),
    "links": (links.check_external, False),
    "whitespace": (whitespace.check, False),
    "ruff": (_ruff, False),
    "build": (build.check, True),
}


def run(root: Path, names: list[str]) -> list[Problem]:
    problems: list[Problem] = []
    for name in names:
        found = CHECKS[name][0](root)
        if name == "build":
            found = _not_said_again(found, problems)
        problems += found
    return sorted(set(problems))


_ENTRY = re.compile(r"entry '([^']+)'")


def _not_said_again(build_problems: list[Problem], earlier: list[Problem]) -> list[Problem]:
    """One message per mistake: the build's warnings that an earlier check has already
    reported are dropped: a references.bib entry the bibliography lint flagged (at the line
    of the field at fault), or the same words at the same place (tags.yml and a page's tags,
    read by both)."""
    flagged = {match[1].casefold() for problem in earlier if problem.path == bib.BIB
               for match in [_ENTRY.search(problem.message)] if match}
    said: dict[tuple[str, int], set[str]] = {}
    for problem in earlier:
        said.setdefault((problem.path, problem.line), set()).add(problem.message)

    def again(problem: Problem) -> bool:  # the build prints "message — fix" as one message
        return any(problem.message == message or problem.message.startswith(message + " — ")
                   for message in said.get((problem.path, problem.line), ()))

    return [problem for problem in build_problems
            if not (problem.path == bib.BIB and (match := _ENTRY.search(problem.message))
                    and match[1].casefold() in flagged)
            and not again(problem)]


def _report(problems: list[Problem], ok: str) -> int:
    """Print every finding; fail on any but notes (said, and let the checks pass)."""
    for problem in problems:
        print(problem)
    errors = sum(problem.severity != "note" for problem in problems)
    notes = len(problems) - errors
    said = ", ".join(part for part in (_count(errors, "problem"), _count(notes, "note"))
                     if part)
    if errors:
        print(f"{said}; see CONTRIBUTING.md, 'What the checks say'", file=sys.stderr)
        return 1
    print(f"{ok} ({said})" if notes else ok, file=sys.stderr)
    return 0


def _count(number: int, word: str) -> str:
    """'1 problem', '2 warnings', or '' for none."""
    return f"{number} {word}{'' if number == 1 else 's'}" if number else ""


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    parser = argparse.ArgumentParser(prog="python -m checks", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--root", type=Path, default=ROOT, help="project folder")
    command = next((a for a in argv if a in ("refresh-translation", "format-bib",
                                            "fix-typography")), "")
    if command:
        argv.remove(command)
    if command == "refresh-translation":
        parser.add_argument("pages", nargs="*", help="English pages (docs/NAME.en.md)")
        parser.add_argument("--all", action="store_true",
                            help="every English page: only after checking them all")
        args = parser.parse_args(argv)
        if bool(args.pages) == args.all:
            parser.error("name the English page(s) you checked, e.g. "
                         "docs/briefs/section-2-1.en.md, or --all for every English page")
        changed, problems = translations.refresh(args.root, args.pages)
        for rel in changed:
            print(f"{rel}: recorded the current version of its original", file=sys.stderr)
        return _report(problems, f"{len(changed)} page(s) updated")
    if command == "fix-typography":
        args = parser.parse_args(argv)
        changed = typography.fix_files(args.root)
        for rel in changed:
            print(f"{rel}: rewritten", file=sys.stderr)
        return _report(typography.check(args.root), f"{len(changed)} file(s) rewritten")
    if command == "format-bib":
        parser.add_argument("--check", action="store_true", help="only report, do not write")
        args = parser.parse_args(argv)
        if args.check:
            text = (args.root / bib.BIB).read_text(encoding="utf-8")
            return _report(bibformat.problems(text, bib.BIB), "references.bib is canonical")
        changed, problems = bib.format_file(args.root)
        return _report(problems, f"{bib.BIB} {'rewritten' if changed else 'already canonical'}")
    parser.add_argument("--fast", action="store_true", help="skip the builds")
    parser.add_argument("checks", nargs="*", metavar="CHECK",
                        help=f"any of {', '.join(CHECKS)} (default: all)")
    args = parser.parse_args(argv)
    unknown = [name for name in args.checks if name not in CHECKS]
    if unknown:
        parser.error(f"unknown check {unknown[0]!r}: choose from {', '.join(CHECKS)}")
    names = args.checks or [n for n, (_, slow) in CHECKS.items() if not (slow and args.fast)]
    return _report(run(args.root.resolve(), names), f"all checks passed: {', '.join(names)}")
