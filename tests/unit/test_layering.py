"""House rules of the citation package (plugins/briefs_citations/).

Only the adapter imports MkDocs; no import cycles; small modules.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[2] / "plugins" / "briefs_citations"
MODULES = sorted(PACKAGE.rglob("*.py"))
ADAPTER = {"plugin.py", "config.py"}


def imports(path: Path) -> set[str]:
    names = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
    return names


def module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


@pytest.mark.parametrize("path", MODULES, ids=lambda p: p.relative_to(PACKAGE).as_posix())
def test_only_the_adapter_imports_mkdocs(path):
    if path.parent == PACKAGE and path.name in ADAPTER:
        return
    mkdocs = {name for name in imports(path) if name.split(".")[0] == "mkdocs"}
    assert not mkdocs, f"{path.name} imports {mkdocs}: only plugin.py and config.py may"


@pytest.mark.parametrize("path", MODULES, ids=lambda p: p.relative_to(PACKAGE).as_posix())
def test_modules_stay_small(path):
    assert len(path.read_text(encoding="utf-8").splitlines()) <= 300


def test_no_import_cycles():
    graph = {module_name(p): {n for n in imports(p) if n.startswith("briefs_citations")}
             for p in MODULES}

    def visit(node: str, trail: tuple[str, ...]) -> None:
        assert node not in trail, f"import cycle: {' → '.join((*trail, node))}"
        for target in graph.get(node, ()):
            if target != "briefs_citations":  # the package's own __init__ has no imports
                visit(target, (*trail, node))

    for module in graph:
        visit(module, ())


def test_core_runs_without_mkdocs():
    """The citation core serves a plain Python-Markdown build."""
    import subprocess
    import sys

    code = (
        "import sys; sys.modules['mkdocs'] = None\n"
        "import markdown\n"
        "from briefs_citations import bibliography\n"
        "from briefs_citations.formatter import ReferenceFormatter\n"
        "from briefs_citations.markdown_ext import CitationExtension\n"
        "bib = bibliography.parse('@online{k, organization={O}, title={T}, langid={english}}')\n"
        "ext = CitationExtension(bibliography=ReferenceFormatter(bib), lang='en')\n"
        "print(markdown.markdown('x[@k]', extensions=['footnotes', ext]))\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          cwd=PACKAGE.parent)
    assert done.returncode == 0, done.stderr
    assert "O. “T.”" in done.stdout
