"""The automation is valid and calls what exists: workflows and pre-commit parse as YAML,
and every command they run is a Makefile target, a script or a module of this project."""

from __future__ import annotations

import importlib.util
import re
import shlex
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from briefs_citations import bibliography
from tests.checks.conftest import ROOT

WORKFLOWS = sorted((ROOT / ".github/workflows").glob("*.yml"))
MAKE_TARGETS = set(re.findall(r"^([\w-]+(?: [\w-]+)*):(?!=)", (ROOT / "Makefile").read_text(),
                              re.MULTILINE))
TARGETS = {name for group in MAKE_TARGETS for name in group.split()}


def commands(text: str) -> list[list[str]]:
    """The shell commands in a `run:` block, split into words (one per line)."""
    joined = text.replace("\\\n", " ")  # a line continued with a backslash
    return [shlex.split(line) for line in joined.splitlines() if line.strip()]


def assert_exists(words: list[str]) -> None:
    """A command is a make target, a project script, `python -m <module>` or a git/shell
    builtin the workflows need."""
    program, args = words[0], words[1:]
    if program == "make":
        assert args and all(arg in TARGETS for arg in args), f"no Makefile target: {words}"
    elif program.endswith("python") or program == "python3":
        assert args[0] == "-m", words
        assert importlib.util.find_spec(args[1]) is not None, f"no module {args[1]}"
    elif program.startswith((".ci/", "./")):
        assert (ROOT / program).is_file(), f"no script {program}"
    elif program.startswith("DEBIAN_FRONTEND=") or program == "apt-get":
        apt = words[words.index("apt-get"):] if "apt-get" in words else []
        assert apt[1:2] in (["update"], ["install"]), f"unexpected command {words}"
    else:
        assert program == "git", f"unexpected command {words}"


def test_there_are_a_pull_request_and_a_deploy_workflow():
    assert [p.name for p in WORKFLOWS] == ["deploy.yml", "pr.yml"]


@pytest.mark.parametrize("path", WORKFLOWS, ids=lambda p: p.name)
def test_workflow_parses_and_names_existing_commands(path: Path):
    workflow = yaml.safe_load(path.read_text(encoding="utf-8"))
    triggers = workflow.get("on", workflow.get(True))  # YAML 1.1 reads `on` as true
    assert triggers and workflow["jobs"]
    for job in workflow["jobs"].values():
        assert job["runs-on"] == "ubuntu-latest"
        for step in job["steps"]:
            assert "run" in step or "uses" in step, step
            for words in commands(step.get("run", "")):
                assert_exists(words)


def run_commands(path: str) -> list[str]:
    workflow = yaml.safe_load((ROOT / path).read_text(encoding="utf-8"))
    return [step["run"] for job in workflow["jobs"].values() for step in job["steps"]
            if "run" in step]


def test_pull_request_workflow_runs_the_readme_test_command_and_the_checks():
    """The checks run inside the tests (test_checks_seeded, test_checks_builds), so CI runs
    `make test` only: one build of the site, ruff once (issue 14)."""
    runs = run_commands(".github/workflows/pr.yml")
    assert ".ci/run" in runs and "make check" not in runs
    assert (ROOT / ".ci/run").read_text().rstrip().endswith("make test")
    assert "`make test`" in (ROOT / "README.md").read_text(encoding="utf-8")


def test_deploy_workflow_builds_with_make_and_publishes_site_from_main():
    workflow = yaml.safe_load((ROOT / ".github/workflows/deploy.yml").read_text())
    assert workflow.get("on", workflow.get(True))["push"]["branches"] == ["main"]
    runs = run_commands(".github/workflows/deploy.yml")
    # `make pdf` is `make build` and then the print edition (Makefile: `pdf: build`)
    assert "make build" in runs or ("make pdf" in runs and re.search(
        r"^pdf: build$", (ROOT / "Makefile").read_text(), re.MULTILINE))
    uses = {step.get("uses", "").split("@")[0]: step for job in workflow["jobs"].values()
            for step in job["steps"]}
    assert uses["actions/upload-pages-artifact"]["with"]["path"] == "site"
    assert "actions/deploy-pages" in uses


def test_pre_commit_runs_local_commands_only():
    config = yaml.safe_load((ROOT / ".pre-commit-config.yaml").read_text(encoding="utf-8"))
    hooks = [hook for repo in config["repos"] for hook in repo["hooks"]]
    assert {repo["repo"] for repo in config["repos"]} == {"local"}
    assert hooks
    for hook in hooks:
        assert hook["language"] == "system"
        words = shlex.split(hook["entry"])
        # a make target: it sets up .venv first in a fresh clone (run in test_newcomer.py)
        assert words[0] == "make"
        assert_exists([w for w in words if not w.startswith("-")])


@pytest.mark.parametrize("name", ["correction.md", "new-source.md", "translation.md"])
def test_issue_templates_have_front_matter(name: str):
    text = (ROOT / ".github/ISSUE_TEMPLATE" / name).read_text(encoding="utf-8")
    meta = yaml.safe_load(text.split("---")[1])
    assert meta["name"] and meta["about"] and meta["title"]


def test_pull_request_template_has_the_checklist():
    text = (ROOT / ".github/pull_request_template.md").read_text(encoding="utf-8")
    for command in ("make check", "make test", "make refresh PAGE=", "make fix"):
        assert command in text


@pytest.mark.parametrize(("args", "code", "stderr"), [
    (["--fast", "nope"], 2, "unknown check 'nope'"),
    (["format-bib", "--check"], 0, "references.bib is canonical"),
])
def test_cli_exit_status(args: list[str], code: int, stderr: str):
    done = subprocess.run([sys.executable, "-m", "checks", *args], cwd=ROOT,
                          capture_output=True, text=True, check=False)
    assert (done.returncode, stderr in done.stderr) == (code, True), done.stderr


def test_cli_prints_file_line_what_and_todo(project: Path):
    bib = project / "references.bib"
    first = bib.read_text(encoding="utf-8").split("\n").index("@report{tanabe2024,") + 1
    text = bib.read_text(encoding="utf-8")
    bib.write_text(text + "\n@online{TANABE2024,\n  title = {x},\n}\n", encoding="utf-8")
    line = text.count("\n") + 2
    done = subprocess.run([sys.executable, "-m", "checks", "--root", str(project), "bib"],
                          cwd=ROOT, capture_output=True, text=True, check=False)
    assert done.returncode == 1
    assert done.stdout == (
        f"references.bib:{line}: duplicate key 'TANABE2024' (keys are case-insensitive: "
        f"'tanabe2024'), first defined at line {first} — give each source one entry with a "
        "unique key (keys ignore case)\n")


def test_format_bib_command_keeps_the_data(project: Path):
    bib = project / "references.bib"
    text = bib.read_text(encoding="utf-8")
    messy = text.replace("  title        = {Introducing OpenAI Japan},\n", "") \
        .replace("@online{openai2024japan,\n",
                 "@ONLINE{openai2024japan,\n      title=\"Introducing OpenAI Japan\",\n")
    assert messy != text
    bib.write_text(messy, encoding="utf-8")
    before = [(e.key, dict(e.data.fields), str(e.data.persons))
              for e in bibliography.load(bib).entries]
    done = subprocess.run([sys.executable, "-m", "checks", "format-bib", "--root", str(project)],
                          cwd=ROOT, capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr
    assert "references.bib rewritten" in done.stderr
    assert bib.read_text(encoding="utf-8") == text  # the real file is already canonical
    after = [(e.key, dict(e.data.fields), str(e.data.persons))
             for e in bibliography.load(bib).entries]
    assert after == before
