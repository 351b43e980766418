"""A newcomer's first pull request, from the guide alone (issue 16).

The commands are read from the guide (`CONTRIBUTING.md`, `docs/contributing.ja.md`) and the
pull-request template, and every one must work as written in a fresh clone. The path test
plays a contributor in a fresh git repository holding the project's files and nothing
beside it: a one-language fix, a new source cited in both languages (with the usual
mistakes on the way), a glossary term, the pre-commit hook, the fast and the full checks.

Set-up is not repeated here: the clone's `.venv` is a link to the environment running the
tests (the same pinned requirements, so `make` finds it ready). That a fresh clone sets
itself up is what `.ci/run` proves on every submission. The clone's builds (`make check`,
`make serve`) are cut to the pages the newcomer touches (`cut_site`: every file is there,
the build skips the other pages) and make no search index (no step is about search); that
the whole real content passes the full checks is tests/checks/test_checks_builds.py's, on
the suite's build of the real site.
"""

from __future__ import annotations

import os
import re
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from checks import CHECK, CHECK_FAST, FIX, REFRESH
from tests.checks.conftest import ROOT, cut_site
from tests.conftest import without_search_index

GUIDES = ("CONTRIBUTING.md", "docs/contributing.ja.md", ".github/pull_request_template.md")
#: A command in a code span: a make target or a command of the project's environment.
_COMMAND = re.compile(r"`((?:make|\.venv/bin/\S+|pre-commit) [^`]*|make)`")


def guide_commands() -> set[str]:
    """Every command the guides and the template write in a code span."""
    found = set()
    for name in GUIDES:
        found |= set(_COMMAND.findall((ROOT / name).read_text(encoding="utf-8")))
    return found


GUIDE_COMMANDS = guide_commands()


def named(command: str) -> str:
    """`command`, after checking the guide names it (with a page, several in quotes, or a
    value in its place)."""
    shape = re.sub(r'PAGE=("[^"]*"|\S+)', "PAGE=", command)
    shapes = {re.sub(r'PAGE=("[^"]*"|\S+)', "PAGE=", c) for c in GUIDE_COMMANDS}
    assert shape in shapes, f"{command!r} is not a command the guide names"
    return command


def project_files(target: Path) -> Path:
    """The project's files (tracked and new, not ignored) copied into `target`, with the
    environment running the tests as its `.venv`."""
    listed = subprocess.run(["git", "ls-files", "-z", "--cached", "--others",
                             "--exclude-standard"], cwd=ROOT, capture_output=True,
                            check=True).stdout.decode().split("\0")
    for rel in filter(None, listed):
        source = ROOT / rel
        if source.is_file():
            (target / rel).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, target / rel)
    _borrow_environment(target)
    return target


@pytest.fixture
def clone(tmp_path: Path) -> Path:
    """A fresh git repository of the project's files, its build cut to the pages the
    newcomer edits, without the search index."""
    target = without_search_index(cut_site(project_files(tmp_path / "briefs"),
                                           ["briefs/section-2-1", "glossary"]))
    for command in (["git", "init", "-q", "-b", "main"], ["git", "add", "-A"],
                    ["git", "-c", "user.name=Newcomer", "-c", "user.email=n@example.org",
                     "commit", "-q", "-m", "clone"]):
        subprocess.run(command, cwd=target, check=True)
    return target


def _borrow_environment(target: Path) -> None:
    """`.venv` of the clone: the test runner's environment, entry by entry, with the stamp
    the Makefile looks for (the clone has the same requirements), so `make` sets nothing up."""
    venv = target / ".venv"
    venv.mkdir()
    for entry in Path(sys.prefix).iterdir():
        if not entry.name.startswith(".installed-"):
            (venv / entry.name).symlink_to(entry)
    stamp = subprocess.run("cat requirements.txt pyproject.toml | cksum | cut -d' ' -f1",
                           shell=True, cwd=target, capture_output=True, text=True, check=True)
    (venv / f".installed-{stamp.stdout.strip()}").touch()


def run(root: Path, command: str) -> subprocess.CompletedProcess:
    """Run a command as the guide writes it, in the clone; output kept for assertions."""
    env = {key: value for key, value in os.environ.items()
           if not key.startswith(("VIRTUAL_ENV", "MAKE", "MFLAGS"))}
    return subprocess.run(shlex.split(command), cwd=root, capture_output=True, text=True,
                          env={**env, "NO_MKDOCS_2_WARNING": "1"}, timeout=600, check=False)


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def line_of(path: Path, needle: str) -> int:
    lines = path.read_text(encoding="utf-8").split("\n")
    return next(number for number, line in enumerate(lines, 1) if needle in line)


