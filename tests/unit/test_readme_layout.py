"""README.md's layout table matches the folders (issue 14): every tracked top-level entry and
every tool is named in it, and every path it names exists."""

from __future__ import annotations

import re
import subprocess

import pytest

from tests.conftest import ROOT

SECTION = re.search(r"^## Layout\n(.*?)^## ", (ROOT / "README.md").read_text(encoding="utf-8"),
                    re.S | re.M).group(1)
NAMED = [path.rstrip("/") for row in re.findall(r"^\| (.*?) \|", SECTION, re.M)
         for path in re.findall(r"`([^`]+)`", row)]
NOT_LISTED = {"README.md", ".gitignore", "tools/__init__.py"}


def tracked() -> list[str]:
    done = subprocess.run(["git", "ls-files"], cwd=ROOT, capture_output=True, text=True)
    if done.returncode != 0:  # not a git checkout: what is on disk
        return [p.relative_to(ROOT).as_posix() for p in ROOT.rglob("*") if p.is_file()]
    return done.stdout.split()


ENTRIES = sorted(({path.split("/")[0] for path in tracked()}
                  | {"/".join(path.split("/")[:2]) for path in tracked()
                     if path.startswith("tools/")}) - NOT_LISTED)


def named(entry: str) -> bool:
    return any(entry == path or entry.startswith(path + "/") or path.startswith(entry + "/")
               for path in NAMED)


@pytest.mark.parametrize("entry", ENTRIES)
def test_every_entry_is_in_the_layout_table(entry):
    assert named(entry), f"README's layout table does not name {entry}"


@pytest.mark.parametrize("path", NAMED)
def test_every_path_in_the_layout_table_exists(path):
    assert (ROOT / path).exists(), f"README's layout table names {path}, which does not exist"
