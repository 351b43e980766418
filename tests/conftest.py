"""Shared fixtures: building a site in a temporary folder, and the Chromium gate.

The suite runs in parallel (`make test`: pytest-xdist, one process per core, scheduled by
tests/scheduling.py); fixtures that are expensive and read-only (the real site's build) are
made once for all processes of a run, under a file lock (`once_per_run`). Fast tests run
first: unit, content, checks, integration, then the browser tests
(`pytest_collection_modifyitems`).
"""

from __future__ import annotations

import atexit
import contextlib
import fcntl
import json
import os
import re
import select
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.ci_skips import pytest_runtest_makereport  # noqa: F401  (a skip fails under CI)
from tests.scheduling import pytest_xdist_make_scheduler  # noqa: F401  (a page, one worker)

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"
# Debian's headless shell (package chromium-headless-shell: Chromium's old headless mode, what
# Playwright itself runs headless): the same engine as /usr/bin/chromium, measured 36 % less
# time on the browser tests. TEST_CHROMIUM=/usr/bin/chromium runs them in the full browser.
CHROMIUM = Path(os.environ.get("TEST_CHROMIUM", "/usr/bin/chromium-headless-shell"))


@dataclass
class BuildResult:
    root: Path  # the copied project
    site: Path  # its built site/
    returncode: int
    output: str  # stdout and stderr of `mkdocs build`

    def html(self, url_path: str) -> str:
        """The built page at `url_path` (`""`, `"en/"`, `"briefs/x/"`)."""
        return (self.site / url_path / "index.html").read_text(encoding="utf-8")


#: The addresses the Pages workflow gives a deployed build (mkdocs.yml reads them with !ENV);
#: the real site is built as deployed there. Without them (a local build) see
#: tests/integration/test_trust_html.py.
DEPLOYED = {"SITE_URL": "https://example.invalid/briefs/",
            "REPO_URL": "https://github.com/example-owner/briefs"}


def build(project: Path, *, strict: bool = True, site_dir: str = "site",
          env: dict[str, str] | None = None, as_user: bool = False) -> BuildResult:
    """Run `mkdocs build` in `project`; `env` adds to (or, with "" values, removes from) the
    environment. By default in a process forked from this test process's build server
    (tests/build_server.py: MkDocs already imported, Jinja's compiled templates kept), about a
    third of the CPU of a fresh interpreter on a small site; `as_user=True` runs
    `python -m mkdocs build` as a separate process, exactly as a user does."""
    args = ["build", "--site-dir", site_dir] + (["--strict"] if strict else [])
    merged = {**os.environ, "NO_MKDOCS_2_WARNING": "1", **(env or {})}
    merged = {name: value for name, value in merged.items() if value != ""}
    if as_user:
        done = subprocess.run([sys.executable, "-m", "mkdocs", *args], cwd=project,
                              capture_output=True, text=True, env=merged, timeout=600)
        return BuildResult(project, project / site_dir, done.returncode,
                           done.stdout + done.stderr)
    returncode, output = _build_server().run(project, args, merged)
    return BuildResult(project, project / site_dir, returncode, output)


class _BuildServer:
    """This process's tests/build_server.py, started at its first build, ended with it."""

    def __init__(self) -> None:
        self.process = subprocess.Popen(
            [sys.executable, str(Path(__file__).with_name("build_server.py")),
             str(_compiled_templates())],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True, cwd=ROOT)
        self.folder = Path(tempfile.mkdtemp(prefix="build-output-"))
        atexit.register(self.close)

    def run(self, project: Path, args: list[str], env: dict[str, str]) -> tuple[int, str]:
        out, err = self.folder / "stdout", self.folder / "stderr"
        request = {"cwd": str(project), "args": args, "env": env, "stdout": str(out),
                   "stderr": str(err)}
        self.process.stdin.write(json.dumps(request) + "\n")
        self.process.stdin.flush()
        ready, _, _ = select.select([self.process.stdout], [], [], 600)
        answer = self.process.stdout.readline() if ready else ""
        if not answer:
            self.close()
            raise RuntimeError(f"the build server gave no answer for {project}")
        output = out.read_text(encoding="utf-8") + err.read_text(encoding="utf-8")
        return int(answer), output

    def close(self) -> None:
        if self.process.poll() is None:
            self.process.stdin.close()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
        shutil.rmtree(self.folder, ignore_errors=True)


_server: _BuildServer | None = None
_templates: Path | None = None


def _compiled_templates() -> Path:
    """The folder where this test process's builds keep Jinja's compiled templates."""
    global _templates
    if _templates is None:
        _templates = Path(tempfile.mkdtemp(prefix="build-templates-"))
        atexit.register(shutil.rmtree, _templates, ignore_errors=True)
    return _templates


def _build_server() -> _BuildServer:
    global _server
    if _server is None or _server.process.poll() is not None:
        _server = _BuildServer()
    return _server


