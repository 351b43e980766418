"""A copy of the real project to seed problems into, so the real files are never touched."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import ROOT as ROOT  # re-exported for the checks tests
from tests.conftest import copy_sources
from tests.conftest import cut_site as cut_site  # re-exported for the checks tests

copy_project = copy_sources



@pytest.fixture
def project(tmp_path: Path) -> Path:
    """The project's sources (no .venv, site/, .git) copied into a temporary folder."""
    return copy_project(tmp_path / "project")


def edit(path: Path, old: str, new: str, count: int = 1) -> None:
    """Replace `old` by `new` in a copied file; fail loudly if the seed does not apply."""
    text = path.read_text(encoding="utf-8")
    assert old in text, f"seed not applicable: {old!r} not in {path}"
    path.write_text(text.replace(old, new, count), encoding="utf-8")
