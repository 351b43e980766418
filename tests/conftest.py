"""Shared fixtures: building a site in a temporary folder, and the Chromium gate."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.ci_skips import pytest_runtest_makereport  # noqa: F401  (a skip fails under CI)

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"
CHROMIUM = Path("/usr/bin/chromium")


@dataclass
class BuildResult:
    root: Path  # the copied project
    site: Path  # its built site/
    returncode: int
    output: str  # stdout and stderr of `mkdocs build`

    def html(self, url_path: str) -> str:
        """The built page at `url_path` (`""`, `"en/"`, `"briefs/x/"`)."""
        return (self.site / url_path / "index.html").read_text(encoding="utf-8")


def build(project: Path, *, strict: bool = True) -> BuildResult:
    """Run `mkdocs build` as a separate process in `project`, as a user would."""
    command = [sys.executable, "-m", "mkdocs", "build", "--site-dir", "site"]
    if strict:
        command.append("--strict")
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    done = subprocess.run(command, cwd=project, capture_output=True, text=True, env=env,
                          timeout=600)
    return BuildResult(project, project / "site", done.returncode, done.stdout + done.stderr)


@pytest.fixture
def fixture_site(tmp_path: Path):
    """Copy a fixture site from tests/fixtures/NAME into a temporary folder."""

    def copy(name: str = "site") -> Path:
        target = tmp_path / name
        shutil.copytree(FIXTURES / name, target)
        return target

    return copy


@pytest.fixture(scope="session")
def real_site(tmp_path_factory) -> BuildResult:
    """The project's own site, built once per test session from a copy of the sources."""
    target = tmp_path_factory.mktemp("real") / "project"
    ignore = shutil.ignore_patterns(".venv", "site", ".git", "__pycache__", "*.egg-info",
                                    ".pytest_cache", "bench", "node_modules")
    shutil.copytree(ROOT, target, ignore=ignore)
    return build(target)


def require_chromium() -> Path:
    """Chromium for browser tests: skipped outside CI when missing, a failure in CI."""
    if CHROMIUM.exists():
        return CHROMIUM
    message = f"browser tests need {CHROMIUM} (apt-get install chromium)"
    if os.environ.get("CI") == "true":
        pytest.fail(message)
    pytest.skip(message)