# -- the guide's commands ------------------------------------------------------------------


def test_the_guides_name_the_commands_the_checks_hint_at():
    for command in (FIX, CHECK_FAST, CHECK, "make test", "make serve", "make hooks"):
        assert command in GUIDE_COMMANDS, command
    assert any(c.startswith(REFRESH) for c in GUIDE_COMMANDS)


@pytest.mark.parametrize("command", sorted(GUIDE_COMMANDS))
def test_every_guide_command_exists_as_written(command: str, tmp_path: Path):
    """Each command, in a dry-run form: make prints what it would do, a module answers
    --help, pre-commit reads its configuration."""
    words = shlex.split(command)
    if words[0] == "make":
        done = subprocess.run(["make", "-n", *words[1:]], cwd=ROOT, capture_output=True,
                              text=True, check=False)
        assert done.returncode == 0, f"{command}: {done.stderr}"
    elif words[0].startswith(".venv/bin/"):
        assert words[1:3] == ["-m", "checks"], command
        done = subprocess.run([sys.executable, "-m", "checks", *words[3:], "--help"],
                              cwd=ROOT, capture_output=True, text=True, check=False)
        assert done.returncode == 0, f"{command}: {done.stderr}"
    else:
        assert words == ["pre-commit", "install"], command
        assert (ROOT / ".pre-commit-config.yaml").is_file()


