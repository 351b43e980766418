"""What stands in for Material's bundle stays visible (overrides/README.md).

Each partial in overrides/partials/ copies one of Material's; the copy it started from is kept
verbatim in overrides/partials/upstream/. When an upgrade of Material changes that partial, the
installed file no longer matches the kept one and the failure shows Material's change as a diff,
to be carried into our partial (or not) by a person, then recorded by refreshing the kept copy.
"""

from __future__ import annotations

import difflib
import re
import sys
from importlib import metadata
from pathlib import Path

import material
import pytest
import yaml

from tests.conftest import ROOT

sys.path.insert(0, str(ROOT / "overrides"))

import material_build

PARTIALS = ROOT / "overrides" / "partials"
UPSTREAM = PARTIALS / "upstream"
INSTALLED = Path(material.__file__).parent / "templates" / "partials"
OURS = sorted(p.name for p in PARTIALS.glob("*.html"))
SCRIPTS = [ROOT / "overrides" / "javascripts", ROOT / "docs" / "javascripts"]


def upstream_change(kept: str, installed: str, name: str) -> str:
    """Material's change to a partial since we copied it, as a unified diff ('' if none)."""
    return "".join(difflib.unified_diff(
        kept.splitlines(keepends=True), installed.splitlines(keepends=True),
        f"overrides/partials/upstream/{name} (the Material partial we copied)",
        f"{INSTALLED / name} (Material {metadata.version('mkdocs-material')})"))


@pytest.mark.parametrize(("kept", "installed", "expected"), [
    ("<a>\n<b>\n", "<a>\n<b>\n", []),
    ("<a>\n<b>\n", "<a>\n<c>\n", ["-<b>", "+<c>"]),
    ("<a>\n", "<a>\n<new>\n", ["+<new>"]),
])
def test_upstream_change_shows_what_material_changed(kept, installed, expected):
    lines = upstream_change(kept, installed, "x.html").splitlines()
    assert [line for line in lines if re.match(r"[-+][^-+]", line)] == expected


@pytest.mark.parametrize("name", OURS)
def test_each_partial_copies_the_installed_material_partial(name):
    kept = UPSTREAM / name
    assert kept.is_file(), (
        f"overrides/partials/{name} has no kept upstream copy: copy {INSTALLED / name} to {kept}")
    assert (INSTALLED / name).is_file(), f"Material no longer has partials/{name}"
    change = upstream_change(kept.read_text(encoding="utf-8"),
                             (INSTALLED / name).read_text(encoding="utf-8"), name)
    assert not change, (
        f"Material's partials/{name} changed since we copied it (overrides/README.md, "
        f"'When Material changes'):\n{change}")


@pytest.mark.parametrize("name", OURS)
def test_each_partial_differs_from_materials(name):
    """A partial identical to Material's is no override: it would only hide upgrades."""
    assert (PARTIALS / name).read_text(encoding="utf-8") != (UPSTREAM / name).read_text(
        encoding="utf-8")


def test_every_kept_upstream_partial_is_overridden():
    assert sorted(p.name for p in UPSTREAM.glob("*.html")) == OURS


def test_scripts_are_modules_and_each_helper_is_defined_once():
    config = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=yaml.BaseLoader)
    scripts = config["extra_javascript"]
    assert scripts and all(s["type"] == "module" for s in scripts), scripts
    defined: dict[str, list[str]] = {}
    for folder in SCRIPTS:
        for path in folder.glob("*.js"):
            for name in re.findall(r"^\s*(?:export\s+)?function\s+(\w+)",
                                   path.read_text(encoding="utf-8"), re.M):
                defined.setdefault(name, []).append(path.name)
    shared = {"editable", "feature", "all", "component"}
    assert {name: files for name, files in defined.items()
            if name in shared and files != ["material.js"]} == {}


@pytest.mark.parametrize(("html", "expected"), [
    ('<a href="r" class="md-source" data-md-component="source">', '<a href="r" class="md-source">'),
    ('<div data-md-component="header">', '<div data-md-component="header">'),
])
def test_repository_link_asks_for_no_star_counts(html, expected):
    assert material_build.plain_source_link(html) == expected
