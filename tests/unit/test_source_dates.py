"""A source's date: the per-file question to git (`source_date`) and the build's one-pass
cache (`SourceDates`) give the same answers, written here by hand from the commits made
below: committed, changed again, uncommitted edits, untracked, shallow, merged, outside git."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from datetime import date
from pathlib import Path
from types import SimpleNamespace

import pytest

from tests.conftest import ROOT

sys.path.insert(0, str(ROOT / "hooks"))

import source_dates

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="needs git")

EPOCH = "1718323200"  # 2024-06-14
EPOCH_DAY = date(2024, 6, 14)


def _git(cwd: Path, *args: str, day: str = "2024-01-01T12:00:00+00:00") -> None:
    env = {**os.environ, "GIT_AUTHOR_DATE": day, "GIT_COMMITTER_DATE": day,
           "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.org",
           "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@example.org",
           "GIT_CONFIG_GLOBAL": os.devnull, "GIT_CONFIG_NOSYSTEM": "1"}
    subprocess.run(["git", *args], cwd=cwd, check=True, capture_output=True, env=env)


def _write(root: Path, name: str, text: str) -> None:
    (root / name).parent.mkdir(parents=True, exist_ok=True)
    (root / name).write_text(text, encoding="utf-8")


def _new_repo(root: Path, names: tuple[str, ...], message: str) -> Path:
    """A repository at `root` whose first commit (2024-01-01) holds `names`."""
    root.mkdir()
    _git(root, "init", "-q", "-b", "main")
    for name in names:
        _write(root, name, "1\n")
    _git(root, "add", ".")
    _git(root, "commit", "-qm", message, day="2024-01-01T12:00:00+00:00")
    return root


@pytest.fixture(scope="module")
def places(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """Repositories (and a folder outside any) with known histories."""
    base = tmp_path_factory.mktemp("dates")
    origin = _new_repo(base / "origin", ("docs/old.md", "docs/sub/deep.md", "docs/dirty.md"),
                       "c1")
    _write(origin, "docs/new.md", "1\n")
    _write(origin, "docs/a[1].md", "1\n")  # a name git would read as a pattern
    _git(origin, "add", ".")
    _git(origin, "commit", "-qm", "c2", day="2024-05-01T12:00:00+00:00")
    _write(origin, "docs/new.md", "2\n")
    _git(origin, "commit", "-qam", "c3", day="2024-06-01T12:00:00+00:00")
    # dated before c3, and the committer's day is not UTC's (2024-04-01 04:30 UTC)
    _write(origin, "docs/日本語 ページ.md", "1\n")
    _write(origin, "docs/sub/deep.md", "2\n")
    _git(origin, "add", ".")
    _git(origin, "commit", "-qm", "c4", day="2024-03-31T23:30:00-05:00")
    full, shallow = base / "full", base / "shallow"
    _git(base, "clone", "-q", f"file://{origin}", str(full))
    _git(base, "clone", "-q", "--depth", "3", f"file://{origin}", str(shallow))  # c2..c4
    for clone in (full, shallow):
        _write(clone, "docs/dirty.md", "edited, not committed\n")
        _write(clone, "docs/untracked.md", "never added\n")
    (base / "link").symlink_to(full / "docs")
    outside = base / "outside"
    _write(outside, "page.md", "x\n")
    merged = _new_repo(base / "merged", ("x.md", "y.md", "z.md"), "base")
    _git(merged, "checkout", "-qb", "side")
    _write(merged, "x.md", "side\n")
    _git(merged, "commit", "-qam", "side", day="2024-02-01T12:00:00+00:00")
    _git(merged, "checkout", "-q", "main")
    _write(merged, "y.md", "main\n")
    _git(merged, "commit", "-qam", "main", day="2024-03-01T12:00:00+00:00")
    _git(merged, "merge", "-q", "--no-commit", "--no-ff", "side",
         day="2024-04-01T12:00:00+00:00")
    _write(merged, "z.md", "changed by the merge itself\n")  # in no parent: the merge's date
    _git(merged, "commit", "-qam", "merge", day="2024-04-01T12:00:00+00:00")
    return {"full": full, "shallow": shallow, "link": base / "link", "outside": outside,
            "merged": merged}


#: (place, file, date with SOURCE_DATE_EPOCH set, date without it)
CASES = [
    ("full", "docs/old.md", date(2024, 1, 1), date(2024, 1, 1)),
    ("full", "docs/sub/deep.md", date(2024, 3, 31), date(2024, 3, 31)),
    ("full", "docs/new.md", date(2024, 6, 1), date(2024, 6, 1)),
    ("full", "docs/日本語 ページ.md", date(2024, 3, 31), date(2024, 3, 31)),
    ("full", "docs/a[1].md", date(2024, 5, 1), date(2024, 5, 1)),
    ("full", "docs/dirty.md", date(2024, 1, 1), date(2024, 1, 1)),
    ("full", "docs/untracked.md", EPOCH_DAY, None),
    ("link", "old.md", date(2024, 1, 1), date(2024, 1, 1)),
    # the boundary (c2) stands for all older history: no date rather than a wrong one
    ("shallow", "docs/old.md", None, None),
    ("shallow", "docs/a[1].md", None, None),
    ("shallow", "docs/new.md", date(2024, 6, 1), date(2024, 6, 1)),
    ("shallow", "docs/sub/deep.md", date(2024, 3, 31), date(2024, 3, 31)),
    ("shallow", "docs/untracked.md", None, None),
    ("outside", "page.md", EPOCH_DAY, None),
    ("merged", "x.md", date(2024, 2, 1), date(2024, 2, 1)),
    ("merged", "y.md", date(2024, 3, 1), date(2024, 3, 1)),
    ("merged", "z.md", date(2024, 4, 1), date(2024, 4, 1)),
]
IDS = [f"{place}/{name}" for place, name, *_ in CASES]
LOOKUPS = {"per-file": lambda: source_dates.source_date, "one-pass": source_dates.SourceDates}


@pytest.mark.parametrize("lookup", LOOKUPS)
@pytest.mark.parametrize("epoch", [True, False], ids=["epoch", "no-epoch"])
@pytest.mark.parametrize(("place", "name", "with_epoch", "without"), CASES, ids=IDS)
def test_a_source_date(places, monkeypatch, lookup, epoch, place, name, with_epoch, without):
    if epoch:
        monkeypatch.setenv("SOURCE_DATE_EPOCH", EPOCH)
    else:
        monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    assert LOOKUPS[lookup]()(places[place] / name) == (with_epoch if epoch else without)


@pytest.mark.parametrize("order", [1, -1], ids=["forward", "backward"])
def test_one_cache_answers_every_file_as_git_does(places, monkeypatch, order):
    """One build's cache, asked about every file in turn (the folders and repositories it
    has read stay read): each answer as in the table and as the per-file question's."""
    monkeypatch.setenv("SOURCE_DATE_EPOCH", EPOCH)
    dates = source_dates.SourceDates()
    for place, name, expected, _ in CASES[::order]:
        path = places[place] / name
        assert dates(path) == expected == source_dates.source_date(path), (place, name)


def test_a_build_reads_git_once_per_repository(places, monkeypatch):
    calls: list[list[str]] = []
    run = source_dates._run

    def counted(args: list[str], cwd: Path):
        calls.append(args)
        return run(args, cwd)

    monkeypatch.setattr(source_dates, "_run", counted)
    dates = source_dates.SourceDates()
    for name in ("docs/old.md", "docs/new.md", "docs/sub/deep.md", "docs/dirty.md"):
        dates(places["full"] / name)
    assert [args[0] for args in calls] == ["rev-parse", "log", "rev-parse"]  # docs/, docs/sub/


def test_each_build_reads_git_anew():
    """`mkdocs serve` rebuilds after a commit: hooks/reading.py's cache is one build's."""
    import reading

    before = reading.source_date
    reading.on_config(SimpleNamespace(repo_url="https://example.org/r", edit_uri="e"))
    assert isinstance(reading.source_date, source_dates.SourceDates)
    assert reading.source_date is not before
