"""Checks a pull request must pass, runnable locally with `python -m checks` (`make check`).

Every check returns `Problem`s, printed as `file:line: what is wrong — what to do`, so a
contributor can jump to the place and knows the fix. Modules: `pages` reads the Markdown
pages, `translations` compares the two languages, `typography` and `dates` hold
Japanese numbers and English dates to the site's rules, `bib` lints references.bib and
`bibformat` defines its canonical layout, `links` checks links (the strict build for
internal ones), `build` runs reproducible builds, `cli` is the command line.
"""

from __future__ import annotations

from briefs_citations.diagnostics import Diagnostic

#: The plugin's own diagnostic type: `Problem(path, line, what, todo)`, one `__str__`.
Problem = Diagnostic

#: The commands a hint may tell a contributor to run: `make` targets that work in a fresh
#: clone (they create .venv first), as named in CONTRIBUTING.md. One definition each.
FIX = "make fix"
REFRESH = "make refresh PAGE="
CHECK_FAST = "make check-fast"
CHECK = "make check"