def without_search_index(project: Path) -> Path:
    """`project` with hooks/pagefind_index.py taken out of its mkdocs.yml: no Pagefind run
    (~1.5 s of CPU on the real site) and no `data-pagefind-*` attributes, for a test that is
    not about search (tests/browser/test_search.py is)."""
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    kept = re.sub(r"^  - hooks/pagefind_index\.py.*\n", "", text, flags=re.M)
    assert kept != text, "mkdocs.yml no longer lists hooks/pagefind_index.py"
    config.write_text(kept, encoding="utf-8")
    return project


@pytest.fixture
def template_cache(monkeypatch):
    """For a test that builds in its own process (mkdocs.commands.build): Jinja's compiled
    templates kept as the build server keeps them, shared with its builds."""
    import mkdocs.theme

    from tests.build_server import cache_templates

    monkeypatch.setattr(mkdocs.theme.Theme, "get_env", mkdocs.theme.Theme.get_env)
    cache_templates(str(_compiled_templates()))


@pytest.fixture
def fixture_site(tmp_path: Path):
    """Copy a fixture site from tests/fixtures/NAME into a temporary folder."""

    def copy(name: str = "site") -> Path:
        target = tmp_path / name
        shutil.copytree(FIXTURES / name, target)
        return target

    return copy


#: Run order of the test folders: what fails fastest shows first; browser tests last.
ORDER = ["unit", "content", "checks", "integration", "", "browser"]
#: Under xdist, the print edition's tests (one worker, about a minute: tests/scheduling.py)
#: go first, while the other worker runs the fast folders.
FIRST_UNDER_XDIST = "pdf"


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    parallel = bool(os.environ.get("PYTEST_XDIST_WORKER"))

    def rank(item: pytest.Item) -> int:
        if item.get_closest_marker("browser"):
            return len(ORDER)
        folder = Path(item.path).parent.name
        if parallel and folder == FIRST_UNDER_XDIST:
            return -1
        return ORDER.index(folder) if folder in ORDER else ORDER.index("")

    items.sort(key=rank)  # stable: the order inside a folder stays as written


def run_folder(tmp_path_factory) -> Path:
    """A folder shared by every process of this test run (this session's under xdist)."""
    base = tmp_path_factory.getbasetemp()
    return base.parent if os.environ.get("PYTEST_XDIST_WORKER") else base


@contextlib.contextmanager
def once_per_run(tmp_path_factory, name: str):
    """Lock `name` for this run and yield its folder: the first process to enter makes the
    thing (and marks it done), the others wait and then find it made. Under xdist, use it
    for anything expensive a session fixture builds, so workers never build into one folder
    at the same time nor build it twice."""
    folder = run_folder(tmp_path_factory) / name
    folder.parent.mkdir(parents=True, exist_ok=True)
    with open(folder.parent / f"{name}.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        try:
            yield folder
        finally:
            fcntl.flock(lock, fcntl.LOCK_UN)


def copy_sources(target: Path) -> Path:
    """The project's sources (no .venv, site/, .git, caches) copied into `target`."""
    ignore = shutil.ignore_patterns(".venv", "site", ".git", "__pycache__", "*.egg-info",
                                    ".pytest_cache", ".ruff_cache", "bench", "node_modules")
    shutil.copytree(ROOT, target, ignore=ignore)
    return target


#: Pages a cut site always builds: the home page (the site's `/` and `/en/`) and the
#: references page the citation plugin writes into.
ALWAYS_BUILT = ("index", "references")
_NAV = re.compile(r"^nav:\n(?:[ -].*\n)*", re.MULTILINE)


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


@pytest.fixture(scope="session")
def real_site(tmp_path_factory) -> BuildResult:
    """The project's own site, built as deployed from a copy of the sources, once per test run
    for all workers (`once_per_run`): read it, never change it."""
    with once_per_run(tmp_path_factory, "real") as folder:
        saved = folder / "build.json"
        if saved.is_file():
            done = json.loads(saved.read_text(encoding="utf-8"))
            return BuildResult(folder / "project", folder / "project" / "site",
                               done["returncode"], done["output"])
        shutil.rmtree(folder, ignore_errors=True)  # what a worker that failed half-way left
        result = build(copy_sources(folder / "project"), env=DEPLOYED, as_user=True)
        saved.write_text(json.dumps({"returncode": result.returncode, "output": result.output}),
                         encoding="utf-8")
        return result


def require_chromium() -> Path:
    """Chromium for browser tests: skipped outside CI when missing, a failure in CI."""
    if CHROMIUM.exists():
        return CHROMIUM
    message = (f"browser tests need {CHROMIUM} (apt-get install chromium-headless-shell, "
               "or TEST_CHROMIUM=/usr/bin/chromium)")
    if os.environ.get("CI") == "true":
        pytest.fail(message)
    pytest.skip(message)
