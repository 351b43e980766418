"""Builds as CI makes them: strict, dated from the last commit, and reproducible.

`SOURCE_DATE_EPOCH` (honoured by MkDocs for the sitemap dates and the gzip header) comes
from the environment when set (the Makefile sets it the same way), else from the last
commit, else a fixed date, so two builds of one commit are byte-identical.
"""

from __future__ import annotations

import filecmp
import os
import subprocess
import sys
import tempfile
from pathlib import Path

from checks import Problem
from checks.links import problems_from_build

#: 2024-06-14 00:00 UTC, the report's date: used outside a git checkout.
FALLBACK_EPOCH = "1718323200"


def source_date_epoch(root: Path) -> str:
    if os.environ.get("SOURCE_DATE_EPOCH", "").isdigit():
        return os.environ["SOURCE_DATE_EPOCH"]
    try:
        done = subprocess.run(["git", "log", "-1", "--format=%ct"], cwd=root, text=True,
                              capture_output=True, timeout=30, check=False)
    except OSError:
        return FALLBACK_EPOCH
    stamp = done.stdout.strip()
    return stamp if done.returncode == 0 and stamp.isdigit() else FALLBACK_EPOCH


def build(root: Path, site_dir: Path) -> tuple[int, str]:
    """`mkdocs build --strict` of `root` into `site_dir`: (return code, output)."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1",
           "SOURCE_DATE_EPOCH": source_date_epoch(root)}
    done = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--clean",
         "--site-dir", str(site_dir)],
        cwd=root, env=env, capture_output=True, text=True, timeout=900, check=False)
    return done.returncode, done.stdout + done.stderr


def differences(left: Path, right: Path) -> list[str]:
    """Paths (relative, sorted) that are missing on one side or differ in content."""
    found: list[str] = []

    def walk(comparison: filecmp.dircmp, prefix: str) -> None:
        found.extend(prefix + name for name in comparison.left_only + comparison.right_only)
        found.extend(prefix + name for name in comparison.common_files
                     if not filecmp.cmp(Path(comparison.left, name),
                                        Path(comparison.right, name), shallow=False))
        found.extend(prefix + name for name in comparison.common_funny)
        for name, sub in sorted(comparison.subdirs.items()):
            walk(sub, f"{prefix}{name}/")

    walk(filecmp.dircmp(left, right, ignore=[]), "")
    return sorted(found)


def check(root: Path, *, reproducible: bool = True, workdir: Path | None = None) -> list[Problem]:
    """The strict build (internal links, anchors, citations) and, if asked, a second
    clean build that must match the first byte for byte. The builds go to `workdir`/a and
    `workdir`/b when given (kept for inspection), else to a temporary folder."""
    if workdir is None:
        with tempfile.TemporaryDirectory(prefix="checks-build-") as tmp:
            return check(root, reproducible=reproducible, workdir=Path(tmp))
    first, second = workdir / "a", workdir / "b"
    returncode, output = build(root, first)
    problems = problems_from_build(output, returncode, root)
    if problems or not reproducible:
        return problems
    returncode, output = build(root, second)
    if returncode:
        return problems_from_build(output, returncode, root)
    return [Problem(f"site/{path}", 1, "differs between two clean builds of the same sources",
                    "make the build deterministic: no clock, random or unordered output "
                    "(see CONTRIBUTING.md, 'Reproducible builds')")
            for path in differences(first, second)]
