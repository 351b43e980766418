"""When each source file was last changed: the date of the last commit touching it.

`source_date(path)` asks git about one file (two git processes); `SourceDates` gives the
same answers for a whole build from one `git log` pass per repository (plus one
`git rev-parse` per folder), as a build asks for ~150 dates. Where the one pass could
answer differently from the per-file question (a history with merge commits, whose
simplification is git's own; a file name git would read as a pattern), it asks per file.
No MkDocs import: hooks/reading.py keeps one `SourceDates` per build.
"""

from __future__ import annotations

import os
import re
import subprocess
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from pathlib import Path

_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")
#: Characters that make a git pathspec a pattern (or magic) rather than a plain name.
_PATTERN = re.compile(r"[*?\[\\]|^:")


def _run(args: list[str], cwd: Path) -> subprocess.CompletedProcess[str] | None:
    try:
        return subprocess.run(["git", *args], cwd=cwd, capture_output=True, text=True,
                              timeout=20)
    except (OSError, subprocess.SubprocessError):
        return None


def _git(args: list[str], cwd: Path) -> str:
    done = _run(args, cwd)
    return done.stdout.strip() if done is not None and done.returncode == 0 else ""


def _epoch_date() -> date | None:
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch.isdigit():
        return datetime.fromtimestamp(int(epoch), tz=UTC).date()
    return None


def source_date(path: Path) -> date | None:
    """Date of the last commit touching `path`, else SOURCE_DATE_EPOCH, else None.

    In a shallow clone the last commit git can see may be the clone's boundary, which stands
    for every older change: its date would be wrong, so there is no date (None)."""
    found = _git(["log", "-1", "--format=%cs %H", "--", path.name], path.parent).split()
    if len(found) == 2 and _DAY.fullmatch(found[0]):
        shallow = _git(["rev-parse", "--git-path", "shallow"], path.parent)
        boundary = (path.parent / shallow) if shallow else None
        if boundary and boundary.is_file() and found[1] in boundary.read_text().split():
            return None
        return date.fromisoformat(found[0])
    if _git(["rev-parse", "--is-shallow-repository"], path.parent) == "true":
        return None
    return _epoch_date()


@dataclass
class _Repository:
    """One work tree's history, read once: each path's last commit (day, hash)."""

    top: str
    shallow: bool
    boundary: frozenset[str]
    last: dict[str, tuple[str, str]] = field(default_factory=dict)


#: A folder whose files `source_date` is asked about one by one.
PER_FILE = _Repository("", False, frozenset())


class SourceDates:
    """`source_date` for many files: the same answers, git run once per repository."""

    def __init__(self) -> None:
        #: Each folder's repository; None: not in one (or no git).
        self._folders: dict[Path, _Repository | None] = {}
        self._histories: dict[str, _Repository | None] = {}

    def __call__(self, path: Path) -> date | None:
        repository = self._folder(path.parent)
        if repository is PER_FILE:
            return source_date(path)
        if repository is None:
            return _epoch_date()
        relative = os.path.relpath(os.path.realpath(path.parent), repository.top)
        name = Path(relative, path.name).as_posix().removeprefix("./")
        if _PATTERN.search(path.name) or name.startswith("../"):
            return source_date(path)
        found = repository.last.get(name)
        if found:
            return None if found[1] in repository.boundary else date.fromisoformat(found[0])
        return None if repository.shallow else _epoch_date()

    def _folder(self, folder: Path) -> _Repository | None:
        if folder not in self._folders:
            self._folders[folder] = self._read_folder(folder)
        return self._folders[folder]

    def _read_folder(self, folder: Path) -> _Repository | None:
        done = _run(["rev-parse", "--show-toplevel", "--is-shallow-repository",
                     "--git-path", "shallow"], folder)
        if done is None:  # no git: both of source_date's questions fail
            return None
        if done.returncode != 0:
            # outside a repository both questions fail too; anything else, ask per file
            return None if "not a git repository" in done.stderr else PER_FILE
        lines = done.stdout.splitlines()
        if len(lines) != 3:
            return PER_FILE
        top, shallow, boundary_path = lines
        if top not in self._histories:
            boundary = folder / boundary_path
            self._histories[top] = _history(Path(top), shallow == "true", frozenset(
                boundary.read_text().split() if boundary.is_file() else ()))
        return self._histories[top] or PER_FILE


def _history(top: Path, shallow: bool, boundary: frozenset[str]) -> _Repository | None:
    """Each path's last commit, from one `git log` of the whole history; None where that
    cannot stand for the per-file question (git failed, or a merge commit is in the way)."""
    done = _run(["log", "-z", "--root", "--no-renames", "--name-only",
                 "--format=%x01%cs %H %P"], top)
    if done is None or done.returncode != 0:
        return None
    repository = _Repository(os.path.realpath(top), shallow, boundary)
    for record in done.stdout.split("\x01")[1:]:
        header, _, names = record.partition("\0")
        day, commit, *parents = header.split(" ")
        if len(parents) > 1 or not _DAY.fullmatch(day):
            return None
        for name in names.removeprefix("\n").split("\0"):
            if name:
                repository.last.setdefault(name, (day, commit))
    return repository