def test_japanese_guide_has_every_section_of_the_english_original():
    """The guide's two languages stay in step: every section of CONTRIBUTING.md has a
    section with the same anchor in docs/contributing.ja.md (its translation)."""
    english = (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")
    japanese = (ROOT / "docs/contributing.ja.md").read_text(encoding="utf-8")
    slugs = [re.sub(r"[^a-z0-9 -]", "", title.lower()).replace(" ", "-")
             for title in re.findall(r"^## (.+)$", english, re.MULTILINE)]
    ids = re.findall(r"^## .+ \{#([\w-]+)\}$", japanese, re.MULTILINE)
    assert ids == slugs


# -- the newcomer's path -------------------------------------------------------------------

ENTRY = """
@online{example2024,
      title="An example source", organization = {Example Organisation},
  url={https://example.org/report}, date = {2024-05-01}, langid={english}
}
"""


def test_newcomer_path_in_a_fresh_clone(clone: Path):
    fast = named(CHECK_FAST)

    # 1. A Japanese-only fix: the checks pass with a warning that names what to do (and
    # nothing else: the fresh clone passes the fast checks).
    ja, en = clone / "docs/briefs/section-2-1.ja.md", clone / "docs/briefs/section-2-1.en.md"
    ja.write_text(ja.read_text(encoding="utf-8") + "\n<!-- a typo fixed -->\n",
                  encoding="utf-8")  # any change of the original
    done = run(clone, fast)
    assert done.returncode == 0, done.stdout + done.stderr
    assert len(done.stdout.splitlines()) == 1, done.stdout
    line = line_of(en, "translation_of:")
    assert (f"docs/briefs/section-2-1.en.md:{line}: note: docs/briefs/section-2-1.ja.md "
            "has changed since this translation was checked") in done.stdout
    assert "make refresh PAGE=docs/briefs/section-2-1.en.md" in done.stdout
    assert "translation issue" in done.stdout
    done = run(clone, named("make refresh"))
    assert done.returncode == 2 and "PAGE=--all" in done.stderr  # never all pages silently
    done = run(clone, named("make refresh PAGE=docs/briefs/section-2-1.en.md"))
    assert done.returncode == 0, done.stderr
    assert run(clone, fast).stdout == ""

    # 2. A new source, written roughly, cited in both languages with a misspelt key first,
    # and a trailing space (named as such).
    bib = clone / "references.bib"
    bib.write_text(bib.read_text(encoding="utf-8") + ENTRY, encoding="utf-8")
    for page, claim in ((ja, "例示の出典による補足。"), (en, "A remark from the example.")):
        page.write_text(page.read_text(encoding="utf-8") + f"\n{claim}[@exampel2024]\n",
                        encoding="utf-8")
    edit(en, "example.[@exampel2024]", "example.[@exampel2024]  ")
    done = run(clone, fast)
    assert done.returncode != 0
    assert f"docs/briefs/section-2-1.en.md:{line_of(en, 'A remark')}: line ends in spaces" in (
        done.stdout)
    edit(en, "example.[@exampel2024]  ", "example.[@exampel2024]")
    where = line_of(ja, "exampel2024")
    assert (f"docs/briefs/section-2-1.ja.md:{where}: unknown citation key 'exampel2024' "
            "(did you mean 'example2024'?)") in done.stdout
    assert "cited on no page" not in done.stdout  # one message per mistake
    assert "not in the canonical layout" in done.stdout and "make fix" in done.stdout
    for page in (ja, en):
        edit(page, "[@exampel2024]", "[@example2024]")
    done = run(clone, named(FIX))
    assert done.returncode == 0, done.stdout + done.stderr
    assert "@online{example2024,\n  organization = {Example Organisation}," in bib.read_text(
        encoding="utf-8")
    assert run(clone, named("make refresh PAGE=docs/briefs/section-2-1.en.md")).returncode == 0

    # 3. A glossary term in both languages, linked from both pages of a brief.
    for page, heading, group in (
            (clone / "docs/glossary.ja.md", "### 例示用語（example term） {#example-term}",
             "## AI の技術"),
            (clone / "docs/glossary.en.md", "### Example term (例示用語) {#example-term}",
             "## AI technology")):
        edit(page, f"{group}\n", f"{group}\n\n{heading}\n\n例示の定義。An example definition."
                                 "[@example2024]\n")
    for page, word in ((ja, "例示用語"), (en, "example term")):
        page.write_text(page.read_text(encoding="utf-8") + f"\nSee [{word}]"
                        "(../glossary.md#example-term).\n", encoding="utf-8")
    done = run(clone, named('make refresh PAGE="docs/glossary.en.md '
                            'docs/briefs/section-2-1.en.md"'))  # the guide's several pages
    assert done.returncode == 0, done.stdout + done.stderr
    for page in ("docs/glossary.en.md", "docs/briefs/section-2-1.en.md"):
        assert f"{page}: recorded the current version of its original" in done.stderr

    # 4. The pre-commit hook refuses a commit the fast checks refuse, then lets it through.
    assert run(clone, named("make hooks")).returncode == 0
    edit(ja, "補足。[@example2024]", "補足。[@example2024] ")
    git = "git -c user.name=Newcomer -c user.email=n@example.org"
    run(clone, "git add -A")
    done = run(clone, f"{git} commit -q -m 'Add a source'")
    assert done.returncode != 0 and "trailing whitespace" in done.stdout + done.stderr
    edit(ja, "補足。[@example2024] ", "補足。[@example2024]")
    run(clone, "git add -A")
    done = run(clone, f"{git} commit -q -m 'Add a source'")
    assert done.returncode == 0, done.stdout + done.stderr

    # 5. The full checks, two builds included, as the pull-request workflow runs them.
    done = run(clone, named(CHECK))
    assert done.returncode == 0, done.stdout + done.stderr


def test_preview_is_at_the_address_the_guide_gives(tmp_path: Path):
    """`make serve` serves the site where the guide says: the Japanese pages at
    http://127.0.0.1:8000/ and the English ones at /en/. The server runs the Makefile's
    own command on a free port (8000 may be taken where the tests run), in a copy of the
    project's files whose build is cut to the home and references pages, no search index."""
    clone = without_search_index(cut_site(project_files(tmp_path / "briefs"), []))
    import http.client
    import socket
    import time

    for guide in ("CONTRIBUTING.md", "docs/contributing.ja.md"):
        text = (ROOT / guide).read_text(encoding="utf-8")
        assert "<http://127.0.0.1:8000/>" in text and "<http://127.0.0.1:8000/en/>" in text
    recipe = re.search(r"^serve:.*\n\t(.+)$", (ROOT / "Makefile").read_text(), re.MULTILINE)
    assert recipe and recipe[1].endswith("serve --dev-addr 127.0.0.1:8000"), recipe
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    command = recipe[1].replace("$(BIN)", ".venv/bin").replace(":8000", f":{port}")
    env = {k: v for k, v in os.environ.items() if k not in ("SITE_URL", "REPO_URL")}
    server = subprocess.Popen(shlex.split(command), cwd=clone, env=env,
                              stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    try:
        pages: dict[str, tuple[int, str]] = {}
        deadline = time.monotonic() + 300  # the first build, on a busy machine
        while time.monotonic() < deadline and len(pages) < 2 and server.poll() is None:
            for path in ("/", "/en/"):
                connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
                try:
                    connection.request("GET", path)
                    response = connection.getresponse()
                    pages[path] = (response.status, response.read().decode("utf-8"))
                except OSError:
                    time.sleep(0.5)  # not listening yet
                finally:
                    connection.close()
        assert server.poll() is None, server.stderr.read() if server.stderr else ""
        assert pages["/"][0] == 200 and '<html lang="ja"' in pages["/"][1]
        assert pages["/en/"][0] == 200 and '<html lang="en"' in pages["/en/"][1]
    finally:
        server.terminate()
        server.wait(timeout=30)
