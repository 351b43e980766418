"""The plugin declares the ranges it supports; the site pins exact versions (issue 14)."""

from __future__ import annotations

import tomllib

import pytest
from packaging.requirements import Requirement

from tests.conftest import ROOT

DEPENDENCIES = [Requirement(text) for text in tomllib.loads(
    (ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["dependencies"]]
PINS = {Requirement(line).name.lower(): Requirement(line)
        for line in (ROOT / "requirements.txt").read_text(encoding="utf-8").splitlines()
        if line.strip() and not line.startswith("#")}


@pytest.mark.parametrize("dependency", DEPENDENCIES, ids=str)
def test_each_dependency_is_a_range_that_the_pinned_version_meets(dependency):
    operators = {spec.operator for spec in dependency.specifier}
    assert "==" not in operators and {">=", "<"} <= operators, dependency
    pinned = PINS[dependency.name.lower()]
    version = next(iter(pinned.specifier)).version
    assert dependency.specifier.contains(version), f"{pinned} is outside {dependency}"


def test_mkdocs_range_is_the_one_the_issue_names():
    mkdocs = next(d for d in DEPENDENCIES if d.name.lower() == "mkdocs")
    assert str(mkdocs.specifier) in ("<2,>=1.6", ">=1.6,<2")
