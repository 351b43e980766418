"""A copy of the real project to seed problems into, so the real files are never touched."""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path

import pytest

from tests.conftest import ROOT as ROOT  # re-exported for the checks tests
from tests.conftest import copy_sources

copy_project = copy_sources

#: Pages a cut site always builds: the home page (the site's `/` and `/en/`) and the
#: references page the citation plugin writes into.
ALWAYS_BUILT = ("index", "references")
_NAV = re.compile(r"^nav:\n(?:[ -].*\n)*", re.MULTILINE)


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """The project's sources (no .venv, site/, .git) copied into a temporary folder."""
    return copy_project(tmp_path / "project")


def cut_site(root: Path, pages: Iterable[str]) -> Path:
    """Make the copy at `root` build only `pages` (under docs/, no language suffix, e.g.
    "briefs/section-2-1") and ALWAYS_BUILT, in both languages, with the real configuration.

    A build costs per page (about 0.1 s of CPU each, 48 pages), so a test about a few pages
    builds those. The other pages stay on disk (the fast checks, the charts' page links and
    the citations still see the whole content): mkdocs.yml excludes them (`exclude_docs`;
    MkDocs does not warn about links to excluded pages) and its nav lists the kept ones."""
    kept = [*ALWAYS_BUILT, *pages]
    docs = root / "docs"
    for name in kept:
        assert (docs / f"{name}.ja.md").is_file(), f"no page docs/{name}.ja.md"
    excluded = sorted(f"/{path.relative_to(docs).as_posix()}" for path in docs.rglob("*.md")
                      if re.sub(r"\.(ja|en)\.md$", "", path.relative_to(docs).as_posix())
                      not in kept)
    config = root / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    assert _NAV.search(text) and "exclude_docs" not in text, "mkdocs.yml: update cut_site"
    nav = "nav:\n" + "".join(f"  - {name}.md\n" for name in kept)
    text = _NAV.sub(lambda _: nav, text, count=1)
    config.write_text(text + "exclude_docs: |\n" + "".join(f"  {e}\n" for e in excluded),
                      encoding="utf-8")
    return root


def edit(path: Path, old: str, new: str, count: int = 1) -> None:
    """Replace `old` by `new` in a copied file; fail loudly if the seed does not apply."""
    text = path.read_text(encoding="utf-8")
    assert old in text, f"seed not applicable: {old!r} not in {path}"
    path.write_text(text.replace(old, new, count), encoding="utf-8")
