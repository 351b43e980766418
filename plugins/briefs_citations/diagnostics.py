"""One located problem type for the plugin, the site's hooks and `python -m checks`.

Printed like a compiler's message so an editor can jump to it:
`docs/briefs/x.ja.md:12: unknown citation key 'meti2023' (did you mean 'meti2023geniac'?)`,
followed by ` — what to do` where there is a fix to suggest.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

Severity = Literal["note", "warning", "error"]


@dataclass(frozen=True, order=True)
class Diagnostic:
    """A problem at `path:line`; line 0 means the file as a whole.

    `note`: said, and nothing fails (a stale translation, marked on its page);
    `warning`: the output is still correct or visibly marked, and `--strict` fails;
    `error`: the build cannot go on.
    """

    path: str
    line: int
    message: str
    hint: str = ""
    severity: Severity = "warning"

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else self.path
        label = "note: " if self.severity == "note" else ""
        return f"{where}: {label}{self.message}" + (f" — {self.hint}" if self.hint else "")


class DiagnosticError(Exception):
    """Raised where the build cannot go on; carries its `Diagnostic`."""

    def __init__(self, path: str, line: int | None, message: str, hint: str = "") -> None:
        super().__init__(message)
        self.diagnostic = Diagnostic(path, line or 0, message, hint, "error")

    @property
    def path(self) -> str:
        return self.diagnostic.path

    @property
    def line(self) -> int:
        return self.diagnostic.line

    @property
    def message(self) -> str:
        return self.diagnostic.message

    def __str__(self) -> str:
        return str(self.diagnostic)
